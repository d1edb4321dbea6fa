// Hazard ledger (隐患台账): hazards and their signed close-out workflow, self-inspections,
// supervision orders (督办单), the hazard board and the district's hazard rules (隐患规则配置).
// Photos and evidence are stored files (files.ts); the bell's notifications are in notifications.ts.
// Types follow the server's JSON (src/http/json/hazard_json.cpp).
import { download, http, request, type Page, type Query } from './http'
import type { CodeCount } from './boards'
import type { StoredFile } from './files'

export type HazardLevel = 'general' | 'major'
export type HazardState = 'reported' | 'assigned' | 'rectifying' | 'submitted' | 'verified' | 'closed'
export type HazardAction = 'assign' | 'start_rectifying' | 'submit' | 'approve' | 'reject' | 'close' | 'reopen'
/** Timeline entries: the workflow actions plus the report, edits and escalations. */
export type HazardEventAction = HazardAction | 'report' | 'edit' | 'escalate' | string

export const HAZARD_STATES: HazardState[] = ['reported', 'assigned', 'rectifying', 'submitted', 'verified', 'closed']
/** Every state but closed: what "open hazards" means on the boards. */
export const OPEN_STATES: HazardState[] = ['reported', 'assigned', 'rectifying', 'submitted', 'verified']
export const HAZARD_ACTIONS: HazardAction[] = ['assign', 'start_rectifying', 'submit', 'approve', 'reject', 'close', 'reopen']

/** 五落实: what a major hazard must record before it can be closed. */
export interface FiveInPlace {
  measures: string
  responsible: string
  funds: string
  deadline: string
  contingency_plan: string
}

export const FIVE_FIELDS: (keyof FiveInPlace)[] = ['measures', 'responsible', 'funds', 'deadline', 'contingency_plan']

export interface Hazard {
  id: number
  school_id: number
  school_name: string
  building_id: number | null
  key_place_id: number | null
  /** The building and/or key place named when reported. */
  place: string
  domain: string
  domain_label: string
  level: HazardLevel
  level_label: string
  title: string
  description: string
  found_at: string
  found_by: string
  source: string
  source_label: string
  campaign_id: number | null
  /** The kind of record it was raised from (`drill`), if any, and that record's id. */
  origin_type?: string | null
  origin_id?: number | null
  responsible: string
  /** Username made responsible at assignment. */
  owner: string
  /** YYYY-MM-DD (China time); the end of that day counts. */
  deadline: string | null
  deadline_reason: string
  interim_measures: string
  five: FiveInPlace
  state: HazardState
  state_label: string
  /** Username of the last submitter (who may not verify). */
  rectifier: string
  rework_count: number
  reopen_count: number
  supervised: boolean
  created_at: string
  updated_at: string
  closed_at: string | null
}

export interface HazardSignature {
  id: number
  username: string
  /** password | totp */
  method: string
  signed_at: string
  content_hash: string
}

export interface HazardEvent {
  id: number
  at: string
  actor: string
  /** The actor's display name ('' for the system). */
  actor_name?: string
  action: HazardEventAction
  from_state: string
  to_state: string
  note: string
  signature: HazardSignature | null
  file_ids: number[]
}

export interface HazardEscalation {
  rule: string
  target: string
  supervision: boolean
  reason: string
  fired_at: string
}

export interface HazardDetail extends Hazard {
  /** Display names of the people the record names ('' when unknown). */
  found_by_name?: string
  owner_name?: string
  rectifier_name?: string
  timeline: HazardEvent[]
  files: StoredFile[]
  escalations: HazardEscalation[]
  /** The workflow actions this caller may take now. */
  actions: HazardAction[]
  default_deadline_days: number
  days_overdue: number
}

export type HazardSort =
  | 'found_at'
  | '-found_at'
  | 'deadline'
  | '-deadline'
  | 'level'
  | '-level'
  | 'state'
  | '-state'
  | 'school'
  | '-school'
  | 'updated_at'
  | '-updated_at'

export interface HazardQuery {
  school_id?: number
  cluster_id?: number
  domain?: string
  level?: HazardLevel
  /** Comma-separated states. */
  state?: string
  source?: string
  overdue?: boolean
  /** The hazards the caller found, owns or rectified (我的隐患). */
  mine?: boolean
  supervised?: boolean
  /** ISO instants on found_at: from inclusive, to exclusive. */
  from?: string
  to?: string
  q?: string
  page?: number
  page_size?: number
  sort?: HazardSort
}

export interface HazardInput {
  school_id: number
  building_id?: number
  key_place_id?: number
  domain: string
  level: HazardLevel
  title: string
  description?: string
  found_at?: string
  source: string
  campaign_id?: number
  responsible?: string
  interim_measures?: string
  five?: FiveInPlace
  file_ids?: number[]
}

export interface HazardEdit {
  title?: string
  description?: string
  responsible?: string
  interim_measures?: string
  five?: FiveInPlace
}

export interface TransitionInput {
  action: HazardAction
  /** assign: username of an active user of the same school. */
  owner?: string
  /** assign: YYYY-MM-DD; later than the default needs a reason. */
  deadline?: string
  /** Required for reject and reopen, and for a deadline later than the default. */
  reason?: string
  note?: string
  /** Evidence; submit needs at least one. */
  file_ids?: number[]
  /** The signature: the user's password (or a TOTP code). */
  password?: string
  totp?: string
}

export interface SelfInspectionInput {
  school_id: number
  key_place_id?: number
  domain: string
  passed: boolean
  checked_at?: string
  campaign_id?: number
  note?: string
}

export type SupervisionState = 'open' | 'replied' | 'closed'

export interface SupervisionOrder {
  id: number
  hazard_id: number
  hazard_title: string
  school_id: number
  school_name: string
  rule: string
  reason: string
  /** YYYY-MM-DD for the school's reply. */
  deadline: string
  state: SupervisionState
  reply: string
  replied_by: string
  replied_at: string | null
  created_at: string
  closed_at: string | null
  closed_by: string
}

export interface SupervisionQuery {
  state?: SupervisionState
  school_id?: number
  hazard_id?: number
  page?: number
  page_size?: number
}

export interface HazardBoardSchool {
  school_id: number
  school_name: string
  open: number
  open_major: number
  overdue: number
  supervised: number
}

export interface HazardBoard {
  open_total: number
  open_by_level: CodeCount[]
  open_by_domain: CodeCount[]
  overdue: number
  supervised: number
  closed_this_month: number
  /** 0..1: closed ÷ reported in the last 12 months. */
  closure_rate: number
  avg_days_to_close: number
  /** 12 months, oldest first. */
  trend: { month: string; open: number }[]
  /** Schools with an open major hazard first. */
  schools: HazardBoardSchool[]
}

/** 隐患规则: default rectification deadlines (per level, per domain where set) and escalation limits. */
export interface HazardDeadlineRules {
  general_days: number
  major_days: number
  /** Domain code → days; only the domains with an override. */
  general_by_domain: Record<string, number>
  major_by_domain: Record<string, number>
}

export interface HazardEscalationLimits {
  overdue_leader_days: number
  overdue_bureau_days: number
  missed_window_days: number
  repeat_window_days: number
  rework_threshold: number
}

export interface HazardRules {
  deadlines: HazardDeadlineRules
  escalation: HazardEscalationLimits
}

/** The PUT body: replaces the whole rule set; a domain left out of the maps loses its override. */
export interface HazardRulesInput {
  deadlines: {
    general_days: number
    major_days: number
    general_by_domain?: Record<string, number>
    major_by_domain?: Record<string, number>
  }
  escalation: HazardEscalationLimits
}

function q(obj: object): Query {
  return obj as Query
}

export const hazardsApi = {
  list: (query: HazardQuery = {}) => http.get<Page<Hazard>>('/api/v1/hazards', q(query)),
  /** The filtered ledger as a spreadsheet (no paging: every matching row). */
  export: (query: HazardQuery = {}, format: 'xlsx' | 'csv' = 'xlsx') => {
    const { page: _p, page_size: _s, sort: _o, ...filters } = query as Record<string, unknown>
    void _p
    void _s
    void _o
    return download('/api/v1/hazards/export', { ...(filters as Query), format })
  },
  get: (id: number) => http.get<HazardDetail>(`/api/v1/hazards/${id}`),
  create: (input: HazardInput) => http.post<HazardDetail>('/api/v1/hazards', input),
  update: (id: number, input: HazardEdit) => http.put<HazardDetail>(`/api/v1/hazards/${id}`, input),
  /** A signed workflow step. A wrong password answers 401 (field password) without ending the session. */
  transition: (id: number, input: TransitionInput) =>
    request<HazardDetail>('POST', `/api/v1/hazards/${id}/transitions`, { body: input, allowUnauthenticated: true }),
}

export const selfInspectionsApi = {
  create: (input: SelfInspectionInput) => http.post<unknown>('/api/v1/self-inspections', input),
}

export const supervisionApi = {
  list: (query: SupervisionQuery = {}) => http.get<Page<SupervisionOrder>>('/api/v1/supervision-orders', q(query)),
  reply: (id: number, reply: string) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${id}/reply`, { reply }),
  close: (id: number) => http.post<SupervisionOrder>(`/api/v1/supervision-orders/${id}/close`),
}

export const hazardBoardApi = {
  get: (schoolId?: number) => http.get<HazardBoard>('/api/v1/boards/hazards', q({ school_id: schoolId })),
}

export const hazardRulesApi = {
  get: () => http.get<HazardRules>('/api/v1/hazard-rules'),
  /** Needs hazard:configure; 422 names the JSON path (deadlines.general_by_domain.food …). */
  update: (input: HazardRulesInput) => http.put<HazardRules>('/api/v1/hazard-rules', input),
}
