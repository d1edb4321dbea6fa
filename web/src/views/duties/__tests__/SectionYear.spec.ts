// 科室述职: a section user's own section of this year (no picker); the bureau's pick among its sections
// (the first by default, ?section_id= from a link), read again on each pick; another year from the
// picker or a link; the section, the bureau, the year and 截至; the figures (people, supervision items
// with their measures, the work led with its totals, the section's own work); the supervision items
// with 在岗/不在岗; the work led, each linking to its page, with the total; the empty states; 403, 404
// and 422 as the server says them; 导出 of the section and year shown; 打印; cards on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { INSPECTOR, OFFICE, SECTION_HEAD, supervisionItems, sectionYear, sectionYear2025 } from './fixtures'

const api = vi.hoisted(() => ({
  duties: {
    sectionYear: vi.fn(),
    sectionYearExport: vi.fn(),
    supervision: vi.fn(),
  },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import SectionYear from '../SectionYear.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [
  ['/duties/year/section', 'duty-year-section'],
  ['/duties/work/:id', 'duty-work-item'],
  ['/home', 'home'],
]

async function mountPage(me: Me, path = '/duties/year/section') {
  const at = await mountPageAt(SectionYear, me, ROUTES, path)
  mounted.push(at.w)
  return at.w
}

function unmountAll(): void {
  mounted.splice(0).forEach((x) => x.unmount())
  document.body.innerHTML = ''
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const stat = (key: string) => {
  const card = $(`section-year-stat-${key}`)
  expect(card, key).not.toBeNull()
  return { title: card!.querySelector('.stat-title')?.textContent?.trim(), value: within(card!, 'stat-value'), note: within(card!, 'stat-note') }
}
const heads = (test: string) => [...document.querySelectorAll(`[data-test="${test}"] thead th`)].map((th) => th.textContent?.trim())

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

/** An ElSelect by its data-test. */
function select(w: VueWrapper, test: string) {
  const picker = w.findAllComponents({ name: 'ElSelect' }).find((x) => x.attributes('data-test') === test)
  expect(picker, test).toBeTruthy()
  return picker!
}

const refusal = (status: number, code: string, message: string, field?: string) =>
  new ApiError(status, { code, message, details: field ? [{ field, reason: message }] : [] }, null)

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-07T02:00:00Z'), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.saveDownload]) fn.mockReset()
  api.duties.sectionYear.mockImplementation(async (section?: number, year?: number) => {
    const d = year === 2025 ? sectionYear2025() : sectionYear()
    return section === 2 ? { ...d, section_id: 2, section_name: '安全管理科', people: ['安全管理科 刘科长'] } : d
  })
  api.duties.sectionYearExport.mockResolvedValue({ blob: new Blob(['x']), filename: '科室述职.xlsx' })
  api.duties.supervision.mockResolvedValue(supervisionItems())
})
afterEach(async () => {
  await settle()
  unmountAll()
  window.innerWidth = desk
  vi.useRealTimers()
})

describe('科室述职: what the page shows', () => {
  it('opens a section user’s own section this year: the section, the bureau, 截至, the figures in order', async () => {
    await mountPage(SECTION_HEAD())
    expect(api.duties.sectionYear).toHaveBeenCalledTimes(1)
    expect(api.duties.sectionYear).toHaveBeenCalledWith(undefined, 2026)
    // No picker: a section reads its own.
    expect(api.duties.supervision).not.toHaveBeenCalled()
    expect($('section-year-section')).toBeNull()
    expect($('section-year')?.getAttribute('data-year')).toBe('2026')
    expect($('section-year')?.getAttribute('data-section')).toBe('3')
    expect(text('section-year-name')).toBe('基础教育科')
    expect(text('section-year-bureau')).toBe('示范区教育局')
    expect(text('section-year-title')).toBe('2026 年度科室述职')
    expect(text('section-year-as-of')).toBe('截至 2026-12-07')

    expect(all('stat-value').map((e) => e.closest('[data-test^="section-year-stat-"]')?.getAttribute('data-test'))).toEqual([
      'section-year-stat-people',
      'section-year-stat-supervision',
      'section-year-stat-led',
      'section-year-stat-own',
    ])
    expect(stat('people')).toEqual({ title: '科室人员', value: '2', note: '基础教育科 郑科长、基础教育科 王副科长' })
    expect(stat('supervision')).toEqual({ title: '监管事项', value: '2', note: '对应措施 1、20、21' })
    expect(stat('led')).toEqual({ title: '牵头全区工作', value: '2', note: '按时 13，逾期完成 1，逾期未完成 4' })
    expect(stat('own')).toEqual({ title: '本科室承办工作', value: '1/3', note: '逾期完成 1，逾期未完成 2' })
    // Days not done stand out; a person no longer in post is a warning.
    expect($('section-year-stat-led')?.className).toContain('stat--danger')
    expect($('section-year-stat-own')?.className).toContain('stat--danger')
    expect($('section-year-stat-supervision')?.className).toContain('stat--warning')
    expect($('section-year-stat-people')?.className).toContain('stat--primary')
  })

  it('lists the supervision items with their person in post or not, and the work led with its total', async () => {
    await mountPage(SECTION_HEAD())
    expect(heads('section-year-supervision-table')).toEqual(['类别', '监管事项', '对应措施', '责任人', '在岗'])
    const items = all('section-year-item')
    expect(items.map((r) => [within(r, 'row-kind'), within(r, 'row-title'), within(r, 'row-measures'), within(r, 'row-person'), within(r, 'row-active')])).toEqual([
      ['管学段（小学）', '指导督促小学落实安全主体责任', '1、20、21', '基础教育科 郑科长', '在岗'],
      ['管学段（初中）', '指导初中落实 1530 安全教育提醒', '20', '基础教育科 赵副科长', '不在岗'],
    ])
    expect(items[0].querySelector('[data-test="row-active"]')?.className).toContain('el-tag--success')
    expect(items[1].querySelector('[data-test="row-active"]')?.className).toContain('el-tag--danger')

    expect(heads('section-year-led-table')).toEqual(['类别', '工作名称', '下达单位数', '应完成', '按时完成', '逾期完成', '逾期未完成'])
    const led = all('section-year-led')
    expect(led.map((r) => r.getAttribute('data-item'))).toEqual(['41', '37'])
    const figures = (r: Element) => ['row-kind', 'row-title', 'row-units', 'row-due', 'row-done', 'row-done-late', 'row-overdue'].map((k) => within(r, k))
    expect(led.map(figures)).toEqual([
      ['常规工作', '每月隐患排查报送', '2', '6', '1', '1', '4'],
      ['重点事项', '秋季开学安全检查', '12', '12', '12', '0', '0'],
    ])
    // Each piece of work opens its page.
    expect(led.map((r) => r.querySelector('a[data-test="row-title"]')?.getAttribute('href'))).toEqual(['/duties/work/41', '/duties/work/37'])
    expect(led[0].querySelector('[data-test="row-overdue"]')?.className).toContain('danger')
    expect(led[1].querySelector('[data-test="row-overdue"]')?.className).not.toContain('danger')
    const total = $('section-year-led-total')!
    expect(total.querySelector('th')?.textContent?.trim()).toBe('合计')
    expect(['row-due', 'row-done', 'row-done-late', 'row-overdue'].map((k) => within(total, k))).toEqual(['18', '13', '1', '4'])
  })

  it('offers this year back to 2020 and reads another year when picked, with the empty states', async () => {
    const w = await mountPage(SECTION_HEAD())
    const options = select(w, 'section-year-select').findAllComponents({ name: 'ElOption' })
    expect(options.map((o) => o.props('value'))).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020])
    expect(options.map((o) => o.props('label'))[1]).toBe('2025 年')

    select(w, 'section-year-select').vm.$emit('update:modelValue', 2025)
    await settle()
    expect(api.duties.sectionYear).toHaveBeenLastCalledWith(undefined, 2025)
    expect($('section-year')?.getAttribute('data-year')).toBe('2025')
    expect(text('section-year-title')).toBe('2025 年度科室述职')
    expect(text('section-year-as-of')).toBe('截至 2025-12-31')
    expect(stat('supervision')).toEqual({ title: '监管事项', value: '0', note: '尚未对应方案措施' })
    expect(stat('led')).toEqual({ title: '牵头全区工作', value: '0', note: '按时 0，逾期完成 0，逾期未完成 0' })
    expect(stat('own').value).toBe('2/2')
    expect($('section-year-stat-led')?.className).toContain('stat--primary')
    expect($('section-year-stat-own')?.className).toContain('stat--primary')
    expect(text('section-year-supervision-empty')).toContain('本科室尚无监管事项')
    expect(text('section-year-led-empty')).toContain('本年度没有本科室牵头的全区工作')
    expect(all('section-year-item')).toHaveLength(0)
    expect(all('section-year-led')).toHaveLength(0)
  })

  it('reads the year a link names; a year to come or out of range is this year', async () => {
    await mountPage(SECTION_HEAD(), '/duties/year/section?year=2025')
    expect(api.duties.sectionYear).toHaveBeenCalledWith(undefined, 2025)
    unmountAll()
    for (const year of ['2030', '1999', 'abc']) {
      api.duties.sectionYear.mockClear()
      await mountPage(SECTION_HEAD(), `/duties/year/section?year=${year}`)
      expect(api.duties.sectionYear, year).toHaveBeenCalledWith(undefined, 2026)
      unmountAll()
    }
  })

  it('says when no one of the section is in post', async () => {
    api.duties.sectionYear.mockResolvedValue(sectionYear({ people: [] }))
    await mountPage(SECTION_HEAD())
    expect(stat('people')).toEqual({ title: '科室人员', value: '0', note: '暂无在岗人员' })
    expect($('section-year-stat-people')?.className).toContain('stat--warning')
  })
})

describe('科室述职 for the bureau: a section picked', () => {
  it('offers the bureau’s sections, reads the first, and reads again on each pick', async () => {
    const w = await mountPage(OFFICE())
    expect(api.duties.supervision).toHaveBeenCalledTimes(1)
    const picker = select(w, 'section-year-section')
    expect(picker.findAllComponents({ name: 'ElOption' }).map((o) => [o.props('value'), o.props('label')])).toEqual([
      [2, '安全管理科'],
      [3, '基础教育科'],
      [4, '学前教育科'],
    ])
    // Labelled for assistive technology.
    expect(document.querySelector('label[for="section-year-section"]')?.textContent?.trim()).toBe('科室')
    expect(api.duties.sectionYear).toHaveBeenCalledTimes(1)
    expect(api.duties.sectionYear).toHaveBeenCalledWith(2, 2026)
    expect(text('section-year-name')).toBe('安全管理科')
    expect(stat('people')).toEqual({ title: '科室人员', value: '1', note: '安全管理科 刘科长' })

    picker.vm.$emit('update:modelValue', 3)
    await settle()
    expect(api.duties.sectionYear).toHaveBeenLastCalledWith(3, 2026)
    expect(text('section-year-name')).toBe('基础教育科')
    expect(stat('own').value).toBe('1/3')

    select(w, 'section-year-select').vm.$emit('update:modelValue', 2025)
    await settle()
    expect(api.duties.sectionYear).toHaveBeenLastCalledWith(3, 2025)
  })

  it('opens the section a link names, for an inspector too', async () => {
    await mountPage(INSPECTOR(), '/duties/year/section?section_id=3&year=2025')
    expect(api.duties.sectionYear).toHaveBeenCalledTimes(1)
    expect(api.duties.sectionYear).toHaveBeenCalledWith(3, 2025)
    expect(text('section-year-name')).toBe('基础教育科')
    expect(api.duties.supervision).toHaveBeenCalled()
  })

  it('says so when the bureau has no sections, and reads nothing', async () => {
    api.duties.supervision.mockResolvedValue(supervisionItems({ sections: [], items: [] }))
    await mountPage(OFFICE())
    expect(api.duties.sectionYear).not.toHaveBeenCalled()
    expect(text('section-year-pick')).toContain('本局尚未设置内设科室')
    expect($('section-year-export')).toBeNull()
  })
})

describe('科室述职: the server’s refusals', () => {
  it('shows 无权访问 for a unit refused (403)', async () => {
    api.duties.sectionYear.mockRejectedValue(refusal(403, 'forbidden', '无权查看科室述职'))
    await mountPage(SECTION_HEAD())
    expect($('forbidden')).not.toBeNull()
    expect($('section-year')).toBeNull()
    expect($('section-year-export')).toBeNull()
  })

  it('shows 无权访问 when the bureau’s sections are refused (403)', async () => {
    api.duties.supervision.mockRejectedValue(refusal(403, 'forbidden', '无权查看科室监管事项'))
    await mountPage(OFFICE())
    expect($('forbidden')).not.toBeNull()
    expect(api.duties.sectionYear).not.toHaveBeenCalled()
  })

  it('says the server’s reason for a request refused (422), and a section outside the bureau is not found', async () => {
    api.duties.sectionYear.mockRejectedValue(refusal(422, 'invalid_argument', '字段 year 无效：年份须在 2000 至 2026 之间', 'year'))
    await mountPage(SECTION_HEAD())
    expect(text('section-year-error')).toContain('年份须在 2000 至 2026 之间')
    expect($('section-year')).toBeNull()
    expect($('forbidden')).toBeNull()
    unmountAll()

    api.duties.sectionYear.mockRejectedValue(refusal(422, 'invalid_argument', '字段 section_id 无效：请选择科室', 'section_id'))
    await mountPage(OFFICE())
    expect(text('section-year-error')).toContain('请选择科室')
    unmountAll()

    api.duties.sectionYear.mockRejectedValue(refusal(404, 'not_found', '科室不存在'))
    await mountPage(OFFICE(), '/duties/year/section?section_id=21')
    expect($('not-found')).not.toBeNull()
    expect($('section-year')).toBeNull()
    expect($('section-year-error')).toBeNull()
  })

  it('clears the reason once a read succeeds', async () => {
    api.duties.sectionYear.mockRejectedValueOnce(refusal(422, 'invalid_argument', '字段 section_id 无效：请选择科室', 'section_id'))
    const w = await mountPage(OFFICE())
    expect($('section-year-error')).not.toBeNull()
    select(w, 'section-year-section').vm.$emit('update:modelValue', 3)
    await settle()
    expect($('section-year-error')).toBeNull()
    expect(text('section-year-name')).toBe('基础教育科')
  })
})

describe('科室述职: export and print', () => {
  it('exports a section user’s own year without naming the section, and prints the page', async () => {
    const w = await mountPage(SECTION_HEAD())
    await click($('section-year-export'))
    expect(api.duties.sectionYearExport).toHaveBeenCalledWith(undefined, 2026)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '科室述职.xlsx' })

    select(w, 'section-year-select').vm.$emit('update:modelValue', 2025)
    await settle()
    await click($('section-year-export'))
    expect(api.duties.sectionYearExport).toHaveBeenLastCalledWith(undefined, 2025)

    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    await click($('section-year-print'))
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()
    // The controls stay off the paper.
    expect($('section-year-select')?.closest('.no-print')).not.toBeNull()
    expect($('section-year-export')?.closest('.no-print')).not.toBeNull()
  })

  it('exports the section the bureau picked', async () => {
    const w = await mountPage(OFFICE())
    select(w, 'section-year-section').vm.$emit('update:modelValue', 3)
    await settle()
    await click($('section-year-export'))
    expect(api.duties.sectionYearExport).toHaveBeenCalledWith(3, 2026)
  })
})

describe('科室述职 on a phone', () => {
  it('shows the supervision items and the work led as cards', async () => {
    window.innerWidth = 375
    await mountPage(SECTION_HEAD())
    expect($('section-year-supervision-table')).toBeNull()
    expect($('section-year-led-table')).toBeNull()
    expect($('section-year-supervision-cards')).not.toBeNull()
    expect($('section-year-led-cards')).not.toBeNull()
    expect(all('section-year-item').map((r) => within(r, 'row-active'))).toEqual(['在岗', '不在岗'])
    expect(all('section-year-led').map((r) => [within(r, 'row-title'), within(r, 'row-overdue')])).toEqual([
      ['每月隐患排查报送', '4'],
      ['秋季开学安全检查', '0'],
    ])
    expect(stat('own').value).toBe('1/3')
  })
})
