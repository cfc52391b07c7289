import request from 'supertest';
import { editUntilAccepted } from '../__testUtils__/concurrentEdits';
import { expectMatchesSpec } from '../__testUtils__/openApiResponses';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DEMO_CHECKOUT } from './__testUtils__/demoShop';
import { startRolloutTestBackend } from './__testUtils__/rolloutTestBackend';

const databases = createTestDatabases();

const base = '/api/tracing-adoption';

const checkoutInput = {
  id: 'checkout',
  name: 'Checkout',
  entry: DEMO_CHECKOUT,
  peakRequestsPerSecond: 300,
  tier: 1,
  ownerRef: 'group:default/team-checkout',
  campaignId: 'cyber-week',
  declaredParticipants: ['tax'],
};

const cyberWeek = {
  id: 'cyber-week',
  name: 'Cyber Week',
  startDate: '2026-01-01',
  deadline: '2099-11-27',
  targetMaturity: 'walk',
};

describe.each(databases.eachSupportedId())(
  'rollout routes on %p',
  databaseId => {
    async function start() {
      const backend = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
        declarationsSource: 'rollout.yaml',
      });
      return {
        server: backend.server,
        pm: backend.pm,
        developer: backend.reader,
        rolloutStore: backend.stores.rolloutStore,
        snapshotJob: backend.snapshots,
      };
    }

    it('turns the demo checkout traffic into participant statuses and a maturity', async () => {
      const { pm: api } = await start();
      expect((await api.post('/campaigns', cyberWeek)).status).toBe(201);
      const created = await api.post('/critical-operations', checkoutInput);
      expect(created.status).toBe(201);
      expectMatchesSpec('post', '/critical-operations', created);

      const detail = await api.get('/critical-operations/checkout');
      expectMatchesSpec('get', '/critical-operations/{operationId}', detail);
      const { coverage } = detail.body;
      const statuses = Object.fromEntries(
        coverage.participants.map((p: any) => [p.service, p.status]),
      );
      expect(statuses).toMatchObject({
        'edge-gateway': expect.stringMatching(/end-to-end|non-compliant/),
        checkout: expect.stringMatching(/end-to-end|non-compliant/),
        currency: 'uninstrumented',
        tax: 'unknown',
      });
      expect(coverage.maturity).toBe('crawl');
      expect(coverage.traces.matchingTraces).toBeGreaterThan(0);
      expect(coverage.nextLevelBlockers[0]).toContain(
        'currency (uninstrumented)',
      );
      const currency = coverage.participants.find(
        (p: any) => p.service === 'currency',
      );
      expect(currency.entityRef).toBe('component:default/currency');
      expect(currency.evidence[0].traceIds.length).toBeGreaterThan(0);

      const { analysis } = detail.body;
      expect(analysis.edges).toContainEqual({
        caller: 'edge-gateway',
        callee: 'checkout',
        callsPerRequestMean: expect.any(Number),
        latencyP95Us: expect.any(Number),
      });
      expect(analysis.uninstrumentedHops).toContainEqual({
        callerService: 'checkout',
        calleeName: 'currency',
        calleeKind: 'service',
        callsPerRequestMean: expect.any(Number),
      });
    });

    it('ranks the next actions of the team that blocks the operation', async () => {
      const { pm: api } = await start();
      await api.post('/campaigns', cyberWeek);
      await api.post('/critical-operations', checkoutInput);
      const team = await api.get('/rollout/teams/default/team-payments');
      expect(team.status).toBe(200);
      expectMatchesSpec('get', '/rollout/teams/{namespace}/{name}', team);
      expect(team.body.team.blockingOperationIds).toEqual(['checkout']);
      expect(team.body.team.nextActions[0]).toMatchObject({
        kind: 'instrument',
        service: 'currency',
        title: 'Instrument `currency`: blocks Checkout',
      });
      expect(team.body.history).toHaveLength(1);

      const list = await api.get('/rollout/teams?blocking=true');
      expectMatchesSpec('get', '/rollout/teams', list);
      expect(list.body.items.map((t: any) => t.teamRef)).toContain(
        'group:default/team-payments',
      );
      expect(list.body.items.map((t: any) => t.teamRef)).not.toContain(
        'group:default/team-cart',
      );
    });

    it('moves the operation to walk when waivers exempt its gaps, and back when revoked', async () => {
      const { pm: api } = await start();
      await api.post('/campaigns', cyberWeek);
      const first = await api.get('/critical-operations');
      expect(first.body.totalCount).toBe(0);
      await api.post('/critical-operations', checkoutInput);
      const before = await api.get('/critical-operations/checkout');
      const gaps = before.body.coverage.participants.filter(
        (p: any) => !['end-to-end', 'non-compliant'].includes(p.status),
      );
      expect(gaps.length).toBeGreaterThan(0);
      const waivers = [];
      for (const gap of gaps) {
        const waiver = await api.post('/waivers', {
          scope: {
            kind: 'service',
            service: gap.service,
            operationId: 'checkout',
          },
          reason: 'Replaced before Cyber Week',
          approvedBy: 'user:default/sre-lead',
          expiresAt: '2099-01-01T00:00:00Z',
        });
        expect(waiver.status).toBe(201);
        expectMatchesSpec('post', '/waivers', waiver);
        waivers.push(waiver.body.id);
      }
      const waived = await api.get('/critical-operations?maturity=walk');
      expectMatchesSpec('get', '/critical-operations', waived);
      expect(waived.body.items.map((i: any) => i.operation.id)).toEqual([
        'checkout',
      ]);
      const campaign = await api.get('/campaigns/cyber-week');
      expectMatchesSpec('get', '/campaigns/{campaignId}', campaign);
      expect(campaign.body.progress).toMatchObject({
        atTarget: 1,
        total: 1,
        status: 'complete',
      });

      expect((await api.delete(`/waivers/${waivers[0]}`)).status).toBe(204);
      const revoked = await api.get('/critical-operations/checkout');
      expect(revoked.body.coverage.maturity).toBe('crawl');
      const listed = await api.get('/waivers');
      expectMatchesSpec('get', '/waivers', listed);
      expect(listed.body.items).toHaveLength(waivers.length - 1);
    });

    it('answers the overview with campaigns, burn-up, training and blocking teams', async () => {
      const { pm: api, rolloutStore, snapshotJob } = await start();
      await api.post('/campaigns', cyberWeek);
      await api.post('/critical-operations', checkoutInput);
      await api.post('/critical-operations', {
        ...checkoutInput,
        id: 'add-to-cart',
        name: 'Add to cart',
        tier: 2,
        entry: { entryService: 'edge-gateway', httpRoute: '/api/cart/items' },
      });
      const workshop = await api.post('/workshops', {
        date: '2026-10-01',
        topic: 'Tracing 101',
        teamRefs: ['group:default/team-payments'],
      });
      expect(workshop.status).toBe(201);
      expectMatchesSpec('post', '/workshops', workshop);

      const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      await rolloutStore.saveSnapshots([
        {
          day: threeDaysAgo,
          kind: 'campaign',
          key: 'cyber-week',
          figures: { atTarget: 0, total: 2 },
        },
      ]);
      await snapshotJob.run();

      const overview = await api.get('/rollout/overview');
      expect(overview.status).toBe(200);
      expectMatchesSpec('get', '/rollout/overview', overview);
      const { body } = overview;
      expect(body.maturityCounts).toEqual({
        none: 1,
        crawl: 1,
        walk: 0,
        run: 0,
      });
      expect(body.operations.map((o: any) => o.operation.id)).toEqual([
        'checkout',
        'add-to-cart',
      ]);
      expect(body.campaigns[0].burnUp[0]).toEqual({
        day: threeDaysAgo,
        atTarget: 0,
        total: 2,
      });
      expect(body.campaigns[0].burnUp.at(-1)).toMatchObject({
        atTarget: 0,
        total: 2,
      });
      expect(body.campaigns[0].progress.status).toBe('at-risk');
      expect(body.training.trained).toEqual(['group:default/team-payments']);
      expect(body.training.untrained).toContain('group:default/team-checkout');
      expect(body.blockingTeams.map((t: any) => t.teamRef)).toContain(
        'group:default/team-payments',
      );
      expect(body.staleSources).toEqual([]);
    });

    it('refuses bad input with the fields named, and nothing is stored', async () => {
      const { pm: api } = await start();
      const response = await api.post('/critical-operations', {
        ...checkoutInput,
        id: 'Bad Id',
        tier: 7,
        ownerRef: 'user:default/someone',
        campaignId: undefined,
        peakRequestsPerSecond: -1,
        surprise: true,
      });
      expect(response.status).toBe(400);
      expectMatchesSpec('post', '/critical-operations', response);
      const message: string = response.body.error.message;
      for (const field of [
        'id',
        'tier',
        'ownerRef',
        'peakRequestsPerSecond',
        'surprise',
      ]) {
        expect(message).toContain(field);
      }
      const unknownCampaign = await api.post(
        '/critical-operations',
        checkoutInput,
      );
      expect(unknownCampaign.status).toBe(400);
      expect(unknownCampaign.body.error.message).toContain(
        'campaignId names no campaign',
      );
      const expired = await api.post('/waivers', {
        scope: { kind: 'rule', ruleId: 'x' },
        reason: 'r',
        approvedBy: 'user:default/a',
        expiresAt: '2020-01-01T00:00:00Z',
      });
      expect(expired.status).toBe(400);
      expect((await api.get('/critical-operations')).body.totalCount).toBe(0);
    });

    it('gives exactly one of 50 concurrent edits of a version, the rest 409, and loses no edit retried on the fresh version', async () => {
      const { pm: api } = await start();
      await api.post('/campaigns', cyberWeek);
      await api.post('/critical-operations', checkoutInput);
      const { id, ...fields } = checkoutInput;
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.put('/critical-operations/checkout', {
            ...fields,
            peakRequestsPerSecond: 1000 + i,
            version: 1,
          }),
        ),
      );
      const statuses = answers.map(a => a.status).sort();
      expect(statuses.filter(s => s === 200)).toHaveLength(1);
      expect(statuses.filter(s => s === 409)).toHaveLength(49);
      const winner = answers.find(a => a.status === 200)!;
      expectMatchesSpec('put', '/critical-operations/{operationId}', winner);
      const stored = await api.get('/critical-operations/checkout');
      expect(stored.body.operation).toMatchObject({
        version: 2,
        peakRequestsPerSecond: winner.body.operation.peakRequestsPerSecond,
      });
      const conflict = answers.find(a => a.status === 409)!;
      expect(conflict.body.error.message).toContain('is at version 2');

      const clients = Array.from({ length: 50 }, (_, i) => `client-${i}`);
      const writes = await Promise.all(
        clients.map(client =>
          editUntilAccepted(
            () => api.get('/critical-operations/checkout'),
            ({ operation }) =>
              api.put('/critical-operations/checkout', {
                ...fields,
                declaredParticipants: [
                  ...operation.declaredParticipants,
                  client,
                ],
                version: operation.version,
              }),
          ),
        ),
      );
      const final = (await api.get('/critical-operations/checkout')).body
        .operation;
      expect(final.version).toBe(2 + clients.length);
      expect([...final.declaredParticipants].sort()).toEqual(
        ['tax', ...clients].sort(),
      );
      // the clients did collide, and retried
      expect(writes.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(
        clients.length,
      );
    });

    it('keeps config-declared operations read-only through the API', async () => {
      const { pm: api, rolloutStore } = await start();
      await rolloutStore.syncDeclarations(
        {
          operations: [{ ...checkoutInput, campaignId: undefined, tier: 1 }],
          campaigns: [],
        },
        new Date(),
      );
      const { id, ...fields } = checkoutInput;
      const refused = await api.put('/critical-operations/checkout', {
        ...fields,
        campaignId: undefined,
        version: 1,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toBe(
        'Operation checkout is declared in the rollout definitions file rollout.yaml; change it there (the portal shows it read-only)',
      );
      expect(
        (await api.delete('/critical-operations/checkout?version=1')).status,
      ).toBe(409);
    });

    it('lets readers read and refuses their changes', async () => {
      const { server, developer: api } = await start();
      expect(
        (await request(server).get(`${base}/rollout/overview`)).status,
      ).toBe(401);
      expect((await api.get('/rollout/overview')).status).toBe(200);
      for (const [method, path, body] of [
        ['post', '/critical-operations', checkoutInput],
        [
          'put',
          '/critical-operations/checkout',
          { ...checkoutInput, version: 1 },
        ],
        ['delete', '/critical-operations/checkout?version=1', undefined],
        ['post', '/campaigns', cyberWeek],
        [
          'post',
          '/workshops',
          { date: '2026-10-01', topic: 't', teamRefs: ['group:default/a'] },
        ],
        [
          'post',
          '/waivers',
          {
            scope: { kind: 'rule', ruleId: 'x' },
            reason: 'r',
            approvedBy: 'user:default/a',
            expiresAt: '2099-01-01T00:00:00Z',
          },
        ],
      ] as const) {
        const response = await (api as any)[method](path, body);
        expect({ method, path, status: response.status }).toEqual({
          method,
          path,
          status: 403,
        });
        expect(response.body.error.message).toMatch(
          /needs the tracing-adoption\.[a-z.]+ permission/,
        );
      }
    });
  },
);
