import path from 'node:path';

/** A path with forward slashes, as diagnostics, routes and URLs use them on every platform. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

const URL_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** True for a link with a scheme (`https:`, `mailto:`, `javascript:`): it leaves the site's own paths. */
export function hasUrlScheme(url: string): boolean {
  return URL_SCHEME.test(url);
}

/** True for a link that names another host: a scheme, or a protocol-relative `//host/…`. */
export function isExternalUrl(url: string): boolean {
  return hasUrlScheme(url) || url.startsWith('//');
}

/** `decodeURIComponent`, or the value as it is when it holds a stray `%`. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
