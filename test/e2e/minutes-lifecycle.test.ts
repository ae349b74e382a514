import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BodiesResponse, MeetingResponse } from '../../shared/api.js';
import type { CouncilMinutes } from '../../shared/council-minutes.js';
import { axeViolations, unreadNotifications } from '../support/browser.js';
import { useAppAndBrowser } from '../support/two-partners.js';

const DAY = 24 * 3600 * 1000;
const CASE_ITEM = 'Named individual: case review';

describe('end to end: minutes from draft to published, and what another partner reads', () => {
  const partners = useAppAndBrowser({ viewport: { width: 1400, height: 1000 } });

  async function post(page: Page, path: string, data?: unknown) {
    // A bodiless post reads as a form post to the CSRF check, which then wants the page's origin.
    const response = await page.request.post(`${partners.app.url}${path}`, data === undefined ? { headers: { Origin: partners.app.url } } : { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
    return response;
  }

  async function scheduleAndStart(page: Page, bodyId: number, inDays: number): Promise<number> {
    const scheduled = await post(page, `/api/bodies/${bodyId}/meetings`, {
      startsAt: new Date(Date.now() + inDays * DAY).toISOString(),
      location: 'Southfields, Loughborough',
    });
    const { meeting } = (await scheduled.json()) as MeetingResponse;
    await post(page, `/api/meetings/${meeting.id}/start`);
    return meeting.id;
  }

  it('the chair finishes the draft after the meeting, members comment, it is confirmed at the next meeting and published; a partner outside the JAG reads the public version', async () => {
    const chair = await partners.signIn('chair.jag');
    const member = await partners.signIn('member.jag');
    const outsider = await partners.signIn('chair.spb');
    for (const page of [chair, member, outsider]) page.setDefaultTimeout(8_000);
    const { bodies } = (await (await chair.request.get(`${partners.app.url}/api/bodies`)).json()) as BodiesResponse;
    const jag = bodies.find((body) => body.shortName === 'Charnwood JAG')!.id;

    const meetingId = await scheduleAndStart(chair, jag, 1);
    await post(chair, `/api/meetings/${meetingId}/close`);

    // After the meeting: the chair still edits the draft, adding a Part II item and choosing why it is exempt.
    await chair.goto(`${partners.app.url}/meetings/${meetingId}`);
    await chair.getByText('Meeting closed — minutes in draft').waitFor();
    await chair.getByText('Connected: changes are shared live').waitFor();
    await chair.getByLabel('Title').fill(CASE_ITEM);
    await chair.getByLabel('Part II (confidential)').check();
    await chair.getByRole('button', { name: 'Add item' }).click();
    await chair.getByRole('button', { name: new RegExp(CASE_ITEM) }).first().click();
    await chair.getByLabel(/^Exempt under Schedule 12A/).selectOption({ label: 'Paragraph 2: information which is likely to reveal the identity of an individual' });
    await chair.getByLabel(`Minutes of ${CASE_ITEM}`).click();
    await chair.keyboard.type('The case of J. Smith was discussed in confidence.');
    await chair.getByRole('button', { name: /^Item 1: Apologies$/ }).click();
    await chair.getByLabel('Minutes of Apologies').click();
    await chair.keyboard.type('Apologies were received from the fire service.');

    // A member reads the draft live but cannot change it.
    await member.goto(`${partners.app.url}/meetings/${meetingId}`);
    await member.getByText('Meeting closed — minutes in draft').waitFor();
    await expect.poll(() => member.getByLabel('Minutes of Apologies').inputValue()).toBe('Apologies were received from the fire service.');
    expect(await member.getByLabel('Minutes of Apologies').isEditable()).toBe(false);

    // The chair circulates the draft; the member is told, reads it and comments.
    const unread = await unreadNotifications(member);
    await chair.goto(`${partners.app.url}/meetings/${meetingId}/minutes`);
    await chair.getByRole('button', { name: 'Circulate to members' }).click();
    await chair.getByRole('heading', { name: 'Stage: Circulated for comment' }).waitFor();
    await expect.poll(() => unreadNotifications(member)).toBe(unread + 1);
    await member.goto(`${partners.app.url}/meetings/${meetingId}/minutes`);
    await member.getByRole('heading', { name: 'Stage: Circulated for comment' }).waitFor();
    await member.getByRole('textbox', { name: 'Comment' }).fill('Please record that the fire service sent a substitute.');
    await member.getByRole('button', { name: 'Add comment' }).click();
    await member.getByText('Please record that the fire service sent a substitute.').waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // At the next meeting, live, the chair confirms them (moved by the member) and publishes them.
    const nextMeetingId = await scheduleAndStart(chair, jag, 2);
    await chair.reload();
    await chair.getByRole('button', { name: 'Confirm as a correct record' }).click();
    await chair.getByLabel('Moved by').selectOption({ label: 'Daniel Okafor' });
    await chair.getByRole('button', { name: 'Confirm and sign' }).click();
    await chair.getByRole('heading', { name: 'Stage: Confirmed as a correct record' }).waitFor();
    await chair.getByRole('button', { name: 'Publish' }).click();
    await chair.getByRole('heading', { name: 'Stage: Published' }).waitFor();
    // The member's open page follows without reloading.
    await member.getByRole('heading', { name: 'Stage: Published' }).waitFor();

    // The next meeting's minutes record the resolution, with who moved it.
    const next = (await (await chair.request.get(`${partners.app.url}/api/meetings/${nextMeetingId}/minutes?revision=working`)).json()) as CouncilMinutes;
    const resolutions = next.items.flatMap((item) => item.resolutions.map((resolution) => resolution.wording));
    expect(resolutions.join('\n')).toMatch(/that the minutes of the meeting held on .+ be confirmed as a correct record and signed by the Chair\.\s+Moved by Daniel Okafor/);

    // A partner outside the JAG reads the published public version: the Part II item by number and reason only.
    await outsider.goto(`${partners.app.url}/meetings/${meetingId}/minutes`);
    const record = outsider.locator('printable-minutes');
    await record.getByText(/exempt information — not for publication \(Paragraph 2: information which is likely to reveal the identity of an individual\)/).waitFor();
    await record.getByText('Apologies were received from the fire service.').waitFor();
    await record.getByText('Moved by Daniel Okafor.').waitFor();
    await record.getByText(/^SHA-256: [0-9a-f]{64}$/).waitFor();
    const shown = (await record.textContent()) ?? '';
    for (const secret of ['J. Smith', CASE_ITEM, 'OFFICIAL-SENSITIVE', 'fire service sent a substitute']) expect(shown).not.toContain(secret);
    expect(await outsider.getByRole('heading', { name: 'Comments from members' }).count()).toBe(0);
    expect(await axeViolations(outsider)).toEqual([]);

    // Printed: only the record, on A4 with the body and date in the running header.
    await outsider.emulateMedia({ media: 'print' });
    expect(await outsider.getByRole('heading', { name: 'Stage: Published' }).isVisible()).toBe(false);
    expect(await record.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const pageRule = await outsider.evaluate(() =>
      document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).find((text) => text.startsWith('@page')),
    );
    expect(pageRule).toMatch(/size:\s*a4/i);
    expect(pageRule).toContain('Charnwood Joint Action Group —');
    const pdf = await outsider.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]/); // A4 in points
    await outsider.emulateMedia({ media: 'screen' });

    // The body's archive lists them as published, for the outsider too.
    await outsider.goto(`${partners.app.url}/bodies/${jag}/minutes`);
    const row = outsider.getByRole('row', { name: /Published/ }).filter({ has: outsider.getByRole('link') });
    await row.first().waitFor();
    expect(await outsider.getByRole('link', { name: new RegExp(`^Charnwood JAG`) }).count()).toBeGreaterThan(0);
    expect(await axeViolations(outsider)).toEqual([]);
  });
});
