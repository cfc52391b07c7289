import {
  JobRun,
  JobRunStatus,
  Team,
  TeamWithServiceCount,
  TrackedService,
  TrackedSystem,
} from '@internal/plugin-tracing-adoption-common';
import { Knex } from 'knex';
import {
  CatalogReplacementCounts,
  CatalogSnapshot,
  ServiceQuery,
  TracingAdoptionStore,
} from './TracingAdoptionStore';
import { WRITE_CHUNK_SIZE, chunks, optional, toIsoString } from './util';

type ServiceRow = {
  entity_ref: string;
  service_name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  repo_host: string | null;
  repo_slug: string | null;
  repo_path: string | null;
};

type TeamRow = {
  entity_ref: string;
  name: string;
  title: string | null;
  type: string | null;
  parent_ref: string | null;
};

type SystemRow = {
  entity_ref: string;
  name: string;
  title: string | null;
  owner_ref: string | null;
  domain_ref: string | null;
};

type JobRunRow = {
  id: number;
  job: string;
  status: JobRunStatus;
  started_at: Date | string | number;
  finished_at: Date | string | number | null;
  summary: string | null;
  error: string | null;
};

function serviceToRow(service: TrackedService): ServiceRow {
  return {
    entity_ref: service.entityRef,
    service_name: service.serviceName,
    title: service.title ?? null,
    description: service.description ?? null,
    type: service.type ?? null,
    lifecycle: service.lifecycle ?? null,
    owner_ref: service.ownerRef ?? null,
    system_ref: service.systemRef ?? null,
    repo_host: service.repository?.host ?? null,
    repo_slug: service.repository?.slug ?? null,
    repo_path: service.repository?.path ?? null,
  };
}

function rowToService(row: ServiceRow): TrackedService {
  return {
    entityRef: row.entity_ref,
    serviceName: row.service_name,
    title: optional(row.title),
    description: optional(row.description),
    type: optional(row.type),
    lifecycle: optional(row.lifecycle),
    ownerRef: optional(row.owner_ref),
    systemRef: optional(row.system_ref),
    repository:
      row.repo_host && row.repo_slug
        ? {
            host: row.repo_host,
            slug: row.repo_slug,
            path: row.repo_path ?? '',
          }
        : undefined,
  };
}

function teamToRow(team: Team): TeamRow {
  return {
    entity_ref: team.entityRef,
    name: team.name,
    title: team.title ?? null,
    type: team.type ?? null,
    parent_ref: team.parentRef ?? null,
  };
}

function systemToRow(system: TrackedSystem): SystemRow {
  return {
    entity_ref: system.entityRef,
    name: system.name,
    title: system.title ?? null,
    owner_ref: system.ownerRef ?? null,
    domain_ref: system.domainRef ?? null,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

/** Knex-backed store, on SQLite (embedded default) or PostgreSQL. */
export class DatabaseTracingAdoptionStore implements TracingAdoptionStore {
  constructor(private readonly db: Knex) {}

  async replaceCatalog(
    snapshot: CatalogSnapshot,
  ): Promise<CatalogReplacementCounts> {
    return this.db.transaction(async tx => ({
      services: await replaceTable(
        tx,
        'tracked_services',
        snapshot.services.map(serviceToRow),
      ),
      teams: await replaceTable(tx, 'teams', snapshot.teams.map(teamToRow)),
      systems: await replaceTable(
        tx,
        'systems',
        snapshot.systems.map(systemToRow),
      ),
    }));
  }

  async listServices(
    query: ServiceQuery,
  ): Promise<{ items: TrackedService[]; totalCount: number }> {
    const filtered = this.db<ServiceRow>('tracked_services').where(builder => {
      if (query.ownerRef) {
        builder.whereRaw('LOWER(owner_ref) = ?', [
          query.ownerRef.toLocaleLowerCase('en-US'),
        ]);
      }
      if (query.systemRef) {
        builder.whereRaw('LOWER(system_ref) = ?', [
          query.systemRef.toLocaleLowerCase('en-US'),
        ]);
      }
      if (query.search) {
        const pattern = `%${escapeLike(
          query.search.toLocaleLowerCase('en-US'),
        )}%`;
        builder.where(inner =>
          inner
            .whereRaw(`LOWER(service_name) LIKE ? ESCAPE '\\'`, [pattern])
            .orWhereRaw(`LOWER(entity_ref) LIKE ? ESCAPE '\\'`, [pattern])
            .orWhereRaw(`LOWER(COALESCE(title, '')) LIKE ? ESCAPE '\\'`, [
              pattern,
            ]),
        );
      }
    });
    const [countRow] = await filtered.clone().count({ count: '*' });
    const rows = await filtered
      .clone()
      .select('*')
      .orderBy('service_name')
      .orderBy('entity_ref')
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(rowToService),
      totalCount: Number(countRow?.count ?? 0),
    };
  }

  async listAllServices(): Promise<TrackedService[]> {
    const rows = await this.db<ServiceRow>('tracked_services')
      .select('*')
      .orderBy('service_name')
      .orderBy('entity_ref');
    return rows.map(rowToService);
  }

  async listTeams(): Promise<TeamWithServiceCount[]> {
    const rows = (await this.db<TeamRow>('teams')
      .leftJoin(
        'tracked_services',
        'tracked_services.owner_ref',
        'teams.entity_ref',
      )
      .groupBy(
        'teams.entity_ref',
        'teams.name',
        'teams.title',
        'teams.type',
        'teams.parent_ref',
      )
      .select(
        'teams.entity_ref',
        'teams.name',
        'teams.title',
        'teams.type',
        'teams.parent_ref',
      )
      .count({ service_count: 'tracked_services.entity_ref' })
      .orderBy('teams.name')) as Array<
      TeamRow & { service_count: string | number }
    >;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      name: row.name,
      title: optional(row.title),
      type: optional(row.type),
      parentRef: optional(row.parent_ref),
      serviceCount: Number(row.service_count),
    }));
  }

  async listRepositories(): Promise<Array<{ host: string; slug: string }>> {
    const rows: Array<{ repo_host: string; repo_slug: string }> = await this.db(
      'tracked_services',
    )
      .distinct('repo_host', 'repo_slug')
      .whereNotNull('repo_host')
      .whereNotNull('repo_slug')
      .orderBy(['repo_host', 'repo_slug']);
    return rows.map(row => ({ host: row.repo_host, slug: row.repo_slug }));
  }

  async serviceOwners(): Promise<Map<string, string>> {
    const rows: Array<{ service_name: string; owner_ref: string }> =
      await this.db('tracked_services')
        .select('service_name', 'owner_ref')
        .whereNotNull('owner_ref')
        .orderBy('entity_ref');
    return new Map(rows.map(row => [row.service_name, row.owner_ref]));
  }

  async listServiceNames(): Promise<string[]> {
    const rows: Array<{ service_name: string }> = await this.db(
      'tracked_services',
    )
      .distinct('service_name')
      .orderBy('service_name');
    return rows.map(row => row.service_name);
  }

  async startJobRun(job: string, startedAt: Date): Promise<number> {
    const [row] = await this.db('job_runs')
      .insert({ job, status: 'running', started_at: startedAt })
      .returning('id');
    return typeof row === 'object' ? row.id : row;
  }

  async finishJobRun(
    id: number,
    outcome: {
      status: Exclude<JobRunStatus, 'running'>;
      finishedAt: Date;
      summary?: Record<string, unknown>;
      error?: string;
    },
  ): Promise<void> {
    await this.db('job_runs')
      .where({ id })
      .update({
        status: outcome.status,
        finished_at: outcome.finishedAt,
        summary: outcome.summary ? JSON.stringify(outcome.summary) : null,
        error: outcome.error ?? null,
      });
  }

  async latestJobRun(job: string): Promise<JobRun | undefined> {
    const row = await this.db<JobRunRow>('job_runs')
      .where({ job })
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    return {
      id: row.id,
      job: row.job,
      status: row.status,
      startedAt: toIsoString(row.started_at),
      finishedAt: row.finished_at ? toIsoString(row.finished_at) : undefined,
      summary: row.summary ? JSON.parse(row.summary) : undefined,
      error: optional(row.error),
    };
  }
}

async function replaceTable<Row extends { entity_ref: string }>(
  tx: Knex.Transaction,
  table: string,
  rows: Row[],
): Promise<{ upserted: number; removed: number }> {
  const wanted = new Set(rows.map(row => row.entity_ref));
  const existing: Array<{ entity_ref: string }> = await tx(table).select(
    'entity_ref',
  );
  const stale = existing
    .map(row => row.entity_ref)
    .filter(ref => !wanted.has(ref));
  for (const chunk of chunks(stale, WRITE_CHUNK_SIZE)) {
    await tx(table).whereIn('entity_ref', chunk).delete();
  }
  for (const chunk of chunks(rows, WRITE_CHUNK_SIZE)) {
    await tx(table).insert(chunk).onConflict('entity_ref').merge();
  }
  return { upserted: rows.length, removed: stale.length };
}
