import {
  SchedulerServiceTaskScheduleDefinition,
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { TracingAdoptionStoriesCollatorFactory } from './collators/TracingAdoptionStoriesCollatorFactory';

const SCHEDULE_KEY = 'search.collators.tracingAdoptionStories.schedule';

// Stories change a few times a day; a new one shows up in search within ten
// minutes, and the first run leaves the backend time to start listening.
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 10 },
};

function readStoriesCollatorSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return config.has(SCHEDULE_KEY)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(SCHEDULE_KEY),
      )
    : DEFAULT_SCHEDULE;
}

/**
 * Search backend module indexing the published success stories of Tracing
 * Adoption as `tracing-adoption-story` documents.
 *
 * @public
 */
export const searchModuleTracingAdoptionStories = createBackendModule({
  pluginId: 'search',
  moduleId: 'tracing-adoption-stories',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ auth, config, discovery, scheduler, indexRegistry }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            readStoriesCollatorSchedule(config),
          ),
          factory: TracingAdoptionStoriesCollatorFactory.create({
            auth,
            discovery,
          }),
        });
      },
    });
  },
});
