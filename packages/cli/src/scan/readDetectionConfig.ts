import {
  DEFAULT_DETECTION_SETTINGS,
  DetectionSettings,
  mergeDetectionSettings,
} from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { UsageError, messageOf } from '../io';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Detection settings from `tracingAdoption.scanning.detection` of an
 * app-config file, merged over the defaults as the backend merges them.
 * Without a file, the defaults.
 */
export async function readDetectionConfig(
  configFile: string | undefined,
): Promise<DetectionSettings> {
  if (configFile === undefined) {
    return DEFAULT_DETECTION_SETTINGS;
  }
  let text: string;
  try {
    text = await fs.readFile(configFile, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read config file ${configFile}: ${messageOf(error)}`,
    );
  }
  const document = parseDocument(text, { prettyErrors: false });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line;
    throw new UsageError(
      `Invalid config file ${configFile}${line ? `:${line}` : ''}: ${
        syntaxError.message
      }`,
    );
  }
  const config: unknown = document.toJS();
  const tracingAdoption = isRecord(config) ? config.tracingAdoption : undefined;
  const scanning = isRecord(tracingAdoption)
    ? tracingAdoption.scanning
    : undefined;
  const detection = isRecord(scanning) ? scanning.detection : undefined;
  if (detection === undefined || detection === null) {
    return DEFAULT_DETECTION_SETTINGS;
  }
  try {
    return mergeDetectionSettings(detection as Record<string, unknown>);
  } catch (error) {
    throw new UsageError(
      `Invalid config file ${configFile} (tracingAdoption.scanning.detection): ${messageOf(
        error,
      )}`,
    );
  }
}
