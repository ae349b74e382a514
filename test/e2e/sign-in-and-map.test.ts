import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { axeViolations, launchChromium, signInThroughForm } from '../support/browser.js';
import { startRunningApp, type RunningApp } from '../support/running-app.js';

describe('end to end: signing in and seeing the partnership', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startRunningApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signIn(local: string): Promise<Page> {
    const page = await browser.newPage({ bypassCSP: false });
    await signInThroughForm(page, app.url, local, DEMO_PASSWORD);
    return page;
  }

  /** axe's landmark and skip-link rules, which the WCAG tags leave out, over the whole page. */
  async function regionAndSkipLinkViolations(page: Page): Promise<string[]> {
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: ['region', 'skip-link'] });
      return result.violations.map((violation) => violation.id);
    });
  }

  it('signs in the JAG chair at home: next meetings with dates, their actions, and overdue actions by owner and agency', async () => {
    const page = await signIn('chair.jag');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { name: 'Your meetings', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Your actions', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Overdue actions in the bodies you run', level: 2 }).waitFor();
    expect(await page.getByRole('link', { name: 'My actions', exact: false }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await regionAndSkipLinkViolations(page)).toEqual([]);

    // Keyboard: on a freshly loaded page, the first Tab stop skips to the main content.
    await page.reload();
    await page.getByRole('heading', { name: 'Your meetings', level: 2 }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.localName;
    })).toBe('main');
    await page.close();
  });

  it('refuses to schedule a meeting in the past, in the chair’s own words', async () => {
    const page = await signIn('chair.jag');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partnership map' }).click();
    await page.getByRole('group', { name: 'Partnership diagram' }).getByRole('link', { name: /^Charnwood Joint Action Group/ }).click();
    await page.getByRole('heading', { name: 'Schedule a meeting' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill('12/11/2020');
    await page.getByLabel('Start time').fill('18:30');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByText('The meeting must start in the future; check the date and time').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/bodies\/\d+$/);
    await page.close();
  });

  it('shows the JAG chair the map at /map with the JAG highlighted and the route up to the SPB', async () => {
    const page = await signIn('chair.jag');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partnership map' }).click();
    await page.getByRole('heading', { name: 'Partnership map', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/map');
    const diagram = page.getByRole('group', { name: 'Partnership diagram' });
    const jag = diagram.getByRole('link', { name: /^Charnwood Joint Action Group/ });
    await expect(jag.textContent()).resolves.toContain('Your role: Chair');
    expect(await page.getByText('Helen Whitmore').first().isVisible()).toBe(true);
    const route = page.getByRole('region', { name: /Your escalation route/ });
    await expect(route.textContent()).resolves.toContain(
      'Charnwood Joint Action Group → Charnwood Community Safety Partnership → Strategic Partnership Board',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await regionAndSkipLinkViolations(page)).toEqual([]);

    await jag.click();
    await page.getByRole('heading', { name: 'Charnwood Joint Action Group', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/bodies\/\d+$/);
    await page.getByRole('heading', { name: 'Upcoming meetings' }).waitFor();
    expect(await page.getByText(/\d{2}\/\d{2}\/\d{4}, 10:00/).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await regionAndSkipLinkViolations(page)).toEqual([]);

    await page.reload(); // a deep link survives a reload
    await page.getByRole('heading', { name: 'Charnwood Joint Action Group', level: 1 }).waitFor();
    await page.close();
  });

  it('shows the outsider a confidential body’s name but not its members or meetings', async () => {
    const page = await signIn('outsider');
    await page.goto(`${app.url}/map`);
    await page.getByRole('group', { name: 'Partnership diagram' }).getByRole('link', { name: /Charnwood Youth JAG/ }).click();
    await page.getByText('This is a confidential body. Only its members can see its members and meetings.').waitFor();
    expect(await page.getByRole('heading', { name: 'Members' }).count()).toBe(0);
    expect(await page.getByText('Marcus Hale').count()).toBe(0);
    await page.close();
  });

  it('refuses a wrong password with a message on the form', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Email address').fill('chair.jag@demo.quorum.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email address or password is not right').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Partnership map' }).count()).toBe(0);
    await page.close();
  });
});
