import { startTestBackend } from '@backstage/backend-test-utils';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { techInsightsModuleTracingAdoptionFacts } from './module';
import { tracingAdoptionFactRetriever } from './tracingAdoptionFactRetriever';

describe('techInsightsModuleTracingAdoptionFacts', () => {
  it('adds the fact retriever under its id', async () => {
    const addFactRetrievers = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [techInsightsFactRetrieversExtensionPoint, { addFactRetrievers }],
      ],
      features: [techInsightsModuleTracingAdoptionFacts],
    });
    expect(addFactRetrievers).toHaveBeenCalledWith({
      tracingAdoptionFactRetriever,
    });
  });
});
