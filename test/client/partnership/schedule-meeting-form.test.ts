import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../client/partnership/schedule-meeting-form.js';
import type { ScheduleMeetingForm } from '../../../client/partnership/schedule-meeting-form.js';
import { isStartInPast, meetingListTitle, parseTime, parseUkDate } from '../../../shared/meeting-schedule.js';
import { expectNoAxeViolations } from '../axe.js';
import { errorResponse, fakeApi, jsonResponse, type FakeApi } from '../fake-api.js';
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('scheduling rules', () => {
  it('reads dates the UK way, and refuses ones that do not exist', () => {
    expect(parseUkDate('22/11/2026')).to.equal('2026-11-22');
    expect(parseUkDate(' 1/2/2027 ')).to.equal('2027-02-01');
    expect(parseUkDate('01.02.2027')).to.equal('2027-02-01');
    expect(parseUkDate('2027-02-01')).to.equal('2027-02-01');
    for (const bad of ['31/02/2027', '11/22/2026', '22/11/26', 'tomorrow', '']) expect(parseUkDate(bad), bad).to.equal(undefined);
  });

  it('reads 24-hour times', () => {
    expect(parseTime('18:30')).to.equal('18:30');
    expect(parseTime('9:05')).to.equal('09:05');
    expect(parseTime('1830')).to.equal('18:30');
    for (const bad of ['24:00', '6:30 PM', '18:60', '']) expect(parseTime(bad), bad).to.equal(undefined);
  });

  it('knows a start in the past', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(isStartInPast('2020-11-12T10:00:00Z', now)).to.equal(true);
    expect(isStartInPast('2026-11-30T11:59:00Z', now)).to.equal(true);
    expect(isStartInPast('2026-11-30T12:01:00Z', now)).to.equal(false);
  });

  it('names a listed meeting with its date', () => {
    expect(meetingListTitle({ title: 'Charnwood JAG — December 2026', startsAt: '2026-12-01T10:00:00Z' })).to.equal(
      'Charnwood JAG — December 2026, 01/12/2026',
    );
  });
});

describe('<schedule-meeting-form>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function form() {
    const el = await fixture<ScheduleMeetingForm>(html`<schedule-meeting-form body-id="5"></schedule-meeting-form>`);
    const root = el.shadowRoot!;
    const fill = (fields: Record<string, string>) => {
      for (const [name, value] of Object.entries(fields)) root.querySelector<HTMLInputElement>(`#schedule-${name}`)!.value = value;
    };
    const submit = async () => {
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await el.updateComplete;
    };
    return { el, root, fill, submit };
  }

  it('shows the en-GB format beside the date and time', async () => {
    const { root } = await form();
    expect(text(root.querySelector('#schedule-date-hint'))).to.equal('For example, 22/11/2026');
    expect(text(root.querySelector('#schedule-time-hint'))).to.equal('UK time, 24-hour, e.g. 18:30');
    expect(root.querySelector('#schedule-date')!.getAttribute('aria-describedby')).to.equal('schedule-date-hint');
  });

  it('schedules from a typed en-GB date in UK time, then goes to the meeting', async () => {
    let posted: unknown;
    api = fakeApi({
      'POST /api/bodies/5/meetings': (request) => {
        posted = request.body;
        return jsonResponse({ meeting: { id: 77 } }, 201);
      },
    });
    const { el, root, fill, submit } = await form();
    await submit();
    expect(text(root.querySelector('#schedule-date-error'))).to.equal('Enter the date of the meeting');
    expect(root.querySelector('#schedule-date')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.id).to.equal('schedule-date');

    fill({ date: '16/07/2099', time: '10:30', location: 'Southfields, Loughborough' });
    const navigated = oneEvent(el, 'navigate-requested');
    await submit();
    expect((await navigated).detail).to.equal('/meetings/77');
    // British Summer Time: 10:30 on the wall is 09:30 UTC.
    expect(posted).to.deep.equal({ startsAt: '2099-07-16T10:30:00.000+01:00', location: 'Southfields, Loughborough' });
    await expectNoAxeViolations(el);
  });

  it('refuses a start in the past, saying why, without asking the server', async () => {
    api = fakeApi({});
    const { el, root, fill, submit } = await form();
    fill({ date: '12/11/2020', time: '10:00', location: 'Southfields' });
    await submit();
    expect(text(root.querySelector('#schedule-date-error'))).to.equal('The meeting must start in the future; check the date and time');
    expect(el.shadowRoot!.activeElement?.id).to.equal('schedule-date');
    expect(api.requests).to.deep.equal([]);
    await expectNoAxeViolations(el);
  });

  it('says what is wrong with a date or time it cannot read', async () => {
    api = fakeApi({});
    const { root, fill, submit } = await form();
    fill({ date: '31/02/2099', time: '6:30 PM' });
    await submit();
    expect(text(root.querySelector('#schedule-date-error'))).to.equal('Enter a real date, like 22/11/2026');
    expect(text(root.querySelector('#schedule-time-error'))).to.equal('Enter a time on the 24-hour clock, like 18:30');
    expect(api.requests).to.deep.equal([]);
  });

  it('shows the server’s refusal', async () => {
    api = fakeApi({ 'POST /api/bodies/5/meetings': () => errorResponse(403, 'forbidden', 'Only the chair, vice-chair or secretariat may schedule meetings') });
    const { root, fill, submit } = await form();
    fill({ date: '16/07/2099', time: '10:30' });
    await submit();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await (root.host as ScheduleMeetingForm).updateComplete;
    expect(text(root.querySelector('[role=alert]'))).to.equal('Only the chair, vice-chair or secretariat may schedule meetings');
  });
});
