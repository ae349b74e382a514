/**
 * A meeting's minutes as a council would file them: a formal heading, who
 * chaired and who came, items numbered on from the body's last meeting, each
 * decision as "RESOLVED that …" with its reason, the actions, escalations and
 * priorities, and a line for the chair to sign. Built from plain facts, so
 * the server's exports and the printable page read the same record.
 */
import type { BodyMember } from './api.js';
import { formatDate, LOCALE, TIME_ZONE } from './dates.js';
import { resolutionWording, type MeetingSnapshot } from './meeting-doc.js';
import type { ActionLiveState, MinutesConfirmation, MinutesRevision } from './minutes-api.js';
import { EXEMPTION_PARAGRAPHS, type ExemptionParagraph, type MinutesStage } from './minutes-lifecycle.js';
import { compareRoles } from './roles.js';

/** The marking on confidential bodies' minutes and on Part II items (Government Security Classifications). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** Members see everything; the public version leaves out Part II business. */
export const MINUTES_VERSIONS = ['full', 'public'] as const;
export type MinutesVersion = (typeof MINUTES_VERSIONS)[number];

export const EXEMPT_ITEM_WORDING = 'exempt information — not for publication';

export interface MinutesResolution {
  /** The words after "RESOLVED": "that …". */
  wording: string;
  /** Why, when the decision carried a "Reason: …" line; '' otherwise. */
  reason: string;
}

export interface MinutesItem {
  /** The agenda item's id, for a member's comment about it; absent for an exempt item in the public version. */
  itemId?: string;
  number: number;
  /** '' for an exempt item in the public version. */
  title: string;
  partTwo: boolean;
  /** Left out of the public version: number only, no title, minutes or decisions. */
  exempt: boolean;
  /** The Schedule 12A paragraph the chair chose for a Part II item; '' when none was chosen. */
  exemptionReason: string;
  presenter: string;
  /** The minutes as written (markdown). */
  minutes: string;
  resolutions: MinutesResolution[];
}

export interface MinutesAction {
  /** The action's id in its body's log, to link to it. */
  actionId: string;
  reference: string;
  action: string;
  owner: string;
  leadAgency: string;
  /** en-GB date, or '' when none was set. */
  due: string;
  /** How it stands today: filled in when read for someone who may read the body's actions, never stored. */
  state: ActionLiveState | null;
}

export interface MinutesDeclaration {
  member: string;
  /** "Item 18" or "The meeting as a whole". */
  about: string;
  interest: string;
}

export interface CouncilMinutes {
  version: MinutesVersion;
  /** OFFICIAL-SENSITIVE for a confidential body, or a full version with Part II items; null otherwise. */
  marking: string | null;
  bodyName: string;
  heading: string;
  /** "Tuesday 17 November 2026" and "10.00am", for the running header and the signature block. */
  date: string;
  /** A working copy that may still change, not a stored (confirmed) version. */
  draft: boolean;
  /** How the minutes were confirmed; part of the stored record. */
  confirmation: MinutesConfirmation | null;
  /** Where the minutes stand, and which stored version this is (null for a working copy): filled in when read, not stored. */
  stage: MinutesStage;
  revision: MinutesRevision | null;
  /** "Jo Bloggs (Chair)", or null when neither chair nor vice-chair was present. */
  chairedBy: string | null;
  present: { agency: string; people: string[] }[];
  inAttendance: string[];
  apologies: string[];
  declarations: MinutesDeclaration[];
  items: MinutesItem[];
  actions: MinutesAction[];
  escalations: { summary: string; toBody: string }[];
  priorities: { title: string; fromBody: string }[];
  /** "Tuesday 15 December 2026 at 10.00am", or null when none is scheduled. */
  nextMeeting: string | null;
}

/** An action raised at the meeting, as the minutes table lists it. */
export interface MinutesSourceAction {
  actionId: string;
  reference: string | null;
  title: string;
  ownerName: string | null;
  leadAgencyName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** The agenda item it was raised under, so Part II actions stay out of the public version. */
  sourceItemId: string | null;
}

export interface MinutesSource {
  body: { name: string; confidential: boolean };
  meeting: { startsAt: string; location: string };
  /** A working copy, not the version being confirmed or corrected. */
  draft: boolean;
  confirmation: MinutesConfirmation | null;
  stage: MinutesStage;
  snapshot: MeetingSnapshot;
  members: readonly BodyMember[];
  actions: readonly MinutesSourceAction[];
  escalations: readonly { summary: string; toBodyName: string }[];
  priorities: readonly { title: string; fromBodyName: string }[];
  nextMeetingStartsAt: string | null;
  /** The number this meeting's first minuted item takes in the body's own series. */
  firstItemNumber: number;
  version: MinutesVersion;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clockFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit', hour12: true });

/** "Tuesday 17 November 2026" */
export function councilDate(iso: string): string {
  return dayFormat.format(new Date(iso)).replace(',', '');
}

/** "10.00am", as councils write the time. */
export function councilTime(iso: string): string {
  const parts = clockFormat.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = part('hour') === '0' ? '12' : part('hour');
  return `${hour}.${part('minute')}${part('dayPeriod').toLowerCase().replace(/[^apm]/g, '')}`;
}

export const councilDateTime = (iso: string) => `${councilDate(iso)} at ${councilTime(iso)}`;

/** A confidential body's business never reaches the public, not even as a redacted version. */
export const hasPublicVersion = (body: { confidential: boolean }) => !body.confidential;

/** An item with minutes or a finished decision is minuted; others are left out and take no number. */
export function isMinuted(item: { minutes: string; decisions: readonly { text: string }[] }): boolean {
  return item.minutes.trim() !== '' || item.decisions.some((decision) => resolutionWording(decision.text) !== '');
}

/** A decision, with the reason the chair wrote on its own "Reason: …" line split off. */
export function splitResolution(text: string): MinutesResolution {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((line) => /^\s*reasons?\s*:/i.test(line));
  if (at === -1) return { wording: resolutionWording(text), reason: '' };
  const reason = [lines[at]!.replace(/^\s*reasons?\s*:\s*/i, ''), ...lines.slice(at + 1)].join('\n').trim();
  return { wording: resolutionWording(lines.slice(0, at).join('\n')), reason };
}

const dueDate = (date: string | null) => (date === null ? '' : formatDate(`${date}T12:00:00Z`));

export function buildCouncilMinutes(source: MinutesSource): CouncilMinutes {
  const { body, meeting, snapshot, version } = source;
  const isPublic = version === 'public';
  if (isPublic && !hasPublicVersion(body)) throw new Error(`${body.name} is confidential: its minutes have no public version`);
  const members = [...source.members].sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
  const withStatus = (status: string) => members.filter((member) => snapshot.attendance[member.userId] === status);
  const present = withStatus('present');
  const chair = present.find((member) => member.role === 'chair') ?? present.find((member) => member.role === 'vice-chair');

  const agencies = new Map<string, string[]>();
  for (const member of present.filter((m) => m.role !== 'observer')) {
    agencies.set(member.agency.name, [...(agencies.get(member.agency.name) ?? []), member.name]);
  }

  let next = source.firstItemNumber;
  const numbers = new Map<string, number>();
  const items: MinutesItem[] = snapshot.agenda.filter(isMinuted).map((item) => {
    const number = next++;
    numbers.set(item.id, number);
    const exempt = isPublic && item.partTwo;
    return {
      ...(exempt ? {} : { itemId: item.id }),
      number,
      title: exempt ? '' : item.title,
      partTwo: item.partTwo,
      exempt,
      exemptionReason: item.partTwo && item.exemptionParagraph ? EXEMPTION_PARAGRAPHS[item.exemptionParagraph as ExemptionParagraph] : '',
      presenter: exempt ? '' : item.presenter,
      minutes: exempt ? '' : item.minutes.trim(),
      resolutions: exempt
        ? []
        : item.decisions.map((decision) => splitResolution(decision.text)).filter((resolution) => resolution.wording !== ''),
    };
  });
  const partTwoIds = new Set(snapshot.agenda.filter((item) => item.partTwo).map((item) => item.id));
  const hidden = (itemId: string | null) => isPublic && itemId !== null && partTwoIds.has(itemId);
  const memberName = (userId: number) => members.find((member) => member.userId === userId)?.name ?? 'A former member';

  return {
    version,
    marking: body.confidential || (!isPublic && items.some((item) => item.partTwo)) ? PROTECTIVE_MARKING : null,
    bodyName: body.name,
    heading: `Minutes of the meeting of ${body.name} held${meeting.location.trim() ? ` at ${meeting.location.trim()}` : ''} on ${councilDateTime(meeting.startsAt)}`,
    date: councilDate(meeting.startsAt),
    draft: source.draft,
    confirmation: source.confirmation,
    stage: source.stage,
    revision: null,
    chairedBy: chair ? `${chair.name} (${chair.role === 'chair' ? 'Chair' : 'Vice-Chair'})` : null,
    present: [...agencies].map(([agency, people]) => ({ agency, people })).sort((a, b) => a.agency.localeCompare(b.agency, 'en-GB')),
    inAttendance: present.filter((member) => member.role === 'observer').map((member) => `${member.name} (${member.agency.name})`),
    apologies: withStatus('apologies').map((member) => `${member.name} (${member.agency.name})`),
    declarations: snapshot.declarations
      .filter((declaration) => !hidden(declaration.itemId))
      .map((declaration) => {
        const number = declaration.itemId === null ? undefined : numbers.get(declaration.itemId);
        return {
          member: memberName(declaration.userId),
          about: number === undefined ? 'The meeting as a whole' : `Item ${number}`,
          interest: declaration.interest,
        };
      }),
    items,
    actions: source.actions
      .filter((action) => !hidden(action.sourceItemId))
      .map((action) => ({
        actionId: action.actionId,
        reference: action.reference ?? '',
        action: action.title,
        owner: action.ownerName ?? '',
        leadAgency: action.leadAgencyName ?? '',
        due: dueDate(action.dueDate),
        state: null,
      })),
    escalations: source.escalations.map(({ summary, toBodyName }) => ({ summary, toBody: toBodyName })),
    priorities: source.priorities.map(({ title, fromBodyName }) => ({ title, fromBody: fromBodyName })),
    nextMeeting: source.nextMeetingStartsAt ? councilDateTime(source.nextMeetingStartsAt) : null,
  };
}

/**
 * The stored content of a record: what a version keeps and its hash covers.
 * Where the minutes stand, the version's own number and hash, and the
 * actions' state today are filled in when read.
 */
export function storedContent(minutes: CouncilMinutes): CouncilMinutes {
  return {
    ...minutes,
    draft: false,
    stage: 'approved',
    revision: null,
    actions: minutes.actions.map((action) => ({ ...action, state: null })),
  };
}
