// 本单位工作: the work deployed to a school, one card an item — the kind, the name, the next day with its
// state (逾期未完成 red, 即将到期 orange) and how near it is, the schedule, the lead section, the days
// counted —; 报告完成 opens the form for the first day not done (the day done today unless said, a
// note), a day reported meanwhile is said and read again; the days come listed the latest first with
// their states, 撤回 a report once asked, 补报 a day overdue; read only without can_report; nothing
// wider than a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { LEADER, TEACHER } from './fixtures'
import { TODAY, myItem, myOnceItem, myWork } from './workFixtures'

const api = vi.hoisted(() => ({
  work: {
    mine: vi.fn(),
    report: vi.fn(),
    withdraw: vi.fn(),
  },
}))

vi.mock('@/api/dutyWork', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/dutyWork')>()
  return { ...real, workApi: api.work }
})

import MyWork from '../MyWork.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []
const desk = window.innerWidth

async function mountPage(me: Me = LEADER()) {
  const at = await mountPageAt(MyWork, me, [['/duties/work/mine', 'duty-work-mine']], '/duties/work/mine')
  mounted.push(at.w)
  return at.w
}

const card = (id: number) => $(`work-mine-item-${id}`)!
const inCard = (id: number, test: string) => card(id).querySelector<HTMLElement>(`[data-test="${test}"]`)
const cardText = (id: number, test: string) => inCard(id, test)?.textContent?.trim().replace(/\s+/g, ' ') ?? ''
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

async function confirm(): Promise<void> {
  await vi.waitFor(() => expect(document.body.querySelector('[data-test="confirm-ok"]')).not.toBeNull())
  document.body.querySelector<HTMLButtonElement>('[data-test="confirm-ok"]')!.click()
  await settle()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.work)) fn.mockReset()
  api.work.mine.mockImplementation(async () => myWork())
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('本单位工作: what the page shows', () => {
  it('shows the unit, its figures and each item with its next day, state, schedule and days', async () => {
    await mountPage()
    expect(api.work.mine).toHaveBeenCalledTimes(1)
    expect(text('work-mine-unit')).toContain('示范区双桥小学')
    expect(text('work-mine-items')).toBe('2')
    expect(text('work-mine-overdue')).toBe('1')
    expect(text('work-mine-soon')).toBe('1')
    expect(cardText(1, 'item-kind')).toBe('共性任务')
    expect(cardText(1, 'item-title')).toBe('开学安全检查')
    expect(cardText(1, 'item-next-day')).toBe('2026-09-25')
    expect(cardText(1, 'item-next-state')).toBe('逾期未完成')
    expect(inCard(1, 'item-next-state')?.className).toContain('el-tag--danger')
    expect(cardText(1, 'item-next-note')).toBe('已逾期 3 天')
    expect(cardText(1, 'item-schedule')).toBe('每月25日 2026-07-01 至 2026-12-31')
    expect(cardText(1, 'item-lead')).toBe('安全管理科')
    expect(cardText(1, 'item-progress')).toBe('已到期 3 期：按期完成 1，逾期完成 1，逾期未完成 1')
    // The days come, the latest first, each with its state; 撤回 a report, 补报 a day overdue.
    const days = [...card(1).querySelectorAll<HTMLElement>('[data-test^="work-day-1-"]')]
    expect(days.map((d) => d.dataset.due)).toEqual(['2026-09-25', '2026-08-25', '2026-07-24'])
    expect(days.map((d) => d.querySelector('[data-test="day-state"]')?.textContent?.trim())).toEqual(['逾期未完成', '逾期完成', '已完成'])
    expect(days[1].querySelector('[data-test="day-state"]')?.className).toContain('el-tag--info')
    expect(days[2].querySelector('[data-test="day-state"]')?.className).toContain('el-tag--success')
    expect(days[2].querySelector('[data-test="day-report"]')?.textContent).toContain('2026-07-20 完成，赵敏 报告')
    expect(days[2].querySelector('[data-test="day-note"]')?.textContent).toBe('已检查')
    expect($('work-withdraw-1-2026-08-25')?.getAttribute('aria-label')).toBe('撤回“开学安全检查”2026-08-25 这一期的完成报告')
    expect($('work-report-day-1-2026-09-25')).not.toBeNull()
    expect($('work-report-1')?.getAttribute('aria-label')).toBe('报告完成：开学安全检查')
    // The drowning campaign: once, due soon, no day come yet.
    expect(cardText(2, 'item-schedule')).toBe('一次性 2026-09-30 截止')
    expect(cardText(2, 'item-next-state')).toBe('即将到期')
    expect(inCard(2, 'item-next-state')?.className).toContain('el-tag--warning')
    expect(cardText(2, 'item-next-note')).toBe('还有 2 天')
    expect(cardText(2, 'item-days-empty')).toBe('尚无已到期的期次')
    expect($('work-mine-readonly')).toBeNull()
  })

  it('folds the days past the latest three', async () => {
    const many = myItem()
    many.days = Array.from({ length: 6 }, (_, i) => ({ due: `2026-0${i + 3}-25`, state: 'overdue', state_label: '逾期未完成', report: null }))
    api.work.mine.mockResolvedValue(myWork({ items: [many] }))
    await mountPage()
    expect(card(1).querySelectorAll('[data-test^="work-day-1-"]')).toHaveLength(3)
    expect(text('work-days-toggle-1')).toBe('显示全部 6 条')
    await click($('work-days-toggle-1'))
    expect(card(1).querySelectorAll('[data-test^="work-day-1-"]')).toHaveLength(6)
    expect(text('work-days-toggle-1')).toBe('收起')
  })

  it('says all done and offers no report when every day is reported', async () => {
    const done = myOnceItem({ progress: { due: 1, done: 1, done_late: 0, overdue: 0, next: null, next_state: null, next_state_label: '' } })
    done.days = [{ due: '2026-09-25', state: 'done', state_label: '已完成', report: { item_id: 2, unit_id: 21, due: '2026-09-25', done_on: '2026-09-24', note: '', reported_by: '赵敏', reported_at: '' } }]
    api.work.mine.mockResolvedValue(myWork({ items: [done] }))
    await mountPage()
    expect(cardText(2, 'item-all-done')).toBe('各期均已完成')
    expect($('work-report-2')).toBeNull()
    expect($('work-withdraw-2-2026-09-25')).not.toBeNull()
  })

  it('is read only without can_report: no 报告完成, 撤回 or 补报', async () => {
    api.work.mine.mockResolvedValue(myWork({ can_report: false }))
    await mountPage(TEACHER())
    expect(text('work-mine-readonly')).toContain('报告完成由学校领导、安全干部或科室人员办理')
    for (const gone of ['work-report-1', 'work-withdraw-1-2026-08-25', 'work-report-day-1-2026-09-25']) expect($(gone), gone).toBeNull()
  })

  it('says there is no work deployed', async () => {
    api.work.mine.mockResolvedValue(myWork({ items: [] }))
    await mountPage()
    expect($('work-mine-empty')?.textContent).toContain('暂无下达本单位的工作')
  })

  it('keeps to a phone’s width: the report form as a drawer', async () => {
    window.innerWidth = 375
    await mountPage()
    expect(card(1)).not.toBeNull()
    await click($('work-report-1'))
    expect($('work-report-dialog')?.classList.contains('el-drawer')).toBe(true)
  })
})

describe('本单位工作: reporting and withdrawing', () => {
  it('reports the first day not done, done today with a note; the items are read again', async () => {
    api.work.report.mockResolvedValue({ item_id: 1, unit_id: 21, due: '2026-09-25', done_on: TODAY, note: '已补检查', reported_by: '赵敏', reported_at: '' })
    const w = await mountPage()
    await click($('work-report-1'))
    expect(text('work-report-item')).toBe('开学安全检查')
    const due = component(w, 'ElSelect', 'work-report-due')
    expect(due.props('modelValue')).toBe('2026-09-25')
    expect(due.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['2026-09-25（已逾期 3 天）', '2026-10-23（还有 25 天）'])
    expect(w.findAllComponents({ name: 'ElDatePicker' }).at(-1)!.props('modelValue')).toBe(TODAY)
    const found = $('work-report-note')!
    const note = (found.matches('textarea') ? found : found.querySelector('textarea')) as HTMLTextAreaElement
    note.value = ' 已补检查 '
    note.dispatchEvent(new Event('input'))
    await flushPromises()
    api.work.mine.mockClear()
    await click($('work-report-save'))
    expect(api.work.report).toHaveBeenCalledWith(1, { due: '2026-09-25', done_on: TODAY, note: '已补检查' })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已报告 2026-09-25 这一期完成')
    expect(api.work.mine).toHaveBeenCalledTimes(1)
  })

  it('reports a day chosen from its 补报, and shows the server’s reason at the field', async () => {
    api.work.report.mockRejectedValue(new ApiError(422, { code: 'invalid_argument', message: '请求参数无效', details: [{ field: 'done_on', reason: '完成日期不能晚于今天' }] }, null))
    const w = await mountPage()
    await click($('work-report-day-1-2026-09-25'))
    expect(component(w, 'ElSelect', 'work-report-due').props('modelValue')).toBe('2026-09-25')
    await click($('work-report-save'))
    expect(errorOf('work-report-due')).toBe('')
    expect($('work-report-done-on')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('完成日期不能晚于今天')
  })

  it('says a day reported meanwhile, closes the form and reads the items again', async () => {
    api.work.report.mockRejectedValue(new ApiError(409, { code: 'duty.work.reported', message: '2026-09-25 这一期已报告完成，如需更正请先撤回', details: [] }, null))
    const w = await mountPage()
    await click($('work-report-1'))
    api.work.mine.mockClear()
    await click($('work-report-save'))
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('这一期已报告完成，如需更正请先撤回')
    expect(w.findComponent({ name: 'WorkReportDialog' }).props('modelValue')).toBe(false)
    expect(api.work.mine).toHaveBeenCalledTimes(1)
  })

  it('withdraws a report once asked, and reads the items again', async () => {
    api.work.withdraw.mockResolvedValue(undefined)
    await mountPage()
    await click($('work-withdraw-1-2026-08-25'))
    expect(document.body.querySelector('[data-test="confirm-box"]')?.textContent).toContain('撤回“开学安全检查”2026-08-25 这一期的完成报告吗')
    api.work.mine.mockClear()
    await confirm()
    expect(api.work.withdraw).toHaveBeenCalledWith(1, '2026-08-25')
    await vi.waitFor(() => expect(api.work.mine).toHaveBeenCalledTimes(1))
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已撤回完成报告')
  })
})
