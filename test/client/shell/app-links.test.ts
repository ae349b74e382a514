import { expect } from '@open-wc/testing';
import { appLinkPath } from '../../../client/shell/app-links.js';
import { describe, it } from '../mocha.js';

describe('appLinkPath', () => {
  const here = { origin: location.origin, pathname: '/map', search: '' };

  function clickOn(href: string, init: MouseEventInit = {}, attributes: Record<string, string> = {}) {
    const anchor = document.createElement('a');
    anchor.href = href;
    for (const [name, value] of Object.entries(attributes)) anchor.setAttribute(name, value);
    document.body.append(anchor);
    let path: string | undefined | null = null;
    anchor.addEventListener('click', (event) => {
      path = appLinkPath(event, here);
      event.preventDefault();
    });
    anchor.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init }));
    anchor.remove();
    return path;
  }

  it('keeps plain clicks on the app’s own pages inside the app', () => {
    expect(clickOn('/bodies/5')).to.equal('/bodies/5');
    expect(clickOn('/my-actions?sort=due')).to.equal('/my-actions?sort=due');
  });

  it('leaves the browser to handle new tabs, downloads, other sites, the API and fragments of this page', () => {
    expect(clickOn('/bodies/5', { ctrlKey: true })).to.equal(undefined);
    expect(clickOn('/bodies/5', {}, { target: '_blank' })).to.equal(undefined);
    expect(clickOn('/api/bodies/5/actions.csv', {}, { download: '' })).to.equal(undefined);
    expect(clickOn('https://www.gov.uk/')).to.equal(undefined);
    expect(clickOn('/map#diagram')).to.equal(undefined);
  });
});
