import { parentPort } from 'node:worker_threads';
import { ImageDecodeError } from './imageDecodeError';
import type { WorkerReady, WorkerReply, WorkerRequest } from './workerProtocol';

/**
 * The worker side of workerPool.ts: answers each image the pool posts with
 * what `read` made of it, or with why the image could not be read, then says
 * it is ready. One image at a time: the pool sends the next after the reply.
 */
export function serveImageJobs<T>(read: (bytes: Uint8Array) => Promise<T>): void {
  const port = parentPort!;
  const reply = (message: WorkerReply<T> | WorkerReady) => port.postMessage(message);
  port.on('message', (request: WorkerRequest) => {
    read(new Uint8Array(request.bytes)).then(
      (result) => reply({ id: request.id, ok: true, result, rssBytes: process.memoryUsage.rss() }),
      (error: unknown) =>
        reply({
          id: request.id,
          ok: false,
          kind: error instanceof ImageDecodeError ? error.kind : 'UNREADABLE',
          message: error instanceof Error ? error.message : String(error),
          rssBytes: process.memoryUsage.rss(),
        }),
    );
  });
  reply({ ready: true });
}
