import fs from 'node:fs';
import path from 'node:path';
import {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
} from 'playwright-core';

export const repoRoot = path.resolve(__dirname, '..');
const screenshotDir = path.join(repoRoot, 'docs/screenshots');

export interface E2eContext {
  baseUrl: string;
  /**
   * A fresh browser context and page, signed in as guest through the sign-in
   * page's "Enter" button. The runner closes it after the test.
   */
  signIn(
    options?: BrowserContextOptions,
    beforeSignIn?: (context: BrowserContext) => Promise<void>,
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Writes docs/screenshots/<name>.png, replacing the previous run's. */
  screenshot(page: Page, name: string): Promise<void>;
  /** A line shown under the test's result. */
  note(message: string): void;
}

export interface E2eTest {
  name: string;
  run(e2e: E2eContext): Promise<void>;
}

export function createE2eContext(
  browser: Browser,
  baseUrl: string,
  notes: string[],
): {
  e2e: E2eContext;
  screenshotOpenPages(directory: string, prefix: string): Promise<string[]>;
  closeAll(): Promise<void>;
} {
  const contexts: BrowserContext[] = [];
  const e2e: E2eContext = {
    baseUrl,
    async signIn(options = {}, beforeSignIn) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      await beforeSignIn?.(context);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.getByRole('button', { name: 'Enter' }).click();
      // The app shell, unlike the sign-in page, has the sidebar; only then is
      // the session stored and a reload signs in again by itself.
      await page
        .getByRole('navigation', { name: 'sidebar nav' })
        .waitFor({ state: 'attached' });
      return { context, page };
    },
    async screenshot(page, name) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
    },
    note(message) {
      notes.push(message);
    },
  };
  return {
    e2e,
    async screenshotOpenPages(directory: string, prefix: string) {
      const pages = contexts.flatMap(c => c.pages());
      const files: string[] = [];
      for (const [index, page] of pages.entries()) {
        const file = path.join(directory, `${prefix}-${index + 1}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true });
          files.push(file);
        } catch {
          // a page that crashed or closed has nothing to show
        }
      }
      return files;
    },
    async closeAll() {
      await Promise.all(contexts.splice(0).map(c => c.close()));
    },
  };
}
