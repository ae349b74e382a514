/**
 * The app's one socket.io connection: notifications and "this list changed"
 * for the bodies and priorities on screen. Listeners and watches are kept
 * here, not on the socket, so pages may subscribe before the connection is
 * up (or in tests, where none is) and watches are sent again after every
 * reconnect. Events say only what changed; pages fetch again over the API.
 */
import { io, type Socket } from 'socket.io-client';
import { LIVE_EVENTS_PATH, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/live-events.js';

type EventName = keyof ServerToClientEvents;
type Listener<E extends EventName> = ServerToClientEvents[E];
/** Every server event carries one value. */
type Payload<E extends EventName> = Parameters<Listener<E>>[0];
type AnyListener = (payload: unknown) => void;
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Socket events passed through to listeners. */
const RELAYED: readonly EventName[] = ['notification', 'notifications:unread', 'body:changed', 'priority:changed'];

export class LiveEvents {
  private socket: LiveSocket | null = null;
  private readonly listeners = new Map<EventName, Set<AnyListener>>();
  /** Watches by id, counted: two views of one body share one watch. */
  private readonly bodies = new Map<number, number>();
  private readonly priorities = new Map<number, number>();

  /** Opens the connection with the session cookie (after signing in). */
  connect(): void {
    if (this.socket) return;
    const socket: LiveSocket = io({ path: LIVE_EVENTS_PATH, withCredentials: true, transports: ['websocket', 'polling'] });
    for (const event of RELAYED) socket.on(event, ((payload: unknown) => this.deliver(event, payload as never)) as never);
    socket.on('connect', () => {
      for (const bodyId of this.bodies.keys()) socket.emit('body:watch', bodyId, () => {});
      for (const priorityId of this.priorities.keys()) socket.emit('priority:watch', priorityId, () => {});
    });
    this.socket = socket;
  }

  /** Closes it (on signing out). */
  disconnect(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Calls the listener for each such event; returns how to stop. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as AnyListener);
    this.listeners.set(event, set);
    return () => set.delete(listener as AnyListener);
  }

  /** Hands an event to its listeners: from the socket, or from a test. */
  deliver<E extends EventName>(event: E, payload: Payload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** Asks to hear when the body's lists change; returns how to stop. */
  watchBody(bodyId: number): () => void {
    return this.watch(this.bodies, bodyId, 'body:watch', 'body:unwatch');
  }

  /** Asks to hear when a priority's golden thread changes; returns how to stop. */
  watchPriority(priorityId: number): () => void {
    return this.watch(this.priorities, priorityId, 'priority:watch', 'priority:unwatch');
  }

  private watch(
    counts: Map<number, number>,
    id: number,
    watch: 'body:watch' | 'priority:watch',
    unwatch: 'body:unwatch' | 'priority:unwatch',
  ): () => void {
    const count = counts.get(id) ?? 0;
    counts.set(id, count + 1);
    if (count === 0) this.socket?.emit(watch, id, () => {});
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      const left = (counts.get(id) ?? 1) - 1;
      if (left > 0) return void counts.set(id, left);
      counts.delete(id);
      this.socket?.emit(unwatch, id);
    };
  }
}

/** The app's connection. */
export const liveEvents = new LiveEvents();
