import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { RolloutAdmin } from '../Admin/RolloutAdmin';
import { CapacityPanel } from '../Capacity/CapacityPanel';
import { CriticalOperationPage } from '../CriticalOperation/CriticalOperationPage';
import { ObservedOperationPage } from '../ObservedOperations/ObservedOperationPage';
import { ObservedOperationsTable } from '../ObservedOperations/ObservedOperationsTable';
import { RepositoryScansTable } from '../RepositoryScans/RepositoryScansTable';
import { RolloutOverview } from '../RolloutOverview/RolloutOverview';
import { ServicesTable } from '../ServicesTable';
import { StoriesFeedPage } from '../Stories/StoriesFeedPage';
import { StoryEditor } from '../Stories/StoryEditor';
import { StoryPage } from '../Stories/StoryPage';
import { TeamPage } from '../Teams/TeamPage';
import { TeamsTable } from '../Teams/TeamsTable';
import { TraceSourcesPanel } from '../TraceSources/TraceSourcesPanel';

const Overview = () => (
  <Page themeId="tool">
    <Header
      title="Tracing Adoption"
      subtitle="End-to-end tracing of critical user operations, across every team"
    />
    <Content>
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Rollout">
          <RolloutOverview />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/teams" title="Teams">
          <TeamsTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/observed" title="Observed traffic">
          <ObservedOperationsTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/services" title="Services">
          <ServicesTable />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/capacity" title="Capacity">
          <CapacityPanel />
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
        <TabbedLayout.Route path="/admin" title="Admin">
          <RolloutAdmin />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Content>
  </Page>
);

/**
 * The rollout portal: overview tabs, and one page per critical operation,
 * team, observed operation and story.
 */
export const TracingAdoptionPage = () => (
  <Routes>
    <Route
      path="/critical-operations/:operationId"
      element={<CriticalOperationPage />}
    />
    <Route path="/teams/:namespace/:name" element={<TeamPage />} />
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
