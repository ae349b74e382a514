/**
 * How a page loads what it shows: a missing thing is an answer to render,
 * not a failure, and a failure says why and offers to try again.
 */
import { TaskStatus, type Task } from '@lit/task';
import { html, nothing } from 'lit';
import { ApiError } from './api.js';
import { explainApiError } from './api-errors.js';
import { pageTitleEvent } from './events.js';

/** What a page loaded: what it shows, or word that there is nothing at its address (a 404). */
export type Found<T extends object> = ({ found: true } & T) | { found: false };

/** Runs `load`, answering `notFound` for a 404; any other failure becomes an error fit to show. */
export async function loadUnlessNotFound<T>(host: EventTarget, load: () => Promise<T>, notFound: T): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFound;
    throw new Error(explainApiError(host, error));
  }
}

export interface TitledPageLoad<T> {
  load: () => Promise<T>;
  notFound: T;
  /** The page title once loaded, found or not. */
  heading: (loaded: T) => string;
  failedHeading: string;
}

/**
 * `loadUnlessNotFound`, telling the app the page's title as it settles. A
 * load overtaken by another (the address changed) says nothing, so the title
 * is always the current page's.
 */
export async function loadTitledPage<T>(host: EventTarget, signal: AbortSignal, { load, notFound, heading, failedHeading }: TitledPageLoad<T>): Promise<T> {
  const announce = (title: string) => {
    if (!signal.aborted) host.dispatchEvent(pageTitleEvent(title));
  };
  let loaded: T;
  try {
    loaded = await loadUnlessNotFound(host, load, notFound);
  } catch (error) {
    announce(failedHeading);
    throw error;
  }
  announce(heading(loaded));
  return loaded;
}

/** Whether the task has yet to answer (it has not started, or is fetching). */
export function isLoading(task: Task<readonly unknown[], unknown>): boolean {
  return task.status === TaskStatus.INITIAL || task.status === TaskStatus.PENDING;
}

export const loadingStatus = html`<p class="status" role="status">Loading…</p>`;

/** Why a page could not be loaded, with a button to try again. */
export function loadFailedPanel(error: unknown, onRetry: () => void, heading?: string) {
  return html`<div class="error-panel" role="alert">
    ${heading ? html`<h2>${heading}</h2>` : nothing}
    <p>${(error as Error).message}</p>
    <p><button type="button" class="secondary" @click=${onRetry}>Try again</button></p>
  </div>`;
}

export interface PageBody<L extends { found: boolean }> {
  task: Task<readonly unknown[], unknown>;
  /** What to show, or undefined while there is nothing yet (or nothing for this address). */
  loaded: L | undefined;
  /** The heading once loaded, found or not. */
  heading: (loaded: L) => string;
  failedHeading: string;
  loadingHeading: string;
  /** What to say when nothing is at the address. */
  notFound: unknown;
  content: (found: Extract<L, { found: true }>) => unknown;
}

/**
 * A page's heading and the busy region under it: why it could not be loaded
 * (with Try again), that it is loading, that nothing is there, or the content.
 */
export function pageBody<L extends { found: boolean }>({ task, loaded, heading, failedHeading, loadingHeading, notFound, content }: PageBody<L>) {
  const failed = task.status === TaskStatus.ERROR;
  return html`<h1 tabindex="-1">${failed ? failedHeading : loaded ? heading(loaded) : loadingHeading}</h1>
    <div aria-busy=${isLoading(task) ? 'true' : 'false'}>
      ${failed
        ? loadFailedPanel(task.error, () => void task.run())
        : !loaded
          ? loadingStatus
          : loaded.found
            ? content(loaded as Extract<L, { found: true }>)
            : notFound}
    </div>`;
}
