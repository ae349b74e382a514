/** Helpers shared by the live documents' schemas (meetings, action logs). */
import * as Y from 'yjs';
import * as z from 'zod';

/** One way a document breaks its rules, with where. */
export interface DocIssue {
  path: string;
  message: string;
}

/**
 * Typing judged before it is applied (the server reads plain typing from the
 * update's bytes, so its peers need not wait for Yjs): `characters` more in
 * `text` than it holds now.
 */
export interface UnappliedTyping {
  text: Y.Text;
  characters: number;
}

/** A text's length once `unapplied`, if it is typing into this text, is applied. */
export function lengthOnceTyped(text: Y.Text, unapplied?: UnappliedTyping): number {
  return unapplied?.text === text ? text.length + unapplied.characters : text.length;
}

/** A map's plain values (not nested Yjs types), for checking with a zod schema. */
export function plainEntries(map: Y.Map<unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  map.forEach((value, key) => {
    if (!(value instanceof Y.AbstractType)) plain[key] = value;
  });
  return plain;
}

export function zodIssues(path: string, result: z.ZodSafeParseResult<unknown>): DocIssue[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: [path, ...issue.path].join('.'), message: issue.message }));
}

/** The id of an item, action or entry in a document (as `newId` makes them, or a client's own). */
export const docId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be a short id' });

/** A short random id for items, actions and entries created in a document. */
export function newId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
