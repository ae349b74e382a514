/**
 * Keeps a plain <textarea> and a Y.Text in step. Local typing becomes the
 * smallest insert/delete on the Y.Text; someone else's change is written into
 * the textarea with the local caret and selection moved through the change,
 * so typing carries on where it was.
 */
import type * as Y from 'yjs';

/** One contiguous edit: at `index`, remove `remove` characters and insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The edit that turns `before` into `after`. `caret` is where the caret sits
 * in `after` (the end of what was typed, or where a deletion happened): it
 * settles the ambiguous cases, such as typing "a" into "aa".
 */
export function diffText(before: string, after: string, caret = after.length): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  // The unchanged tail cannot reach back past the caret.
  const maxSuffix = Math.min(shorter, Math.max(0, after.length - caret));
  let suffix = 0;
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const maxPrefix = shorter - suffix;
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

export interface TextRange {
  start: number;
  end: number;
}

type Delta = Y.YTextEvent['delta'];

/**
 * Moves a selection through someone else's change. Text inserted before a
 * position pushes it along; text inserted exactly at a collapsed caret goes
 * after it (the caret stays put); text inserted at either edge of a selection
 * stays outside it; deleted text around a position pulls it back to where the
 * deletion started.
 */
export function transformRange(range: TextRange, delta: Delta): TextRange {
  const collapsed = range.start === range.end;
  let { start, end } = range;
  // Walks the change in the new text's positions; start and end are moved along as it goes.
  let index = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < start || (!collapsed && index === start)) start += length;
      if (index < end) end += length;
      if (collapsed) end = start;
      index += length;
    } else if (op.delete !== undefined) {
      if (start > index) start -= Math.min(op.delete, start - index);
      if (end > index) end -= Math.min(op.delete, end - index);
    }
  }
  return { start, end };
}

/** Binds `textarea` to `text` until `destroy()` is called. */
export class TextareaBinding {
  constructor(
    private readonly textarea: HTMLTextAreaElement,
    private readonly text: Y.Text,
  ) {
    textarea.value = text.toString();
    textarea.addEventListener('input', this.onInput);
    text.observe(this.onTextChange);
  }

  destroy(): void {
    this.textarea.removeEventListener('input', this.onInput);
    this.text.unobserve(this.onTextChange);
  }

  private readonly onInput = () => {
    if (this.textarea.readOnly || this.text.doc === null) return;
    const change = diffText(this.text.toString(), this.textarea.value, this.textarea.selectionEnd);
    if (!change) return;
    this.text.doc.transact(() => {
      if (change.remove > 0) this.text.delete(change.index, change.remove);
      if (change.insert) this.text.insert(change.index, change.insert);
    }, this);
  };

  private readonly onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === this) return;
    const value = this.text.toString();
    const textarea = this.textarea;
    if (textarea.value === value) return;
    const { selectionStart, selectionEnd, selectionDirection, scrollTop } = textarea;
    const moved = transformRange({ start: selectionStart, end: selectionEnd }, event.delta);
    textarea.value = value;
    textarea.setSelectionRange(moved.start, moved.end, selectionDirection ?? 'none');
    textarea.scrollTop = scrollTop;
  };
}

/**
 * The one binding an element keeps between whichever textarea and Y.Text it
 * shows now; call `bind` after each render, `unbind` when the element leaves.
 */
export class TextareaBindingSlot {
  private current: { text: Y.Text; textarea: HTMLTextAreaElement; binding: TextareaBinding } | null = null;

  /** Binds the pair, rebinding only when either has changed; nulls just unbind. */
  bind(textarea: HTMLTextAreaElement | null, text: Y.Text | null): void {
    if (this.current?.text === text && this.current?.textarea === textarea) return;
    this.unbind();
    if (text && textarea) this.current = { text, textarea, binding: new TextareaBinding(textarea, text) };
  }

  unbind(): void {
    this.current?.binding.destroy();
    this.current = null;
  }
}
