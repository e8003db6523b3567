/** May return a promise: a rejection is contained like a throw. */
export type MessageHandler = (message: unknown) => void | Promise<void>;

/** Told of every handler that threw (or rejected) or message that could not be decoded. */
export type HandlerErrorListener = (error: unknown, channel: string) => void;

/** Fire-and-forget fan-out: every live subscriber of a channel gets each message once. */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; call the result to unsubscribe. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  /** Channels with at least one live handler: lets tests prove nothing leaks. */
  activeChannels(): number;
  /** Handler calls that threw or rejected so far (contained: they never reach the process). */
  handlerFailures(): number;
  close(): Promise<void>;
}

/**
 * Calls a handler so that nothing it does can take the process down: a
 * throw, a rejected promise, or a message that is not JSON is reported to
 * `onError` (which must not throw either) and goes no further.
 */
export function deliverContained(handler: MessageHandler, decode: () => unknown, onError: (error: unknown) => void): void {
  try {
    const result = handler(decode());
    if (result && typeof (result as Promise<void>).then === 'function') (result as Promise<void>).catch(onError);
  } catch (error) {
    onError(error);
  }
}
