import { buildCouncilMinutes, type CouncilMinutes, type MinutesVersion } from '../../../shared/council-minutes.js';
import type { AgendaItem } from '../../../shared/meeting-doc.js';
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
