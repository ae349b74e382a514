import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyMember } from '../../shared/api.js';
import { ROLE_LABELS, compareRoles } from '../../shared/roles.js';
import { baseStyles } from '../shell/styles.js';

/** A body's members, grouped by agency, with their roles. */
@customElement('body-members')
export class BodyMembers extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .agency-count {
        color: var(--q-secondary-text);
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .members li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 1rem;
        padding: 0.375rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .role {
        color: var(--q-secondary-text);
      }
    `,
  ];

  /** Everyone on the body. */
  @property({ attribute: false }) members: BodyMember[] = [];

  override render() {
    const members = this.members;
    const byAgency = new Map<string, BodyMember[]>();
    for (const member of members) {
      const list = byAgency.get(member.agency.name) ?? [];
      list.push(member);
      byAgency.set(member.agency.name, list);
    }
    const agencies = [...byAgency.keys()].sort((a, b) => a.localeCompare(b, 'en-GB'));
    return html`<section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      ${members.length === 0
        ? html`<p>This body has no members yet.</p>`
        : html`<p class="agency-count">
              ${plural(members.length, 'member')} from ${plural(agencies.length, 'agency', 'agencies')}
            </p>
            ${agencies.map((agency) => {
              const agencyMembers = byAgency
                .get(agency)!
                .sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
              return html`<h3>${agency}</h3>
                <ul class="plain members">
                  ${agencyMembers.map(
                    (member) =>
                      html`<li>
                        <span>${member.name}</span>
                        <span class="role">${ROLE_LABELS[member.role]}</span>
                      </li>`,
                  )}
                </ul>`;
            })}`}
    </section>`;
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'body-members': BodyMembers;
  }
}
