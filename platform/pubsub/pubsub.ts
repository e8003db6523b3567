export type MessageHandler = (message: unknown) => void;

/** Fire-and-forget fan-out: every live subscriber of a channel gets each message once. */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; call the result to unsubscribe. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  /** Channels with at least one live handler: lets tests prove nothing leaks. */
  activeChannels(): number;
  close(): Promise<void>;
}
