import { createPermission } from '@backstage/plugin-permission-common';

/** Defining a new critical operation. @public */
export const operationCreatePermission = createPermission({
  name: 'tracing-adoption.operation.create',
  attributes: { action: 'create' },
});

/** Changing a critical operation defined through the API. @public */
export const operationUpdatePermission = createPermission({
  name: 'tracing-adoption.operation.update',
  attributes: { action: 'update' },
});

/** Removing a critical operation defined through the API. @public */
export const operationDeletePermission = createPermission({
  name: 'tracing-adoption.operation.delete',
  attributes: { action: 'delete' },
});

/** Creating, changing and removing campaigns. @public */
export const campaignManagePermission = createPermission({
  name: 'tracing-adoption.campaign.manage',
  attributes: { action: 'update' },
});

/** Recording, changing and removing workshops. @public */
export const workshopManagePermission = createPermission({
  name: 'tracing-adoption.workshop.manage',
  attributes: { action: 'update' },
});

/** Granting and revoking waivers. @public */
export const waiverManagePermission = createPermission({
  name: 'tracing-adoption.waiver.manage',
  attributes: { action: 'update' },
});

/**
 * Every rollout permission, for the permissions registry.
 *
 * @public
 */
export const rolloutPermissions = [
  operationCreatePermission,
  operationUpdatePermission,
  operationDeletePermission,
  campaignManagePermission,
  workshopManagePermission,
  waiverManagePermission,
];
