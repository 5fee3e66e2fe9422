import { renderHook, waitFor } from '@testing-library/react';
import { useVideoProgress, type VideoFollow } from '@/features/video/useVideoProgress';

/** A fetch answering with these server-sent events, then ending the stream. */
function streamingFetch(events: Array<[string, unknown]>) {
  const encoder = new TextEncoder();
  return vi.fn(async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const [event, data] of events) {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        }
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
}

function follow() {
  const events: VideoFollow[] = [];
  const { result } = renderHook(() => useVideoProgress('v1', true, (event) => events.push(event)));
  return { events, result };
}

describe("a video's progress, followed live", () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a share withdrawn while the video was made ends the stream with the reason', async () => {
    vi.stubGlobal(
      'fetch',
      streamingFetch([
        ['progress', { status: 'running', stage: 'encode', stagePercent: 50, percent: 80 }],
        ['withdrawn', { id: 'v1', reason: 'revoked' }],
      ]),
    );
    const { events, result } = follow();
    await waitFor(() => expect(events.at(-1)).toEqual({ kind: 'withdrawn', reason: 'revoked' }));
    expect(events[0]?.kind).toBe('progress');
    // A stream that ended with its last word is not a lost connection.
    expect(result.current.connectionLost).toBe(false);
  });

  test('a video already withdrawn when the stream opens (410) says so too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ type: '/problems/video-withdrawn', status: 410, reason: 'hidden' }), {
            status: 410,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    const { events, result } = follow();
    await waitFor(() => expect(events).toEqual([{ kind: 'withdrawn', reason: 'hidden' }]));
    expect(result.current.connectionLost).toBe(false);
  });

  test('a stream cut before its last word is reported as a lost connection', async () => {
    vi.stubGlobal(
      'fetch',
      streamingFetch([['progress', { status: 'running', stage: 'speech', stagePercent: 10, percent: 20 }]]),
    );
    const { result } = follow();
    await waitFor(() => expect(result.current.connectionLost).toBe(true));
  });
});
