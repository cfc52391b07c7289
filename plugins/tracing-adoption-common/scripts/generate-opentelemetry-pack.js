#!/usr/bin/env node
/*
 * Generates packs/opentelemetry.yaml from @opentelemetry/semantic-conventions.
 *
 *   node plugins/tracing-adoption-common/scripts/generate-opentelemetry-pack.js
 *
 * Run it after upgrading the package and commit the output. What comes from
 * the package:
 *   - attribute names: every name below is looked up among the ATTR_* constants
 *     of the stable and incubating entry points, so a renamed or removed
 *     attribute fails generation instead of producing a dead rule;
 *   - deprecations: the JSDoc `@deprecated` text of the ATTR_* declarations in
 *     the package's type declarations ("Replaced by `x`", "Split to `a` and `b`",
 *     "`x` on client spans and `y` on server spans", "Use `x` instead", …);
 *     requirements naming a deprecated attribute follow it to its replacement;
 *   - well-known values: the <ATTRIBUTE>_VALUE_* constants, minus deprecated ones.
 * What the package does not state, and is therefore kept here: which attributes
 * each kind of span requires or recommends (the semantic-conventions
 * specification's requirement levels), value types, span-name and status
 * rules, and the OpenTracing tags in FALLBACK_DEPRECATIONS.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const PACKAGE = '@opentelemetry/semantic-conventions';
const OUTPUT = path.join(__dirname, '..', 'packs', 'opentelemetry.yaml');
const SPEC = 'https://opentelemetry.io/docs/specs/semconv';

const SEVERITY_OF_LEVEL = {
  required: 'error',
  conditionally_required: 'warning',
  recommended: 'info',
};

const ID_OF_LEVEL = {
  required: 'required',
  conditionally_required: 'conditional',
  recommended: 'recommended',
};

const WORDING_OF_LEVEL = {
  required: 'required',
  conditionally_required: 'conditionally required',
  recommended: 'recommended',
};

/**
 * Requirement levels per kind of span, from the specification pages linked
 * in `docUrl`. `attributes` may use names the conventions have since
 * deprecated; they are followed to their replacement. A span belongs to the
 * domain when it has one of the span kinds and any of its attributes (current
 * or former) or `markers`, except attributes `sharedWithOtherDomains`, which
 * database and messaging spans carry too.
 */
const DOMAINS = [
  {
    id: 'http-server',
    title: 'HTTP server',
    docUrl: `${SPEC}/http/http-spans/#http-server`,
    spanKinds: ['server'],
    markers: ['http.method', 'http.target', 'http.status_code', 'http.scheme'],
    attributes: [
      {
        name: 'http.request.method',
        level: 'required',
        type: 'string',
        values: 'warning',
      },
      { name: 'url.path', level: 'required' },
      { name: 'url.scheme', level: 'required' },
      {
        name: 'http.response.status_code',
        level: 'conditionally_required',
        when: 'a response was sent',
        type: 'int',
      },
      { name: 'http.route', level: 'recommended' },
    ],
    spanName: '{http.request.method} {http.route}',
    errorStatusFor: {
      attribute: 'http.response.status_code',
      min: 500,
      max: 599,
    },
  },
  {
    id: 'http-client',
    title: 'HTTP client',
    docUrl: `${SPEC}/http/http-spans/#http-client`,
    spanKinds: ['client'],
    markers: ['http.method', 'http.url', 'http.status_code'],
    attributes: [
      {
        name: 'http.request.method',
        level: 'required',
        type: 'string',
        values: 'warning',
      },
      {
        name: 'server.address',
        level: 'required',
        sharedWithOtherDomains: true,
      },
      {
        name: 'server.port',
        level: 'required',
        type: 'int',
        sharedWithOtherDomains: true,
      },
      { name: 'url.full', level: 'required' },
      {
        name: 'http.response.status_code',
        level: 'conditionally_required',
        when: 'a response was received',
        type: 'int',
      },
    ],
    errorStatusFor: {
      attribute: 'http.response.status_code',
      min: 400,
      max: 599,
    },
  },
  {
    id: 'rpc',
    title: 'RPC',
    docUrl: `${SPEC}/rpc/rpc-spans/`,
    spanKinds: ['client', 'server'],
    markers: ['rpc.system', 'rpc.service'],
    attributes: [
      { name: 'rpc.system', level: 'required', values: 'info' },
      { name: 'rpc.service', level: 'required' },
      { name: 'rpc.method', level: 'required' },
    ],
  },
  {
    id: 'database',
    title: 'database client',
    docUrl: `${SPEC}/database/database-spans/`,
    spanKinds: ['client'],
    markers: [
      'db.statement',
      'db.name',
      'db.operation',
      'db.query.text',
      'db.collection.name',
      'db.instance',
      'db.type',
    ],
    attributes: [
      { name: 'db.system', level: 'required', values: 'info' },
      {
        name: 'db.namespace',
        level: 'conditionally_required',
        when: 'the database has namespaces and the span knows it',
      },
      {
        name: 'db.operation.name',
        level: 'conditionally_required',
        when: 'the query is a single operation',
      },
    ],
  },
  {
    id: 'messaging',
    title: 'messaging',
    docUrl: `${SPEC}/messaging/messaging-spans/`,
    spanKinds: ['producer', 'consumer', 'client'],
    markers: ['messaging.operation', 'message_bus.destination'],
    attributes: [
      { name: 'messaging.system', level: 'required', values: 'info' },
      { name: 'messaging.operation.name', level: 'required' },
      {
        name: 'messaging.operation.type',
        level: 'conditionally_required',
        when: 'the operation is one of the defined types',
        values: 'warning',
      },
      {
        name: 'messaging.destination.name',
        level: 'conditionally_required',
        when: 'the destination is known',
      },
    ],
  },
];

const RESOURCE_ATTRIBUTES = [
  { name: 'service.name', level: 'required' },
  { name: 'service.version', level: 'recommended' },
  { name: 'deployment.environment.name', level: 'recommended' },
];

/**
 * OpenTracing tags with an OpenTelemetry equivalent. The package only knows
 * OpenTelemetry's own history, so legacy services would otherwise get no
 * migration advice for them. Generation fails if the package starts stating
 * one of these, so this list only ever shrinks.
 */
const FALLBACK_DEPRECATIONS = [
  { attribute: 'db.instance', replacedBy: ['db.namespace'] },
  {
    attribute: 'db.type',
    replacedBy: ['db.system.name'],
    note: "name the database product, e.g. 'postgresql', not the family 'sql'",
  },
  {
    attribute: 'message_bus.destination',
    replacedBy: ['messaging.destination.name'],
  },
  { attribute: 'peer.hostname', replacedBy: ['server.address'] },
  { attribute: 'peer.port', replacedBy: ['server.port'] },
  { attribute: 'peer.ipv4', replacedBy: ['network.peer.address'] },
  { attribute: 'peer.ipv6', replacedBy: ['network.peer.address'] },
  { attribute: 'peer.address', replacedBy: ['network.peer.address'] },
];

const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/;
const SPAN_KIND_WORDS = ['client', 'server', 'producer', 'consumer'];

/** The package's directory, found from its main entry. */
function packageDirectory() {
  let directory = path.dirname(require.resolve(PACKAGE));
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) {
      throw new Error(`cannot find the package.json of ${PACKAGE}`);
    }
    directory = parent;
  }
  return directory;
}

/** CommonJS type declarations of the package (.d.ts or .d.cts). */
function declarationFiles(directory) {
  const files = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      files.push(...declarationFiles(file));
    } else if (/\.d\.c?ts$/.test(entry.name)) {
      files.push(file);
    }
  }
  return files.sort();
}

/**
 * The `@deprecated` text of every `declare const NAME: "literal"` with a
 * JSDoc comment, by constant name.
 */
function readDeprecations(files) {
  const declaration =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:export\s+)?declare\s+const\s+([A-Z][A-Z0-9_]*)\s*:\s*"([^"]*)"\s*;/g;
  const deprecations = new Map();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(declaration)) {
      const lines = match[1]
        .split('\n')
        .map(line => line.replace(/^\s*\*\s?/, '').trim());
      const start = lines.findIndex(line => line.startsWith('@deprecated'));
      if (start === -1) {
        continue;
      }
      const body = [lines[start].slice('@deprecated'.length).trim()];
      for (const line of lines.slice(start + 1)) {
        if (line.startsWith('@')) {
          break;
        }
        body.push(line);
      }
      deprecations.set(match[2], {
        value: match[3],
        text: body.join(' ').replace(/\s+/g, ' ').trim(),
      });
    }
  }
  return deprecations;
}

/** Attribute names quoted in a deprecation text, in order, without repeats. */
function quotedAttributes(text, except) {
  const names = [];
  for (const [, name] of text.matchAll(/`([^`]+)`/g)) {
    if (
      ATTRIBUTE_NAME.test(name) &&
      !name.startsWith('metric.') &&
      name !== except &&
      !names.includes(name)
    ) {
      names.push(name);
    }
  }
  return names;
}

/**
 * What a deprecation text says replaces the attribute. Kind-specific texts
 * ("`a` on client spans and `b` on server spans") become one entry per kind,
 * plus an entry for the other kinds listing every candidate.
 */
function interpretDeprecation(attribute, text) {
  if (/^Moved to /.test(text)) {
    return { moved: true };
  }
  const plain = /^Replaced by `[^`]+`\.?$/.test(text);
  const note = plain ? undefined : text.replace(/\.$/, '');
  if (/^(Removed|Deprecated, no replacement|Obsoleted)/.test(text)) {
    return { entries: [{ replacedBy: [], note }] };
  }
  const byKind = [
    ...text.matchAll(
      /`([^`]+)` on (?:the )?(client|server|producer|consumer) (?:spans|side)/g,
    ),
  ];
  const withoutReplacement = [
    ...text.matchAll(/No replacement for (\w+) spans/g),
  ]
    .map(match => match[1])
    .filter(kind => SPAN_KIND_WORDS.includes(kind));
  if (byKind.length === 0) {
    const allNeeded =
      /^Split (to|into) /.test(text) ||
      /^Replaced by `[^`]+` and `[^`]+`\.?$/.test(text);
    return {
      entries: [
        { replacedBy: quotedAttributes(text, attribute), note, allNeeded },
      ],
    };
  }
  // The kind-specific entries are exact, so only the catch-all keeps the text.
  const entries = byKind.map(([, name, kind]) => ({
    spanKinds: [kind],
    kindSuffix: kind,
    replacedBy: [name],
  }));
  for (const kind of withoutReplacement) {
    entries.push({ spanKinds: [kind], kindSuffix: kind, replacedBy: [] });
  }
  const named = [...byKind.map(match => match[2]), ...withoutReplacement];
  const otherKinds = [
    'server',
    'client',
    'producer',
    'consumer',
    'internal',
    'unspecified',
  ].filter(kind => !named.includes(kind));
  entries.push({
    spanKinds: otherKinds,
    kindSuffix: 'other-kinds',
    replacedBy: quotedAttributes(text, attribute),
    note,
  });
  return { entries };
}

function readPackage() {
  const directory = packageDirectory();
  const manifest = JSON.parse(
    fs.readFileSync(path.join(directory, 'package.json'), 'utf8'),
  );
  const stable = require(PACKAGE);
  const incubating = require(`${PACKAGE}/incubating`);
  const deprecations = readDeprecations(declarationFiles(directory));

  /** Attribute name → its constant, stability and deprecation text. */
  const attributes = new Map();
  for (const [constant, value] of Object.entries(incubating)) {
    if (!constant.startsWith('ATTR_') || typeof value !== 'string') {
      continue;
    }
    const deprecation = deprecations.get(constant);
    if (deprecation && deprecation.value !== value) {
      throw new Error(
        `${constant} is "${value}" at runtime but "${deprecation.value}" in the declarations`,
      );
    }
    attributes.set(value, {
      constant,
      stable: stable[constant] === value,
      deprecation: deprecation && deprecation.text,
    });
  }
  return {
    version: manifest.version,
    incubating,
    deprecations,
    attributes,
  };
}

/** Follows deprecations with exactly one replacement to the current name. */
function currentAttribute(source, name) {
  const seen = [];
  let current = name;
  for (;;) {
    const attribute = source.attributes.get(current);
    if (!attribute) {
      throw new Error(
        `${PACKAGE} ${source.version} has no attribute '${current}'`,
      );
    }
    if (!attribute.deprecation) {
      return current;
    }
    const interpreted = interpretDeprecation(current, attribute.deprecation);
    const replacements = interpreted.entries
      ? interpreted.entries[0].replacedBy
      : [];
    if (
      interpreted.entries?.length !== 1 ||
      replacements.length !== 1 ||
      seen.includes(current)
    ) {
      throw new Error(
        `'${current}' is deprecated ("${attribute.deprecation}") without one clear replacement; update DOMAINS`,
      );
    }
    seen.push(current);
    current = replacements[0];
  }
}

/** Well-known values of an attribute, from its *_VALUE_* constants, minus deprecated ones. */
function wellKnownValues(source, name) {
  const prefix = `${source.attributes
    .get(name)
    .constant.slice('ATTR_'.length)}_VALUE_`;
  return Object.entries(source.incubating)
    .filter(
      ([constant, value]) =>
        constant.startsWith(prefix) &&
        typeof value === 'string' &&
        !source.deprecations.has(constant),
    )
    .map(([, value]) => value)
    .sort();
}

function stabilityOf(source, name) {
  return source.attributes.get(name).stable ? 'stable' : 'development';
}

/** Spans of the domain's kinds that carry any of its attributes, current or former. */
function selectorOf(domain, attributes) {
  return {
    spanKinds: domain.spanKinds,
    attributePresent: [
      ...new Set([
        ...attributes
          .filter(attribute => !attribute.sharedWithOtherDomains)
          .flatMap(attribute => [attribute.name, ...attribute.formerly]),
        ...domain.markers,
      ]),
    ],
  };
}

function domainRules(source, domain) {
  const resolved = [];
  for (const attribute of domain.attributes) {
    const name = currentAttribute(source, attribute.name);
    const formerly = name === attribute.name ? [] : [attribute.name];
    const same = resolved.find(entry => entry.name === name);
    if (same) {
      same.formerly.push(...formerly);
    } else {
      resolved.push({ ...attribute, name, formerly });
    }
  }
  const appliesTo = selectorOf(domain, resolved);
  const rules = [];
  for (const attribute of resolved) {
    const condition = attribute.when ? ` when ${attribute.when}` : '';
    rules.push({
      id: `${domain.id}.${ID_OF_LEVEL[attribute.level]}.${attribute.name}`,
      description: `${domain.title} spans carry '${attribute.name}' (${
        WORDING_OF_LEVEL[attribute.level]
      }${condition}; ${stabilityOf(source, attribute.name)} attribute).`,
      severity: SEVERITY_OF_LEVEL[attribute.level],
      appliesTo,
      check: { required: [attribute.name] },
      fix: `Set '${attribute.name}' on ${domain.title} spans${condition}. Current OpenTelemetry instrumentation libraries set it; upgrade the library, or set it where the span is started in hand-written instrumentation.`,
      docUrl: domain.docUrl,
    });
  }
  for (const attribute of resolved) {
    if (attribute.type) {
      rules.push({
        id: `${domain.id}.type.${attribute.name}`,
        description: `'${attribute.name}' on ${domain.title} spans is ${
          attribute.type === 'int' ? 'an int' : `a ${attribute.type}`
        }.`,
        severity: 'warning',
        appliesTo,
        check: {
          valueType: { attribute: attribute.name, type: attribute.type },
        },
        fix: `Send '${attribute.name}' as ${
          attribute.type === 'int'
            ? 'an integer, not text'
            : `a ${attribute.type}`
        }; backends compare and aggregate it by type.`,
        docUrl: domain.docUrl,
      });
    }
    if (attribute.values) {
      const values = wellKnownValues(source, attribute.name);
      if (values.length === 0) {
        throw new Error(
          `${PACKAGE} ${source.version} has no values for '${attribute.name}'`,
        );
      }
      const other = values.includes('_OTHER')
        ? ", or '_OTHER' for anything else"
        : '';
      rules.push({
        id: `${domain.id}.values.${attribute.name}`,
        description: `'${attribute.name}' on ${domain.title} spans is one of the ${values.length} values the conventions define.`,
        severity: attribute.values,
        appliesTo,
        check: { allowedValues: { attribute: attribute.name, values } },
        fix: `Use one of the defined values for '${attribute.name}'${other}, spelt exactly as listed, so that dashboards group the same thing under one value.`,
        docUrl: domain.docUrl,
      });
    }
  }
  if (domain.spanName) {
    rules.push({
      id: `${domain.id}.span-name`,
      description: `${domain.title} span names follow '${domain.spanName}'.`,
      severity: 'warning',
      appliesTo,
      check: { spanName: { template: domain.spanName } },
      fix: `Name ${domain.title} spans '${domain.spanName}' (low cardinality: the route template, never the concrete path); current instrumentation does this once the framework reports the route.`,
      docUrl: domain.docUrl,
    });
  }
  if (domain.errorStatusFor) {
    const { attribute, min, max } = domain.errorStatusFor;
    rules.push({
      id: `${domain.id}.error-status.${min}-${max}`,
      description: `${domain.title} spans with '${attribute}' ${min}–${max} have error status.`,
      severity: 'error',
      appliesTo,
      check: { status: { errorWhen: { attribute, min, max } } },
      fix: `Set the span status to error when '${attribute}' is ${min}–${max}, so error rates and error traces include these requests.`,
      docUrl: `${SPEC}/http/http-spans/#status`,
    });
  }
  return rules;
}

function resourceRules(source) {
  return RESOURCE_ATTRIBUTES.map(attribute => {
    const name = currentAttribute(source, attribute.name);
    return {
      id: `resource.${ID_OF_LEVEL[attribute.level]}.${name}`,
      description: `The resource carries '${name}' (${
        WORDING_OF_LEVEL[attribute.level]
      }; ${stabilityOf(source, name)} attribute).`,
      severity: SEVERITY_OF_LEVEL[attribute.level],
      check: { resourceRequired: [name] },
      fix: `Set '${name}' on the SDK resource, e.g. OTEL_RESOURCE_ATTRIBUTES=${name}=… or OTEL_SERVICE_NAME for service.name.`,
      docUrl: `${SPEC}/resource/`,
    };
  });
}

function generalRules() {
  return [
    {
      id: 'span-name.no-ids',
      description:
        'Span names contain no identifiers (numbers, UUIDs, hex ids).',
      severity: 'warning',
      check: { spanName: { noIds: true } },
      fix: 'Name spans after the operation or route template (GET /orders/{id}), and put the id in an attribute; one name per request makes spans impossible to group and bloats the backend index.',
      docUrl: 'https://opentelemetry.io/docs/specs/otel/trace/api/#span',
    },
    {
      id: 'status.error-needs-cause',
      description:
        "Spans with error status say what went wrong: 'error.type' or an 'exception' event.",
      severity: 'warning',
      check: {
        status: {
          errorNeeds: { attributes: ['error.type'], events: ['exception'] },
        },
      },
      fix: "When setting error status, also set 'error.type' (exception class or error code) or record the exception, so errors can be grouped by cause.",
      docUrl: `${SPEC}/general/recording-errors/`,
    },
  ];
}

function deprecationRule(attribute, entry, origin) {
  const kinds = entry.spanKinds
    ? ` on ${
        entry.kindSuffix === 'other-kinds' ? 'other' : entry.kindSuffix
      } spans`
    : '';
  const to = entry.replacedBy
    .map(name => `'${name}'`)
    .join(entry.allNeeded ? ' and ' : ' or ');
  const rule = {
    id: `deprecated.${attribute}${
      entry.kindSuffix ? `.${entry.kindSuffix}` : ''
    }`,
    description:
      entry.replacedBy.length === 0
        ? `'${attribute}' is deprecated${kinds} with no replacement (${origin}).`
        : `'${attribute}' is deprecated${kinds}; use ${to} (${origin}).`,
    severity: entry.replacedBy.length === 0 ? 'info' : 'warning',
  };
  if (entry.spanKinds) {
    rule.appliesTo = { spanKinds: entry.spanKinds };
  }
  rule.check = {
    deprecated: {
      attribute,
      ...(entry.replacedBy.length > 0 ? { replacedBy: entry.replacedBy } : {}),
      ...(entry.note ? { note: entry.note } : {}),
    },
  };
  rule.fix =
    entry.replacedBy.length === 0
      ? `Stop sending '${attribute}'.`
      : `Send ${to} instead of '${attribute}'${
          entry.replacedBy.length > 1 && !entry.allNeeded
            ? ', as the note explains'
            : ''
        }. While dashboards or alerts still read '${attribute}', send both, then drop '${attribute}'.`;
  rule.docUrl = `${SPEC}/registry/attributes/${attribute.split('.')[0]}/`;
  return rule;
}

function deprecationRules(source) {
  const rules = [];
  const counts = { fromPackage: 0, moved: 0, fallback: 0 };
  const names = [...source.attributes.keys()]
    .filter(name => source.attributes.get(name).deprecation)
    .sort();
  for (const name of names) {
    const interpreted = interpretDeprecation(
      name,
      source.attributes.get(name).deprecation,
    );
    if (interpreted.moved) {
      // Moved to another conventions repository: still valid there, not a deprecation to report.
      counts.moved++;
      continue;
    }
    counts.fromPackage++;
    for (const entry of interpreted.entries) {
      rules.push(deprecationRule(name, entry, `${PACKAGE} ${source.version}`));
    }
  }
  for (const fallback of FALLBACK_DEPRECATIONS) {
    if (source.attributes.has(fallback.attribute)) {
      throw new Error(
        `${PACKAGE} ${source.version} now states '${fallback.attribute}'; remove it from FALLBACK_DEPRECATIONS`,
      );
    }
    counts.fallback++;
    rules.push(
      deprecationRule(fallback.attribute, fallback, 'OpenTracing tag'),
    );
  }
  return { rules, counts };
}

/**
 * The rules of a domain share one selector object, which YAML writes once
 * with an anchor and then as aliases. Names the anchors after the domain
 * (`&http-server-spans`) instead of the library's `&a1`.
 */
function namedSelectorAnchors(document) {
  const names = new Map();
  for (const rule of document.get('rules').items) {
    const selector = rule.get('appliesTo', true);
    if (selector && selector.anchor) {
      const name = `${rule.get('id').split('.')[0]}-spans`;
      names.set(selector.anchor, name);
      selector.anchor = name;
    }
  }
  YAML.visit(document, {
    Alias(_, alias) {
      alias.source = names.get(alias.source) ?? alias.source;
    },
  });
  return document;
}

/** The pack as YAML text, plus counts for the summary line. */
function renderOpenTelemetryPack() {
  const source = readPackage();
  const domain = DOMAINS.flatMap(entry => domainRules(source, entry));
  const resource = resourceRules(source);
  const general = generalRules();
  const deprecations = deprecationRules(source);
  const pack = {
    name: 'opentelemetry',
    version: source.version,
    description:
      `OpenTelemetry semantic conventions for spans, from ${PACKAGE} ${source.version}: ` +
      'required and recommended attributes per kind of span, well-known values, resource attributes, ' +
      'span names, error status, and deprecated attributes with their replacements.',
    docUrl: `${SPEC}/`,
    rules: [...domain, ...resource, ...general, ...deprecations.rules],
  };
  const relativeScript = path.relative(
    path.join(__dirname, '..', '..', '..'),
    __filename,
  );
  const header = [
    `# Generated from ${PACKAGE} ${source.version} (entry points '${PACKAGE}' and`,
    `# '${PACKAGE}/incubating'; deprecations from the @deprecated JSDoc of its type declarations).`,
    '# Do not edit: change the generator and regenerate from the repository root with',
    `#   node ${relativeScript}`,
    '# yaml-language-server: $schema=./rule-pack.schema.json',
    '',
  ].join('\n');
  const text =
    header +
    namedSelectorAnchors(new YAML.Document(pack)).toString({
      lineWidth: 0,
      singleQuote: true,
    });
  return {
    text,
    counts: {
      rules: pack.rules.length,
      domain: domain.length,
      resource: resource.length,
      general: general.length,
      deprecationRules: deprecations.rules.length,
      ...deprecations.counts,
    },
  };
}

function main() {
  const { text, counts } = renderOpenTelemetryPack();
  fs.writeFileSync(OUTPUT, text);
  process.stdout.write(
    `${path.relative(process.cwd(), OUTPUT)}: ${counts.rules} rules ` +
      `(${counts.domain} per kind of span, ${counts.resource} resource, ${counts.general} general, ` +
      `${counts.deprecationRules} deprecation rules for ${counts.fromPackage} attributes the package deprecates ` +
      `and ${counts.fallback} OpenTracing tags; ${counts.moved} attributes moved to other repositories skipped), ` +
      `${Math.round(text.length / 1024)} KB\n`,
  );
}

module.exports = { renderOpenTelemetryPack };

if (require.main === module) {
  main();
}
