import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Story } from '@internal/plugin-tracing-adoption-common';

/** Users and services (feed readers with an external access token). */
export type ReaderCredentials = BackstageCredentials<
  BackstageUserPrincipal | BackstageServicePrincipal
>;

/** The user entity ref behind the credentials; services have none. */
export function userRefOf(credentials: ReaderCredentials): string | undefined {
  return credentials.principal.type === 'user'
    ? credentials.principal.userEntityRef
    : undefined;
}

export async function isAllowed(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws NotAllowedError (403) naming the missing permission. */
export async function requirePermission(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
  action: string,
): Promise<void> {
  if (!(await isAllowed(permissions, permission, credentials))) {
    throw new NotAllowedError(
      `You may not ${action}: that needs the ${permission.name} permission`,
    );
  }
}

/**
 * Drafts belong to their author until published; deleted stories are seen
 * only by those who may restore them. Everyone else is told the story does
 * not exist.
 */
export function isVisible(
  story: Story,
  viewer: string | undefined,
  maySeeDeleted: boolean,
): boolean {
  if (story.deleted && !maySeeDeleted) {
    return false;
  }
  return story.status === 'published' || story.author === viewer;
}
