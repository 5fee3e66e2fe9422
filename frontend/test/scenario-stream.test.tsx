import { act, renderHook, waitFor } from '@testing-library/react';
import { useScenarioStream } from '@/features/ask/useScenarioStream';

/** A fetch answering with these server-sent events, then holding the stream open until aborted. */
function streamingFetch(events: Array<[string, unknown]>, { close = true } = {}) {
  const encoder = new TextEncoder();
  return vi.fn(async (_path: string, init?: RequestInit) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const [event, data] of events) {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        }
        if (close) controller.close();
        init?.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
}

const request = { question: 'What if the printing press had been invented in Rome?' };

describe('a scenario as it streams', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('sections fill in as they arrive; a restart discards what came before', async () => {
    vi.stubGlobal(
      'fetch',
      streamingFetch(
        [
          ['meta', { provider: 'openai' }],
          ['section', { name: 'title', value: 'A first try' }],
          ['restart', { provider: 'local' }],
          ['section', { name: 'premise', value: 'Presses in the Forum' }],
        ],
        { close: false },
      ),
    );
    const { result } = renderHook(() => useScenarioStream());
    act(() => void result.current.start(request));
    await waitFor(() => expect(result.current.state.sections).toEqual({ premise: 'Presses in the Forum' }));
    expect(result.current.state.restarts).toBe(1);
    expect(result.current.state.phase).toBe('streaming');

    act(() => result.current.stop());
    expect(result.current.state.phase).toBe('stopped');
  });

  test('an error event ends the stream with its problem', async () => {
    vi.stubGlobal(
      'fetch',
      streamingFetch([
        ['meta', { provider: 'local' }],
        ['error', { type: '/problems/generation-failed', status: 503, title: 'Every provider failed' }],
      ]),
    );
    const { result } = renderHook(() => useScenarioStream());
    act(() => void result.current.start(request));
    await waitFor(() => expect(result.current.state.phase).toBe('failed'));
    expect((result.current.state.error as { status: number }).status).toBe(503);
  });

  test('a stream that ends without done is a failure, not a finished scenario', async () => {
    vi.stubGlobal('fetch', streamingFetch([['section', { name: 'title', value: 'Cut short' }]]));
    const { result } = renderHook(() => useScenarioStream());
    act(() => void result.current.start(request));
    await waitFor(() => expect(result.current.state.phase).toBe('failed'));
    expect(result.current.state.scenario).toBeUndefined();
  });
});
