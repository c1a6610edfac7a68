import { resolveSettings, type SiteSettings } from '../settings/settings.ts';
import siteConfig from '../site.config.ts';

let resolved: SiteSettings | undefined;

/** The validated site settings, for pages and components; resolved once (a changed config restarts the dev server). */
export function siteSettings(): SiteSettings {
  return (resolved ??= resolveSettings(siteConfig, process.cwd(), process.env));
}
