import type { EventBus, PublishEnvelope } from './eventBus';
import { Streams, type StreamEvents } from './topics';

/** Publishes a typed event: the payload must match the contract of its stream and type. */
export function publishEvent<S extends keyof StreamEvents, T extends keyof StreamEvents[S] & string>(
  bus: EventBus,
  stream: S,
  type: T,
  payload: StreamEvents[S][T],
  envelope?: PublishEnvelope,
): Promise<string> {
  return bus.publish(Streams[stream], type, payload, envelope);
}
