import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ObservedOperationPage } from '../ObservedOperations/ObservedOperationPage';
import { ObservedOperationsTable } from '../ObservedOperations/ObservedOperationsTable';
import { RepositoryScansTable } from '../RepositoryScans/RepositoryScansTable';
import { ServicesTable } from '../ServicesTable';
import { StoriesFeedPage } from '../Stories/StoriesFeedPage';
import { StoryEditor } from '../Stories/StoryEditor';
import { StoryPage } from '../Stories/StoryPage';
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
        <TabbedLayout.Route path="/stories" title="Success stories">
          <StoriesFeedPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/repositories" title="Repositories">
          <RepositoryScansTable />
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
    <Route path="/stories/new" element={<StoryEditor />} />
    <Route path="/stories/:storyId/edit" element={<StoryEditor />} />
    <Route path="/stories/:storyId" element={<StoryPage />} />
    <Route path="/*" element={<Overview />} />
  </Routes>
);
