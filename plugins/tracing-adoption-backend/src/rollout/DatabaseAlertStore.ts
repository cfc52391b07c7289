import { RegressionSubject } from '@internal/plugin-tracing-adoption-common';
import { Knex } from 'knex';
import { chunks, toIsoString } from '../database/util';
import { AlertStore, OpenAlert } from './AlertStore';

export class DatabaseAlertStore implements AlertStore {
  constructor(private readonly db: Knex) {}

  async listOpenAlerts(): Promise<OpenAlert[]> {
    const rows = await this.db('rollout_alerts')
      .whereNull('resolved_at')
      .orderBy('alert_key');
    return rows.map(row => ({
      key: row.alert_key,
      subject: JSON.parse(row.subject),
      openedAt: toIsoString(row.opened_at),
    }));
  }

  async openAlert(
    key: string,
    subject: RegressionSubject,
    at: Date,
  ): Promise<boolean> {
    const columns = { subject: JSON.stringify(subject), opened_at: at };
    const reopened = await this.db('rollout_alerts')
      .where({ alert_key: key })
      .whereNotNull('resolved_at')
      .update({ ...columns, resolved_at: null });
    if (reopened > 0) {
      return true;
    }
    const inserted = await this.db('rollout_alerts')
      .insert({ alert_key: key, ...columns, resolved_at: null })
      .onConflict('alert_key')
      .ignore()
      .returning('alert_key');
    return inserted.length > 0;
  }

  async resolveAlerts(keys: string[], at: Date): Promise<void> {
    for (const chunk of chunks(keys)) {
      await this.db('rollout_alerts')
        .whereIn('alert_key', chunk)
        .whereNull('resolved_at')
        .update({ resolved_at: at });
    }
  }
}
