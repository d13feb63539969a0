import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainEndpoint } from '#http/endpoint.ts';
import { httpEvent, lambdaContext } from '../support/events.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the request log', () => {
  it('tags each line with its own request id when invocations overlap, as on the local server', async () => {
    // Arrange
    vi.stubEnv('LOG_SILENT', '0');
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(JSON.parse(String(chunk)));
      return true;
    });
    const slow = plainEndpoint(async () => {
      await delay(30);
      return { status: 200, body: {} };
    });
    const fast = plainEndpoint(async () => ({ status: 204 }));
    const slowEvent = httpEvent({ method: 'GET', path: '/api/slow' });
    const fastEvent = httpEvent({ method: 'GET', path: '/api/fast' });

    // Act: the fast request starts and ends while the slow one is waiting
    const slowDone = slow(slowEvent, lambdaContext());
    await delay(5);
    await fast(fastEvent, lambdaContext());
    await slowDone;

    // Assert
    const done = lines.filter((line) => line.message === 'request done');
    expect(done.map((line) => [line.requestId, line.route, line.status])).toEqual([
      [fastEvent.requestContext.requestId, 'GET /api/fast', 204],
      [slowEvent.requestContext.requestId, 'GET /api/slow', 200],
    ]);
    expect(Number(done[1]?.durationMs)).toBeGreaterThanOrEqual(25);
  });
});
