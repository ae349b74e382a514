import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../client/shell/quorum-app.js';
import type { QuorumApp } from '../../../client/shell/quorum-app.js';
import { listLocalCopies, localCopyName, rememberLocalCopy } from '../../../client/live/local-copies.js';
import { expectNoAxeViolations } from '../axe.js';
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
    api = fakeApi({
      'GET /api/me': () => jsonResponse(me),
      'GET /api/bodies': () => jsonResponse(bodiesResponse),
      'GET /api/bodies/5': () => jsonResponse(jagDetail),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
      ...extra,
    });
  }

  async function startedApp() {
    const app = await fixture<QuorumApp>(html`<quorum-app></quorum-app>`);
    await waitUntil(() => app.shadowRoot!.querySelector('app-shell'), 'the app never started');
    return app;
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

  it('shows the signed-in user and the partnership map', async () => {
    signedInApi();
    const app = await startedApp();
    const shell = app.shadowRoot!.querySelector('app-shell')!.shadowRoot!;
    expect(text(shell.querySelector('.account p'))).to.equal('Signed in as Priya Shah Charnwood Borough Council');
    expect(shell.querySelector('nav a[aria-current=page]')!.getAttribute('href')).to.equal('/');
    expect(text(shell.querySelector('.skip-link'))).to.equal('Skip to main content');
    await mapShown(app);
    expect(document.title).to.equal('Partnership map – Quorum');
    expect(text(pageHeading(app))).to.equal('Partnership map');
    await expectNoAxeViolations(app);
  });

  it('follows links without reloading, moves focus to the new heading and handles Back', async () => {
    signedInApi();
    const app = await startedApp();
    const map = await mapShown(app);

    map.shadowRoot!.querySelector<HTMLAnchorElement>('a.box[data-body-id="5"]')!.click();
    await waitUntil(() => text(pageHeading(app)) === 'Charnwood JAG', 'the body page never loaded');
    expect(location.pathname).to.equal('/bodies/5');
    expect(deepActiveElement()).to.equal(pageHeading(app));
    expect(document.title).to.equal('Charnwood JAG – Quorum');

    history.back();
    await waitUntil(() => location.pathname === '/' && page(app).localName === 'map-page', 'Back did not return');
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
    await mapShown(app);
    app.shadowRoot!.querySelector('app-shell')!.shadowRoot!.querySelector<HTMLButtonElement>('.account button')!.click();
    await waitUntil(() => page(app).localName === 'sign-in-page', 'never returned to sign in');
    expect(api!.requests.some((request) => request.method === 'DELETE' && request.path === '/api/session')).to.equal(true);
    expect(location.pathname).to.equal('/sign-in');
    await waitUntil(async () => !(await listLocalCopies()).includes(copy), 'the local copy was not wiped');
  });
});
