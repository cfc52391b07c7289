import {
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControlLabel,
  Grid,
  MenuItem,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  STORY_CATEGORIES,
  STORY_LIMITS,
  StoryCategory,
  StoryListQuery,
  StoryOrder,
} from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { storiesApiRef } from '../../api/StoriesApi';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { StoryCard } from './StoryCard';
import { categoryLabel } from './StoryMeta';
import { newStoryRouteRef } from './storyRoutes';
import { useStoryPermissions } from './useStoryPermissions';

const PAGE_SIZE = 10;

type Filters = Pick<
  StoryListQuery,
  'category' | 'team' | 'operation' | 'order' | 'status' | 'deleted'
>;

/**
 * The success stories feed: featured stories first, then the newest or the
 * most liked, filtered by category, team, operation or words.
 *
 * @public
 */
export const StoriesFeedPage = () => {
  const api = useApi(storiesApiRef);
  const tracingAdoptionApi = useApi(tracingAdoptionApiRef);
  const newStoryLink = useRouteRef(newStoryRouteRef);
  const { canRestore } = useStoryPermissions();

  const [filters, setFilters] = useState<Filters>({ order: 'newest' });
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  useDebounce(
    () => {
      setSearch(searchInput.trim());
      setOffset(0);
    },
    300,
    [searchInput],
  );

  const teams = useAsync(
    () => tracingAdoptionApi.listTeams(),
    [tracingAdoptionApi],
  );
  const stories = useAsync(
    () =>
      api.listStories({
        ...filters,
        search: search || undefined,
        limit: PAGE_SIZE,
        offset,
      }),
    [api, filters, search, offset],
  );

  const setFilter = (change: Partial<Filters>) => {
    setFilters(current => ({ ...current, ...change }));
    setOffset(0);
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
          <TextField
            id="stories-search"
            label="Search"
            placeholder="Words in the title or story"
            value={searchInput}
            onChange={event => setSearchInput(event.target.value)}
            inputProps={{ maxLength: STORY_LIMITS.searchMaxLength }}
          />
          <TextField
            select
            id="stories-category"
            label="Category"
            value={filters.category ?? ''}
            onChange={event =>
              setFilter({
                category: (event.target.value || undefined) as
                  | StoryCategory
                  | undefined,
              })
            }
            style={{ minWidth: 180 }}
          >
            <MenuItem value="">All</MenuItem>
            {STORY_CATEGORIES.map(category => (
              <MenuItem key={category} value={category}>
                {categoryLabel(category)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            id="stories-team"
            label="Team"
            value={filters.team ?? ''}
            onChange={event =>
              setFilter({ team: event.target.value || undefined })
            }
            style={{ minWidth: 180 }}
          >
            <MenuItem value="">All</MenuItem>
            {(teams.value?.items ?? []).map(team => (
              <MenuItem key={team.entityRef} value={team.entityRef}>
                {team.title ?? team.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="stories-operation"
            label="Operation"
            placeholder="e.g. place-order"
            value={filters.operation ?? ''}
            onChange={event =>
              setFilter({ operation: event.target.value || undefined })
            }
          />
          <TextField
            select
            id="stories-order"
            label="Order"
            value={filters.order}
            onChange={event =>
              setFilter({ order: event.target.value as StoryOrder })
            }
          >
            <MenuItem value="newest">Newest</MenuItem>
            <MenuItem value="most-liked">Most liked</MenuItem>
          </TextField>
          <FormControlLabel
            control={
              <Switch
                checked={filters.status === 'draft'}
                onChange={(_event, checked) =>
                  setFilter({ status: checked ? 'draft' : undefined })
                }
              />
            }
            label="My drafts"
          />
          {canRestore && (
            <FormControlLabel
              control={
                <Switch
                  checked={filters.deleted === true}
                  onChange={(_event, checked) =>
                    setFilter({ deleted: checked || undefined })
                  }
                />
              }
              label="Deleted"
            />
          )}
          <Box flexGrow={1} />
          <LinkButton to={newStoryLink()} variant="contained" color="primary">
            Write a story
          </LinkButton>
        </Box>
      </Grid>
      <Grid item xs={12}>
        {stories.loading && <Progress />}
        {stories.error && <ResponseErrorPanel error={stories.error} />}
        {stories.value && stories.value.items.length === 0 && (
          <Typography color="textSecondary">
            No stories match. Solved something with tracing? Write it down: it
            keeps the rollout going.
          </Typography>
        )}
        {stories.value && stories.value.items.length > 0 && (
          <>
            <Grid container spacing={2}>
              {stories.value.items.map(story => (
                <Grid item xs={12} key={story.id}>
                  <StoryCard story={story} />
                </Grid>
              ))}
            </Grid>
            <Box display="flex" alignItems="center" mt={2} gridGap={16}>
              <Typography variant="body2" color="textSecondary">
                {offset + 1}–{offset + stories.value.items.length} of{' '}
                {stories.value.totalCount} stories
              </Typography>
              <Button
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                Previous
              </Button>
              <Button
                disabled={offset + PAGE_SIZE >= stories.value.totalCount}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                Next
              </Button>
            </Box>
          </>
        )}
      </Grid>
    </Grid>
  );
};
