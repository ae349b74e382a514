import type { ConnectionState } from './live-session.js';

/** What each connection state means for the user's edits, as every live page says it. */
export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected: changes are shared live',
  reconnecting: 'Reconnecting… your changes are kept on this device',
  offline: 'Offline: your changes are kept on this device and will be shared when you reconnect',
  refused: 'Not connected',
};
