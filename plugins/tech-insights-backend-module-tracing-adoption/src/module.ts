import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  TRACING_ADOPTION_FACT_RETRIEVER_ID,
  tracingAdoptionFactRetriever,
} from './tracingAdoptionFactRetriever';

/**
 * Tech Insights backend module adding the tracing adoption fact retriever.
 *
 * @public
 */
export const techInsightsModuleTracingAdoptionFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'tracing-adoption-facts',
  register(reg) {
    reg.registerInit({
      deps: { factRetrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ factRetrievers }) {
        factRetrievers.addFactRetrievers({
          [TRACING_ADOPTION_FACT_RETRIEVER_ID]: tracingAdoptionFactRetriever,
        });
      },
    });
  },
});
