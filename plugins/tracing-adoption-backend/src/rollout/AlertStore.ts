import { RegressionSubject } from '@internal/plugin-tracing-adoption-common';

export interface OpenAlert {
  key: string;
  subject: RegressionSubject;
  openedAt: string;
}

/** Which regression alerts are open, shared by every replica. */
export interface AlertStore {
  listOpenAlerts(): Promise<OpenAlert[]>;
  /**
   * Opens the alert unless it is open already; true when this call opened
   * it, so of concurrent evaluations exactly one sends it.
   */
  openAlert(
    key: string,
    subject: RegressionSubject,
    at: Date,
  ): Promise<boolean>;
  resolveAlerts(keys: string[], at: Date): Promise<void>;
}
