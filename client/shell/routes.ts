/** The pages of the app and the paths that reach them. No DOM, so it is testable anywhere. */
import { idParam } from '../../shared/schemas.js';

export type Route =
  | { page: 'home' }
  | { page: 'map' }
  | { page: 'body'; bodyId: number }
  | { page: 'action-log'; bodyId: number }
  | { page: 'my-actions' }
  | { page: 'escalations'; bodyId: number }
  | { page: 'escalation'; escalationId: number }
  | { page: 'priorities'; bodyId: number }
  | { page: 'priority'; priorityId: number }
  | { page: 'meeting'; meetingId: number }
  | { page: 'minutes'; meetingId: number }
  | { page: 'minutes-archive'; bodyId: number }
  | { page: 'search' }
  | { page: 'sign-in' }
  | { page: 'not-found' };

/** Each page's name, for the document title. */
export const PAGE_TITLES: Record<Route['page'], string> = {
  home: 'Home',
  map: 'Partnership map',
  body: 'Body',
  'action-log': 'Action log',
  'my-actions': 'My actions',
  escalations: 'Escalations',
  escalation: 'Escalation',
  priorities: 'Priorities',
  priority: 'Priority',
  meeting: 'Meeting',
  minutes: 'Minutes',
  'minutes-archive': 'Minutes archive',
  search: 'Search',
  'sign-in': 'Sign in',
  'not-found': 'Page not found',
};

const BODY_PATH = /^\/bodies\/([^/]+)\/?$/;
const ACTION_LOG_PATH = /^\/bodies\/([^/]+)\/actions\/?$/;
const ESCALATIONS_PATH = /^\/bodies\/([^/]+)\/escalations\/?$/;
const ESCALATION_PATH = /^\/escalations\/([^/]+)\/?$/;
const PRIORITIES_PATH = /^\/bodies\/([^/]+)\/priorities\/?$/;
const PRIORITY_PATH = /^\/priorities\/([^/]+)\/?$/;
const MEETING_PATH = /^\/meetings\/([^/]+)\/?$/;
const MINUTES_PATH = /^\/meetings\/([^/]+)\/minutes\/?$/;
const MINUTES_ARCHIVE_PATH = /^\/bodies\/([^/]+)\/minutes\/?$/;

/** The id in a path segment, if it is written exactly as an id ("1e3" coerces to a number but is no id anyone linked to). */
function pathId(segment: string | undefined): number | undefined {
  const id = idParam.safeParse(segment);
  return id.success && String(id.data) === segment ? id.data : undefined;
}

export function routeFor(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === MAP_PATH || pathname === `${MAP_PATH}/`) return { page: 'map' };
  if (pathname === '/sign-in' || pathname === '/sign-in/') return { page: 'sign-in' };
  if (pathname === '/my-actions' || pathname === '/my-actions/') return { page: 'my-actions' };
  if (pathname === '/search' || pathname === '/search/') return { page: 'search' };
  const actionLogBodyId = pathId(ACTION_LOG_PATH.exec(pathname)?.[1]);
  if (actionLogBodyId !== undefined) return { page: 'action-log', bodyId: actionLogBodyId };
  const escalationsBodyId = pathId(ESCALATIONS_PATH.exec(pathname)?.[1]);
  if (escalationsBodyId !== undefined) return { page: 'escalations', bodyId: escalationsBodyId };
  const escalationId = pathId(ESCALATION_PATH.exec(pathname)?.[1]);
  if (escalationId !== undefined) return { page: 'escalation', escalationId };
  const prioritiesBodyId = pathId(PRIORITIES_PATH.exec(pathname)?.[1]);
  if (prioritiesBodyId !== undefined) return { page: 'priorities', bodyId: prioritiesBodyId };
  const priorityId = pathId(PRIORITY_PATH.exec(pathname)?.[1]);
  if (priorityId !== undefined) return { page: 'priority', priorityId };
  const archiveBodyId = pathId(MINUTES_ARCHIVE_PATH.exec(pathname)?.[1]);
  if (archiveBodyId !== undefined) return { page: 'minutes-archive', bodyId: archiveBodyId };
  const bodyId = pathId(BODY_PATH.exec(pathname)?.[1]);
  if (bodyId !== undefined) return { page: 'body', bodyId };
  const meetingId = pathId(MEETING_PATH.exec(pathname)?.[1]);
  if (meetingId !== undefined) return { page: 'meeting', meetingId };
  const minutesMeetingId = pathId(MINUTES_PATH.exec(pathname)?.[1]);
  if (minutesMeetingId !== undefined) return { page: 'minutes', meetingId: minutesMeetingId };
  return { page: 'not-found' };
}

export const HOME_PATH = '/';

/** The partnership map: every body and its escalation route. */
export const MAP_PATH = '/map';

export function bodyPath(bodyId: number): string {
  return `/bodies/${bodyId}`;
}

export function actionLogPath(bodyId: number): string {
  return `/bodies/${bodyId}/actions`;
}

export const MY_ACTIONS_PATH = '/my-actions';

/** A body's escalations: received and sent. */
export const escalationsPath = (bodyId: number) => `/bodies/${bodyId}/escalations`;
/** One escalation and its trail. */
export const escalationPath = (escalationId: number) => `/escalations/${escalationId}`;
/** A body's priorities: received and sent. */
export const prioritiesPath = (bodyId: number) => `/bodies/${bodyId}/priorities`;
/** One priority and its golden thread. */
export const priorityPath = (priorityId: number) => `/priorities/${priorityId}`;

export function meetingPath(meetingId: number): string {
  return `/meetings/${meetingId}`;
}

/** A meeting's minutes laid out for printing, with where they stand and their versions. */
export function minutesPath(meetingId: number): string {
  return `/meetings/${meetingId}/minutes`;
}

/** One copy of a meeting's minutes: a stored version's number, or the working draft. */
export const minutesRevisionPath = (meetingId: number, revision: number | 'working') => `${minutesPath(meetingId)}?revision=${revision}`;

/** A body's minutes, meeting by meeting. */
export const minutesArchivePath = (bodyId: number) => `/bodies/${bodyId}/minutes`;

/**
 * Whether a click on a link to `url` should be handled by the client-side
 * router rather than a full page load: same origin, and not an API or asset URL.
 */
export function isAppUrl(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  if (url.pathname.startsWith('/api/')) return false;
  return !/\.[a-z0-9]+$/i.test(url.pathname);
}
