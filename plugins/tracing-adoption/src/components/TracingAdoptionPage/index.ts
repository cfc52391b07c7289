export { TracingAdoptionPage } from './TracingAdoptionPage';
