import { describe, expect, it } from 'vitest';
import type { BodiesResponse } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { axeViolations } from '../support/browser.js';
import { useAppAndBrowser } from '../support/two-partners.js';

describe('end to end: two partners in a live meeting', () => {
  const partners = useAppAndBrowser();
  const signIn = (local: string) => partners.signIn(local);

  it('the chair schedules and starts a meeting; both co-write the minutes and see each other', async () => {
    const chair = await signIn('chair.jag');
    const { bodies } = (await (await chair.request.get(`${partners.app.url}/api/bodies`)).json()) as BodiesResponse;
    const jag = bodies.find((body) => body.shortName === 'Charnwood JAG')!;

    // Schedule through the body page's form, in UK time, a fortnight ahead (the form refuses the past).
    const day = formatDate(new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString());
    await chair.goto(`${partners.app.url}/bodies/${jag.id}`);
    await chair.getByRole('heading', { name: 'Schedule a meeting' }).waitFor();
    await chair.getByLabel('Date').fill(day);
    await chair.getByLabel('Start time').fill('10:00');
    await chair.getByLabel('Location').fill('Southfields, Loughborough');
    await chair.getByRole('button', { name: 'Schedule meeting' }).click();
    await chair.waitForURL(/\/meetings\/\d+$/);
    await chair.getByText(new RegExp(`${day}, 10:00`)).first().waitFor();
    await chair.getByRole('button', { name: 'Start meeting' }).click();
    // Run more than a day before the date, starting asks first (naming the date); go ahead.
    const early = chair.getByRole('dialog', { name: 'Start this meeting early?' });
    await Promise.race([chair.getByText('Live now').waitFor().catch(() => {}), early.waitFor().catch(() => {})]);
    if (await early.isVisible()) {
      await early.getByText(new RegExp(`${day}, 10:00`)).waitFor();
      await early.getByRole('button', { name: 'Start meeting now' }).click();
    }
    await chair.getByText('Live now').waitFor();
    await chair.getByText('Connected: changes are shared live').waitFor();
    const meetingUrl = chair.url();

    const member = await signIn('member.jag');
    await member.goto(meetingUrl);
    await member.getByText('Connected: changes are shared live').waitFor();

    // Both on the same item: the first, "Apologies".
    const chairMinutes = chair.getByLabel('Minutes of Apologies');
    const memberMinutes = member.getByLabel('Minutes of Apologies');
    await chairMinutes.click();
    await chair.keyboard.type('Apologies from the fire service.');
    await expect.poll(() => memberMinutes.inputValue()).toBe('Apologies from the fire service.');

    await memberMinutes.click();
    await member.keyboard.press('Control+End');
    await member.keyboard.type(' Police present.');
    await expect.poll(() => chairMinutes.inputValue()).toBe('Apologies from the fire service. Police present.');

    // The chair carries on typing where their caret was, at the start.
    await chair.keyboard.press('Control+Home');
    await chair.keyboard.type('## Apologies\n');
    await expect
      .poll(() => memberMinutes.inputValue())
      .toBe('## Apologies\nApologies from the fire service. Police present.');

    // Presence: each sees the other, with agency and the item being edited.
    const chairSees = chair.getByRole('list', { name: 'People in this meeting' });
    const memberSees = member.getByRole('list', { name: 'People in this meeting' });
    await expect.poll(() => chairSees.textContent()).toMatch(/Daniel Okafor\s*Police\s*Editing Apologies/);
    await expect.poll(() => memberSees.textContent()).toMatch(/Helen Whitmore\s*CBC\s*Editing Apologies/);

    expect(await axeViolations(chair)).toEqual([]);
    expect(await axeViolations(member)).toEqual([]);

    // Attendance is taken under Apologies: a button records it only when pressed.
    const memberRow = member.getByRole('group', { name: /Daniel Okafor/ });
    await memberRow.getByRole('button', { name: 'Present' }).focus();
    await member.keyboard.press('ArrowRight');
    await member.keyboard.press('Tab');
    await expect.poll(() => chair.getByRole('group', { name: /Daniel Okafor/ }).getByRole('button', { name: 'Apologies' }).getAttribute('aria-pressed')).toBe('false');
    await member.keyboard.press('Space');
    await expect.poll(() => chair.getByRole('group', { name: /Daniel Okafor/ }).getByRole('button', { name: 'Apologies' }).getAttribute('aria-pressed')).toBe('true');

    // The chair words a decision live; the member reads it as the minutes will, "RESOLVED that" once.
    await chair.getByRole('button', { name: 'Add a decision' }).click();
    await chair.keyboard.type('the apologies be noted.');
    await member.getByText('RESOLVED that the apologies be noted.').waitFor();

    // A change the server refuses (forced here past the form's checks) is dropped here too,
    // and the member is told why; the session starts again from the server's copy.
    await member.evaluate(() => {
      type Item = { get(key: string): unknown; set(key: string, value: unknown): void };
      const page = document.querySelector('quorum-app')!.shadowRoot!.querySelector('meeting-page') as unknown as {
        _session: { doc: { getMap(name: string): { values(): Iterable<Item> } } };
      };
      const item = [...page._session.doc.getMap('agenda').values()].find((each) => each.get('title') === 'Any other business')!;
      item.set('title', 'x'.repeat(201));
    });
    await member.getByText('Your last change was not saved').waitFor();
    await member.getByText(/Title is longer than 200 characters/).waitFor();
    await member.getByText('Connected: changes are shared live').waitFor();
    await member.getByRole('button', { name: /Any other business/ }).waitFor();
    expect(await chair.getByText('x'.repeat(201)).count()).toBe(0);
    await expect.poll(() => member.getByLabel('Minutes of Apologies').inputValue()).toContain('Police present.');

    // A reload keeps what was written: the server stored it.
    await member.reload();
    await expect.poll(() => member.getByLabel('Minutes of Apologies').inputValue()).toContain('Police present.');

    // Closing (after a confirmation) ends the meeting, live: members read it from then on, while the
    // chair and secretariat go on finishing the draft minutes until they are circulated.
    await chair.getByRole('button', { name: 'Close meeting' }).click();
    await chair.getByRole('dialog', { name: 'Close this meeting?' }).getByRole('button', { name: 'Close meeting' }).click();
    await member.getByText('Meeting closed — minutes in draft').waitFor();
    await chair.getByText('Meeting closed — minutes in draft').waitFor();
    await chair.getByText('RESOLVED that the apologies be noted.').waitFor();
    await expect.poll(() => member.getByLabel('Minutes of Apologies').getAttribute('readonly')).not.toBeNull();
    expect(await member.getByRole('button', { name: 'Add item' }).count()).toBe(0);
    expect(await chair.getByLabel('Minutes of Apologies').getAttribute('readonly')).toBeNull();
    await chair.getByLabel('Minutes of Apologies').click();
    await chair.keyboard.press('Control+End');
    await chair.keyboard.type(' Noted after the meeting.');
    await expect.poll(() => member.getByLabel('Minutes of Apologies').inputValue()).toContain('Noted after the meeting.');
  });
});
