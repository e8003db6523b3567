/**
 * What the gateway's edge plugins learn about a request and share: who is
 * asking (for rate limits) and what the operation costs. Absent on the
 * gateway's own internal operations (subscription payloads), which are
 * checked and counted where the client sent them.
 */
export interface EdgeRequest {
  /** The client's address, through the trusted proxies (GATEWAY_TRUSTED_PROXIES). */
  clientAddress: string;
  sessionToken?: string;
  apiKey?: string;
  /** Set by the cost limit plugin once the operation is known. */
  cost?: number;
}

export interface EdgeContext {
  edge?: EdgeRequest;
}
