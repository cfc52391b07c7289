import fs from 'node:fs';
import path from 'node:path';
import { parseOtlpJson } from '../../trace/formats';
import type { Trace } from '../../trace/model';
import { loadRulePack } from '../loadRulePack';
import type { RulePack } from '../rulePack';

const PLUGIN = path.join(__dirname, '../../..');

function readPack(file: string): RulePack {
  return loadRulePack({ text: fs.readFileSync(file, 'utf8'), origin: file })
    .pack;
}

/** The packs shipped with the plugin and the demo organisation's pack. */
export function shippedPacks() {
  return {
    opentelemetry: readPack(path.join(PLUGIN, 'packs/opentelemetry.yaml')),
    opentracing: readPack(path.join(PLUGIN, 'packs/opentracing.yaml')),
    shopfront: readPack(
      path.join(PLUGIN, '../../examples/demo-org/rule-packs/shopfront.yaml'),
    ),
  };
}

/** The recorded demo-shop traces (11 traces, 128 spans, 12 services). */
export function demoShopTraces(): Trace[] {
  const result = parseOtlpJson(
    JSON.parse(
      fs.readFileSync(
        path.join(PLUGIN, 'src/trace/__fixtures__/demo-shop.otlp.json'),
        'utf8',
      ),
    ),
  );
  if (result.problems.length > 0) {
    throw new Error(
      `demo-shop fixture has problems: ${result.problems[0].message}`,
    );
  }
  return result.traces;
}

/** Owners from examples/demo-org/components.yaml; order-events-consumer left out on purpose. */
export const DEMO_SHOP_OWNERS: Record<string, string> = {
  'edge-gateway': 'team-edge',
  'catalog-browse': 'team-discovery',
  reviews: 'team-discovery',
  cart: 'team-cart-checkout',
  checkout: 'team-cart-checkout',
  orders: 'team-cart-checkout',
  pricing: 'team-cart-checkout',
  promotions: 'team-cart-checkout',
  payments: 'team-payments',
  'fraud-check': 'team-payments',
  inventory: 'team-fulfilment',
};
