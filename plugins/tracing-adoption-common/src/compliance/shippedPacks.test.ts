import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import * as stableConventions from '@opentelemetry/semantic-conventions';
import * as incubatingConventions from '@opentelemetry/semantic-conventions/incubating';
import { loadRulePack } from './loadRulePack';
import type { ComplianceRule, RulePack } from './rulePack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const {
  renderOpenTelemetryPack,
} = require('../../scripts/generate-opentelemetry-pack.js');

const PACKS = path.join(__dirname, '../../packs');
const SHIPPED = [
  path.join(PACKS, 'opentelemetry.yaml'),
  path.join(PACKS, 'opentracing.yaml'),
  path.join(
    __dirname,
    '../../../../examples/demo-org/rule-packs/shopfront.yaml',
  ),
];

const readPack = (file: string): RulePack =>
  loadRulePack({ text: fs.readFileSync(file, 'utf8'), origin: file }).pack;

function ruleOf(pack: RulePack, id: string): ComplianceRule {
  const rule = pack.rules.find(candidate => candidate.id === id);
  if (!rule) {
    throw new Error(`pack ${pack.name} has no rule ${id}`);
  }
  return rule;
}

describe('shipped rule packs', () => {
  it.each(SHIPPED.map(file => [path.basename(file), file]))(
    '%s loads and follows the JSON schema',
    (_name, file) => {
      expect(() => readPack(file)).not.toThrow();
      const schema = JSON.parse(
        fs.readFileSync(path.join(PACKS, 'rule-pack.schema.json'), 'utf8'),
      );
      const validate = new Ajv({ allErrors: true }).compile(schema);
      expect(validate(YAML.parse(fs.readFileSync(file, 'utf8')))).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
    },
  );
});

describe('the generated OpenTelemetry pack', () => {
  const file = path.join(PACKS, 'opentelemetry.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const pack = readPack(file);
  const version: string = JSON.parse(
    fs.readFileSync(
      path.join(
        path.dirname(require.resolve('@opentelemetry/semantic-conventions')),
        '../package.json',
      ),
      'utf8',
    ),
  ).version;

  it('is what the generator produces from the installed package', () => {
    expect(renderOpenTelemetryPack().text).toBe(text);
  });

  it('says which package version produced it and how to regenerate it', () => {
    expect(text).toMatch(
      new RegExp(
        `^# Generated from @opentelemetry/semantic-conventions ${version.replace(
          /\./g,
          '\\.',
        )} `,
      ),
    );
    expect(text).toContain(
      'node plugins/tracing-adoption-common/scripts/generate-opentelemetry-pack.js',
    );
    expect(pack.version).toBe(version);
  });

  it('requires http.request.method on HTTP server spans', () => {
    const rule = ruleOf(pack, 'http-server.required.http.request.method');
    expect(rule.severity).toBe('error');
    expect(rule.check).toEqual({ required: [['http.request.method']] });
    expect(rule.appliesTo).toEqual([
      expect.objectContaining({
        spanKinds: ['server'],
        attributePresent: expect.arrayContaining([
          'http.request.method',
          'http.route',
          'http.method',
        ]),
      }),
    ]);
  });

  it('allows exactly the HTTP methods the package defines', () => {
    const rule = ruleOf(pack, 'http-server.values.http.request.method');
    const definedMethods = Object.entries(incubatingConventions)
      .filter(([name]) => name.startsWith('HTTP_REQUEST_METHOD_VALUE_'))
      .map(([, value]) => value)
      .sort();
    expect(rule.check).toEqual({
      allowedValues: {
        attribute: 'http.request.method',
        values: definedMethods,
        ignoreCase: false,
      },
    });
    expect(definedMethods).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', '_OTHER']),
    );
  });

  it('reports http.method as a migration to http.request.method', () => {
    expect(ruleOf(pack, 'deprecated.http.method')).toMatchObject({
      severity: 'warning',
      check: {
        deprecated: {
          attribute: 'http.method',
          replacedBy: ['http.request.method'],
        },
      },
    });
  });

  it.each([
    ['http.status_code', ['http.response.status_code']],
    ['http.url', ['url.full']],
    ['http.target', ['url.path', 'url.query']],
    ['db.system', ['db.system.name']],
    ['db.statement', ['db.query.text']],
    ['deployment.environment', ['deployment.environment.name']],
    ['rpc.system', ['rpc.system.name']],
    ['messaging.system', ['messaging.system.name']],
  ])('derives the replacement of %s from the package', (attribute, to) => {
    expect(ruleOf(pack, `deprecated.${attribute}`).check).toMatchObject({
      deprecated: { attribute, replacedBy: to },
    });
  });

  it('splits replacements that depend on the span kind', () => {
    expect(ruleOf(pack, 'deprecated.net.peer.name.client')).toMatchObject({
      appliesTo: [{ spanKinds: ['client'] }],
      check: { deprecated: { replacedBy: ['server.address'] } },
    });
    expect(ruleOf(pack, 'deprecated.net.peer.name.server')).toMatchObject({
      appliesTo: [{ spanKinds: ['server'] }],
      check: { deprecated: { replacedBy: ['client.address'] } },
    });
  });

  it('follows requirements to the current attribute names', () => {
    const ids = pack.rules.map(rule => rule.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'database.required.db.system.name',
        'messaging.required.messaging.system.name',
        'rpc.required.rpc.system.name',
        'rpc.required.rpc.method',
      ]),
    );
    expect(ids).not.toContain('database.required.db.system');
    // rpc.service is folded into rpc.method by the package.
    expect(ids.filter(id => id.startsWith('rpc.required.'))).toHaveLength(2);
  });

  it('requires service.name and recommends service.version and the environment', () => {
    expect(ruleOf(pack, 'resource.required.service.name').severity).toBe(
      'error',
    );
    expect(ruleOf(pack, 'resource.recommended.service.version').severity).toBe(
      'info',
    );
    expect(
      ruleOf(pack, 'resource.recommended.deployment.environment.name').severity,
    ).toBe('info');
    expect(stableConventions.ATTR_SERVICE_NAME).toBe('service.name');
  });

  it('only deprecates attributes the package deprecates, plus the documented OpenTracing tags', () => {
    const deprecated = pack.rules.flatMap(rule =>
      'deprecated' in rule.check ? [rule.check.deprecated.attribute] : [],
    );
    const known = new Set<string>(
      Object.entries(incubatingConventions)
        .filter(
          ([name, value]) =>
            name.startsWith('ATTR_') && typeof value === 'string',
        )
        .map(([, value]) => value as string),
    );
    const notFromPackage = [
      ...new Set(deprecated.filter(name => !known.has(name))),
    ];
    expect(notFromPackage.sort()).toEqual([
      'db.instance',
      'db.type',
      'message_bus.destination',
      'peer.address',
      'peer.hostname',
      'peer.ipv4',
      'peer.ipv6',
      'peer.port',
    ]);
    // Current stable attributes are never reported as deprecated.
    expect(deprecated).not.toContain('http.request.method');
  });
});
