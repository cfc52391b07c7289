import {
  Campaign,
  CampaignInput,
  CriticalOperation,
  CriticalOperationInput,
  OperationMatcher,
  Waiver,
  WaiverInput,
  Workshop,
  WorkshopInput,
} from '@internal/plugin-tracing-adoption-common';
import { StoredOperationAnalysis } from '../database/TraceStore';

/** The latest analysis of one critical operation's traces. */
export interface CriticalOperationAnalysisRow {
  operationId: string;
  /** The matcher the traces were matched with. */
  entry: OperationMatcher;
  analyzedAt: string;
  analysis: StoredOperationAnalysis;
}

export type RolloutSubjectKind = 'operation' | 'team' | 'rollout';

export interface RolloutStatusRow<T = unknown> {
  kind: RolloutSubjectKind;
  key: string;
  evaluatedAt: string;
  document: T;
}

export type SnapshotSubjectKind = 'operation' | 'team' | 'campaign';

export interface SnapshotRow<T = Record<string, unknown>> {
  day: string;
  kind: SnapshotSubjectKind;
  key: string;
  figures: T;
}

/** What replacing the declared definitions changed. */
export interface DeclarationSyncCounts {
  created: number;
  updated: number;
  removed: number;
  /** Definitions made through the API that the file now declares. */
  takenOver: number;
}

export interface RolloutStore {
  listOperations(): Promise<CriticalOperation[]>;
  getOperation(id: string): Promise<CriticalOperation | undefined>;
  /** ConflictError when the id is taken. */
  createOperation(
    input: CriticalOperationInput,
    at: Date,
  ): Promise<CriticalOperation>;
  /** ConflictError when the operation moved past `version`, NotFoundError when gone. */
  updateOperation(
    id: string,
    update: Omit<CriticalOperationInput, 'id'>,
    version: number,
    at: Date,
  ): Promise<CriticalOperation>;
  deleteOperation(id: string, version: number): Promise<void>;

  listCampaigns(): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  createCampaign(input: CampaignInput, at: Date): Promise<Campaign>;
  updateCampaign(
    id: string,
    update: Omit<CampaignInput, 'id'>,
    version: number,
    at: Date,
  ): Promise<Campaign>;
  deleteCampaign(id: string, version: number): Promise<void>;

  /**
   * Makes the `config` definitions equal to the declared ones in one
   * transaction; definitions made through the API are kept unless declared.
   */
  syncDeclarations(
    declared: {
      operations: CriticalOperationInput[];
      campaigns: CampaignInput[];
    },
    at: Date,
  ): Promise<{
    operations: DeclarationSyncCounts;
    campaigns: DeclarationSyncCounts;
  }>;

  listWorkshops(query?: { teamRef?: string }): Promise<Workshop[]>;
  getWorkshop(id: string): Promise<Workshop | undefined>;
  createWorkshop(
    input: WorkshopInput,
    createdBy: string,
    at: Date,
  ): Promise<Workshop>;
  updateWorkshop(
    id: string,
    update: WorkshopInput,
    version: number,
  ): Promise<Workshop>;
  deleteWorkshop(id: string): Promise<void>;

  /** Waivers not revoked, expired ones included. */
  listWaivers(): Promise<Waiver[]>;
  createWaiver(
    input: WaiverInput,
    createdBy: string,
    at: Date,
  ): Promise<Waiver>;
  /** NotFoundError when there is no such live waiver. */
  revokeWaiver(id: string, revokedBy: string, at: Date): Promise<void>;

  saveOperationAnalyses(rows: CriticalOperationAnalysisRow[]): Promise<void>;
  listOperationAnalyses(): Promise<CriticalOperationAnalysisRow[]>;

  /** Replaces every status row of the given kinds in one transaction. */
  replaceStatus(
    kinds: RolloutSubjectKind[],
    rows: RolloutStatusRow[],
  ): Promise<void>;
  listStatus<T>(kind: RolloutSubjectKind): Promise<RolloutStatusRow<T>[]>;
  getStatus<T>(
    kind: RolloutSubjectKind,
    key: string,
  ): Promise<RolloutStatusRow<T> | undefined>;

  /** Inserts or overwrites the day's rows. */
  saveSnapshots(rows: SnapshotRow[]): Promise<void>;
  listSnapshots<T>(
    kind: SnapshotSubjectKind,
    query: { key?: string; sinceDay?: string },
  ): Promise<SnapshotRow<T>[]>;
}
