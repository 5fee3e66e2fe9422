import { createCanvas, loadImage } from '@napi-rs/canvas';
import * as fontkit from 'fontkit';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { previewFontFiles } from '../src/images/fonts';
import { type SharingHarness, publicOrigin, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ SCENARIO_CACHE_SECONDS: '0' });
});

afterAll(async () => {
  await sharing?.stop();
});

async function image(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sharing.url}${path}`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(rgba, width, height)?.data;
}

const vietnameseLetters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';

test('the preview font has its own glyph for every Vietnamese letter, lower and upper case', () => {
  for (const file of Object.values(previewFontFiles)) {
    const font = fontkit.openSync(file) as fontkit.Font;
    const missing = [...vietnameseLetters, ...vietnameseLetters.toUpperCase()].filter(
      (letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0)!),
    );
    expect(missing).toEqual([]);
  }
});

test('og.png is a 1200×630 PNG with an ETag; the same card answers 304 to If-None-Match', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  const first = await image(`/s/${share.slug}/og.png`);
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(first.body);
  expect([png.width, png.height]).toEqual([1200, 630]);
  const etag = first.headers.get('etag')!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  expect(first.headers.get('cache-control')).toBe('public, max-age=60');
  const again = await image(`/s/${share.slug}/og.png`, { 'if-none-match': etag });
  expect(again.status).toBe(304);
  // A new title is a new image.
  await sharing.call('PATCH', `/api/v1/shares/${share.slug}`, {
    token: owner.token,
    body: { title: 'Another title' },
  });
  const changed = await image(`/s/${share.slug}/og.png`, { 'if-none-match': etag });
  expect(changed.status).toBe(200);
  expect(changed.headers.get('etag')).not.toBe(etag);
});

test('Vietnamese diacritics are drawn: the title with them is not the title without them', async () => {
  const owner = sharing.newUser();
  const title = 'Nếu nhà Trần không đánh bại quân Nguyên';
  const bare = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
  const withMarks = sharing.saveScenario(owner.userId, {
    language: 'vi',
    title,
    question: 'Điều gì sẽ xảy ra?',
  });
  const withoutMarks = sharing.saveScenario(owner.userId, {
    language: 'vi',
    title: bare,
    question: 'Điều gì sẽ xảy ra?',
  });
  const decomposed = sharing.saveScenario(owner.userId, {
    language: 'vi',
    title: title.normalize('NFD'),
    question: 'Điều gì sẽ xảy ra?',
  });
  const pixels = async (scenarioId: string) => {
    const share = await sharing.share(owner.token, { scenarioId });
    return PNG.sync.read((await image(`/s/${share.slug}/og.png`)).body).data;
  };
  const marked = await pixels(withMarks.id);
  expect(marked.equals(await pixels(withoutMarks.id))).toBe(false);
  // Text that arrives decomposed is drawn exactly as the precomposed letters.
  expect(marked.equals(await pixels(decomposed.id))).toBe(true);
});

test('a protected share previews a neutral card, the same for every protected share', async () => {
  const owner = sharing.newUser();
  const one = await sharing.share(owner.token, {
    scenarioId: sharing.saveScenario(owner.userId, { title: 'One' }).id,
    password: 'pass word',
  });
  const two = await sharing.share(owner.token, {
    scenarioId: sharing.saveScenario(owner.userId, { title: 'Two' }).id,
    password: 'pass word',
  });
  const first = await image(`/s/${one.slug}/og.png`);
  const second = await image(`/s/${two.slug}/og.png`);
  expect(first.status).toBe(200);
  expect(first.headers.get('etag')).toBe(second.headers.get('etag'));
});

test('qr.png decodes to the share URL', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const answer = await image(`/s/${share.slug}/qr.png`);
  expect(answer.headers.get('content-type')).toBe('image/png');
  const png = PNG.sync.read(answer.body);
  expect(decodeQr(new Uint8ClampedArray(png.data), png.width, png.height)).toBe(
    `${publicOrigin}/s/${share.slug}?via=qr`,
  );
});

test('qr.svg, drawn, decodes to the share URL', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const answer = await image(`/s/${share.slug}/qr.svg`);
  expect(answer.headers.get('content-type')).toContain('image/svg+xml');
  const drawn = await loadImage(answer.body);
  const size = 400;
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(drawn, 0, 0, size, size);
  const pixels = context.getImageData(0, 0, size, size);
  expect(decodeQr(pixels.data, size, size)).toBe(`${publicOrigin}/s/${share.slug}?via=qr`);
});

test('images of a revoked share answer 410, of an unknown slug 404', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  await sharing.call('POST', `/api/v1/shares/${share.slug}/revoke`, { token: owner.token });
  for (const path of ['og.png', 'qr.png', 'qr.svg']) {
    expect((await image(`/s/${share.slug}/${path}`)).status).toBe(410);
    expect((await image(`/s/AAAAAAAAAAAA/${path}`)).status).toBe(404);
  }
});
