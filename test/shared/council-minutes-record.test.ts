import { describe, expect, it } from 'vitest';
import type { CouncilMinutes, MinutesItem } from '../../shared/council-minutes.js';
import { councilMinutesMarkdown } from '../../shared/council-minutes-markdown.js';
import {
  confirmationStatement,
  exemptItemHeading,
  hashLine,
  longDate,
  partTwoMarking,
  SIGNATURE_LINE,
  versionLine,
} from '../../shared/council-minutes-record.js';
import type { MinutesConfirmation, MinutesRevision } from '../../shared/minutes-api.js';

const confirmation: MinutesConfirmation = {
  atMeeting: 'Tuesday 15 December 2026',
  atMeetingId: 9,
  movedBy: 'Mo Member',
  secondedBy: 'Vic Vice',
  signedBy: 'Ann Chair (Chair)',
  confirmedAt: '2026-12-15T11:00:00Z',
};
const revision = (number: number, reason: string | null): MinutesRevision => ({
  number,
  hash: 'ab'.repeat(32),
  reason,
  createdAt: '2026-12-01T23:30:00Z',
  createdBy: 'Ann Chair',
  publishedAt: null,
});
const item = (overrides: Partial<MinutesItem> = {}): MinutesItem => ({
  number: 18,
  title: 'Named individuals',
  partTwo: true,
  exempt: false,
  exemptionReason: 'Paragraph 1: information relating to any individual',
  presenter: '',
  minutes: 'Case discussed.',
  resolutions: [],
  ...overrides,
});
const minutes = (overrides: Partial<CouncilMinutes> = {}): CouncilMinutes => ({
  version: 'full',
  marking: null,
  bodyName: 'Charnwood Joint Action Group',
  heading: 'Minutes of the meeting of Charnwood Joint Action Group',
  date: 'Tuesday 17 November 2026',
  draft: false,
  confirmation,
  stage: 'published',
  revision: revision(2, 'Item 17 named the wrong agency.'),
  chairedBy: 'Ann Chair (Chair)',
  present: [],
  inAttendance: [],
  apologies: [],
  declarations: [],
  items: [],
  actions: [],
  escalations: [],
  priorities: [],
  nextMeeting: null,
  ...overrides,
});

describe('what a copy of minutes says it is', () => {
  it('names a stored version by its number and when and why it was made, in UK time', () => {
    // London keeps GMT in winter but BST in summer: 23.30 UTC on 31 July is already 1 August there.
    expect(longDate('2026-12-01T23:30:00Z')).toBe('1 December 2026');
    expect(longDate('2026-07-31T23:30:00Z')).toBe('1 August 2026');
    expect(versionLine(minutes())).toBe('Version 2 — corrected on 1 December 2026: Item 17 named the wrong agency.');
    expect(versionLine(minutes({ revision: revision(1, null) }))).toBe('Version 1 — confirmed on 1 December 2026');
  });

  it('calls a working copy a draft, or a draft correction while one is in progress', () => {
    expect(versionLine(minutes({ revision: null, draft: true, stage: 'circulated' }))).toBe('Draft — not yet confirmed');
    expect(versionLine(minutes({ revision: null, draft: true, stage: 'correcting' }))).toBe('Draft correction — not yet issued');
    expect(hashLine(minutes({ revision: null, draft: true }))).toBeNull();
    expect(hashLine(minutes())).toBe(`SHA-256: ${'ab'.repeat(32)}`);
  });

  it('states the confirmation in place of the signature line only on the signed record', () => {
    expect(confirmationStatement(minutes())).toEqual([
      'Confirmed as a correct record at the meeting held on Tuesday 15 December 2026.',
      'Moved by Mo Member; seconded by Vic Vice.',
      'Signed: Ann Chair (Chair)',
    ]);
    expect(confirmationStatement(minutes({ confirmation: { ...confirmation, secondedBy: null } }))![1]).toBe('Moved by Mo Member.');
    expect(confirmationStatement(minutes({ draft: true, revision: null }))).toBeNull();
    expect(confirmationStatement(minutes({ confirmation: null }))).toBeNull();
  });

  it('gives the paragraph an exempt item is withheld under, in both versions', () => {
    expect(exemptItemHeading(item({ exempt: true }))).toBe('Item 18: exempt information — not for publication (Paragraph 1: information relating to any individual)');
    expect(exemptItemHeading(item({ exempt: true, exemptionReason: '' }))).toBe('Item 18: exempt information — not for publication');
    expect(partTwoMarking(item())).toBe('Part II — OFFICIAL-SENSITIVE — exempt under Paragraph 1: information relating to any individual');
    expect(partTwoMarking(item({ exemptionReason: '' }))).toBe('Part II — OFFICIAL-SENSITIVE');
  });

  it('writes all of it into the Markdown, with a reason typed by a user kept as plain words', () => {
    const md = councilMinutesMarkdown(
      minutes({ revision: revision(2, '**bold** [x](javascript:alert(1)) <b>'), items: [item(), item({ number: 19, exempt: true, title: '', minutes: '' })] }),
    );
    expect(md).toContain('**Version 2 — corrected on 1 December 2026: \\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>**');
    expect(md).toContain(`\`SHA-256: ${'ab'.repeat(32)}\``);
    expect(md).toContain('**Part II — OFFICIAL-SENSITIVE — exempt under Paragraph 1: information relating to any individual**');
    expect(md).toContain('## 19. Item 19: exempt information — not for publication \\(Paragraph 1: information relating to any individual\\)');
    expect(md).toContain('Confirmed as a correct record at the meeting held on Tuesday 15 December 2026.  \nMoved by Mo Member; seconded by Vic Vice.');
    expect(md).not.toContain(SIGNATURE_LINE);
    expect(councilMinutesMarkdown(minutes({ draft: true, revision: null, stage: 'draft' }))).toContain(SIGNATURE_LINE);
  });
});
