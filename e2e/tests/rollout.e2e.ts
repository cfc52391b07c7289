import assert from 'node:assert/strict';
import { Locator, Page } from 'playwright-core';
import { E2eTest } from '../harness';

/**
 * The rollout figures exist once the definitions file was read and the
 * traces analysed, seconds after the backend starts; pages do not poll, so
 * reload like a user until `ready` shows.
 */
async function openWhenReady(page: Page, url: string, ready: Locator) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    await page.goto(url);
    try {
      await ready.waitFor({ timeout: 4_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
  }
}

export const rolloutTests: E2eTest[] = [
  {
    name: 'rollout overview shows the demo campaign and the maturity of its operations',
    async run(e2e) {
      const { page } = await e2e.signIn();
      const checkoutRow = page
        .getByRole('row')
        .filter({
          has: page.getByRole('link', { name: 'Checkout', exact: true }),
        })
        .filter({ hasText: /crawl|walk|run/ });
      await openWhenReady(
        page,
        `${e2e.baseUrl}/tracing-adoption`,
        checkoutRow.first(),
      );
      await page.getByText('Cyber Week 2026').first().waitFor();
      // the recorded checkout reaches from the edge but currency sends no spans
      assert.match(await checkoutRow.first().innerText(), /crawl/);
      for (const name of ['Add to cart', 'Browse catalog', 'Product page']) {
        await page.getByRole('link', { name, exact: true }).first().waitFor();
      }
      await e2e.screenshot(page, 'rollout-overview');

      // the same page in the dark theme, as a user picks it in Settings
      await page.evaluate(() => localStorage.setItem('theme', 'dark'));
      await page.reload();
      await page.locator('body[data-theme-mode="dark"]').waitFor();
      await checkoutRow.first().waitFor();
      await e2e.screenshot(page, 'rollout-overview-dark');
    },
  },
  {
    name: 'operation diagram shows the uninstrumented currency service as a gap',
    async run(e2e) {
      const { page } = await e2e.signIn();
      // drawn by elkjs once the layout is done; the list shown before it is replaced
      const currency = page.locator(
        '[data-testid="service-diagram"][data-layout="done"] [data-status="uninstrumented"][aria-label^="currency"]',
      );
      await openWhenReady(
        page,
        `${e2e.baseUrl}/tracing-adoption/critical-operations/checkout`,
        currency.first(),
      );
      const propagating = page.locator(
        '[data-testid="service-diagram"] [data-status="end-to-end"], [data-testid="service-diagram"] [data-status="non-compliant"]',
      );
      assert.ok(
        (await propagating.count()) >= 3,
        'edge-gateway, checkout and payments are drawn as traced',
      );
      // React Flow's pane lies over the nodes for pointer events; a click
      // event reaches the node's handler as a keyboard user's would
      await currency.first().dispatchEvent('click');
      await page.getByText('but emits no spans of its own').first().waitFor();
      await e2e.screenshot(page, 'operation-diagram');
    },
  },
  {
    name: 'entity tab of a demo component shows its tracing checklist',
    async run(e2e) {
      const { page } = await e2e.signIn();
      await openWhenReady(
        page,
        `${e2e.baseUrl}/catalog/default/component/currency/tracing`,
        page.getByText('Propagates context').first(),
      );
      for (const item of ['Tracer present', 'Compliant', 'SDK current']) {
        await page.getByText(item).first().waitFor();
      }
      await page
        .getByText(/Instrument `?currency`?/)
        .first()
        .waitFor();
      await e2e.screenshot(page, 'entity-tracing-tab');
    },
  },
  {
    name: 'a rollout PM defines a critical operation in the admin tab',
    async run(e2e) {
      const { page } = await e2e.signIn();
      await page.goto(`${e2e.baseUrl}/tracing-adoption/admin`);
      await page.getByRole('button', { name: 'Define an operation' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#operation-id').fill('wishlist');
      await dialog.locator('#operation-name').fill('Add to wishlist');
      await dialog.locator('#operation-entryService').fill('edge-gateway');
      await dialog.locator('#operation-httpRoute').fill('/api/wishlist');
      await dialog.locator('#operation-peakRequestsPerSecond').fill('80');
      await dialog.getByRole('button', { name: /^Owner/ }).click();
      await page
        .getByRole('option', { name: /group:default\/team-cart-checkout/ })
        .click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'wishlist', exact: true }).waitFor();
      await page.goto(
        `${e2e.baseUrl}/tracing-adoption/critical-operations/wishlist`,
      );
      await page.getByText('Add to wishlist').first().waitFor();
    },
  },
  {
    name: 'the guest user may not grant waivers: no form, and the API answers 403',
    async run(e2e) {
      const { page } = await e2e.signIn();
      const apiCall = page.waitForRequest(request =>
        request.url().includes('/api/tracing-adoption/'),
      );
      await page.goto(`${e2e.baseUrl}/tracing-adoption/admin`);
      const authorization = (await apiCall).headers().authorization;
      await page.getByRole('button', { name: 'Define an operation' }).waitFor();
      await page.getByText('Waivers').first().waitFor();
      assert.equal(
        await page.getByRole('button', { name: 'Grant a waiver' }).count(),
        0,
        'the waiver form is offered only to those who may grant waivers',
      );
      const response = await page.request.post(
        `${e2e.baseUrl}/api/tracing-adoption/waivers`,
        {
          headers: { authorization },
          data: {
            scope: { kind: 'service', service: 'currency' },
            reason: 'Retired before Cyber Week',
            approvedBy: 'user:development/guest',
            expiresAt: '2099-01-01T00:00:00Z',
          },
        },
      );
      assert.equal(response.status(), 403);
      assert.match(
        (await response.json()).error.message,
        /tracing-adoption\.waiver\.manage/,
      );
    },
  },
];
