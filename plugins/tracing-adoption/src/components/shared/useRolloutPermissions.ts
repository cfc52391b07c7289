import { usePermission } from '@backstage/plugin-permission-react';
import {
  campaignManagePermission,
  operationCreatePermission,
  operationDeletePermission,
  operationUpdatePermission,
  waiverManagePermission,
  workshopManagePermission,
} from '@internal/plugin-tracing-adoption-common';

/**
 * Which rollout changes to offer the signed-in user: false until the answer
 * is in, so no button appears and then vanishes. The backend decides again.
 */
export function useRolloutPermissions() {
  const createOperation = usePermission({
    permission: operationCreatePermission,
  });
  const updateOperation = usePermission({
    permission: operationUpdatePermission,
  });
  const deleteOperation = usePermission({
    permission: operationDeletePermission,
  });
  const manageCampaigns = usePermission({
    permission: campaignManagePermission,
  });
  const manageWorkshops = usePermission({
    permission: workshopManagePermission,
  });
  const manageWaivers = usePermission({ permission: waiverManagePermission });
  return {
    createOperation: createOperation.allowed,
    updateOperation: updateOperation.allowed,
    deleteOperation: deleteOperation.allowed,
    manageCampaigns: manageCampaigns.allowed,
    manageWorkshops: manageWorkshops.allowed,
    manageWaivers: manageWaivers.allowed,
  };
}

export type RolloutPermissions = ReturnType<typeof useRolloutPermissions>;
