import { expect } from '@open-wc/testing';
import { isAppUrl, routeFor } from '../../../client/shell/routes.js';
import { describe, it } from '../mocha.js';

describe('routeFor', () => {
  it('knows the app’s pages', () => {
    expect(routeFor('/')).to.deep.equal({ page: 'home' });
    expect(routeFor('/map')).to.deep.equal({ page: 'map' });
    expect(routeFor('/map/')).to.deep.equal({ page: 'map' });
    expect(routeFor('/sign-in')).to.deep.equal({ page: 'sign-in' });
    expect(routeFor('/bodies/5')).to.deep.equal({ page: 'body', bodyId: 5 });
    expect(routeFor('/bodies/5/')).to.deep.equal({ page: 'body', bodyId: 5 });
    expect(routeFor('/meetings/42')).to.deep.equal({ page: 'meeting', meetingId: 42 });
    expect(routeFor('/meetings/42/minutes')).to.deep.equal({ page: 'minutes', meetingId: 42 });
    expect(routeFor('/bodies/5/minutes')).to.deep.equal({ page: 'minutes-archive', bodyId: 5 });
    expect(routeFor('/bodies/5/minutes/')).to.deep.equal({ page: 'minutes-archive', bodyId: 5 });
    expect(routeFor('/bodies/5/actions')).to.deep.equal({ page: 'action-log', bodyId: 5 });
    expect(routeFor('/my-actions')).to.deep.equal({ page: 'my-actions' });
  });

  it('sends anything else to "not found"', () => {
    for (const path of ['/bodies', '/bodies/0', '/bodies/-1', '/bodies/1e3', '/bodies/abc', '/nope', '/bodies/5/extra', '/meetings', '/meetings/0', '/meetings/1e3', '/meetings/4/extra', '/meetings/1e3/minutes', '/bodies/1e3/minutes', '/bodies/5/minutes/2', '/map/5']) {
      expect(routeFor(path), path).to.deep.equal({ page: 'not-found' });
    }
  });
});

describe('isAppUrl', () => {
  const origin = 'https://quorum.example';
  it('accepts the app’s own pages and nothing else', () => {
    expect(isAppUrl(new URL('/bodies/3', origin), origin)).to.equal(true);
    expect(isAppUrl(new URL('/api/bodies', origin), origin)).to.equal(false);
    expect(isAppUrl(new URL('/minutes.pdf', origin), origin)).to.equal(false);
    expect(isAppUrl(new URL('https://gov.uk/'), origin)).to.equal(false);
  });
});
