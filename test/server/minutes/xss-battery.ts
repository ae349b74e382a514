import { strFromU8 } from 'fflate';

/** Payloads typed into minutes and decisions by someone hostile, and a check that HTML holding them is inert. */
export const XSS_PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '<a href="javascript:alert(1)" onclick="alert(2)">click</a>',
  '[link](javascript:alert("md"))',
  '[entity](&#106;avascript:alert(5))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[vb](vbscript:msgbox(1))',
  '![pixel](https://tracker.example/p.gif)',
  '<svg onload=alert("svg")><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<div style="position:fixed;inset:0;z-index:9999;background:white">Meeting adjourned</div>',
  '<style>body{visibility:hidden}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href=" JaVaScRiPt:alert(1)">spaced</a>',
  '<!--><img src=x onerror=alert(1)>-->',
  '[ref][evil]\n\n[evil]: javascript:alert("ref")',
] as const;

const ALLOWED_TAGS = new Set([
  ...['html', 'head', 'meta', 'title', 'body', 'main', 'section', 'div', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'code', 'pre'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'input'],
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'rel', 'lang', 'charset', 'name', 'content', 'id', 'class', 'scope', 'align', 'start', 'type', 'disabled', 'checked']);

/**
 * What is wrong with a piece of HTML, as a list: any tag or attribute outside
 * what minutes produce, any link not to a web or mail address. The page's own
 * one <style> element (its print stylesheet) is taken out first by the caller.
 */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [tag, name, attributes] = [match[0], match[1]!.toLowerCase(), match[2]!];
    if (!ALLOWED_TAGS.has(name)) problems.push(`tag ${tag}`);
    for (const attribute of attributes.matchAll(/([^\s"'=/<>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const attributeName = attribute[1]!.toLowerCase();
      if (!ALLOWED_ATTRIBUTES.has(attributeName)) problems.push(`attribute ${attributeName} in ${tag}`);
      if (attributeName === 'href' && !/^["']?(https?:\/\/|mailto:)/i.test(attribute[2] ?? '')) problems.push(`link ${tag}`);
    }
  }
  return problems;
}

/** A correction's reason as someone hostile might type it: every payload at once, as one reason. */
export const HOSTILE_REASON = XSS_PAYLOADS.join(' ');

/**
 * What in an unzipped Word document could link, embed or call out: any
 * hyperlink, embedded HTML, external target or field other than the page
 * numbers, and any address in its relationships but the schemas'.
 */
export function activeDocxParts(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const xml = strFromU8(bytes);
    const active = xml.match(/<w:hyperlink|altChunk|TargetMode="External"|<w:fldSimple|<w:instrText(?![^<]*(PAGE|NUMPAGES))|<script/i);
    if (active) problems.push(`${name}: ${active[0]}`);
    const address = name.endsWith('.rels') ? xml.match(/javascript:|data:|https?:\/\/(?!schemas\.)/i) : null;
    if (address) problems.push(`${name}: ${address[0]}`);
  }
  return problems;
}
