import { TrustedProxies } from './clientAddress';

describe('TrustedProxies', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(new TrustedProxies([]).clientAddress('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('takes the first address not written by a trusted proxy, from the right', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '127.0.0.1']);
    expect(proxies.clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.9, 10.1.2.3')).toBe('203.0.113.9');
    // A client cannot pose as another by writing the header itself: the spoofed left part is never reached.
    expect(proxies.clientAddress('10.0.0.2', 'spoofed, 203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.clientAddress('203.0.113.5', '198.51.100.1')).toBe('203.0.113.5');
  });

  it('reads IPv4 clients of a dual-stack socket and IPv6 ranges', () => {
    const proxies = new TrustedProxies(['::1', 'fd00::/8']);
    expect(proxies.clientAddress('::ffff:192.0.2.4', undefined)).toBe('192.0.2.4');
    expect(proxies.clientAddress('::1', 'fd12::1, 2001:db8::7')).toBe('2001:db8::7');
  });
});
