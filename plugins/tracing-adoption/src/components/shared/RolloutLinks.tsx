import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { criticalOperationRouteRef, teamRouteRef } from '../../routes';

/** Link to a team's rollout view (not its catalog page). */
export const TeamLink = ({
  teamRef,
  title,
}: {
  teamRef: string;
  title?: string;
}) => {
  const teamLink = useRouteRef(teamRouteRef);
  const { namespace, name } = parseEntityRef(teamRef, {
    defaultKind: 'group',
  });
  return <Link to={teamLink({ namespace, name })}>{title ?? name}</Link>;
};

export const OperationLink = ({
  operationId,
  name,
}: {
  operationId: string;
  name?: string;
}) => {
  const operationLink = useRouteRef(criticalOperationRouteRef);
  return <Link to={operationLink({ operationId })}>{name ?? operationId}</Link>;
};

/** Operation ids as links, named where the names are known. */
export const OperationLinks = ({
  operationIds,
  names,
}: {
  operationIds: string[];
  names?: ReadonlyMap<string, string>;
}) => {
  if (operationIds.length === 0) {
    return <>—</>;
  }
  return (
    <>
      {operationIds.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <OperationLink operationId={id} name={names?.get(id)} />
        </span>
      ))}
    </>
  );
};
