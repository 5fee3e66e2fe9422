import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Be Vietnam Pro (SIL Open Font License), shipped as TrueType files inside an npm package, so
 * every image renders with the same font everywhere, the slim container included, which has
 * no system fonts. It was drawn for Vietnamese: every precomposed letter with stacked
 * diacritics (ế, ộ, ữ, ặ) has its own glyph, and Skia's shaping places combining marks for
 * text that arrives decomposed.
 */
export const previewFontFamily = 'What If Preview';

const fontPackage = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));

export const previewFontFiles = {
  regular: path.join(fontPackage, '400Regular', 'BeVietnamPro_400Regular.ttf'),
  bold: path.join(fontPackage, '700Bold', 'BeVietnamPro_700Bold.ttf'),
} as const;

let registered = false;

/** Registers the preview fonts with Skia once per process; a missing file stops start-up. */
export function registerPreviewFonts(): void {
  if (registered) return;
  for (const file of Object.values(previewFontFiles)) {
    if (!GlobalFonts.registerFromPath(file, previewFontFamily)) {
      throw new Error(`the preview font ${file} could not be loaded`);
    }
  }
  registered = true;
}
