import type {
  DeploymentObservations,
  ObservedVariable,
  RuntimeObservation,
} from '../model';
import type { DetectionAttachmentRule } from '../settings';
import type { ScanEcosystem, ScanFindingKind } from '../types';
import type { RuntimeRules } from './runtimeRules';

/** How an attachment was seen: installed (downloaded, copied), on a command line, by an annotation, or through a variable. */
type Sighting = 'install' | 'command' | 'annotation' | 'env';

interface AttachmentSighting {
  library: string;
  ecosystem: ScanEcosystem;
  kind: ScanFindingKind;
  vendor?: string;
  /** `launcher` attachments start the service; the others are agents. */
  launcher: boolean;
  sighting: Sighting;
  version?: string;
  line?: number;
  entry?: string;
  variable?: string;
}

/** A version in a download URL or file name: `/v2.6.0/`, `/1.38.1/`, `-1.38.1.jar`. */
const VERSION_IN_PATH =
  /(?:^|[/_-])v?(\d+\.\d+(?:\.\d+)*(?:-[0-9A-Za-z.]+?)?)(?=\/|\.jar\b|$)/g;
const JAVA_AGENT_FLAG = /-javaagent:([^\s"'=]+)/g;
const NODE_PRELOAD =
  /(?:^|\s)(?:--require|-r|--import|--loader|--experimental-loader)(?:\s+|=)(["']?)([^\s"']+)\1/g;
const NODE_COMMAND = /(?:^|[\s/"'[])node(?:js)?\b/;
const PROFILER_VARIABLES = new Set(['CORECLR_PROFILER', 'COR_PROFILER']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;

function versionInPath(text: string): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(VERSION_IN_PATH)) {
    found = match[1];
  }
  return found;
}

/** Splits a command line into words, dropping shell quotes and JSON punctuation. */
function wordsOf(command: string): string[] {
  return command.split(/[\s"'\[\],;&|()]+/).filter(word => word !== '');
}

/** The npm package a preloaded module belongs to: `@scope/name/register` is `@scope/name`. */
function packageOfModule(module: string): string {
  const parts = module.split('/');
  return module.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Gathers what one deployment file (Dockerfile, Kubernetes or compose YAML,
 * Procfile) shows: agents, launchers, preloads and profilers, and tracer
 * configuration variables. Each attachment becomes one observation, from its
 * strongest sighting: installed or on the command line (`agent` / `launcher`)
 * before a variable (`env`).
 */
export class ObservationCollector {
  private readonly sightings: AttachmentSighting[] = [];
  private readonly variables: ObservedVariable[] = [];

  constructor(
    private readonly path: string,
    private readonly rules: RuntimeRules,
  ) {}

  private sight(
    rule: Pick<
      DetectionAttachmentRule,
      'library' | 'ecosystem' | 'kind' | 'vendor'
    >,
    details: Omit<
      AttachmentSighting,
      'library' | 'ecosystem' | 'kind' | 'vendor'
    >,
  ) {
    this.sightings.push({
      library: rule.library,
      ecosystem: rule.ecosystem,
      kind: rule.kind,
      vendor: rule.vendor,
      ...details,
    });
  }

  private javaAgents(
    text: string,
    sighting: Sighting,
    line?: number,
    entry?: string,
    variable?: string,
  ) {
    for (const match of text.matchAll(JAVA_AGENT_FLAG)) {
      const rule = this.rules.javaAgent(match[1]);
      if (rule) {
        this.sight(rule, { launcher: false, sighting, line, entry, variable });
      }
    }
  }

  private nodePreloads(
    text: string,
    sighting: Sighting,
    line?: number,
    entry?: string,
    variable?: string,
  ) {
    for (const match of text.matchAll(NODE_PRELOAD)) {
      const module = match[2];
      if (/^[./~$]/.test(module)) {
        continue;
      }
      const classification = this.rules.classifyLibrary(
        'npm',
        packageOfModule(module),
      );
      if (classification) {
        this.sight(
          {
            library: module,
            ecosystem: 'npm',
            kind:
              classification.kind === 'otel-sdk'
                ? 'otel-auto'
                : classification.kind,
            vendor: classification.vendor,
          },
          { launcher: sighting === 'command', sighting, line, entry, variable },
        );
      }
    }
  }

  /** An environment variable set by the file (`ENV`, `env:`, `environment:`, a `KEY=value` prefix). */
  addVariable(
    name: string,
    value: string | undefined,
    line?: number,
    entry?: string,
  ) {
    const before = this.sightings.length;
    if (value !== undefined) {
      this.javaAgents(value, 'env', line, entry, name);
      if (name === 'NODE_OPTIONS') {
        this.nodePreloads(value, 'env', line, entry, name);
      }
      if (PROFILER_VARIABLES.has(name)) {
        const rule = this.rules.profiler(value);
        if (rule) {
          this.sight(rule, {
            launcher: false,
            sighting: 'env',
            line,
            entry,
            variable: name,
          });
        }
      }
    }
    const attached = this.sightings[before];
    if (attached) {
      this.variables.push({
        name,
        value,
        line,
        attaches: { kind: attached.kind, vendor: attached.vendor },
      });
    } else if (this.rules.environment(name)) {
      this.variables.push({ name, value, line });
    }
  }

  /** A command line that starts the service (`CMD`, `ENTRYPOINT`, container `command`/`args`, Procfile). */
  addCommand(command: string, line?: number, entry?: string) {
    const words = wordsOf(command);
    for (const word of words) {
      const assignment = ASSIGNMENT.exec(word);
      if (assignment) {
        this.addVariable(assignment[1], assignment[2], line, entry);
        continue;
      }
      const launcher = this.rules.launcher(word);
      if (launcher) {
        this.sight(launcher, {
          launcher: true,
          sighting: 'command',
          line,
          entry,
        });
      }
    }
    this.javaAgents(command, 'command', line, entry);
    if (NODE_COMMAND.test(command)) {
      this.nodePreloads(command, 'command', line, entry);
    }
  }

  /** Files a Dockerfile adds, copies or downloads (`ADD`, `COPY`, `RUN curl ...`). */
  addInstall(text: string, line?: number, entry?: string) {
    for (const word of wordsOf(text)) {
      const rule = this.rules.javaAgent(word);
      if (rule) {
        this.sight(rule, {
          launcher: false,
          sighting: 'install',
          version: versionInPath(word),
          line,
          entry,
        });
      }
    }
  }

  /** A Kubernetes annotation that may make an operator inject instrumentation. */
  addAnnotation(key: string, value: string, line?: number, entry?: string) {
    const rule = this.rules.annotation(key);
    if (rule && value.trim().toLowerCase() !== 'false') {
      const version = /^v?\d+\.\d+/.test(value.trim())
        ? value.trim()
        : undefined;
      this.sight(rule, {
        launcher: false,
        sighting: 'annotation',
        version,
        line,
        entry,
      });
    }
  }

  result(problem?: string): DeploymentObservations {
    const byLibrary = new Map<string, AttachmentSighting[]>();
    for (const sighting of this.sightings) {
      const list = byLibrary.get(sighting.library) ?? [];
      list.push(sighting);
      byLibrary.set(sighting.library, list);
    }
    const attachments: RuntimeObservation[] = [];
    const attachedByVariable = new Set<string>();
    for (const sightings of byLibrary.values()) {
      const strong = sightings.filter(sighting => sighting.sighting !== 'env');
      const chosen =
        strong.find(sighting => sighting.version) ?? strong[0] ?? sightings[0];
      const how =
        strong.length === 0 ? 'env' : chosen.launcher ? 'launcher' : 'agent';
      const variables =
        how === 'env'
          ? [
              ...new Set(sightings.map(sighting => sighting.variable ?? '')),
            ].filter(Boolean)
          : undefined;
      variables?.forEach(variable => attachedByVariable.add(variable));
      attachments.push({
        library: chosen.library,
        ecosystem: chosen.ecosystem,
        kind: chosen.kind,
        vendor: chosen.vendor,
        how,
        version: chosen.version,
        evidence: { path: this.path, line: chosen.line, entry: chosen.entry },
        variables,
      });
    }
    return {
      attachments,
      variables: this.variables.filter(
        variable => !attachedByVariable.has(variable.name),
      ),
      problem,
    };
  }
}
