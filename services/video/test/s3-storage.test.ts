import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createS3Storage } from '../src/storage/s3-storage';

/**
 * s3rver: an S3-compatible server in plain JavaScript (npm), run in-process like dynalite. It
 * serves presigned GETs and range requests as S3 does, but does not verify SigV4 signatures,
 * so these tests prove the calls, links, ranges, types and deletion, not S3's signature checks.
 */
interface S3Server {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: Array<{ name: string }>;
}) => S3Server;

const bucket = 'what-if-test-videos';
/** s3rver's own credentials: it refuses any other access key. */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let server: S3Server;
let directory: string;
let endpoint: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'what-if-s3-test-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: path.join(directory, 'server'),
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

function storage(ttlSeconds = 900) {
  return createS3Storage({ bucket, region: 'us-east-1', endpoint, ttlSeconds, credentials });
}

async function localFile(name: string, content: Buffer): Promise<string> {
  const file = path.join(directory, `${Date.now()}-${name}`);
  await writeFile(file, content);
  return file;
}

const videoBytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, index) => index % 251));

test('a stored file is fetched through its presigned link with no credentials, by range too', async () => {
  const store = storage();
  expect(await store.put('video-1', 'video.mp4', await localFile('video.mp4', videoBytes))).toBe(
    videoBytes.length,
  );

  const link = await store.link('video-1', 'video.mp4', 'Dai-Viet: "the" film.mp4');
  expect(link.url.startsWith(`${endpoint}/${bucket}/videos/video-1/video.mp4?`)).toBe(true);
  expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now() + 800_000);

  const whole = await fetch(link.url);
  expect(whole.status).toBe(200);
  expect(whole.headers.get('content-type')).toBe('video/mp4');
  // A name any browser can save, with no quote to break out of the header: outside [\w.-] becomes _.
  expect(whole.headers.get('content-disposition')).toBe('inline; filename="Dai-Viet___the__film.mp4"');
  expect(Buffer.from(await whole.arrayBuffer())).toEqual(videoBytes);

  const part = await fetch(link.url, { headers: { range: 'bytes=1000-1999' } });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${videoBytes.length}`);
  expect(Buffer.from(await part.arrayBuffer())).toEqual(videoBytes.subarray(1000, 2000));
});

test('each file keeps its content type; a repeat put replaces the file', async () => {
  const store = storage();
  await store.put(
    'video-2',
    'captions.vtt',
    await localFile('captions.vtt', Buffer.from('WEBVTT\n\nfirst\n')),
  );
  await store.put(
    'video-2',
    'captions.vtt',
    await localFile('captions.vtt', Buffer.from('WEBVTT\n\nsecond\n')),
  );
  await store.put(
    'video-2',
    'poster.jpg',
    await localFile('poster.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])),
  );
  const captions = await fetch((await store.link('video-2', 'captions.vtt', 'captions.vtt')).url);
  expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
  expect(await captions.text()).toBe('WEBVTT\n\nsecond\n');
  const poster = await fetch((await store.link('video-2', 'poster.jpg', 'poster.jpg')).url);
  expect(poster.headers.get('content-type')).toBe('image/jpeg');
});

test("removing a video deletes every one of its files and nothing of another video's", async () => {
  const store = storage();
  for (const name of ['video.mp4', 'captions.vtt', 'poster.jpg'] as const) {
    await store.put('video-3', name, await localFile(name, Buffer.from(name)));
  }
  await store.put('video-30', 'video.mp4', await localFile('other.mp4', Buffer.from('another video')));

  await store.remove('video-3');
  for (const name of ['video.mp4', 'captions.vtt', 'poster.jpg'] as const) {
    expect((await fetch((await store.link('video-3', name, name)).url)).status).toBe(404);
  }
  const other = await fetch((await store.link('video-30', 'video.mp4', 'other.mp4')).url);
  expect(await other.text()).toBe('another video');
  // Nothing left to remove is not an error: a retried deletion succeeds.
  await expect(store.remove('video-3')).resolves.toBeUndefined();
});
