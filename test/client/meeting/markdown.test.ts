import { expect } from '@open-wc/testing';
import { renderMarkdown } from '../../../client/meeting/markdown.js';
import { describe, it } from '../mocha.js';

/** The rendered HTML as the page would hold it, to inspect elements and attributes. */
function rendered(markdown: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderMarkdown(markdown);
  return host;
}

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('**RESOLVED** that\n\n- one')).to.equal('<p><strong>RESOLVED</strong> that</p>\n<ul>\n<li>one</li>\n</ul>\n');
  });

  it('keeps what minutes are written with: headings, lists, tables, quotes, code', () => {
    const host = rendered('## Actions\n\n1. one\n2. two\n\n| Who | When |\n| :-: | --- |\n| PC Shaw | May |\n\n> quoted\n\n`code` ~~gone~~');
    for (const selector of ['h2', 'ol > li', 'table th[align="center"]', 'td', 'blockquote', 'code', 'del']) {
      expect(host.querySelector(selector), selector).not.to.equal(null);
    }
  });

  it('strips scripts, event handlers, javascript: links and images', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\n[click](javascript:alert(3))');
    expect(html).not.to.match(/onerror|<script|javascript:/i);
    expect(html).not.to.contain('<img');
    expect(html).to.contain('<a>click</a>');
  });

  it('allows no style attribute, no <style> element and no class, so nothing can cover the page', () => {
    const host = rendered(
      [
        '<a href="https://evil.example" style="position:fixed;inset:0;z-index:9999;background:white">Meeting adjourned</a>',
        '<div style="position:fixed;top:0;left:0;width:100vw;height:100vh">cover</div>',
        '<style>body { visibility: hidden } a { position: fixed; inset: 0 }</style>',
        '<span class="visually-hidden" id="main">hidden</span>',
        '<svg><style>*{display:none}</style></svg><math><style>*{}</style></math>',
        '<p popover data-x="1" aria-hidden="true">text</p>',
      ].join('\n\n'),
    );
    expect(host.querySelectorAll('[style]')).to.have.length(0);
    expect(host.querySelectorAll('style, svg, math')).to.have.length(0);
    expect(host.querySelectorAll('[class], [id], [popover], [data-x], [aria-hidden]')).to.have.length(0);
    expect(host.textContent).to.contain('Meeting adjourned');
  });

  it('keeps event handlers and javascript: URLs out of links, whatever their spelling', () => {
    const host = rendered(
      '<a href="JaVaScRiPt:alert(1)" onclick="alert(2)" onmouseover="alert(3)">one</a> <a href=" javascript:alert(4)">two</a> [three](&#106;avascript:alert(5))',
    );
    for (const link of host.querySelectorAll('a')) {
      expect(link.getAttributeNames().filter((name) => name.startsWith('on'))).to.deep.equal([]);
      expect(link.getAttribute('href') ?? '').not.to.match(/script:/i);
    }
  });

  it('gives every link rel="noopener noreferrer" and no target of its own', () => {
    const host = rendered('[Home Office guidance](https://www.gov.uk/guidance) and <a href="https://example.org" target="_top" rel="opener">this</a>');
    const links = [...host.querySelectorAll('a')];
    expect(links).to.have.length(2);
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.hasAttribute('target')).to.equal(false);
    }
    expect(links[0]!.getAttribute('href')).to.equal('https://www.gov.uk/guidance');
  });
});
