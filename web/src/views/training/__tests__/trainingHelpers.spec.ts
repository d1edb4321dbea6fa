import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  activeStaff,
  boardRows,
  checkSessionForm,
  checkStaffForm,
  emptySessionForm,
  emptyStaffForm,
  formField,
  kindFromRoute,
  kindText,
  outcomeTagType,
  outcomeText,
  overdueFromRoute,
  pageOf,
  placeErrors,
  SESSION_FIELDS,
  sessionBody,
  signInToReport,
  STAFF_FIELDS,
  staffCounts,
  staffCreateBody,
  staffStateTagType,
  staffStateText,
  staffToForm,
  staffUpdateBody,
} from '../trainingHelpers'
import { board, person, staffList } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('安全培训 helpers', () => {
  it('tags a person’s state: 逾期 red, 即将到期 orange, 正常 green, 已停用 grey', () => {
    expect(['overdue', 'due_soon', 'ok', 'inactive', 'other'].map(staffStateTagType)).toEqual(['danger', 'warning', 'success', 'info', 'info'])
    i18n.global.locale.value = 'zh-CN'
    expect(staffStateText(t, 'overdue')).toBe('逾期')
    expect(staffStateText(t, 'due_soon')).toBe('即将到期')
    expect(staffStateText(t, 'ok', '已培训')).toBe('已培训')
    expect(staffStateText(t, 'odd')).toBe('odd')
  })

  it('tags a rule’s outcome (待完成 as a reminder), the server’s label first', () => {
    expect(['pass', 'due', 'warn', 'fail', 'na', 'odd'].map(outcomeTagType)).toEqual(['success', 'warning', 'warning', 'danger', 'info', 'info'])
    i18n.global.locale.value = 'zh-CN'
    expect(outcomeText(t, 'na', '不适用')).toBe('不适用')
    expect(outcomeText(t, 'fail')).toBe('未达标')
    expect(outcomeText(t, 'due')).toBe('待完成')
    expect(outcomeText(t, 'odd')).toBe('odd')
  })

  it('counts a due list by state, and keeps those in post for a session', () => {
    const items = staffList().items
    expect(staffCounts(items)).toEqual({ overdue: 1, due_soon: 1, ok: 1, inactive: 1 })
    expect(activeStaff(items).map((s) => s.name)).toEqual(['张强', '李娜', '王磊'])
  })

  it('makes a person’s form and its bodies: texts trimmed, the version on an update', () => {
    const f = staffToForm(person({ note: '兼任' }))
    expect(f).toEqual({ name: '张强', post: 'fire', phone: '13905711001', since: '2020-09-01', active: true, note: '兼任' })
    f.name = ' 张强 '
    f.since = null
    f.active = false
    expect(staffUpdateBody(f, 2)).toEqual({ name: '张强', post: 'fire', phone: '13905711001', since: '', active: false, note: '兼任', version: 2 })
    expect(staffCreateBody({ ...emptyStaffForm(), name: '刘洋 ', post: 'lab' }, 21)).toEqual({
      unit_id: 21,
      name: '刘洋',
      post: 'lab',
      phone: '',
      since: '',
      note: '',
    })
  })

  it('checks a person’s name, post and the day taken (not after today) before the server does', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(checkStaffForm(t, emptyStaffForm(), '2026-12-07')).toEqual({ name: '请填写姓名', post: '请选择岗位', since: '请选择任岗日期' })
    const ok = { ...emptyStaffForm(), name: '刘洋', post: 'lab', since: '2026-09-01' }
    expect(checkStaffForm(t, ok, '2026-12-07')).toEqual({})
    expect(checkStaffForm(t, { ...ok, since: '2026-12-08' }, '2026-12-07')).toEqual({ since: '任岗日期不能晚于今天' })
  })

  it('makes a session’s body: attendees once each, whole others, hours as given', () => {
    const f = { ...emptySessionForm('2026-12-07'), title: ' 冬季轮训 ', staff_ids: [1, 3, 1], other_count: 12.7, hours: 1.5 }
    expect(sessionBody(f, 21)).toEqual({
      unit_id: 21,
      title: '冬季轮训',
      kind: 'rotation',
      held_on: '2026-12-07',
      hours: 1.5,
      trainer: '',
      place: '',
      staff_ids: [1, 3],
      other_count: 12,
      note: '',
    })
    expect(sessionBody({ ...f, hours: null, other_count: null }, 21)).toMatchObject({ hours: 0, other_count: 0 })
  })

  it('checks a session’s title, kind, date (not after today), hours and that someone attended', () => {
    i18n.global.locale.value = 'zh-CN'
    const empty = { ...emptySessionForm(''), kind: '', hours: 0 }
    expect(checkSessionForm(t, empty, '2026-12-07')).toEqual({
      title: '请填写培训主题',
      kind: '请选择类别',
      held_on: '请选择培训日期',
      hours: '学时须大于 0',
      staff_ids: '请选择参训人员或填写其他参训人数',
    })
    const ok = { ...emptySessionForm('2026-12-07'), title: '冬季轮训', staff_ids: [1] }
    expect(checkSessionForm(t, ok, '2026-12-07')).toEqual({})
    expect(checkSessionForm(t, { ...ok, staff_ids: [], other_count: 20 }, '2026-12-07')).toEqual({})
    expect(checkSessionForm(t, { ...ok, held_on: '2026-12-08' }, '2026-12-07')).toEqual({ held_on: '培训日期不能晚于今天' })
  })

  it('places the server’s reasons at the form’s fields, a list’s items at the list, the rest apart', () => {
    expect(formField('staff_ids[2]')).toBe('staff_ids')
    expect(formField('name')).toBe('name')
    const { placed, others } = placeErrors({ 'staff_ids[0]': '不是本校在岗人员', 'staff_ids[2]': '重复', unit_id: '不在管辖范围内' }, SESSION_FIELDS)
    expect(placed).toEqual({ staff_ids: '不是本校在岗人员；重复' })
    expect(others).toEqual([{ field: 'unit_id', reason: '不在管辖范围内' }])
    expect(placeErrors({ phone: '联系电话格式不正确' }, STAFF_FIELDS).placed).toEqual({ phone: '联系电话格式不正确' })
  })

  it('reads a sign-in sheet’s answer as an import report', () => {
    expect(signInToReport({ rows: 5, matched: 2, others: 3, applied: true, errors: [] })).toEqual({
      rows: 5,
      created: 2,
      updated: 3,
      failed: 0,
      applied: true,
      errors: [],
    })
    expect(signInToReport({ rows: 2, matched: 0, others: 0, applied: false, errors: [{ row: 3, field: '姓名', reason: '不能为空' }] })).toEqual({
      rows: 2,
      created: 0,
      updated: 0,
      failed: 1,
      applied: false,
      errors: [{ row: 3, column: '姓名', reason: '不能为空' }],
    })
  })

  it('pages the sessions (the last page when asked past it)', () => {
    const items = Array.from({ length: 23 }, (_, i) => i)
    expect(pageOf(items, 1, 10)).toEqual({ items: items.slice(0, 10), total: 23 })
    expect(pageOf(items, 3, 10)).toEqual({ items: [20, 21, 22], total: 23 })
    expect(pageOf(items, 9, 10).items).toEqual([20, 21, 22])
    expect(pageOf([], 1, 10)).toEqual({ items: [], total: 0 })
  })

  it('reads the filters of a link', () => {
    expect(kindFromRoute({ kind: 'holiday' })).toBe('holiday')
    expect(kindFromRoute({ kind: 'drill' })).toBe('')
    expect(kindFromRoute({})).toBe('')
    expect(overdueFromRoute({ overdue: '1' })).toBe(true)
    expect(overdueFromRoute({ overdue: 'true' })).toBe(true)
    expect(overdueFromRoute({})).toBe(false)
    i18n.global.locale.value = 'zh-CN'
    expect(kindText(t, 'topic')).toBe('专题安全培训')
    expect(kindText(t, 'rotation', '轮训')).toBe('轮训')
  })

  it('keeps the board’s schools with someone overdue when asked', () => {
    const rows = board().rows
    expect(boardRows(rows, false).map((r) => r.unit_id)).toEqual([21, 22, 42])
    expect(boardRows(rows, true).map((r) => r.unit_id)).toEqual([21])
  })
})
