import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleTracingAdoptionStories } from './module';

describe('searchModuleTracingAdoptionStories', () => {
  async function start(config: object = {}) {
    const addCollator = jest.fn();
    const runner = { run: jest.fn() };
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: () => runner,
    });
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          { addCollator, addDecorator: jest.fn() },
        ],
      ],
      features: [
        searchModuleTracingAdoptionStories,
        scheduler.factory,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return { addCollator, scheduler, runner };
  }

  it('registers the story collator on the default schedule', async () => {
    const { addCollator, scheduler, runner } = await start();
    expect(addCollator).toHaveBeenCalledTimes(1);
    expect(addCollator).toHaveBeenCalledWith({
      factory: expect.objectContaining({ type: 'tracing-adoption-story' }),
      schedule: runner,
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith({
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 10 },
    });
  });

  it('reads the schedule from search.collators.tracingAdoptionStories', async () => {
    const { scheduler } = await start({
      search: {
        collators: {
          tracingAdoptionStories: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 2 } },
          },
        },
      },
    });
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({
        frequency: { hours: 1 },
        timeout: { minutes: 2 },
      }),
    );
  });

  it('refuses to start with a broken schedule', async () => {
    await expect(
      start({
        search: {
          collators: {
            tracingAdoptionStories: {
              schedule: { frequency: { minutes: 10 }, timeout: 'soon' },
            },
          },
        },
      }),
    ).rejects.toThrow(/timeout/);
  });
});
