import type { DeploymentObservations } from '../model';
import { ObservationCollector } from './observationCollector';
import type { RuntimeRules } from './runtimeRules';

/** Reads a `Procfile`: one `process: command` per line, as Heroku and foreman do. */
export function analyzeProcfile(
  path: string,
  content: string,
  rules: RuntimeRules,
): DeploymentObservations {
  const collector = new ObservationCollector(path, rules);
  content.split('\n').forEach((line, index) => {
    const process = /^\s*([\w-]+)\s*:\s*(.+)$/.exec(line);
    if (process && !line.trimStart().startsWith('#')) {
      collector.addCommand(process[2], index + 1, line.trim());
    }
  });
  return collector.result();
}
