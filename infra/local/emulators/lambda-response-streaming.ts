import type { ServerResponse } from 'node:http';
import { Writable } from 'node:stream';

/**
 * What the Node.js Lambda runtime gives a response-streaming function, locally: the `awslambda` global with
 * `streamifyResponse` (the handler gets `(event, responseStream, context)`) and `HttpResponseStream.from`
 * (status and headers first, then the body). The production `handler.ts` runs unchanged; the local front passes
 * a `LocalResponseStream` over its HTTP response, so each chunk the function writes goes out as it is written.
 */

interface StreamingMetadata {
  statusCode?: number;
  headers?: Record<string, string>;
}

/** The body stream handed to a streaming handler, writing through to a Node HTTP response. */
export class LocalResponseStream extends Writable {
  private opened = false;

  constructor(private readonly response: ServerResponse) {
    super();
  }

  /** `HttpResponseStream.from`: the status line and headers, before any body byte. */
  open(metadata: StreamingMetadata): void {
    if (this.opened) return;
    this.opened = true;
    this.response.writeHead(metadata.statusCode ?? 200, metadata.headers ?? {});
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.open({ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } });
    if (this.response.write(chunk)) done();
    else this.response.once('drain', () => done());
  }

  override _final(done: (error?: Error | null) => void): void {
    this.open({ statusCode: 200 });
    this.response.end(() => done());
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    // An error after the headers: the client sees the connection cut, as with a Function URL.
    if (error) this.response.destroy(error);
    done(error);
  }
}

export type StreamingHandler = (
  event: unknown,
  responseStream: Writable,
  context?: unknown,
) => Promise<unknown>;

const STREAMING = Symbol.for('iris.local.responseStreaming');

/**
 * Adds the streaming members to the `awslambda` global before the functions' modules are loaded (creating the
 * global if nothing did; other libraries put their own members there, e.g. an `InvokeStore`).
 */
export function installLambdaResponseStreaming(): void {
  const scope = globalThis as { awslambda?: Record<string, unknown> };
  scope.awslambda ??= {};
  const runtime = scope.awslambda;
  runtime.streamifyResponse ??= (handler: StreamingHandler) =>
    Object.assign((event: unknown, stream: Writable, context?: unknown) => handler(event, stream, context), {
      [STREAMING]: true,
    });
  runtime.HttpResponseStream ??= {
    from(stream: Writable, metadata: StreamingMetadata): Writable {
      if (stream instanceof LocalResponseStream) stream.open(metadata);
      return stream;
    },
  };
}

/** Whether a loaded handler was wrapped by `awslambda.streamifyResponse`. */
export function isStreamingHandler(handler: unknown): handler is StreamingHandler {
  return typeof handler === 'function' && (handler as unknown as Record<symbol, unknown>)[STREAMING] === true;
}
