import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { ApiError, type Download } from '@/api/http'

const mocks = vi.hoisted(() => ({ saveDownload: vi.fn(), showError: vi.fn() }))
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: mocks.saveDownload }
})
vi.mock('@/utils/errors', () => ({ showError: mocks.showError }))

import { useDownload } from '../useDownload'

vi.setConfig({ testTimeout: 30_000 })

const file = (filename = '评价表.xlsx'): Download => ({ blob: new Blob(['x']), filename })

/** The texts of the messages on screen, success ones marked. */
async function messages(): Promise<string[]> {
  await flushPromises()
  return [...document.querySelectorAll('.el-message')].map((m) => `${m.classList.contains('el-message--success') ? '✓ ' : ''}${m.textContent?.trim()}`)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  mocks.saveDownload.mockReset()
  mocks.showError.mockReset()
})
afterEach(() => {
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

describe('useDownload', () => {
  it('saves the file and says so with its name', async () => {
    const { downloading, download } = useDownload()
    const saved = file()
    const run = vi.fn(async () => saved)
    const done = download(run)
    expect(downloading.value).toBe(true)
    expect(await done).toBe(true)
    expect(run).toHaveBeenCalledTimes(1)
    expect(mocks.saveDownload).toHaveBeenCalledWith(saved)
    expect(await messages()).toEqual(['✓ 已导出 评价表.xlsx'])
    expect(downloading.value).toBe(false)
    expect(mocks.showError).not.toHaveBeenCalled()
  })

  it('ignores a second call while one runs, and takes the next one after', async () => {
    const { downloading, active, download } = useDownload<number>()
    let finish: (d: Download) => void = () => undefined
    const slow = vi.fn(() => new Promise<Download>((r) => (finish = r)))
    const second = file('其他.xlsx')
    const other = vi.fn(async () => second)
    const first = download(slow, 12)
    expect(active.value).toBe(12)
    expect(await download(other, 13)).toBe(false)
    expect(other).not.toHaveBeenCalled()
    expect(active.value).toBe(12)
    expect(downloading.value).toBe(true)

    const one = file('检查表.xlsx')
    finish(one)
    expect(await first).toBe(true)
    expect(mocks.saveDownload).toHaveBeenCalledTimes(1)
    expect(mocks.saveDownload).toHaveBeenCalledWith(one)
    expect([downloading.value, active.value]).toEqual([false, null])

    expect(await download(other, 13)).toBe(true)
    expect(other).toHaveBeenCalledTimes(1)
    expect(mocks.saveDownload).toHaveBeenLastCalledWith(second)
  })

  it('hands an error to showError, saves nothing and is ready again', async () => {
    const { downloading, active, download } = useDownload<number>()
    const err = new ApiError(403, { code: 'permission_denied', message: '没有导出权限', details: [] }, null)
    expect(await download(() => Promise.reject(err), 5)).toBe(false)
    expect(mocks.showError).toHaveBeenCalledWith(err)
    expect(mocks.saveDownload).not.toHaveBeenCalled()
    expect(await messages()).toEqual([])
    expect([downloading.value, active.value]).toEqual([false, null])

    expect(await download(async () => file())).toBe(true)
    expect(mocks.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('says 正在导出 while a long export runs when asked, and nothing once saved when told not to', async () => {
    const { download } = useDownload({ progress: true, announce: false })
    let finish: (d: Download) => void = () => undefined
    const done = download(() => new Promise<Download>((r) => (finish = r)))
    expect(await messages()).toEqual(['正在导出，请稍候…'])
    const plan = file('年度计划.xlsx')
    finish(plan)
    expect(await done).toBe(true)
    expect(mocks.saveDownload).toHaveBeenCalledWith(plan)
    // The note is closed (it fades out) and no 已导出 is added.
    expect((await messages()).filter((m) => m.startsWith('✓'))).toEqual([])
  })
})
