import {
  Document,
  LineCounter,
  Node,
  isAlias,
  isMap,
  isScalar,
  isSeq,
} from 'yaml';
import { RulePackError } from './RulePackError';

/**
 * Where a value sits, for messages: `subject` names the pack or rule,
 * `path` the key inside it, e.g. `rule 'flow-id': check.required`.
 */
export interface ValueContext {
  subject: string;
  path: string;
}

/** `rule 'x': check.required`, or just `rule 'x'` at the top of a rule. */
export function describeContext(context: ValueContext): string {
  return context.path ? `${context.subject}: ${context.path}` : context.subject;
}

/** The context of the `index`th item of the list at `context`. */
export function itemContext(
  context: ValueContext,
  index: number,
): ValueContext {
  return { subject: context.subject, path: `${context.path}[${index}]` };
}

/** The context of a key inside the value of `context`. */
export function childContext(context: ValueContext, key: string): ValueContext {
  return {
    subject: context.subject,
    path: context.path ? `${context.path}.${key}` : key,
  };
}

/** A YAML mapping whose keys were checked against the allowed ones. */
export interface YamlMapping {
  node: Node;
  context: ValueContext;
  /** Value node of each key present; `null` for `key:` without a value. */
  values: Map<string, Node | null>;
}

/** Levenshtein distance, to suggest the key a typo meant. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function suggestion(key: string, allowed: readonly string[]): string {
  const close = allowed.find(
    candidate => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= 2,
  );
  return close
    ? ` (did you mean '${close}'?)`
    : ` (expected ${allowed.join(', ')})`;
}

/**
 * Reads values out of a parsed YAML document and fails with the origin and
 * line of the node at fault, so pack authors see where to look.
 */
export class YamlNodeReader {
  constructor(
    private readonly origin: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : this.lines.linePos(offset).line;
  }

  fail(node: Node | null | undefined, reason: string): never {
    throw new RulePackError(this.origin, this.lineOf(node), reason);
  }

  /** Follows aliases (`*anchor`) to the node they name. */
  resolve(node: Node | null, context: ValueContext): Node | null {
    if (!isAlias(node)) {
      return node;
    }
    const target = node.resolve(this.document);
    if (!target) {
      this.fail(
        node,
        `${describeContext(context)} refers to unknown anchor '${node.source}'`,
      );
    }
    return target;
  }

  mapping(
    rawNode: Node | null,
    context: ValueContext,
    allowedKeys: readonly string[],
  ): YamlMapping {
    const node = this.resolve(rawNode, context);
    if (!isMap(node)) {
      this.fail(
        node ?? rawNode,
        `${describeContext(context)} must be a mapping of ${allowedKeys.join(
          ', ',
        )}`,
      );
    }
    const values = new Map<string, Node | null>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? key.value : undefined;
      if (typeof name !== 'string') {
        this.fail(
          key,
          `${describeContext(context)} has a key that is not text`,
        );
      }
      if (!allowedKeys.includes(name)) {
        this.fail(
          key,
          `${describeContext(context)} has unknown key '${name}'${suggestion(
            name,
            allowedKeys,
          )}`,
        );
      }
      values.set(name, (pair.value as Node | null) ?? null);
    }
    return { node, context, values };
  }

  /** Any-key mapping, e.g. attribute name → globs. */
  freeMapping(rawNode: Node | null, context: ValueContext): Map<string, Node> {
    const node = this.resolve(rawNode, context);
    if (!isMap(node)) {
      this.fail(
        node ?? rawNode,
        `${describeContext(context)} must be a mapping`,
      );
    }
    const values = new Map<string, Node>();
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? key.value : undefined;
      if (typeof name !== 'string' || name === '') {
        this.fail(
          key,
          `${describeContext(context)} has a key that is not an attribute name`,
        );
      }
      values.set(name, (pair.value as Node | null) ?? (key as Node));
    }
    return values;
  }

  /** The value node of a key that must be present and not empty. */
  required(mapping: YamlMapping, key: string): Node {
    const value = mapping.values.get(key);
    if (value === undefined) {
      this.fail(
        mapping.node,
        `${describeContext(mapping.context)} is missing '${key}'`,
      );
    }
    if (value === null || (isScalar(value) && value.value === null)) {
      this.fail(
        value ?? mapping.node,
        `${describeContext(mapping.context)} has an empty '${key}'`,
      );
    }
    return value;
  }

  text(rawNode: Node | null, context: ValueContext): string {
    const node = this.resolve(rawNode, context);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(
        node ?? rawNode,
        `${describeContext(context)} must be non-empty text`,
      );
    }
    return value;
  }

  /** Text, or a number/boolean as written (for value globs and enums). */
  scalarText(rawNode: Node | null, context: ValueContext): string {
    const node = this.resolve(rawNode, context);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'number' || typeof value === 'boolean') {
      return String(value);
    }
    return this.text(node, context);
  }

  number(rawNode: Node | null, context: ValueContext): number {
    const node = this.resolve(rawNode, context);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(
        node ?? rawNode,
        `${describeContext(context)} must be a number`,
      );
    }
    return value;
  }

  boolean(rawNode: Node | null, context: ValueContext): boolean {
    const node = this.resolve(rawNode, context);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'boolean') {
      this.fail(
        node ?? rawNode,
        `${describeContext(context)} must be true or false`,
      );
    }
    return value;
  }

  /** The items of a list; a single value counts as a list of one. */
  items(rawNode: Node | null, context: ValueContext): Array<Node | null> {
    const node = this.resolve(rawNode, context);
    if (isSeq(node)) {
      if (node.items.length === 0) {
        this.fail(node, `${describeContext(context)} must not be empty`);
      }
      return node.items as Array<Node | null>;
    }
    return [node];
  }

  /** Items of a list that must be a YAML sequence (no single-value shorthand). */
  sequence(rawNode: Node | null, context: ValueContext): Array<Node | null> {
    const node = this.resolve(rawNode, context);
    if (!isSeq(node)) {
      this.fail(node ?? rawNode, `${describeContext(context)} must be a list`);
    }
    return node.items as Array<Node | null>;
  }

  textList(rawNode: Node | null, context: ValueContext): string[] {
    return this.items(rawNode, context).map((item, index) =>
      this.text(item ?? rawNode, itemContext(context, index)),
    );
  }

  scalarTextList(rawNode: Node | null, context: ValueContext): string[] {
    return this.items(rawNode, context).map((item, index) =>
      this.scalarText(item ?? rawNode, itemContext(context, index)),
    );
  }

  /**
   * A value from a closed set; `what` names it in the message, e.g.
   * "rule 'x' has unknown span kind 'sever' in appliesTo.spanKinds[0]".
   */
  oneOf<T extends string>(
    rawNode: Node | null,
    context: ValueContext,
    what: string,
    choices: readonly T[],
  ): T {
    const node = this.resolve(rawNode, context);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      const shown =
        isScalar(node) && node.value !== null ? ` '${String(node.value)}'` : '';
      const where =
        context.path && context.path !== what ? ` in ${context.path}` : '';
      this.fail(
        node ?? rawNode,
        `${
          context.subject
        } has unknown ${what}${shown}${where} (expected ${choices.join(', ')})`,
      );
    }
    return value as T;
  }
}
