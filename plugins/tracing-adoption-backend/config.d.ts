import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the Tracing Adoption plugin. */
  tracingAdoption?: {
    catalogSync?: {
      /**
       * How often the catalog mirror (services, teams, systems) is refreshed.
       * Defaults to every 10 minutes, timing out after 5, first run after 10 seconds.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
