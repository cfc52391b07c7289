import { Content, Header, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useParams } from 'react-router-dom';
import { teamsRouteRef } from '../../routes';
import { TeamRolloutView } from './TeamRolloutView';

/** `/teams/:namespace/:name`: one team's rollout. */
export const TeamPage = () => {
  const { namespace = 'default', name = '' } = useParams();
  const teamsLink = useRouteRef(teamsRouteRef);
  const teamRef = stringifyEntityRef({ kind: 'group', namespace, name });
  return (
    <Page themeId="tool">
      <Header
        title={name}
        subtitle={
          <>
            Tracing rollout of <EntityRefLink entityRef={teamRef} />
          </>
        }
        type="Team"
        typeLink={teamsLink()}
      />
      <Content>
        <TeamRolloutView teamRef={teamRef} />
      </Content>
    </Page>
  );
};
