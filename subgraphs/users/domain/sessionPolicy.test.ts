import { needsRefresh, refusalOf, type SessionTimes } from './sessionPolicy';

const policy = { idleTimeoutMs: 1000 * 60, maxLifetimeMs: 1000 * 600 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const live: SessionTimes = { createdAt: t0, lastSeenAt: t0, endedAt: null, endReason: null };

it('refuses unknown, ended, replaced, idle and too old sessions, and accepts a live one', () => {
  expect(refusalOf(null, t0, policy)).toBe('SESSION_UNKNOWN');
  expect(refusalOf(live, at(59_000), policy)).toBeNull();
  expect(refusalOf(live, at(60_000), policy)).toBe('SESSION_IDLE_EXPIRED');
  expect(refusalOf({ ...live, lastSeenAt: at(590_000) }, at(600_000), policy)).toBe('SESSION_EXPIRED');
  expect(refusalOf({ ...live, endedAt: t0, endReason: 'ENDED' }, t0, policy)).toBe('SESSION_ENDED');
  expect(refusalOf({ ...live, endedAt: t0, endReason: 'SIGNED_IN' }, t0, policy)).toBe('SESSION_REPLACED');
});

it('refreshes the idle clock only once a tenth of the idle window has passed', () => {
  expect(needsRefresh(live, at(5_999), policy)).toBe(false);
  expect(needsRefresh(live, at(6_000), policy)).toBe(true);
});
