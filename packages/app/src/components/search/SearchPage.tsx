import { Content, Header, Page } from '@backstage/core-components';
import {
  DefaultResultListItem,
  SearchBar,
  SearchPagination,
  SearchResult,
} from '@backstage/plugin-search-react';
import { Grid, List, ListItem, Paper } from '@material-ui/core';
import {
  STORY_SEARCH_TYPE,
  StorySearchResultListItem,
} from './StorySearchResultListItem';

/** The content of the search page; SearchPage provides the search context. */
export const SearchPageContent = () => (
  <Page themeId="home">
    <Header title="Search" />
    <Content>
      <Grid container direction="row">
        <Grid item xs={12}>
          <Paper>
            <SearchBar />
          </Paper>
        </Grid>
        <Grid item xs={12}>
          <SearchPagination />
          <SearchResult>
            {({ results }) => (
              <List>
                {results.map(({ type, document, highlight, rank }) => (
                  <ListItem
                    key={`${type}:${document.location}`}
                    divider
                    alignItems="flex-start"
                  >
                    {type === STORY_SEARCH_TYPE ? (
                      <StorySearchResultListItem
                        result={document}
                        highlight={highlight}
                      />
                    ) : (
                      <DefaultResultListItem
                        result={document}
                        highlight={highlight}
                        rank={rank}
                      />
                    )}
                  </ListItem>
                ))}
              </List>
            )}
          </SearchResult>
        </Grid>
      </Grid>
    </Content>
  </Page>
);

export const searchPage = <SearchPageContent />;
