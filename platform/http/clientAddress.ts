import net from 'node:net';

function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  // An IPv4 client on a dual-stack socket shows as ::ffff:1.2.3.4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/**
 * The address a request really comes from. X-Forwarded-For is believed only
 * as far as it was written by proxies we trust: walking from the socket's peer
 * back through the header, the first address that is not a trusted proxy is
 * the client. With no trusted proxies, the socket's peer is the client and
 * the header is ignored (anyone can write it).
 */
export class TrustedProxies {
  private readonly list = new net.BlockList();
  private readonly empty: boolean;

  /** `entries`: addresses or CIDR ranges (`10.0.0.0/8`, `::1`), as validated by the configuration. */
  constructor(entries: string[]) {
    this.empty = entries.length === 0;
    for (const entry of entries) {
      const [address, prefix] = entry.split('/') as [string, string | undefined];
      const type = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(prefix), type);
    }
  }

  isTrusted(address: string): boolean {
    const family = net.isIP(address);
    if (this.empty || family === 0) return false;
    return this.list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    let client = normalise(peer ?? '');
    if (!client) return 'unknown';
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
    const hops = header.split(',').map(normalise).filter(Boolean).reverse();
    for (const hop of hops) {
      if (!this.isTrusted(client)) break;
      if (net.isIP(hop) === 0) break;
      client = hop;
    }
    return client;
  }

  /** For Node requests (HTTP and WebSocket upgrades alike). */
  of(request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }): string {
    return this.clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for']);
  }
}
