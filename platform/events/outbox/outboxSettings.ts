/** How a relay polls, batches, retries and prunes (OUTBOX_* in platform/config.ts). */
export interface OutboxSettings {
  /** Unsent rows are looked for this often when no local commit woke the relay. */
  pollIntervalMs: number;
  /** Rows published per transaction. */
  batchSize: number;
  /** Sent rows are deleted once sent this long ago. */
  retentionMs: number;
  /** The longest wait between retries while the bus is down (backoff doubles up to it). */
  retryMaxMs: number;
}
