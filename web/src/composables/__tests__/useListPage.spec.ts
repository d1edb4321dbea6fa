import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { KeepAlive, defineComponent, h, nextTick, ref } from 'vue'
import { i18n } from '@/i18n'
import type { Download, Page } from '@/api/http'

const mocks = vi.hoisted(() => ({ saveDownload: vi.fn(), confirmAction: vi.fn() }))
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: mocks.saveDownload }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: mocks.confirmAction }))

import { DEFAULT_PAGE_SIZE, PAGE_SIZES, snapshot, toSort, useListPage, type ListPageOptions } from '../useListPage'
import TablePagination from '@/components/TablePagination.vue'

vi.setConfig({ testTimeout: 60_000 })

/** A search form with a text, a list and a date range, like the hazard and audit searches. */
interface Search {
  q: string
  states: string[]
  range: [Date, Date] | null
}
interface Filter {
  q?: string
  state?: string
  from?: string
}
type Sort = 'name' | '-name' | 'school' | '-school'

const emptySearch = (): Search => ({ q: '', states: [], range: null })
function filter(s: Search): Filter {
  const out: Filter = {}
  if (s.q.trim()) out.q = s.q.trim()
  if (s.states.length > 0) out.state = s.states.join(',')
  if (s.range) out.from = s.range[0].toISOString()
  return out
}

const rows = (n: number): Page<{ id: number }> => ({ items: Array.from({ length: n }, (_, i) => ({ id: i + 1 })), total: 42 })

function makeList(over: Partial<ListPageOptions<Search, { id: number }, Filter, Sort>> = {}) {
  const fetch = vi.fn(async (_q: Filter & { page: number; page_size: number; sort?: Sort }) => rows(3))
  const list = useListPage<Search, { id: number }, Filter, Sort>({
    defaults: emptySearch,
    filters: filter,
    fetch,
    sortFields: { name: 'name', school_name: 'school' },
    ...over,
  })
  return { list, fetch }
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  mocks.saveDownload.mockReset()
  mocks.confirmAction.mockReset().mockResolvedValue(true)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('useListPage: the applied snapshot', () => {
  it('pages with the filters applied by 搜索, not with what is typed since', async () => {
    const { list, fetch } = makeList()
    list.form.q = ' 灭火器 '
    await list.search()
    expect(fetch).toHaveBeenLastCalledWith({ q: '灭火器', page: 1, page_size: DEFAULT_PAGE_SIZE })

    list.form.q = '未搜索的文字'
    list.form.states.push('closed')
    list.page = 2
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ q: '灭火器', page: 2, page_size: DEFAULT_PAGE_SIZE })
    expect(list.applied.q).toBe(' 灭火器 ')
    expect(list.applied.states).toEqual([])
    expect(list.items).toHaveLength(3)
    expect(list.total).toBe(42)
  })

  it('changing the page size keeps the applied filters too', async () => {
    const { list, fetch } = makeList()
    list.form.states = ['reported']
    await list.search()
    list.form.states.push('closed') // edits the form's array in place
    list.pageSize = 50
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ state: 'reported', page: 1, page_size: 50 })
  })

  it('exports the applied filters and sort, never the edited form, and saves the file', async () => {
    const { list } = makeList()
    const from = new Date('2026-03-01T00:00:00Z')
    const fromIso = from.toISOString()
    list.form.q = '食堂'
    list.form.range = [from, new Date('2026-03-31T00:00:00Z')]
    await list.search()
    await list.sortChange({ prop: 'name', order: 'descending' })
    list.form.q = '没按搜索'
    list.form.range![0].setFullYear(2020) // the picker's date, changed in place
    list.form.range = null

    const file: Download = { blob: new Blob(['x']), filename: '台账.xlsx' }
    const run = vi.fn(async (_query: Filter & { sort?: Sort }) => file)
    expect(list.exportQuery()).toEqual({ q: '食堂', from: fromIso, sort: '-name' })
    await list.exportWith(run)
    expect(run).toHaveBeenCalledTimes(1)
    expect(run).toHaveBeenCalledWith({ q: '食堂', from: fromIso, sort: '-name' })
    expect(run.mock.calls[0][0]).not.toHaveProperty('page')
    expect(mocks.saveDownload).toHaveBeenCalledWith(file)
    expect(list.exporting).toBe(false)
  })

  it('runs one export at a time', async () => {
    const { list } = makeList()
    let finish: (d: Download) => void = () => undefined
    const run = vi.fn(() => new Promise<Download>((r) => (finish = r)))
    const first = list.exportWith(run)
    expect(list.exporting).toBe(true)
    await list.exportWith(run)
    expect(run).toHaveBeenCalledTimes(1)
    finish({ blob: new Blob(['x']), filename: 'a.xlsx' })
    await first
    expect(list.exporting).toBe(false)
  })

  it('starts from a link’s filters when given, and applies them', async () => {
    const { list, fetch } = makeList({ initial: () => ({ q: '', states: ['submitted'], range: null }) })
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ state: 'submitted', page: 1, page_size: DEFAULT_PAGE_SIZE })
  })
})

describe('useListPage: search, reset and sort', () => {
  it('搜索 goes back to page 1', async () => {
    const { list, fetch } = makeList()
    list.page = 3
    list.form.q = 'x'
    await list.search()
    expect(list.page).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith({ q: 'x', page: 1, page_size: DEFAULT_PAGE_SIZE })
  })

  it('重置 puts the form back to its defaults, applies them and goes to page 1', async () => {
    const { list, fetch } = makeList()
    list.form.q = 'x'
    list.form.states = ['closed']
    await list.search()
    list.page = 4
    list.form.q = 'typed, not searched'
    await list.reset()
    expect(list.form).toEqual(emptySearch())
    expect(list.applied).toEqual(emptySearch())
    expect(list.page).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE })
  })

  it('maps el-table’s sort-change to sort=field / sort=-field and goes back to page 1', async () => {
    const { list, fetch } = makeList()
    list.page = 2
    await list.sortChange({ prop: 'name', order: 'ascending' })
    expect(list.page).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE, sort: 'name' })
    await list.sortChange({ prop: 'school_name', order: 'descending' })
    expect(fetch).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE, sort: '-school' })
    // Paging keeps the sort.
    list.page = 2
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, page_size: DEFAULT_PAGE_SIZE, sort: '-school' })
    // Clearing the sort, or a column the API does not sort by, sends none.
    await list.sortChange({ prop: 'school_name', order: null })
    expect(fetch.mock.lastCall?.[0]).not.toHaveProperty('sort')
    await list.sortChange({ prop: 'address', order: 'ascending' })
    expect(fetch.mock.lastCall?.[0]).not.toHaveProperty('sort')
  })

  it('toSort takes a list of fields or a map of column → field', () => {
    expect(toSort('students', 'descending', ['name', 'students'])).toBe('-students')
    expect(toSort('students', 'ascending', ['name', 'students'])).toBe('students')
    expect(toSort('address', 'ascending', ['name', 'students'])).toBeUndefined()
    expect(toSort('school_name', 'ascending', { school_name: 'school' })).toBe('school')
    expect(toSort('toString', 'ascending', { school_name: 'school' })).toBeUndefined()
    expect(toSort(null, 'ascending', ['name'])).toBeUndefined()
    expect(toSort('name', null, ['name'])).toBeUndefined()
  })

  it('snapshot copies nested lists and dates', () => {
    const d = new Date('2026-01-01T00:00:00Z')
    const form: Search = { q: 'a', states: ['x'], range: [d, d] }
    const copy = snapshot(form)
    expect(copy).toEqual(form)
    form.states.push('y')
    d.setFullYear(2000)
    expect(copy.states).toEqual(['x'])
    expect(copy.range![0].getUTCFullYear()).toBe(2026)
  })
})

describe('useListPage: loading', () => {
  it('shows the answer of the latest load only, and the loading flag while one runs', async () => {
    const answers: ((p: Page<{ id: number }>) => void)[] = []
    const fetch = vi.fn(() => new Promise<Page<{ id: number }>>((r) => answers.push(r)))
    const { list } = makeList({ fetch })
    const slow = list.load()
    expect(list.loading).toBe(true)
    const fast = list.load()
    answers[1]({ items: [{ id: 2 }], total: 1 })
    await fast
    answers[0]({ items: [{ id: 1 }], total: 9 })
    await slow
    expect(list.items).toEqual([{ id: 2 }])
    expect(list.total).toBe(1)
    expect(list.loading).toBe(false)
  })

  it('deleting the last row of a page goes back a page', async () => {
    const fetch = vi.fn(async () => rows(1))
    const { list } = makeList({ fetch })
    list.page = 3
    await list.load()
    const action = vi.fn(async () => undefined)
    expect(await list.remove('某校', action)).toBe(true)
    expect(mocks.confirmAction).toHaveBeenCalledWith(expect.stringContaining('某校'))
    expect(action).toHaveBeenCalled()
    expect(list.page).toBe(2)
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, page_size: DEFAULT_PAGE_SIZE })
  })

  it('does not delete when the user says no', async () => {
    mocks.confirmAction.mockResolvedValue(false)
    const { list } = makeList()
    const action = vi.fn(async () => undefined)
    expect(await list.remove('某校', action)).toBe(false)
    expect(action).not.toHaveBeenCalled()
  })

  it('loads on mount, and again when a kept-alive page comes back', async () => {
    const fetch = vi.fn(async () => rows(2))
    const Page = defineComponent({
      name: 'ListHost',
      setup() {
        const list = useListPage({ defaults: emptySearch, filters: filter, fetch, refreshOnActivate: true })
        return () => h('div', { 'data-test': 'rows' }, String(list.items.length))
      },
    })
    const Other = defineComponent({ name: 'Other', setup: () => () => h('p') })
    const shown = ref(true)
    const w = mount(
      defineComponent({ setup: () => () => h(KeepAlive, null, [shown.value ? h(Page) : h(Other)]) }),
      { global: { plugins: [ElementPlus, i18n] } },
    )
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(w.find('[data-test="rows"]').text()).toBe('2')
    shown.value = false
    await nextTick()
    shown.value = true
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(2)
    w.unmount()
  })
})

describe('one page size for the whole console', () => {
  it('every list starts at the shared default, which the paginator offers', () => {
    const a = makeList().list
    const b = useListPage({ defaults: () => ({ x: '' }), filters: () => ({}), fetch: async () => rows(0) })
    expect(a.pageSize).toBe(DEFAULT_PAGE_SIZE)
    expect(b.pageSize).toBe(DEFAULT_PAGE_SIZE)
    expect(PAGE_SIZES).toContain(DEFAULT_PAGE_SIZE)
    expect([...PAGE_SIZES]).toEqual([10, 20, 50, 100])
  })

  it('the paginator shows the shared page sizes and goes to page 1 on a new size', async () => {
    const page = ref(3)
    const size = ref(DEFAULT_PAGE_SIZE)
    const change = vi.fn()
    const w = mount(TablePagination, {
      props: {
        page: page.value,
        pageSize: size.value,
        total: 500,
        'onUpdate:page': (v: number) => (page.value = v),
        'onUpdate:pageSize': (v: number) => (size.value = v),
        onChange: change,
      },
      global: { plugins: [ElementPlus, i18n] },
    })
    const select = w.findComponent({ name: 'ElSelect' })
    expect(select.attributes('data-test')).toBe('page-size')
    expect(select.props('ariaLabel')).toBe('每页条数')
    expect(w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual([...PAGE_SIZES])
    select.vm.$emit('update:modelValue', 50)
    await nextTick()
    expect(size.value).toBe(50)
    expect(page.value).toBe(1)
    expect(change).toHaveBeenCalled()
    w.unmount()
  })
})
