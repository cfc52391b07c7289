import { Node, isSeq } from 'yaml';
import {
  AttributeAlternatives,
  AttributeValueType,
  RULE_CHECK_TYPES,
  RuleCheck,
  SpanNameCheck,
  StatusCheck,
} from './rulePack';
import { templatePlaceholders } from './spanNameTemplate';
import {
  ValueContext,
  YamlMapping,
  YamlNodeReader,
  childContext,
  describeContext,
  itemContext,
} from './yamlNodeReader';

const VALUE_TYPES: readonly AttributeValueType[] = [
  'string',
  'int',
  'double',
  'boolean',
  'array',
];

/** Compiles at load time so a broken regex is reported with its line. */
function readRegex(
  reader: YamlNodeReader,
  mapping: YamlMapping,
  key: string,
): string {
  const node = reader.required(mapping, key);
  const context = childContext(mapping.context, key);
  const source = reader.text(node, context);
  try {
    RegExp(source);
  } catch (error) {
    reader.fail(
      node,
      `${describeContext(context)} is not a valid regular expression: ${
        (error as Error).message
      }`,
    );
  }
  return source;
}

/** `[a, [b, c]]`: each entry a name or a list of alternative names. */
function readRequirements(
  reader: YamlNodeReader,
  node: Node | null,
  context: ValueContext,
): AttributeAlternatives[] {
  return reader.items(node, context).map((item, index) => {
    const entryContext = itemContext(context, index);
    const entry = reader.resolve(item, entryContext);
    return isSeq(entry)
      ? reader.textList(entry, entryContext)
      : [reader.text(entry ?? node, entryContext)];
  });
}

/** A mapping that must hold exactly one of `keys`, e.g. the check itself. */
function exactlyOneKey<K extends string>(
  reader: YamlNodeReader,
  mapping: YamlMapping,
  keys: readonly K[],
  what: string,
): [K, Node] {
  const given = keys.filter(key => mapping.values.has(key));
  if (given.length !== 1) {
    reader.fail(
      mapping.node,
      given.length === 0
        ? `${describeContext(mapping.context)} needs one ${what}: ${keys.join(
            ', ',
          )}`
        : `${describeContext(mapping.context)} has ${
            given.length
          } ${what}s (${given.join(', ')}); use exactly one`,
    );
  }
  return [given[0], reader.required(mapping, given[0])];
}

function readSpanNameCheck(
  reader: YamlNodeReader,
  node: Node,
  context: ValueContext,
): SpanNameCheck {
  const mapping = reader.mapping(node, context, [
    'pattern',
    'template',
    'noIds',
  ]);
  const [kind, value] = exactlyOneKey(
    reader,
    mapping,
    ['pattern', 'template', 'noIds'],
    'span-name rule',
  );
  const valueContext = childContext(context, kind);
  if (kind === 'pattern') {
    return { pattern: readRegex(reader, mapping, 'pattern') };
  }
  if (kind === 'template') {
    const template = reader.text(value, valueContext);
    const placeholders = templatePlaceholders(template);
    if (placeholders === undefined || placeholders.length === 0) {
      reader.fail(
        value,
        `${describeContext(
          valueContext,
        )} must name span attributes in braces, e.g. '{http.request.method} {http.route}'`,
      );
    }
    return { template };
  }
  if (!reader.boolean(value, valueContext)) {
    reader.fail(
      value,
      `${describeContext(
        valueContext,
      )} can only be true; remove the rule to allow ids`,
    );
  }
  return { noIds: true };
}

function readStatusCheck(
  reader: YamlNodeReader,
  node: Node,
  context: ValueContext,
): StatusCheck {
  const mapping = reader.mapping(node, context, ['errorNeeds', 'errorWhen']);
  const [kind, value] = exactlyOneKey(
    reader,
    mapping,
    ['errorNeeds', 'errorWhen'],
    'status rule',
  );
  const valueContext = childContext(context, kind);
  if (kind === 'errorNeeds') {
    const needs = reader.mapping(value, valueContext, ['attributes', 'events']);
    const list = (key: string) => {
      const listNode = needs.values.get(key);
      return listNode === undefined
        ? []
        : reader.textList(listNode, childContext(valueContext, key));
    };
    const attributes = list('attributes');
    const events = list('events');
    if (attributes.length + events.length === 0) {
      reader.fail(
        needs.node,
        `${describeContext(valueContext)} must name attributes or events`,
      );
    }
    return { errorNeeds: { attributes, events } };
  }
  const when = reader.mapping(value, valueContext, ['attribute', 'min', 'max']);
  const attribute = reader.text(
    reader.required(when, 'attribute'),
    childContext(valueContext, 'attribute'),
  );
  const min = reader.number(
    reader.required(when, 'min'),
    childContext(valueContext, 'min'),
  );
  const maxNode = reader.required(when, 'max');
  const max = reader.number(maxNode, childContext(valueContext, 'max'));
  if (max < min) {
    reader.fail(
      maxNode,
      `${describeContext(valueContext)} has max ${max} below min ${min}`,
    );
  }
  return { errorWhen: { attribute, min, max } };
}

/** The `check` of a rule: a mapping with exactly one of the check types. */
export function readRuleCheck(
  reader: YamlNodeReader,
  node: Node,
  context: ValueContext,
): RuleCheck {
  const mapping = reader.mapping(node, context, RULE_CHECK_TYPES);
  const [kind, value] = exactlyOneKey(
    reader,
    mapping,
    RULE_CHECK_TYPES,
    'check',
  );
  const valueContext = childContext(context, kind);
  const fields = (keys: readonly string[]) =>
    reader.mapping(value, valueContext, keys);
  const attributeOf = (fieldMapping: YamlMapping) =>
    reader.text(
      reader.required(fieldMapping, 'attribute'),
      childContext(valueContext, 'attribute'),
    );

  switch (kind) {
    case 'required':
      return { required: readRequirements(reader, value, valueContext) };
    case 'resourceRequired':
      return {
        resourceRequired: readRequirements(reader, value, valueContext),
      };
    case 'forbidden':
      return { forbidden: reader.textList(value, valueContext) };
    case 'pattern': {
      const pattern = fields(['attribute', 'regex']);
      return {
        pattern: {
          attribute: attributeOf(pattern),
          regex: readRegex(reader, pattern, 'regex'),
        },
      };
    }
    case 'keyPattern': {
      const keyPattern = fields(['regex', 'except']);
      const except = keyPattern.values.get('except');
      return {
        keyPattern: {
          regex: readRegex(reader, keyPattern, 'regex'),
          except:
            except === undefined
              ? []
              : reader.textList(except, childContext(valueContext, 'except')),
        },
      };
    }
    case 'allowedValues': {
      const allowed = fields(['attribute', 'values', 'ignoreCase']);
      const ignoreCase = allowed.values.get('ignoreCase');
      return {
        allowedValues: {
          attribute: attributeOf(allowed),
          values: reader.scalarTextList(
            reader.required(allowed, 'values'),
            childContext(valueContext, 'values'),
          ),
          ignoreCase:
            ignoreCase === undefined
              ? false
              : reader.boolean(
                  ignoreCase,
                  childContext(valueContext, 'ignoreCase'),
                ),
        },
      };
    }
    case 'valueType': {
      const valueType = fields(['attribute', 'type']);
      return {
        valueType: {
          attribute: attributeOf(valueType),
          type: reader.oneOf(
            reader.required(valueType, 'type'),
            childContext(valueContext, 'type'),
            'value type',
            VALUE_TYPES,
          ),
        },
      };
    }
    case 'spanName':
      return { spanName: readSpanNameCheck(reader, value, valueContext) };
    case 'status':
      return { status: readStatusCheck(reader, value, valueContext) };
    case 'deprecated': {
      const deprecated = fields(['attribute', 'replacedBy', 'note']);
      const attribute = attributeOf(deprecated);
      const replacedByNode = deprecated.values.get('replacedBy');
      const replacedBy =
        replacedByNode === undefined
          ? []
          : reader.textList(
              replacedByNode,
              childContext(valueContext, 'replacedBy'),
            );
      if (replacedBy.includes(attribute)) {
        reader.fail(
          replacedByNode,
          `${describeContext(valueContext)} replaces '${attribute}' by itself`,
        );
      }
      const noteNode = deprecated.values.get('note');
      return {
        deprecated: {
          attribute,
          replacedBy,
          ...(noteNode === undefined
            ? {}
            : {
                note: reader.text(noteNode, childContext(valueContext, 'note')),
              }),
        },
      };
    }
  }
}
