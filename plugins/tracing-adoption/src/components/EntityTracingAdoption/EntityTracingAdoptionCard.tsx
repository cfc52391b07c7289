import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { teamRouteRef } from '../../routes';
import { TrainingStatus } from '../Teams/TeamRolloutView';
import { CodeSpans } from '../shared/CodeSpans';
import { ParticipantStatusChip } from '../shared/Tone';
import { componentChecklist } from './checklist';
import { CheckList } from './CheckList';
import { useComponentRollout } from './useComponentRollout';

const ComponentSummary = ({ entity }: { entity: Entity }) => {
  const teamLink = useRouteRef(teamRouteRef);
  const { value, loading, error } = useComponentRollout(entity);
  const deepLink = value?.ownerRef
    ? {
        title: 'Team rollout',
        link: teamLink(parseEntityRef(value.ownerRef)),
      }
    : undefined;
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value?.service) {
    body = (
      <Typography variant="body2">
        Not on any critical operation of the rollout.
      </Typography>
    );
  } else {
    const { service, team, operations } = value;
    const next = team?.nextActions.find(a => a.service === service.service);
    body = (
      <>
        {service.status && (
          <Box display="flex" alignItems="center" gridGap={8} mb={1}>
            <ParticipantStatusChip status={service.status} />
            <Typography variant="body2">
              worst status over {service.operationIds.length} critical{' '}
              {service.operationIds.length === 1 ? 'operation' : 'operations'}
            </Typography>
          </Box>
        )}
        <CheckList
          items={componentChecklist(service, operations).items}
          dense
        />
        <Typography variant="body2">
          Next: {next ? <CodeSpans text={next.title} /> : 'nothing to do'}
        </Typography>
      </>
    );
  }
  return (
    <InfoCard title="Tracing adoption" deepLink={deepLink}>
      {body}
    </InfoCard>
  );
};

const GroupSummary = ({ entity }: { entity: Entity }) => {
  const api = useApi(tracingAdoptionApiRef);
  const teamLink = useRouteRef(teamRouteRef);
  const teamRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getTeamRollout(teamRef),
    [api, teamRef],
  );
  let body;
  if (loading) {
    body = <Progress />;
  } else if (
    (error && ResponseError.is(error) && error.statusCode === 404) ||
    value?.team.services.length === 0
  ) {
    body = (
      <Typography variant="body2">
        No service of this team takes part in a critical operation.
      </Typography>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    const { team } = value;
    const endToEnd = team.services.filter(
      s => s.status === 'end-to-end',
    ).length;
    body = (
      <>
        <Typography variant="body2" paragraph>
          Holds back {team.blockingOperationIds.length} critical{' '}
          {team.blockingOperationIds.length === 1 ? 'operation' : 'operations'};{' '}
          {endToEnd} of {team.services.length} services traced end to end.
        </Typography>
        <TrainingStatus training={team.training} />
        <Typography variant="body2" style={{ marginTop: 8 }}>
          Next:{' '}
          {team.nextActions[0] ? (
            <CodeSpans text={team.nextActions[0].title} />
          ) : (
            'nothing to do'
          )}
        </Typography>
      </>
    );
  }
  return (
    <InfoCard
      title="Tracing adoption"
      deepLink={{
        title: 'Team rollout',
        link: teamLink(parseEntityRef(teamRef)),
      }}
    >
      {body}
    </InfoCard>
  );
};

/**
 * The rollout at a glance for an entity's overview page: a component's
 * tracing checklist, or a team's standing.
 *
 * @public
 */
export const EntityTracingAdoptionCard = () => {
  const { entity } = useEntity();
  return entity.kind.toLocaleLowerCase('en-US') === 'group' ? (
    <GroupSummary entity={entity} />
  ) : (
    <ComponentSummary entity={entity} />
  );
};
