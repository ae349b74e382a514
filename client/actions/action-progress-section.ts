import { html, nothing } from 'lit';
import type { Action } from '../../shared/action-log-doc.js';
import type { BodyMember } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import './progress-form.js';

interface ProgressSectionOptions {
  action: Action;
  members: BodyMember[];
  mayAdd: boolean;
  save: (text: string) => Promise<void> | void;
}

/** An action's progress updates, newest first, and the form to add one. */
export function renderProgressSection({ action, members, mayAdd, save }: ProgressSectionOptions) {
  const names = new Map(members.map((member) => [member.userId, member.name]));
  const entries = [...action.progress].sort((a, b) => b.at.localeCompare(a.at));
  return html`<h3>Progress</h3>
    ${entries.length === 0
      ? html`<p>No progress updates yet.</p>`
      : html`<ol class="progress" reversed>
          ${entries.map(
            (entry) => html`<li>
              ${entry.text}
              <span class="meta">${names.get(entry.authorId) ?? 'Former member'}, ${formatDateTime(entry.at)}</span>
            </li>`,
          )}
        </ol>`}
    ${mayAdd ? html`<progress-form .save=${save}></progress-form>` : nothing}`;
}
