import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import '../../../client/meeting/attendance-panel.js';
import type { AttendancePanel } from '../../../client/meeting/attendance-panel.js';
import { attendanceOf } from '../../../shared/meeting-doc.js';
import type { Role } from '../../../shared/roles.js';
import { expectNoAxeViolations } from '../axe.js';
import { jagDetail } from '../fake-api.js';
import { meetingDoc, remoteEdit } from '../meeting-fixtures.js';
import { describe, it } from '../mocha.js';
import { meetingStoreFor } from '../../../client/meeting/meeting-store.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const members = jagDetail.access === 'full' ? jagDetail.members : [];

describe('<attendance-panel>', () => {
  /** The panel as a person sees it: by default the secretariat (user 9), who records anyone's attendance. */
  async function panel(doc: Y.Doc, readonly = false, { role = 'secretariat' as Role, userId = 9 } = {}) {
    return fixture<AttendancePanel>(
      html`<attendance-panel
        .store=${meetingStoreFor(doc)}
        .members=${members}
        .myRole=${role}
        .phase=${'live'}
        user-id=${userId}
        ?readonly=${readonly}
      ></attendance-panel>`,
    );
  }
  const LABELS: Record<string, string> = { present: 'Present', apologies: 'Apologies', absent: 'Absent' };
  const radio = (el: AttendancePanel, userId: number, status: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`[aria-labelledby=member-${userId}] button`)].find(
      (button) => text(button) === LABELS[status],
    )!;
  const pressed = (button: HTMLButtonElement) => button.getAttribute('aria-pressed') === 'true';

  it('gives each member a group of three buttons named after them', async () => {
    const el = await panel(meetingDoc());
    const groups = [...el.shadowRoot!.querySelectorAll('[role=group]')];
    expect(groups.map((group) => text(group.querySelector('.name')))).to.deep.equal([
      'Priya Shah Charnwood Borough Council, Chair',
      'Insp. Tom Hughes Leicestershire Police, Vice-chair',
      'Alice Carter Charnwood Borough Council, Secretariat',
      'PC Dan Moore Leicestershire Police, Member',
      'Sam Patel Leicestershire Fire and Rescue Service, Member',
      'Jo Brown Charnwood Housing, Observer',
    ]);
    expect([...groups[0]!.querySelectorAll('button')].map(text)).to.deep.equal(['Present', 'Apologies', 'Absent']);
    expect(text(el.shadowRoot!.querySelector('.summary'))).to.equal('0 present, 0 apologies, 0 absent, 6 not recorded');
  });

  it('records the choice in the meeting document', async () => {
    const doc = meetingDoc();
    const el = await panel(doc);
    radio(el, 10, 'apologies').click();
    expect(attendanceOf(doc).get('10')).to.equal('apologies');
    radio(el, 10, 'present').click();
    expect(attendanceOf(doc).get('10')).to.equal('present');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.summary'))).to.equal('1 present, 0 apologies, 0 absent, 5 not recorded');
  });

  it('changes nobody’s attendance while a keyboard user moves through the choices, only when one is pressed', async () => {
    const doc = meetingDoc();
    const el = await panel(doc);
    radio(el, 10, 'present').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(attendanceOf(doc).has('10')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 10, 'absent'));
    await sendKeys({ press: 'Space' });
    expect(attendanceOf(doc).get('10')).to.equal('absent');
    await el.updateComplete;
    expect(pressed(radio(el, 10, 'absent'))).to.equal(true);
    expect(pressed(radio(el, 10, 'present'))).to.equal(false);
  });

  it('lets a member record only their own attendance', async () => {
    const doc = meetingDoc();
    const el = await panel(doc, false, { role: 'member', userId: 10 });
    expect(radio(el, 10, 'present').disabled).to.equal(false);
    expect(radio(el, 11, 'present').disabled).to.equal(true);
    radio(el, 11, 'present').click();
    expect(attendanceOf(doc).has('11')).to.equal(false);
    radio(el, 10, 'present').click();
    expect(attendanceOf(doc).get('10')).to.equal('present');
    await expectNoAxeViolations(el);
  });

  it('shows what others record', async () => {
    const doc = meetingDoc();
    const el = await panel(doc);
    remoteEdit(doc, (remote) => attendanceOf(remote).set('11', 'absent'));
    await el.updateComplete;
    expect(pressed(radio(el, 11, 'absent'))).to.equal(true);
  });

  it('cannot be changed in read-only mode', async () => {
    const doc = meetingDoc();
    attendanceOf(doc).set('7', 'present');
    const el = await panel(doc, true);
    expect(pressed(radio(el, 7, 'present'))).to.equal(true);
    expect([...el.shadowRoot!.querySelectorAll('button')].every((button) => button.disabled)).to.equal(true);
    radio(el, 7, 'absent').click();
    expect(attendanceOf(doc).get('7')).to.equal('present');
    await expectNoAxeViolations(el);
  });

  it('has no accessibility violations', async () => {
    const el = await panel(meetingDoc());
    await expectNoAxeViolations(el);
  });
});
