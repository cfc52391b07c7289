import {
  campaignManagePermission,
  operationCreatePermission,
  operationDeletePermission,
  operationUpdatePermission,
  storyCreatePermission,
  storyDeletePermission,
  storyFeaturePermission,
  storyRestorePermission,
  storyUpdatePermission,
  waiverManagePermission,
  workshopManagePermission,
} from '@internal/plugin-tracing-adoption-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { spec } from '../schema/openapi/generated';
import {
  API_BASE,
  startPluginTestBackend,
} from '../__testUtils__/pluginTestBackend';

const ADMIN = 'user:default/rollout-admin';
const NOBODY = 'user:default/no-permissions';

/**
 * What each route answers a signed-in user who holds no permission at all,
 * and a service token. Every change needs a signed-in user, so service tokens
 * get 403 on all of them but the receiver. `why` explains what is not plain
 * (a read that is not 200, a change open to every user); `permission` is the
 * one the user's 403 must name.
 */
type Access = {
  user: number;
  service: number;
  permission?: string;
  why?: string;
};

const NOT_ANALYSED =
  'nothing is analysed, scanned or evaluated in this backend: a 404 naming the missing item';

const ACCESS: Record<string, Access> = {
  'GET /health': { user: 200, service: 200 },
  'GET /services': { user: 200, service: 200 },
  'GET /teams': { user: 200, service: 200 },
  'GET /trace-sources': { user: 200, service: 200 },
  'GET /observed-operations': { user: 200, service: 200 },
  'GET /observed-operations/{operationKey}': {
    user: 404,
    service: 404,
    why: NOT_ANALYSED,
  },
  'GET /repository-scans': { user: 200, service: 200 },
  'GET /repository-scans/{host}/{owner}/{repo}': {
    user: 404,
    service: 404,
    why: NOT_ANALYSED,
  },
  'GET /compliance': { user: 200, service: 200 },
  'POST /v1/traces': {
    user: 403,
    service: 200,
    why: 'exporters send with a service token (static external access token); users never export spans',
  },
  'GET /stories': { user: 200, service: 200 },
  'POST /stories': {
    user: 403,
    service: 403,
    permission: storyCreatePermission.name,
  },
  'GET /stories/feed.atom': { user: 200, service: 200 },
  'GET /stories/{storyId}': { user: 200, service: 200 },
  'PUT /stories/{storyId}': {
    user: 403,
    service: 403,
    permission: storyUpdatePermission.name,
    why: "authors edit their own stories without a permission; this one is the admin's",
  },
  'DELETE /stories/{storyId}': {
    user: 403,
    service: 403,
    permission: storyDeletePermission.name,
  },
  'POST /stories/{storyId}/restore': {
    user: 403,
    service: 403,
    permission: storyRestorePermission.name,
  },
  'PUT /stories/{storyId}/featured': {
    user: 403,
    service: 403,
    permission: storyFeaturePermission.name,
  },
  'PUT /stories/{storyId}/like': {
    user: 200,
    service: 403,
    why: 'any signed-in user may like a published story, and a like counts per user',
  },
  'DELETE /stories/{storyId}/like': {
    user: 200,
    service: 403,
    why: 'any signed-in user may take back their own like',
  },
  'GET /critical-operations': { user: 200, service: 200 },
  'POST /critical-operations': {
    user: 403,
    service: 403,
    permission: operationCreatePermission.name,
  },
  'GET /critical-operations/{operationId}': { user: 200, service: 200 },
  'PUT /critical-operations/{operationId}': {
    user: 403,
    service: 403,
    permission: operationUpdatePermission.name,
  },
  'DELETE /critical-operations/{operationId}': {
    user: 403,
    service: 403,
    permission: operationDeletePermission.name,
  },
  'GET /campaigns': { user: 200, service: 200 },
  'POST /campaigns': {
    user: 403,
    service: 403,
    permission: campaignManagePermission.name,
  },
  'GET /campaigns/{campaignId}': { user: 200, service: 200 },
  'PUT /campaigns/{campaignId}': {
    user: 403,
    service: 403,
    permission: campaignManagePermission.name,
  },
  'DELETE /campaigns/{campaignId}': {
    user: 403,
    service: 403,
    permission: campaignManagePermission.name,
  },
  'GET /workshops': { user: 200, service: 200 },
  'POST /workshops': {
    user: 403,
    service: 403,
    permission: workshopManagePermission.name,
  },
  'PUT /workshops/{workshopId}': {
    user: 403,
    service: 403,
    permission: workshopManagePermission.name,
  },
  'DELETE /workshops/{workshopId}': {
    user: 403,
    service: 403,
    permission: workshopManagePermission.name,
  },
  'GET /waivers': { user: 200, service: 200 },
  'POST /waivers': {
    user: 403,
    service: 403,
    permission: waiverManagePermission.name,
  },
  'DELETE /waivers/{waiverId}': {
    user: 403,
    service: 403,
    permission: waiverManagePermission.name,
  },
  'GET /rollout/overview': { user: 200, service: 200 },
  'GET /rollout/teams': { user: 200, service: 200 },
  'GET /rollout/teams/{namespace}/{name}': {
    user: 404,
    service: 404,
    why: 'teams are evaluated from the catalog mirror, which no sync filled here',
  },
  'GET /critical-operations/{operationId}/health': {
    user: 200,
    service: 200,
  },
  'GET /capacity': { user: 200, service: 200 },
  'GET /capacity.csv': { user: 200, service: 200 },
  'GET /entity-facts': { user: 200, service: 200 },
};

const campaign = {
  name: 'Cyber Week',
  startDate: '2026-01-01',
  deadline: '2099-11-27',
  targetMaturity: 'walk',
};
const operation = {
  name: 'Checkout',
  entry: { entryService: 'edge-gateway', httpRoute: '/api/checkout' },
  peakRequestsPerSecond: 300,
  tier: 1,
  ownerRef: 'group:default/team-checkout',
  campaignId: 'cyber-week',
};
const workshop = {
  date: '2026-10-01',
  topic: 'Tracing 101',
  teamRefs: ['group:default/team-checkout'],
};
const waiver = {
  scope: { kind: 'rule', ruleId: 'otel.http.route' },
  reason: 'Legacy gateway, replaced in Q1',
  approvedBy: 'user:default/sre-lead',
  expiresAt: '2099-01-01T00:00:00Z',
};
const story = {
  title: 'Pricing fan-out was most of checkout p99',
  body: 'The trace showed 40 sequential calls to `pricing`.',
  category: 'latency',
  status: 'published',
};
const otlpExport = {
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }],
      },
      scopeSpans: [
        {
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              name: 'GET /api/cart',
              kind: 2,
              startTimeUnixNano: '1795600800000000000',
              endTimeUnixNano: '1795600800005000000',
            },
          ],
        },
      ],
    },
  ],
};

/** Valid bodies and required query parameters, so that only access decides. */
const BODIES: Record<string, object> = {
  'POST /v1/traces': otlpExport,
  'POST /stories': story,
  'PUT /stories/{storyId}': { ...story, version: 1 },
  'PUT /stories/{storyId}/featured': { featured: true },
  'POST /critical-operations': { ...operation, id: 'refund' },
  'PUT /critical-operations/{operationId}': { ...operation, version: 1 },
  'POST /campaigns': { ...campaign, id: 'black-friday' },
  'PUT /campaigns/{campaignId}': { ...campaign, version: 1 },
  'POST /workshops': workshop,
  'PUT /workshops/{workshopId}': { ...workshop, version: 1 },
  'POST /waivers': waiver,
};
const QUERIES: Record<string, string> = {
  'DELETE /critical-operations/{operationId}': '?version=1',
  'DELETE /campaigns/{campaignId}': '?version=1',
};

function specRoutes(): string[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map(method => `${method.toUpperCase()} ${path}`),
  );
}

describe('access to every route of openapi.yaml', () => {
  it('has a row for every route, and no row for a route that is gone', () => {
    const routes = specRoutes();
    expect({
      withoutRow: routes.filter(route => !ACCESS[route]),
      notInSpec: Object.keys(ACCESS).filter(route => !routes.includes(route)),
    }).toEqual({ withoutRow: [], notInSpec: [] });
  });

  it('answers users without permissions and service tokens as the table says', async () => {
    const backend = await startPluginTestBackend({
      allow: user => user === ADMIN,
    });
    const admin = backend.as(ADMIN);
    const seeded = await Promise.all([
      admin.post('/campaigns', { ...campaign, id: 'cyber-week' }),
      admin.post('/workshops', workshop),
      admin.post('/waivers', waiver),
      admin.post('/stories', story),
    ]);
    const created = await admin.post('/critical-operations', {
      ...operation,
      id: 'checkout',
    });
    expect([...seeded, created].map(r => r.status)).toEqual([
      201, 201, 201, 201, 201,
    ]);
    const params: Record<string, string> = {
      operationKey: 'edge-gateway|GET /',
      host: 'github.com',
      owner: 'shopfront',
      repo: 'cart',
      storyId: seeded[3].body.id,
      operationId: 'checkout',
      campaignId: 'cyber-week',
      workshopId: seeded[1].body.id,
      waiverId: seeded[2].body.id,
      namespace: 'default',
      name: 'team-checkout',
    };

    const answers = async (
      route: string,
      authorization: string,
    ): Promise<{ status: number; message?: string }> => {
      const [method, template] = route.split(' ');
      const path = template.replace(/\{(\w+)\}/g, (_, name) =>
        encodeURIComponent(params[name]),
      );
      let call = request(backend.server)
        [method.toLowerCase() as 'get'](
          `${API_BASE}${path}${QUERIES[route] ?? ''}`,
        )
        .set('authorization', authorization);
      if (BODIES[route]) {
        call = call.send(BODIES[route]);
      }
      const response = await call;
      return {
        status: response.status,
        message: response.body?.error?.message,
      };
    };

    const actual: Record<string, Access> = {};
    for (const [route, expected] of Object.entries(ACCESS)) {
      const user = await answers(route, mockCredentials.user.header(NOBODY));
      const service = await answers(route, mockCredentials.service.header());
      actual[route] = {
        ...expected,
        user: user.status,
        service: service.status,
        permission:
          expected.permission &&
          /needs the (\S+) permission/.exec(user.message ?? '')?.[1],
      };
    }
    expect(actual).toEqual(ACCESS);
  });

  it('refuses oversized bodies with 413 on JSON routes and on the receiver', async () => {
    const maxBodyBytes = 64 * 1024;
    const backend = await startPluginTestBackend({
      allow: () => true,
      config: { receiver: { maxBodyBytes } },
    });
    const story413 = await backend
      .as(ADMIN)
      .post('/stories', { ...story, body: 'x'.repeat(600 * 1024) });
    expect(story413.status).toBe(413);
    expect(story413.body.error.message).toBe(
      'Request body is larger than 512kb; send a smaller one',
    );

    const receiver413 = await backend.asService().post('/v1/traces', {
      ...otlpExport,
      padding: 'x'.repeat(maxBodyBytes),
    });
    expect(receiver413.status).toBe(413);
    expect(receiver413.body.error.message).toBe(
      `Body is larger than ${maxBodyBytes} bytes; send smaller batches`,
    );

    const justBelow = await backend
      .as(ADMIN)
      .post('/stories', { ...story, body: '€'.repeat(50_000) });
    expect(justBelow.status).toBe(201);
  });
});
