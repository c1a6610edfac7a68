// Astro middleware (added by the integration for builds only): hands each rendered page's HTML to
// the build's page tap, so that the search index is built while the pages are rendered.
import type { MiddlewareHandler } from 'astro';
import { pageTap } from './page-tap.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const tap = pageTap();
  if (!tap) return next();
  // Told before rendering, so that pages rendered side by side keep the order they started in.
  const rendered = tap(context.url.pathname, context.routePattern);
  let html: string | undefined;
  try {
    const response = await next();
    const redirect = response.status >= 300 && response.status < 400;
    if (redirect || !response.headers.get('content-type')?.startsWith('text/html')) return response;
    html = await response.text();
    // The documented way to pass a read response on: the same body, status and headers.
    return new Response(html, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } finally {
    rendered(html);
  }
};
