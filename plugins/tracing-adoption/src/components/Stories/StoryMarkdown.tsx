import { makeStyles } from '@material-ui/core';
import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

const useStyles = makeStyles(theme => ({
  root: {
    overflowWrap: 'anywhere',
    '& pre': {
      padding: theme.spacing(1.5),
      overflowX: 'auto',
      backgroundColor: theme.palette.background.default,
      borderRadius: theme.shape.borderRadius,
    },
    '& blockquote': {
      margin: theme.spacing(1, 0),
      paddingLeft: theme.spacing(2),
      borderLeft: `4px solid ${theme.palette.divider}`,
      color: theme.palette.text.secondary,
    },
    '& img': { maxWidth: '100%' },
  },
}));

/**
 * A story body. Raw HTML in the markdown is not rendered, and the sanitizer
 * (GitHub's allow-list) drops scripts, event handlers and javascript: URLs
 * from whatever the markdown itself produces.
 */
export const StoryMarkdown = ({ markdown }: { markdown: string }) => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <Markdown rehypePlugins={[rehypeSanitize]}>{markdown}</Markdown>
    </div>
  );
};
