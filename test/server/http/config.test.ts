// Lives beside the HTTP tests because the settings it checks decide what the
// HTTP layer trusts: the proxy's X-Forwarded-For and the public URL in links.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.js';

describe('server settings', () => {
  it('trusts no proxy and takes the public URL from the server unless told', () => {
    expect(readConfig({})).toMatchObject({ trustedProxies: 0, publicUrl: undefined });
  });

  it('reads QUORUM_TRUST_PROXY as true, false or a number of proxies', () => {
    for (const [value, trustedProxies] of [['false', 0], ['', 0], ['true', 1], ['2', 2]] as const) {
      expect(readConfig({ QUORUM_TRUST_PROXY: value }).trustedProxies, value).toBe(trustedProxies);
    }
    for (const value of ['yes', '-1', '1.5', 'TRUE']) {
      expect(() => readConfig({ QUORUM_TRUST_PROXY: value }), value).toThrow(/QUORUM_TRUST_PROXY/);
    }
  });

  it('reads QUORUM_PUBLIC_URL as a plain http(s) address without a trailing slash', () => {
    expect(readConfig({ QUORUM_PUBLIC_URL: 'https://quorum.example.org/' }).publicUrl).toBe('https://quorum.example.org');
    expect(readConfig({ QUORUM_PUBLIC_URL: 'https://example.org/quorum' }).publicUrl).toBe('https://example.org/quorum');
    for (const value of ['quorum.example.org', 'javascript:alert(1)', 'https://example.org/?x=1', 'https://user:pw@example.org']) {
      expect(() => readConfig({ QUORUM_PUBLIC_URL: value }), value).toThrow(/QUORUM_PUBLIC_URL/);
    }
  });
});
