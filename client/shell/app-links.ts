import { isAppUrl } from './routes.js';

/**
 * The app path a click should go to without a page load, or undefined when
 * the browser should handle it: modified or non-primary clicks, downloads,
 * other targets, other origins, API and asset URLs, and links to a fragment
 * of the page already shown.
 */
export function appLinkPath(event: MouseEvent, here: Pick<Location, 'origin' | 'pathname' | 'search'>): string | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
  if (!anchor || !anchor.href || anchor.hasAttribute('download')) return undefined;
  if (anchor.target && anchor.target !== '_self') return undefined;
  const url = new URL(anchor.href);
  if (!isAppUrl(url, here.origin)) return undefined;
  if (url.pathname === here.pathname && url.search === here.search && url.hash) return undefined;
  return url.pathname + url.search;
}
