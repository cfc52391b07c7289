import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Story,
  StoryStatus,
  storyCreatePermission,
  storyDeletePermission,
  storyFeaturePermission,
  storyRestorePermission,
  storyUpdatePermission,
} from '@internal/plugin-tracing-adoption-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi/generated';
import {
  ReaderCredentials,
  isAllowed,
  isVisible,
  requirePermission,
  userRefOf,
} from './storyAccess';
import { buildStoriesFeed } from './storyFeed';
import { parseStoryInput, parseStoryUpdate } from './storyValidation';
import { StoryPublishNotifier } from './storyNotifications';
import { StoryStore } from './StoryStore';

/**
 * The router the plugin's routes are registered on, typed by the OpenAPI spec.
 *
 * @public
 */
export type TracingAdoptionApiRouter = ApiRouter<typeof spec>;

/** @public */
export interface StoryRouteDependencies {
  store: StoryStore;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** The app's base URL (app.baseUrl), for story links in the Atom feed. */
  appBaseUrl: string;
  /** Announces stories as they get published; none are announced without it. */
  notifier?: StoryPublishNotifier;
}

/** Any request the router hands over, however its spec types it. */
type IncomingRequest = Parameters<HttpAuthService['credentials']>[0];

/**
 * The JSON body limit the router needs for stories: a 50 000 character body
 * takes up to 150 kB as UTF-8, more than express.json's default of 100 kB.
 *
 * @public
 */
export const STORY_REQUEST_BODY_LIMIT = '512kb';

const FEED_SIZE = 50;
const DEFAULT_PAGE_SIZE = 20;

/**
 * Adds the /stories routes: the success stories feed, its editing, likes,
 * featuring, soft deletion and the Atom feed.
 *
 * Reading needs user or service credentials (feed readers use a static
 * external access token); writing needs a signed-in user.
 *
 * @public
 */
export function registerStoryRoutes(
  router: TracingAdoptionApiRouter,
  deps: StoryRouteDependencies,
): void {
  const {
    store,
    httpAuth,
    userInfo,
    permissions,
    logger,
    appBaseUrl,
    notifier,
  } = deps;

  const readerCredentials = (req: IncomingRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  const userCredentials = (req: IncomingRequest) =>
    httpAuth.credentials(req, { allow: ['user'] });

  /** The story if the caller may see it, else NotFoundError. */
  async function visibleStory(
    id: string,
    credentials: ReaderCredentials,
  ): Promise<Story> {
    const viewer = userRefOf(credentials);
    const story = await store.getStory(id, viewer);
    const maySeeDeleted =
      story?.deleted === true &&
      (await isAllowed(permissions, storyRestorePermission, credentials));
    if (!story || !isVisible(story, viewer, maySeeDeleted)) {
      throw new NotFoundError(`No story with id ${id}`);
    }
    return story;
  }

  /** A live story, for changes; deleted ones must be restored first. */
  async function liveStory(
    id: string,
    credentials: ReaderCredentials,
  ): Promise<Story> {
    const story = await visibleStory(id, credentials);
    if (story.deleted) {
      throw new NotFoundError(
        `Story ${id} is deleted; restore it before changing it`,
      );
    }
    return story;
  }

  /** The author's team when they name none: their first group. */
  async function defaultTeam(credentials: ReaderCredentials): Promise<string> {
    const { ownershipEntityRefs } = await userInfo.getUserInfo(credentials);
    const team = ownershipEntityRefs.find(ref => ref.startsWith('group:'));
    if (!team) {
      throw new InputError(
        'Invalid story: team is required, as you are not a member of any group',
      );
    }
    return team;
  }

  /**
   * Announces a story that went from draft (or nothing) to published.
   * Publishing neither waits for nor fails with the notifications backend,
   * which may be slow, down or not installed: a failure is only logged.
   */
  function announceIfPublished(
    story: Story,
    previousStatus: StoryStatus | undefined,
    publisher: string,
  ): void {
    if (
      !notifier ||
      story.status !== 'published' ||
      previousStatus === 'published'
    ) {
      return;
    }
    void (async () => {
      try {
        await notifier.storyPublished(story, publisher);
      } catch (error) {
        logger.warn(
          `Could not notify the owners of the entities story ${story.id} ("${story.title}") mentions that it was published: ${error}`,
          { storyId: story.id },
        );
      }
    })();
  }

  // Registered before /stories/:storyId, which would otherwise take it.
  router.get('/stories/feed.atom', async (req, res) => {
    await readerCredentials(req);
    const { items } = await store.listStories({
      status: 'published',
      deleted: false,
      order: 'newest',
      limit: FEED_SIZE,
      offset: 0,
    });
    res
      .type('application/atom+xml; charset=utf-8')
      .send(buildStoriesFeed(items, appBaseUrl));
  });

  router.get('/stories', async (req, res) => {
    const credentials = await readerCredentials(req);
    const viewer = userRefOf(credentials);
    const { query } = req;
    const deleted = query.deleted === true;
    if (deleted) {
      await requirePermission(
        permissions,
        storyRestorePermission,
        credentials,
        'list deleted stories',
      );
    }
    const status = query.status ?? (deleted ? undefined : 'published');
    if (status === 'draft' && !deleted && !viewer) {
      res.json({ items: [], totalCount: 0 });
      return;
    }
    res.json(
      await store.listStories(
        {
          category: query.category,
          team: query.team,
          operation: query.operation,
          entity: query.entity,
          status,
          // Outside the deleted list, drafts are listed for their author only.
          author: status === 'draft' && !deleted ? viewer : undefined,
          search: query.search,
          order: query.order ?? 'newest',
          deleted,
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          offset: query.offset ?? 0,
        },
        viewer,
      ),
    );
  });

  router.post('/stories', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      storyCreatePermission,
      credentials,
      'write stories',
    );
    const input = parseStoryInput(req.body);
    const author = credentials.principal.userEntityRef;
    const story = await store.createStory({
      ...input,
      author,
      team: input.team ?? (await defaultTeam(credentials)),
    });
    logger.info(`Story ${story.id} created by ${author}`, {
      storyId: story.id,
      status: story.status,
    });
    announceIfPublished(story, undefined, author);
    res.status(201).json(story);
  });

  router.get('/stories/:storyId', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await visibleStory(req.params.storyId, credentials));
  });

  router.put('/stories/:storyId', async (req, res) => {
    const credentials = await userCredentials(req);
    const update = parseStoryUpdate(req.body);
    const editor = credentials.principal.userEntityRef;
    const story = await liveStory(req.params.storyId, credentials);
    if (story.author !== editor) {
      await requirePermission(
        permissions,
        storyUpdatePermission,
        credentials,
        "edit other authors' stories",
      );
    }
    const updated = await store.updateStory(
      story.id,
      { ...update, author: story.author, team: update.team ?? story.team },
      editor,
    );
    logger.info(`Story ${story.id} edited by ${editor}`, {
      storyId: story.id,
      version: updated.version,
    });
    announceIfPublished(updated, story.status, editor);
    res.json(updated);
  });

  router.delete('/stories/:storyId', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      storyDeletePermission,
      credentials,
      'delete stories',
    );
    const story = await liveStory(req.params.storyId, credentials);
    await store.setDeletedAt(story.id, new Date());
    logger.info(
      `Story ${story.id} deleted by ${credentials.principal.userEntityRef}`,
      { storyId: story.id },
    );
    res.status(204).end();
  });

  router.post('/stories/:storyId/restore', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      storyRestorePermission,
      credentials,
      'restore stories',
    );
    const story = await visibleStory(req.params.storyId, credentials);
    if (story.deleted) {
      await store.setDeletedAt(story.id, undefined);
      logger.info(
        `Story ${story.id} restored by ${credentials.principal.userEntityRef}`,
        { storyId: story.id },
      );
    }
    res.json(await visibleStory(story.id, credentials));
  });

  router.put('/stories/:storyId/featured', async (req, res) => {
    const credentials = await userCredentials(req);
    await requirePermission(
      permissions,
      storyFeaturePermission,
      credentials,
      'feature stories',
    );
    const story = await liveStory(req.params.storyId, credentials);
    await store.setFeatured(story.id, req.body.featured);
    res.json(await visibleStory(story.id, credentials));
  });

  async function setLiked(
    storyId: string,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    liked: boolean,
  ) {
    const story = await liveStory(storyId, credentials);
    if (liked && story.status !== 'published') {
      throw new ConflictError(
        `Story ${story.id} is a draft; only published stories can be liked`,
      );
    }
    return store.setLiked(story.id, credentials.principal.userEntityRef, liked);
  }

  router.put('/stories/:storyId/like', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await setLiked(req.params.storyId, credentials, true));
  });

  router.delete('/stories/:storyId/like', async (req, res) => {
    const credentials = await userCredentials(req);
    res.json(await setLiked(req.params.storyId, credentials, false));
  });
}
