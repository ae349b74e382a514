/**
 * Minutes as one standalone HTML page: it opens from a file with nothing
 * else, prints on A4 with the body and date in the running header and page
 * numbers in the footer, and carries no script at all.
 */
import type { CouncilMinutes, MinutesItem } from '../../shared/council-minutes.js';
import { confirmationStatement, exemptItemHeading, hashLine, partTwoMarking, SIGNATURE_LINE, versionLine } from '../../shared/council-minutes-record.js';
import { escapeHtml as e, minutesMarkdownHtml } from './minutes-markdown-html.js';

function printStyles(minutes: CouncilMinutes): string {
  // CSS strings: quotes and backslashes escaped, so a body's name cannot end the rule.
  const css = (text: string) => `"${text.replace(/[\\"\n<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
  const marking = minutes.marking ? css(minutes.marking) : '""';
  return `
    body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { font-size: 15pt; } h2 { font-size: 12pt; margin: 1.5rem 0 0.5rem; break-after: avoid; }
    .marking { text-align: center; font-weight: 700; letter-spacing: 0.05em; }
    .item { break-inside: avoid-page; } .resolved { margin: 0.75rem 0; padding-left: 1rem; border-left: 3px solid #000; }
    table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
    .signature { margin-top: 3rem; } .hash code { font-size: 8pt; overflow-wrap: anywhere; }
    a, a:visited { color: inherit; }
    @page {
      size: A4;
      margin: 22mm 18mm 20mm;
      @top-left { content: ${css(`${minutes.bodyName} — ${minutes.date}`)}; font-size: 9pt; }
      @top-right { content: ${marking}; font-size: 9pt; font-weight: 700; }
      @bottom-left { content: ${marking}; font-size: 9pt; font-weight: 700; }
      @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; }
    }
    @media print { body { margin: 0; max-width: none; padding: 0; } }`;
}

function renderItem(item: MinutesItem): string {
  const heading = `<h2 id="item-${item.number}">${item.number}. ${e(item.exempt ? exemptItemHeading(item) : item.title.toUpperCase())}</h2>`;
  if (item.exempt) return `<section class="item">${heading}</section>`;
  return `<section class="item">${heading}
    ${item.partTwo ? `<p class="marking">${e(partTwoMarking(item))}</p>` : ''}
    ${item.presenter ? `<p><em>Presented by ${e(item.presenter)}</em></p>` : ''}
    ${item.minutes ? `<div class="minutes-text">${minutesMarkdownHtml(item.minutes)}</div>` : ''}
    ${item.resolutions
      .map(
        ({ wording, reason }) => `<div class="resolved"><p><strong>RESOLVED</strong> ${e(wording)}</p>${
          reason ? `<p><strong>Reason</strong></p>${minutesMarkdownHtml(reason)}` : ''
        }</div>`,
      )
      .join('\n')}
  </section>`;
}

const list = (heading: string, lines: readonly string[]) =>
  `<h2>${heading}</h2>${lines.length === 0 ? '<p>None.</p>' : `<ul>${lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`}`;

export function councilMinutesHtml(minutes: CouncilMinutes): string {
  const marking = minutes.marking ? `<p class="marking">${e(minutes.marking)}</p>` : '';
  const hash = hashLine(minutes);
  const confirmed = confirmationStatement(minutes);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(minutes.heading)}</title>
<style>${printStyles(minutes)}</style>
</head>
<body>
<main>
${marking}
<h1>${e(minutes.heading)}</h1>
${minutes.version === 'public' ? '<p><em>Public version: exempt business is left out.</em></p>' : ''}
<p class="version"><strong>${e(versionLine(minutes))}</strong></p>
${hash ? `<p class="hash"><code>${e(hash)}</code></p>` : ''}
${minutes.chairedBy ? `<p><strong>Chair:</strong> ${e(minutes.chairedBy)}</p>` : ''}
<h2>Present</h2>
${minutes.present.length === 0 ? '<p>None recorded.</p>' : `<ul>${minutes.present.map(({ agency, people }) => `<li><strong>${e(agency)}:</strong> ${e(people.join(', '))}</li>`).join('')}</ul>`}
${minutes.inAttendance.length > 0 ? list('In attendance', minutes.inAttendance) : ''}
${list('Apologies', minutes.apologies)}
${list('Declarations of interest', minutes.declarations.map(({ member, about, interest }) => `${member} (${about}): ${interest}`))}
${minutes.items.map(renderItem).join('\n')}
${
  minutes.actions.length === 0
    ? ''
    : `<h2>Actions</h2><table><thead><tr><th scope="col">Reference</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Lead agency</th><th scope="col">Due</th></tr></thead><tbody>${minutes.actions
        .map((a) => `<tr>${[a.reference, a.action, a.owner, a.leadAgency, a.due].map((text) => `<td>${e(text)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
}
${minutes.escalations.length > 0 ? list('Escalations made', minutes.escalations.map(({ summary, toBody }) => `To ${toBody}: ${summary}`)) : ''}
${minutes.priorities.length > 0 ? list('Priorities received', minutes.priorities.map(({ title, fromBody }) => `From ${fromBody}: ${title}`)) : ''}
<h2>Date of next meeting</h2>
<p>${minutes.nextMeeting ? e(minutes.nextMeeting) : 'To be arranged.'}</p>
${confirmed ? `<p class="signature">${confirmed.map(e).join('<br>')}</p>` : `<p class="signature">${SIGNATURE_LINE}</p>`}
${marking}
</main>
</body>
</html>
`;
}
