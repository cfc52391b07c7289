import { UrlReaderService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a file named in app-config: http(s) URLs through the integrations'
 * credentials (so files in private repositories work), anything else as a
 * path relative to the backend's working directory.
 */
export async function readTextSource(
  source: string,
  urlReader: UrlReaderService,
  what: string,
): Promise<{ text: string; origin: string }> {
  if (/^https?:\/\//.test(source)) {
    try {
      const response = await urlReader.readUrl(source);
      return {
        text: (await response.buffer()).toString('utf8'),
        origin: source,
      };
    } catch (error) {
      throw new Error(
        `Cannot read ${what} ${source}: ${(error as Error).message}`,
      );
    }
  }
  const file = path.resolve(source);
  try {
    return { text: await fs.readFile(file, 'utf8'), origin: source };
  } catch (error) {
    throw new Error(`Cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}
