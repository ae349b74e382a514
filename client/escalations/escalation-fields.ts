/** The text fields escalation forms share: a summary and reason, an answer's note. */
import { html, nothing } from 'lit';

export interface TextAreaField {
  /** The element id; the hint and error take it as a prefix. */
  id: string;
  /** The request field it fills. */
  name: string;
  label: string;
  hint?: string;
  max: number;
  error?: string;
}

export function textAreaField({ id, name, label, hint, max, error }: TextAreaField) {
  const limit = `Up to ${max.toLocaleString('en-GB')} characters.`;
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <span class="hint" id="${id}-hint">${hint ? `${hint} ` : ''}${limit}</span>
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
    <textarea id=${id} name=${name} maxlength=${max} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}></textarea>
  </div>`;
}

/** The values of the named fields of a form, as typed. */
export function readFields<N extends string>(form: HTMLFormElement, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(
    names.map((name) => [name, (form.elements.namedItem(name) as HTMLTextAreaElement | null)?.value ?? '']),
  ) as Record<N, string>;
}

/** For a confidential body, only this summary and the reason go up: never the action's own details. */
export const SUMMARY_HINT =
  'Written for the receiving body. If this body is confidential, only this summary and the reason are shared, never the action’s own details.';
