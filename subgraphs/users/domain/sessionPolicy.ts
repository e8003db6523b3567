// When a session token stops working, decided apart from storage and GraphQL.

export interface SessionPolicy {
  idleTimeoutMs: number;
  maxLifetimeMs: number;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  /** ENDED or SIGNED_IN */
  endReason: string | null;
}

/** Why a token is refused; the word reaches the client as `extensions.reason`. */
export type SessionRefusal = 'SESSION_UNKNOWN' | 'SESSION_ENDED' | 'SESSION_REPLACED' | 'SESSION_IDLE_EXPIRED' | 'SESSION_EXPIRED';

export const REFUSAL_MESSAGES: Record<SessionRefusal, string> = {
  SESSION_UNKNOWN: 'The session token is not valid; start a new session',
  SESSION_ENDED: 'The session was ended; start a new session',
  SESSION_REPLACED: 'The session was replaced by the one sign-in returned; use that token',
  SESSION_IDLE_EXPIRED: 'The session expired after being idle; start a new session',
  SESSION_EXPIRED: 'The session reached its maximum lifetime; start a new session',
};

/** Ending comes first (it is final), then the absolute lifetime, then idleness. */
export function refusalOf(session: SessionTimes | null, now: Date, policy: SessionPolicy): SessionRefusal | null {
  if (!session) return 'SESSION_UNKNOWN';
  if (session.endedAt) return session.endReason === 'SIGNED_IN' ? 'SESSION_REPLACED' : 'SESSION_ENDED';
  if (now.getTime() - session.createdAt.getTime() >= policy.maxLifetimeMs) return 'SESSION_EXPIRED';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleTimeoutMs) return 'SESSION_IDLE_EXPIRED';
  return null;
}

/**
 * Whether this request should move `lastSeenAt` forward. Only once a tenth of
 * the idle window has passed since the last write: a busy session costs one
 * write per window/10 instead of one per request, and its idle expiry is at
 * most 10 % early.
 */
export function needsRefresh(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= policy.idleTimeoutMs / 10;
}
