import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({ id: 'tracing-adoption' });

export const observedOperationRouteRef = createSubRouteRef({
  id: 'tracing-adoption/observed-operation',
  parent: rootRouteRef,
  path: '/observed-operations/:operationKey',
});
