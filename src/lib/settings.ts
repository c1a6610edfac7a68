import { resolveSettings, type SiteSettings } from '../pipeline/settings.ts';
import siteConfig from '../site.config.ts';

/** The validated site settings, for pages and components. */
export function siteSettings(): SiteSettings {
  return resolveSettings(siteConfig, process.cwd(), process.env);
}
