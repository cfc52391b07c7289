import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({ id: 'tracing-adoption' });

export const observedOperationRouteRef = createSubRouteRef({
  id: 'tracing-adoption/observed-operation',
  parent: rootRouteRef,
  path: '/observed-operations/:operationKey',
});

export const criticalOperationRouteRef = createSubRouteRef({
  id: 'tracing-adoption/critical-operation',
  parent: rootRouteRef,
  path: '/critical-operations/:operationId',
});

export const teamsRouteRef = createSubRouteRef({
  id: 'tracing-adoption/teams',
  parent: rootRouteRef,
  path: '/teams',
});

export const teamRouteRef = createSubRouteRef({
  id: 'tracing-adoption/team',
  parent: rootRouteRef,
  path: '/teams/:namespace/:name',
});

/** Critical operations, campaigns, workshops and waivers, with their forms. */
export const adminRouteRef = createSubRouteRef({
  id: 'tracing-adoption/admin',
  parent: rootRouteRef,
  path: '/admin',
});
