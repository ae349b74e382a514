import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/shell/quorum-app.js';
import type { QuorumApp } from '../../../client/shell/quorum-app.js';
import { listLocalCopies, localCopyName, rememberLocalCopy } from '../../../client/live/local-copies.js';
import { expectNoAxeViolations } from '../axe.js';
import { signedInRoutes, startedApp } from './app-fixtures.js';
import {
  bodiesResponse,
  deferred,
  errorResponse,
  fakeApi,
  jagDetail,
  jsonResponse,
  me,
  session,
  type FakeApi,
} from '../fake-api.js';
import { describe, it, beforeEach, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The element that has focus, looking inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The page element the app is showing, inside its shell. */
function page(app: QuorumApp): Element {
  const shell = app.shadowRoot!.querySelector('app-shell');
  if (!shell?.lastElementChild) throw new Error('No page is showing');
  return shell.lastElementChild;
}

function pageHeading(app: QuorumApp): HTMLElement | null {
  const current = page(app);
  return (current.shadowRoot ?? current).querySelector('h1');
}

describe('<quorum-app>', () => {
  const testPageUrl = location.href;
  let api: FakeApi | undefined;

  beforeEach(() => history.replaceState(null, '', '/'));
  afterEach(() => {
    api?.restore();
    history.replaceState(null, '', testPageUrl);
  });

  function signedInApi(extra: Record<string, () => Response | Promise<Response>> = {}) {
    api = fakeApi({ ...signedInRoutes, ...extra });
  }

  async function homeShown(app: QuorumApp) {
    await waitUntil(() => page(app).shadowRoot?.querySelector('home-meetings'), 'the home page never appeared');
    const meetings = page(app).shadowRoot!.querySelector('home-meetings')!;
    await meetings.updateComplete;
    return meetings;
  }

  async function mapShown(app: QuorumApp) {
    await waitUntil(() => page(app).shadowRoot?.querySelector('partnership-map'), 'the map never appeared');
    const map = page(app).shadowRoot!.querySelector('partnership-map')!;
    await map.updateComplete;
    return map;
  }

  it('shows that it is loading while it checks who is signed in', async () => {
    const answer = deferred<Response>();
    api = fakeApi({ 'GET /api/me': () => answer.promise });
    const app = await fixture<QuorumApp>(html`<quorum-app></quorum-app>`);
    const status = app.shadowRoot!.querySelector('[role=status]')!;
    expect(text(status)).to.equal('Loading…');
    expect(status.closest('[aria-busy=true]')).to.exist;
    answer.resolve(errorResponse(401, 'unauthenticated', 'Sign in to continue.'));
    await waitUntil(() => app.shadowRoot!.querySelector('app-shell sign-in-page'));
  });

  it('asks a signed-out visitor to sign in, then takes them where they were going', async () => {
    history.replaceState(null, '', '/bodies/5');
    let signedIn = false;
    api = fakeApi({
      'GET /api/me': () => (signedIn ? jsonResponse(me) : errorResponse(401, 'unauthenticated', 'Sign in to continue.')),
      'POST /api/session': () => {
        signedIn = true;
        return jsonResponse(session);
      },
      'GET /api/bodies': () => jsonResponse(bodiesResponse),
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
    });
    const app = await startedApp();
    expect(page(app).localName).to.equal('sign-in-page');
    expect(location.pathname).to.equal('/sign-in');
    expect(document.title).to.equal('Sign in – Quorum');
    expect(app.shadowRoot!.querySelector('app-shell')!.shadowRoot!.querySelector('nav')).to.equal(null);

    const form = page(app).shadowRoot!;
    form.querySelector<HTMLInputElement>('#email')!.value = 'chair.jag@demo.quorum.test';
    form.querySelector<HTMLInputElement>('#password')!.value = 'demo-quorum-2026';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

    await waitUntil(() => page(app).localName === 'body-page', 'never went to the body page');
    expect(location.pathname).to.equal('/bodies/5');
    await waitUntil(() => document.title === 'Charnwood JAG – Quorum', 'title never named the body');
    expect(deepActiveElement()).to.equal(pageHeading(app));
  });

  it('shows the signed-in user their home page, with the map a link away', async () => {
    signedInApi();
    const app = await startedApp();
    const shell = app.shadowRoot!.querySelector('app-shell')!.shadowRoot!;
    expect(text(shell.querySelector('.account p'))).to.equal('Signed in as Priya Shah Charnwood Borough Council');
    expect(shell.querySelector('nav a[aria-current=page]')!.getAttribute('href')).to.equal('/');
    expect([...shell.querySelectorAll('nav a')].map((link) => [text(link), link.getAttribute('href')])).to.deep.equal([
      ['Home', '/'],
      ['Partnership map', '/map'],
      ['My actions (2 overdue)', '/my-actions'],
    ]);
    expect(text(shell.querySelector('.skip-link'))).to.equal('Skip to main content');
    await homeShown(app);
    expect(document.title).to.equal('Home – Quorum');
    expect(text(pageHeading(app))).to.equal('Home');
    await expectNoAxeViolations(app);
  });

  it('skips to the main content from the first Tab stop, and axe finds no region or skip-link problem', async () => {
    signedInApi();
    const app = await startedApp();
    await homeShown(app);
    const shell = app.shadowRoot!.querySelector('app-shell')!;
    const skip = shell.shadowRoot!.querySelector<HTMLButtonElement>('.skip-link')!;
    expect(skip.closest('header')).to.exist;
    skip.focus();
    skip.click();
    expect(deepActiveElement()).to.equal(shell.shadowRoot!.querySelector('main'));
    // The shared helper leaves skip-link out; here it is on, with region, over the whole app.
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(app, { runOnly: ['region', 'skip-link'], resultTypes: ['violations'] });
    expect(results.violations.map((violation) => violation.id)).to.deep.equal([]);
  });

  it('follows links without reloading, moves focus to the new heading and handles Back', async () => {
    history.replaceState(null, '', '/map');
    signedInApi();
    const app = await startedApp();
    const map = await mapShown(app);

    map.shadowRoot!.querySelector<HTMLAnchorElement>('a.box[data-body-id="5"]')!.click();
    await waitUntil(() => text(pageHeading(app)) === 'Charnwood JAG', 'the body page never loaded');
    expect(location.pathname).to.equal('/bodies/5');
    expect(deepActiveElement()).to.equal(pageHeading(app));
    expect(document.title).to.equal('Charnwood JAG – Quorum');

    history.back();
    await waitUntil(() => location.pathname === '/map' && page(app).localName === 'map-page', 'Back did not return');
    await waitUntil(() => deepActiveElement() === pageHeading(app), 'focus did not move to the map heading');
    expect(document.title).to.equal('Partnership map – Quorum');
  });

  it('shows "Page not found" for an unknown address', async () => {
    history.replaceState(null, '', '/no-such-page');
    signedInApi();
    const app = await startedApp();
    expect(text(app.shadowRoot!.querySelector('h1'))).to.equal('Page not found');
    expect(document.title).to.equal('Page not found – Quorum');
  });

  it('signs out, returns to the sign-in page and wipes meeting copies kept for offline use', async () => {
    const copy = localCopyName(me.user.id, 'meeting.42');
    rememberLocalCopy(copy);
    await new Promise((resolve) => (indexedDB.open(copy).onsuccess = (event) => resolve((event.target as IDBOpenDBRequest).result.close())));
    signedInApi();
    const app = await startedApp();
    await homeShown(app);
    app.shadowRoot!.querySelector('app-shell')!.shadowRoot!.querySelector<HTMLButtonElement>('.account button')!.click();
    await waitUntil(() => page(app).localName === 'sign-in-page', 'never returned to sign in');
    expect(api!.requests.some((request) => request.method === 'DELETE' && request.path === '/api/session')).to.equal(true);
    expect(location.pathname).to.equal('/sign-in');
    await waitUntil(async () => !(await listLocalCopies()).includes(copy), 'the local copy was not wiped');
  });
});
