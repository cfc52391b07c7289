import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  ANNOTATION_REPO_PATH,
  ANNOTATION_SERVICE_NAME,
  ANNOTATION_SOURCE_LOCATION,
} from './annotations';
import { RepositoryRef, Team, TrackedService, TrackedSystem } from './types';

const MAX_SERVICE_NAME_LENGTH = 255;

/**
 * The outcome of reading one catalog entity: the mapped value, or the reason it
 * cannot be tracked (named after the entity so that catalog owners can fix it).
 *
 * @public
 */
export type EntityMappingResult<T> =
  | { ok: true; value: T }
  | { ok: false; entityRef: string; problem: string };

function relationTarget(
  entity: Entity,
  relationType: string,
  kind: string,
): string | undefined {
  const relation = entity.relations?.find(
    r =>
      r.type === relationType &&
      parseEntityRef(r.targetRef).kind.toLocaleLowerCase('en-US') ===
        kind.toLocaleLowerCase('en-US'),
  );
  return relation?.targetRef;
}

/**
 * Reads a reference from the entity's spec when the catalog has not yet
 * produced relations for it (e.g. entities built in tests or fresh imports).
 */
function specReference(
  entity: Entity,
  field: string,
  defaultKind: string,
): string | undefined {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  return stringifyEntityRef(
    parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}

function trimmedString(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function normaliseRepoPath(path: string | undefined): string {
  return (path ?? '').split('/').filter(Boolean).join('/');
}

/**
 * Finds the repository of an entity from `github.com/project-slug`, falling back
 * to a GitHub-style `backstage.io/source-location` URL
 * (`url:https://host/owner/name/tree/ref/sub/dir`).
 *
 * @public
 */
export function repositoryOfEntity(entity: Entity): RepositoryRef | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const explicitPath = trimmedString(annotations[ANNOTATION_REPO_PATH]);

  const slug = trimmedString(annotations[ANNOTATION_GITHUB_PROJECT_SLUG]);
  if (slug && /^[\w.-]+\/[\w.-]+$/.test(slug)) {
    return { host: 'github.com', slug, path: normaliseRepoPath(explicitPath) };
  }

  const sourceLocation = trimmedString(annotations[ANNOTATION_SOURCE_LOCATION]);
  if (!sourceLocation?.startsWith('url:')) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(sourceLocation.slice('url:'.length));
  } catch {
    return undefined;
  }
  const [owner, name, treeOrBlob, _ref, ...subPath] = url.pathname
    .split('/')
    .filter(Boolean);
  if (!owner || !name) {
    return undefined;
  }
  const pathFromUrl =
    treeOrBlob === 'tree' || treeOrBlob === 'blob' ? subPath.join('/') : '';
  return {
    host: url.host,
    slug: `${owner}/${name.replace(/\.git$/, '')}`,
    path: normaliseRepoPath(explicitPath ?? pathFromUrl),
  };
}

/**
 * Finds the `service.name` of a catalog Component where an organisation keeps
 * it somewhere else than the tracing-adoption/service-name annotation (for
 * example in a vendor APM annotation). Returns undefined to defer to the next
 * resolver, and finally to the annotation or the entity name.
 *
 * @public
 */
export type ServiceNameResolver = (entity: Entity) => string | undefined;

function resolveServiceName(
  entity: Entity,
  resolvers: ServiceNameResolver[],
): { name?: string; source: string } {
  for (const [index, resolver] of resolvers.entries()) {
    const resolved = resolver(entity);
    if (resolved !== undefined) {
      return {
        name: trimmedString(resolved),
        source: `service-name resolver #${index + 1}`,
      };
    }
  }
  const annotated = entity.metadata.annotations?.[ANNOTATION_SERVICE_NAME];
  if (annotated !== undefined) {
    return {
      name: trimmedString(annotated),
      source: `annotation ${ANNOTATION_SERVICE_NAME}`,
    };
  }
  return { name: entity.metadata.name, source: 'entity name' };
}

/**
 * Maps a catalog Component to the service the rollout tracks.
 *
 * @public
 */
export function trackedServiceFromEntity(
  entity: Entity,
  serviceNameResolvers: ServiceNameResolver[] = [],
): EntityMappingResult<TrackedService> {
  const entityRef = stringifyEntityRef(entity);
  const { name: serviceName, source } = resolveServiceName(
    entity,
    serviceNameResolvers,
  );
  if (serviceName === undefined) {
    return { ok: false, entityRef, problem: `${source} is empty` };
  }
  if (serviceName.length > MAX_SERVICE_NAME_LENGTH) {
    return {
      ok: false,
      entityRef,
      problem: `${source} is longer than ${MAX_SERVICE_NAME_LENGTH} characters`,
    };
  }
  return {
    ok: true,
    value: {
      entityRef,
      serviceName,
      title: trimmedString(entity.metadata.title),
      description: trimmedString(entity.metadata.description),
      type: trimmedString(entity.spec?.type),
      lifecycle: trimmedString(entity.spec?.lifecycle),
      ownerRef:
        relationTarget(entity, RELATION_OWNED_BY, 'group') ??
        relationTarget(entity, RELATION_OWNED_BY, 'user') ??
        specReference(entity, 'owner', 'Group'),
      systemRef:
        relationTarget(entity, RELATION_PART_OF, 'system') ??
        specReference(entity, 'system', 'System'),
      repository: repositoryOfEntity(entity),
    },
  };
}

/**
 * Maps a catalog Group to a team.
 *
 * @public
 */
export function teamFromEntity(entity: Entity): Team {
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title:
      trimmedString(profile?.displayName) ??
      trimmedString(entity.metadata.title),
    type: trimmedString(entity.spec?.type),
    parentRef: specReference(entity, 'parent', 'Group'),
  };
}

/**
 * Maps a catalog System.
 *
 * @public
 */
export function systemFromEntity(entity: Entity): TrackedSystem {
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: trimmedString(entity.metadata.title),
    ownerRef:
      relationTarget(entity, RELATION_OWNED_BY, 'group') ??
      specReference(entity, 'owner', 'Group'),
    domainRef: specReference(entity, 'domain', 'Domain'),
  };
}
