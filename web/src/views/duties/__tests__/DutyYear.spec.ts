// 安全述职: a school user's own school of this year, the bureau's pick (or ?unit_id=); another year
// from the picker (this year back to 2020) or a link (?year=2025); the school, the year and 截至; the
// figures (lists signed of all, hazards found with those closed, hazards closed, drills, training,
// supervision orders with those answered); the leaders' lists with their state tags; the rules not met;
// 导出 of the year shown; 打印; a table on a desk, cards on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { LEADER, OFFICE, dutyYear, dutyYear2025 } from './fixtures'

const api = vi.hoisted(() => ({
  duties: {
    year: vi.fn(),
    yearExport: vi.fn(),
  },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import DutyYear from '../DutyYear.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [
  ['/duties/year', 'duty-year'],
  ['/duties/lists', 'duty-lists'],
]

async function mountPage(me: Me, path = '/duties/year') {
  const at = await mountPageAt(DutyYear, me, ROUTES, path)
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const stat = (key: string) => {
  const card = $(`duty-year-stat-${key}`)
  return { title: card!.querySelector('.stat-title')?.textContent?.trim(), value: within(card!, 'stat-value'), note: within(card!, 'stat-note') }
}

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

/** The year picker (an ElSelect). */
function yearPicker(w: VueWrapper) {
  const picker = w.findAllComponents({ name: 'ElSelect' }).find((x) => x.attributes('data-test') === 'duty-year-select')
  expect(picker, 'the year picker').toBeTruthy()
  return picker!
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-07T02:00:00Z'), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.schools.list, api.saveDownload]) fn.mockReset()
  api.duties.year.mockImplementation(async (_unit?: number, year?: number) => (year === 2025 ? dutyYear2025() : dutyYear()))
  api.duties.yearExport.mockResolvedValue({ blob: new Blob(['x']), filename: '安全述职.xlsx' })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ],
    total: 2,
  })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
  vi.useRealTimers()
})

describe('安全述职: what the page shows', () => {
  it('opens a school user’s own school this year: the school, 截至, the figures', async () => {
    await mountPage(LEADER())
    expect(api.duties.year).toHaveBeenCalledWith(21, 2026)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect($('duty-year')?.getAttribute('data-year')).toBe('2026')
    expect(text('duty-school-name')).toBe('示范区双桥小学')
    expect(text('duty-year-title')).toBe('2026 年度安全述职')
    expect(text('duty-year-as-of')).toBe('截至 2026-12-07')
    expect(all('stat-value').map((e) => e.closest('[data-test^="duty-year-stat-"]')?.getAttribute('data-test'))).toEqual([
      'duty-year-stat-lists',
      'duty-year-stat-hazards-found',
      'duty-year-stat-hazards-closed',
      'duty-year-stat-drills',
      'duty-year-stat-training',
      'duty-year-stat-supervision',
      'duty-year-stat-work',
    ])
    expect(stat('lists')).toEqual({ title: '职责清单', value: '3/5', note: '已签/全部' })
    expect(stat('hazards-found')).toEqual({ title: '发现隐患', value: '4', note: '其中已销号 3' })
    expect(stat('hazards-closed')).toEqual({ title: '销号隐患', value: '5', note: '本年内整改销号' })
    expect(stat('drills')).toEqual({ title: '应急演练', value: '6', note: '本年内开展' })
    expect(stat('training')).toEqual({ title: '安全培训', value: '2', note: '本年内举办场次' })
    expect(stat('supervision')).toEqual({ title: '收到督办单', value: '2', note: '已回复 1' })
    expect(stat('work')).toEqual({ title: '全区工作', value: '11/12', note: '逾期完成 2，逾期未完成 1' })
    expect($('duty-year-stat-work')?.className).toContain('stat--danger')
    // Orders left unanswered stand out.
    expect($('duty-year-stat-supervision')?.className).toContain('stat--danger')
    expect($('duty-year-stat-lists')?.className).toContain('stat--warning')
  })

  it('lists the leaders with their state and the day signed, and the rules not met', async () => {
    await mountPage(LEADER())
    expect([...document.querySelectorAll('[data-test="duty-year-leaders-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '姓名',
      '岗位',
      '状态',
      '签订日期',
    ])
    const leaders = all('duty-year-leader')
    expect(leaders.map((r) => within(r, 'row-name'))).toEqual(['张伟', '赵敏', '钱副校长'])
    expect(leaders.map((r) => within(r, 'row-posts'))).toEqual(['党组织书记、校长', '分管安全副校长', '其他校级领导'])
    expect(leaders.map((r) => within(r, 'row-state'))).toEqual(['已签订', '待重签', '未签订'])
    expect(leaders.map((r) => r.getAttribute('data-state'))).toEqual(['signed', 'outdated', 'unsigned'])
    expect(leaders.map((r) => within(r, 'row-signed-on'))).toEqual(['2026-09-10', '2026-03-02', '—'])
    expect(leaders[0].querySelector('[data-test="row-state"]')?.className).toContain('el-tag--success')
    expect(leaders[1].querySelector('[data-test="row-state"]')?.className).toContain('el-tag--warning')
    expect(leaders[2].querySelector('[data-test="row-state"]')?.className).toContain('el-tag--danger')

    expect([...document.querySelectorAll('[data-test="duty-year-failing-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '措施',
      '规则',
      '未达标周期数',
      '最近一次原因',
    ])
    const failing = all('duty-year-failing')
    expect(failing.map((r) => r.getAttribute('data-rule'))).toEqual(['duty.areas', 'whistle.periodic'])
    expect(failing.map((r) => [within(r, 'row-measure'), within(r, 'row-rule'), within(r, 'row-periods'), within(r, 'row-reason')])).toEqual([
      ['1', '三管三必须业务分工', '1', '食堂未明确业务负责人'],
      ['5', '学校按月定期报告（无风险时零报告）', '5', '2026年7月未报送定期报告'],
    ])
  })

  it('offers this year back to 2020 and reads another year when picked', async () => {
    const w = await mountPage(LEADER())
    const options = yearPicker(w).findAllComponents({ name: 'ElOption' })
    expect(options.map((o) => o.props('value'))).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020])
    expect(options.map((o) => o.props('label'))[1]).toBe('2025 年')

    yearPicker(w).vm.$emit('update:modelValue', 2025)
    await settle()
    expect(api.duties.year).toHaveBeenLastCalledWith(21, 2025)
    expect($('duty-year')?.getAttribute('data-year')).toBe('2025')
    expect(text('duty-year-title')).toBe('2025 年度安全述职')
    expect(text('duty-year-as-of')).toBe('截至 2025-12-31')
    expect(stat('hazards-found').value).toBe('1')
    expect(stat('lists').value).toBe('0/0')
    expect(text('duty-year-leaders-empty')).toContain('尚未为学校领导建立安全工作职责清单')
    expect(text('duty-year-failing-empty')).toContain('本年度没有未达标的规则')
    expect(all('duty-year-leader')).toHaveLength(0)
    expect(all('duty-year-failing')).toHaveLength(0)
  })

  it('reads the year a link names; a year to come or out of range is this year', async () => {
    await mountPage(LEADER(), '/duties/year?year=2025')
    expect(api.duties.year).toHaveBeenCalledWith(21, 2025)
    expect(text('duty-year-title')).toBe('2025 年度安全述职')
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    // A year before 2020 from a link is offered besides the others.
    api.duties.year.mockClear()
    const w = await mountPage(LEADER(), '/duties/year?year=2015')
    expect(api.duties.year).toHaveBeenCalledWith(21, 2015)
    expect(yearPicker(w).findAllComponents({ name: 'ElOption' }).map((o) => o.props('value')).at(-1)).toBe(2015)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    for (const year of ['2030', '1999', 'abc']) {
      api.duties.year.mockClear()
      await mountPage(LEADER(), `/duties/year?year=${year}`)
      expect(api.duties.year, year).toHaveBeenCalledWith(21, 2026)
      mounted.splice(0).forEach((x) => x.unmount())
      document.body.innerHTML = ''
    }
  })

  it('lets the bureau pick a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.duties.year).not.toHaveBeenCalled()
    expect($('duty-pick')?.textContent).toContain('请先选择学校，查看其年度安全述职')
    expect(api.schools.list).toHaveBeenCalled()
    const picker = w.findAllComponents({ name: 'ElSelect' }).find((x) => !!(x.element as Element).closest?.('[data-test="duty-school"]'))
    picker!.vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.duties.year).toHaveBeenCalledWith(22, 2026)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.duties.year.mockClear()
    await mountPage(OFFICE(), '/duties/year?unit_id=21&year=2025')
    expect(api.duties.year).toHaveBeenCalledWith(21, 2025)
    expect(text('duty-school-name')).toBe('示范区双桥小学')
  })

  it('says a school outside the scope is not found', async () => {
    api.duties.year.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '学校不存在或不在您的管辖范围内', details: [] }, null))
    await mountPage(OFFICE(), '/duties/year?unit_id=99')
    expect($('duty-year')).toBeNull()
    expect($('not-found')).not.toBeNull()
    expect($('duty-year-export')).toBeNull()
  })
})

describe('安全述职: export and print', () => {
  it('exports the year shown, and prints the page', async () => {
    const w = await mountPage(LEADER())
    await click($('duty-year-export'))
    expect(api.duties.yearExport).toHaveBeenCalledWith(21, 2026)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '安全述职.xlsx' })

    yearPicker(w).vm.$emit('update:modelValue', 2025)
    await settle()
    await click($('duty-year-export'))
    expect(api.duties.yearExport).toHaveBeenLastCalledWith(21, 2025)

    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    await click($('duty-year-print'))
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()
    // The controls stay off the paper.
    expect($('duty-year-select')?.closest('.no-print')).not.toBeNull()
    expect($('duty-year-export')?.closest('.no-print')).not.toBeNull()
  })
})

describe('安全述职 on a phone', () => {
  it('shows the leaders and the rules as cards', async () => {
    window.innerWidth = 375
    await mountPage(LEADER())
    expect($('duty-year-leaders-table')).toBeNull()
    expect($('duty-year-failing-table')).toBeNull()
    expect($('duty-year-leaders-cards')).not.toBeNull()
    expect($('duty-year-failing-cards')).not.toBeNull()
    expect(all('duty-year-leader').map((r) => within(r, 'row-state'))).toEqual(['已签订', '待重签', '未签订'])
    expect(all('duty-year-failing').map((r) => within(r, 'row-rule'))).toEqual(['三管三必须业务分工', '学校按月定期报告（无风险时零报告）'])
    expect(stat('hazards-found').value).toBe('4')
  })
})
