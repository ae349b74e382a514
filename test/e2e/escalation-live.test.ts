import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BodiesResponse } from '../../shared/api.js';
import { axeViolations, unreadNotifications } from '../support/browser.js';
import { useAppAndBrowser } from '../support/two-partners.js';

const WARWICK_WAY = 'Map repeat ASB locations on the Warwick Way estate';
const SUMMARY = 'Repeat ASB on the Warwick Way estate needs a CSP-funded youth diversion offer';

describe('end to end: an escalation from the JAG arriving at the CSP, live', () => {
  const partners = useAppAndBrowser({ viewport: { width: 1500, height: 1000 } });

  async function bodyIds(page: Page): Promise<Record<string, number>> {
    const { bodies } = (await (await page.request.get(`${partners.app.url}/api/bodies`)).json()) as BodiesResponse;
    return Object.fromEntries(bodies.map((body) => [body.shortName, body.id]));
  }

  it('the JAG chair escalates; the CSP chair sees it arrive and the count change without reloading, and returns it', async () => {
    const jagChair = await partners.signIn('chair.jag');
    const cspChair = await partners.signIn('chair.csp');
    const ids = await bodyIds(jagChair);

    // The CSP chair waits on the CSP's escalations inbox.
    await cspChair.goto(`${partners.app.url}/bodies/${ids['Charnwood CSP']}/escalations`);
    await cspChair.getByRole('heading', { level: 2, name: 'Received' }).waitFor();
    const unreadBefore = await unreadNotifications(cspChair);

    // The JAG chair opens the action and escalates it from the keyboard-usable dialog.
    await jagChair.goto(`${partners.app.url}/bodies/${ids['Charnwood JAG']}/actions`);
    const row = jagChair.locator('action-log-table tbody tr', { hasText: WARWICK_WAY });
    await row.getByRole('button', { name: /details of/ }).click();
    await jagChair.getByRole('button', { name: /^Escalate to / }).click();
    const dialog = jagChair.getByRole('dialog');
    await dialog.getByLabel('Summary').fill(SUMMARY);
    await dialog.getByLabel('Reason for escalating').fill('No partner at the JAG holds a budget for diversion work');
    await dialog.getByRole('button', { name: /^Escalate to / }).click();
    const panel = jagChair.locator('action-escalation-panel');
    await expect.poll(() => panel.locator('.where').first().textContent()).toMatch(/awaiting an answer/i);

    // It arrives in the CSP's inbox and the notification count goes up, with no reload.
    await cspChair.getByRole('link', { name: SUMMARY }).waitFor();
    await expect.poll(() => unreadNotifications(cspChair)).toBe(unreadBefore + 1);
    expect(await axeViolations(cspChair)).toEqual([]);

    // The notification centre lists it, with a link to the escalation.
    await cspChair.locator('notification-centre button[aria-controls]').click();
    await cspChair.getByRole('list', { name: 'Latest notifications' }).getByText(SUMMARY, { exact: false }).first().waitFor();
    expect(await axeViolations(cspChair)).toEqual([]);
    await cspChair.keyboard.press('Escape');

    // The CSP chair returns it with guidance; the JAG chair's open action shows it, live.
    await cspChair.getByRole('link', { name: SUMMARY }).click();
    await cspChair.getByRole('heading', { level: 2, name: 'Answer this escalation' }).waitFor();
    expect(await axeViolations(cspChair)).toEqual([]);
    await cspChair.getByLabel('Return with guidance').check();
    await cspChair.getByRole('textbox', { name: 'Guidance' }).fill('Ask the Youth Justice Service for a diversion place first');
    await cspChair.getByRole('button', { name: 'Return with guidance' }).click();
    await cspChair.getByText(/returned/i).first().waitFor();

    await expect.poll(() => panel.locator('.where').first().textContent(), { timeout: 10_000 }).toMatch(/returned/i);
    await panel.getByText('Ask the Youth Justice Service for a diversion place first').first().waitFor();
    expect(await axeViolations(jagChair)).toEqual([]);
  });
});
