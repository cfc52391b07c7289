import type { SpanKind } from '../trace/model';

/**
 * How much a broken rule matters: `error` blocks the "run" maturity of an
 * operation, `warning` should be fixed during the rollout, `info` is advice.
 *
 * @public
 */
export type RuleSeverity = 'error' | 'warning' | 'info';

/** Value types a `valueType` check can demand. @public */
export type AttributeValueType =
  | 'string'
  | 'int'
  | 'double'
  | 'boolean'
  | 'array';

/**
 * Which spans a rule looks at. Every field that is given must match; inside a
 * list, one matching entry is enough. Globs use `*` for any run of characters
 * and `?` for one character.
 *
 * In YAML every list field also accepts a single value, and the value globs
 * of `attributeValues` and `resourceAttributes` may be numbers or booleans;
 * the loader turns both into lists of text.
 *
 * @public
 */
export interface SpanSelector {
  /** Span kinds: `server`, `client`, `producer`, `consumer`, `internal`, `unspecified`. */
  spanKinds?: SpanKind[];
  /** At least one of these span attributes is present. */
  attributePresent?: string[];
  /** None of these span attributes is present. */
  attributeAbsent?: string[];
  /** Span attribute key → globs its value (as text) must match. */
  attributeValues?: Record<string, string[]>;
  /** Globs on the span's `service.name`. */
  service?: string[];
  /** Globs on the span name. */
  spanName?: string[];
  /** Globs on the instrumentation scope: `otel.scope.name`, else the older `otel.library.name`. */
  instrumentationScope?: string[];
  /** Resource attribute key → globs its value (as text) must match. */
  resourceAttributes?: Record<string, string[]>;
}

/**
 * Attribute names that satisfy one requirement: any one of them present (and
 * not an empty string or empty list) is enough.
 *
 * @public
 */
export type AttributeAlternatives = string[];

/** Span name must match a regular expression. @public */
export interface SpanNamePatternCheck {
  pattern: string;
}

/**
 * Span name must equal a template such as `{http.request.method} {http.route}`,
 * whose `{key}` placeholders are span attributes. Spans that lack one of the
 * placeholders' attributes are not checked.
 *
 * @public
 */
export interface SpanNameTemplateCheck {
  template: string;
}

/**
 * Span name must not contain identifiers as path segments: numbers, UUIDs or
 * hex strings of 8 or more characters with a digit, which make every request
 * its own span name.
 *
 * @public
 */
export interface SpanNameNoIdsCheck {
  noIds: true;
}

/** @public */
export type SpanNameCheck =
  | SpanNamePatternCheck
  | SpanNameTemplateCheck
  | SpanNameNoIdsCheck;

/** A span with error status must carry one of these attributes or events. @public */
export interface ErrorNeedsCauseCheck {
  errorNeeds: { attributes: string[]; events: string[] };
}

/**
 * A span whose numeric attribute lies in `min..max` (inclusive) must have
 * error status, e.g. HTTP server spans answering 5xx.
 *
 * @public
 */
export interface ErrorWhenCheck {
  errorWhen: { attribute: string; min: number; max: number };
}

/** @public */
export type StatusCheck = ErrorNeedsCauseCheck | ErrorWhenCheck;

/**
 * A deprecated attribute, looked for on the span and on its resource. Each
 * occurrence is reported as a migration `attribute → replacedBy`. An empty
 * `replacedBy` means the convention offers no replacement.
 *
 * @public
 */
export interface DeprecatedAttributeCheck {
  attribute: string;
  replacedBy: string[];
  /** How to apply the replacement when it is not a plain rename. */
  note?: string;
}

/**
 * The one check of a rule. Attribute checks look at span attributes unless
 * their name says resource; a check on an absent attribute passes (use
 * `required` to demand it).
 *
 * @public
 */
export type RuleCheck =
  /** Each entry must be present; YAML accepts a name or a list of alternatives per entry. */
  | { required: AttributeAlternatives[] }
  /** None of these span attributes (names or globs) may be present. */
  | { forbidden: string[] }
  /** The attribute's value (each element of a list) must match the regex. */
  | { pattern: { attribute: string; regex: string } }
  /** Every span attribute key must match the regex, except keys matching a glob in `except`. */
  | { keyPattern: { regex: string; except: string[] } }
  /** The attribute's value, as text, must be one of `values`. */
  | {
      allowedValues: {
        attribute: string;
        values: string[];
        ignoreCase: boolean;
      };
    }
  /** The attribute's value must have this type (`double` accepts any number). */
  | { valueType: { attribute: string; type: AttributeValueType } }
  | { spanName: SpanNameCheck }
  | { status: StatusCheck }
  /** Like `required`, on the span's resource attributes. */
  | { resourceRequired: AttributeAlternatives[] }
  | { deprecated: DeprecatedAttributeCheck };

/** Names of the checks, in the order the documentation lists them. @public */
export const RULE_CHECK_TYPES = [
  'required',
  'forbidden',
  'pattern',
  'keyPattern',
  'allowedValues',
  'valueType',
  'spanName',
  'status',
  'resourceRequired',
  'deprecated',
] as const;

/** @public */
export type RuleCheckType = (typeof RULE_CHECK_TYPES)[number];

/** @public */
export interface ComplianceRule {
  /** Unique within the pack: letters, digits, `.`, `_`, `-`. */
  id: string;
  description: string;
  severity: RuleSeverity;
  /**
   * The rule applies to spans matching any of these selectors; an empty list
   * means every span. YAML accepts one selector or a list.
   */
  appliesTo: SpanSelector[];
  check: RuleCheck;
  /** What the owning team should change. */
  fix: string;
  /** Where the convention is explained; defaults to the pack's `docUrl`. */
  docUrl?: string;
}

/**
 * A named, versioned set of semantic-convention rules, written in YAML:
 *
 * ```yaml
 * name: shopfront            # lower case letters, digits, `.`, `-`
 * version: "1.2.0"           # text; quote it so YAML does not read a number
 * description: Conventions of the Shopfront working group
 * docUrl: https://…          # optional default for the rules' docUrl
 * appliesTo:                 # optional, narrows every rule of the pack
 *   spanKinds: [server]
 * rules:
 *   - id: flow-id-on-entry
 *     description: Edge server spans carry the flow id
 *     severity: error        # error | warning | info
 *     appliesTo:             # optional; a selector or a list of selectors
 *       service: edge-*
 *       spanKinds: [server]
 *     check:                 # exactly one check, see RuleCheck
 *       required: [[app.flow_id, flow_id]]
 *     fix: Set app.flow_id from the X-Flow-ID header
 *     docUrl: https://…
 * ```
 *
 * Unknown keys are errors, so a misspelt key cannot silently disable a rule.
 * `packs/rule-pack.schema.json` describes the same format for editors.
 *
 * @public
 */
export interface RulePack {
  name: string;
  version: string;
  description: string;
  docUrl?: string;
  /** Narrows every rule of the pack; an empty list means every span. */
  appliesTo: SpanSelector[];
  rules: ComplianceRule[];
}
