export interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Reads a server-sent event stream with fetch until it ends (or `until` says stop), the way a
 * browser's fetch-based reader does when it must send an Authorization header.
 */
export async function readEvents(
  url: string,
  token: string,
  until: (event: StreamEvent) => boolean = () => false,
): Promise<{ status: number; contentType: string | null; events: StreamEvent[] }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  if (response.status !== 200 || !response.body) {
    return { status: response.status, contentType: response.headers.get('content-type'), events };
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf('\n\n');
        const type = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (!type || !data) continue;
        const event = { type, data: JSON.parse(data) as Record<string, unknown> };
        events.push(event);
        if (until(event)) {
          controller.abort();
          return { status: 200, contentType: response.headers.get('content-type'), events };
        }
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return { status: 200, contentType: response.headers.get('content-type'), events };
}
