import {
  Content,
  Header,
  Link,
  LinkButton,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Chip, Grid, Typography } from '@material-ui/core';
import { Story } from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storiesApiRef } from '../../api/StoriesApi';
import { ImpactFigures } from './ImpactFigures';
import { LikeButton } from './LikeButton';
import { StoryMarkdown } from './StoryMarkdown';
import { StoryMeta } from './StoryMeta';
import {
  editStoryRouteRef,
  storiesRouteRef,
  storyRouteRef,
} from './storyRoutes';
import { StoryPermissions, useStoryPermissions } from './useStoryPermissions';

const StoryActions = ({
  story,
  permissions,
  onChanged,
}: {
  story: Story;
  permissions: StoryPermissions;
  onChanged: () => void;
}) => {
  const api = useApi(storiesApiRef);
  const alertApi = useApi(alertApiRef);
  const editLink = useRouteRef(editStoryRouteRef);
  const storiesLink = useRouteRef(storiesRouteRef);
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const run = async (
    action: () => Promise<unknown>,
    done: string,
    then: () => void = onChanged,
  ) => {
    setBusy(true);
    try {
      await action();
      alertApi.post({
        message: done,
        severity: 'success',
        display: 'transient',
      });
      then();
    } catch (error) {
      alertApi.post({ message: (error as Error).message, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (story.deleted) {
    return permissions.canRestore ? (
      <Button
        variant="outlined"
        disabled={busy}
        onClick={() => run(() => api.restoreStory(story.id), 'Story restored')}
      >
        Restore
      </Button>
    ) : null;
  }
  return (
    <Box display="flex" gridGap={8} flexWrap="wrap">
      <LikeButton story={story} />
      {permissions.canEdit(story) && (
        <LinkButton to={editLink({ storyId: story.id })} variant="outlined">
          Edit
        </LinkButton>
      )}
      {permissions.canFeature && story.status === 'published' && (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() =>
            run(
              () => api.setFeatured(story.id, !story.featured),
              story.featured ? 'Story no longer featured' : 'Story featured',
            )
          }
        >
          {story.featured ? 'Unfeature' : 'Feature'}
        </Button>
      )}
      {permissions.canDelete && (
        <Button
          variant="outlined"
          color="secondary"
          disabled={busy}
          onClick={() =>
            run(
              () => api.deleteStory(story.id),
              'Story deleted; an admin can restore it',
              () => navigate(storiesLink()),
            )
          }
        >
          Delete
        </Button>
      )}
    </Box>
  );
};

/**
 * One success story, its body rendered from markdown.
 *
 * @public
 */
export const StoryPage = () => {
  const { storyId } = useRouteRefParams(storyRouteRef);
  const api = useApi(storiesApiRef);
  const storiesLink = useRouteRef(storiesRouteRef);
  const permissions = useStoryPermissions();
  const {
    value: story,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.getStory(storyId), [api, storyId]);

  return (
    <Page themeId="tool">
      <Header
        title={story?.title ?? 'Success story'}
        type="Success story"
        typeLink={storiesLink()}
      />
      <Content>
        {loading && !story && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {story && (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <StoryMeta story={story} />
              <ImpactFigures impact={story.impact} />
              <StoryActions
                story={story}
                permissions={permissions}
                onChanged={retry}
              />
            </Grid>
            <Grid item xs={12} md={8}>
              <StoryMarkdown markdown={story.body} />
            </Grid>
            <Grid item xs={12} md={4}>
              {story.entityRefs.length > 0 && (
                <>
                  <Typography variant="h6">Mentions</Typography>
                  <ul>
                    {story.entityRefs.map(ref => (
                      <li key={ref}>
                        <EntityRefLink entityRef={ref} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {story.operations.length > 0 && (
                <>
                  <Typography variant="h6">Critical operations</Typography>
                  <Box display="flex" flexWrap="wrap" gridGap={4} my={1}>
                    {story.operations.map(operation => (
                      <Chip key={operation} size="small" label={operation} />
                    ))}
                  </Box>
                </>
              )}
              {story.traceLinks.length > 0 && (
                <>
                  <Typography variant="h6">Traces</Typography>
                  <ul>
                    {story.traceLinks.map(link => (
                      <li key={link}>
                        <Link
                          to={link}
                          target="_blank"
                          rel="noopener noreferrer"
                        >
                          {link}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
};
