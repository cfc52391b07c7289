import type {
  OperationMatcher,
  RuleSeverity,
} from '@internal/plugin-tracing-adoption-common';
import { Command, Option } from 'commander';
import { parseOperation } from './analyze/parseOperation';
import { runAnalyze } from './analyze/runAnalyze';
import { CHECK_FORMATS, CheckFormat } from './check/checkFormats';
import { DEFAULT_PACK_SPECS } from './check/loadRulePacks';
import { runCheck } from './check/runCheck';
import { INPUT_FORMAT_OPTIONS, InputFormatOption } from './input/inputFormats';
import type { CliIo } from './io';
import { SCAN_FORMATS, ScanFormat, runScan } from './scan/runScan';

const SEVERITIES: RuleSeverity[] = ['info', 'warning', 'error'];

const appendTo = <T>(value: T, previous: T[] | undefined): T[] => [
  ...(previous ?? []),
  value,
];

function inputOption() {
  return new Option(
    '--input <format>',
    'format of the trace dump; auto recognises it from the content',
  )
    .choices(INPUT_FORMAT_OPTIONS)
    .default('auto');
}

function outputOption() {
  return new Option(
    '--output <file>',
    'write the result to a file instead of stdout',
  );
}

/**
 * The command line. Each command's action stores its exit code through
 * `setExitCode`, because commander's actions return nothing to the caller.
 */
export function createProgram(
  io: CliIo,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command('tracing-adoption')
    .description(
      'Check spans against semantic-convention rule packs, analyse traces end to end, scan repositories for tracing instrumentation.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    });

  program
    .command('check')
    .description(
      'Check a trace dump (file, or stdin for - or none) against rule packs; exit 1 on error-severity violations',
    )
    .argument(
      '[file]',
      'trace dump: OTLP JSON or protobuf, Jaeger or Zipkin JSON',
    )
    .addOption(inputOption())
    .addOption(
      new Option(
        '--pack <pack>',
        `rule pack: builtin:opentelemetry, builtin:opentracing or a YAML file; repeatable (default: ${DEFAULT_PACK_SPECS.join(
          ', ',
        )})`,
      ).argParser(appendTo<string>),
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(CHECK_FORMATS)
        .default('text'),
    )
    .addOption(
      new Option('--min-severity <severity>', 'skip rules below this severity')
        .choices(SEVERITIES)
        .default('info'),
    )
    .addOption(outputOption())
    .action(
      async (
        file: string | undefined,
        options: {
          input: InputFormatOption;
          pack?: string[];
          format: CheckFormat;
          minSeverity: RuleSeverity;
          output?: string;
        },
      ) => {
        setExitCode(
          await runCheck(
            file,
            { ...options, pack: options.pack ?? DEFAULT_PACK_SPECS },
            io,
          ),
        );
      },
    );

  program
    .command('analyze')
    .description(
      'Analyse each operation of a trace dump end to end and print JSON (schema version 1)',
    )
    .argument(
      '[file]',
      'trace dump: OTLP JSON or protobuf, Jaeger or Zipkin JSON',
    )
    .addOption(inputOption())
    .addOption(
      new Option(
        '--operation <operation>',
        "operation as 'service|span name'; repeatable (default: every operation observed as a trace root)",
      ).argParser(appendTo<string>),
    )
    .addOption(outputOption())
    .action(
      async (
        file: string | undefined,
        options: {
          input: InputFormatOption;
          operation?: string[];
          output?: string;
        },
      ) => {
        const operations: OperationMatcher[] = (options.operation ?? []).map(
          parseOperation,
        );
        setExitCode(
          await runAnalyze(file, { ...options, operation: operations }, io),
        );
      },
    );

  program
    .command('scan')
    .description(
      'Scan a repository checkout for tracing instrumentation, per service directory',
    )
    .argument(
      '<dir>',
      'repository checkout, or with --all a directory of checkouts',
    )
    .option(
      '--config <file>',
      'app-config YAML whose tracingAdoption.scanning.detection changes the detection tables',
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(SCAN_FORMATS)
        .default('text'),
    )
    .option(
      '--all',
      'treat each subdirectory of <dir> as a repository checkout',
      false,
    )
    .addOption(outputOption())
    .action(
      async (
        directory: string,
        options: {
          config?: string;
          format: ScanFormat;
          all: boolean;
          output?: string;
        },
      ) => {
        setExitCode(await runScan(directory, options, io));
      },
    );

  return program;
}
