import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  drillFormFromPlan,
  emptyPlanForm,
  emptyPlanSearch,
  canChange,
  isOpen,
  isPlanDoneError,
  parseStatuses,
  planFilter,
  planIdFrom,
  planInput,
  planListRoute,
  planName,
  planSearchFromRoute,
  planStatusLabel,
  planStatusOptions,
  planStatusTag,
  planTasks,
  planToForm,
  recordFromPlan,
  unplacedPlanErrors,
} from '../drillPlanHelpers'
import { emptyDrillForm } from '../drillHelpers'
import { plan } from './fixtures'


const zh: Record<string, string> = {
  'drill.plan.status.planned': '计划中',
  'drill.plan.status.due': '本周待办',
  'drill.plan.status.overdue': '已逾期',
  'drill.plan.status.done': '已完成',
}
const t = (key: string) => zh[key] ?? key

describe('a plan’s status', () => {
  it('is a tag with a word and a colour of its own', () => {
    expect(['planned', 'due', 'overdue', 'done'].map((s) => planStatusLabel(t, s))).toEqual(['计划中', '本周待办', '已逾期', '已完成'])
    expect(['planned', 'due', 'overdue', 'done'].map(planStatusTag)).toEqual(['info', 'warning', 'danger', 'success'])
    // A status the console does not know yet shows as it comes.
    expect(planStatusLabel(t, 'cancelled')).toBe('cancelled')
    expect(planStatusTag('cancelled')).toBe('info')
    expect(planStatusOptions(t).map((o) => o.value)).toEqual(['planned', 'due', 'overdue', 'done'])
  })

  it('leaves a plan open until a drill carried it out', () => {
    expect(isOpen(plan())).toBe(true)
    expect(isOpen(plan({ status: 'overdue' }))).toBe(true)
    expect(isOpen(plan({ status: 'done', drill_id: 40 }))).toBe(false)
    expect(isOpen(plan({ status: 'due', drill_id: 40 }))).toBe(false)
  })

  it('may be changed by a recorder while open, unless the server says otherwise', () => {
    expect(canChange(plan(), true)).toBe(true)
    expect(canChange(plan(), false)).toBe(false)
    expect(canChange(plan({ can_edit: false }), true)).toBe(false)
    expect(canChange(plan({ status: 'done', drill_id: 40 }), true)).toBe(false)
  })

  it('tells a refusal because the plan was carried out meanwhile', () => {
    const done = (code: string, field: string) => new ApiError(409, { code, message: '已按计划记录', details: [{ field, reason: '已按计划记录' }] }, null)
    expect(isPlanDoneError(done('failed_precondition', 'drill_plan.done'))).toBe(true)
    expect(isPlanDoneError(done('drill_plan.done', ''))).toBe(true)
    expect(isPlanDoneError(done('failed_precondition', 'drill.has_hazards'))).toBe(false)
    expect(isPlanDoneError(new Error('x'))).toBe(false)
  })

  it('names a plan by its day and title', () => {
    const name = (key: string, named?: Record<string, unknown>) => (key === 'drill.name' ? `${named?.date} ${named?.kind}演练` : key)
    expect(planName(name, plan(), '消防疏散')).toBe('2026-12-18 冬季消防疏散演练')
    expect(planName(name, plan({ title: '' }), '消防疏散')).toBe('2026-12-18 消防疏散演练')
  })
})

describe('the list’s search', () => {
  it('reads filters from a link: statuses known, once, in order', () => {
    expect(planSearchFromRoute({ status: 'overdue' })).toEqual({ ...emptyPlanSearch(), status: ['overdue'] })
    expect(planSearchFromRoute({ status: 'overdue,due,bogus,due', school_id: '21', kind: 'fire', from: '2026-12-01', to: '2026-12-31', q: '冬季' })).toEqual({
      school_id: 21,
      kind: 'fire',
      status: ['due', 'overdue'],
      range: ['2026-12-01', '2026-12-31'],
      q: '冬季',
    })
    expect(planSearchFromRoute({ school_id: 'x', from: '2026-12-01' })).toEqual(emptyPlanSearch())
    expect(parseStatuses('')).toEqual([])
  })

  it('sends only what is set, the statuses as a comma list', () => {
    expect(planFilter(emptyPlanSearch())).toEqual({})
    expect(planFilter({ school_id: 21, kind: 'fire', status: ['overdue', 'due'], range: ['2026-12-01', '2026-12-07'], q: ' 冬季 ' })).toEqual({
      school_id: 21,
      kind: 'fire',
      status: 'due,overdue',
      from: '2026-12-01',
      to: '2026-12-07',
      q: '冬季',
    })
  })
})

describe('the plan form', () => {
  it('starts as a whole-school fire drill by day for today, at the own school', () => {
    expect(emptyPlanForm('2026-12-04', 21)).toMatchObject({ school_id: 21, kind: 'fire', date: '2026-12-04', night: false, whole_school: true })
  })

  it('sends the school only when creating, optional fields only when set', () => {
    const f = { ...emptyPlanForm('2026-12-04', 21), title: ' 冬季演练 ', commander: ' 黄丽华 ', start_time: '9:30' }
    expect(planInput(f, true)).toEqual({
      school_id: 21,
      kind: 'fire',
      title: '冬季演练',
      date: '2026-12-04',
      start_time: '09:30',
      night: false,
      whole_school: true,
      commander: '黄丽华',
    })
    const partial = { ...f, whole_school: false, scope_note: ' 初一年级 ', note: ' 提前通知家长 ', start_time: null }
    const body = planInput(partial, false)
    expect(body).not.toHaveProperty('school_id')
    expect(body).not.toHaveProperty('start_time')
    expect(body).toMatchObject({ whole_school: false, scope_note: '初一年级', note: '提前通知家长' })
  })

  it('reads a plan back as it was', () => {
    const p = plan({ start_time: '', whole_school: false, scope_note: '宿舍楼', note: '夜间' , night: true })
    const f = planToForm(p)
    expect(f).toMatchObject({ start_time: null, whole_school: false, scope_note: '宿舍楼', night: true, note: '夜间' })
    expect(planInput(f, false)).toMatchObject({ kind: 'fire', title: p.title, date: p.date, commander: p.commander, scope_note: '宿舍楼' })
  })

  it('lists the server’s errors without a field', () => {
    expect(unplacedPlanErrors({ date: '不能早于今天', drill_id: '未知字段' })).toEqual([{ field: 'drill_id', reason: '未知字段' }])
  })
})

describe('recording a drill from a plan', () => {
  it('links the record form with the plan and reads it back', () => {
    expect(recordFromPlan(plan())).toEqual({ name: 'drill-new', query: { plan_id: '5' } })
    expect(planIdFrom({ plan_id: '5' })).toBe(5)
    expect(planIdFrom({ plan_id: ['7', '8'] })).toBe(7)
    for (const bad of ['0', '-1', 'x', '1e3', '']) expect(planIdFrom({ plan_id: bad })).toBeNull()
    expect(planIdFrom({})).toBeNull()
  })

  it('fills the form in from the plan: kind, title, day, start, night, scope, commander', () => {
    const p = plan({ kind: 'earthquake', date: '2026-12-02', start_time: '14:30', night: true, whole_school: false, scope_note: '初一年级' })
    const f = drillFormFromPlan(p, '2026-12-04', true)
    expect(f).toEqual({
      ...emptyDrillForm('2026-12-04', 21),
      kind: 'earthquake',
      title: '冬季消防疏散演练',
      date: '2026-12-02',
      start_time: '14:30',
      night: true,
      whole_school: false,
      scope_note: '初一年级',
      commander: '黄丽华',
      evacuation: true,
    })
  })

  it('dates the drill today when the plan is for a later day, and follows the kind on evacuation', () => {
    const f = drillFormFromPlan(plan({ kind: 'attack', date: '2026-12-10', start_time: '', scope_note: '旧的说明' }), '2026-12-04', false)
    expect(f.date).toBe('2026-12-04')
    expect(f.start_time).toBeNull()
    expect(f.evacuation).toBe(false)
    // The whole school: no scope note carried over.
    expect(f.scope_note).toBe('')
  })

  it('lists the home card’s plans overdue first, then by day', () => {
    const tasks = planTasks([
      plan({ id: 1, date: '2026-12-08', status: 'due' }),
      plan({ id: 2, date: '2026-12-01', status: 'overdue' }),
      plan({ id: 3, date: '2026-12-05', status: 'due', start_time: '15:00' }),
      plan({ id: 4, date: '2026-12-05', status: 'due', start_time: '09:00' }),
      plan({ id: 5, date: '2026-12-20', status: 'planned' }),
    ])
    expect(tasks.map((p) => p.id)).toEqual([2, 4, 3, 1])
  })

  it('links a drill to its plan among the plans', () => {
    expect(planListRoute(plan())).toEqual({ name: 'drill-plans', query: { school_id: '21', from: '2026-12-18', to: '2026-12-18', status: 'done' } })
  })
})
