import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CurrentUser } from '../../shared/api.js';
import type { Participant } from './presence.js';
import { baseStyles } from '../shell/styles.js';

/** Who has the meeting open, with their agency and which item's minutes they are editing. */
@customElement('presence-list')
export class PresenceList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.375rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .agency,
      .editing {
        display: block;
        color: var(--q-secondary-text);
        font-size: 0.9375rem;
      }
    `,
  ];

  /** The signed-in user, always listed first. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** Everyone else with the meeting open. */
  @property({ attribute: false }) participants: Participant[] = [];

  /** Item titles by id, to say what people are editing. */
  @property({ attribute: false }) itemTitles: ReadonlyMap<string, string> = new Map();

  override render() {
    return html`<ul aria-label="People in this meeting">
        ${this.user
          ? html`<li>
              <strong>${this.user.name} (you)</strong>
              <span class="agency">${this.user.agency.shortName}</span>
            </li>`
          : ''}
        ${this.participants.map(
          (participant) => html`<li>
            <strong>${participant.user.name}</strong>
            <span class="agency">${participant.user.agency}</span>
            ${participant.editing.length > 0
              ? html`<span class="editing">
                  Editing ${participant.editing.map((id) => this.itemTitles.get(id) ?? 'an item').join(', ')}
                </span>`
              : ''}
          </li>`,
        )}
      </ul>
      ${this.participants.length === 0 ? html`<p>Nobody else is here yet.</p>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presence-list': PresenceList;
  }
}
