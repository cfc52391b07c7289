import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  YAMLMap,
} from 'yaml';
import type { DeploymentObservations } from '../model';
import { describeParseFailure } from '../model';
import { ObservationCollector } from './observationCollector';
import type { RuntimeRules } from './runtimeRules';

/** Keys whose values start the container: Kubernetes `command`/`args`, compose `entrypoint`/`command`. */
const COMMAND_KEYS = ['entrypoint', 'command', 'args'];

/**
 * Helm templates are YAML with Go template actions. Lines that hold only an
 * action (`{{- if ... }}`) are blanked and inline actions become a
 * placeholder, so the YAML parser sees the structure the chart renders.
 */
function withoutTemplateActions(content: string): string {
  if (!content.includes('{{')) {
    return content;
  }
  return content
    .split('\n')
    .map(line =>
      /^\s*\{\{.*\}\}\s*$/.test(line)
        ? ''
        : line.replace(/\{\{.*?\}\}/g, 'templated'),
    )
    .join('\n');
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) {
    return undefined;
  }
  return typeof node.value === 'object' ? undefined : String(node.value);
}

class YamlWalker {
  constructor(
    private readonly collector: ObservationCollector,
    private readonly lineCounter: LineCounter,
  ) {}

  private lineOf(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | undefined)
      ?.range;
    return range ? this.lineCounter.linePos(range[0]).line : undefined;
  }

  private commandOf(node: unknown): string | undefined {
    if (isSeq(node)) {
      return node.items.map(scalarText).filter(Boolean).join(' ');
    }
    return scalarText(node);
  }

  private map(node: YAMLMap) {
    const name = scalarText(node.get('name', true));
    const value = node.get('value', true);
    if (name && (node.has('value') || node.has('valueFrom'))) {
      const line = this.lineOf(node.get('name', true));
      const text = scalarText(value);
      this.collector.addVariable(name, text, line, `${name}=${text ?? ''}`);
    }
    const command = COMMAND_KEYS.map(key => this.commandOf(node.get(key, true)))
      .filter(Boolean)
      .join(' ');
    if (command) {
      const first = COMMAND_KEYS.map(key => node.get(key, true)).find(Boolean);
      this.collector.addCommand(command, this.lineOf(first), command);
    }
    for (const pair of node.items) {
      const key = scalarText(pair.key);
      if (key === undefined) {
        continue;
      }
      if (key === 'annotations' && isMap(pair.value)) {
        for (const annotation of pair.value.items) {
          const annotationKey = scalarText(annotation.key);
          const annotationValue = scalarText(annotation.value);
          if (annotationKey && annotationValue !== undefined) {
            this.collector.addAnnotation(
              annotationKey,
              annotationValue,
              this.lineOf(annotation.key),
              `${annotationKey}: ${annotationValue}`,
            );
          }
        }
        continue;
      }
      const text = scalarText(pair.value);
      if (text !== undefined && /^[A-Z_][A-Z0-9_]*$/.test(key)) {
        // Environment maps: compose `environment:`, ConfigMap `data:`, Helm values.
        this.collector.addVariable(
          key,
          text,
          this.lineOf(pair.key),
          `${key}: ${text}`,
        );
      } else if (key === 'environment' && isSeq(pair.value)) {
        for (const item of pair.value.items) {
          const assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(
            scalarText(item) ?? '',
          );
          if (assignment) {
            this.collector.addVariable(
              assignment[1],
              assignment[2],
              this.lineOf(item),
              assignment[0],
            );
          }
        }
      } else {
        this.walk(pair.value);
      }
    }
  }

  walk(node: unknown) {
    if (isMap(node)) {
      this.map(node);
    } else if (isSeq(node)) {
      node.items.forEach(item => this.walk(item));
    }
  }
}

/**
 * Reads Kubernetes manifests (any number of documents), Helm charts and
 * compose files with the YAML parser: container `env` entries, environment
 * maps, ConfigMap data, container commands, and operator injection
 * annotations.
 */
export function analyzeDeploymentYaml(
  path: string,
  content: string,
  rules: RuntimeRules,
): DeploymentObservations {
  const collector = new ObservationCollector(path, rules);
  const lineCounter = new LineCounter();
  let documents;
  try {
    // Warnings (unknown tags) would go to the process log; errors are reported per file instead.
    documents = parseAllDocuments(withoutTemplateActions(content), {
      lineCounter,
      logLevel: 'error',
    });
  } catch (error) {
    return collector.result(describeParseFailure(path, error, 'YAML'));
  }
  const list = Array.isArray(documents) ? documents : [documents];
  const failed = list.find(document => document.errors.length > 0);
  if (failed) {
    return collector.result(
      describeParseFailure(path, failed.errors[0], 'YAML'),
    );
  }
  const walker = new YamlWalker(collector, lineCounter);
  for (const document of list) {
    walker.walk(document.contents);
  }
  return collector.result();
}
