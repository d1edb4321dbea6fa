// The whistle pages' pure parts: the list's search form and its API filters, times read in China,
// the raise form and its body, the server's field reasons, tag colours, the detail's action
// buttons from `can`, and the statistics' columns. Unit-tested in __tests__/whistleHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import { ApiError } from '@/api/http'
import type { StoredFile } from '@/api/files'
import type { Whistle, WhistleAssignment, WhistleInput, WhistleQuery, WhistleStatRow } from '@/api/whistles'
import type { TagType } from '@/utils/tags'

const CST = 8 * 3_600_000

export interface WhistleSearch {
  q: string
  state: string
  severity: string
  category: string
  /** 仅看超期. */
  overdue: boolean
  /** 待我处理. */
  todo: boolean
}

export const emptySearch = (): WhistleSearch => ({ q: '', state: '', severity: '', category: '', overdue: false, todo: false })

function first(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

const truthy = (v: string) => v === '1' || v === 'true'

/** The search form from a link (/whistles?todo=1, ?state=waiting&overdue=1). */
export function searchFromRoute(query: LocationQuery): WhistleSearch {
  return {
    ...emptySearch(),
    q: first(query.q),
    state: first(query.state),
    severity: first(query.severity),
    category: first(query.category),
    overdue: truthy(first(query.overdue)),
    todo: truthy(first(query.todo)),
  }
}

/** The API filters of an applied form: only what is set. */
export function whistleFilter(s: WhistleSearch): WhistleQuery {
  const q: WhistleQuery = {}
  if (s.q.trim()) q.q = s.q.trim()
  if (s.state) q.state = s.state
  if (s.severity) q.severity = s.severity
  if (s.category) q.category = s.category
  if (s.overdue) q.overdue = 1
  if (s.todo) q.todo = 1
  return q
}

/** An instant (ISO, UTC) as read in China: YYYY-MM-DD HH:mm. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t + CST).toISOString().slice(0, 16).replace('T', ' ')
}

export function stateTagType(state: string): TagType {
  switch (state) {
    case 'waiting':
      return 'warning'
    case 'in_progress':
      return 'primary'
    case 'answered':
      return 'success'
    case 'closed':
      return 'info'
    default:
      return 'primary'
  }
}

export function assignmentTagType(state: string): TagType {
  switch (state) {
    case 'pending':
      return 'warning'
    case 'acknowledged':
      return 'primary'
    case 'answered':
      return 'success'
    default:
      return 'primary'
  }
}

export function eventTagType(kind: string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  if (kind === 'confirmed' || kind === 'result') return 'success'
  if (kind === 'sent_back' || kind === 'escalated' || kind === 'escalated_leader') return 'danger'
  if (kind === 'routed') return 'info'
  return 'primary'
}

export function assignmentOverdue(a: WhistleAssignment): boolean {
  return a.ack_overdue || a.feedback_overdue
}

// ---- The raise form ----

export interface RaiseForm {
  title: string
  description: string
  category: string
  place: string
  location: string
  severity: string
  interim_measures: string
}

export const emptyRaise = (): RaiseForm => ({
  title: '',
  description: '',
  category: '',
  place: 'around',
  location: '',
  severity: 'general',
  interim_measures: '',
})

/** The fields the raise form shows, in their order (a server reason on another goes above it). */
export const RAISE_FIELDS = ['category', 'place', 'location', 'severity', 'title', 'description', 'interim_measures', 'file_ids'] as const

/** 转为吹哨: the hazard a whistle is raised from, filling the form. */
export interface RaiseFrom {
  hazard_id: number
  school_id: number
  school_name: string
  title: string
  description: string
}

/** The raise body; `hazardId`: the hazard it is raised from (转为吹哨). */
export function raiseInput(schoolId: number, f: RaiseForm, photos: Pick<StoredFile, 'id'>[], hazardId?: number): WhistleInput {
  const input: WhistleInput = {
    school_id: schoolId,
    title: f.title.trim(),
    description: f.description.trim(),
    category: f.category,
    place: f.place,
    location: f.location.trim(),
    severity: f.severity,
    interim_measures: f.interim_measures.trim(),
    file_ids: photos.map((p) => p.id),
  }
  if (hazardId) input.hazard_id = hazardId
  return input
}

/**
 * The server's field reasons of a 422 or 409 (field → reason; the reason may come as `reason` or
 * `message`), or null when the error names no field. `file_ids[0]` lands on `file_ids`.
 */
export function fieldReasons(e: unknown): Record<string, string> | null {
  if (!(e instanceof ApiError) || (e.status !== 422 && e.status !== 409)) return null
  const out: Record<string, string> = {}
  for (const d of e.details as { field?: string; reason?: string; message?: string }[]) {
    if (!d.field) continue
    const field = d.field.replace(/\[\d+\]$/, '')
    const reason = d.reason || d.message || ''
    if (reason && !(field in out)) out[field] = reason
  }
  return Object.keys(out).length > 0 ? out : null
}

/** The reasons no field of the form shows. */
export function unplacedReasons(errors: Record<string, string>, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !shown.includes(k))
    .map(([k, v]) => `${k}：${v}`)
}

// ---- The detail's actions ----

export type WhistleAction = 'acknowledge' | 'feedback' | 'result' | 'confirm' | 'send_back' | 'route'

/** The action buttons the server's `can` allows, in the order of the work. */
export function actionsOf(w: Pick<Whistle, 'can'>): WhistleAction[] {
  const out: WhistleAction[] = []
  if (w.can.acknowledge) out.push('acknowledge')
  if (w.can.feedback) out.push('feedback', 'result')
  if (w.can.confirm) out.push('confirm')
  if (w.can.send_back) out.push('send_back')
  if (w.can.route) out.push('route')
  return out
}

/** Whether the action's note must be written. */
export const noteRequired = (a: WhistleAction): boolean => a === 'feedback' || a === 'result' || a === 'send_back'

/** Whether the action may bring photos: a department's progress (反馈进展) or result (反馈结果). */
export const takesPhotos = (a: WhistleAction): boolean => a === 'feedback' || a === 'result'

/** The most photos one feedback may bring. */
export const FEEDBACK_PHOTOS_MAX = 9

// ---- Statistics ----

export type StatKey = Exclude<keyof WhistleStatRow, 'department_id' | 'department_name' | 'acknowledged' | 'answered'>

/** The statistics' columns after the department, with their locale key. */
export const STAT_COLUMNS: readonly { key: StatKey; label: string }[] = [
  { key: 'received', label: 'whistle.stats.received' },
  { key: 'acknowledged_on_time', label: 'whistle.stats.ackOnTime' },
  { key: 'ack_overdue', label: 'whistle.stats.ackOverdue' },
  { key: 'average_ack_hours', label: 'whistle.stats.avgAckHours' },
  { key: 'closed', label: 'whistle.stats.closed' },
  { key: 'average_close_days', label: 'whistle.stats.avgCloseDays' },
  { key: 'open', label: 'whistle.stats.open' },
  { key: 'feedback_overdue', label: 'whistle.stats.feedbackOverdue' },
]

/** A statistic as shown: averages with one decimal, none as —. */
export function statText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** 1 January of this year (China) to today. */
export function defaultRange(now: number = Date.now()): [string, string] {
  const today = new Date(now + CST).toISOString().slice(0, 10)
  return [`${today.slice(0, 4)}-01-01`, today]
}

// ---- 定期报告 ----

/** The open whistles of a report's summary, one per line. */
export function summaryLines(summary: string | null | undefined): string[] {
  return (summary ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}
