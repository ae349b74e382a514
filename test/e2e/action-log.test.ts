import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ActionsResponse, BodiesResponse, MeetingResponse } from '../../shared/api.js';
import { axeViolations } from '../support/browser.js';
import { useAppAndBrowser } from '../support/two-partners.js';

const WARWICK_WAY = 'Map repeat ASB locations on the Warwick Way estate';

describe('end to end: two partners on the JAG action log', () => {
  const partners = useAppAndBrowser({ viewport: { width: 1500, height: 1000 } });
  const signIn = (local: string) => partners.signIn(local);

  async function jagId(page: Page): Promise<number> {
    const { bodies } = (await (await page.request.get(`${partners.app.url}/api/bodies`)).json()) as BodiesResponse;
    return bodies.find((body) => body.shortName === 'Charnwood JAG')!.id;
  }

  const row = (page: Page, title: string) => page.locator('action-log-table tbody tr', { hasText: title });

  it('chair and member edit the same action at once, see both edits and see each other on the row', async () => {
    const chair = await signIn('chair.jag');
    const member = await signIn('member.jag');
    const jag = await jagId(chair);

    // The member finds the log from the body page; the chair goes straight there.
    await member.goto(`${partners.app.url}/bodies/${jag}`);
    await member.getByRole('link', { name: 'Charnwood JAG action log' }).click();
    await chair.goto(`${partners.app.url}/bodies/${jag}/actions`);
    for (const page of [chair, member]) {
      await page.getByRole('heading', { name: 'Charnwood JAG action log' }).waitFor();
      await page.getByText('Connected: changes are shared live').waitFor();
      await row(page, WARWICK_WAY).waitFor();
    }
    // Nav badge: the member owns an overdue action.
    await expect.poll(() => member.getByRole('link', { name: /My actions/ }).textContent()).toMatch(/My actions\s*\(\d+ overdue\)/);

    // The chair starts editing the due date from the keyboard...
    await row(chair, WARWICK_WAY).getByRole('button', { name: /change due date/ }).focus();
    await chair.keyboard.press('F2');
    const dueInput = row(chair, WARWICK_WAY).getByLabel(/^Due date of JAG-\d{4}$/);
    await dueInput.waitFor();

    // ...while the member opens the action and types its description.
    await row(member, WARWICK_WAY).getByRole('button', { name: /details of/ }).click();
    const description = member.locator('action-detail').getByLabel('Description');
    await description.click();
    await member.keyboard.type('Hotspots from the last quarter’s calls.');

    // Each sees the other on the row.
    await expect.poll(() => row(chair, WARWICK_WAY).locator('.editors').textContent()).toContain('Daniel Okafor editing');
    await expect.poll(() => row(member, WARWICK_WAY).locator('.editors').textContent()).toContain('Helen Whitmore editing');

    await dueInput.fill('2027-03-31');
    await chair.keyboard.press('Enter');
    await expect.poll(() => row(member, WARWICK_WAY).textContent()).toContain('31/03/2027');
    await expect.poll(() => row(chair, WARWICK_WAY).textContent()).toContain('31/03/2027');
    // The member's typing was not disturbed, and the chair's copy has it too.
    expect(await description.inputValue()).toBe('Hotspots from the last quarter’s calls.');
    await row(chair, WARWICK_WAY).getByRole('button', { name: /details of/ }).click();
    await expect.poll(() => chair.locator('action-detail').getByLabel('Description').inputValue()).toBe('Hotspots from the last quarter’s calls.');

    // The member may only move their action between open, in progress and done.
    await row(member, WARWICK_WAY).getByRole('button', { name: /change status/ }).press('Enter');
    const statusOptions = await member.locator('action-log-table select[id^="edit-"] option').allInnerTexts();
    expect(statusOptions).toEqual(['Open', 'In progress', 'Done']);
    await member.keyboard.press('Escape');

    // The server's projection caught both edits.
    await expect
      .poll(async () => {
        const { actions } = (await (await chair.request.get(`${partners.app.url}/api/bodies/${jag}/actions?q=Warwick`)).json()) as ActionsResponse;
        return actions[0] && { due: actions[0].dueDate, description: actions[0].description };
      })
      .toEqual({ due: '2027-03-31', description: 'Hotspots from the last quarter’s calls.' });

    expect(await axeViolations(chair)).toEqual([]);
    expect(await axeViolations(member)).toEqual([]);

    // My actions: grouped by body, overdue first, and a progress update goes straight into the live log.
    await member.getByRole('link', { name: /My actions/ }).click();
    await member.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
    await member.getByRole('heading', { name: 'Charnwood Joint Action Group', level: 2 }).waitFor();
    expect(await axeViolations(member)).toEqual([]);
  });

  it('a member raises an action from the minutes of a live meeting and it gets a reference in the log', async () => {
    const chair = await signIn('chair.jag');
    const jag = await jagId(chair);
    const scheduled = await chair.request.post(`${partners.app.url}/api/bodies/${jag}/meetings`, {
      data: { startsAt: '2026-12-15T10:00:00Z', location: 'Southfields, Loughborough' },
    });
    const { meeting } = (await scheduled.json()) as MeetingResponse;
    // No body reads as a form post to the CSRF check, which then wants the page's origin.
    const started = await chair.request.post(`${partners.app.url}/api/meetings/${meeting.id}/start`, { headers: { Origin: partners.app.url } });
    expect(started.status()).toBe(200);

    const member = await signIn('member.jag');
    await member.goto(`${partners.app.url}/meetings/${meeting.id}`);
    await member.getByText('Connected: changes are shared live').waitFor();
    const minutes = member.getByLabel('Minutes of Apologies');
    await minutes.click();
    await member.keyboard.type('Agreed: Check CCTV coverage on Ashby Road');
    // Select the action's words and raise it without leaving the keyboard.
    await minutes.evaluate((textarea: HTMLTextAreaElement) => textarea.setSelectionRange(8, textarea.value.length));
    await member.keyboard.press('Alt+Shift+A');
    const title = member.getByLabel('Action', { exact: true });
    await expect.poll(() => title.inputValue()).toBe('Check CCTV coverage on Ashby Road');
    await member.getByLabel('Owner').selectOption({ label: 'Daniel Okafor (Police)' });
    await member.getByLabel('Due date').fill('2027-01-31');
    await member.getByRole('button', { name: 'Add action' }).click();
    // The selection becomes the action's line, with its reference, owner and due date.
    await expect.poll(() => minutes.inputValue()).toMatch(/ACTION JAG-\d{4} \(Daniel Okafor, by 31\/01\/2027\): Check CCTV coverage on Ashby Road/);
    // Focus is back in the minutes.
    expect(await minutes.evaluate((textarea) => textarea.matches(':focus'))).toBe(true);

    await chair.goto(`${partners.app.url}/bodies/${jag}/actions`);
    const raised = row(chair, 'Check CCTV coverage on Ashby Road');
    await expect.poll(() => raised.locator('td.reference button').textContent()).toMatch(/^\s*JAG-\d{4}:/);
    expect(await raised.textContent()).toContain('31/01/2027');
  });

  it('on a phone the log scrolls inside its own region, not the page; from My actions an owner marks an action done and the chair sees it live', async () => {
    const chair = await signIn('chair.jag');
    const member = await signIn('member.jag');
    const jag = await jagId(chair);
    await member.setViewportSize({ width: 390, height: 844 });
    await member.goto(`${partners.app.url}/bodies/${jag}/actions`);
    await row(member, WARWICK_WAY).waitFor();
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Each column header sits over its column.
    const lefts = await member.locator('action-log-table').evaluate((table) => {
      const root = table.shadowRoot!;
      const left = (el: Element) => Math.round(el.getBoundingClientRect().left);
      return { headers: [...root.querySelectorAll('thead th')].map(left), cells: [...root.querySelectorAll('tbody tr[data-action-id]:first-child td')].map(left) };
    });
    expect(lefts.cells).toEqual(lefts.headers);

    await chair.goto(`${partners.app.url}/bodies/${jag}/actions`);
    await row(chair, WARWICK_WAY).waitFor();
    await member.goto(`${partners.app.url}/my-actions`);
    await member.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
    await member.getByRole('button', { name: /^Mark done\W+Map repeat ASB locations on the Warwick Way estate$/ }).click();
    // Done, it leaves the chair's list of outstanding actions at once.
    await expect.poll(() => row(chair, WARWICK_WAY).count()).toBe(0);
    await member.getByText('Status Done').waitFor();
    expect(await axeViolations(member)).toEqual([]);
  }, 60_000);
});
