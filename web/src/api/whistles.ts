// 吹哨报到 (whistle and report): a school blows the whistle on a problem around it that it cannot
// solve alone (traffic at the gate, vendors, rentals, water …); the bureau's routing table sends it
// by category to the departments concerned, each department's liaison reports in (报到) within the
// hours allowed, feeds back progress and the result within working days, and the school confirms
// (确认办结) or sends it back (退回重办). The bureau keeps the routing table and reads each
// department's record (部门统计, exported as a spreadsheet).
import { download, http, type Page, type Query } from './http'

export type WhistleState = 'waiting' | 'in_progress' | 'answered' | 'closed'
export type WhistleSeverity = 'general' | 'major'
export type WhistlePlace = 'campus' | 'around'
export type WhistleAssignmentState = 'pending' | 'acknowledged' | 'answered'
export type WhistleEventKind = 'raised' | 'routed' | 'acknowledged' | 'feedback' | 'result' | 'confirmed' | 'sent_back' | 'escalated'

export const WHISTLE_STATES: readonly WhistleState[] = ['waiting', 'in_progress', 'answered', 'closed']

export interface WhistleFile {
  id: number
  name: string
  content_type: string
  size: number
}

export interface WhistleAssignment {
  department_id: number
  department_name: string
  state: WhistleAssignmentState | string
  state_label: string
  /** When the whistle reached the department. */
  routed_at?: string
  /** The instant (UTC) the department must report in by; the hours run on holidays too. */
  ack_due: string
  acknowledged_at: string | null
  acknowledged_by: string | null
  /** The China civil date (YYYY-MM-DD) the result is due, in working days; null once answered. */
  feedback_due: string | null
  /** True while the year's holiday notice is not loaded: counted Monday to Friday. */
  feedback_due_provisional: boolean
  last_feedback_at: string | null
  answered_at: string | null
  ack_overdue: boolean
  feedback_overdue: boolean
  escalated: boolean
}

export interface WhistleEvent {
  id: number
  kind: WhistleEventKind | string
  kind_label: string
  department_id: number | null
  department_name: string
  note: string
  actor: string
  actor_name: string
  at: string
}

/** What the caller may do now, as the server decides. */
export interface WhistleCan {
  acknowledge: boolean
  feedback: boolean
  confirm: boolean
  send_back: boolean
  route: boolean
  /** Newer servers: whether the school may turn the whistle into a hazard of its own (not offered here yet). */
  hazard?: boolean
}

export interface Whistle {
  id: number
  school_id: number
  school_name: string
  title: string
  description: string
  category: string
  category_label: string
  place: WhistlePlace | string
  place_label: string
  location: string
  severity: WhistleSeverity | string
  severity_label: string
  interim_measures: string
  state: WhistleState | string
  state_label: string
  raised_by: string
  raised_by_name: string
  raised_at: string
  closed_at: string | null
  /** Any assignment's acknowledgement or feedback overdue now. */
  overdue: boolean
  version: number
  files: WhistleFile[]
  assignments: WhistleAssignment[]
  /** Empty in lists. */
  events: WhistleEvent[]
  can: WhistleCan
}

export interface WhistleQuery {
  state?: string
  severity?: string
  category?: string
  school_id?: number
  department_id?: number
  /** 1: only those with an acknowledgement or feedback overdue. */
  overdue?: 1
  /** 1: what needs the caller's action. */
  todo?: 1
  q?: string
  page?: number
  page_size?: number
}

export interface WhistleInput {
  school_id: number
  title: string
  description: string
  category: string
  place: string
  location: string
  severity: string
  /** Required when major. */
  interim_measures: string
  file_ids: number[]
}

export interface WhistleRouteDepartment {
  id: number
  name: string
}

export interface WhistleRoute {
  category: string
  category_label: string
  department_ids: number[]
  departments: WhistleRouteDepartment[]
  /** False: the default, by department kind. */
  custom: boolean
}

export interface WhistleRouting {
  bureau_id: number
  bureau_name: string
  items: WhistleRoute[]
  departments: { id: number; name: string; department_kind: string; department_kind_label: string }[]
}

export interface WhistleStatRow {
  department_id: number
  department_name: string
  received: number
  acknowledged: number
  acknowledged_on_time: number
  ack_overdue: number
  average_ack_hours: number | null
  answered: number
  closed: number
  average_close_days: number | null
  open: number
  feedback_overdue: number
}

export interface WhistleStats {
  from: string
  to: string
  items: WhistleStatRow[]
  totals: WhistleStatRow
}

const base = '/api/v1/whistles'

export const whistlesApi = {
  list: (query: WhistleQuery = {}) => http.get<Page<Whistle>>(base, { ...query } as Query),
  /** 201; 422 names the field (interim_measures required for major). */
  create: (input: WhistleInput) => http.post<Whistle>(base, input),
  get: (id: number) => http.get<Whistle>(`${base}/${id}`),
  acknowledge: (id: number, note?: string) => http.post<Whistle>(`${base}/${id}/acknowledge`, note ? { note } : {}),
  /** final=true: the result (反馈结果). */
  feedback: (id: number, note: string, final: boolean) => http.post<Whistle>(`${base}/${id}/feedback`, { note, final }),
  confirm: (id: number, note?: string) => http.post<Whistle>(`${base}/${id}/confirm`, note ? { note } : {}),
  sendBack: (id: number, note: string) => http.post<Whistle>(`${base}/${id}/send-back`, { note }),
  route: (id: number, departmentIds: number[]) => http.post<Whistle>(`${base}/${id}/route`, { department_ids: departmentIds }),
}

export const whistleRoutesApi = {
  get: () => http.get<WhistleRouting>('/api/v1/whistle-routes'),
  save: (routes: { category: string; department_ids: number[] }[]) => http.put<WhistleRouting>('/api/v1/whistle-routes', { routes }),
}

export const whistleStatsApi = {
  get: (from?: string, to?: string) => http.get<WhistleStats>('/api/v1/whistle-stats', { from, to }),
  /** 吹哨报到部门统计.xlsx. */
  export: (from?: string, to?: string) => download('/api/v1/whistle-stats/export', { from, to }),
}
