import { siteHref } from './site-href.ts';

/**
 * The address of a file the settings name (a logo, a stylesheet): an address stays as it is,
 * a path relative to the content folder becomes a link to the file the site publishes there,
 * as MkDocs publishes those files.
 */
export function assetHref(file: string): string {
  if (/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(file)) return file;
  return siteHref(`/${file.replace(/^\.?\/+/, '')}`);
}
