import { Node, isSeq } from 'yaml';
import type { SpanKind } from '../trace/model';
import type { SpanSelector } from './rulePack';
import {
  ValueContext,
  YamlNodeReader,
  childContext,
  describeContext,
  itemContext,
} from './yamlNodeReader';

const SELECTOR_KEYS = [
  'spanKinds',
  'attributePresent',
  'attributeAbsent',
  'attributeValues',
  'service',
  'spanName',
  'instrumentationScope',
  'resourceAttributes',
] as const;

const SPAN_KINDS: readonly SpanKind[] = [
  'server',
  'client',
  'producer',
  'consumer',
  'internal',
  'unspecified',
];

function readValueGlobs(
  reader: YamlNodeReader,
  node: Node | null,
  context: ValueContext,
): Record<string, string[]> {
  const globs: Record<string, string[]> = {};
  reader.freeMapping(node, context).forEach((value, key) => {
    globs[key] = reader.scalarTextList(value, childContext(context, key));
  });
  return globs;
}

function readSelector(
  reader: YamlNodeReader,
  node: Node | null,
  context: ValueContext,
): SpanSelector {
  const mapping = reader.mapping(node, context, SELECTOR_KEYS);
  if (mapping.values.size === 0) {
    reader.fail(
      mapping.node,
      `${describeContext(
        context,
      )} is empty; name at least one of ${SELECTOR_KEYS.join(', ')}`,
    );
  }
  const read = <T>(
    key: (typeof SELECTOR_KEYS)[number],
    reading: (value: Node | null, keyContext: ValueContext) => T,
  ): T | undefined => {
    const value = mapping.values.get(key);
    return value === undefined
      ? undefined
      : reading(value, childContext(context, key));
  };
  const names = (key: (typeof SELECTOR_KEYS)[number]) =>
    read(key, (value, keyContext) => reader.textList(value, keyContext));
  const valueGlobs = (key: (typeof SELECTOR_KEYS)[number]) =>
    read(key, (value, keyContext) => readValueGlobs(reader, value, keyContext));

  const selector: SpanSelector = {
    spanKinds: read('spanKinds', (value, keyContext) =>
      reader
        .items(value, keyContext)
        .map((item, index) =>
          reader.oneOf(
            item ?? value,
            itemContext(keyContext, index),
            'span kind',
            SPAN_KINDS,
          ),
        ),
    ),
    attributePresent: names('attributePresent'),
    attributeAbsent: names('attributeAbsent'),
    attributeValues: valueGlobs('attributeValues'),
    service: names('service'),
    spanName: names('spanName'),
    instrumentationScope: names('instrumentationScope'),
    resourceAttributes: valueGlobs('resourceAttributes'),
  };
  // Keep only what the author wrote, so a loaded pack serialises as written.
  return Object.fromEntries(
    Object.entries(selector).filter(([, value]) => value !== undefined),
  ) as SpanSelector;
}

/** `appliesTo`: one selector or a list of them. */
export function readSpanSelectors(
  reader: YamlNodeReader,
  rawNode: Node | null,
  context: ValueContext,
): SpanSelector[] {
  const node = reader.resolve(rawNode, context);
  if (!isSeq(node)) {
    return [readSelector(reader, node ?? rawNode, context)];
  }
  const items = reader.items(node, context);
  return items.map((item, index) =>
    readSelector(reader, item ?? node, itemContext(context, index)),
  );
}
