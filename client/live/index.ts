/**
 * Live documents: a session per document (Yjs over y-websocket, with a local
 * copy for offline edits), the controller that turns its changes into
 * updates, the connection indicator and refusal notices, and the textarea
 * binding that keeps a caret in place while others type.
 */
export { CONNECTION_LABELS } from './connection-labels.js';
export { connectionStatus, refusalNotices, type RefusalNoticesOptions } from './connection-notices.js';
export { connectionStyles } from './connection-styles.js';
export { InvalidEdit } from './invalid-edit.js';
export { LiveStoreController, type LiveStore, type LiveStoreSource } from './live-store-controller.js';
export { LiveSessionHolder } from './live-session-holder.js';
export { defaultYjsServerUrl, LiveSession, type ConnectionState, type LiveConnection, type LiveSessionOptions } from './live-session.js';
export { wipeLocalMeetingCopies } from './local-copies.js';
export { TextareaBindingSlot } from './text-binding.js';
export { liveEvents, LiveEvents } from './live-events.js';
export { LiveListController, type LiveListSource } from './live-list-controller.js';
