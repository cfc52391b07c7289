import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { E2eTest, repoRoot } from '../harness';

const demoStoryTitles = fs
  .readdirSync(path.join(repoRoot, 'examples/demo-org/stories'))
  .filter(name => name.endsWith('.yaml'))
  .map(name =>
    fs
      .readFileSync(
        path.join(repoRoot, 'examples/demo-org/stories', name),
        'utf8',
      )
      .match(/^title: (.*)$/m)![1]
      .replace(/^'(.*)'$/, '$1'),
  );

export const portalTests: E2eTest[] = [
  {
    name: 'stories feed lists the demo stories',
    async run(e2e) {
      const { page } = await e2e.signIn();
      assert.ok(demoStoryTitles.length >= 5, 'demo stories found on disk');
      await page.goto(`${e2e.baseUrl}/tracing-adoption/stories`);
      for (const title of demoStoryTitles) {
        await page.getByRole('link', { name: title }).waitFor();
      }
      await e2e.screenshot(page, 'stories-feed');
      e2e.note(`${demoStoryTitles.length} demo stories listed`);
    },
  },
  {
    name: 'a demo story renders its markdown',
    async run(e2e) {
      const { page } = await e2e.signIn();
      await page.goto(`${e2e.baseUrl}/tracing-adoption/stories`);
      const title = 'Checkout p99 was mostly one pricing call per cart line';
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.locator('strong', { hasText: 'once per cart line' }).waitFor();
      await e2e.screenshot(page, 'story');
    },
  },
  {
    name: 'observed traffic tab shows the recorded demo-shop traces',
    async run(e2e) {
      const { page } = await e2e.signIn();
      const entryService = page
        .getByRole('cell', { name: 'edge-gateway', exact: true })
        .first();
      // The first analysis runs a few seconds after the backend starts (the
      // tests above usually outlast that) and the table does not poll:
      // reload like a user until it is there.
      const deadline = Date.now() + 60_000;
      for (;;) {
        await page.goto(`${e2e.baseUrl}/tracing-adoption/observed`);
        try {
          await entryService.waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) {
            throw error;
          }
        }
      }
      // the recorded checkout calls currency, which sends no spans
      const checkout = page
        .getByRole('row')
        .filter({ hasText: 'POST /api/checkout' })
        .first();
      assert.match(await checkout.innerText(), /currency/);
      await e2e.screenshot(page, 'operations');
    },
  },
];
