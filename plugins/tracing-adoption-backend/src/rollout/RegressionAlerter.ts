import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  CriticalOperation,
  RegressionAlert,
  RolloutDocuments,
  diffRolloutRegressions,
  regressionKey,
} from '@internal/plugin-tracing-adoption-common';
import { AlertStore } from './AlertStore';

/** The notification topic users can mute regression alerts by. */
export const REGRESSION_NOTIFICATION_TOPIC = 'tracing-adoption-regressions';

export interface RegressionAlertSummary {
  sent: number;
  failed: number;
  resolved: number;
}

/**
 * Notifies the owners of each regression between two evaluations once,
 * remembering open alerts in the database until they recover.
 */
export class RegressionAlerter {
  constructor(
    private readonly options: {
      store: AlertStore;
      notifications: NotificationService;
      logger: LoggerService;
      /** Share of the 0–100 compliance score a team must stay at or above. */
      complianceThreshold: number;
    },
  ) {}

  async afterEvaluation(input: {
    operations: readonly CriticalOperation[];
    previous: RolloutDocuments;
    current: RolloutDocuments;
    now: Date;
  }): Promise<RegressionAlertSummary> {
    const { store, complianceThreshold } = this.options;
    const open = await store.listOpenAlerts();
    const { opened, resolved } = diffRolloutRegressions({
      ...input,
      openAlerts: open.map(alert => alert.subject),
      complianceThreshold,
    });
    await store.resolveAlerts(resolved.map(regressionKey), input.now);
    const summary = { sent: 0, failed: 0, resolved: resolved.length };
    for (const alert of opened) {
      // another replica's evaluation of the same change may have opened it
      if (await store.openAlert(alert.key, alert.subject, input.now)) {
        if (await this.send(alert)) {
          summary.sent += 1;
        } else {
          summary.failed += 1;
        }
      }
    }
    return summary;
  }

  private async send(alert: RegressionAlert): Promise<boolean> {
    try {
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: alert.recipient },
        payload: {
          title: alert.title,
          description: alert.description,
          link: alert.link,
          topic: REGRESSION_NOTIFICATION_TOPIC,
          severity:
            alert.subject.kind === 'compliance-dropped' ? 'normal' : 'high',
          scope: alert.scope,
        },
      });
      this.options.logger.info(
        `Regression alert ${alert.key} sent to ${alert.recipient}`,
      );
      return true;
    } catch (error) {
      // the alert stays open: the same regression is not retried every minute
      this.options.logger.warn(
        `Regression alert ${alert.key} could not be sent to ${alert.recipient}: ${error}`,
      );
      return false;
    }
  }
}
