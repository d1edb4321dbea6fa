// Pure helpers of the drill plans (演练计划; unit-tested in __tests__/drillPlanHelpers.spec.ts): the
// status as a tag, the list's search form as a query (also from a link: /drills/plans?status=overdue),
// the plan form ↔ a plan ↔ the request body, and the drill record form filled in from a plan.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import { ApiError } from '@/api/http'
import { DRILL_PLAN_STATUSES, type DrillPlan, type DrillPlanInput, type DrillPlanQuery, type DrillPlanStatus } from '@/api/drillPlans'
import type { TagType } from '@/utils/tags'
import { apiTime, emptyDrillForm, type DrillForm, type Translate } from './drillHelpers'

const DATE = /^\d{4}-\d{2}-\d{2}$/

// ---- Status ----

const statusColours: Record<DrillPlanStatus, TagType> = {
  planned: 'info',
  due: 'warning',
  overdue: 'danger',
  done: 'success',
}

export function isPlanStatus(s: string): s is DrillPlanStatus {
  return (DRILL_PLAN_STATUSES as readonly string[]).includes(s)
}

/** The tag colour of a status (计划中 grey, 本周待办 orange, 已逾期 red, 已完成 green). */
export function planStatusTag(status: string): TagType {
  return isPlanStatus(status) ? statusColours[status] : 'info'
}

/** 计划中, 本周待办, 已逾期, 已完成; an unknown code as it comes. */
export function planStatusLabel(t: Translate, status: string): string {
  return isPlanStatus(status) ? t(`drill.plan.status.${status}`) : status
}

/** The status filter's options, in the plan's life order. */
export function planStatusOptions(t: Translate): { value: DrillPlanStatus; label: string }[] {
  return DRILL_PLAN_STATUSES.map((s) => ({ value: s, label: planStatusLabel(t, s) }))
}

/** Whether a plan may still be recorded (not once a drill carried it out). */
export function isOpen(p: Pick<DrillPlan, 'status' | 'drill_id'>): boolean {
  return p.status !== 'done' && !p.drill_id
}

/**
 * Whether an error says the plan was carried out meanwhile: 409 naming the rule drill_plan.done
 * (the server's code is failed_precondition, the rule in its details).
 */
export function isPlanDoneError(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && (e.code === 'drill_plan.done' || e.details.some((d) => d.field === 'drill_plan.done'))
}

/** Whether the user may change or remove the plan: drill:record, open, and the server agrees. */
export function canChange(p: Pick<DrillPlan, 'status' | 'drill_id' | 'can_edit'>, canRecord: boolean): boolean {
  return canRecord && isOpen(p) && p.can_edit !== false
}

/**
 * How a plan is named in lists, confirmations and links: 2026-12-18 冬季消防疏散演练, or by its
 * kind without a title (2026-12-18 消防疏散演练, drill.name).
 */
export function planName(t: Translate, p: Pick<DrillPlan, 'date' | 'title'>, kindLabel: string): string {
  return p.title ? `${p.date} ${p.title}` : t('drill.name', { date: p.date, kind: kindLabel })
}

// ---- The list's search form ----

export interface PlanSearch {
  school_id?: number
  kind: string
  status: DrillPlanStatus[]
  /** Planned dates, inclusive (YYYY-MM-DD). */
  range: [string, string] | null
  q: string
}

export function emptyPlanSearch(): PlanSearch {
  return { school_id: undefined, kind: '', status: [], range: null, q: '' }
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/** The statuses of a comma list, known ones only, each once, in the plan's life order. */
export function parseStatuses(s: string): DrillPlanStatus[] {
  const wanted = new Set(s.split(',').map((x) => x.trim()))
  return DRILL_PLAN_STATUSES.filter((x) => wanted.has(x))
}

/** The search form from a link: /drills/plans?status=overdue, ?school_id=21&from=…&to=…. */
export function planSearchFromRoute(query: LocationQuery): PlanSearch {
  const s = emptyPlanSearch()
  const school = Number(one(query.school_id))
  if (Number.isInteger(school) && school > 0) s.school_id = school
  s.kind = one(query.kind)
  s.status = parseStatuses(one(query.status))
  const from = one(query.from)
  const to = one(query.to)
  if (DATE.test(from) && DATE.test(to)) s.range = [from, to]
  s.q = one(query.q)
  return s
}

/** The API filter of a search form (only what is set). */
export function planFilter(s: PlanSearch): DrillPlanQuery {
  const out: DrillPlanQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.kind) out.kind = s.kind
  const status = parseStatuses(s.status.join(','))
  if (status.length > 0) out.status = status.join(',')
  if (s.range) {
    out.from = s.range[0]
    out.to = s.range[1]
  }
  const q = s.q.trim()
  if (q) out.q = q
  return out
}

/**
 * The columns the list sorts by: column prop → the API's `sort` name. The API sorts by date both
 * ways and by school ascending only (the school column offers no descending order).
 */
export const PLAN_SORT_FIELDS: Readonly<Record<string, string>> = {
  date: 'date',
  school_name: 'school',
}

// ---- The plan form ----

export interface PlanForm {
  school_id: number | undefined
  kind: string
  title: string
  /** YYYY-MM-DD (null while cleared). */
  date: string | null
  /** HH:MM. */
  start_time: string | null
  night: boolean
  whole_school: boolean
  scope_note: string
  commander: string
  note: string
}

/** A new plan: a fire drill of the whole school, by day, planned for today. */
export function emptyPlanForm(today: string, schoolId?: number): PlanForm {
  return {
    school_id: schoolId,
    kind: 'fire',
    title: '',
    date: today,
    start_time: null,
    night: false,
    whole_school: true,
    scope_note: '',
    commander: '',
    note: '',
  }
}

export function planToForm(p: DrillPlan): PlanForm {
  return {
    school_id: p.school_id,
    kind: p.kind,
    title: p.title,
    date: p.date,
    start_time: p.start_time || null,
    night: p.night,
    whole_school: p.whole_school,
    scope_note: p.scope_note,
    commander: p.commander,
    note: p.note,
  }
}

/**
 * The request body. POST carries the school, PUT does not. The start time goes only when set
 * (HH:MM), the scope note only when not the whole school, the note only when written.
 */
export function planInput(f: PlanForm, creating: boolean): DrillPlanInput {
  const input: DrillPlanInput = {
    kind: f.kind,
    date: f.date ?? '',
    night: f.night,
    whole_school: f.whole_school,
    commander: f.commander.trim(),
  }
  if (creating) input.school_id = f.school_id ?? 0
  const title = f.title.trim()
  if (title) input.title = title
  if (f.start_time) input.start_time = apiTime(f.start_time, false)
  if (!f.whole_school) input.scope_note = f.scope_note.trim()
  const note = f.note.trim()
  if (note) input.note = note
  return input
}

/** The fields the plan form shows an error beside (the API's names). */
export const PLAN_FORM_FIELDS: readonly string[] = [
  'school_id',
  'kind',
  'title',
  'date',
  'start_time',
  'night',
  'whole_school',
  'scope_note',
  'commander',
  'note',
]

/** The server's errors that no field of the plan form shows (listed above the form instead). */
export function unplacedPlanErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !PLAN_FORM_FIELDS.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- Recording a drill from a plan ----

/** The record form's link for a plan: /drills/new?plan_id=5. */
export function recordFromPlan(p: Pick<DrillPlan, 'id'>): RouteLocationRaw {
  return { name: 'drill-new', query: { plan_id: String(p.id) } }
}

/** The plan a record form was opened for (?plan_id=5), or null. */
export function planIdFrom(query: LocationQuery): number | null {
  const raw = one(query.plan_id)
  if (!/^\d{1,12}$/.test(raw)) return null
  const n = Number(raw)
  return n > 0 ? n : null
}

/**
 * The record form filled in from a plan: its school, kind, title, start time, day or night,
 * scope and commander. The date is the plan's, or today when the plan is for a later day (a drill
 * is recorded once held, never for a day to come). Whether it evacuates follows the kind; the
 * rest is what the drill itself brings (participants, times, problems).
 */
export function drillFormFromPlan(p: DrillPlan, today: string, evacuation: boolean): DrillForm {
  const f = emptyDrillForm(today, p.school_id)
  f.kind = p.kind
  f.title = p.title
  f.date = p.date <= today ? p.date : today
  f.start_time = p.start_time || null
  f.night = p.night
  f.whole_school = p.whole_school
  f.scope_note = p.whole_school ? '' : p.scope_note
  f.commander = p.commander
  f.evacuation = evacuation
  return f
}

/** The home card's plans: overdue first, then by date and start time. */
export function planTasks(plans: readonly DrillPlan[]): DrillPlan[] {
  const rank = (p: DrillPlan): number => (p.status === 'overdue' ? 0 : 1)
  return plans
    .filter((p) => p.status === 'due' || p.status === 'overdue')
    .sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date) || a.start_time.localeCompare(b.start_time) || a.id - b.id)
}

/** The plans list filtered to the one plan a drill carried out (its school, day and status done). */
export function planListRoute(p: Pick<DrillPlan, 'school_id' | 'date'>): RouteLocationRaw {
  return { name: 'drill-plans', query: { school_id: String(p.school_id), from: p.date, to: p.date, status: 'done' } }
}
