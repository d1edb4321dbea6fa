// A school's record page: the unit from the link (or the user's own), its record read and read again
// when the unit changes or a link names another one; 404 as not found; a refused write's reasons at
// their fields and a 409 as stale.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h, ref } from 'vue'
import { ApiError } from '@/api/http'

const shown = vi.hoisted(() => vi.fn())
const messages = vi.hoisted(() => ({ error: vi.fn() }))
vi.mock('@/utils/errors', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/utils/errors')>()), showError: shown }))
vi.mock('element-plus', async (importOriginal) => ({ ...(await importOriginal<typeof import('element-plus')>()), ElMessage: messages }))

import { useSchoolRecord, type SchoolRecordOptions } from '../useSchoolRecord'

interface Rec {
  unit_id: number
  name: string
}

const notFound = () => new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null)

async function mountAt(path: string, o: Partial<SchoolRecordOptions<Rec>> & { read: (id: number) => Promise<Rec> }) {
  let state!: ReturnType<typeof useSchoolRecord<Rec>>
  const Page = defineComponent({
    setup() {
      state = useSchoolRecord<Rec>({ initial: 21, canPick: ref(false), loadSchools: () => undefined, ...o })
      return () => h('div', { 'data-test': 'editor' }, [h('div', { role: 'alert' })])
    },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/record', name: 'record', component: Page },
      { path: '/other', name: 'other', component: Page },
    ],
  })
  await router.push(path)
  mount(defineComponent({ render: () => h(Page) }), { global: { plugins: [router] } })
  await flushPromises()
  return { state: () => state, router }
}

afterEach(() => {
  shown.mockReset()
  messages.error.mockReset()
})

describe('useSchoolRecord', () => {
  it('reads the first unit, again when another is picked, and hands each record to the page', async () => {
    const read = vi.fn(async (id: number) => ({ unit_id: id, name: `学校 ${id}` }))
    const applied: [number, boolean][] = []
    const { state } = await mountAt('/record', { read, onApply: (r, same) => applied.push([r.unit_id, same]) })
    expect(read).toHaveBeenCalledWith(21)
    expect(state().record.value?.name).toBe('学校 21')
    state().refresh()
    await flushPromises()
    state().unitId.value = 22
    await flushPromises()
    expect(state().record.value?.name).toBe('学校 22')
    expect(applied).toEqual([
      [21, false],
      [21, true],
      [22, false],
    ])
  })

  it('reads nothing without a unit; says not found for a 404 and shows another error', async () => {
    const read = vi.fn(async (id: number) => ({ unit_id: id, name: '' }))
    const { state } = await mountAt('/record', { read, initial: undefined })
    expect(read).not.toHaveBeenCalled()
    expect(state().record.value).toBeNull()
    const { state: missing } = await mountAt('/record', { read: () => Promise.reject(notFound()) })
    expect(missing().notFound.value).toBe(true)
    expect(shown).not.toHaveBeenCalled()
    const { state: failed } = await mountAt('/record', { read: () => Promise.reject(new Error('网络错误')) })
    expect(failed().notFound.value).toBe(false)
    expect(shown).toHaveBeenCalledTimes(1)
  })

  it('follows a link to another unit on its own route only', async () => {
    const read = vi.fn(async (id: number) => ({ unit_id: id, name: `学校 ${id}` }))
    const { state, router } = await mountAt('/record', { read, routeName: 'record' })
    await router.push('/record?unit_id=30')
    await flushPromises()
    expect(state().unitId.value).toBe(30)
    expect(state().record.value?.name).toBe('学校 30')
    await router.push('/other?unit_id=31')
    await flushPromises()
    expect(state().unitId.value).toBe(30)
  })

  it('places a refused write: the reasons at their fields, a 409 as stale, anything else as a message', async () => {
    const { state } = await mountAt('/record', {
      read: async (id) => ({ unit_id: id, name: '' }),
      editorTest: 'editor',
      fixErrorsText: () => '请修改标出的内容',
      staleText: () => '已被他人修改',
    })
    const s = state()
    s.errors.old = '旧的'
    s.failed(new Error('x'), { kind: 'fields', errors: { 'members[0].phone': '电话格式不对' } })
    expect({ ...s.errors }).toEqual({ 'members[0].phone': '电话格式不对' })
    expect(messages.error).toHaveBeenCalledWith({ message: '请修改标出的内容', grouping: true })
    s.failed(new Error('x'), { kind: 'stale', message: '' })
    expect(s.stale.value).toBe('已被他人修改')
    s.failed(new Error('x'), { kind: 'stale', message: '服务器的话' })
    expect(s.stale.value).toBe('服务器的话')
    expect(s.placeFailure({ kind: 'noNeeds' })).toBe(false)
    s.failed(new Error('boom'), { kind: 'other' })
    expect(shown).toHaveBeenCalledTimes(1)
    s.clearFields(['members[0].phone'])
    expect({ ...s.errors }).toEqual({})
    // A record read again clears the reasons and the 409.
    s.errors.name = '必填'
    s.apply({ unit_id: 21, name: '' })
    expect({ ...s.errors }).toEqual({})
    expect(s.stale.value).toBe('')
  })
})
