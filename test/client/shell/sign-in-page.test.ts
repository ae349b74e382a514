import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../client/shell/sign-in-page.js';
import type { SignInPage } from '../../../client/shell/sign-in-page.js';
import { expectNoAxeViolations } from '../axe.js';
import { deferred, errorResponse, fakeApi, jsonResponse, session, type FakeApi } from '../fake-api.js';
import { describe, it, afterEach } from '../mocha.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<sign-in-page>', () => {
  let api: FakeApi | undefined;
  afterEach(() => api?.restore());

  async function signInPage() {
    const el = await fixture<SignInPage>(html`<sign-in-page></sign-in-page>`);
    const root = el.shadowRoot!;
    const email = root.querySelector<HTMLInputElement>('#email')!;
    const password = root.querySelector<HTMLInputElement>('#password')!;
    const button = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    const fill = (values: { email: string; password: string }) => {
      email.value = values.email;
      password.value = values.password;
    };
    const submit = async () => {
      button.click();
      await el.updateComplete;
    };
    return { el, root, email, password, button, fill, submit };
  }

  it('labels its fields and lets password managers fill them', async () => {
    const { root, email, password } = await signInPage();
    expect(text(root.querySelector('h1'))).to.equal('Sign in to Quorum');
    expect(text(root.querySelector('label[for=email]'))).to.equal('Email address');
    expect(text(root.querySelector('label[for=password]'))).to.equal('Password');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
  });

  it('shows what is wrong with each field, without asking the server', async () => {
    api = fakeApi({});
    const { root, email, password, fill, submit } = await signInPage();
    fill({ email: 'chair.jag', password: '' });
    await submit();

    expect(api.requests).to.have.length(0);
    expect(text(root.querySelector('[role=alert]'))).to.contain('There is a problem');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.getElementById(email.getAttribute('aria-describedby')!))).to.equal('Error: Enter a valid email address');
    expect(text(root.getElementById(password.getAttribute('aria-describedby')!))).to.equal('Error: Enter your password');
    expect(root.activeElement).to.equal(email);
  });

  it('disables the button while signing in, then announces the session', async () => {
    const answer = deferred<Response>();
    api = fakeApi({ 'POST /api/session': () => answer.promise });
    const { el, root, button, email, fill, submit } = await signInPage();
    fill({ email: ' chair.jag@demo.quorum.test ', password: 'demo-quorum-2026' });
    await submit();

    expect(button.disabled).to.equal(true);
    expect(text(button)).to.equal('Signing in…');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(api.requests[0]!.body).to.deep.equal({ email: 'chair.jag@demo.quorum.test', password: 'demo-quorum-2026' });
    expect(api.requests[0]!.init!.credentials).to.equal('same-origin');
    expect(new Headers(api.requests[0]!.init!.headers).get('Content-Type')).to.equal('application/json');

    const signedIn = oneEvent(el, 'signed-in');
    answer.resolve(jsonResponse(session));
    const event = await signedIn;
    expect(event.detail.user.name).to.equal('Priya Shah');
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(text(root.querySelector('[role=alert]'))).to.equal('');
  });

  it('shows the server’s message when the password is wrong', async () => {
    api = fakeApi({
      'POST /api/session': () => errorResponse(401, 'invalid_credentials', 'The email address or password is not right.'),
    });
    const { el, root, button, fill, submit } = await signInPage();
    fill({ email: 'chair.jag@demo.quorum.test', password: 'wrong' });
    await submit();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;

    expect(text(root.querySelector('[role=alert]'))).to.equal(
      'There is a problem The email address or password is not right.',
    );
    expect(button.disabled).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('shows the server’s message when there have been too many attempts', async () => {
    api = fakeApi({
      'POST /api/session': () =>
        errorResponse(429, 'too_many_attempts', 'Too many attempts. Try again in 15 minutes.', { 'Retry-After': '900' }),
    });
    const { el, root, fill, submit } = await signInPage();
    fill({ email: 'chair.jag@demo.quorum.test', password: 'wrong' });
    await submit();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(text(root.querySelector('[role=alert]'))).to.contain('Too many attempts. Try again in 15 minutes.');
  });

  it('has no accessibility violations, before and after a failed attempt', async () => {
    api = fakeApi({});
    const { el, fill, submit } = await signInPage();
    await expectNoAxeViolations(el);
    fill({ email: '', password: '' });
    await submit();
    await expectNoAxeViolations(el);
  });
});
