/** The pages of the app and the paths that reach them. No DOM, so it is testable anywhere. */
import { idParam } from '../shared/schemas.js';

export type Route =
  | { page: 'map' }
  | { page: 'body'; bodyId: number }
  | { page: 'sign-in' }
  | { page: 'not-found' };

const BODY_PATH = /^\/bodies\/([^/]+)\/?$/;

export function routeFor(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'map' };
  if (pathname === '/sign-in' || pathname === '/sign-in/') return { page: 'sign-in' };
  const bodyMatch = BODY_PATH.exec(pathname);
  if (bodyMatch) {
    const id = idParam.safeParse(bodyMatch[1]);
    // "/bodies/1e3" coerces to a number but is no id anyone linked to.
    if (id.success && String(id.data) === bodyMatch[1]) return { page: 'body', bodyId: id.data };
  }
  return { page: 'not-found' };
}

export function bodyPath(bodyId: number): string {
  return `/bodies/${bodyId}`;
}

/**
 * Whether a click on a link to `url` should be handled by the client-side
 * router rather than a full page load: same origin, and not an API or asset URL.
 */
export function isAppUrl(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  if (url.pathname.startsWith('/api/')) return false;
  return !/\.[a-z0-9]+$/i.test(url.pathname);
}
