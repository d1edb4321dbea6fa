// Photos made smaller on the device before they are uploaded. A phone's camera writes 4000×3000
// pictures of 5–12 MB; redrawn on a canvas so that the long edge is at most `maxEdge` px and
// encoded as JPEG at `quality`, they come to about 1–2 MB: still sharp enough to read a gauge or a
// label, and sent in seconds over a school's mobile network.
//
// Configuration: `photoOptions` holds the defaults of every PhotoUploader (src/components/
// PhotoUploader.vue); one uploader can be given its own with the `max-edge` and `quality` props.
//   maxEdge  the longest side of a compressed photo, in px (default 1920)
//   quality  the JPEG quality of a compressed photo, 0–1 (default 0.8)
//
// Only JPEG, PNG and WebP pictures are redrawn; a PDF, a GIF or anything else goes as it is. When a
// picture cannot be decoded, or the JPEG would be bigger than the original, the original is sent.
// Decoding uses createImageBitmap with the camera's EXIF orientation applied, or else an <img>
// (which applies it too) on an object URL.
import { MAX_UPLOAD_BYTES } from '@/api/files'

export interface PhotoOptions {
  /** The longest side of a compressed photo, in px. */
  maxEdge: number
  /** The JPEG quality of a compressed photo, 0–1. */
  quality: number
}

/** The defaults of every uploader. */
export const photoOptions: Readonly<PhotoOptions> = Object.freeze({ maxEdge: 1920, quality: 0.8 })

/** The picture types redrawn before upload (not PDF, not GIF: a GIF may be animated). */
export const COMPRESSIBLE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp']

export function canCompress(file: Blob): boolean {
  return COMPRESSIBLE_TYPES.includes(file.type.toLowerCase())
}

/** The size of a picture scaled down (never up) so that its long edge is at most maxEdge. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const long = Math.max(width, height)
  if (!(maxEdge > 0) || long <= maxEdge) return { width, height }
  const scale = maxEdge / long
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** The file's name with the extension of a JPEG: 配电箱.png → 配电箱.jpg, IMG_0001.JPEG → IMG_0001.jpg. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  return (base || 'photo') + '.jpg'
}

/** Whether a file is over the server's limit (refused in the browser, without a request). */
export function overUploadLimit(file: Blob): boolean {
  return file.size > MAX_UPLOAD_BYTES
}

interface Decoded {
  source: CanvasImageSource
  width: number
  height: number
  release: () => void
}

async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() }
    } catch {
      // An older browser without the options, or a picture it cannot decode: try an <img>.
    }
  }
  if (typeof URL.createObjectURL !== 'function') throw new Error('no image decoder')
  const url = URL.createObjectURL(file)
  const img = new Image()
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('image not decodable'))
      img.src = url
    })
  } catch (e) {
    URL.revokeObjectURL(url)
    throw e
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality))
}

/**
 * The file to upload: a JPEG, PNG or WebP picture redrawn at most maxEdge px on its long edge as a
 * JPEG (named .jpg), or the original when it is no such picture, cannot be decoded, or would not
 * get smaller. Never fails.
 */
export async function compressPhoto(file: File, options: Partial<PhotoOptions> = {}): Promise<File> {
  if (!canCompress(file)) return file
  const maxEdge = options.maxEdge ?? photoOptions.maxEdge
  const quality = options.quality ?? photoOptions.quality
  let decoded: Decoded | null = null
  try {
    decoded = await decode(file)
    if (!(decoded.width > 0 && decoded.height > 0)) return file
    const size = fitWithin(decoded.width, decoded.height, maxEdge)
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    // A JPEG has no transparency: transparent parts of a PNG or WebP become white, not black.
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, size.width, size.height)
    ctx.drawImage(decoded.source, 0, 0, size.width, size.height)
    const blob = await toJpeg(canvas, quality)
    // Give the canvas memory back at once (phones keep few of them).
    canvas.width = 0
    canvas.height = 0
    if (!blob || blob.size === 0 || blob.size >= file.size) return file
    return new File([blob], jpegName(file.name), { type: 'image/jpeg', lastModified: file.lastModified })
  } catch {
    return file
  } finally {
    decoded?.release()
  }
}
