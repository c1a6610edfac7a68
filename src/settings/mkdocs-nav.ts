import path from 'node:path';
import type { NavItem } from './mkdocs-fields.ts';
import { expected, isMapping, type MkdocsReading } from './mkdocs-reading.ts';
import type { YamlPath } from './mkdocs-yaml.ts';

const ADDRESS = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|\/\/|\/)/;

/**
 * MkDocs' `nav` as a tree: `- page.md`, `- Title: page.md`, `- Section: [...]`. A path
 * that names no file of `docsDir` becomes a link (`url`), as MkDocs makes it, with a notice
 * unless it is an address (`https://…`, `/…`).
 */
export function readNav(
  value: unknown,
  reading: MkdocsReading,
  isDocsFile: (file: string) => boolean,
): NavItem[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Array.isArray(value)) {
    reading.error(['nav'], expected('a list of pages and sections', value));
    return undefined;
  }
  const items = readItems(value, ['nav'], reading, isDocsFile);
  return items.length === 0 ? undefined : items;
}

function readItems(
  value: readonly unknown[],
  at: YamlPath,
  reading: MkdocsReading,
  isDocsFile: (file: string) => boolean,
): NavItem[] {
  return value.flatMap((item, index) => {
    const itemPath = [...at, index];
    if (typeof item === 'string') return [target(undefined, item, itemPath, reading, isDocsFile)];
    if (isMapping(item) && Object.keys(item).length === 1) {
      const [title, inner] = Object.entries(item)[0]!;
      return [entry(title, inner, [...itemPath, title], reading, isDocsFile)].flatMap((found) => found ?? []);
    }
    reading.error(itemPath, expected('a page, `Title: page.md` or `Section: [...]`', item));
    return [];
  });
}

function entry(
  title: string,
  inner: unknown,
  at: YamlPath,
  reading: MkdocsReading,
  isDocsFile: (file: string) => boolean,
): NavItem | undefined {
  if (typeof inner === 'string') return target(title, inner, at, reading, isDocsFile);
  if (Array.isArray(inner)) return { title, children: readItems(inner, at, reading, isDocsFile) };
  if (isMapping(inner) && Object.keys(inner).length > 0) {
    // MkDocs warns about a mapping here but reads it as a section, one entry per key.
    const children = Object.entries(inner).flatMap(
      ([key, value]) => entry(key, value, [...at, key], reading, isDocsFile) ?? [],
    );
    return { title, children };
  }
  reading.error(at, expected('a page path or a list of entries', inner));
  return undefined;
}

function target(
  title: string | undefined,
  written: string,
  at: YamlPath,
  reading: MkdocsReading,
  isDocsFile: (file: string) => boolean,
): NavItem {
  const withTitle = title === undefined ? {} : { title };
  if (ADDRESS.test(written)) return { ...withTitle, url: written };
  const file = path.posix.normalize(written.replaceAll('\\', '/'));
  if (isDocsFile(file)) return { ...withTitle, file };
  reading.notice(
    at,
    `\`${written}\` is not a file of the content folder; MkDocs shows it as a link, and so does the site`,
  );
  return { ...withTitle, url: written };
}
