import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { ComponentProps, ReactElement } from 'react';
import {
  TracingAdoptionApi,
  tracingAdoptionApiRef,
} from '../api/TracingAdoptionApi';
import { rootRouteRef } from '../routes';

/**
 * Renders with the plugin mounted at /tracing-adoption, a fake API and a
 * permission policy that allows only the named permissions.
 */
export async function renderWithApis(
  element: ReactElement,
  options: {
    api: TracingAdoptionApi;
    routeEntries?: string[];
    allowedPermissions?: string[];
    /** Further APIs the element needs. */
    apis?: ComponentProps<typeof TestApiProvider>['apis'];
  },
) {
  const allowed = new Set(options.allowedPermissions ?? []);
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [tracingAdoptionApiRef, options.api],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              allowed.has(request.permission.name)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
        ...(options.apis ?? []),
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/tracing-adoption': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
