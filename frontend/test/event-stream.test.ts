import { EventStreamParser, readEventStream } from '@/api/event-stream';

describe('reading server-sent events', () => {
  test('an event split across chunks arrives once it is whole', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: sect')).toEqual([]);
    expect(parser.push('ion\ndata: {"name":"title"')).toEqual([]);
    expect(parser.push(',"value":"Rome"}\n\n')).toEqual([
      { event: 'section', data: '{"name":"title","value":"Rome"}' },
    ]);
  });

  test('heartbeats are dropped, CRLF ends lines and data lines join', () => {
    const parser = new EventStreamParser();
    expect(
      parser.push(': heartbeat\r\n\r\nevent: delta\r\ndata: one\r\ndata: two\r\n\r\ndata: plain\n\n'),
    ).toEqual([
      { event: 'delta', data: 'one\ntwo' },
      { event: 'message', data: 'plain' },
    ]);
  });

  test('a body read to its end yields every event, the last one even without a blank line', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('event: meta\ndata: {}\n\nevent: done\n'));
        controller.enqueue(encoder.encode('data: {"id":"s1"}'));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readEventStream(body)) events.push(event);
    expect(events).toEqual([
      { event: 'meta', data: '{}' },
      { event: 'done', data: '{"id":"s1"}' },
    ]);
  });
});
