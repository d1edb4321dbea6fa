import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import type { StoredFile } from '@/api/files'
import {
  answerValueText,
  answersPayload,
  canRaiseAnswer,
  checkAnswers,
  emptyAnswers,
  errorSummary,
  fillChoiceFrom,
  fillRoute,
  frequencyLabel,
  hhmm,
  isHasRecordsError,
  itemErrors,
  itemsAtPlace,
  lateDate,
  placeAnswerErrors,
  placeUrl,
  planFrequencyText,
  planInput,
  planToForm,
  previewVerdict,
  qrPlaces,
  raiseDefaults,
  recordFilter,
  recordSearchFromRoute,
  scheduleFilter,
  scheduleSearchFromRoute,
  shiftLabel,
  shiftProblems,
  slotStateLabel,
  slotStateTag,
  slotWhen,
  sortSlots,
  unplacedPlanErrors,
  verdictLabel,
  verdictTag,
  emptyPlanForm,
} from '../patrolHelpers'
import { answer, item, items, plan, slot } from './fixtures'

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})

const photo = (id: number): StoredFile => ({ id, name: `p${id}.png`, content_type: 'image/png', size: 1, sha256: '', url: `/api/v1/files/${id}` })

describe('words and tags', () => {
  it('names frequencies, with a shift plan’s times', () => {
    expect(frequencyLabel(t, 'daily')).toBe('每日')
    expect(frequencyLabel(t, 'weekly')).toBe('每周')
    expect(frequencyLabel(t, 'monthly')).toBe('monthly')
    expect(planFrequencyText(t, { frequency: 'shift', shifts: ['12:00', '21:30:00'] })).toBe('每班次（12:00、21:30）')
    expect(planFrequencyText(t, { frequency: 'daily', shifts: [] })).toBe('每日')
  })

  it('formats shift times and labels', () => {
    expect(hhmm('9:05')).toBe('09:05')
    expect(hhmm('21:30:00')).toBe('21:30')
    expect(hhmm('24:00')).toBe('')
    expect(hhmm('')).toBe('')
    expect(shiftLabel(t, 2, '21:30:00')).toBe('第 2 班 21:30')
    expect(shiftLabel(t, 1)).toBe('第 1 班')
    expect(shiftLabel(t, 0, '12:00')).toBe('')
  })

  it('gives each slot state a word and a colour, 漏巡 in red', () => {
    expect(slotStateLabel(t, 'missed')).toBe('漏巡')
    expect(slotStateLabel(t, 'due')).toBe('待巡查')
    expect(slotStateLabel(t, 'done')).toBe('已巡查')
    expect(slotStateLabel(t, 'upcoming')).toBe('未到期')
    expect(slotStateTag('missed')).toBe('danger')
    expect(slotStateTag('due')).toBe('warning')
    expect(slotStateTag('done')).toBe('success')
    expect(slotStateTag('odd')).toBe('info')
    expect(verdictLabel(t, 'fail')).toBe('不合格')
    expect(verdictLabel(t, 'na')).toBe('不适用')
    expect(verdictTag('fail')).toBe('danger')
    expect(verdictTag('pass')).toBe('success')
  })

  it('says when a slot is: a day, a shift, a week', () => {
    expect(slotWhen(t, slot())).toBe('2026-12-08')
    expect(slotWhen(t, slot({ frequency: 'shift', shift: 2, shift_time: '21:30' }))).toBe('2026-12-08 第 2 班 21:30')
    expect(slotWhen(t, slot({ frequency: 'weekly', date: '2026-12-07', due_by: '2026-12-12' }))).toBe('2026-12-07 起一周（12-12 前）')
  })

  it('sorts the schedule newest day first, then school, place and shift', () => {
    const sorted = sortSlots([
      slot({ date: '2026-12-07' }),
      slot({ shift: 2 }),
      slot({ shift: 1 }),
      slot({ place_name: '学生宿舍', plan_id: 6 }),
    ])
    expect(sorted.map((s) => `${s.date}/${s.place_name}/${s.shift}`)).toEqual([
      '2026-12-08/学生食堂/1', // 食 (shí) before 宿 (sù)
      '2026-12-08/学生食堂/2',
      '2026-12-08/学生宿舍/0',
      '2026-12-07/学生食堂/0',
    ])
  })
})

describe('the schedule', () => {
  it('offers a late entry for a missed daily or shift slot of the last 7 days only', () => {
    const today = '2026-12-10'
    expect(lateDate(slot({ state: 'missed', date: '2026-12-08' }), today)).toBe('2026-12-08')
    expect(lateDate(slot({ state: 'missed', date: '2026-12-03' }), today)).toBe('2026-12-03')
    expect(lateDate(slot({ state: 'missed', date: '2026-12-02' }), today)).toBeNull()
    expect(lateDate(slot({ state: 'due', date: '2026-12-10' }), today)).toBeNull()
    expect(lateDate(slot({ state: 'missed', frequency: 'weekly', date: '2026-11-30' }), today)).toBeNull()
  })

  it('links a slot to its place’s patrol form with the plan, shift and late day', () => {
    expect(fillRoute(slot())).toEqual({ name: 'patrol-place', params: { id: '102' }, query: { plan_id: '5' } })
    expect(fillRoute(slot({ shift: 2 }), '2026-12-07')).toEqual({
      name: 'patrol-place',
      params: { id: '102' },
      query: { plan_id: '5', shift: '2', date: '2026-12-07' },
    })
    expect(fillChoiceFrom({ plan_id: '5', shift: '2', date: '2026-12-07' })).toEqual({ planId: 5, shift: 2, date: '2026-12-07' })
    expect(fillChoiceFrom({ plan_id: 'x', shift: '9', date: '12/07' })).toEqual({})
  })

  it('reads its filters from a link and sends only what is set', () => {
    const s = scheduleSearchFromRoute({ state: 'due' }, '2026-12-10')
    expect(s.state).toBe('due')
    expect(s.range).toEqual(['2026-12-04', '2026-12-10'])
    expect(scheduleFilter(s)).toEqual({ state: 'due', from: '2026-12-04', to: '2026-12-10' })
    const other = scheduleSearchFromRoute({ state: 'nope', school_id: '21', from: '2026-11-01', to: '2026-11-30' }, '2026-12-10')
    expect(scheduleFilter(other)).toEqual({ school_id: 21, from: '2026-11-01', to: '2026-11-30' })
    expect(scheduleFilter({ state: '', range: null })).toEqual({})
  })

  it('reads the records list’s filters from a link', () => {
    const s = recordSearchFromRoute({ plan_id: '5', failed: 'true' })
    expect(recordFilter(s)).toEqual({ plan_id: 5, failed: true })
    expect(recordFilter(recordSearchFromRoute({}))).toEqual({})
  })
})

describe('the plan form', () => {
  it('sends the shifts only for a shift plan, and the school only when creating', () => {
    const f = emptyPlanForm('2026-12-08', 21)
    Object.assign(f, { key_place_id: 102, template_id: 2, shifts: ['12:00'], patroller: ' 宿管员 ', note: '  ' })
    expect(planInput(f, true)).toEqual({
      school_id: 21,
      key_place_id: 102,
      template_id: 2,
      frequency: 'daily',
      shifts: [],
      school_days_only: true,
      patroller: '宿管员',
      starts_on: '2026-12-08',
      ends_on: null,
      note: '',
    })
    f.frequency = 'shift'
    f.shifts = ['9:00', '21:30']
    f.ends_on = '2027-01-20'
    const body = planInput(f, false)
    expect(body.school_id).toBeUndefined()
    expect(body.shifts).toEqual(['09:00', '21:30'])
    expect(body.ends_on).toBe('2027-01-20')
  })

  it('fills the form from a plan', () => {
    const f = planToForm({ ...plan, frequency: 'shift', shifts: ['12:00:00'], ends_on: '2027-01-01' })
    expect(f.frequency).toBe('shift')
    expect(f.shifts).toEqual(['12:00'])
    expect(f.ends_on).toBe('2027-01-01')
    expect(f.school_id).toBe(21)
  })

  it('checks the shift times: at least one, each a time, ascending, at most six', () => {
    expect(shiftProblems(t, [])).toEqual({ shifts: '请至少填写一个班次时间' })
    expect(shiftProblems(t, ['12:00', '21:30'])).toEqual({})
    expect(shiftProblems(t, ['12:00', '', '08:00'])).toEqual({ 'shifts[1]': '请填写时间' })
    expect(shiftProblems(t, ['21:30', '12:00'])).toEqual({ 'shifts[1]': '须晚于上一个班次' })
    expect(shiftProblems(t, ['12:00', '12:00'])).toEqual({ 'shifts[1]': '须晚于上一个班次' })
    expect(Object.keys(shiftProblems(t, ['01:00', '02:00', '03:00', '04:00', '05:00', '06:00', '07:00']))).toEqual(['shifts'])
  })

  it('lists the server’s reasons no field shows', () => {
    expect(unplacedPlanErrors({ key_place_id: 'x', 'shifts[1]': 'y', school: 'z' })).toEqual([{ field: 'school', reason: 'z' }])
  })

  it('recognises the 409 of a plan with patrols', () => {
    expect(isHasRecordsError({ status: 409, code: 'patrol_plan.has_records', details: [] })).toBe(true)
    expect(isHasRecordsError({ status: 409, code: 'failed_precondition', details: [{ field: 'patrol_plan.has_records', reason: '' }] })).toBe(true)
    expect(isHasRecordsError({ status: 409, code: 'conflict', details: [] })).toBe(false)
    expect(isHasRecordsError(null)).toBe(false)
  })

  it('takes the items of the place’s kind, or the whole school’s when there are none', () => {
    const all = [item({ key: 'A' }), item({ key: 'B', place_kind: null }), item({ key: 'C', place_kind: 'dormitory' })]
    expect(itemsAtPlace(all, 'canteen').map((i) => i.key)).toEqual(['A'])
    expect(itemsAtPlace(all, 'lab').map((i) => i.key)).toEqual(['B'])
  })
})

describe('the patrol form', () => {
  it('previews the verdict as it is typed', () => {
    const reading = items[1]
    expect(previewVerdict(reading, '1.2')).toBe('pass')
    expect(previewVerdict(reading, '0.9')).toBe('fail')
    expect(previewVerdict(reading, '１．０')).toBe('fail')
    expect(previewVerdict(reading, 'abc')).toBeNull()
    expect(previewVerdict(items[0], 'fail')).toBe('fail')
    expect(previewVerdict(items[0], '')).toBeNull()
    expect(previewVerdict(items[2], ' ok ')).toBe('pass')
    expect(previewVerdict(items[2], 'na')).toBe('na')
  })

  it('builds the answers in the items’ order with the photos’ ids', () => {
    const answers = emptyAnswers(items)
    answers[0].value = 'fail'
    answers[0].note = ' 软管老化 '
    answers[0].files = [photo(7), photo(8)]
    answers[1].value = ' 1.20 '
    answers[1].files = [photo(9)]
    answers[2].value = ' 正常 '
    expect(answersPayload(items, answers)).toEqual([
      { item_key: 'C01', value: 'fail', note: '软管老化', file_ids: [7, 8] },
      { item_key: 'C02', value: '1.2', note: '', file_ids: [9] },
      { item_key: 'C03', value: '正常', note: '', file_ids: [] },
    ])
  })

  it('checks before sending: every item answered, readings numbers, required photos there', () => {
    const answers = emptyAnswers(items)
    expect(checkAnswers(t, items, answers)).toEqual({
      'answers[0].value': '请选择检查结果',
      'answers[1].value': '请填写读数',
      'answers[2].value': '请填写检查情况',
    })
    answers[0].value = 'pass'
    answers[1].value = 'wide'
    answers[2].value = '正常'
    expect(checkAnswers(t, items, answers)).toEqual({ 'answers[1].value': '请填写数字' })
    answers[1].value = '1.3'
    expect(checkAnswers(t, items, answers)).toEqual({ 'answers[1].photo': '此检查项须拍照' })
    answers[1].value = 'na'
    expect(checkAnswers(t, items, answers)).toEqual({})
    answers[1].value = '1.3'
    answers[1].files = [photo(3)]
    expect(checkAnswers(t, items, answers)).toEqual({})
  })

  it('places the server’s reasons at their items, an item left out by the key its reason names', () => {
    const keys = items.map((i) => i.key)
    const errors = placeAnswerErrors(
      [
        { field: 'answers[1].photo', reason: '此检查项须拍照' },
        { field: 'answers[0].value', reason: '须为 合格(pass)、不合格(fail) 或 不适用(na)' },
        { field: 'answers', reason: '检查项 C03（值班情况）未填写' },
        { field: 'answers', reason: '检查项 X99（?）未填写' },
        { field: 'date', reason: '不能早于 7 天前' },
      ],
      keys,
    )
    expect(errors).toEqual({
      'answers[1].photo': '此检查项须拍照',
      'answers[0].value': '须为 合格(pass)、不合格(fail) 或 不适用(na)',
      'answers[2].item_key': '检查项 C03（值班情况）未填写',
      answers: '检查项 X99（?）未填写',
      date: '不能早于 7 天前',
    })
    expect(itemErrors(errors, 1)).toEqual({ photo: '此检查项须拍照' })
    expect(itemErrors(errors, 2)).toEqual({ other: '检查项 C03（值班情况）未填写' })
    expect(errorSummary(t, errors, items)).toEqual([
      '第 1 项 C01：须为 合格(pass)、不合格(fail) 或 不适用(na)',
      '第 2 项 C02：此检查项须拍照',
      '第 3 项 C03：检查项 C03（值班情况）未填写',
      '检查项 X99（?）未填写',
      '不能早于 7 天前',
    ])
  })
})

describe('a recorded patrol', () => {
  it('shows an answer’s value in words', () => {
    expect(answerValueText(t, answer())).toBe('不合格')
    expect(answerValueText(t, answer({ answer: 'number', value: '0.9', unit: '米', verdict: 'fail' }))).toBe('0.9 米')
    expect(answerValueText(t, answer({ answer: 'number', value: 'na', verdict: 'na' }))).toBe('不适用')
    expect(answerValueText(t, answer({ answer: 'text', value: '正常', verdict: 'pass' }))).toBe('正常')
  })

  it('offers 转为隐患 for a failed item not raised, when the user and the server allow it', () => {
    expect(canRaiseAnswer(answer(), true, true)).toBe(true)
    expect(canRaiseAnswer(answer(), undefined, true)).toBe(true)
    expect(canRaiseAnswer(answer(), false, true)).toBe(false)
    expect(canRaiseAnswer(answer(), true, false)).toBe(false)
    expect(canRaiseAnswer(answer({ hazard_id: 9 }), true, true)).toBe(false)
    expect(canRaiseAnswer(answer({ verdict: 'pass' }), true, true)).toBe(false)
  })

  it('preselects the item’s domain and suggested level', () => {
    expect(raiseDefaults(answer())).toEqual({ domain: 'gas', level: 'major' })
    expect(raiseDefaults(answer({ domain: 'fire', failure_level: 'general' }))).toEqual({ domain: 'fire', level: 'general' })
  })
})

describe('QR codes', () => {
  it('encode the absolute address of the place’s patrol page', () => {
    expect(placeUrl('https://xiaoan.example.cn', 102)).toBe('https://xiaoan.example.cn/patrol/place/102')
    expect(placeUrl('http://127.0.0.1:8080/', 7)).toBe('http://127.0.0.1:8080/patrol/place/7')
  })

  it('list each place of the plans once, by school and name', () => {
    const places = qrPlaces([
      plan,
      { ...plan, id: 6 },
      { ...plan, id: 7, key_place_id: 103, place_name: '食堂燃气间', place_kind: 'gas' },
      { ...plan, id: 8, key_place_id: 200, school_id: 22, school_name: '示范区明德小学', place_name: '配电房' },
    ])
    expect(places.map((p) => `${p.school_name}/${p.place_name}`)).toEqual(['示范区明德小学/配电房', '示范区双桥小学/食堂燃气间', '示范区双桥小学/学生食堂'])
  })
})
