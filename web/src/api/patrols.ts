// Routine patrols (常态化防火巡查, measure 11): a school schedules the patrols of its key places
// from a checklist (巡查计划: daily, weekly or per shift), the person on duty scans the QR code at
// the place and fills the patrol on a phone (巡查记录), and a failed item becomes a hazard in one
// step. What is due (巡查任务) is computed by the server from the plans and the school calendar
// whenever it is asked; only the patrols done are stored. Types follow docs/patrols.md.
import { download, http, type Page, type Query } from './http'
import type { ChecklistItem } from './checklists'
import type { StoredFile } from './files'

export type PatrolFrequency = 'daily' | 'weekly' | 'shift'
export const PATROL_FREQUENCIES: readonly PatrolFrequency[] = ['daily', 'weekly', 'shift']

/** 已巡查, 待巡查, 漏巡, 未到期. */
export type PatrolSlotState = 'done' | 'due' | 'missed' | 'upcoming'
export const PATROL_SLOT_STATES: readonly PatrolSlotState[] = ['due', 'missed', 'done', 'upcoming']

/** 合格, 不合格, 不适用. */
export type PatrolVerdict = 'pass' | 'fail' | 'na'

export interface PatrolPlan {
  id: number
  school_id: number
  school_name: string
  key_place_id: number
  place_name: string
  /** Key place kind code (dictionary key_place_kinds). */
  place_kind: string
  place_kind_label?: string
  /** The template version the plan keeps. */
  template_id: number
  template_code: string
  template_name: string
  template_version: number
  frequency: PatrolFrequency | string
  /** The shifts' times (HH:MM, ascending); empty unless frequency is shift. */
  shifts: string[]
  /** Only on school days (default), or every day, vacations included. */
  school_days_only: boolean
  patroller: string
  /** YYYY-MM-DD. */
  starts_on: string
  /** YYYY-MM-DD, or null: until stopped. */
  ends_on: string | null
  note: string
  created_by: string
  created_at: string
  /** Whether the caller may change or remove it. */
  can_edit: boolean
}

/** GET /patrol-plans/{id}: the plan with the checklist items answered at its place. */
export interface PatrolPlanDetail extends PatrolPlan {
  items: ChecklistItem[]
}

/** The body of POST (with school_id) and PUT. */
export interface PatrolPlanInput {
  school_id?: number
  key_place_id: number
  template_id: number
  frequency: PatrolFrequency
  /** HH:MM, 1–6 ascending; only for shift. */
  shifts: string[]
  school_days_only: boolean
  patroller: string
  starts_on: string
  ends_on: string | null
  note: string
}

export interface PatrolPlanQuery {
  school_id?: number
  key_place_id?: number
  /** true: the plans not ended today. */
  active?: boolean
}

/** One patrol the plans ask for, with its state on the day asked. */
export interface PatrolSlot {
  plan_id: number
  school_id: number
  school_name: string
  key_place_id: number
  place_name: string
  place_kind: string
  template_name: string
  patroller: string
  frequency: PatrolFrequency | string
  /** The day; a weekly slot: its week's Monday. */
  date: string
  /** 1-based for a shift plan, else 0. */
  shift: number
  /** HH:MM of the shift, or empty. */
  shift_time: string
  /** The last day it may be done: the day, or the week's Saturday. */
  due_by: string
  state: PatrolSlotState | string
  /** The patrol that filled it (done). */
  record_id: number | null
}

/** GET /patrol-schedule: the span answered (the default one when none was asked) and the count of each state. */
export interface PatrolSchedule {
  from: string
  to: string
  items: PatrolSlot[]
  total: number
  counts: Partial<Record<PatrolSlotState, number>>
}

export interface PatrolScheduleQuery {
  /** YYYY-MM-DD; both omitted: the last 7 days to today; at most 62 days. */
  from?: string
  to?: string
  school_id?: number
  state?: PatrolSlotState
}

/** A plan running today at a place, with its items and today's slots (what the QR code opens). */
export interface PatrolPlaceRun extends PatrolPlanDetail {
  /** Today's slots of the plan (a shift plan: one per shift; none on a day it does not run). */
  today: PatrolSlot[]
}

/** GET /patrol-places/{key_place_id}: the place, its school and the plans running there today. */
export interface PatrolPlace {
  school_id: number
  school_name: string
  key_place: {
    id: number
    name: string
    kind: string
    kind_label: string
    building: string | null
  }
  plans: PatrolPlaceRun[]
  /** Whether the caller may record a patrol here (patrol:record, in scope). */
  can_record: boolean
}

export interface PatrolAnswer {
  item_key: string
  text: string
  domain: string
  answer: string
  unit: string
  min: number | null
  max: number | null
  photo_required: boolean
  failure_level: string
  value: string
  verdict: PatrolVerdict | string
  note: string
  file_ids: number[]
  /** The hazard the failed item became. */
  hazard_id: number | null
}

export interface PatrolRecord {
  id: number
  plan_id: number
  school_id: number
  school_name: string
  key_place_id: number
  place_name: string
  place_kind: string
  template_id: number
  template_name: string
  template_version: number
  /** The day the patrol covers (a late entry: an earlier day). */
  date: string
  shift: number
  /** The shift's time (HH:MM); only on GET /patrol-records/{id}. */
  shift_time?: string
  /** When it was filled (instant). */
  patrolled_at: string
  patroller: string
  username: string
  note: string
  /** How many items failed. */
  failed: number
  /** Empty in lists. */
  answers: PatrolAnswer[]
  /** The patrol's photos (download at /api/v1/files/{id}); absent in lists. */
  files?: StoredFile[]
  /** Whether the caller may raise its failed items as hazards. */
  can_raise?: boolean
}

export interface PatrolAnswerInput {
  item_key: string
  /** pass | fail | na; a number's reading; text. */
  value: string
  note: string
  file_ids: number[]
}

export interface PatrolRecordInput {
  plan_id: number
  /** YYYY-MM-DD; omitted: today (a late entry up to 7 days back). */
  date?: string
  /** A shift plan's shift, 1-based. */
  shift?: number
  note: string
  answers: PatrolAnswerInput[]
}

export interface PatrolRecordQuery {
  school_id?: number
  plan_id?: number
  from?: string
  to?: string
  /** Only the patrols with a failed item. */
  failed?: boolean
  page?: number
  page_size?: number
}

export interface PatrolRaiseInput {
  item_key: string
  level?: 'general' | 'major'
  domain?: string
}

function q(obj: object): Query {
  return obj as Query
}

export const patrolsApi = {
  plans: (query: PatrolPlanQuery = {}) => http.get<Page<PatrolPlan>>('/api/v1/patrol-plans', q(query)),
  plan: (id: number) => http.get<PatrolPlanDetail>(`/api/v1/patrol-plans/${id}`),
  createPlan: (input: PatrolPlanInput) => http.post<PatrolPlan>('/api/v1/patrol-plans', input),
  updatePlan: (id: number, input: PatrolPlanInput) => http.put<PatrolPlan>(`/api/v1/patrol-plans/${id}`, input),
  /** 409 patrol_plan.has_records once a patrol was recorded: set an end date instead. */
  removePlan: (id: number) => http.del(`/api/v1/patrol-plans/${id}`),
  schedule: (query: PatrolScheduleQuery = {}) => http.get<PatrolSchedule>('/api/v1/patrol-schedule', q(query)),
  place: (keyPlaceId: number) => http.get<PatrolPlace>(`/api/v1/patrol-places/${keyPlaceId}`),
  records: (query: PatrolRecordQuery = {}) => http.get<Page<PatrolRecord>>('/api/v1/patrol-records', q(query)),
  /** The filtered patrols as a spreadsheet (the filters only: no paging). */
  exportRecords: (query: PatrolRecordQuery = {}) => {
    const { page: _p, page_size: _s, ...filters } = query
    void _p
    void _s
    return download('/api/v1/patrol-records/export', q(filters))
  },
  record: (id: number) => http.get<PatrolRecord>(`/api/v1/patrol-records/${id}`),
  /** 422 naming answers[i].value|photo|item_key, or answers for an item left out; nothing stored then. */
  createRecord: (input: PatrolRecordInput) => http.post<PatrolRecord>('/api/v1/patrol-records', input),
  /** Needs patrol:record and hazard:report; 409 patrol.item_raised / patrol.item_passed. */
  raiseHazard: (id: number, input: PatrolRaiseInput) => http.post<PatrolRecord>(`/api/v1/patrol-records/${id}/hazards`, input),
}
