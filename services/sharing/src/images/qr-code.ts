import QRCode from 'qrcode';

/**
 * QR codes of a share's address. Error correction M (15 %) survives a smudged print or a photo
 * at an angle; four modules of quiet zone, as the standard asks, so scanners find the code.
 */
const options = { errorCorrectionLevel: 'M', margin: 4 } as const;

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, type: 'png', scale: 10 });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...options, type: 'svg' });
}
