// A place's QR code as an image the page can show and print: the `qrcode` package draws the code as
// SVG text (no canvas needed), given to an <img> as a data URL (the server's CSP allows data:
// images). Medium error correction, so a printed code still scans with a smudge or a fold.
import QRCode from 'qrcode'

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
