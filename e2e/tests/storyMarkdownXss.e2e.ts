import assert from 'node:assert/strict';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { xssPayloads } from '../fixtures/xssPayloads';
import { E2eContext, E2eTest } from '../harness';

const HEADING = 'Rendering check';
const NORMAL_LINK = {
  text: 'OpenTelemetry documentation',
  href: 'https://opentelemetry.io/docs/',
};
const STORY_TITLE = 'Markdown safety check';

const STORY_BODY = [
  `# ${HEADING}`,
  '',
  `Harmless markdown around the payloads: **bold** text and a [${NORMAL_LINK.text}](${NORMAL_LINK.href}).`,
  '',
  ...xssPayloads.flatMap(payload => [
    `### Payload ${payload.id} (${payload.kind})`,
    '',
    payload.markdown,
    '',
  ]),
].join('\n');

/** What a payload that executed or navigated would have left behind. */
interface Watch {
  marks: number[];
  dialogs: string[];
  navigations: string[];
  externalRequests: string[];
}

/**
 * Exposes `xssMark` in every frame of every page of the context, records
 * dialogs and navigations, and answers requests to other origins with 204,
 * so a clicked link is recorded without the page going away.
 */
async function watchExecution(
  context: BrowserContext,
  baseUrl: string,
): Promise<Watch> {
  const watch: Watch = {
    marks: [],
    dialogs: [],
    navigations: [],
    externalRequests: [],
  };
  await context.exposeFunction('xssMark', (id: unknown) => {
    watch.marks.push(Number(id));
  });
  context.on('page', page => {
    page.on('dialog', dialog => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('framenavigated', frame => watch.navigations.push(frame.url()));
  });
  const origin = new URL(baseUrl).origin;
  await context.route(
    url => url.origin !== origin && /^https?:$/.test(url.protocol),
    route => {
      watch.externalRequests.push(route.request().url());
      return route.fulfill({ status: 204 });
    },
  );
  return watch;
}

async function signInWatched(e2e: E2eContext) {
  let watch: Watch | undefined;
  // The backend's CSP (script-src-attr 'none', no 'unsafe-inline') alone
  // would stop inline handlers and javascript: URLs; without it the test
  // judges the markdown rendering and nothing else.
  const { page } = await e2e.signIn({ bypassCSP: true }, async context => {
    watch = await watchExecution(context, e2e.baseUrl);
  });
  return { page, watch: watch! };
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const CLICKABLE = 'a, button, summary, input, [role="link"], [role="button"]';

/**
 * Clicks every link and button inside `root()`, as a user would where it is
 * visible. `reopen` is called when a click took the page elsewhere.
 */
async function clickEverything(
  page: Page,
  root: () => Locator,
  reopen: (leftFor: string) => Promise<void>,
): Promise<number> {
  const url = page.url();
  const count = await root().locator(CLICKABLE).count();
  for (let index = 0; index < count; index++) {
    const target = root().locator(CLICKABLE).nth(index);
    if (await target.isVisible()) {
      await target.click({ timeout: 5_000 });
    } else {
      await target.dispatchEvent('click');
    }
    if (page.url() !== url) {
      await reopen(page.url());
    }
  }
  return count;
}

const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'srcdoc',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
  'style',
  'content',
]);
const FORBIDDEN_ELEMENTS =
  'script, iframe, object, embed, frame, frameset, applet, base, meta, link, style, form, svg, math, template';

/** Everything in the rendered markdown that could run script or navigate to it. */
function findDangerousMarkup(root: Locator): Promise<string[]> {
  return root.evaluate(
    (element, { urlAttributes, forbidden }) => {
      const problems: string[] = [];
      const describe = (e: Element) => e.outerHTML.slice(0, 160);
      // browsers drop whitespace and control characters inside a URL's scheme
      const dangerousUrl = (value: string) =>
        /javascript:|vbscript:|data:text\/html|expression\(/.test(
          value.replace(/[\u0000-\u0020]/g, '').toLowerCase(),
        );
      for (const e of Array.from(element.querySelectorAll(forbidden))) {
        problems.push(`forbidden element <${e.localName}>: ${describe(e)}`);
      }
      for (const e of [element, ...Array.from(element.querySelectorAll('*'))]) {
        for (const attribute of Array.from(e.attributes)) {
          if (/^on/i.test(attribute.name)) {
            problems.push(`event handler ${attribute.name}: ${describe(e)}`);
          } else if (
            urlAttributes.includes(attribute.name.toLowerCase()) &&
            dangerousUrl(attribute.value)
          ) {
            problems.push(`dangerous ${attribute.name}: ${describe(e)}`);
          }
        }
        if (e instanceof HTMLAnchorElement && dangerousUrl(e.href)) {
          problems.push(`anchor resolves to ${e.href}: ${describe(e)}`);
        }
      }
      return problems;
    },
    { urlAttributes: [...URL_ATTRIBUTES], forbidden: FORBIDDEN_ELEMENTS },
  );
}

/** StoryMarkdown's own element: the parent of the body's first heading. */
const renderedBody = (page: Page) =>
  page.getByRole('heading', { name: HEADING, level: 1 }).locator('xpath=..');

/**
 * Checks one rendering of the body: the harmless markdown is there (so
 * rendering really happened), nothing dangerous is in the DOM, and clicking
 * every link and button executes and navigates nowhere.
 */
async function checkRendering(
  where: string,
  page: Page,
  watch: Watch,
  reopen: (leftFor: string) => Promise<void>,
) {
  const body = renderedBody(page);
  await body
    .getByRole('heading', {
      name: `Payload ${xssPayloads[xssPayloads.length - 1].id} `,
    })
    .waitFor();
  const link = body.getByRole('link', { name: NORMAL_LINK.text });
  assert.equal(
    await link.getAttribute('href'),
    NORMAL_LINK.href,
    `${where}: the normal link`,
  );
  assert.equal(
    await body.locator('strong', { hasText: 'bold' }).count(),
    1,
    `${where}: bold text`,
  );
  assert.equal(
    await body.locator('h3', { hasText: /^Payload \d+ / }).count(),
    xssPayloads.length,
    `${where}: every payload's heading is rendered, so no payload swallowed the next`,
  );
  assert.deepEqual(
    await findDangerousMarkup(body),
    [],
    `${where}: dangerous markup`,
  );

  const requestsBefore = watch.externalRequests.length;
  const clicked = await clickEverything(page, () => renderedBody(page), reopen);
  assert.ok(
    watch.externalRequests
      .slice(requestsBefore)
      .some(url => url === NORMAL_LINK.href),
    `${where}: clicking the normal link requested ${NORMAL_LINK.href}; requests: ${watch.externalRequests}`,
  );
  // image errors, toggles and animations fire after rendering
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  assert.deepEqual(
    await findDangerousMarkup(renderedBody(page)),
    [],
    `${where}: dangerous markup after clicking`,
  );
  return clicked;
}

function assertNothingExecuted(watch: Watch) {
  assert.deepEqual(watch.marks, [], 'payloads that executed (xssMark ids)');
  assert.deepEqual(watch.dialogs, [], 'dialogs opened by payloads');
  assert.deepEqual(
    watch.navigations.filter(url => /^(javascript|vbscript|data):/i.test(url)),
    [],
    'navigations to javascript:, vbscript: or data: URLs',
  );
}

export const storyMarkdownXssTests: E2eTest[] = [
  {
    name: 'XSS detection catches script that does run (controls outside the story body)',
    async run(e2e) {
      const { page, watch } = await signInWatched(e2e);
      await page.goto(`${e2e.baseUrl}/tracing-adoption/stories`);
      await page.getByRole('button', { name: 'Write a story' }).waitFor();
      await page.evaluate(() => {
        const controls = document.createElement('div');
        controls.id = 'xss-controls';
        controls.style.cssText =
          'position:fixed;top:0;left:0;z-index:100000;background:white';
        controls.innerHTML = [
          '<img src="x" onerror="xssMark(9001)">',
          '<a href="javascript:xssMark(9002)">control link</a>',
          '<iframe srcdoc="<script>xssMark(9003)</script>"></iframe>',
          '<iframe src="data:text/html,<script>xssMark(9004)</script>"></iframe>',
          '<img src="x" onerror="alert(9005)">',
        ].join('');
        document.body.append(controls);
      });
      await clickEverything(
        page,
        () => page.locator('#xss-controls'),
        async leftFor => {
          throw new Error(`a control link left the page for ${leftFor}`);
        },
      );
      const expected = [9001, 9002, 9003, 9004];
      await waitFor(
        () =>
          expected.every(id => watch.marks.includes(id)) &&
          watch.dialogs.length > 0,
        5_000,
      );
      assert.deepEqual(
        [...watch.marks].sort((a, b) => a - b),
        expected,
        'markers of the inline handler, javascript: link, srcdoc and data: frames',
      );
      assert.deepEqual(watch.dialogs, ['alert: 9005']);
      e2e.note(
        'inline handler, javascript: link, srcdoc frame, data: frame and dialog all detected',
      );
    },
  },
  {
    name: `story markdown: ${xssPayloads.length} XSS payloads stay inert in the editor preview, on the story page and in the feed`,
    async run(e2e) {
      const { page, watch } = await signInWatched(e2e);
      await page.goto(`${e2e.baseUrl}/tracing-adoption/stories`);
      await page.getByRole('button', { name: 'Write a story' }).click();
      await page.locator('#story-title').fill(STORY_TITLE);
      await page.locator('#story-body').fill(STORY_BODY);
      await page.locator('#story-team').fill('group:default/sre-tracing');

      await page.getByLabel('Preview').check();
      const previewClicks = await checkRendering(
        'editor preview',
        page,
        watch,
        async leftFor => {
          throw new Error(
            `a link in the preview left the editor for ${leftFor}`,
          );
        },
      );
      assertNothingExecuted(watch);

      await page.getByRole('button', { name: 'Publish' }).click();
      await page.waitForURL(/\/tracing-adoption\/stories\/[0-9a-f-]{36}$/);
      const storyUrl = page.url();
      await page
        .getByRole('heading', { name: STORY_TITLE, level: 1 })
        .waitFor();
      const pageClicks = await checkRendering(
        'story page',
        page,
        watch,
        async () => {
          await page.goto(storyUrl);
          await renderedBody(page).waitFor();
        },
      );
      assertNothingExecuted(watch);
      await renderedBody(page)
        .getByRole('heading', { name: HEADING })
        .scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'story-xss');

      await page.goto(`${e2e.baseUrl}/tracing-adoption/stories`);
      await page.getByRole('link', { name: STORY_TITLE }).waitFor();
      await page.waitForLoadState('networkidle');
      assertNothingExecuted(watch);

      e2e.note(
        `${xssPayloads.length} payloads checked: 0 executed, 0 dialogs, no dangerous markup; ` +
          `${previewClicks} links and buttons clicked in the preview, ${pageClicks} on the story page`,
      );
    },
  },
];
