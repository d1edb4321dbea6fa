// A bureau's overview board: read when the page opens, again when its filter changes; only the
// latest read lands; an error is a message; 导出 saves the board's file.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'

const shown = vi.hoisted(() => vi.fn())
const saved = vi.hoisted(() => vi.fn())
vi.mock('@/utils/errors', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/utils/errors')>()), showError: shown }))
vi.mock('@/api/http', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api/http')>()), saveDownload: saved }))

import { togglePick, useOverviewBoard } from '../useOverviewBoard'

function mountBoard(read: () => Promise<string>, watchSource?: () => unknown) {
  let state!: ReturnType<typeof useOverviewBoard<string>>
  const file = { filename: '看板.xlsx', blob: new Blob(['x']) }
  const exportFile = vi.fn(async () => file)
  mount(
    defineComponent({
      setup() {
        state = useOverviewBoard(read, exportFile, { watchSource })
        return () => h('div')
      },
    }),
  )
  return { state: () => state, exportFile, file }
}

afterEach(() => {
  shown.mockReset()
  saved.mockReset()
})

describe('useOverviewBoard', () => {
  it('reads the board when mounted and again when the filter changes; the latest read lands', async () => {
    const filter = ref('')
    const pending: ((v: string) => void)[] = []
    const read = vi.fn(() => new Promise<string>((r) => pending.push(r)))
    const { state } = mountBoard(read, () => filter.value)
    await flushPromises()
    expect(read).toHaveBeenCalledTimes(1)
    expect(state().loading.value).toBe(true)
    filter.value = 'none'
    await flushPromises()
    expect(read).toHaveBeenCalledTimes(2)
    pending[1]('后读')
    await flushPromises()
    pending[0]('先读')
    await flushPromises()
    expect(state().data.value).toBe('后读')
    expect(state().loading.value).toBe(false)
  })

  it('shows an error as a message, and saves the exported file', async () => {
    const { state, exportFile, file } = mountBoard(() => Promise.reject(new Error('网络错误')))
    await flushPromises()
    expect(shown).toHaveBeenCalledTimes(1)
    expect(state().data.value).toBeNull()
    state().exportBoard()
    await flushPromises()
    expect(exportFile).toHaveBeenCalledTimes(1)
    expect(saved).toHaveBeenCalledWith(file)
  })

  it('picks a state, and shows every state when the same is picked again', () => {
    const s = ref<'' | 'none' | 'complete'>('')
    togglePick(s, 'none')
    expect(s.value).toBe('none')
    togglePick(s, 'complete')
    expect(s.value).toBe('complete')
    togglePick(s, 'complete')
    expect(s.value).toBe('')
  })
})
