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

  it('signs in the JAG chair, who sees the map with the JAG highlighted and the route up to the SPB', async () => {
    const page = await signIn('chair.jag');
    const diagram = page.getByRole('group', { name: 'Partnership diagram' });
    const jag = diagram.getByRole('link', { name: /Charnwood Joint Action Group/ });
    await expect(jag.textContent()).resolves.toContain('Your role: Chair');
    expect(await page.getByText('Helen Whitmore').first().isVisible()).toBe(true);
    const route = page.getByRole('region', { name: /Your escalation route/ });
    await expect(route.textContent()).resolves.toContain(
      'Charnwood Joint Action Group → Charnwood Community Safety Partnership → Strategic Partnership Board',
    );
    expect(await axeViolations(page)).toEqual([]);

    await jag.click();
    await page.getByRole('heading', { name: 'Charnwood Joint Action Group', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/bodies\/\d+$/);
    await page.getByRole('heading', { name: 'Upcoming meetings' }).waitFor();
    expect(await page.getByText(/\d{2}\/\d{2}\/\d{4}, 10:00/).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload(); // a deep link survives a reload
    await page.getByRole('heading', { name: 'Charnwood Joint Action Group', level: 1 }).waitFor();
    await page.close();
  });

  it('shows the outsider a confidential body’s name but not its members or meetings', async () => {
    const page = await signIn('outsider');
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
