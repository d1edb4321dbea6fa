import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h, ref } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { StoredFile } from '@/api/files'

const api = vi.hoisted(() => ({ upload: vi.fn(), compress: vi.fn() }))

vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: { ...real.filesApi, upload: api.upload } }
})
vi.mock('@/utils/photos', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/photos')>()
  return { ...real, compressPhoto: api.compress }
})

import PhotoUploader from '../PhotoUploader.vue'

const MB = 1024 * 1024

/** A file of `size` bytes as the browser reports it (the bytes themselves are not needed). */
function file(name: string, size: number, type = 'image/jpeg'): File {
  const f = new File(['x'], name, { type })
  Object.defineProperty(f, 'size', { value: size })
  return f
}

function stored(id: number, name: string, size = 1000): StoredFile {
  return { id, name, content_type: 'image/jpeg', size, sha256: '', url: `/api/v1/files/${id}` }
}

async function mountUploader(props: Record<string, unknown> = {}) {
  const files = ref<StoredFile[]>([])
  const busy: boolean[] = []
  const Host = defineComponent({
    setup: () => () =>
      h(PhotoUploader, {
        ...props,
        modelValue: files.value,
        'onUpdate:modelValue': (v: StoredFile[]) => (files.value = v),
        onUploading: (b: boolean) => busy.push(b),
      }),
  })
  const w = mount(Host, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return { w, files, busy }
}

async function pick(w: Awaited<ReturnType<typeof mountUploader>>['w'], chosen: File[]) {
  const input = w.find('[data-test="photo-input"]')
  Object.defineProperty(input.element, 'files', { value: chosen, configurable: true })
  await input.trigger('change')
  await flushPromises()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.upload.mockReset()
  api.compress.mockReset()
  api.compress.mockImplementation(async (f: File) => f)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('PhotoUploader', () => {
  it('compresses each picture with the default edge and quality, and uploads the smaller file under its .jpg name', async () => {
    const original = file('配电箱.png', 9 * MB, 'image/png')
    const smaller = file('配电箱.jpg', 1.2 * MB)
    api.compress.mockResolvedValue(smaller)
    api.upload.mockResolvedValue(stored(3, '配电箱.jpg', 1.2 * MB))
    const { w, files } = await mountUploader()
    await pick(w, [original])
    expect(api.compress).toHaveBeenCalledWith(original, { maxEdge: 1920, quality: 0.8 })
    expect(api.upload).toHaveBeenCalledWith(smaller, '配电箱.jpg', expect.any(Function))
    expect(files.value.map((f) => f.id)).toEqual([3])
    expect(w.findAll('[data-test="photo-thumb"]')).toHaveLength(1)
  })

  it('takes its own edge and quality as props', async () => {
    api.upload.mockResolvedValue(stored(4, 'a.jpg'))
    const { w } = await mountUploader({ maxEdge: 1280, quality: 0.7 })
    const f = file('a.jpg', 2 * MB)
    await pick(w, [f])
    expect(api.compress).toHaveBeenCalledWith(f, { maxEdge: 1280, quality: 0.7 })
    // Not made smaller: sent as chosen, under its own name.
    expect(api.upload).toHaveBeenCalledWith(f, 'a.jpg', expect.any(Function))
  })

  it('shows each pending upload as a tile with its percentage, as a progress bar', async () => {
    let progress: (p: number) => void = () => {}
    let finish: (f: StoredFile) => void = () => {}
    api.upload.mockImplementation((_f: Blob, _n: string, onProgress: (p: number) => void) => {
      progress = onProgress
      return new Promise<StoredFile>((r) => (finish = r))
    })
    const { w, files, busy } = await mountUploader()
    await pick(w, [file('走廊.jpg', 3 * MB)])
    const tile = w.find('[data-test="photo-pending"]')
    expect(tile.attributes('role')).toBe('progressbar')
    expect(tile.attributes('aria-label')).toBe('上传 走廊.jpg')
    expect(tile.attributes('aria-valuenow')).toBe('0')
    progress(37)
    await flushPromises()
    expect(w.find('[data-test="photo-progress"]').text()).toBe('上传中 37%')
    expect(tile.attributes('aria-valuenow')).toBe('37')
    expect(tile.attributes('aria-valuetext')).toBe('上传中 37%')
    expect(w.find('[data-test="photo-add"]').attributes('disabled')).toBeDefined()
    expect(busy).toEqual([true])
    finish(stored(9, '走廊.jpg'))
    await flushPromises()
    expect(w.find('[data-test="photo-pending"]').exists()).toBe(false)
    expect(files.value.map((f) => f.id)).toEqual([9])
    expect(busy).toEqual([true, false])
  })

  it('refuses a file still over 20 MB without a request, naming it and the limit beside the field', async () => {
    api.upload.mockResolvedValue(stored(5, '现场.jpg'))
    const { w, files } = await mountUploader({ accept: 'image/*,application/pdf' })
    await pick(w, [file('整改方案.pdf', 44 * MB, 'application/pdf'), file('现场.jpg', 2 * MB)])
    expect(api.upload).toHaveBeenCalledTimes(1)
    expect(api.upload.mock.calls[0][1]).toBe('现场.jpg')
    expect(files.value.map((f) => f.id)).toEqual([5])
    const refusals = w.find('[data-test="photo-refusals"]')
    expect(refusals.attributes('role')).toBe('alert')
    expect(refusals.findAll('[data-test="photo-refusal"]').map((r) => r.text())).toEqual(['整改方案.pdf 超过 20 MB，无法上传'])
    // No toast: the message stays under the field.
    expect(document.querySelector('.el-message')).toBeNull()
    // Exactly 20 MB is allowed.
    await pick(w, [file('刚好.jpg', 20 * MB)])
    expect(api.upload).toHaveBeenCalledTimes(2)
    // A new choice clears the old refusals.
    expect(w.find('[data-test="photo-refusals"]').exists()).toBe(false)
  })

  it('lists a refused upload under the field with the server’s reason; it can be dismissed', async () => {
    api.upload.mockRejectedValue(new ApiError(422, { code: 'invalid_argument', message: '只接受 JPEG、PNG、WebP 图片或 PDF 文件（按内容识别）', details: [] }, null))
    const { w, files, busy } = await mountUploader()
    await pick(w, [file('坏图.jpg', 1000)])
    expect(files.value).toEqual([])
    expect(w.find('[data-test="photo-refusal"]').text()).toBe('坏图.jpg 上传失败：只接受 JPEG、PNG、WebP 图片或 PDF 文件（按内容识别）')
    expect(busy).toEqual([true, false])
    await w.find('[data-test="photo-refusals-dismiss"]').trigger('click')
    expect(w.find('[data-test="photo-refusals"]').exists()).toBe(false)
  })
})
