import { describe, expect, it } from 'vitest';
import type { BodyMember } from '../../shared/api.js';
import { buildCouncilMinutes, councilTime, PROTECTIVE_MARKING, splitResolution, type MinutesSource } from '../../shared/council-minutes.js';
import { councilMinutesMarkdown } from '../../shared/council-minutes-markdown.js';
import type { AgendaItem } from '../../shared/meeting-doc.js';

const agency = (id: number, name: string) => ({ id, name, shortName: name });
const members: BodyMember[] = [
  { userId: 1, name: 'Ann Chair', email: 'a@x', role: 'chair', agency: agency(1, 'Leicestershire Police') },
  { userId: 2, name: 'Vic Vice', email: 'v@x', role: 'vice-chair', agency: agency(2, 'Charnwood Borough Council') },
  { userId: 3, name: 'Mo Member', email: 'm@x', role: 'member', agency: agency(1, 'Leicestershire Police') },
  { userId: 4, name: 'Obi Observer', email: 'o@x', role: 'observer', agency: agency(3, 'OPCC') },
  { userId: 5, name: 'Abe Sent', email: 'b@x', role: 'member', agency: agency(2, 'Charnwood Borough Council') },
];

const item = (id: string, title: string, minutes = '', decisions: string[] = [], partTwo = false): AgendaItem => ({
  id,
  title,
  presenter: '',
  minutesAllotted: 10,
  partTwo,
  order: 0,
  minutes,
  decisions: decisions.map((text, index) => ({ id: `${id}-d${index}`, text })),
});

function source(overrides: Partial<MinutesSource> = {}): MinutesSource {
  return {
    body: { name: 'Charnwood Joint Action Group', confidential: false },
    meeting: { startsAt: '2026-11-17T10:00:00Z', location: 'Loughborough Police Station' },
    draft: false,
    confirmation: null,
    stage: 'approved',
    snapshot: {
      status: 'closed',
      minutesStage: 'approved',
      currentItemId: null,
      timerStartedAt: null,
      agenda: [
        item('a', 'Apologies'),
        item('b', 'Minutes of the previous meeting', 'Confirmed as a correct record and signed.'),
        item('c', 'Hotspots', 'Discussed the **town centre**.', ['the report be noted\nReason: The group was content.', 'RESOLVED that']),
        item('d', 'Named individuals', 'Case of J. Smith discussed.', ['that a referral be made'], true),
        item('e', 'Any other business', '', ['RESOLVED: that patrols continue']),
      ],
      attendance: { 1: 'present', 2: 'present', 3: 'present', 4: 'present', 5: 'apologies' },
      declarations: [
        { id: 'x1', userId: 3, itemId: 'd', interest: 'Knows the family' },
        { id: 'x2', userId: 2, itemId: null, interest: 'Landlord in the area' },
      ],
    },
    members,
    actions: [
      { actionId: 'a1', reference: 'JAG-1', title: 'Patrol the park', ownerName: 'Mo Member', leadAgencyName: 'Leicestershire Police', dueDate: '2026-12-01', sourceItemId: 'c' },
      { actionId: 'a2', reference: 'JAG-2', title: 'Visit J. Smith', ownerName: null, leadAgencyName: null, dueDate: null, sourceItemId: 'd' },
    ],
    escalations: [{ summary: 'Repeat fly-tipping', toBodyName: 'Charnwood CSP' }],
    priorities: [{ title: 'Knife crime', fromBodyName: 'Strategic Partnership Board' }],
    nextMeetingStartsAt: '2026-12-15T14:30:00Z',
    firstItemNumber: 16,
    version: 'full',
    ...overrides,
  };
}

describe('council minutes', () => {
  it('heads the minutes the way a council does, in UK time with a lower-case am/pm', () => {
    const minutes = buildCouncilMinutes(source());
    expect(minutes.heading).toBe(
      'Minutes of the meeting of Charnwood Joint Action Group held at Loughborough Police Station on Tuesday 17 November 2026 at 10.00am',
    );
    expect(minutes.nextMeeting).toBe('Tuesday 15 December 2026 at 2.30pm');
    // Summer time: 09:00 UTC is 10.00am in London.
    expect(councilTime('2026-07-01T09:00:00Z')).toBe('10.00am');
    expect(councilTime('2026-01-01T12:05:00Z')).toBe('12.05pm');
  });

  it('records who chaired, who came by agency, who attended and who sent apologies', () => {
    const minutes = buildCouncilMinutes(source());
    expect(minutes.chairedBy).toBe('Ann Chair (Chair)');
    expect(minutes.present).toEqual([
      { agency: 'Charnwood Borough Council', people: ['Vic Vice'] },
      { agency: 'Leicestershire Police', people: ['Ann Chair', 'Mo Member'] },
    ]);
    expect(minutes.inAttendance).toEqual(['Obi Observer (OPCC)']);
    expect(minutes.apologies).toEqual(['Abe Sent (Charnwood Borough Council)']);
    const vice = buildCouncilMinutes(source({ snapshot: { ...source().snapshot, attendance: { 1: 'apologies', 2: 'present' } } }));
    expect(vice.chairedBy).toBe('Vic Vice (Vice-Chair)');
  });

  it('numbers minuted items on from the body’s own series and leaves out items with nothing recorded', () => {
    const minutes = buildCouncilMinutes(source());
    expect(minutes.items.map((i) => [i.number, i.title])).toEqual([
      [16, 'Minutes of the previous meeting'],
      [17, 'Hotspots'],
      [18, 'Named individuals'],
      [19, 'Any other business'],
    ]);
    expect(councilMinutesMarkdown(minutes)).not.toContain('No minutes were recorded');
    expect(minutes.declarations).toEqual([
      { member: 'Mo Member', about: 'Item 18', interest: 'Knows the family' },
      { member: 'Vic Vice', about: 'The meeting as a whole', interest: 'Landlord in the area' },
    ]);
  });

  it('words decisions "RESOLVED that …" with their reason, dropping unfinished ones', () => {
    const minutes = buildCouncilMinutes(source());
    expect(minutes.items[1]!.resolutions).toEqual([{ wording: 'that the report be noted', reason: 'The group was content.' }]);
    expect(minutes.items[3]!.resolutions).toEqual([{ wording: 'that patrols continue', reason: '' }]);
    expect(splitResolution('that x\nReasons: one\ntwo')).toEqual({ wording: 'that x', reason: 'one\ntwo' });
    const md = councilMinutesMarkdown(minutes);
    expect(md).toContain('**RESOLVED** that the report be noted');
    expect(md).toContain('**Reason**\n\nThe group was content.');
    expect(md).toContain('| JAG-1 | Patrol the park | Mo Member | Leicestershire Police | 01/12/2026 |');
    expect(md).toContain('Chair ……………………………… Date ………………');
  });

  it('redacts Part II items from the public version, keeping their number only', () => {
    const minutes = buildCouncilMinutes(source({ version: 'public' }));
    const exempt = minutes.items.find((i) => i.number === 18)!;
    expect(exempt).toMatchObject({ exempt: true, title: '', minutes: '', resolutions: [] });
    const md = councilMinutesMarkdown(minutes);
    expect(md).toContain('Item 18: exempt information — not for publication');
    for (const secret of ['Named individuals', 'J. Smith', 'referral', 'Knows the family', PROTECTIVE_MARKING]) expect(md).not.toContain(secret);
    expect(minutes.actions.map((a) => a.reference)).toEqual(['JAG-1']);
    expect(minutes.marking).toBeNull();
  });

  it('marks the full version with Part II business, and every confidential body’s, OFFICIAL-SENSITIVE top and bottom', () => {
    expect(buildCouncilMinutes(source()).marking).toBe(PROTECTIVE_MARKING);
    const open = source();
    open.snapshot.agenda = open.snapshot.agenda.filter((i) => !i.partTwo);
    expect(buildCouncilMinutes(open).marking).toBeNull();
    const confidential = buildCouncilMinutes({ ...open, body: { name: 'Charnwood Youth JAG', confidential: true } });
    const md = councilMinutesMarkdown(confidential).trim();
    expect(md.startsWith(`**${PROTECTIVE_MARKING}**`)).toBe(true);
    expect(md.endsWith(`**${PROTECTIVE_MARKING}**`)).toBe(true);
    expect(() => buildCouncilMinutes({ ...open, body: { name: 'Charnwood Youth JAG', confidential: true }, version: 'public' })).toThrow(/no public version/);
  });
});
