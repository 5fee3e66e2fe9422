import { EventStreamCodec } from '@smithy/core/event-streams';
import { type Answer, pieces } from './scripted-server';

/**
 * Bedrock's wire format: application/vnd.amazon.eventstream, binary frames with headers
 * (:message-type, :event-type or :exception-type, :content-type) and a JSON payload,
 * encoded with the codec the SDK itself decodes with.
 */
const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString('utf8'),
  (text) => new Uint8Array(Buffer.from(text, 'utf8')),
);

function frame(kind: 'event' | 'exception', type: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: kind },
      [kind === 'event' ? ':event-type' : ':exception-type']: { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: new Uint8Array(Buffer.from(JSON.stringify(payload), 'utf8')),
  });
}

/** A ConverseStream answer writing `text`, optionally stalling or failing part-way. */
export function bedrockStream(
  text: string,
  options: { stallAfter?: number; exceptionAfter?: { after: number; type: string; message: string } } = {},
): Answer {
  return (res) => {
    res.writeHead(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': 'test-request',
    });
    res.write(frame('event', 'messageStart', { role: 'assistant' }));
    for (const [index, part] of pieces(text).entries()) {
      if (options.stallAfter !== undefined && index >= options.stallAfter) return;
      const failure = options.exceptionAfter;
      if (failure && index >= failure.after) {
        res.end(frame('exception', failure.type, { message: failure.message }));
        return;
      }
      res.write(frame('event', 'contentBlockDelta', { contentBlockIndex: 0, delta: { text: part } }));
    }
    res.write(frame('event', 'contentBlockStop', { contentBlockIndex: 0 }));
    res.write(frame('event', 'messageStop', { stopReason: 'end_turn' }));
    res.end(
      frame('event', 'metadata', {
        usage: { inputTokens: 10, outputTokens: 100, totalTokens: 110 },
        metrics: { latencyMs: 42 },
      }),
    );
  };
}

/** An error answer before any stream, as Bedrock sends them (the error type in x-amzn-errortype). */
export function bedrockError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): Answer {
  return (res) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      ...headers,
    });
    res.end(JSON.stringify({ message }));
  };
}
