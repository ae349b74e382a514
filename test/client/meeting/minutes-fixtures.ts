import { buildCouncilMinutes, type CouncilMinutes, type MinutesVersion } from '../../../shared/council-minutes.js';
import type { AgendaItem } from '../../../shared/meeting-doc.js';
import type { MinutesRevision, MinutesStatusView } from '../../../shared/minutes-api.js';
import { jagDetail } from '../fake-api.js';

const members = jagDetail.access === 'full' ? jagDetail.members : [];

const item = (id: string, title: string, minutes: string, decisions: string[] = [], partTwo = false): AgendaItem => ({
  id,
  title,
  presenter: '',
  minutesAllotted: 10,
  partTwo,
  order: 0,
  minutes,
  decisions: decisions.map((text, index) => ({ id: `${id}${index}`, text })),
});

/** The JAG's December minutes, built the way the server builds them. */
export function jagMinutes(version: MinutesVersion = 'full', status = 'closed'): CouncilMinutes {
  return buildCouncilMinutes({
    body: { name: 'Charnwood Joint Action Group', confidential: false },
    meeting: { startsAt: '2026-11-17T10:00:00Z', location: 'Loughborough Police Station' },
    draft: status !== 'closed',
    confirmation: null,
    stage: status === 'closed' ? 'approved' : 'draft',
    snapshot: {
      status: 'closed',
      minutesStage: 'approved',
      currentItemId: null,
      timerStartedAt: null,
      agenda: [
        item('apologies', 'Apologies', ''),
        item('asb', 'Anti-social behaviour hotspots', '## Hotspots\n- Shelthorpe\n\n<img src=x onerror="window.hacked=1"><script>window.hacked=2</script>[bad](javascript:alert(1))', [
          'the police lead a review of the order\nReason: Reports doubled in October.',
        ]),
        item('case', 'Named individual: case review', 'Case of J. Smith discussed in confidence.', ['that a referral be made'], true),
      ],
      attendance: Object.fromEntries(members.map((member, index) => [member.userId, index === 0 ? 'apologies' : 'present'])),
      declarations: [],
    },
    members,
    actions: [{ actionId: 'a7', reference: 'JAG-7', title: 'Review the dispersal order', ownerName: 'Insp. Tom Hughes', leadAgencyName: 'Leicestershire Police', dueDate: '2027-03-01', sourceItemId: 'asb' }],
    escalations: [],
    priorities: [],
    nextMeetingStartsAt: '2026-12-15T10:00:00Z',
    firstItemNumber: 16,
    version,
  });
}

/** Where the JAG's December minutes stand, as the chair sees them; override what a test needs. */
export function minutesStatus(fields: Partial<MinutesStatusView> = {}): MinutesStatusView {
  return {
    meetingId: 42,
    bodyId: 5,
    stage: 'draft',
    circulatedAt: null,
    confirmation: null,
    publishedAt: null,
    revisions: [],
    commentCount: 0,
    steps: [],
    mayComment: false,
    movers: members.filter((member) => member.role !== 'observer').map(({ userId, name }) => ({ userId, name })),
    confirmingMeeting: null,
    ...fields,
  };
}

export const HASH_1 = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
export const HASH_2 = 'b4e2d3c5f6a70819203b4c5d6e7f8091223344556677889900aabbccddeeff11';

/** Version 1 as confirmed, and version 2 correcting it. */
export const storedRevisions: MinutesRevision[] = [
  { number: 1, hash: HASH_1, reason: null, createdAt: '2026-12-15T11:00:00.000Z', createdBy: 'Priya Shah', publishedAt: '2026-12-16T09:00:00.000Z' },
  {
    number: 2,
    hash: HASH_2,
    reason: 'Item 16: the order is a dispersal order, not a closure order',
    createdAt: '2027-01-12T11:00:00.000Z',
    createdBy: 'Alice Carter',
    publishedAt: '2027-01-12T11:00:00.000Z',
  },
];
