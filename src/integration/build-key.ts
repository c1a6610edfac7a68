import path from 'node:path';
import { serialize } from 'node:v8';
import { digest } from '../core/cache-store.ts';
import { ENV, type Environment } from '../core/env.ts';
import type { SiteSettings } from '../settings/settings.ts';
import type { SiteDataFile } from '../site/open-site-data.ts';
import { stampOf } from './file-stamps.ts';

/** Everything a build publishes from, besides the product's code. */
export interface BuildSources {
  /** The pages' data as this build wrote it: every entry, its facts and its body's key. */
  data: SiteDataFile;
  /** The folder of rendered bodies, and the keys of the bodies the pages read. */
  bodiesDir: string;
  bodyKeys: Iterable<string>;
  /** The content folder's static files, relative to it. */
  contentDir: string;
  assets: Iterable<string>;
  settings: SiteSettings;
  /** Where the site is published. */
  outDir: string;
  env: Environment;
  /** The build command's arguments, which may override the configuration. */
  argv: readonly string[];
  /** See `productCodeIdentity()`. */
  code: string;
}

/**
 * A digest of everything a build's output depends on: two builds with the same key publish the
 * same site. A body is rewritten under the same key when a snippet it includes changed, and a
 * static file is copied as it is: both count by their file's stamp, not by name.
 */
export function buildKeyOf(sources: BuildSources): string {
  const bodies = [...sources.bodyKeys].sort().map((key) => path.join(sources.bodiesDir, key));
  const assets = [...sources.assets].sort().map((file) => path.join(sources.contentDir, ...file.split('/')));
  const bodyStamps = bodies.map((file) => stampOf(file));
  const assetStamps = assets.map((file) => stampOf(file, true));
  // Every variable the product reads but the report's file, which changes nothing published.
  const variables = Object.values(ENV)
    .filter((name) => name !== ENV.buildReport)
    .map((name) => `${name}=${sources.env[name] ?? ''}`);
  return digest([
    sources.code,
    // As JSON: an entry parsed in this build and the same entry from the cache hold the same
    // values, but only the parsed one has the fields whose value is `undefined`.
    JSON.stringify(sources.data, collections),
    serialize(sources.settings),
    path.resolve(sources.outDir),
    JSON.stringify(sources.argv),
    ...variables,
    ...bodies.flatMap((file, i) => [file, bodyStamps[i] ?? 'missing']),
    ...assets.flatMap((file, i) => [file, assetStamps[i] ?? 'missing']),
  ]);
}

/** Sets and maps as arrays: `JSON.stringify` would write them as `{}`, whatever they hold. */
function collections(_key: string, value: unknown): unknown {
  if (value instanceof Set) return { $set: [...value] };
  if (value instanceof Map) return { $map: [...value] };
  return value;
}
