import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The Tracing Adoption success stories collator. */
      tracingAdoptionStories?: {
        /**
         * How often published stories are read into the search index.
         * Defaults to every 10 minutes, timing out after 5, first run after 10 seconds.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
