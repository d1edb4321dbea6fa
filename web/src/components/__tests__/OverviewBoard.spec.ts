// The scaffolding of the bureau's overview boards: the totals (a filtering card a button that says
// whether it is on), 导出, the 状态 filter, and every school linking to its page — a table on a desk,
// one card a school on a phone when the board has cards.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { i18n } from '@/i18n'
import OverviewBoard, { type OverviewTotal } from '../OverviewBoard.vue'

interface Unit {
  unit_id: number
  unit_name: string
}
interface Row extends Unit {
  n: number
}

const ROWS: Row[] = [
  { unit_id: 21, unit_name: '双桥小学', n: 3 },
  { unit_id: 22, unit_name: '城南中学', n: 0 },
]
const TOTALS: OverviewTotal[] = [
  { key: 'schools', title: '学校', value: 2, test: 'total-schools' },
  { key: 'failing', title: '未达标', value: 1, test: 'total-failing', tone: 'danger', toggle: true, on: true },
  { key: 'later', title: '待定', value: undefined, test: 'total-later' },
]

const Stub = defineComponent({ render: () => h('div') })

async function mountBoard(props: Record<string, unknown> = {}, width = 1280) {
  window.innerWidth = width
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Stub }, { path: '/school', name: 'school', component: Stub }] })
  await router.push('/')
  const w = mount(OverviewBoard, {
    props: {
      pageTest: 'board-page',
      intro: '说明',
      exportTest: 'board-export',
      exportLabel: '导出',
      exporting: false,
      totalsId: 'board-totals-title',
      totalsTitle: '总计',
      totalsTest: 'board-totals',
      totals: TOTALS,
      loading: false,
      loaded: true,
      tableId: 'board-table-title',
      tableTitle: '学校',
      tableTest: 'board-table',
      emptyText: '暂无学校',
      rows: ROWS,
      school: {
        label: '学校',
        link: (r: Unit) => ({ name: 'school', query: { unit_id: String(r.unit_id) } }),
        ariaLabel: (r: Unit) => `查看${r.unit_name}`,
        test: (r: Unit) => `board-school-${r.unit_id}`,
      },
      ...props,
    },
    slots: {
      card: ({ row }: { row: Unit }) => h('span', { 'data-test': 'card-n' }, String((row as Row).n)),
    },
    global: { plugins: [ElementPlus, i18n, router] },
    attachTo: document.body,
  })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  return w
}

afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = 1280
})

describe('OverviewBoard', () => {
  it('shows the totals, a filtering card as a pressed button, — for a total not known yet', async () => {
    const w = await mountBoard()
    expect(w.get('[data-test="board-page"]').text()).toContain('说明')
    const failing = w.get('[data-test="total-failing"]')
    expect(failing.element.tagName).toBe('BUTTON')
    expect(failing.attributes('aria-pressed')).toBe('true')
    expect(failing.classes()).toContain('stat--danger')
    expect(w.get('[data-test="total-schools"]').element.tagName).toBe('DIV')
    expect(w.get('[data-test="total-later"] [data-test="stat-value"]').text()).toBe('—')
    await failing.trigger('click')
    expect(w.emitted('toggle')).toEqual([['failing']])
    await w.get('[data-test="board-export"]').trigger('click')
    expect(w.emitted('export')).toHaveLength(1)
    w.unmount()
  })

  it('lists the schools in a table on a desk, each name linking to its page', async () => {
    const w = await mountBoard()
    const link = document.querySelector<HTMLAnchorElement>('[data-test="board-table"] [data-test="board-school-21"]')
    expect(link?.textContent?.trim()).toBe('双桥小学')
    expect(link?.getAttribute('aria-label')).toBe('查看双桥小学')
    expect(link?.getAttribute('href')).toBe('/school?unit_id=21')
    expect(document.querySelector('[data-test="board-cards"]')).toBeNull()
    w.unmount()
  })

  it('shows one card a school on a phone, or says there is none', async () => {
    const cards = { listTest: 'board-cards', rowTest: 'board-row', emptyTest: 'board-empty' }
    const w = await mountBoard({ cards }, 375)
    const rows = w.findAll('[data-test="board-row"]')
    expect(rows.map((r) => r.get('[data-test^="board-school-"]').text())).toEqual(['双桥小学', '城南中学'])
    expect(rows.map((r) => r.get('[data-test="card-n"]').text())).toEqual(['3', '0'])
    expect(w.find('[data-test="board-table"]').exists()).toBe(false)
    await w.setProps({ rows: [] })
    expect(w.find('[data-test="board-empty"]').exists()).toBe(true)
    w.unmount()
    // Without cards, the table stays on a phone.
    const t = await mountBoard({}, 375)
    expect(t.find('[data-test="board-table"]').exists()).toBe(true)
    t.unmount()
  })

  it('binds the 状态 filter', async () => {
    const w = await mountBoard({
      stateFilter: { id: 'board-state', label: '状态', placeholder: '全部状态', test: 'board-state', options: [{ value: 'none', label: '未建立' }] },
      state: 'none',
    })
    expect(w.get('label[for="board-state"]').text()).toBe('状态')
    expect(w.get('[data-test="board-state"]').text()).toContain('未建立')
    w.unmount()
  })
})
