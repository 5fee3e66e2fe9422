import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts, type SKRSContext2D, createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { ScriptSlide } from './script';

/** The font faces slides use, from Debian's fonts-dejavu-core: DejaVu Sans covers Vietnamese. */
const faces = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
const families = { regular: 'WhatIf Sans', bold: 'WhatIf Sans Bold' } as const;

const colours = {
  backgroundTop: '#101a33',
  backgroundBottom: '#1d2b4f',
  text: '#f5f7fb',
  muted: '#b8c2d9',
  accent: '#f2b63c',
};

export class MissingFontError extends Error {
  constructor(file: string) {
    super(`the slide font ${path.basename(file)} is not installed (looked in ${path.dirname(file)})`);
    this.name = 'MissingFontError';
  }
}

const registered = new Set<string>();

/** Registers the slide fonts once per process; a missing file is a clear error, not tofu. */
export function registerSlideFonts(fontDir: string): void {
  for (const face of ['regular', 'bold'] as const) {
    const file = path.join(fontDir, faces[face]);
    if (registered.has(file)) continue;
    if (!existsSync(file)) throw new MissingFontError(file);
    GlobalFonts.registerFromPath(file, families[face]);
    registered.add(file);
  }
}

export interface SlideFrame {
  width: number;
  height: number;
  /** The address the end card shows and encodes as a QR code. */
  appUrl: string;
  /** Leave the lower band free, where burned-in captions go. */
  captionBand: boolean;
}

function font(face: keyof typeof families, size: number): string {
  return `${Math.round(size)}px "${families[face]}"`;
}

/** Words into lines no wider than `width` at the context's current font. */
function wrapText(context: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  face: keyof typeof families;
  text: string;
  colour: string;
  /** Space after the block, in lines of its own size. */
  after: number;
}

/**
 * Lays blocks of text into a box, shrinking the type until everything fits or the smallest
 * size is reached, where the last line that fits ends in an ellipsis.
 */
function drawBlocks(
  context: SKRSContext2D,
  blocks: readonly Block[],
  box: { x: number; y: number; width: number; height: number },
  sizes: { largest: number; smallest: number },
): void {
  let size = sizes.largest;
  let laid: Array<{ block: Block; lines: string[] }> = [];
  for (; size >= sizes.smallest; size -= 2) {
    laid = blocks.map((block) => {
      context.font = font(block.face, size);
      return { block, lines: wrapText(context, block.text, box.width) };
    });
    const height = laid.reduce(
      (sum, { block, lines }) => sum + (lines.length + block.after) * size * 1.35,
      0,
    );
    if (height <= box.height) break;
  }
  size = Math.max(size, sizes.smallest);
  const lineHeight = size * 1.35;
  let y = box.y + size;
  for (const { block, lines } of laid) {
    context.font = font(block.face, size);
    context.fillStyle = block.colour;
    for (const line of lines) {
      if (y > box.y + box.height) return;
      const last = y + lineHeight > box.y + box.height;
      context.fillText(last && lines.at(-1) !== line ? `${line} …` : line, box.x, y);
      y += lineHeight;
    }
    y += block.after * lineHeight;
  }
}

function drawQr(context: SKRSContext2D, text: string, x: number, y: number, size: number): void {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = code.modules.size;
  const quiet = 2;
  const cell = size / (count + quiet * 2);
  context.fillStyle = '#ffffff';
  context.fillRect(x, y, size, size);
  context.fillStyle = '#000000';
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (code.modules.get(row, column)) {
        context.fillRect(
          x + (column + quiet) * cell,
          y + (row + quiet) * cell,
          Math.ceil(cell),
          Math.ceil(cell),
        );
      }
    }
  }
}

/** One slide as a PNG at the video's resolution: text drawn by Skia, no browser. */
export function renderSlide(slide: ScriptSlide, frame: SlideFrame): Buffer {
  const { width, height } = frame;
  const unit = height / 720;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const background = context.createLinearGradient(0, 0, 0, height);
  background.addColorStop(0, colours.backgroundTop);
  background.addColorStop(1, colours.backgroundBottom);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  context.fillStyle = colours.accent;
  context.fillRect(0, 0, width, 8 * unit);

  const margin = 80 * unit;
  const bottom = height - (frame.captionBand ? 170 : 70) * unit;
  const text = (value: string) => value.normalize('NFC');

  if (slide.kind === 'title') {
    drawBlocks(
      context,
      [
        { face: 'bold', text: text(slide.heading), colour: colours.text, after: 0.6 },
        ...slide.body.map((line) => ({
          face: 'regular' as const,
          text: text(line),
          colour: colours.muted,
          after: 0,
        })),
      ],
      { x: margin, y: 170 * unit, width: width - 2 * margin, height: bottom - 170 * unit },
      { largest: 60 * unit, smallest: 30 * unit },
    );
  } else if (slide.kind === 'end') {
    const qrSize = 260 * unit;
    drawBlocks(
      context,
      [
        { face: 'bold', text: text(slide.heading), colour: colours.text, after: 0.5 },
        { face: 'regular', text: frame.appUrl, colour: colours.accent, after: 0 },
      ],
      { x: margin, y: 240 * unit, width: width - 3 * margin - qrSize, height: bottom - 240 * unit },
      { largest: 54 * unit, smallest: 26 * unit },
    );
    drawQr(context, frame.appUrl, width - margin - qrSize, 200 * unit, qrSize);
  } else {
    context.font = font('bold', 46 * unit);
    context.fillStyle = colours.accent;
    context.fillText(text(slide.heading), margin, 110 * unit);
    const blocks: Block[] =
      slide.kind === 'timeline'
        ? slide.body.map((line) => ({ face: 'regular', text: text(line), colour: colours.text, after: 0.25 }))
        : slide.body.map((paragraph) => ({
            face: 'regular',
            text: text(paragraph),
            colour: colours.text,
            after: 0.4,
          }));
    drawBlocks(
      context,
      blocks,
      { x: margin, y: 150 * unit, width: width - 2 * margin, height: bottom - 150 * unit },
      { largest: 34 * unit, smallest: 20 * unit },
    );
  }
  return canvas.toBuffer('image/png');
}
