import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { loadRulePack } from './loadRulePack';
import { RulePackError } from './RulePackError';

const ORIGIN = 'packs/org.yaml';

const schema = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '../../packs/rule-pack.schema.json'),
    'utf8',
  ),
);
const validateAgainstSchema = new Ajv({ allErrors: true }).compile(schema);

/** Lines 1–4 are the pack header; the first rule starts on line 5. */
const HEADER = `name: org
version: '1.0.0'
description: Organisation conventions
rules:
`;

/** A valid rule on lines 5–10 with `replace` applied. */
function pack(replace: (rule: string) => string = rule => rule): string {
  return (
    HEADER +
    replace(`  - id: flow-id-on-entry
    description: Edge server spans carry the flow id
    severity: error
    check:
      required: [flow_id]
    fix: Set flow_id
`)
  );
}

/** A second rule on lines 11–16. */
const SECOND_RULE = `  - id: tier
    description: Tier is known
    severity: warning
    check:
      allowedValues: { attribute: app.tier, values: [edge, core] }
    fix: Set a known tier
`;

interface InvalidPack {
  name: string;
  text: string;
  message: string;
  /** Whether the JSON schema rejects it too; undefined when YAML cannot parse it. */
  schemaRejects?: boolean;
}

const invalidPacks: InvalidPack[] = [
  {
    name: 'unknown severity',
    text: pack(rule => rule.replace('severity: error', 'severity: fatal')),
    message:
      "packs/org.yaml:7: rule 'flow-id-on-entry' has unknown severity 'fatal' (expected error, warning, info)",
    schemaRejects: true,
  },
  {
    name: 'misspelt rule key',
    text: pack(rule => rule.replace('severity: error', 'severty: error')),
    message:
      "packs/org.yaml:7: rule 'flow-id-on-entry' has unknown key 'severty' (did you mean 'severity'?)",
    schemaRejects: true,
  },
  {
    name: 'missing fix',
    text: pack(rule => rule.replace('    fix: Set flow_id\n', '')),
    message: "packs/org.yaml:5: rule 'flow-id-on-entry' is missing 'fix'",
    schemaRejects: true,
  },
  {
    name: 'missing id',
    text: pack(rule => rule.replace('  - id: flow-id-on-entry\n    ', '  - ')),
    message: "packs/org.yaml:5: rule #1 is missing 'id'",
    schemaRejects: true,
  },
  {
    name: 'rule id with spaces',
    text: pack(rule => rule.replace('flow-id-on-entry', 'flow id')),
    message:
      "packs/org.yaml:5: rule 'flow id' has id 'flow id'; ids use letters, digits, '.', '_' and '-'",
    schemaRejects: true,
  },
  {
    name: 'duplicate rule id',
    text: pack() + SECOND_RULE.replace('id: tier', 'id: flow-id-on-entry'),
    message:
      "packs/org.yaml:11: rule id 'flow-id-on-entry' is used twice (first on line 5)",
    schemaRejects: false,
  },
  {
    name: 'unknown check type',
    text: pack(rule =>
      rule.replace('required: [flow_id]', 'requires: [flow_id]'),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check has unknown key 'requires' (did you mean 'required'?)",
    schemaRejects: true,
  },
  {
    name: 'two checks in one rule',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        'required: [flow_id]\n      forbidden: [user.email]',
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check has 2 checks (required, forbidden); use exactly one",
    schemaRejects: true,
  },
  {
    name: 'empty check',
    text: pack(rule =>
      rule.replace('check:\n      required: [flow_id]', 'check: {}'),
    ),
    message:
      "packs/org.yaml:8: rule 'flow-id-on-entry': check needs one check: required, forbidden, pattern, keyPattern, allowedValues, valueType, spanName, status, resourceRequired, deprecated",
    schemaRejects: true,
  },
  {
    name: 'invalid regex',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        "pattern:\n        attribute: flow_id\n        regex: '^flow-(['",
      ),
    ),
    message:
      "packs/org.yaml:11: rule 'flow-id-on-entry': check.pattern.regex is not a valid regular expression: Invalid regular expression: /^flow-([/: Unterminated character class",
    schemaRejects: false,
  },
  {
    name: 'invalid span-name regex',
    text: pack(rule =>
      rule.replace('required: [flow_id]', "spanName: { pattern: '(GET' }"),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check.spanName.pattern is not a valid regular expression: Invalid regular expression: /(GET/: Unterminated group",
    schemaRejects: false,
  },
  {
    name: 'unknown span kind',
    text: pack(rule =>
      rule.replace(
        '    check:',
        '    appliesTo:\n      spanKinds: [sever]\n    check:',
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry' has unknown span kind 'sever' in appliesTo.spanKinds[0] (expected server, client, producer, consumer, internal, unspecified)",
    schemaRejects: true,
  },
  {
    name: 'misspelt selector key',
    text: pack(rule =>
      rule.replace(
        '    check:',
        '    appliesTo:\n      services: edge-*\n    check:',
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': appliesTo has unknown key 'services' (did you mean 'service'?)",
    schemaRejects: true,
  },
  {
    name: 'empty selector',
    text: pack(rule =>
      rule.replace('    check:', '    appliesTo: {}\n    check:'),
    ),
    message:
      "packs/org.yaml:8: rule 'flow-id-on-entry': appliesTo is empty; name at least one of spanKinds, attributePresent, attributeAbsent, attributeValues, service, spanName, instrumentationScope, resourceAttributes",
    schemaRejects: true,
  },
  {
    name: 'unknown value type',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        'valueType: { attribute: http.status_code, type: integer }',
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry' has unknown value type 'integer' in check.valueType.type (expected string, int, double, boolean, array)",
    schemaRejects: true,
  },
  {
    name: 'required entry that is not text',
    text: pack(rule => rule.replace('required: [flow_id]', 'required: [42]')),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check.required[0] must be non-empty text",
    schemaRejects: true,
  },
  {
    name: 'span-name template without placeholders',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        "spanName: { template: 'GET route' }",
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check.spanName.template must name span attributes in braces, e.g. '{http.request.method} {http.route}'",
    schemaRejects: false,
  },
  {
    name: 'noIds set to false',
    text: pack(rule =>
      rule.replace('required: [flow_id]', 'spanName: { noIds: false }'),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check.spanName.noIds can only be true; remove the rule to allow ids",
    schemaRejects: true,
  },
  {
    name: 'status range upside down',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        'status:\n        errorWhen: { attribute: http.response.status_code, min: 599, max: 500 }',
      ),
    ),
    message:
      "packs/org.yaml:10: rule 'flow-id-on-entry': check.status.errorWhen has max 500 below min 599",
    schemaRejects: false,
  },
  {
    name: 'deprecated attribute replaced by itself',
    text: pack(rule =>
      rule.replace(
        'required: [flow_id]',
        'deprecated: { attribute: flow_id, replacedBy: flow_id }',
      ),
    ),
    message:
      "packs/org.yaml:9: rule 'flow-id-on-entry': check.deprecated replaces 'flow_id' by itself",
    schemaRejects: false,
  },
  {
    name: 'docUrl that is not a URL',
    text: pack(rule => rule + '    docUrl: wiki/flow-ids\n'),
    message:
      "packs/org.yaml:11: rule 'flow-id-on-entry': docUrl must be an http(s) URL, not 'wiki/flow-ids'",
    schemaRejects: true,
  },
  {
    name: 'unknown pack key',
    text: pack().replace('rules:', 'rule:'),
    message:
      "packs/org.yaml:4: pack has unknown key 'rule' (did you mean 'rules'?)",
    schemaRejects: true,
  },
  {
    name: 'version read as a number',
    text: pack().replace("version: '1.0.0'", 'version: 1.10'),
    message:
      'packs/org.yaml:2: pack version must be text; quote it ("1.10") so YAML does not read a number',
    schemaRejects: true,
  },
  {
    name: 'pack name in upper case',
    text: pack().replace('name: org', 'name: Org'),
    message:
      "packs/org.yaml:1: pack name 'Org' must be lower case letters, digits, '.' and '-'",
    schemaRejects: true,
  },
  {
    name: 'no rules',
    text: HEADER.replace('rules:\n', 'rules: []\n'),
    message: 'packs/org.yaml:4: pack has no rules',
    schemaRejects: true,
  },
  {
    name: 'missing rules',
    text: HEADER.replace('rules:\n', ''),
    message: "packs/org.yaml:1: pack is missing 'rules'",
    schemaRejects: true,
  },
  {
    name: 'not a mapping',
    text: '- just\n- a list\n',
    message:
      'packs/org.yaml:1: pack must be a mapping of name, version, description, docUrl, appliesTo, rules',
    schemaRejects: true,
  },
  {
    name: 'empty file',
    text: '# nothing yet\n',
    message: 'packs/org.yaml:1: the rule pack is empty',
    schemaRejects: true,
  },
  {
    name: 'unknown anchor',
    text: pack(rule =>
      rule.replace('    check:', '    appliesTo: *edge\n    check:'),
    ),
    message:
      "packs/org.yaml:8: rule 'flow-id-on-entry': appliesTo refers to unknown anchor 'edge'",
  },
  {
    name: 'YAML syntax error',
    text: pack(rule =>
      rule.replace('required: [flow_id]', 'required: [flow_id'),
    ),
    message:
      'packs/org.yaml:10: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'duplicate key',
    text: pack(rule =>
      rule.replace(
        '    fix: Set flow_id',
        '    fix: Set flow_id\n    fix: Again',
      ),
    ),
    message: 'packs/org.yaml:11: YAML syntax error: Map keys must be unique',
  },
];

describe('loadRulePack', () => {
  it.each(invalidPacks.map(invalid => [invalid.name, invalid] as const))(
    'rejects a pack with %s, naming file and line',
    (_name, invalid) => {
      let error: unknown;
      try {
        loadRulePack({ text: invalid.text, origin: ORIGIN });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(RulePackError);
      expect((error as RulePackError).message).toBe(invalid.message);
      expect((error as RulePackError).origin).toBe(ORIGIN);
      expect(
        `${ORIGIN}:${(error as RulePackError).line}: ${
          (error as RulePackError).reason
        }`,
      ).toBe(invalid.message);
    },
  );

  it.each(
    invalidPacks
      .filter(invalid => invalid.schemaRejects !== undefined)
      .map(invalid => [invalid.name, invalid] as const),
  )('agrees with the JSON schema about a pack with %s', (_name, invalid) => {
    const value = YAML.parse(invalid.text) ?? {};
    expect(validateAgainstSchema(value)).toBe(!invalid.schemaRejects);
  });

  it('reads every selector and check, expanding the YAML shorthands', () => {
    const text = `name: shorthand
version: '2.0.0'
description: Every shorthand
docUrl: https://conventions.example/
appliesTo:
  service: 'shop-*'
rules:
  - id: all-selectors
    description: d
    severity: info
    appliesTo:
      - spanKinds: server
        attributePresent: http.route
        attributeAbsent: [rpc.system.name]
        attributeValues: { http.response.status_code: 200, span.kind: [server, client] }
        spanName: 'GET *'
        instrumentationScope: '@opentelemetry/*'
        resourceAttributes: { deployment.environment.name: prod* }
      - service: [edge-gateway]
    check:
      required: [http.route, [app.flow_id, flow_id]]
    fix: f
  - id: single-required
    description: d
    severity: warning
    check: { resourceRequired: service.version }
    fix: f
    docUrl: https://conventions.example/service-version
  - id: values
    description: d
    severity: warning
    check: { allowedValues: { attribute: app.tier, values: [edge, 1, true], ignoreCase: true } }
    fix: f
  - id: keys
    description: d
    severity: warning
    check: { keyPattern: { regex: '^app\\.', except: 'http.*' } }
    fix: f
  - id: status
    description: d
    severity: warning
    check: { status: { errorNeeds: { events: exception } } }
    fix: f
  - id: moved
    description: d
    severity: info
    check: { deprecated: { attribute: flow_id, replacedBy: app.flow_id, note: rename only } }
    fix: f
  - id: gone
    description: d
    severity: info
    check: { deprecated: { attribute: legacy.thing } }
    fix: f
`;
    const { pack: loaded } = loadRulePack({ text, origin: 'inline' });
    expect(validateAgainstSchema(YAML.parse(text))).toBe(true);
    expect(loaded).toEqual({
      name: 'shorthand',
      version: '2.0.0',
      description: 'Every shorthand',
      docUrl: 'https://conventions.example/',
      appliesTo: [{ service: ['shop-*'] }],
      rules: [
        {
          id: 'all-selectors',
          description: 'd',
          severity: 'info',
          appliesTo: [
            {
              spanKinds: ['server'],
              attributePresent: ['http.route'],
              attributeAbsent: ['rpc.system.name'],
              attributeValues: {
                'http.response.status_code': ['200'],
                'span.kind': ['server', 'client'],
              },
              spanName: ['GET *'],
              instrumentationScope: ['@opentelemetry/*'],
              resourceAttributes: { 'deployment.environment.name': ['prod*'] },
            },
            { service: ['edge-gateway'] },
          ],
          check: { required: [['http.route'], ['app.flow_id', 'flow_id']] },
          fix: 'f',
        },
        {
          id: 'single-required',
          description: 'd',
          severity: 'warning',
          appliesTo: [],
          check: { resourceRequired: [['service.version']] },
          fix: 'f',
          docUrl: 'https://conventions.example/service-version',
        },
        {
          id: 'values',
          description: 'd',
          severity: 'warning',
          appliesTo: [],
          check: {
            allowedValues: {
              attribute: 'app.tier',
              values: ['edge', '1', 'true'],
              ignoreCase: true,
            },
          },
          fix: 'f',
        },
        {
          id: 'keys',
          description: 'd',
          severity: 'warning',
          appliesTo: [],
          check: { keyPattern: { regex: '^app\\.', except: ['http.*'] } },
          fix: 'f',
        },
        {
          id: 'status',
          description: 'd',
          severity: 'warning',
          appliesTo: [],
          check: {
            status: { errorNeeds: { attributes: [], events: ['exception'] } },
          },
          fix: 'f',
        },
        {
          id: 'moved',
          description: 'd',
          severity: 'info',
          appliesTo: [],
          check: {
            deprecated: {
              attribute: 'flow_id',
              replacedBy: ['app.flow_id'],
              note: 'rename only',
            },
          },
          fix: 'f',
        },
        {
          id: 'gone',
          description: 'd',
          severity: 'info',
          appliesTo: [],
          check: { deprecated: { attribute: 'legacy.thing', replacedBy: [] } },
          fix: 'f',
        },
      ],
    });
  });

  it('follows YAML anchors, so rules can share a selector', () => {
    const { pack: loaded } = loadRulePack({
      origin: 'inline',
      text: `${HEADER}  - id: a
    description: d
    severity: info
    appliesTo: &edge { service: edge-gateway, spanKinds: [server] }
    check: { required: [flow_id] }
    fix: f
  - id: b
    description: d
    severity: info
    appliesTo: *edge
    check: { forbidden: user.email }
    fix: f
`,
    });
    expect(loaded.rules.map(rule => rule.appliesTo)).toEqual([
      [{ service: ['edge-gateway'], spanKinds: ['server'] }],
      [{ service: ['edge-gateway'], spanKinds: ['server'] }],
    ]);
  });
});
