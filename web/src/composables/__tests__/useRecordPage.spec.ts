import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { ApiError } from '@/api/http'

const shown = vi.hoisted(() => vi.fn())
vi.mock('@/utils/errors', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/utils/errors')>()), showError: shown }))

import { useRecordPage } from '../useRecordPage'

function notFoundError(): ApiError {
  return new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null)
}

async function mountAt(path: string, read: (id: number) => Promise<string>) {
  let state!: ReturnType<typeof useRecordPage<string>>
  const Page = defineComponent({
    setup() {
      state = useRecordPage(read)
      return () => h('div')
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/things/:id', component: Page }] })
  await router.push(path)
  mount(defineComponent({ render: () => h(Page) }), { global: { plugins: [router] } })
  await flushPromises()
  return { state: () => state, router }
}

afterEach(() => shown.mockReset())

describe('useRecordPage', () => {
  it('reads the record of the id in the path, and again when the id changes', async () => {
    const read = vi.fn(async (id: number) => `record ${id}`)
    const { state, router } = await mountAt('/things/7', read)
    expect(read).toHaveBeenCalledWith(7)
    expect(state().record.value).toBe('record 7')
    expect(state().notFound.value).toBe(false)
    expect(state().loading.value).toBe(false)
    await router.push('/things/8')
    await flushPromises()
    expect(state().record.value).toBe('record 8')
  })

  it('says not found for a path that is no positive integer, without asking', async () => {
    for (const path of ['/things/abc', '/things/0', '/things/-3', '/things/1.5']) {
      const read = vi.fn(async () => 'x')
      const { state } = await mountAt(path, read)
      expect(read).not.toHaveBeenCalled()
      expect(state().notFound.value, path).toBe(true)
    }
  })

  it('says not found for a 404 and shows any other error as a message', async () => {
    const { state } = await mountAt('/things/5', async () => Promise.reject(notFoundError()))
    expect(state().notFound.value).toBe(true)
    expect(shown).not.toHaveBeenCalled()
    const { state: other } = await mountAt('/things/5', async () => Promise.reject(new Error('网络错误')))
    expect(other().notFound.value).toBe(false)
    expect(other().record.value).toBeNull()
    expect(shown).toHaveBeenCalledTimes(1)
  })
})
