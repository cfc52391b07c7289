import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DefaultResultListItemProps,
  HighlightedSearchResultText,
} from '@backstage/plugin-search-react';
import { Box, Chip, ListItemText, Typography } from '@material-ui/core';

/** The document type the tracing-adoption search module indexes stories as. */
export const STORY_SEARCH_TYPE = 'tracing-adoption-story';

/** What the story collator adds to the common search document fields. */
interface StoryFields {
  category?: string;
  team?: string;
}

export type StorySearchResultListItemProps = Pick<
  DefaultResultListItemProps,
  'result' | 'highlight'
>;

/** A success story among search results: title, category and team. */
export const StorySearchResultListItem = ({
  result,
  highlight,
}: StorySearchResultListItemProps) => {
  if (!result) {
    return null;
  }
  const { category, team } = result as typeof result & StoryFields;
  return (
    <ListItemText
      primaryTypographyProps={{ variant: 'h6' }}
      primary={
        <Link to={result.location}>
          {highlight?.fields.title ? (
            <HighlightedSearchResultText
              text={highlight.fields.title}
              preTag={highlight.preTag}
              postTag={highlight.postTag}
            />
          ) : (
            result.title
          )}
        </Link>
      }
      secondaryTypographyProps={{ component: 'div' }}
      secondary={
        <>
          <Box display="flex" alignItems="center" gridGap={8} my={0.5}>
            <Chip size="small" variant="outlined" label="Success story" />
            {category && <Chip size="small" label={category} />}
            {team && (
              <Typography variant="body2" component="span">
                <EntityRefLink entityRef={team} defaultKind="group" hideIcon />
              </Typography>
            )}
          </Box>
          <Typography
            component="span"
            variant="body2"
            color="textSecondary"
            style={{
              display: '-webkit-box',
              WebkitBoxOrient: 'vertical',
              WebkitLineClamp: 3,
              overflow: 'hidden',
            }}
          >
            {highlight?.fields.text ? (
              <HighlightedSearchResultText
                text={highlight.fields.text}
                preTag={highlight.preTag}
                postTag={highlight.postTag}
              />
            ) : (
              result.text
            )}
          </Typography>
        </>
      }
    />
  );
};
