import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** Permissions only the listed users or members of the listed groups hold. */
export interface PermissionRestriction {
  permissions: string[];
  allow: string[];
}

/**
 * Allows everything except the restricted permissions, which only the
 * users and groups a restriction lists hold. Suits a rollout where every
 * engineer reads and writes stories while the SRE team manages operations,
 * campaigns and waivers.
 */
export class RestrictedPermissionsPolicy implements PermissionPolicy {
  constructor(private readonly restrictions: PermissionRestriction[]) {}

  static fromConfig(config: Config): RestrictedPermissionsPolicy {
    return new RestrictedPermissionsPolicy(
      (
        config.getOptionalConfigArray('tracingAdoption.accessControl') ?? []
      ).map(rule => ({
        permissions: rule.getStringArray('permissions'),
        allow: rule.getStringArray('allow'),
      })),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const applying = this.restrictions.filter(r =>
      r.permissions.includes(request.permission.name),
    );
    const identities = new Set([
      user?.info.userEntityRef,
      ...(user?.info.ownershipEntityRefs ?? []),
    ]);
    const allowed = applying.every(r =>
      r.allow.some(ref => identities.has(ref)),
    );
    return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'tracing-adoption-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(RestrictedPermissionsPolicy.fromConfig(config));
      },
    });
  },
});
