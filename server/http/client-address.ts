import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /**
   * How many reverse proxies in front of the server append to
   * X-Forwarded-For. 0 ignores the header: anyone can send it.
   */
  trustedProxies?: number;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** The address a request came from, for throttling: the socket's, or the one the trusted proxies saw. */
export function clientAddressReader({ trustedProxies = 0 }: ClientAddressOptions = {}) {
  return function clientAddress(c: Context): string {
    if (trustedProxies === 0) return socketAddress(c);
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // Each trusted proxy appended the address it was reached from, so the entry
    // that many from the right is the first one no client could have written.
    // A shorter list did not come through them all: trust only the socket.
    return forwarded[forwarded.length - trustedProxies] ?? socketAddress(c);
  };
}
