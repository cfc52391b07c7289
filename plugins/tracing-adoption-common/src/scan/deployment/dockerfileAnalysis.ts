import { DockerfileParser, Instruction } from 'dockerfile-ast';
import type { DeploymentObservations } from '../model';
import { describeParseFailure } from '../model';
import { ObservationCollector } from './observationCollector';
import type { RuntimeRules } from './runtimeRules';

interface BuildStage {
  alias?: string;
  base: string;
  instructions: Instruction[];
}

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
  getNameRange(): { start: { line: number } };
}

function propertiesOf(instruction: Instruction): PropertyLike[] {
  const withProperties = instruction as Instruction & {
    getProperties?: () => PropertyLike[];
  };
  return typeof withProperties.getProperties === 'function'
    ? withProperties.getProperties()
    : [];
}

/** `CMD`/`ENTRYPOINT`/`RUN` text: the JSON array's strings joined, or the shell form as written. */
function commandText(instruction: Instruction): string {
  const json = instruction as Instruction & {
    getJSONStrings?: () => Array<{ getJSONValue(): string }>;
  };
  const strings =
    typeof json.getJSONStrings === 'function' ? json.getJSONStrings() : [];
  if (strings.length > 0) {
    return strings.map(value => value.getJSONValue()).join(' ');
  }
  return instruction.getArgumentsContent() ?? '';
}

/**
 * The stages that make up the final image: the last stage, and the stages it
 * is built `FROM`. Environment set in other stages (builders) does not reach
 * the running container.
 */
function finalImageStages(instructions: Instruction[]): {
  preamble: Instruction[];
  stages: BuildStage[];
} {
  const preamble: Instruction[] = [];
  const stages: BuildStage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const words = instruction
        .getArguments()
        .map(argument => argument.getValue());
      const asIndex = words.findIndex(word => word.toUpperCase() === 'AS');
      const base = words.find(word => !word.startsWith('--')) ?? '';
      stages.push({
        alias: asIndex === -1 ? undefined : words[asIndex + 1]?.toLowerCase(),
        base: base.toLowerCase(),
        instructions: [],
      });
    } else if (stages.length === 0) {
      preamble.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  const chain: BuildStage[] = [];
  let current: BuildStage | undefined = stages[stages.length - 1];
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const base: string = current.base;
    current = stages
      .slice(0, stages.indexOf(current))
      .reverse()
      .find(stage => stage.alias === base);
  }
  return { preamble, stages: chain };
}

function substitute(text: string, variables: Map<string, string>): string {
  return text.replace(
    /\$\{(\w+)(?::?[-+]([^}]*))?\}|\$(\w+)/g,
    (
      reference,
      braced: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => variables.get(braced ?? bare ?? '') ?? fallback ?? reference,
  );
}

/**
 * Reads a Dockerfile with dockerfile-ast: `ENV` (and `ARG` defaults, for
 * substitution), `ADD`/`COPY`/`RUN` for installed agents, `CMD` and
 * `ENTRYPOINT` for launchers, `-javaagent:` flags and preloads, all in the
 * stages of the final image.
 */
export function analyzeDockerfile(
  path: string,
  content: string,
  rules: RuntimeRules,
): DeploymentObservations {
  const collector = new ObservationCollector(path, rules);
  let instructions: Instruction[];
  try {
    instructions = DockerfileParser.parse(content).getInstructions();
  } catch (error) {
    return collector.result(describeParseFailure(path, error));
  }
  const { preamble, stages } = finalImageStages(instructions);
  const variables = new Map<string, string>();
  const remember = (instruction: Instruction) => {
    for (const property of propertiesOf(instruction)) {
      const value = property.getValue();
      if (value !== null) {
        variables.set(property.getName(), substitute(value, variables));
      }
    }
  };
  preamble
    .filter(instruction => instruction.getKeyword() === 'ARG')
    .forEach(remember);
  for (const instruction of stages.flatMap(stage => stage.instructions)) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line + 1;
    const entry = instruction
      .getTextContent()
      .replace(/\\\r?\n/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    switch (keyword) {
      case 'ARG':
        remember(instruction);
        break;
      case 'ENV':
        for (const property of propertiesOf(instruction)) {
          const value = property.getValue();
          const expanded =
            value === null ? undefined : substitute(value, variables);
          if (expanded !== undefined) {
            variables.set(property.getName(), expanded);
          }
          collector.addVariable(
            property.getName(),
            expanded,
            property.getNameRange().start.line + 1,
            `ENV ${property.getName()}=${value ?? ''}`,
          );
        }
        break;
      case 'ADD':
      case 'COPY':
      case 'RUN':
        collector.addInstall(
          substitute(instruction.getArgumentsContent() ?? '', variables),
          line,
          entry,
        );
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        collector.addCommand(
          substitute(commandText(instruction), variables),
          line,
          entry,
        );
        break;
      default:
        break;
    }
  }
  return collector.result();
}
