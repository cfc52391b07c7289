/**
 * Catalog annotation naming the `service.name` a component emits in its spans.
 * Without it the entity name is used.
 *
 * @public
 */
export const ANNOTATION_SERVICE_NAME = 'tracing-adoption/service-name';

/**
 * Catalog annotation naming the directory of a component inside its repository,
 * for monorepos that hold several services.
 *
 * @public
 */
export const ANNOTATION_REPO_PATH = 'tracing-adoption/repo-path';

/** @public */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/** @public */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
