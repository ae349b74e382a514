import { html, nothing } from 'lit';
import { ACTION_LOG_LIMITS, type Action } from '../../shared/action-log-doc.js';
import { actionRag, RAGS, RAG_LABELS, type Rag } from '../../shared/actions.js';
import type { ActionLogStore } from './action-log-store.js';
import { InvalidEdit, ragOverrideProblem } from './action-edits.js';
import { ragLabel } from './action-format.js';

interface RagSectionOptions {
  action: Action;
  today: string;
  error: string | undefined;
  mayOverride: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

/** An action's RAG status, and the chair's form to override it. */
export function renderRagSection({ action, today, error, mayOverride, onSubmit }: RagSectionOptions) {
  const rag = actionRag(action, today);
  const prefix = `action-${action.id}`;
  return html`<h3>RAG status</h3>
    <p>
      <span class="rag ${rag ?? 'none'}">${ragLabel(rag)}</span>
      ${action.ragOverride
        ? html`<span class="meta">Set by the chair: ${action.ragOverrideReason}</span>`
        : rag
          ? html`<span class="meta">From the due date</span>`
          : nothing}
    </p>
    ${mayOverride
      ? html`<form @submit=${onSubmit} novalidate aria-label="Override the RAG status">
          ${error ? html`<p class="field-error" id="${prefix}-rag-error">${error}</p>` : nothing}
          <div class="field">
            <label for="${prefix}-rag">Chair’s override</label>
            <select id="${prefix}-rag" name="rag">
              <option value="" ?selected=${action.ragOverride === null}>No override: from the due date</option>
              ${RAGS.map((each) => html`<option value=${each} ?selected=${action.ragOverride === each}>${RAG_LABELS[each]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="${prefix}-rag-reason">Reason for the override</label>
            <textarea
              id="${prefix}-rag-reason"
              name="reason"
              maxlength=${ACTION_LOG_LIMITS.ragReasonLength}
              .value=${action.ragOverrideReason}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${prefix}-rag-error` : nothing}
            ></textarea>
          </div>
          <button type="submit" class="secondary small">Save RAG status</button>
        </form>`
      : nothing}`;
}

export type RagOverrideOutcome = { error: string } | { announcement: string };

/** Saves the override form's choice if it keeps the log's rules; otherwise says why and focuses the field to fix. */
export function saveRagOverride(store: ActionLogStore, actionId: string, form: HTMLFormElement): RagOverrideOutcome {
  const rag = ((form.elements.namedItem('rag') as HTMLSelectElement).value || null) as Rag | null;
  const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value;
  const problem = ragOverrideProblem(rag, reason);
  if (problem) {
    (form.elements.namedItem(rag !== null && reason.trim() === '' ? 'reason' : 'rag') as HTMLElement).focus();
    return { error: problem };
  }
  try {
    store.setRagOverride(actionId, rag, reason);
  } catch (error) {
    if (!(error instanceof InvalidEdit)) throw error;
    return { error: error.message };
  }
  return { announcement: rag ? `RAG status set to ${RAG_LABELS[rag]}` : 'RAG override removed' };
}
