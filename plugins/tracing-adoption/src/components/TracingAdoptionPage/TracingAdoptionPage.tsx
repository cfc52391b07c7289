import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { ServicesTable } from '../ServicesTable';

/** The rollout portal's landing page. */
export const TracingAdoptionPage = () => (
  <Page themeId="tool">
    <Header
      title="Tracing Adoption"
      subtitle="End-to-end tracing of critical user operations, across every team"
    />
    <Content>
      <ContentHeader title="Services in the rollout">
        <SupportButton>
          Every catalog Component takes part in the rollout. Its traces are
          matched by the tracing-adoption/service-name annotation, or by its
          entity name.
        </SupportButton>
      </ContentHeader>
      <ServicesTable />
    </Content>
  </Page>
);
