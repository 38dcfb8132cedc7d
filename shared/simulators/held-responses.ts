import type { ServerResponse } from 'node:http';

/**
 * Responses a simulator deliberately leaves unanswered (a hang fault): released after `hangMs` by destroying
 * the socket, or all at once when the simulator stops, so no test waits on a socket that never closes.
 */
export class HeldResponses {
  private readonly held = new Set<ServerResponse>();

  hold(response: ServerResponse, hangMs?: number): void {
    this.held.add(response);
    response.on('close', () => this.held.delete(response));
    if (hangMs !== undefined) setTimeout(() => response.destroy(), hangMs).unref();
  }

  destroyAll(): void {
    for (const response of this.held) response.destroy();
  }
}
