import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { tracingAdoptionPlugin } from '../plugin';

/** Every signed-in user is a member of this group, their stories' default team. */
export const TEST_TEAM = 'group:default/team-checkout';

export const API_BASE = '/api/tracing-adoption';

type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * Starts the real plugin, as plugin.ts wires its routes, with no scheduled
 * task run. Permissions are decided by `allow`; the database is `knex` when
 * given, else the test backend's in-memory SQLite.
 */
export async function startPluginTestBackend(options: {
  allow: (userEntityRef: string | undefined, permission: string) => boolean;
  knex?: Knex;
  config?: JsonObject;
}) {
  const { server } = await startTestBackend({
    features: [
      tracingAdoptionPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          tracingAdoption: {
            stories: { notifyOnPublish: false },
            ...options.config,
          },
        },
      }),
      mockServices.permissions.mock({
        authorize: async (requests, { credentials }) => {
          const { userEntityRef } = credentials.principal as {
            userEntityRef?: string;
          };
          return requests.map(({ permission }) => ({
            result: options.allow(userEntityRef, permission.name)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          }));
        },
      }).factory,
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const { userEntityRef } = credentials.principal as {
            userEntityRef: string;
          };
          return {
            userEntityRef,
            ownershipEntityRefs: [userEntityRef, TEST_TEAM],
          };
        },
      }).factory,
      ...(options.knex
        ? [
            mockServices.database.factory({
              knex: options.knex,
              migrations: { skip: false },
            }),
          ]
        : []),
    ],
  });

  /** Requests with the given authorization header. */
  const client = (authorization: string) => {
    const call = (method: Method) => (path: string, body?: object) => {
      const req = request(server)
        [method](`${API_BASE}${path}`)
        .set('authorization', authorization);
      return body === undefined ? req : req.send(body);
    };
    return {
      get: call('get'),
      post: call('post'),
      put: call('put'),
      delete: call('delete'),
    };
  };

  return {
    server,
    as: (userEntityRef: string) =>
      client(mockCredentials.user.header(userEntityRef)),
    asService: () => client(mockCredentials.service.header()),
  };
}

export type PluginClient = ReturnType<
  Awaited<ReturnType<typeof startPluginTestBackend>>['as']
>;
