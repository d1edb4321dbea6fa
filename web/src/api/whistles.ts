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
export type WhistleEventKind = 'raised' | 'routed' | 'acknowledged' | 'feedback' | 'result' | 'confirmed' | 'sent_back' | 'escalated' | 'escalated_leader'

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
  /** Still overdue `leader_days` after the bureau was told: told the district's leadership. */
  leader_escalated?: boolean
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
  /** The photos a department attached to its feedback or result (empty for most events). */
  files: WhistleFile[]
}

/** What the caller may do now, as the server decides. */
export interface WhistleCan {
  acknowledge: boolean
  feedback: boolean
  confirm: boolean
  send_back: boolean
  route: boolean
  /** Whether the school may turn the whistle into a hazard of its own (转为本校隐患). */
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
  /** The hazard it became or came from. */
  hazard_id?: number | null
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
  /** The whistles a hazard became or came from. */
  hazard_id?: number
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
  /** A hazard of the school it cannot fix alone (409 whistle.hazard_linked when already linked). */
  hazard_id?: number
}

/** 反馈进展 / 反馈结果 by a department's liaison. */
export interface WhistleFeedbackInput {
  note: string
  /** True: the result (反馈结果). */
  final: boolean
  /** The caller's own uploads not yet attached to anything, at most 9 (422 names `file_ids[i]`). */
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

/** 定期报告: a school's monthly report of its open whistles (零报告 when none is open). */
export interface WhistleReport {
  school_id: number
  school_name: string
  /** YYYY-MM. */
  month: string
  /** 零报告: nothing was open when filed. */
  nil: boolean
  open_count: number
  /** The open whistles when filed, one per line. */
  summary: string
  note: string
  filed_by: string
  filed_at: string
}

export interface SchoolWhistleReports {
  school_id: number
  school_name: string
  /** This month (China), YYYY-MM. */
  month: string
  /** This month's report when filed. */
  current: WhistleReport | null
  /** What the report would say if filed now. */
  draft: { nil: boolean; open_count: number; summary: string }
  /** Newest month first. */
  reports: WhistleReport[]
  can_file: boolean
}

export interface WhistleReportBoard {
  month: string
  schools: number
  filed: number
  nil: number
  items: { school_id: number; school_name: string; filed: boolean; report: WhistleReport | null }[]
}

/** 转为本校隐患: both default on the server (the domain from the category, the level from the severity). */
export interface WhistleHazardInput {
  domain?: string
  level?: string
}

const base = '/api/v1/whistles'

export const whistlesApi = {
  list: (query: WhistleQuery = {}) => http.get<Page<Whistle>>(base, { ...query } as Query),
  /** 201; 422 names the field (interim_measures required for major). */
  create: (input: WhistleInput) => http.post<Whistle>(base, input),
  get: (id: number) => http.get<Whistle>(`${base}/${id}`),
  acknowledge: (id: number, note?: string) => http.post<Whistle>(`${base}/${id}/acknowledge`, note ? { note } : {}),
  /** final=true: the result (反馈结果); `fileIds`: the photos uploaded for it. */
  feedback: (id: number, note: string, final: boolean, fileIds: number[] = []) =>
    http.post<Whistle>(`${base}/${id}/feedback`, { note, final, file_ids: fileIds } satisfies WhistleFeedbackInput),
  confirm: (id: number, note?: string) => http.post<Whistle>(`${base}/${id}/confirm`, note ? { note } : {}),
  sendBack: (id: number, note: string) => http.post<Whistle>(`${base}/${id}/send-back`, { note }),
  route: (id: number, departmentIds: number[]) => http.post<Whistle>(`${base}/${id}/route`, { department_ids: departmentIds }),
  /** 转为本校隐患: the whistle with its hazard_id; 409 whistle.hazard_linked a second time. */
  toHazard: (id: number, input: WhistleHazardInput = {}) => http.post<Whistle>(`${base}/${id}/hazard`, input),
}

export const whistleReportsApi = {
  school: (schoolId: number) => http.get<SchoolWhistleReports>(`/api/v1/schools/${schoolId}/whistle-reports`),
  /** Files (or files again) this month's report. */
  file: (schoolId: number, note?: string) => http.post<SchoolWhistleReports>(`/api/v1/schools/${schoolId}/whistle-reports`, note ? { note } : {}),
  /** The bureau: every school in scope for the month (default this month). */
  board: (month?: string) => http.get<WhistleReportBoard>('/api/v1/whistle-reports', { month }),
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
