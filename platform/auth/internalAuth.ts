import crypto from 'node:crypto';

// Calls between SmartCart's own services (gateway → subgraph, subgraph →
// subgraph) carry an HMAC-SHA256 signature over the method, the path, a
// timestamp and the body's hash, made with a secret every service shares.
// Chosen over mTLS because it needs no PKI: it works unchanged wherever TLS is
// terminated (ingress, mesh, or the services themselves), and rotating it is
// one variable (the previous secret stays accepted while replicas roll).
// A signature is valid for `maxAgeMs` either side of the receiver's clock: a
// captured request can be replayed only that briefly, only to the same path
// with the same body.

export const SIGNATURE_HEADER = 'x-smartcart-signature';

export type SignatureVerdict = 'ok' | 'missing' | 'malformed' | 'expired' | 'invalid';

export interface InternalAuthSettings {
  secret: string;
  previousSecret?: string;
  maxAgeMs: number;
}

const sha256 = (body: string | Buffer) => crypto.createHash('sha256').update(body).digest('hex');

function mac(secret: string, method: string, path: string, timestamp: number, bodyHash: string): string {
  return crypto.createHmac('sha256', secret).update(`v1\n${method.toUpperCase()}\n${path}\n${timestamp}\n${bodyHash}`).digest('base64url');
}

export class InternalAuth {
  constructor(
    private readonly settings: InternalAuthSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Headers to add to a request to `url` (path and query are signed). */
  sign(method: string, url: string, body: string | Buffer = ''): Record<string, string> {
    const { pathname, search } = new URL(url);
    const timestamp = Math.floor(this.now() / 1000);
    return { [SIGNATURE_HEADER]: `t=${timestamp},v1=${mac(this.settings.secret, method, pathname + search, timestamp, sha256(body))}` };
  }

  /** `path` is the request target as received (path and query). */
  verify(method: string, path: string, header: string | undefined, body: Buffer | string): SignatureVerdict {
    if (!header) return 'missing';
    const match = /^t=(\d{1,12}),v1=([A-Za-z0-9_-]{43})$/.exec(header);
    if (!match) return 'malformed';
    const timestamp = Number(match[1]);
    if (Math.abs(this.now() - timestamp * 1000) > this.settings.maxAgeMs) return 'expired';
    const given = Buffer.from(match[2]!);
    const bodyHash = sha256(body);
    for (const secret of [this.settings.secret, this.settings.previousSecret]) {
      if (!secret) continue;
      const expected = Buffer.from(mac(secret, method, path, timestamp, bodyHash));
      if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) return 'ok';
    }
    return 'invalid';
  }
}
