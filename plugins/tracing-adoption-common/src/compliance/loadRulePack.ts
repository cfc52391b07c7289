import { LineCounter, Node, isMap, isScalar, parseDocument } from 'yaml';
import { readRuleCheck } from './readRuleCheck';
import { readSpanSelectors } from './readSpanSelector';
import { RulePackError } from './RulePackError';
import type { ComplianceRule, RulePack, RuleSeverity } from './rulePack';
import {
  ValueContext,
  YamlMapping,
  YamlNodeReader,
  childContext,
  describeContext,
} from './yamlNodeReader';

const PACK_KEYS = [
  'name',
  'version',
  'description',
  'docUrl',
  'appliesTo',
  'rules',
] as const;

const RULE_KEYS = [
  'id',
  'description',
  'severity',
  'appliesTo',
  'check',
  'fix',
  'docUrl',
] as const;

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info'];

const PACK_NAME = /^[a-z0-9][a-z0-9.-]*$/;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DOC_URL = /^https?:\/\/\S+$/;

/** A rule pack as text, and where it came from (file path or URL) for messages. @public */
export interface RulePackSource {
  text: string;
  origin: string;
}

function readDocUrl(
  reader: YamlNodeReader,
  mapping: YamlMapping,
): string | undefined {
  const node = mapping.values.get('docUrl');
  if (node === undefined) {
    return undefined;
  }
  const context = childContext(mapping.context, 'docUrl');
  const url = reader.text(node, context);
  if (!DOC_URL.test(url)) {
    reader.fail(
      node,
      `${describeContext(context)} must be an http(s) URL, not '${url}'`,
    );
  }
  return url;
}

/** `version: 1.10` would arrive as the number 1.1, so versions must be quoted text. */
function readVersion(reader: YamlNodeReader, mapping: YamlMapping): string {
  const node = reader.required(mapping, 'version');
  if (isScalar(node) && typeof node.value === 'number') {
    reader.fail(
      node,
      `pack version must be text; quote it ("${
        node.source ?? node.value
      }") so YAML does not read a number`,
    );
  }
  return reader.text(node, childContext(mapping.context, 'version'));
}

/** The rule's id as written, to name the rule even in messages about other keys. */
function idAsWritten(node: Node | null): string | undefined {
  const id = isMap(node) ? node.get('id') : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : undefined;
}

function readRule(
  reader: YamlNodeReader,
  node: Node | null,
  position: number,
  firstLineOfId: Map<string, number>,
): ComplianceRule {
  const writtenId = idAsWritten(node);
  const unnamed: ValueContext = {
    subject: writtenId ? `rule '${writtenId}'` : `rule #${position}`,
    path: '',
  };
  const mapping = reader.mapping(node, unnamed, RULE_KEYS);
  const idNode = reader.required(mapping, 'id');
  const id = reader.text(idNode, childContext(unnamed, 'id'));
  if (!RULE_ID.test(id)) {
    reader.fail(
      idNode,
      `${unnamed.subject} has id '${id}'; ids use letters, digits, '.', '_' and '-'`,
    );
  }
  const firstLine = firstLineOfId.get(id);
  if (firstLine !== undefined) {
    reader.fail(
      idNode,
      `rule id '${id}' is used twice (first on line ${firstLine})`,
    );
  }
  firstLineOfId.set(id, reader.lineOf(idNode));

  const context: ValueContext = { subject: `rule '${id}'`, path: '' };
  const rule = { ...mapping, context };
  const appliesTo = rule.values.get('appliesTo');
  const docUrl = readDocUrl(reader, rule);
  return {
    id,
    description: reader.text(
      reader.required(rule, 'description'),
      childContext(context, 'description'),
    ),
    severity: reader.oneOf(
      reader.required(rule, 'severity'),
      childContext(context, 'severity'),
      'severity',
      SEVERITIES,
    ),
    appliesTo:
      appliesTo === undefined
        ? []
        : readSpanSelectors(
            reader,
            appliesTo,
            childContext(context, 'appliesTo'),
          ),
    check: readRuleCheck(
      reader,
      reader.required(rule, 'check'),
      childContext(context, 'check'),
    ),
    fix: reader.text(
      reader.required(rule, 'fix'),
      childContext(context, 'fix'),
    ),
    ...(docUrl === undefined ? {} : { docUrl }),
  };
}

/**
 * Parses and validates a YAML rule pack (see {@link RulePack} for the format).
 *
 * @throws {@link RulePackError} naming the origin, line and reason of the
 * first problem: YAML syntax, a missing or unknown key, a wrong type or
 * value, an invalid regular expression, a duplicate rule id.
 * @public
 */
export function loadRulePack(source: RulePackSource): { pack: RulePack } {
  const lines = new LineCounter();
  const document = parseDocument(source.text, { lineCounter: lines });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // The yaml library appends " at line L, column C:" and a code excerpt.
    const [reason] = syntaxError.message.split(/ at line \d+/);
    throw new RulePackError(
      source.origin,
      syntaxError.linePos?.[0].line ?? 1,
      `YAML syntax error: ${reason}`,
    );
  }
  const reader = new YamlNodeReader(source.origin, document, lines);
  const root = document.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) {
    throw new RulePackError(source.origin, 1, 'the rule pack is empty');
  }

  const packContext: ValueContext = { subject: 'pack', path: '' };
  const pack = reader.mapping(root, packContext, PACK_KEYS);
  const name = reader.text(
    reader.required(pack, 'name'),
    childContext(packContext, 'name'),
  );
  if (!PACK_NAME.test(name)) {
    reader.fail(
      pack.values.get('name'),
      `pack name '${name}' must be lower case letters, digits, '.' and '-'`,
    );
  }
  const version = readVersion(reader, pack);
  const description = reader.text(
    reader.required(pack, 'description'),
    childContext(packContext, 'description'),
  );
  const docUrl = readDocUrl(reader, pack);
  const appliesTo = pack.values.get('appliesTo');

  const rulesContext = childContext(packContext, 'rules');
  const ruleNodes = reader.sequence(
    reader.required(pack, 'rules'),
    rulesContext,
  );
  if (ruleNodes.length === 0) {
    reader.fail(pack.values.get('rules'), 'pack has no rules');
  }
  const firstLineOfId = new Map<string, number>();
  const rules = ruleNodes.map((node, index) =>
    readRule(reader, node, index + 1, firstLineOfId),
  );

  return {
    pack: {
      name,
      version,
      description,
      ...(docUrl === undefined ? {} : { docUrl }),
      appliesTo:
        appliesTo === undefined
          ? []
          : readSpanSelectors(
              reader,
              appliesTo,
              childContext(packContext, 'appliesTo'),
            ),
      rules,
    },
  };
}
