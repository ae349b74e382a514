import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BodiesResponse } from '../../shared/api.js';
import { axeViolations, unreadNotifications } from '../support/browser.js';
import { useAppAndBrowser } from '../support/two-partners.js';

const WARWICK_WAY = 'Map repeat ASB locations on the Warwick Way estate';
const PRIORITY = 'Cut repeat anti-social behaviour in priority neighbourhoods';

describe('end to end: a priority routed down from the SPB, and its golden thread, live', () => {
  const partners = useAppAndBrowser({ viewport: { width: 1500, height: 1000 } });

  async function bodyIds(page: Page): Promise<Record<string, number>> {
    const { bodies } = (await (await page.request.get(`${partners.app.url}/api/bodies`)).json()) as BodiesResponse;
    return Object.fromEntries(bodies.map((body) => [body.shortName, body.id]));
  }

  it('the SPB chair publishes; the JAG chair acknowledges and links an action; the SPB chair sees both arrive', async () => {
    const spbChair = await partners.signIn('chair.spb');
    const jagChair = await partners.signIn('chair.jag');
    const ids = await bodyIds(spbChair);
    for (const page of [spbChair, jagChair]) page.setDefaultTimeout(8_000);

    const jagUnread = await unreadNotifications(jagChair);
    await spbChair.goto(`${partners.app.url}/bodies/${ids.SPB}/priorities`);
    await spbChair.getByRole('heading', { level: 2, name: 'Publish a priority' }).waitFor();
    expect(await axeViolations(spbChair)).toEqual([]);
    await spbChair.getByLabel('Title').fill(PRIORITY);
    await spbChair.getByLabel('Description').fill('Every JAG identifies its repeat locations and acts on them within the quarter.');
    await spbChair.getByLabel('Theme (optional)').fill('Anti-social behaviour');
    await spbChair.getByLabel('Charnwood Community Safety Partnership').check();
    await spbChair.getByLabel('Charnwood Joint Action Group').check();
    await spbChair.getByRole('button', { name: 'Publish priority' }).click();
    await spbChair.getByRole('link', { name: PRIORITY }).click();
    await spbChair.getByRole('heading', { level: 2, name: 'The golden thread' }).waitFor();
    const jagThread = spbChair.locator('section.priority', { has: spbChair.getByRole('heading', { name: 'Charnwood Joint Action Group' }) });
    await jagThread.getByText('Not acknowledged yet').waitFor();
    expect(await axeViolations(spbChair)).toEqual([]);

    // The JAG chair is told, and acknowledges it from the JAG's priorities.
    await expect.poll(() => unreadNotifications(jagChair)).toBe(jagUnread + 1);
    await jagChair.goto(`${partners.app.url}/bodies/${ids['Charnwood JAG']}/priorities`);
    await jagChair.getByRole('heading', { level: 3, name: PRIORITY }).waitFor();
    expect(await axeViolations(jagChair)).toEqual([]);
    await jagChair.getByRole('button', { name: /^Acknowledge/ }).click();
    await jagChair.getByText(/Acknowledged by Helen Whitmore/).first().waitFor();

    // The SPB chair's golden thread shows the acknowledgement without reloading.
    await jagThread.getByText(/Acknowledged by Helen Whitmore/).waitFor();

    // The JAG chair links an action to it in the live log; it rolls up to the SPB, live.
    await jagChair.goto(`${partners.app.url}/bodies/${ids['Charnwood JAG']}/actions`);
    const row = jagChair.locator('action-log-table tbody tr', { hasText: WARWICK_WAY });
    await row.getByRole('button', { name: /details of/ }).click();
    await jagChair.locator('action-detail').getByLabel('Priority').selectOption({ label: `${PRIORITY} (from Strategic Partnership Board)` });
    await jagChair.getByRole('link', { name: `Serves the priority: ${PRIORITY}` }).waitFor();

    await jagThread.getByText(WARWICK_WAY).waitFor({ timeout: 10_000 });
    await expect.poll(() => jagThread.locator('dl.counts').textContent()).toMatch(/Outstanding\s*1/);
    expect(await axeViolations(spbChair)).toEqual([]);

    // From the action, the thread leads up to the priority it serves.
    await jagChair.getByRole('link', { name: `Serves the priority: ${PRIORITY}` }).click();
    await jagChair.getByRole('heading', { level: 1, name: PRIORITY }).waitFor();
  });
});
