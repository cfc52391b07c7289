import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { getEntityRelations } from '@backstage/plugin-catalog-react';
import {
  CriticalOperationDetail,
  ParticipantCoverage,
  TeamRollout,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';

export type TeamService = TeamRollout['services'][number];

/** A component's part in the rollout, read from its owner's team view. */
export interface ComponentRollout {
  ownerRef?: string;
  team?: TeamRollout;
  /** Absent when the component takes part in no critical operation. */
  service?: TeamService;
  operations: Array<{
    detail: CriticalOperationDetail;
    participant?: ParticipantCoverage;
  }>;
}

function ownerOf(entity: Entity): string | undefined {
  const [owner] = getEntityRelations(entity, RELATION_OWNED_BY);
  if (owner) {
    return stringifyEntityRef(owner);
  }
  const specOwner = entity.spec?.owner;
  return typeof specOwner === 'string'
    ? stringifyEntityRef(
        parseEntityRef(specOwner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace,
        }),
      )
    : undefined;
}

const sameRef = (a: string | undefined, b: string) =>
  a?.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * The component's service as its owning team's rollout lists it, with the
 * detail of every critical operation it takes part in (for the evidence).
 */
export function useComponentRollout(entity: Entity) {
  const api = useApi(tracingAdoptionApiRef);
  const entityRef = stringifyEntityRef(entity);
  const ownerRef = ownerOf(entity);
  return useAsync(async (): Promise<ComponentRollout> => {
    if (!ownerRef) {
      return { operations: [] };
    }
    let team: TeamRollout;
    try {
      team = (await api.getTeamRollout(ownerRef)).team;
    } catch (error) {
      if (ResponseError.is(error) && error.statusCode === 404) {
        return { ownerRef, operations: [] };
      }
      throw error;
    }
    const service = team.services.find(s => sameRef(s.entityRef, entityRef));
    if (!service) {
      return { ownerRef, team, operations: [] };
    }
    const details = await Promise.all(
      service.operationIds.map(id => api.getCriticalOperation(id)),
    );
    return {
      ownerRef,
      team,
      service,
      operations: details.map(detail => ({
        detail,
        participant: detail.coverage?.participants.find(
          p => sameRef(p.entityRef, entityRef) || p.service === service.service,
        ),
      })),
    };
  }, [api, entityRef, ownerRef]);
}
