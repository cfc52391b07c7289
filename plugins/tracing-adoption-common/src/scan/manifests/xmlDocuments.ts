import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describeParseFailure } from '../model';
import { isRecord } from './textPositions';

/** Elements that may repeat in POMs and MSBuild files; always read as arrays so single entries look like many. */
const REPEATED_ELEMENTS = new Set([
  'dependency',
  'module',
  'profile',
  'PropertyGroup',
  'ItemGroup',
  'PackageReference',
  'PackageVersion',
  'package',
  'Import',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: name => REPEATED_ELEMENTS.has(name),
});

/**
 * Parses an XML document, validating it first: the parser alone accepts
 * unbalanced markup silently, and a half-read manifest would report wrong
 * dependencies instead of a problem.
 */
export function parseXmlDocument(
  path: string,
  content: string,
): { document?: Record<string, unknown>; problem?: string } {
  try {
    const validation = XMLValidator.validate(content);
    if (validation !== true) {
      const { msg, line } = validation.err;
      return { problem: `${path}: invalid XML at line ${line}: ${msg}` };
    }
    const document: unknown = parser.parse(content);
    return isRecord(document)
      ? { document }
      : { problem: `${path}: not an XML document` };
  } catch (error) {
    return { problem: describeParseFailure(path, error, 'XML') };
  }
}

/** Child elements as an array, whatever the parser made of them. */
export function elementsOf(value: unknown): Record<string, unknown>[] {
  const items = Array.isArray(value)
    ? value
    : value === undefined
    ? []
    : [value];
  return items.filter(isRecord);
}

/** Text content of an element (or undefined when it is missing or has children). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (isRecord(value) && typeof value['#text'] === 'string') {
    return value['#text'];
  }
  return undefined;
}
