/** A settings problem, phrased for the person who edits the settings file; the command line exits with 2. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Something read from the settings and not honoured, with what is done instead: one line, never silence. */
export interface SettingsNotice {
  /** The file, as shown to the user (`mkdocs.yml`, `src/site.config.ts`). */
  file: string;
  line: number;
  column: number;
  /** The setting, as written in that file: `theme.features`, `plugins.blog`. */
  key: string;
  message: string;
}

/** A notice as one line: `mkdocs.yml:14:5  notice  **theme.features**: not supported; …`. */
export function formatNotice(notice: SettingsNotice): string {
  const place = notice.line > 0 ? `:${notice.line}:${notice.column}` : '';
  return `${notice.file}${place}  notice  **${notice.key}**: ${notice.message}`;
}
