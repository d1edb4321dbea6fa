import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_UPLOAD_BYTES } from '@/api/files'
import { canCompress, compressPhoto, fitWithin, jpegName, overUploadLimit, photoOptions } from '../photos'

/** jsdom draws nothing: the canvas records what it was asked and encodes a blob of `encoded` bytes. */
let encoded = 0
let drawn: { width: number; height: number; drawArgs: unknown[]; type?: string; quality?: unknown } | null = null
const bitmap = { width: 4000, height: 3000, close: vi.fn() }
const createImageBitmapMock = vi.fn(async (_b: Blob, _o?: unknown) => bitmap)

beforeEach(() => {
  encoded = 1_000_000
  drawn = null
  bitmap.width = 4000
  bitmap.height = 3000
  bitmap.close.mockReset()
  createImageBitmapMock.mockReset()
  createImageBitmapMock.mockImplementation(async () => bitmap)
  vi.stubGlobal('createImageBitmap', createImageBitmapMock)
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const canvas = this
    return {
      fillStyle: '',
      fillRect: vi.fn(),
      drawImage: (...args: unknown[]) => {
        drawn = { width: canvas.width, height: canvas.height, drawArgs: args }
      },
    } as unknown as CanvasRenderingContext2D
  } as never)
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (cb: BlobCallback, type?: string, quality?: unknown) {
    if (drawn) Object.assign(drawn, { type, quality })
    cb(encoded > 0 ? new Blob([new Uint8Array(encoded)], { type: 'image/jpeg' }) : null)
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A camera photo of `size` bytes (the bytes do not matter: decoding is mocked). */
function photo(name: string, size: number, type = 'image/jpeg'): File {
  return new File([new Uint8Array(size)], name, { type, lastModified: 1_700_000_000_000 })
}

describe('photo compression', () => {
  it('has defaults of 1920 px and quality 0.8', () => {
    expect(photoOptions).toEqual({ maxEdge: 1920, quality: 0.8 })
  })

  it('scales the long edge down to maxEdge, never up', () => {
    expect(fitWithin(4000, 3000, 1920)).toEqual({ width: 1920, height: 1440 })
    expect(fitWithin(3000, 4000, 1920)).toEqual({ width: 1440, height: 1920 })
    expect(fitWithin(1200, 900, 1920)).toEqual({ width: 1200, height: 900 })
    expect(fitWithin(8000, 10, 1920)).toEqual({ width: 1920, height: 2 })
  })

  it('names a re-encoded photo .jpg, keeping the rest of the name', () => {
    expect(jpegName('配电箱.png')).toBe('配电箱.jpg')
    expect(jpegName('IMG_0001.JPEG')).toBe('IMG_0001.jpg')
    expect(jpegName('现场.照片.webp')).toBe('现场.照片.jpg')
    expect(jpegName('photo')).toBe('photo.jpg')
    expect(jpegName('.png')).toBe('photo.jpg')
  })

  it('compresses JPEG, PNG and WebP pictures only (not PDF, not GIF)', () => {
    expect(['image/jpeg', 'image/png', 'image/webp'].map((type) => canCompress(new Blob([], { type })))).toEqual([true, true, true])
    expect(['application/pdf', 'image/gif', ''].map((type) => canCompress(new Blob([], { type })))).toEqual([false, false, false])
  })

  it('redraws a 4000×3000 camera photo at 1920×1440 as a JPEG at 0.8, oriented as the camera says', async () => {
    const original = photo('食堂灭火器.png', 3_000_000, 'image/png')
    const out = await compressPhoto(original)
    expect(createImageBitmapMock).toHaveBeenCalledWith(original, { imageOrientation: 'from-image' })
    expect(drawn).toMatchObject({ width: 1920, height: 1440, type: 'image/jpeg', quality: 0.8 })
    expect(drawn!.drawArgs.slice(1)).toEqual([0, 0, 1920, 1440])
    expect(out).not.toBe(original)
    expect(out.name).toBe('食堂灭火器.jpg')
    expect(out.type).toBe('image/jpeg')
    expect(out.size).toBe(1_000_000)
    expect(bitmap.close).toHaveBeenCalled()
  })

  it('takes the edge and quality it is given', async () => {
    const out = await compressPhoto(photo('a.jpg', 2_000_000), { maxEdge: 1000, quality: 0.6 })
    expect(drawn).toMatchObject({ width: 1000, height: 750, quality: 0.6 })
    expect(out.name).toBe('a.jpg')
  })

  it('keeps the original when the JPEG would be bigger, or when the picture cannot be decoded', async () => {
    const small = photo('小图.png', 1000, 'image/png')
    encoded = 5000
    expect(await compressPhoto(small)).toBe(small)

    createImageBitmapMock.mockRejectedValue(new DOMException('bad image', 'InvalidStateError'))
    const broken = photo('坏图.jpg', 2_000_000)
    // No object URLs in jsdom either: the <img> way fails too.
    const out = await compressPhoto(broken)
    expect(out).toBe(broken)
  })

  it('keeps a PDF or a GIF as it is, without decoding it', async () => {
    const pdf = photo('整改方案.pdf', 2_000_000, 'application/pdf')
    const gif = photo('动图.gif', 1000, 'image/gif')
    expect(await compressPhoto(pdf)).toBe(pdf)
    expect(await compressPhoto(gif)).toBe(gif)
    expect(createImageBitmapMock).not.toHaveBeenCalled()
  })

  it('tells files over the 20 MB limit of the server', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
    expect(overUploadLimit({ size: MAX_UPLOAD_BYTES } as Blob)).toBe(false)
    expect(overUploadLimit({ size: MAX_UPLOAD_BYTES + 1 } as Blob)).toBe(true)
  })
})
