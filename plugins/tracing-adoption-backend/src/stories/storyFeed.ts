import { Story } from '@internal/plugin-tracing-adoption-common';
import { Feed } from 'feed';

/** Where the frontend shows stories, below the app's base URL. */
export const STORIES_APP_PATH = '/tracing-adoption/stories';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Atom carries titles and content as `type="html"`, so story text is escaped
 * to show literally: markup in a story never runs in a feed reader. Escaping
 * `>` also keeps `]]>` out of the CDATA sections the feed library writes.
 */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, character => HTML_ESCAPES[character]);
}

function formatNumber(value: number | undefined): string {
  return value === undefined ? '?' : String(value);
}

function entryContent(story: Story): string {
  const parts = [
    `<p>Category: ${escapeHtml(story.category)} · Team: ${escapeHtml(
      story.team,
    )}</p>`,
  ];
  if (story.impact.length > 0) {
    const figures = story.impact.map(
      figure =>
        `<li>${escapeHtml(figure.label)}: ${formatNumber(
          figure.before,
        )} → ${formatNumber(figure.after)} ${escapeHtml(figure.unit)}</li>`,
    );
    parts.push(`<ul>${figures.join('')}</ul>`);
  }
  parts.push(`<pre>${escapeHtml(story.body)}</pre>`);
  if (story.entityRefs.length > 0) {
    parts.push(
      `<p>Mentions: ${story.entityRefs.map(escapeHtml).join(', ')}</p>`,
    );
  }
  if (story.traceLinks.length > 0) {
    const links = story.traceLinks.map(
      link => `<li><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`,
    );
    parts.push(`<p>Traces:</p><ul>${links.join('')}</ul>`);
  }
  return parts.join('\n');
}

/**
 * An Atom 1.0 document of published stories, newest first, linking each to
 * its page in the Backstage app.
 */
export function buildStoriesFeed(stories: Story[], appBaseUrl: string): string {
  const storiesUrl = new URL(
    `${appBaseUrl.replace(/\/+$/, '')}${STORIES_APP_PATH}`,
  ).href;
  const feed = new Feed({
    id: storiesUrl,
    link: storiesUrl,
    title: 'Tracing success stories',
    description:
      'How teams used distributed tracing: latency found, incidents resolved, errors uncovered, resources saved.',
    updated: new Date(
      Math.max(0, ...stories.map(s => Date.parse(s.updatedAt))),
    ),
    generator: 'Backstage Tracing Adoption',
    copyright: '',
  });
  for (const story of stories) {
    const link = `${storiesUrl}/${encodeURIComponent(story.id)}`;
    feed.addItem({
      id: link,
      link,
      title: escapeHtml(story.title),
      date: new Date(story.updatedAt),
      published: story.publishedAt ? new Date(story.publishedAt) : undefined,
      author: [{ name: story.author }],
      category: [{ term: story.category }],
      content: entryContent(story),
    });
  }
  return feed.atom1();
}
