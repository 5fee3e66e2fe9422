import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type EventStream, openEventStream } from '@what-if/kit';

/** A real Express server whose one route opens a stream the test then drives. */
let server: Server;
let baseUrl: string;
let opened: (stream: EventStream) => void;
let clientGone: () => void = () => undefined;
/** What the server wrote on the latest stream, whether or not a client still read it. */
let written: string[] = [];

beforeAll(async () => {
  const app = express();
  app.get('/events', (_req, res) => {
    written = [];
    const write = res.write.bind(res) as (chunk: string) => boolean;
    res.write = ((chunk: string) => {
      written.push(chunk);
      return write(chunk);
    }) as typeof res.write;
    const stream = openEventStream(res, 20);
    res.once('close', () => clientGone());
    opened(stream);
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Opens the stream and resolves with it once the server has flushed the headers. */
async function connect(): Promise<{ response: Response; stream: EventStream; abort: AbortController }> {
  const abort = new AbortController();
  const streamOpened = new Promise<EventStream>((resolve) => {
    opened = resolve;
  });
  const response = await fetch(`${baseUrl}/events`, { signal: abort.signal });
  return { response, stream: await streamOpened, abort };
}

async function readUntil(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += value;
  }
  reader.releaseLock();
  return text;
}

test('answers at once with event-stream headers that no proxy buffers or transforms', async () => {
  const { response, stream } = await connect();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
  expect(response.headers.get('x-accel-buffering')).toBe('no');
  stream.end();
  await response.text();
});

test('each event is its name and one JSON data line, even when the data holds line breaks', async () => {
  const { response, stream } = await connect();
  stream.send('progress', { stage: 'encode', note: 'two\nlines' });
  stream.send('done', { ok: true });
  stream.end();
  // Sent after the end: dropped, not an error.
  stream.send('late', {});
  const text = (await response.text()).replace(/: heartbeat\n\n/g, '');
  expect(text).toBe(
    'event: progress\ndata: {"stage":"encode","note":"two\\nlines"}\n\n' +
      'event: done\ndata: {"ok":true}\n\n',
  );
});

test('a quiet stream sends comment lines so idle timeouts on the way do not cut it', async () => {
  const { response, stream } = await connect();
  const text = await readUntil(response, (seen) => seen.split(': heartbeat\n\n').length > 2);
  expect(text.startsWith(': heartbeat\n\n: heartbeat\n\n')).toBe(true);
  stream.end();
});

test('a client that goes away ends the heartbeat; sending afterwards writes nothing', async () => {
  const { stream, abort } = await connect();
  const gone = new Promise<void>((resolve) => {
    clientGone = resolve;
  });
  abort.abort();
  await gone;
  const before = written.length;
  stream.send('progress', { after: 'close' });
  // Five heartbeat periods pass with nothing written.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(written.slice(before)).toEqual([]);
  stream.end();
});
