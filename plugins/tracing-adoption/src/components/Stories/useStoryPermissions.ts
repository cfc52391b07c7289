import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  Story,
  storyDeletePermission,
  storyFeaturePermission,
  storyRestorePermission,
  storyUpdatePermission,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';

/** What the signed-in user may do with stories; the backend decides again. */
export interface StoryPermissions {
  userRef?: string;
  canEdit(story: Story): boolean;
  canFeature: boolean;
  canDelete: boolean;
  canRestore: boolean;
}

/**
 * Which story actions to offer the signed-in user: nothing until the
 * answers are in, so no button appears and then vanishes.
 */
export function useStoryPermissions(): StoryPermissions {
  const identityApi = useApi(identityApiRef);
  const permissionApi = useApi(permissionApiRef);
  const { value } = useAsync(async () => {
    const allowed = async (permission: typeof storyUpdatePermission) =>
      (await permissionApi.authorize({ permission })).result ===
      AuthorizeResult.ALLOW;
    const [identity, updateAny, feature, remove, restore] = await Promise.all([
      identityApi.getBackstageIdentity(),
      allowed(storyUpdatePermission),
      allowed(storyFeaturePermission),
      allowed(storyDeletePermission),
      allowed(storyRestorePermission),
    ]);
    return {
      userRef: identity.userEntityRef,
      updateAny,
      feature,
      remove,
      restore,
    };
  }, [identityApi, permissionApi]);

  return {
    userRef: value?.userRef,
    canEdit: story =>
      value !== undefined &&
      (story.author === value.userRef || value.updateAny),
    canFeature: value?.feature ?? false,
    canDelete: value?.remove ?? false,
    canRestore: value?.restore ?? false,
  };
}
