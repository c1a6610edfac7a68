import { writeFileAtomic } from '../core/write-file-atomic.ts';

/** What a build did, as data: the benchmark reads it instead of the log (`KB_BUILD_REPORT`). */
export interface BuildReport {
  /** Content files with valid frontmatter. */
  pages: number;
  /** Loading, checking, rendering bodies and running examples, before Astro renders pages. */
  provingMs: number;
  /** Documents parsed and rendered in this build; the others came from the caches. */
  documentsParsed: number;
  searchMs: number;
  searchPages: number;
  /** True when pagefind indexed the pages as Astro rendered them, rather than from the files after. */
  searchStreamed: boolean;
  markdownFiles: number;
  cards: number;
  cardsDrawn: number;
  /** True when nothing had changed since the published build, which stayed as it was. */
  upToDate: boolean;
}

/** Writes the build's report as JSON. */
export async function writeBuildReport(file: string, report: BuildReport): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
}
