/**
 * Minutes as a Markdown file, and the one rule that makes anyone's minutes
 * text safe to put in it: raw HTML is written as text, and only web and
 * mail links survive. A Markdown file is opened in viewers we do not control,
 * so what it carries must already be inert, not rely on a viewer's sanitiser.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { CouncilMinutes, MinutesItem } from './council-minutes.js';
import { confirmationStatement, exemptItemHeading, hashLine, partTwoMarking, SIGNATURE_LINE, versionLine } from './council-minutes-record.js';

/** Web and mail links only: never javascript:, data:, vbscript:, file: or a path into the app. */
export function isSafeLinkTarget(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

function collectUnsafe(tokens: readonly Token[], found: Map<string, string>) {
  for (const token of tokens) {
    if (token.type === 'image') found.set(token.raw, (token as Tokens.Image).text);
    else if (token.type === 'link' && !isSafeLinkTarget((token as Tokens.Link).href)) found.set(token.raw, (token as Tokens.Link).text);
    else if (token.type === 'def' && !isSafeLinkTarget((token as Tokens.Def).href)) found.set(token.raw, '');
    const children = [
      ...('tokens' in token && Array.isArray(token.tokens) ? token.tokens : []),
      ...(token.type === 'list' ? (token as Tokens.List).items : []),
      ...(token.type === 'table' ? [...(token as Tokens.Table).header, ...(token as Tokens.Table).rows.flat()].flatMap((cell) => cell.tokens) : []),
    ];
    collectUnsafe(children, found);
  }
}

/**
 * Minutes text with raw HTML turned into text (with no `<` left, nothing can
 * open a tag, an autolink or a comment; inside code it shows as `&lt;`) and links to anything but web or mail
 * addresses, and images, reduced to their words.
 */
export function inertMarkdown(markdown: string): string {
  // An entity, not a backslash: a bare-URL autolink can swallow the backslash before a `<`.
  let text = markdown.replace(/</g, '&lt;');
  // A link's words may themselves hold a link once its brackets go; a few passes settle it.
  for (let pass = 0; pass < 5; pass++) {
    const found = new Map<string, string>();
    collectUnsafe(new Lexer({ gfm: true, breaks: true }).lex(text), found);
    if (found.size === 0) return text;
    for (const [raw, words] of found) text = text.split(raw).join(words.replace(/[[\]()]/g, (c) => `\\${c}`));
  }
  return text.replace(/[[\]()]/g, (c) => `\\${c}`);
}

/** Plain words in a Markdown table cell or heading: no markup, no line breaks. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]()<>|#!]/g, (c) => `\\${c}`);

function renderItem(item: MinutesItem): string {
  if (item.exempt) return `## ${item.number}. ${cell(exemptItemHeading(item))}`;
  const parts = [`## ${item.number}. ${cell(item.title.toUpperCase())}`];
  if (item.partTwo) parts.push(`**${cell(partTwoMarking(item))}**`);
  if (item.presenter) parts.push(`*Presented by ${cell(item.presenter)}*`);
  if (item.minutes) parts.push(inertMarkdown(item.minutes));
  for (const { wording, reason } of item.resolutions) {
    parts.push(`**RESOLVED** ${inertMarkdown(wording)}`);
    if (reason) parts.push('**Reason**', inertMarkdown(reason));
  }
  return parts.join('\n\n');
}

function list(heading: string, lines: readonly string[]): string {
  return `## ${heading}\n\n${lines.length === 0 ? 'None.' : lines.map((line) => `- ${cell(line)}`).join('\n')}`;
}

export function councilMinutesMarkdown(minutes: CouncilMinutes): string {
  const parts: string[] = [];
  if (minutes.marking) parts.push(`**${minutes.marking}**`);
  parts.push(`# ${cell(minutes.heading)}`);
  if (minutes.version === 'public') parts.push('*Public version: exempt business is left out.*');
  parts.push(`**${cell(versionLine(minutes))}**`);
  const hash = hashLine(minutes);
  if (hash) parts.push(`\`${hash}\``);
  if (minutes.chairedBy) parts.push(`**Chair:** ${cell(minutes.chairedBy)}`);
  parts.push(
    `## Present\n\n${
      minutes.present.length === 0 ? 'None recorded.' : minutes.present.map(({ agency, people }) => `- **${cell(agency)}:** ${cell(people.join(', '))}`).join('\n')
    }`,
  );
  if (minutes.inAttendance.length > 0) parts.push(list('In attendance', minutes.inAttendance));
  parts.push(list('Apologies', minutes.apologies));
  parts.push(list('Declarations of interest', minutes.declarations.map(({ member, about, interest }) => `${member} (${about}): ${interest}`)));
  parts.push(...minutes.items.map(renderItem));
  if (minutes.actions.length > 0) {
    parts.push(
      [
        '## Actions',
        '',
        '| Reference | Action | Owner | Lead agency | Due |',
        '| --- | --- | --- | --- | --- |',
        ...minutes.actions.map((action) => `| ${[action.reference, action.action, action.owner, action.leadAgency, action.due].map(cell).join(' | ')} |`),
      ].join('\n'),
    );
  }
  if (minutes.escalations.length > 0) parts.push(list('Escalations made', minutes.escalations.map(({ summary, toBody }) => `To ${toBody}: ${summary}`)));
  if (minutes.priorities.length > 0) parts.push(list('Priorities received', minutes.priorities.map(({ title, fromBody }) => `From ${fromBody}: ${title}`)));
  parts.push(`## Date of next meeting\n\n${minutes.nextMeeting ? cell(minutes.nextMeeting) : 'To be arranged.'}`);
  const confirmed = confirmationStatement(minutes);
  parts.push(confirmed ? confirmed.map(cell).join('  \n') : SIGNATURE_LINE);
  if (minutes.marking) parts.push(`**${minutes.marking}**`);
  return `${parts.join('\n\n')}\n`;
}
