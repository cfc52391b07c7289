export { StoriesFeedPage } from './StoriesFeedPage';
export { StoryPage } from './StoryPage';
export { StoryEditor } from './StoryEditor';
export { EntityStoriesCard } from './EntityStoriesCard';
export {
  storiesRouteRef,
  newStoryRouteRef,
  storyRouteRef,
  editStoryRouteRef,
} from './storyRoutes';
