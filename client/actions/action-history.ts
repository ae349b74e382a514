import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ActionHistoryEntry } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { getActionHistory } from '../shell/api.js';
import { loadUnlessNotFound } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';

/** Who changed what on an action, and when: fetched when asked for, newest first. */
@customElement('action-history')
export class ActionHistory extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.875rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.25rem 0.5rem 0.25rem 0;
        border-bottom: 1px solid var(--q-border);
      }
    `,
  ];

  /** The body whose log holds the action. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The action whose history to tell. */
  @property({ attribute: 'action-id' }) actionId = '';

  private readonly _history = new Task(this, {
    // Not yet projected by the server: nothing recorded so far.
    task: ([bodyId, actionId]: [number, string]) =>
      loadUnlessNotFound<ActionHistoryEntry[]>(this, async () => [...(await getActionHistory(bodyId, actionId)).history].reverse(), []),
    args: () => [this.bodyId, this.actionId] as [number, string],
    autoRun: false,
  });

  override render() {
    const show = html`<button type="button" class="secondary small" @click=${this._onShowClick}>Show history</button>`;
    if (this._history.status === TaskStatus.INITIAL) return show;
    return this._history.render({
      pending: () => html`<p class="status">Loading the history…</p>`,
      error: (error) => html`<p class="field-error">${(error as Error).message}</p>
        <button type="button" class="secondary small" @click=${this._onShowClick}>Try again</button>`,
      complete: (entries) =>
        entries.length === 0
          ? html`<p>No changes recorded yet.</p>`
          : html`<table>
              <caption class="visually-hidden">History of changes</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What changed</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (entry) => html`<tr>
                    <td>${formatDateTime(entry.at)}</td>
                    <td>${entry.by.map((person) => person.name).join(', ') || 'Quorum'}</td>
                    <td>${entry.label}: ${entry.from === null ? '' : html`${entry.from} → `}${entry.to ?? 'cleared'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`,
    });
  }

  private _onShowClick() {
    void this._history.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-history': ActionHistory;
  }
}
