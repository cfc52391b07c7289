import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ObservedOperationPage } from '../ObservedOperations/ObservedOperationPage';
import { ObservedOperationsTable } from '../ObservedOperations/ObservedOperationsTable';
import { ServicesTable } from '../ServicesTable';
import { TraceSourcesPanel } from '../TraceSources/TraceSourcesPanel';

const Overview = () => (
  <Page themeId="tool">
    <Header
      title="Tracing Adoption"
      subtitle="End-to-end tracing of critical user operations, across every team"
    />
    <Content>
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Operations">
          <ObservedOperationsTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/services" title="Services">
          <ServicesTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/sources" title="Trace sources">
          <TraceSourcesPanel />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Content>
  </Page>
);

/** The rollout portal: overview tabs and one page per observed operation. */
export const TracingAdoptionPage = () => (
  <Routes>
    <Route
      path="/observed-operations/:operationKey"
      element={<ObservedOperationPage />}
    />
    <Route path="/*" element={<Overview />} />
  </Routes>
);
