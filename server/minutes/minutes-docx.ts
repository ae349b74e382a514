/**
 * Minutes as a Word document, for partners who edit and file them in Word:
 * headings, numbered items, the actions table, and the protective marking in
 * every page's header and footer. Minutes text goes in as plain words (its
 * markdown read for paragraphs and lists only): no field, hyperlink or
 * embedded HTML is ever written, so nothing in it can run or call out.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Lexer, type Token } from 'marked';
import type { CouncilMinutes, MinutesItem } from '../../shared/council-minutes.js';
import { confirmationStatement, exemptItemHeading, hashLine, partTwoMarking, SIGNATURE_LINE, versionLine } from '../../shared/council-minutes-record.js';

/** A token's words without markup. */
function plainWords(token: Token): string {
  if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return token.tokens.map(plainWords).join('');
  if (token.type === 'br') return '\n';
  return 'text' in token && typeof token.text === 'string' ? token.text : '';
}

const runs = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));

function markdownParagraphs(markdown: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const token of new Lexer({ gfm: true, breaks: true }).lex(markdown)) {
    if (token.type === 'space') continue;
    if (token.type === 'list') {
      for (const item of token.items) paragraphs.push(new Paragraph({ children: runs(plainWords(item).trim()), bullet: { level: 0 } }));
    } else if (token.type === 'heading') {
      paragraphs.push(new Paragraph({ children: runs(plainWords(token), { bold: true }) }));
    } else {
      paragraphs.push(new Paragraph({ children: runs(plainWords(token).trim()) }));
    }
  }
  return paragraphs;
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const plain = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: runs(text, options) });
const bullets = (lines: readonly string[]) =>
  lines.length === 0 ? [plain('None.')] : lines.map((line) => new Paragraph({ children: runs(line), bullet: { level: 0 } }));

function itemParagraphs(item: MinutesItem): Paragraph[] {
  if (item.exempt) return [heading(`${item.number}. ${exemptItemHeading(item)}`)];
  return [
    heading(`${item.number}. ${item.title.toUpperCase()}`),
    ...(item.partTwo ? [plain(partTwoMarking(item), { bold: true })] : []),
    ...(item.presenter ? [plain(`Presented by ${item.presenter}`, { italics: true })] : []),
    ...(item.minutes ? markdownParagraphs(item.minutes) : []),
    ...item.resolutions.flatMap(({ wording, reason }) => [
      new Paragraph({ children: [new TextRun({ text: 'RESOLVED', bold: true }), new TextRun(` ${wording}`)] }),
      ...(reason ? [plain('Reason', { bold: true }), ...markdownParagraphs(reason)] : []),
    ]),
  ];
}

function actionsTable(minutes: CouncilMinutes): Table {
  const row = (cells: string[], bold = false) =>
    new TableRow({ tableHeader: bold, children: cells.map((text) => new TableCell({ children: [plain(text, { bold })] })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(['Reference', 'Action', 'Owner', 'Lead agency', 'Due'], true),
      ...minutes.actions.map((a) => row([a.reference, a.action, a.owner, a.leadAgency, a.due])),
    ],
  });
}

function markingParagraph(marking: string | null, extra: TextRun[] = []) {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [...(marking ? [new TextRun({ text: marking, bold: true })] : []), ...extra] });
}

export async function councilMinutesDocx(minutes: CouncilMinutes): Promise<ArrayBuffer> {
  const marking = minutes.marking ? [markingParagraph(minutes.marking)] : [];
  const hash = hashLine(minutes);
  const confirmed = confirmationStatement(minutes);
  const document = new Document({
    title: minutes.heading,
    creator: 'Quorum',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        headers: {
          default: new Header({
            children: [markingParagraph(minutes.marking), new Paragraph({ children: [new TextRun({ text: `${minutes.bodyName} — ${minutes.date}`, size: 18 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              markingParagraph(minutes.marking),
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] }),
            ],
          }),
        },
        children: [
          ...marking,
          new Paragraph({ text: minutes.heading, heading: HeadingLevel.HEADING_1 }),
          ...(minutes.version === 'public' ? [plain('Public version: exempt business is left out.', { italics: true })] : []),
          plain(versionLine(minutes), { bold: true }),
          ...(hash ? [new Paragraph({ children: [new TextRun({ text: hash, font: 'Courier New', size: 16 })] })] : []),
          ...(minutes.chairedBy ? [plain(`Chair: ${minutes.chairedBy}`)] : []),
          heading('Present'),
          ...bullets(minutes.present.map(({ agency, people }) => `${agency}: ${people.join(', ')}`)),
          ...(minutes.inAttendance.length > 0 ? [heading('In attendance'), ...bullets(minutes.inAttendance)] : []),
          heading('Apologies'),
          ...bullets(minutes.apologies),
          heading('Declarations of interest'),
          ...bullets(minutes.declarations.map(({ member, about, interest }) => `${member} (${about}): ${interest}`)),
          ...minutes.items.flatMap(itemParagraphs),
          ...(minutes.actions.length > 0 ? [heading('Actions'), actionsTable(minutes)] : []),
          ...(minutes.escalations.length > 0 ? [heading('Escalations made'), ...bullets(minutes.escalations.map(({ summary, toBody }) => `To ${toBody}: ${summary}`))] : []),
          ...(minutes.priorities.length > 0 ? [heading('Priorities received'), ...bullets(minutes.priorities.map(({ title, fromBody }) => `From ${fromBody}: ${title}`))] : []),
          heading('Date of next meeting'),
          plain(minutes.nextMeeting ?? 'To be arranged.'),
          new Paragraph({ spacing: { before: 720 }, children: runs(confirmed ? confirmed.join('\n') : SIGNATURE_LINE) }),
          ...marking,
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
