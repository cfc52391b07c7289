import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { DatabaseRolloutStore } from './DatabaseRolloutStore';
import { checkoutOperation, cyberWeek } from './__testUtils__/definitions';

const databases = createTestDatabases();
const at = new Date('2026-11-20T09:30:00.000Z');

describe.each(databases.eachSupportedId())(
  'DatabaseRolloutStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return new DatabaseRolloutStore(knex);
    }

    it('stores operations exactly as written and refuses a taken id', async () => {
      const store = await createStore();
      const created = await store.createOperation(checkoutOperation(), at);
      expect(created).toEqual({
        ...checkoutOperation(),
        origin: 'api',
        version: 1,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      });
      expect(await store.getOperation('checkout')).toEqual(created);
      await expect(
        store.createOperation(checkoutOperation({ name: 'Other' }), at),
      ).rejects.toThrow(new ConflictError('Operation checkout already exists'));
      expect((await store.getOperation('checkout'))?.name).toBe('Checkout');
    });

    it('applies an edit only on the version it was made on', async () => {
      const store = await createStore();
      await store.createOperation(checkoutOperation(), at);
      const { id, ...fields } = checkoutOperation();
      const later = new Date('2026-11-21T00:00:00.000Z');
      const updated = await store.updateOperation(
        id,
        { ...fields, peakRequestsPerSecond: 800, description: undefined },
        1,
        later,
      );
      expect(updated).toMatchObject({
        version: 2,
        peakRequestsPerSecond: 800,
        updatedAt: later.toISOString(),
        createdAt: at.toISOString(),
      });
      expect(updated.description).toBeUndefined();

      await expect(
        store.updateOperation(id, { ...fields, tier: 3 }, 1, later),
      ).rejects.toThrow(ConflictError);
      expect((await store.getOperation(id))?.tier).toBe(1);
      await expect(
        store.updateOperation('gone', fields, 1, later),
      ).rejects.toThrow(NotFoundError);
      await expect(store.deleteOperation(id, 1)).rejects.toThrow(
        /it is at version 2, your change was made on version 1/,
      );
      await store.deleteOperation(id, 2);
      expect(await store.listOperations()).toEqual([]);
    });

    it('lets exactly one of many concurrent edits of one version win', async () => {
      const store = await createStore();
      await store.createOperation(checkoutOperation(), at);
      const { id, ...fields } = checkoutOperation();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.updateOperation(
            id,
            { ...fields, peakRequestsPerSecond: i },
            1,
            at,
          ),
        ),
      );
      const won = results.filter(r => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(
        results.filter(
          r => r.status === 'rejected' && r.reason instanceof ConflictError,
        ),
      ).toHaveLength(19);
      const stored = await store.getOperation(id);
      expect(stored?.version).toBe(2);
      expect(stored?.peakRequestsPerSecond).toBe(
        (won[0] as PromiseFulfilledResult<{ peakRequestsPerSecond: number }>)
          .value.peakRequestsPerSecond,
      );
    });

    it('keeps config definitions equal to the file and takes over declared API ones', async () => {
      const store = await createStore();
      await store.createOperation(checkoutOperation({ id: 'browse' }), at);
      await store.createOperation(checkoutOperation({ id: 'search' }), at);

      const first = await store.syncDeclarations(
        {
          operations: [
            checkoutOperation(),
            checkoutOperation({ id: 'search' }),
          ],
          campaigns: [cyberWeek],
        },
        at,
      );
      expect(first).toEqual({
        operations: { created: 1, updated: 0, removed: 0, takenOver: 1 },
        campaigns: { created: 1, updated: 0, removed: 0, takenOver: 0 },
      });
      expect(
        (await store.listOperations()).map(o => [o.id, o.origin, o.version]),
      ).toEqual([
        ['browse', 'api', 1],
        ['checkout', 'config', 1],
        ['search', 'config', 2],
      ]);

      const unchanged = await store.syncDeclarations(
        {
          operations: [
            checkoutOperation(),
            checkoutOperation({ id: 'search' }),
          ],
          campaigns: [cyberWeek],
        },
        at,
      );
      expect(unchanged.operations).toEqual({
        created: 0,
        updated: 0,
        removed: 0,
        takenOver: 0,
      });

      const second = await store.syncDeclarations(
        { operations: [checkoutOperation({ tier: 2 })], campaigns: [] },
        at,
      );
      expect(second.operations).toEqual({
        created: 0,
        updated: 1,
        removed: 1,
        takenOver: 0,
      });
      expect(second.campaigns.removed).toBe(1);
      expect(
        (await store.listOperations()).map(o => [o.id, o.tier, o.version]),
      ).toEqual([
        ['browse', 1, 1],
        ['checkout', 2, 2],
      ]);
    });

    it('records workshops with their teams and edits them by version', async () => {
      const store = await createStore();
      const workshop = await store.createWorkshop(
        {
          date: '2026-10-02',
          topic: 'Tracing 101',
          teamRefs: ['group:default/team-a', 'group:default/team-b'],
        },
        'user:default/sre',
        at,
      );
      expect(workshop).toEqual({
        id: expect.any(String),
        date: '2026-10-02',
        topic: 'Tracing 101',
        teamRefs: ['group:default/team-a', 'group:default/team-b'],
        notes: undefined,
        version: 1,
        createdBy: 'user:default/sre',
        createdAt: at.toISOString(),
      });
      await store.createWorkshop(
        {
          date: '2026-11-02',
          topic: 'Propagation',
          teamRefs: ['group:default/team-b'],
        },
        'user:default/sre',
        at,
      );
      expect(
        (await store.listWorkshops({ teamRef: 'group:default/team-a' })).map(
          w => w.topic,
        ),
      ).toEqual(['Tracing 101']);
      expect((await store.listWorkshops()).map(w => w.date)).toEqual([
        '2026-11-02',
        '2026-10-02',
      ]);
      const edited = await store.updateWorkshop(
        workshop.id,
        {
          date: '2026-10-03',
          topic: 'Tracing 101',
          teamRefs: ['group:default/team-c'],
        },
        1,
      );
      expect(edited).toMatchObject({
        version: 2,
        teamRefs: ['group:default/team-c'],
      });
      await expect(
        store.updateWorkshop(workshop.id, { ...edited, teamRefs: [] }, 1),
      ).rejects.toThrow(ConflictError);
      expect((await store.getWorkshop(workshop.id))?.teamRefs).toEqual([
        'group:default/team-c',
      ]);
      await store.deleteWorkshop(workshop.id);
      await expect(store.deleteWorkshop(workshop.id)).rejects.toThrow(
        NotFoundError,
      );
    });

    it('keeps revoked waivers out of the list', async () => {
      const store = await createStore();
      const waiver = await store.createWaiver(
        {
          scope: {
            kind: 'rule',
            ruleId: 'flow-id-on-entry',
            service: 'legacy',
          },
          reason: 'Retired in Q1',
          approvedBy: 'user:default/sre-lead',
          expiresAt: '2027-01-31T00:00:00.000Z',
        },
        'user:default/pm',
        at,
      );
      await store.createWaiver(
        {
          scope: { kind: 'service', service: 'tax', operationId: 'checkout' },
          reason: 'Vendor code',
          approvedBy: 'user:default/sre-lead',
          expiresAt: '2026-12-31T00:00:00.000Z',
        },
        'user:default/pm',
        at,
      );
      expect((await store.listWaivers()).map(w => w.scope)).toEqual([
        { kind: 'service', service: 'tax', operationId: 'checkout' },
        { kind: 'rule', ruleId: 'flow-id-on-entry', service: 'legacy' },
      ]);
      await store.revokeWaiver(waiver.id, 'user:default/sre-lead', at);
      expect(await store.listWaivers()).toHaveLength(1);
      await expect(
        store.revokeWaiver(waiver.id, 'user:default/sre-lead', at),
      ).rejects.toThrow(NotFoundError);
    });

    it('replaces status rows of the given kinds and overwrites a day’s snapshot', async () => {
      const store = await createStore();
      await store.replaceStatus(
        ['operation', 'team'],
        [
          {
            kind: 'operation',
            key: 'a',
            evaluatedAt: at.toISOString(),
            document: { n: 1 },
          },
          {
            kind: 'team',
            key: 'group:default/x',
            evaluatedAt: at.toISOString(),
            document: { n: 2 },
          },
        ],
      );
      await store.replaceStatus(
        ['operation'],
        [
          {
            kind: 'operation',
            key: 'b',
            evaluatedAt: at.toISOString(),
            document: { n: 3 },
          },
        ],
      );
      expect((await store.listStatus('operation')).map(r => r.key)).toEqual([
        'b',
      ]);
      expect(await store.getStatus('team', 'group:default/x')).toEqual({
        kind: 'team',
        key: 'group:default/x',
        evaluatedAt: at.toISOString(),
        document: { n: 2 },
      });

      await store.saveSnapshots([
        {
          day: '2026-11-19',
          kind: 'campaign',
          key: 'c',
          figures: { atTarget: 1 },
        },
        {
          day: '2026-11-20',
          kind: 'campaign',
          key: 'c',
          figures: { atTarget: 2 },
        },
      ]);
      await store.saveSnapshots([
        {
          day: '2026-11-20',
          kind: 'campaign',
          key: 'c',
          figures: { atTarget: 3 },
        },
      ]);
      expect(
        await store.listSnapshots('campaign', {
          key: 'c',
          sinceDay: '2026-11-20',
        }),
      ).toEqual([
        {
          day: '2026-11-20',
          kind: 'campaign',
          key: 'c',
          figures: { atTarget: 3 },
        },
      ]);
      expect(await store.listSnapshots('campaign', {})).toHaveLength(2);
    });
  },
);
