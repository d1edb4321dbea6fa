import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h, reactive } from 'vue'
import { i18n } from '@/i18n'
import ListLayout from '../ListLayout.vue'

interface Row {
  id: number
  title: string
}

function makeList(items: Row[], applied: object = {}) {
  return reactive({
    form: {},
    applied,
    items,
    showSearch: true,
    page: 1,
    pageSize: 10,
    total: items.length,
    loading: false,
    exporting: false,
    search: () => undefined,
    reset: () => undefined,
    load: () => undefined,
  })
}

/** A list page: a table of its own (default slot), a search form and, optionally, cards. */
function page(list: ReturnType<typeof makeList>, withCards = true) {
  return defineComponent({
    setup() {
      return () =>
        h(
          ListLayout,
          { list, rows: list.items },
          {
            search: () => h('input', { 'data-test': 'search-q' }),
            default: () => h('table', { 'data-test': 'table' }, list.items.map((r) => h('tr', { key: r.id }, r.title))),
            ...(withCards
              ? {
                  card: ({ row }: { row: Row }) => [
                    h('a', { class: 'list-card__title', 'data-test': 'card-title', href: `#/rows/${row.id}` }, row.title),
                    h('div', { class: 'list-card__meta' }, `#${row.id}`),
                  ],
                }
              : {}),
          },
        )
    },
  })
}

async function mountAt(width: number, list: ReturnType<typeof makeList>, withCards = true) {
  window.innerWidth = width
  const w = mount(page(list, withCards), { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

const ROWS: Row[] = [
  { id: 1, title: '配电箱未上锁' },
  { id: 2, title: '消防通道堵塞' },
]

afterEach(() => {
  window.innerWidth = 1024
  document.body.innerHTML = ''
})

describe('ListLayout on a phone', () => {
  it('shows one card per row, holding the page’s card slot, instead of the table', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await mountAt(375, makeList([...ROWS]))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    expect(w.find('[data-test="cards"]').exists()).toBe(true)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(2)
    expect(cards[0].element.tagName).toBe('ARTICLE')
    expect(cards.map((c) => c.find('[data-test="card-title"]').text())).toEqual(['配电箱未上锁', '消防通道堵塞'])
    expect(cards[1].find('.list-card__meta').text()).toBe('#2')
  })

  it('says 暂无数据 when the page has no rows', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await mountAt(375, makeList([]))
    expect(w.findAll('[data-test="card"]')).toHaveLength(0)
    expect(w.find('[data-test="cards-empty"]').text()).toContain('暂无数据')
  })

  it('folds the search form behind 筛选, counting the filters applied, and unfolds it', async () => {
    i18n.global.locale.value = 'zh-CN'
    const list = makeList([...ROWS], { q: '配电', level: '', states: ['reported'], overdue: false, range: [] })
    const w = await mountAt(375, list)
    const form = w.find('.search-form')
    expect(list.showSearch).toBe(false)
    expect((form.element as HTMLElement).style.display).toBe('none')
    const toggle = w.find('.list-filter-bar [data-test="toggle-search"]')
    expect(toggle.text()).toBe('筛选（2）')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(list.showSearch).toBe(true)
    expect((form.element as HTMLElement).style.display).toBe('')
    expect(toggle.text()).toBe('收起筛选')
  })

  it('keeps the compact pager: no jumper, the total on a line of its own', async () => {
    i18n.global.locale.value = 'zh-CN'
    const list = makeList([...ROWS])
    list.total = 95
    const w = await mountAt(375, list)
    expect(w.find('.table-pagination--compact').exists()).toBe(true)
    expect(w.find('.el-pagination__jump').exists()).toBe(false)
    expect(w.find('[data-test="page-total"]').text()).toBe('共 95 条')
    expect(w.findAll('.el-pager li.number').length).toBeLessThanOrEqual(5)
  })

  it('shows the table, its search form open, when the page has no card slot', async () => {
    const list = makeList([...ROWS])
    const w = await mountAt(375, list, false)
    expect(w.find('[data-test="table"]').exists()).toBe(true)
    expect(w.find('[data-test="cards"]').exists()).toBe(false)
    expect(list.showSearch).toBe(true)
    expect(w.find('.list-filter-bar').exists()).toBe(false)
  })
})

describe('ListLayout on a desk', () => {
  it('shows the table, the search form open and the full pager, cards or not', async () => {
    i18n.global.locale.value = 'zh-CN'
    const list = makeList([...ROWS])
    list.total = 95
    const w = await mountAt(1440, list)
    expect(w.find('[data-test="table"]').exists()).toBe(true)
    expect(w.find('[data-test="cards"]').exists()).toBe(false)
    expect(w.find('.list-filter-bar').exists()).toBe(false)
    expect(list.showSearch).toBe(true)
    expect(w.find('.table-pagination--compact').exists()).toBe(false)
    expect(w.find('.el-pagination__jump').exists()).toBe(true)
  })
})
