import { serialize } from 'node:v8';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import type { SiteDataFile } from '../site/open-site-data.ts';

/** Writes the pages' data for this build: structured-clone format, so dates stay dates. */
export async function writeSiteDataFile(file: string, data: SiteDataFile): Promise<void> {
  await writeFileAtomic(file, serialize(data));
}
