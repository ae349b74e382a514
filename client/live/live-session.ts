/**
 * One user's live connection to a shared document (a meeting, a body's action
 * log): the Y.Doc, its copy in IndexedDB (so edits made offline survive a
 * reload and merge on reconnect), the y-websocket provider and the presence
 * it carries. It turns the provider's events and the server's refusals into
 * one connection state.
 */
import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_TYPE, parseRefusal, refusalForCloseCode, type Refusal, type RefusalCode } from '../../shared/realtime-protocol.js';
import { deleteLocalCopy, localCopyName, rememberLocalCopy } from './local-copies.js';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

/** What a page needs from a session; tests hand the page a fake one. */
export interface LiveConnection {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly state: ConnectionState;
  /** Why the server closed the connection for good, when `state` is 'refused'. */
  readonly refusal: Refusal | null;
  /** Set when the server refused a change and the session started again from the server's copy. */
  readonly refusedChange: string | null;
  /** Calls `listener` whenever the state, the refusal or the document itself changes. */
  subscribe(listener: () => void): () => void;
  /** Drops the local copy and connects again from scratch (after a refusal). */
  reconnect(): void;
  destroy(): void;
}

export interface LiveSessionOptions {
  docName: string;
  /** Whose copy this is: local copies are kept per user. */
  userId: number;
  /** Defaults to this origin's Yjs endpoint. */
  serverUrl?: string;
  /** Keep a copy in IndexedDB (default true). */
  persist?: boolean;
  /** Attempts after which a dropped connection counts as offline rather than reconnecting. */
  offlineAfterAttempts?: number;
  /** What the document is, in the refusal messages: "meeting", "action log". */
  noun?: string;
  /** This client's presence fields before it says what it is editing. */
  initialPresence?: Record<string, unknown>;
}

/** What each refusal means to the person, when the server closed without saying (the close code alone). */
function refusalMessages(noun: string): Record<RefusalCode, string> {
  return {
    unauthenticated: 'Your session has ended. Sign in again to carry on.',
    forbidden: `You no longer have access to this ${noun}.`,
    not_found: `There is no such ${noun}.`,
    write_refused: `You can read this ${noun} but not change it.`,
    invalid_update: `The change broke the ${noun}’s rules.`,
    too_many_connections: 'You have too many live connections open; close some tabs and this one will connect.',
  };
}

/** Refusals after which this browser's copy is worthless or no longer ours to keep. */
const DISCARD_LOCAL_COPY: ReadonlySet<RefusalCode> = new Set(['forbidden', 'not_found', 'write_refused', 'invalid_update']);

/** More fresh starts than this inside a minute means something is wrong that starting again will not fix. */
const MAX_FRESH_STARTS = 3;

export function defaultYjsServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

export class LiveSession implements LiveConnection {
  doc!: Y.Doc;
  state: ConnectionState = 'connecting';
  refusal: Refusal | null = null;
  refusedChange: string | null = null;

  private provider!: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<LiveSessionOptions>;
  private readonly copyName: string;
  /** The reason the server gave just before closing, read from its "permission denied" message. */
  private lastRefusal: Refusal | null = null;
  private hasSynced = false;
  private freshStarts: number[] = [];
  private destroyed = false;

  constructor(options: LiveSessionOptions) {
    this.options = {
      serverUrl: defaultYjsServerUrl(),
      persist: true,
      offlineAfterAttempts: 3,
      noun: 'document',
      initialPresence: {},
      ...options,
    };
    this.copyName = localCopyName(options.userId, options.docName);
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    this.open();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reconnect(): void {
    this.startFresh();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
    this.close();
    this.listeners.clear();
  }

  private open(): void {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(this.options.serverUrl, this.options.docName, doc, {
      connect: false,
      // Tabs share the IndexedDB copy; a BroadcastChannel would also pass refused edits between them.
      disableBc: true,
      maxBackoffTime: 5000,
    });
    for (const [field, value] of Object.entries(this.options.initialPresence)) provider.awareness.setLocalStateField(field, value);
    provider.messageHandlers[MESSAGE_TYPE.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder); // "permission denied"
      this.lastRefusal = parseRefusal(decoding.readVarString(decoder)) ?? null;
    };
    provider.on('status', () => this.updateState());
    provider.on('sync', (synced: boolean) => {
      if (synced) this.hasSynced = true;
      this.updateState();
    });
    provider.on('connection-close', () => this.updateState());
    provider.on('closed', ({ code }: { code: number; reason: string }) => this.onClosed(provider, code));
    this.doc = doc;
    this.provider = provider;
    this.hasSynced = false;
    this.lastRefusal = null;
    this.state = 'connecting';

    const connect = () => {
      if (!this.destroyed && this.provider === provider) provider.connect();
    };
    if (this.options.persist) {
      rememberLocalCopy(this.copyName);
      this.persistence = new IndexeddbPersistence(this.copyName, doc);
      // Load what this browser kept before connecting, so offline edits go up in the first sync.
      void this.persistence.whenSynced.then(connect, connect);
    } else {
      connect();
    }
  }

  private close(): void {
    this.provider.destroy();
    void this.persistence?.destroy();
    this.persistence = null;
    this.doc.destroy();
  }

  private updateState(): void {
    if (this.destroyed || this.state === 'refused') return;
    const provider = this.provider;
    let state: ConnectionState;
    if (provider.wsconnected && provider.synced) state = 'connected';
    else if (!navigator.onLine || provider.wsUnsuccessfulReconnects >= this.options.offlineAfterAttempts) state = 'offline';
    else if (this.hasSynced || provider.wsUnsuccessfulReconnects > 0) state = 'reconnecting';
    else state = 'connecting';
    this.setState(state);
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private onClosed(provider: WebsocketProvider, code: number): void {
    if (this.destroyed || provider !== this.provider) return;
    const refusedAs = refusalForCloseCode(code);
    const refusal = this.lastRefusal ?? (refusedAs ? { code: refusedAs, message: refusalMessages(this.options.noun)[refusedAs] } : { code: 'forbidden', message: `The server closed the connection (${code}).` });
    if (refusal.code === 'invalid_update' && this.mayStartFresh()) {
      // The server never stored the change; neither should we, or it would be sent again on every visit.
      this.refusedChange = refusal.message;
      this.startFresh();
      return;
    }
    this.refusal = refusal;
    if (DISCARD_LOCAL_COPY.has(refusal.code)) void this.discardLocalCopy();
    this.setState('refused');
  }

  private mayStartFresh(): boolean {
    const now = Date.now();
    this.freshStarts = this.freshStarts.filter((at) => now - at < 60_000);
    return this.freshStarts.length < MAX_FRESH_STARTS;
  }

  private async discardLocalCopy(): Promise<void> {
    const persistence = this.persistence;
    this.persistence = null;
    if (persistence) await persistence.clearData();
    else if (this.options.persist) await deleteLocalCopy(this.copyName);
  }

  private startFresh(): void {
    if (this.destroyed) return;
    this.freshStarts.push(Date.now());
    const persistence = this.persistence;
    this.persistence = null;
    this.provider.destroy();
    this.doc.destroy();
    this.refusal = null;
    this.state = 'connecting';
    // Open the new copy only once the old one is deleted, or it would load the refused edits again.
    const cleared = persistence ? persistence.clearData() : this.options.persist ? deleteLocalCopy(this.copyName) : Promise.resolve();
    void cleared.then(() => {
      if (this.destroyed) return;
      this.open();
      this.notify();
    });
    this.notify();
  }

  private readonly onNetworkChange = () => this.updateState();
}
