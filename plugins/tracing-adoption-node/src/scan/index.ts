export { scanLocalDirectory } from './scanLocalDirectory';
export type { LocalScanOptions } from './scanLocalDirectory';
