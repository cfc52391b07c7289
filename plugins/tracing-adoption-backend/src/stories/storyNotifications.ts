import { NotificationService } from '@backstage/plugin-notifications-node';
import { Story } from '@internal/plugin-tracing-adoption-common';
import { STORIES_APP_PATH } from './storyFeed';

/** The notification topic users can mute story announcements by. */
const STORY_NOTIFICATION_TOPIC = 'tracing-adoption-stories';

/**
 * Announces stories as they get published.
 *
 * @public
 */
export interface StoryPublishNotifier {
  /** `publisher` is the user who published the story. */
  storyPublished(story: Story, publisher: string): Promise<void>;
}

/**
 * Tells the owners of the entities a story mentions that it was published,
 * through the notifications backend, which resolves entities to their owners.
 */
export function createStoryPublishNotifier(
  notifications: NotificationService,
): StoryPublishNotifier {
  return {
    async storyPublished(story, publisher) {
      if (story.entityRefs.length === 0) {
        return;
      }
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: story.entityRefs,
          // They just published it; telling them adds nothing.
          excludeEntityRef: publisher,
        },
        payload: {
          title: `New tracing success story: ${story.title}`,
          description: `Category: ${story.category} · Team: ${
            story.team
          } · Mentions: ${story.entityRefs.join(', ')}`,
          link: `${STORIES_APP_PATH}/${encodeURIComponent(story.id)}`,
          topic: STORY_NOTIFICATION_TOPIC,
          severity: 'normal',
          // A story published again replaces its earlier notification.
          scope: `story:${story.id}`,
        },
      });
    },
  };
}
