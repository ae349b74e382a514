import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { launchChromium, signInThroughForm } from './browser.js';
import { startRunningApp, type RunningApp } from './running-app.js';

export interface TwoPartners {
  /** The running app (available once the suite has started). */
  readonly app: RunningApp;
  /** Signs a demo user in, in a browser context of their own, as on a separate computer. */
  signIn(local: string): Promise<Page>;
}

/** For an end-to-end suite: the real app in its own process, and Chromium, for the whole suite. */
export function useAppAndBrowser({ viewport = { width: 1400, height: 1000 } } = {}): TwoPartners {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startRunningApp(), launchChromium()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      if (!app) throw new Error('the app has not started');
      return app;
    },
    async signIn(local) {
      const context = await browser!.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await signInThroughForm(page, app!.url, local, DEMO_PASSWORD);
      return page;
    },
  };
}
