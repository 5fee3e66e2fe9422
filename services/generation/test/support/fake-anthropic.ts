import { type Answer, pieces } from './scripted-server';

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A Messages API stream writing `text`: message_start, a text block of deltas, pings, message_stop. */
export function anthropicStream(
  text: string,
  options: { stallAfter?: number; errorAfter?: number; stopReason?: string } = {},
): Answer {
  return (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(
      event('message_start', {
        type: 'message_start',
        message: { id: 'msg_test', type: 'message', role: 'assistant', content: [], model: 'claude-test' },
      }),
    );
    res.write(
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
    );
    res.write(event('ping', { type: 'ping' }));
    for (const [index, part] of pieces(text).entries()) {
      if (options.stallAfter !== undefined && index >= options.stallAfter) return;
      if (options.errorAfter !== undefined && index >= options.errorAfter) {
        res.end(
          event('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
        );
        return;
      }
      res.write(
        event('content_block_delta', {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: part },
        }),
      );
    }
    res.write(event('content_block_stop', { type: 'content_block_stop', index: 0 }));
    res.write(
      event('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: options.stopReason ?? 'end_turn', stop_sequence: null },
        usage: { output_tokens: 100 },
      }),
    );
    res.end(event('message_stop', { type: 'message_stop' }));
  };
}
