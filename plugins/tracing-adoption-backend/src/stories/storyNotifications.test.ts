import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Story } from '@internal/plugin-tracing-adoption-common';
import { createStoryPublishNotifier } from './storyNotifications';

const story: Story = {
  id: 'a1/b2',
  title: 'Pricing fan-out was most of checkout p99',
  body: 'The trace showed 40 sequential calls to `pricing`.',
  author: 'user:default/hannah-okafor',
  team: 'group:default/team-cart-checkout',
  category: 'latency',
  entityRefs: ['component:default/pricing', 'component:default/checkout'],
  operations: ['place-order'],
  impact: [],
  traceLinks: [],
  status: 'published',
  featured: false,
  likes: 0,
  likedByMe: false,
  version: 1,
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  publishedAt: '2025-03-01T09:00:00.000Z',
  deleted: false,
};

describe('createStoryPublishNotifier', () => {
  function notifierSendingTo(sent: NotificationSendOptions[]) {
    return createStoryPublishNotifier({
      send: async options => {
        sent.push(options);
      },
    });
  }

  it('notifies the owners of the mentioned entities, but not the publisher', async () => {
    const sent: NotificationSendOptions[] = [];
    await notifierSendingTo(sent).storyPublished(
      story,
      'user:default/jonas-lindqvist',
    );
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: [
            'component:default/pricing',
            'component:default/checkout',
          ],
          excludeEntityRef: 'user:default/jonas-lindqvist',
        },
        payload: {
          title:
            'New tracing success story: Pricing fan-out was most of checkout p99',
          description:
            'Category: latency · Team: group:default/team-cart-checkout · Mentions: component:default/pricing, component:default/checkout',
          link: '/tracing-adoption/stories/a1%2Fb2',
          topic: 'tracing-adoption-stories',
          severity: 'normal',
          scope: 'story:a1/b2',
        },
      },
    ]);
  });

  it('sends nothing for a story that mentions no entity', async () => {
    const sent: NotificationSendOptions[] = [];
    await notifierSendingTo(sent).storyPublished(
      { ...story, entityRefs: [] },
      story.author,
    );
    expect(sent).toEqual([]);
  });

  it('passes send failures on to the caller', async () => {
    const notifier = createStoryPublishNotifier({
      send: async () => {
        throw new Error('Failed to send notifications: connection refused');
      },
    });
    await expect(notifier.storyPublished(story, story.author)).rejects.toThrow(
      'connection refused',
    );
  });
});
