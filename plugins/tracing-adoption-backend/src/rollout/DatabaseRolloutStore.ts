import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignInput,
  CriticalOperation,
  CriticalOperationInput,
  DefinitionOrigin,
  TargetMaturity,
  Waiver,
  WaiverInput,
  Workshop,
  WorkshopInput,
} from '@internal/plugin-tracing-adoption-common';
import { Knex } from 'knex';
import { chunks, toIsoString } from '../database/util';
import {
  CriticalOperationAnalysisRow,
  DeclarationSyncCounts,
  RolloutStatusRow,
  RolloutStore,
  RolloutSubjectKind,
  SnapshotRow,
  SnapshotSubjectKind,
} from './RolloutStore';

type Timestamp = Date | string | number;

type OperationRow = {
  id: string;
  name: string;
  description: string | null;
  entry: string;
  peak_rps: number | string;
  tier: number | string;
  owner_ref: string;
  campaign_id: string | null;
  declared_participants: string;
  objectives: string | null;
  origin: DefinitionOrigin;
  version: number | string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type CampaignRow = {
  id: string;
  name: string;
  description: string | null;
  start_date: string;
  deadline: string;
  target_maturity: TargetMaturity;
  origin: DefinitionOrigin;
  version: number | string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type WaiverRow = {
  id: string;
  scope_kind: 'service' | 'rule';
  service: string | null;
  operation_id: string | null;
  rule_id: string | null;
  reason: string;
  approved_by: string;
  expires_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
};

function operationColumns(input: Omit<CriticalOperationInput, 'id'>) {
  return {
    name: input.name,
    description: input.description ?? null,
    entry: JSON.stringify(input.entry),
    peak_rps: input.peakRequestsPerSecond,
    tier: input.tier,
    owner_ref: input.ownerRef,
    campaign_id: input.campaignId ?? null,
    declared_participants: JSON.stringify(input.declaredParticipants ?? []),
    objectives: input.objectives ? JSON.stringify(input.objectives) : null,
  };
}

function toOperation(row: OperationRow): CriticalOperation {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? undefined,
    entry: JSON.parse(row.entry),
    peakRequestsPerSecond: Number(row.peak_rps),
    tier: Number(row.tier) as CriticalOperation['tier'],
    ownerRef: row.owner_ref,
    campaignId: row.campaign_id ?? undefined,
    declaredParticipants: JSON.parse(row.declared_participants),
    objectives: row.objectives ? JSON.parse(row.objectives) : undefined,
    origin: row.origin,
    version: Number(row.version),
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

function campaignColumns(input: Omit<CampaignInput, 'id'>) {
  return {
    name: input.name,
    description: input.description ?? null,
    start_date: input.startDate,
    deadline: input.deadline,
    target_maturity: input.targetMaturity,
  };
}

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? undefined,
    startDate: row.start_date,
    deadline: row.deadline,
    targetMaturity: row.target_maturity,
    origin: row.origin,
    version: Number(row.version),
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

function toWaiver(row: WaiverRow): Waiver {
  return {
    id: row.id,
    scope:
      row.scope_kind === 'service'
        ? {
            kind: 'service',
            service: row.service!,
            ...(row.operation_id ? { operationId: row.operation_id } : {}),
          }
        : {
            kind: 'rule',
            ruleId: row.rule_id!,
            ...(row.service ? { service: row.service } : {}),
          },
    reason: row.reason,
    approvedBy: row.approved_by,
    expiresAt: toIsoString(row.expires_at),
    createdBy: row.created_by,
    createdAt: toIsoString(row.created_at),
  };
}

/** Definitions edited through the API, with their versions. */
interface VersionedTable<Input extends { id: string }, Definition> {
  table: 'critical_operations' | 'campaigns';
  noun: string;
  columns(input: Omit<Input, 'id'>): Record<string, unknown>;
  toDefinition(row: any): Definition;
  /** Whether a stored row already says what the declared input says. */
  sameAs(definition: Definition, input: Input): boolean;
}

const OPERATIONS: VersionedTable<CriticalOperationInput, CriticalOperation> = {
  table: 'critical_operations',
  noun: 'Operation',
  columns: operationColumns,
  toDefinition: toOperation,
  sameAs: (stored, input) =>
    JSON.stringify(operationColumns(stored)) ===
    JSON.stringify(operationColumns(input)),
};

const CAMPAIGNS: VersionedTable<CampaignInput, Campaign> = {
  table: 'campaigns',
  noun: 'Campaign',
  columns: campaignColumns,
  toDefinition: toCampaign,
  sameAs: (stored, input) =>
    JSON.stringify(campaignColumns(stored)) ===
    JSON.stringify(campaignColumns(input)),
};

function staleVersionError(
  noun: string,
  id: string,
  current: number,
  version: number,
): ConflictError {
  return new ConflictError(
    `${noun} ${id} was changed by someone else: it is at version ${current}, ` +
      `your change was made on version ${version}. Reload it and apply your changes again.`,
  );
}

/** Knex-backed rollout storage, on SQLite or PostgreSQL. */
export class DatabaseRolloutStore implements RolloutStore {
  constructor(private readonly db: Knex) {}

  private async list<D>(spec: VersionedTable<any, D>): Promise<D[]> {
    const rows = await this.db(spec.table).select().orderBy('id');
    return rows.map(row => spec.toDefinition(row));
  }

  private async get<D>(
    spec: VersionedTable<any, D>,
    id: string,
  ): Promise<D | undefined> {
    const row = await this.db(spec.table).where({ id }).first();
    return row ? spec.toDefinition(row) : undefined;
  }

  private async create<I extends { id: string }, D>(
    spec: VersionedTable<I, D>,
    input: I,
    origin: DefinitionOrigin,
    at: Date,
    db: Knex = this.db,
  ): Promise<D> {
    const { id, ...rest } = input;
    const inserted = await db(spec.table)
      .insert({
        id,
        ...spec.columns(rest),
        origin,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      throw new ConflictError(`${spec.noun} ${id} already exists`);
    }
    return spec.toDefinition(await db(spec.table).where({ id }).first());
  }

  /** Writes only when the row is still at `version`, so no edit is lost. */
  private async update<I extends { id: string }, D>(
    spec: VersionedTable<I, D>,
    id: string,
    update: Omit<I, 'id'>,
    version: number,
    at: Date,
  ): Promise<D> {
    const changed = await this.db(spec.table)
      .where({ id, version })
      .update({
        ...spec.columns(update),
        version: version + 1,
        updated_at: at,
      });
    if (changed === 0) {
      throw await this.missingOrMoved(spec, id, version);
    }
    return spec.toDefinition(await this.db(spec.table).where({ id }).first());
  }

  private async remove(
    spec: VersionedTable<any, unknown>,
    id: string,
    version: number,
  ): Promise<void> {
    const deleted = await this.db(spec.table).where({ id, version }).delete();
    if (deleted === 0) {
      throw await this.missingOrMoved(spec, id, version);
    }
  }

  private async missingOrMoved(
    spec: VersionedTable<any, unknown>,
    id: string,
    version: number,
  ): Promise<Error> {
    const current = await this.db(spec.table).where({ id }).first('version');
    return current
      ? staleVersionError(spec.noun, id, Number(current.version), version)
      : new NotFoundError(`${spec.noun} ${id} does not exist`);
  }

  listOperations() {
    return this.list(OPERATIONS);
  }
  getOperation(id: string) {
    return this.get(OPERATIONS, id);
  }
  createOperation(input: CriticalOperationInput, at: Date) {
    return this.create(OPERATIONS, input, 'api', at);
  }
  updateOperation(
    id: string,
    update: Omit<CriticalOperationInput, 'id'>,
    version: number,
    at: Date,
  ) {
    return this.update(OPERATIONS, id, update, version, at);
  }
  async deleteOperation(id: string, version: number) {
    await this.remove(OPERATIONS, id, version);
    await this.db('critical_operation_analyses')
      .where({ operation_id: id })
      .delete();
  }

  listCampaigns() {
    return this.list(CAMPAIGNS);
  }
  getCampaign(id: string) {
    return this.get(CAMPAIGNS, id);
  }
  createCampaign(input: CampaignInput, at: Date) {
    return this.create(CAMPAIGNS, input, 'api', at);
  }
  updateCampaign(
    id: string,
    update: Omit<CampaignInput, 'id'>,
    version: number,
    at: Date,
  ) {
    return this.update(CAMPAIGNS, id, update, version, at);
  }
  deleteCampaign(id: string, version: number) {
    return this.remove(CAMPAIGNS, id, version);
  }

  async syncDeclarations(
    declared: {
      operations: CriticalOperationInput[];
      campaigns: CampaignInput[];
    },
    at: Date,
  ) {
    return this.db.transaction(async tx => ({
      operations: await this.syncTable(tx, OPERATIONS, declared.operations, at),
      campaigns: await this.syncTable(tx, CAMPAIGNS, declared.campaigns, at),
    }));
  }

  private async syncTable<
    I extends { id: string },
    D extends { origin: DefinitionOrigin; version: number },
  >(
    tx: Knex.Transaction,
    spec: VersionedTable<I, D>,
    declared: I[],
    at: Date,
  ): Promise<DeclarationSyncCounts> {
    const counts = { created: 0, updated: 0, removed: 0, takenOver: 0 };
    const stored = new Map<string, D>(
      (await tx(spec.table).select()).map(row => [
        row.id as string,
        spec.toDefinition(row),
      ]),
    );
    for (const input of declared) {
      const current = stored.get(input.id);
      if (!current) {
        await this.create(spec, input, 'config', at, tx);
        counts.created++;
        continue;
      }
      if (current.origin === 'config' && spec.sameAs(current, input)) {
        continue;
      }
      const { id, ...rest } = input;
      await tx(spec.table)
        .where({ id })
        .update({
          ...spec.columns(rest),
          origin: 'config',
          version: current.version + 1,
          updated_at: at,
        });
      if (current.origin === 'api') {
        counts.takenOver++;
      } else {
        counts.updated++;
      }
    }
    const declaredIds = new Set(declared.map(d => d.id));
    const removed = [...stored]
      .filter(([id, d]) => d.origin === 'config' && !declaredIds.has(id))
      .map(([id]) => id);
    for (const ids of chunks(removed)) {
      await tx(spec.table).whereIn('id', ids).delete();
    }
    counts.removed = removed.length;
    return counts;
  }

  async listWorkshops(query: { teamRef?: string } = {}): Promise<Workshop[]> {
    let rows = this.db('workshops')
      .select()
      .orderBy([{ column: 'date', order: 'desc' }, { column: 'id' }]);
    if (query.teamRef) {
      rows = rows.whereIn(
        'id',
        this.db('workshop_teams')
          .select('workshop_id')
          .where({ team_ref: query.teamRef }),
      );
    }
    const workshops = await rows;
    const teams = await this.teamsOf(workshops.map(w => w.id));
    return workshops.map(row => ({
      id: row.id,
      date: row.date,
      topic: row.topic,
      teamRefs: teams.get(row.id) ?? [],
      notes: row.notes ?? undefined,
      version: Number(row.version),
      createdBy: row.created_by,
      createdAt: toIsoString(row.created_at),
    }));
  }

  private async teamsOf(ids: string[]): Promise<Map<string, string[]>> {
    const teams = new Map<string, string[]>();
    for (const chunk of chunks(ids)) {
      const rows = await this.db('workshop_teams')
        .whereIn('workshop_id', chunk)
        .orderBy(['workshop_id', 'position']);
      for (const row of rows) {
        teams.set(row.workshop_id, [
          ...(teams.get(row.workshop_id) ?? []),
          row.team_ref,
        ]);
      }
    }
    return teams;
  }

  async getWorkshop(id: string): Promise<Workshop | undefined> {
    const row = await this.db('workshops').where({ id }).first();
    if (!row) {
      return undefined;
    }
    return {
      id: row.id,
      date: row.date,
      topic: row.topic,
      teamRefs: (await this.teamsOf([id])).get(id) ?? [],
      notes: row.notes ?? undefined,
      version: Number(row.version),
      createdBy: row.created_by,
      createdAt: toIsoString(row.created_at),
    };
  }

  async createWorkshop(
    input: WorkshopInput,
    createdBy: string,
    at: Date,
  ): Promise<Workshop> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      await tx('workshops').insert({
        id,
        date: input.date,
        topic: input.topic,
        notes: input.notes ?? null,
        version: 1,
        created_by: createdBy,
        created_at: at,
      });
      await tx('workshop_teams').insert(
        input.teamRefs.map((team_ref, position) => ({
          workshop_id: id,
          position,
          team_ref,
        })),
      );
    });
    return (await this.getWorkshop(id))!;
  }

  async updateWorkshop(
    id: string,
    update: WorkshopInput,
    version: number,
  ): Promise<Workshop> {
    await this.db.transaction(async tx => {
      const changed = await tx('workshops')
        .where({ id, version })
        .update({
          date: update.date,
          topic: update.topic,
          notes: update.notes ?? null,
          version: version + 1,
        });
      if (changed === 0) {
        const current = await tx('workshops').where({ id }).first('version');
        throw current
          ? staleVersionError('Workshop', id, Number(current.version), version)
          : new NotFoundError(`Workshop ${id} does not exist`);
      }
      await tx('workshop_teams').where({ workshop_id: id }).delete();
      await tx('workshop_teams').insert(
        update.teamRefs.map((team_ref, position) => ({
          workshop_id: id,
          position,
          team_ref,
        })),
      );
    });
    return (await this.getWorkshop(id))!;
  }

  async deleteWorkshop(id: string): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('workshop_teams').where({ workshop_id: id }).delete();
      const deleted = await tx('workshops').where({ id }).delete();
      if (deleted === 0) {
        throw new NotFoundError(`Workshop ${id} does not exist`);
      }
    });
  }

  async listWaivers(): Promise<Waiver[]> {
    const rows: WaiverRow[] = await this.db('waivers')
      .whereNull('revoked_at')
      .orderBy([{ column: 'expires_at' }, { column: 'id' }]);
    return rows.map(toWaiver);
  }

  async createWaiver(
    input: WaiverInput,
    createdBy: string,
    at: Date,
  ): Promise<Waiver> {
    const { scope } = input;
    const row: WaiverRow = {
      id: randomUUID(),
      scope_kind: scope.kind,
      service: scope.service ?? null,
      operation_id: scope.kind === 'service' ? scope.operationId ?? null : null,
      rule_id: scope.kind === 'rule' ? scope.ruleId : null,
      reason: input.reason,
      approved_by: input.approvedBy,
      expires_at: new Date(input.expiresAt),
      created_by: createdBy,
      created_at: at,
    };
    await this.db('waivers').insert(row);
    return toWaiver(row);
  }

  async revokeWaiver(id: string, revokedBy: string, at: Date): Promise<void> {
    const changed = await this.db('waivers')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_at: at, revoked_by: revokedBy });
    if (changed === 0) {
      throw new NotFoundError(`No live waiver with id ${id}`);
    }
  }

  async saveOperationAnalyses(
    rows: CriticalOperationAnalysisRow[],
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, 50)) {
        await tx('critical_operation_analyses')
          .insert(
            chunk.map(row => ({
              operation_id: row.operationId,
              entry: JSON.stringify(row.entry),
              analyzed_at: new Date(row.analyzedAt),
              analysis: JSON.stringify(row.analysis),
            })),
          )
          .onConflict('operation_id')
          .merge();
      }
    });
  }

  async listOperationAnalyses(): Promise<CriticalOperationAnalysisRow[]> {
    const rows = await this.db('critical_operation_analyses').select();
    return rows.map(row => ({
      operationId: row.operation_id,
      entry: JSON.parse(row.entry),
      analyzedAt: toIsoString(row.analyzed_at),
      analysis: JSON.parse(row.analysis),
    }));
  }

  async replaceStatus(
    kinds: RolloutSubjectKind[],
    rows: RolloutStatusRow[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('rollout_status').whereIn('subject_kind', kinds).delete();
      for (const chunk of chunks(rows, 100)) {
        await tx('rollout_status').insert(
          chunk.map(row => ({
            subject_kind: row.kind,
            subject_key: row.key,
            evaluated_at: new Date(row.evaluatedAt),
            document: JSON.stringify(row.document),
          })),
        );
      }
    });
  }

  async listStatus<T>(
    kind: RolloutSubjectKind,
  ): Promise<RolloutStatusRow<T>[]> {
    const rows = await this.db('rollout_status')
      .where({ subject_kind: kind })
      .orderBy('subject_key');
    return rows.map(row => ({
      kind,
      key: row.subject_key,
      evaluatedAt: toIsoString(row.evaluated_at),
      document: JSON.parse(row.document),
    }));
  }

  async getStatus<T>(
    kind: RolloutSubjectKind,
    key: string,
  ): Promise<RolloutStatusRow<T> | undefined> {
    const row = await this.db('rollout_status')
      .where({ subject_kind: kind, subject_key: key })
      .first();
    return row
      ? {
          kind,
          key,
          evaluatedAt: toIsoString(row.evaluated_at),
          document: JSON.parse(row.document),
        }
      : undefined;
  }

  async saveSnapshots(rows: SnapshotRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, 100)) {
        await tx('rollout_snapshots')
          .insert(
            chunk.map(row => ({
              day: row.day,
              subject_kind: row.kind,
              subject_key: row.key,
              figures: JSON.stringify(row.figures),
            })),
          )
          .onConflict(['day', 'subject_kind', 'subject_key'])
          .merge();
      }
    });
  }

  async listSnapshots<T>(
    kind: SnapshotSubjectKind,
    query: { key?: string; sinceDay?: string },
  ): Promise<SnapshotRow<T>[]> {
    let rows = this.db('rollout_snapshots')
      .where({ subject_kind: kind })
      .orderBy([{ column: 'subject_key' }, { column: 'day' }]);
    if (query.key !== undefined) {
      rows = rows.where({ subject_key: query.key });
    }
    if (query.sinceDay !== undefined) {
      rows = rows.where('day', '>=', query.sinceDay);
    }
    return (await rows).map(row => ({
      day: row.day,
      kind,
      key: row.subject_key,
      figures: JSON.parse(row.figures),
    }));
  }
}
