import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { RestrictedPermissionsPolicy } from './permissionPolicy';

const waivers = createPermission({
  name: 'tracing-adoption.waiver.manage',
  attributes: { action: 'update' },
});
const stories = createPermission({
  name: 'tracing-adoption.story.create',
  attributes: { action: 'create' },
});

const policy = RestrictedPermissionsPolicy.fromConfig(
  new ConfigReader({
    tracingAdoption: {
      accessControl: [
        {
          permissions: ['tracing-adoption.waiver.manage'],
          allow: ['group:default/sre-tracing', 'user:default/rachel'],
        },
      ],
    },
  }),
);

function user(userEntityRef: string, groups: string[] = []) {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
  };
}

describe('RestrictedPermissionsPolicy', () => {
  it('gives restricted permissions to listed users and members of listed groups only', async () => {
    const decide = async (who?: ReturnType<typeof user>) =>
      (await policy.handle({ permission: waivers }, who)).result;
    expect(await decide(user('user:default/rachel'))).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(
      await decide(user('user:default/tomas', ['group:default/sre-tracing'])),
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      await decide(user('user:development/guest', ['group:default/team-a'])),
    ).toBe(AuthorizeResult.DENY);
    expect(await decide(undefined)).toBe(AuthorizeResult.DENY);
  });

  it('allows every permission no restriction names', async () => {
    expect(
      (await policy.handle({ permission: stories }, user('user:default/x')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
