import { expect } from '@open-wc/testing';
import { renderMarkdown } from '../../client/markdown.js';
import { describe, it } from './mocha.js';

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('**RESOLVED** that\n\n- one')).to.equal('<p><strong>RESOLVED</strong> that</p>\n<ul>\n<li>one</li>\n</ul>\n');
  });

  it('strips scripts, event handlers, javascript: links and images', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\n[click](javascript:alert(3))');
    expect(html).not.to.match(/onerror|<script|javascript:/i);
    expect(html).not.to.contain('<img');
    expect(html).to.contain('<a>click</a>');
  });
});
