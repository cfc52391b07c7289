import { parseEntityRef } from '@backstage/catalog-model';

const ROOT = '/tracing-adoption';

/**
 * Where the portal shows a critical operation, relative to the app's base URL.
 *
 * @public
 */
export function criticalOperationAppPath(operationId: string): string {
  return `${ROOT}/critical-operations/${encodeURIComponent(operationId)}`;
}

/**
 * Where the portal shows a team's part in the rollout, e.g.
 * `/tracing-adoption/teams/default/team-payments`.
 *
 * @public
 */
export function teamAppPath(teamRef: string): string {
  const { namespace, name } = parseEntityRef(teamRef, { defaultKind: 'group' });
  return `${ROOT}/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}
