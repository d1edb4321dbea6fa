// 全区工作's pure parts: the schedule and targets as shown, a state's tag, the rate, the filters from a
// link, the item's form and bodies, the console's checks, the server's reasons placed, and a unit's
// days listed and reportable.
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  checkWorkForm,
  daysBetween,
  defaultReportDay,
  dueNote,
  emptyWorkForm,
  itemsFor,
  kindFromRoute,
  kindTagType,
  kindText,
  listedDays,
  noteTooLong,
  overdueItems,
  placeWorkErrors,
  ratePercent,
  rateText,
  reportableDays,
  scheduleRange,
  scheduleText,
  stateTagType,
  stateText,
  targetNames,
  targetsText,
  unitFromRoute,
  unitKindText,
  weekdayText,
  withAll,
  workBody,
  workToForm,
  workUpdateBody,
  type WorkForm,
} from '../workHelpers'
import { SCHOOLS, TODAY, WORK_SECTIONS, myItem, myOnceItem, workRow, workRows } from './workFixtures'

i18n.global.locale.value = 'zh-CN'
const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

const sched = (repeat: string, over: Record<string, unknown> = {}) => ({ repeat, repeat_label: '', due: null, day: 0, from: null, until: null, ...over })

describe('what the pages show', () => {
  it('writes the schedule: 一次性 with its day, 每周一, 每月25日, 每季度末月25日, and a recurrence’s range', () => {
    expect(scheduleText(t, sched('once', { due: '2026-09-10' }))).toBe('一次性 2026-09-10 截止')
    expect(scheduleText(t, sched('once'))).toBe('一次性')
    expect(scheduleText(t, sched('weekly', { day: 1 }))).toBe('每周一')
    expect(scheduleText(t, sched('weekly', { day: 7 }))).toBe('每周日')
    expect(scheduleText(t, sched('monthly', { day: 25 }))).toBe('每月25日')
    expect(scheduleText(t, sched('quarterly', { day: 25 }))).toBe('每季度末月25日')
    expect(scheduleText(t, sched('yearly', { repeat_label: '每年' }))).toBe('每年')
    expect(scheduleRange(t, sched('monthly', { from: '2026-07-01', until: '2026-12-31' }))).toBe('2026-07-01 至 2026-12-31')
    expect(scheduleRange(t, sched('once', { due: '2026-09-10' }))).toBe('')
    expect(weekdayText(t, 5)).toBe('周五')
    expect(weekdayText(t, 9)).toBe('9')
  })

  it('colours a due day’s state: 逾期未完成 red, 即将到期 orange, 已完成 green, 逾期完成 grey, 未到期 blue', () => {
    expect(stateTagType('overdue')).toBe('danger')
    expect(stateTagType('due_soon')).toBe('warning')
    expect(stateTagType('done')).toBe('success')
    expect(stateTagType('done_late')).toBe('info')
    expect(stateTagType('pending')).toBe('primary')
    expect(stateTagType(null)).toBe('primary')
    expect(stateText(t, 'overdue')).toBe('逾期未完成')
    expect(stateText(t, 'done_late')).toBe('逾期完成')
    expect(stateText(t, 'due_soon', '临近')).toBe('临近')
  })

  it('names and colours the kinds, and the units’ kinds', () => {
    expect(kindText(t, 'common')).toBe('共性任务')
    expect(kindText(t, 'key')).toBe('重点事项')
    expect(kindText(t, 'routine', '日常工作')).toBe('日常工作')
    expect(kindText(t, 'other')).toBe('other')
    expect([kindTagType('common'), kindTagType('key'), kindTagType('routine')]).toEqual(['primary', 'warning', 'info'])
    expect(unitKindText(t, 'school')).toBe('学校')
    expect(unitKindText(t, 'section')).toBe('科室')
    expect(unitKindText(t, 'bureau')).toBe('bureau')
  })

  it('writes the rate as a whole percentage, — while nothing is due', () => {
    expect(rateText(2 / 3)).toBe('67%')
    expect(rateText(1)).toBe('100%')
    expect(rateText(0)).toBe('0%')
    expect(rateText(null)).toBe('—')
    expect(ratePercent(2 / 3)).toBe(67)
    expect(ratePercent(null)).toBe(0)
  })

  it('writes the targets in a few words: every school, every section, both, or a count', () => {
    expect(targetsText(t, [21, 22, 23], SCHOOLS, WORK_SECTIONS)).toBe('全部学校（3 所）')
    expect(targetsText(t, [2, 3, 4], SCHOOLS, WORK_SECTIONS)).toBe('全部科室（3 个）')
    expect(targetsText(t, [2, 3, 4, 21, 22, 23], SCHOOLS, WORK_SECTIONS)).toBe('全部学校和科室（6 个单位）')
    expect(targetsText(t, [3, 21, 22, 23], SCHOOLS, WORK_SECTIONS)).toBe('全部学校及另外 1 个单位')
    expect(targetsText(t, [3, 21], SCHOOLS, WORK_SECTIONS)).toBe('2 个单位')
    // Before the units are read, a count.
    expect(targetsText(t, [21, 22], [], [])).toBe('2 个单位')
    expect(targetNames(SCHOOLS)).toBe('示范区双桥小学、示范区实验中学、示范区城南幼儿园')
  })

  it('says how near a day is', () => {
    expect(daysBetween('2026-09-28', '2026-10-01')).toBe(3)
    expect(daysBetween('2026-09-28', '2026-09-25')).toBe(-3)
    expect(dueNote(t, TODAY, TODAY)).toBe('今天到期')
    expect(dueNote(t, '2026-09-30', TODAY)).toBe('还有 2 天')
    expect(dueNote(t, '2026-09-25', TODAY)).toBe('已逾期 3 天')
  })
})

describe('links', () => {
  it('reads the kind and the unit a link keeps', () => {
    expect(kindFromRoute({ kind: 'key' })).toBe('key')
    expect(kindFromRoute({ kind: ['routine', 'key'] })).toBe('routine')
    for (const bad of ['', 'once', 'KEY']) expect(kindFromRoute({ kind: bad }), bad).toBeUndefined()
    expect(unitFromRoute({ unit_id: '21' })).toBe(21)
    for (const bad of ['0', '-1', 'x', '1.5']) expect(unitFromRoute({ unit_id: bad }), bad).toBeUndefined()
    expect(unitFromRoute({})).toBeUndefined()
  })

  it('keeps the items deployed to a unit', () => {
    expect(itemsFor(workRows(), 21).map((i) => i.id)).toEqual([1, 2])
    expect(itemsFor(workRows(), 4).map((i) => i.id)).toEqual([3])
    expect(itemsFor(workRows(), 99)).toEqual([])
    expect(itemsFor(workRows(), undefined)).toHaveLength(3)
  })
})

describe('the item’s form', () => {
  const filled = (over: Partial<WorkForm> = {}): WorkForm => ({
    ...emptyWorkForm(),
    kind: 'common',
    title: ' 开学安全检查 ',
    detail: ' 报送检查记录 ',
    measures: [11, 6, 11],
    lead_section_id: 2,
    targets: [23, 21, 22, 21],
    repeat: 'monthly',
    day: 25,
    from: '2026-07-01',
    until: '2026-12-31',
    ...over,
  })

  it('starts a new item monthly with nothing chosen, and fills an item as read', () => {
    expect(emptyWorkForm()).toMatchObject({ kind: '', repeat: 'monthly', day: null, targets: [], lead_section_id: null })
    expect(workToForm(workRow())).toEqual({
      kind: 'common',
      title: '开学安全检查',
      detail: '每月检查校舍、消防和食堂，报送检查记录',
      measures: [6, 11],
      lead_section_id: 2,
      targets: [21, 22, 23],
      repeat: 'monthly',
      due: '',
      day: 25,
      from: '2026-07-01',
      until: '2026-12-31',
    })
    expect(workToForm(workRows()[1])).toMatchObject({ repeat: 'once', due: '2026-10-10', day: null, from: '', until: '' })
  })

  it('sends the body trimmed, the measures and targets once each in order, only the schedule’s own fields', () => {
    expect(workBody(filled())).toEqual({
      kind: 'common',
      title: '开学安全检查',
      detail: '报送检查记录',
      measures: [6, 11],
      lead_section_id: 2,
      targets: [21, 22, 23],
      schedule: { repeat: 'monthly', due: null, day: 25, from: '2026-07-01', until: '2026-12-31' },
    })
    // 一次性: the day only, whatever the form kept of a recurrence.
    expect(workBody(filled({ repeat: 'once', due: '2026-09-10' })).schedule).toEqual({ repeat: 'once', due: '2026-09-10', day: 0, from: null, until: null })
    expect(workBody(filled({ repeat: 'weekly', day: 5, due: '2026-09-10' })).schedule).toEqual({ repeat: 'weekly', due: null, day: 5, from: '2026-07-01', until: '2026-12-31' })
    expect(workUpdateBody(filled(), 3)).toMatchObject({ version: 3, kind: 'common' })
  })

  it('checks each field as the server does', () => {
    expect(checkWorkForm(t, filled())).toEqual({})
    expect(checkWorkForm(t, emptyWorkForm())).toEqual({
      kind: '请选择类别',
      title: '请填写工作名称',
      measures: '请选择至少一项对应措施',
      lead_section_id: '请选择牵头科室',
      targets: '请选择下达的学校或科室',
      'schedule.day': '请选择到期日（1–31 日）',
      'schedule.from': '请选择开始日期',
      'schedule.until': '请选择结束日期',
    })
    expect(checkWorkForm(t, filled({ title: '长'.repeat(101), detail: '长'.repeat(1001) }))).toEqual({ title: '不超过 100 字', detail: '不超过 1000 字' })
    expect(checkWorkForm(t, filled({ repeat: 'once', due: '' }))).toEqual({ 'schedule.due': '请选择截止日期' })
    expect(checkWorkForm(t, filled({ repeat: 'once', due: '2026-09-10', day: null, from: '', until: '' }))).toEqual({})
    expect(checkWorkForm(t, filled({ repeat: 'weekly', day: 25 }))).toEqual({ 'schedule.day': '请选择每周的到期日' })
    expect(checkWorkForm(t, filled({ repeat: 'quarterly', day: 31 }))).toEqual({})
    expect(checkWorkForm(t, filled({ until: '2026-06-30' }))).toEqual({ 'schedule.until': '结束日期不能早于开始日期' })
    expect(checkWorkForm(t, filled({ until: '2027-07-03' }))).toEqual({ 'schedule.until': '起止不能超过 366 天' })
    expect(checkWorkForm(t, filled({ until: '2027-07-02' }))).toEqual({})
    expect(checkWorkForm(t, filled({ repeat: '' }))).toEqual({ 'schedule.repeat': '请选择频次' })
  })

  it('places the server’s reasons: a measure’s and a target’s at their lists, the schedule’s at the recurrence, others above', () => {
    expect(
      placeWorkErrors({
        title: '工作名称不能为空',
        'measures[1]': '措施编号应为 1–21',
        'targets[0]': '单位不存在',
        'targets[2]': '单位重复',
        schedule: '起止日期之间没有到期日',
        'schedule.until': '结束日期不能早于开始日期',
        bureau: '教育局不存在',
      }),
    ).toEqual({
      placed: {
        title: '工作名称不能为空',
        measures: '措施编号应为 1–21',
        targets: '单位不存在；单位重复',
        'schedule.repeat': '起止日期之间没有到期日',
        'schedule.until': '结束日期不能早于开始日期',
      },
      others: [{ field: 'bureau', reason: '教育局不存在' }],
    })
  })

  it('adds every school or every section to the targets, once each', () => {
    expect(withAll([3, 21], SCHOOLS)).toEqual([3, 21, 22, 23])
    expect(withAll([], WORK_SECTIONS)).toEqual([2, 3, 4])
  })
})

describe('a unit’s days', () => {
  it('lists the days come and those reported, the latest first', () => {
    expect(listedDays(myItem(), TODAY).map((d) => d.due)).toEqual(['2026-09-25', '2026-08-25', '2026-07-24'])
    // A day to come reported early is listed too.
    const early = myItem()
    early.days[3].report = { item_id: 1, unit_id: 21, due: '2026-10-23', done_on: TODAY, note: '', reported_by: '赵敏', reported_at: '' }
    expect(listedDays(early, TODAY).map((d) => d.due)).toEqual(['2026-10-23', '2026-09-25', '2026-08-25', '2026-07-24'])
    expect(listedDays(myOnceItem(), TODAY)).toEqual([])
  })

  it('offers the days not reported that have come and the next to come; the first not done by default', () => {
    expect(reportableDays(myItem(), TODAY)).toEqual(['2026-09-25', '2026-10-23'])
    expect(reportableDays(myOnceItem(), TODAY)).toEqual(['2026-09-30'])
    expect(defaultReportDay(myItem(), TODAY)).toBe('2026-09-25')
    const done = myOnceItem({ progress: { ...myOnceItem().progress, next: null, next_state: null } })
    done.days[0].report = { item_id: 2, unit_id: 21, due: '2026-09-30', done_on: TODAY, note: '', reported_by: '赵敏', reported_at: '' }
    expect(reportableDays(done, TODAY)).toEqual([])
    expect(defaultReportDay(done, TODAY)).toBe('')
  })

  it('counts the items with a day overdue and checks a note’s length', () => {
    expect(overdueItems([myItem(), myOnceItem()])).toBe(1)
    expect(noteTooLong('好'.repeat(500))).toBe(false)
    expect(noteTooLong('好'.repeat(501))).toBe(true)
  })
})
