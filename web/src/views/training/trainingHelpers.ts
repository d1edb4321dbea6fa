// 安全培训's pure parts: the tags of a person's state and of a rule's outcome, the counts of a due
// list, the person's form (from a person as read, the POST and PUT bodies, the console's own checks)
// and the session's (the POST body, its checks), the server's reasons no field of a form shows, the
// sign-in sheet's answer in the shared import dialog's shape, a page of the sessions (the API gives
// them all), the filters from a link, and the board's schools with overdue staff. Unit-tested in
// __tests__/trainingHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import type { ImportReport } from '@/api/imports'
import {
  SESSION_KINDS,
  STAFF_STATES,
  type SessionInput,
  type SessionKind,
  type SignInReport,
  type StaffCreateInput,
  type StaffState,
  type StaffUpdateInput,
  type TrainingBoardRow,
  type TrainingStaff,
} from '@/api/training'
import type { Page } from '@/api/http'

type Translate = (key: string, named?: Record<string, unknown>) => string
type TagType = 'success' | 'warning' | 'danger' | 'info'

// ---- What the pages show ----

/** 逾期 red, 即将到期 orange, 正常 green, 已停用 grey. */
export function staffStateTagType(state: string): TagType {
  if (state === 'overdue') return 'danger'
  if (state === 'due_soon') return 'warning'
  if (state === 'ok') return 'success'
  return 'info'
}

export const isStaffState = (v: string): v is StaffState => (STAFF_STATES as readonly string[]).includes(v)

/** A state's label: the server's, else the console's own. */
export const staffStateText = (t: Translate, state: string, label?: string): string =>
  label || (isStaffState(state) ? t(`training.state.${state}`) : state)

/** 达标 green, 待完成 and 提醒 orange, 未达标 red, 不适用 grey (training.holiday is 待完成 until its window closes). */
export function outcomeTagType(outcome: string): TagType {
  if (outcome === 'pass') return 'success'
  if (outcome === 'due' || outcome === 'warn') return 'warning'
  if (outcome === 'fail') return 'danger'
  return 'info'
}

const OUTCOMES = ['pass', 'due', 'warn', 'fail', 'na']

/** An outcome's label: the server's, else the console's own. */
export const outcomeText = (t: Translate, outcome: string, label?: string): string =>
  label || (OUTCOMES.includes(outcome) ? t(`training.outcome.${outcome}`) : outcome)

/** How many people of a due list are in each state. */
export function staffCounts(items: readonly Pick<TrainingStaff, 'state'>[]): Record<StaffState, number> {
  const out: Record<StaffState, number> = { overdue: 0, due_soon: 0, ok: 0, inactive: 0 }
  for (const s of items) if (isStaffState(s.state)) out[s.state]++
  return out
}

/** The people a session can be attended by: those in post. */
export const activeStaff = <T extends Pick<TrainingStaff, 'active'>>(items: readonly T[]): T[] => items.filter((s) => s.active)

// ---- A person's form ----

export interface StaffForm {
  name: string
  post: string
  phone: string
  /** YYYY-MM-DD, "" for none (a cleared picker gives null). */
  since: string | null
  active: boolean
  note: string
}

/** The fields the person's form shows (the server's reasons by them). */
export const STAFF_FIELDS: readonly string[] = ['name', 'post', 'phone', 'since', 'active', 'note']

export const emptyStaffForm = (): StaffForm => ({ name: '', post: '', phone: '', since: '', active: true, note: '' })

export function staffToForm(s: TrainingStaff): StaffForm {
  return { name: s.name, post: s.post, phone: s.phone ?? '', since: s.since ?? '', active: s.active, note: s.note ?? '' }
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export function staffCreateBody(f: StaffForm, unitId: number): StaffCreateInput {
  return { unit_id: unitId, name: text(f.name), post: text(f.post), phone: text(f.phone), since: text(f.since), note: text(f.note) }
}

export function staffUpdateBody(f: StaffForm, version: number): StaffUpdateInput {
  return { name: text(f.name), post: text(f.post), phone: text(f.phone), since: text(f.since), active: !!f.active, note: text(f.note), version }
}

/** The console's own checks of a person: the reasons by field (none: the server judges the rest). */
export function checkStaffForm(t: Translate, f: StaffForm, today = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!text(f.name)) out.name = t('training.staff.required.name')
  if (!text(f.post)) out.post = t('training.staff.required.post')
  if (!text(f.since)) out.since = t('training.staff.required.since')
  else if (today && text(f.since) > today) out.since = t('training.staff.required.sinceFuture')
  return out
}

// ---- A session's form ----

export interface SessionForm {
  title: string
  kind: string
  held_on: string | null
  hours: number | null
  trainer: string
  place: string
  staff_ids: number[]
  other_count: number | null
  note: string
}

export const SESSION_FIELDS: readonly string[] = ['title', 'kind', 'held_on', 'hours', 'trainer', 'place', 'staff_ids', 'other_count', 'note']

export const emptySessionForm = (today: string, kind: string = 'rotation'): SessionForm => ({
  title: '',
  kind,
  held_on: today,
  hours: 2,
  trainer: '',
  place: '',
  staff_ids: [],
  other_count: 0,
  note: '',
})

export function sessionBody(f: SessionForm, unitId: number): SessionInput {
  return {
    unit_id: unitId,
    title: text(f.title),
    kind: text(f.kind),
    held_on: text(f.held_on),
    hours: typeof f.hours === 'number' && Number.isFinite(f.hours) ? f.hours : 0,
    trainer: text(f.trainer),
    place: text(f.place),
    staff_ids: [...new Set(f.staff_ids)],
    other_count: typeof f.other_count === 'number' && f.other_count > 0 ? Math.floor(f.other_count) : 0,
    note: text(f.note),
  }
}

/** The console's own checks of a session: the reasons by field. */
export function checkSessionForm(t: Translate, f: SessionForm, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!text(f.title)) out.title = t('training.session.required.title')
  if (!text(f.kind)) out.kind = t('training.session.required.kind')
  const day = text(f.held_on)
  if (!day) out.held_on = t('training.session.required.held_on')
  else if (day > today) out.held_on = t('training.session.required.heldOnFuture')
  if (!(typeof f.hours === 'number' && f.hours > 0)) out.hours = t('training.session.required.hours')
  if (f.staff_ids.length === 0 && !(typeof f.other_count === 'number' && f.other_count >= 1)) out.staff_ids = t('training.session.required.attendance')
  return out
}

// ---- The server's reasons ----

/** A reason's field as a form shows it: a list's item (staff_ids[2]) at its list. */
export const formField = (field: string): string => field.replace(/\[\d+\].*$/, '')

/** The server's reasons placed at a form's fields (a list's items at the list, several joined). */
export function placeErrors(errors: Record<string, string>, fields: readonly string[]): {
  placed: Record<string, string>
  others: { field: string; reason: string }[]
} {
  const placed: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  for (const [field, reason] of Object.entries(errors)) {
    const at = formField(field)
    if (!fields.includes(at)) {
      others.push({ field, reason })
      continue
    }
    const had = placed[at]
    if (!had) placed[at] = reason
    else if (!had.split('；').includes(reason)) placed[at] = `${had}；${reason}`
  }
  return { placed, others }
}

// ---- The sign-in sheet ----

/**
 * The sign-in sheet's answer as the shared import dialog reads it: the names matched as `created`,
 * the others as `updated` (the page words them), each refused row with its column.
 */
export function signInToReport(r: SignInReport): ImportReport {
  const errors = (r.errors ?? []).map((e) => ({ row: e.row, column: e.field, reason: e.reason }))
  return { rows: r.rows, created: r.matched, updated: r.others, failed: errors.length, applied: r.applied, errors }
}

// ---- The sessions ----

/** One page of the sessions (the API answers all of a school's at once). */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Math.max(1, pageSize)
  const last = Math.max(1, Math.ceil(items.length / size))
  const p = Math.min(Math.max(1, page), last)
  return { items: items.slice((p - 1) * size, p * size), total: items.length }
}

export const isSessionKind = (v: string): v is SessionKind => (SESSION_KINDS as readonly string[]).includes(v)

/** The sessions' kind from a link (?kind=holiday), "" for every kind. */
export function kindFromRoute(query: LocationQuery): SessionKind | '' {
  const raw = Array.isArray(query.kind) ? query.kind[0] : query.kind
  return typeof raw === 'string' && isSessionKind(raw) ? raw : ''
}

/** A session's kind: the server's label, else the console's own. */
export const kindText = (t: Translate, kind: string, label?: string): string => label || (isSessionKind(kind) ? t(`training.kind.${kind}`) : kind)

// ---- The board ----

/** The board's filter from a link (?overdue=1). */
export function overdueFromRoute(query: LocationQuery): boolean {
  const raw = Array.isArray(query.overdue) ? query.overdue[0] : query.overdue
  return raw === '1' || raw === 'true'
}

/** The board's schools: all, or those with someone overdue. */
export const boardRows = (rows: readonly TrainingBoardRow[], overdueOnly: boolean): TrainingBoardRow[] =>
  overdueOnly ? rows.filter((r) => r.overdue > 0) : [...rows]
