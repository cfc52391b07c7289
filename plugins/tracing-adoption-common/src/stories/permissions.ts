import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Writing a story; every signed-in user holds it under the default policy.
 *
 * @public
 */
export const storyCreatePermission = createPermission({
  name: 'tracing-adoption.story.create',
  attributes: { action: 'create' },
});

/**
 * Editing stories of other authors; authors edit their own without it.
 *
 * @public
 */
export const storyUpdatePermission = createPermission({
  name: 'tracing-adoption.story.update',
  attributes: { action: 'update' },
});

/**
 * Featuring and unfeaturing stories, which pins them to the top of the feed.
 *
 * @public
 */
export const storyFeaturePermission = createPermission({
  name: 'tracing-adoption.story.feature',
  attributes: { action: 'update' },
});

/**
 * Soft-deleting stories.
 *
 * @public
 */
export const storyDeletePermission = createPermission({
  name: 'tracing-adoption.story.delete',
  attributes: { action: 'delete' },
});

/**
 * Listing and restoring soft-deleted stories.
 *
 * @public
 */
export const storyRestorePermission = createPermission({
  name: 'tracing-adoption.story.restore',
  attributes: { action: 'update' },
});

/**
 * Every story permission, for the permissions registry.
 *
 * @public
 */
export const storyPermissions = [
  storyCreatePermission,
  storyUpdatePermission,
  storyFeaturePermission,
  storyDeletePermission,
  storyRestorePermission,
];
