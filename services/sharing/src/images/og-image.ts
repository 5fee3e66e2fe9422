import { createHash } from 'node:crypto';
import { type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import type { ScenarioLanguage } from '@what-if/contracts';
import { previewFontFamily, registerPreviewFonts } from './fonts';

export const ogImageSize = { width: 1200, height: 630 } as const;

/** What a preview image shows; a protected share's shows nothing of its content. */
export type PreviewCard =
  | { kind: 'scenario'; title: string; question: string; language: ScenarioLanguage }
  | { kind: 'protected'; language: ScenarioLanguage };

/** Bump when the drawing changes, so caches and ETags move on. */
const design = 'og-v1';

const words = {
  en: {
    kicker: 'What if…?',
    protectedTitle: 'A shared What If scenario',
    protectedText: 'Protected by a password',
  },
  vi: {
    kicker: 'Nếu như…?',
    protectedTitle: 'Một kịch bản What If được chia sẻ',
    protectedText: 'Được bảo vệ bằng mật khẩu',
  },
} as const;

/** The strong validator of an image: a hash of everything drawn, so an unchanged card keeps its ETag. */
export function previewETag(card: PreviewCard): string {
  return `"${createHash('sha256')
    .update(JSON.stringify([design, card]))
    .digest('base64url')
    .slice(0, 27)}"`;
}

/**
 * Lines of at most `maxWidth` pixels, breaking between words (and inside a word longer than a
 * line), at most `maxLines`, the last one ending in an ellipsis when text was left over.
 */
export function wrapText(context: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const fits = (line: string) => context.measureText(line).width <= maxWidth;
  const lines: string[] = [];
  let current = '';
  const tokens = text.split(/\s+/).filter(Boolean);
  let index = 0;
  while (index < tokens.length && lines.length < maxLines) {
    const token = tokens[index]!;
    const candidate = current ? `${current} ${token}` : token;
    if (fits(candidate)) {
      current = candidate;
      index += 1;
      continue;
    }
    if (current) {
      lines.push(current);
      current = '';
      continue;
    }
    // One word wider than the line: split it where it stops fitting.
    let cut = token.length - 1;
    while (cut > 1 && !fits(token.slice(0, cut))) cut -= 1;
    lines.push(token.slice(0, cut));
    tokens[index] = token.slice(cut);
  }
  if (current && lines.length < maxLines) lines.push(current);
  const leftOver = index < tokens.length || (current !== '' && !lines.includes(current));
  if (leftOver && lines.length > 0) {
    let last = lines[lines.length - 1]!;
    while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
    lines[lines.length - 1] = `${last}…`;
  }
  return lines;
}

function font(weight: 400 | 700, size: number): string {
  return `${weight} ${size}px "${previewFontFamily}"`;
}

/** Draws a card and encodes it as PNG (the encoding runs off the event loop). */
export async function renderPreview(card: PreviewCard): Promise<Buffer> {
  registerPreviewFonts();
  const { width, height } = ogImageSize;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const background = context.createLinearGradient(0, 0, width, height);
  background.addColorStop(0, '#1d1147');
  background.addColorStop(1, '#101828');
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#7f56d9';
  context.fillRect(0, 0, 16, height);

  const margin = 80;
  const text = words[card.language];
  context.textBaseline = 'alphabetic';
  context.fillStyle = '#d6bbfb';
  context.font = font(700, 34);
  context.fillText(text.kicker, margin, 110);

  // NFC: one precomposed glyph per Vietnamese letter wherever the font has it.
  const title = (card.kind === 'scenario' ? card.title : text.protectedTitle).normalize('NFC');
  const subtitle = (card.kind === 'scenario' ? card.question : text.protectedText).normalize('NFC');
  const maxWidth = width - margin * 2;
  let size = 68;
  context.font = font(700, size);
  let titleLines = wrapText(context, title, maxWidth, 3);
  while (size > 48 && titleLines.length === 3 && titleLines[2]!.endsWith('…')) {
    size -= 6;
    context.font = font(700, size);
    titleLines = wrapText(context, title, maxWidth, 3);
  }
  context.fillStyle = '#ffffff';
  let y = 200;
  for (const line of titleLines) {
    context.fillText(line, margin, y);
    y += Math.round(size * 1.22);
  }
  context.font = font(400, 32);
  context.fillStyle = '#d0d5dd';
  y += 18;
  for (const line of wrapText(context, subtitle, maxWidth, 2)) {
    context.fillText(line, margin, y);
    y += 44;
  }
  context.font = font(700, 28);
  context.fillStyle = '#98a2b3';
  context.fillText('What If', margin, height - 56);
  return canvas.encode('png');
}

export interface PreviewImages {
  /** The card's PNG and ETag, drawn once and then answered from memory. */
  get(card: PreviewCard): Promise<{ png: Buffer; etag: string; rendered: boolean }>;
}

/**
 * Rendered images by ETag, least recently used out first. Only content decides the key, so a
 * deleted share's image is unreachable at once (the route checks the share first) and ages out.
 */
export function createPreviewImages(
  options: { maxEntries?: number; onRender?: (seconds: number) => void } = {},
): PreviewImages {
  const maxEntries = options.maxEntries ?? 200;
  const images = new Map<string, Promise<Buffer>>();
  return {
    async get(card) {
      const etag = previewETag(card);
      const cached = images.get(etag);
      if (cached) {
        images.delete(etag);
        images.set(etag, cached);
        return { png: await cached, etag, rendered: false };
      }
      const started = performance.now();
      const rendering = renderPreview(card);
      images.set(etag, rendering);
      while (images.size > maxEntries) images.delete(images.keys().next().value!);
      try {
        const png = await rendering;
        options.onRender?.((performance.now() - started) / 1000);
        return { png, etag, rendered: true };
      } catch (error) {
        images.delete(etag);
        throw error;
      }
    },
  };
}
