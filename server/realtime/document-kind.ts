import type * as Y from 'yjs';
import type { DocIssue, UnappliedTyping } from '../../shared/doc-validation.js';
import type { DocumentAccess, PresenceUser, Refusal } from '../../shared/realtime-protocol.js';

/** Thrown by a document kind to refuse a connection; becomes a named close code. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'RefusalError';
  }
}

/** A change the server tried to make would break the document's rules; nothing was stored. */
export class ServerChangeRefusedError extends Error {
  constructor(readonly issues: DocIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; '));
    this.name = 'ServerChangeRefusedError';
  }
}

export interface Grant<Context> {
  access: DocumentAccess;
  user: PresenceUser;
  /** Whatever the kind needs later to validate this connection's updates. */
  context: Context;
}

/**
 * What differs between kinds of document (a meeting, a body's action log):
 * who may open it, what it must look like, and what follows a change. The
 * endpoint and rooms handle the protocol and persistence for every kind.
 */
export interface DocumentKind<Context = unknown, Guarded = unknown> {
  /** True if this kind serves the named document. */
  owns(docName: string): boolean;
  /** Decides what the user may do with the document, or throws RefusalError. */
  authorize(payload: { docName: string; userId: number }): Promise<Grant<Context>>;
  /** Captures, before an update is applied, what `validate` compares against. */
  capture(payload: { doc: Y.Doc }): Guarded;
  /**
   * True if what `capture` recorded still holds after an accepted update that
   * changed only the types in `changed` (typing into a meeting's minutes
   * changes nothing it records): the room then keeps that capture for the next
   * update rather than walking the document again at every keystroke.
   */
  captureOutlives?(changed: ReadonlySet<Y.AbstractType<any>>): boolean;
  /**
   * The ways the document, after an update from this connection, breaks the
   * rules. `changed` holds the types the update changed, so a kind can check
   * plain typing quickly.
   */
  validate(payload: { doc: Y.Doc; before: Guarded; context: Context; changed: ReadonlySet<Y.AbstractType<any>> }): DocIssue[];
  /**
   * The ways plain typing not yet applied (`typing.characters` more in
   * `typing.text`) would break the rules: what `validate` answers once it is
   * applied and only that text changed. A kind that has it lets a room store
   * and send plain typing it has read from the update's bytes before Yjs
   * applies it; without it, every update is applied first.
   */
  validateTyping?(payload: { doc: Y.Doc; before: Guarded; context: Context; typing: UnappliedTyping }): DocIssue[];
  /**
   * After a peer's update is accepted, the server's own follow-up, if any
   * (e.g. numbering a new action); applied, stored and sent to every peer.
   */
  complete?(payload: { doc: Y.Doc; context: Context }): ((doc: Y.Doc) => void) | undefined;
  /**
   * The ways the document, after a change the server itself made (a REST
   * progress update, a status change), breaks the schema and its limits. The
   * room undoes such a change and throws `ServerChangeRefusedError`, so the
   * server never stores a state its own validation would refuse.
   */
  check(payload: { docName: string; doc: Y.Doc }): Promise<DocIssue[]>;
  /**
   * Called (debounced) after accepted changes; mirrors the document into SQL.
   * Reads the document before its first await: the room calls it between
   * messages, when the document holds only checked, stored changes.
   */
  project(payload: { docName: string; doc: Y.Doc; editorIds: readonly number[] }): Promise<void>;
}
