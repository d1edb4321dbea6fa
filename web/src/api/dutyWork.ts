// 全区“一盘棋” (measure 3 of the school-safety plan): the bureau's work items — 共性任务 (common), 重点事项
// (key) and 常规工作 (routine) — each led by one of its sections, tied to the plan's measures and
// deployed to schools and to the bureau's sections, due once (一次性, by a day) or on a recurrence
// (每周, 每月, 每季度: a day of the week or the month between two dates; a due day on a day off moves
// back to the working day before it). Each unit reports each due day done (报告完成, with the day it
// was done and a note) and may withdraw a report (撤回); the bureau sees every unit's progress, the
// days overdue and done late, and its board. Read with duty:read by the bureau and its sections
// (403 for anyone else; a school or a section reads its own items on /mine), written with
// duty:template (the bureau's safety office); a school reports with duty:manage, a section with
// duty:read. Types follow the API contract (snake_case); dates are YYYY-MM-DD.
import { download, http, request, type Download } from './http'

/** 共性任务, 重点事项, 常规工作. */
export type WorkKind = 'common' | 'key' | 'routine'
export const WORK_KINDS: readonly WorkKind[] = ['common', 'key', 'routine']
/** 一次性, 每周, 每月, 每季度. */
export type WorkRepeat = 'once' | 'weekly' | 'monthly' | 'quarterly'
export const WORK_REPEATS: readonly WorkRepeat[] = ['once', 'weekly', 'monthly', 'quarterly']
/** A due day for a unit: 未到期, 即将到期 (three days or less), 逾期未完成, 已完成, 逾期完成. */
export type WorkState = 'pending' | 'due_soon' | 'overdue' | 'done' | 'done_late'
export const WORK_STATES: readonly WorkState[] = ['pending', 'due_soon', 'overdue', 'done', 'done_late']

/** The server's limits (domain/duty/work.hpp). */
export const WORK_TITLE_MAX = 100
export const WORK_DETAIL_MAX = 1000
export const WORK_NOTE_MAX = 500
export const WORK_TARGETS_MAX = 3000
/** A recurrence runs a year at most: its last day at most this many days after its first. */
export const WORK_SPAN_DAYS_MAX = 366

/** A kind or a recurrence, as the server offers it. */
export interface WorkOption {
  code: string
  label: string
}

/** A school or a section of the bureau. */
export interface WorkUnit {
  id: number
  name: string
  kind: 'school' | 'section' | string
}

/** When an item is due. */
export interface WorkSchedule {
  repeat: WorkRepeat | string
  repeat_label: string
  /** 一次性: the due day; null for a recurrence. */
  due: string | null
  /** 每周: 1–7 (Monday 1); 每月 and 每季度 (the quarter's last month): 1–31; 0 for 一次性. */
  day: number
  /** A recurrence's first and last day (inclusive); null for 一次性. */
  from: string | null
  until: string | null
}

/** A work item as stored. */
export interface WorkItem {
  id: number
  kind: WorkKind | string
  kind_label: string
  title: string
  detail: string
  /** The plan's measures it serves (1–21), ascending. */
  measures: number[]
  lead_section_id: number
  lead_section_name: string
  /** The schools and sections it is deployed to, ascending. */
  targets: number[]
  schedule: WorkSchedule
  version: number
  updated_by: string
  updated_at: string
}

/** An item's figures across its units by today (or of a unit across its items, units 1). */
export interface WorkTotals {
  units: number
  /** Due days come (units × days due by today). */
  due: number
  done: number
  done_late: number
  overdue: number
  /** The units with at least one day overdue. */
  units_overdue: number
  /** (done + done_late) / due, 0..1; null while nothing is due. */
  rate: number | null
}

/** One unit's progress on an item by today. */
export interface WorkProgress {
  due: number
  done: number
  done_late: number
  overdue: number
  /** The first due day not done, if any. */
  next: string | null
  next_state: WorkState | null
  next_state_label: string
}

/** A unit's report of a due day. */
export interface WorkReport {
  item_id: number
  unit_id: number
  due: string
  done_on: string
  note: string
  reported_by: string
  reported_at: string
}

/** An item of the list: with its units named, its due days counted, the next one and its figures. */
export interface WorkItemRow extends WorkItem {
  target_units: WorkUnit[]
  due_days: number
  next_due: string | null
  totals: WorkTotals
}

/** GET /duties/work. */
export interface WorkItems {
  bureau_id: number
  bureau_name: string
  today: string
  /** The newest first. */
  items: WorkItemRow[]
  sections: WorkUnit[]
  schools: WorkUnit[]
  kinds: WorkOption[]
  repeats: WorkOption[]
  /** The caller holds duty:template. */
  can_edit: boolean
}

/** A unit of an item with its progress. */
export interface WorkUnitProgress extends WorkUnit {
  progress: WorkProgress
}

/** GET /duties/work/{id}. */
export interface WorkItemDetail extends WorkItemRow {
  today: string
  /** Every due day of the schedule, ascending. */
  dates: string[]
  /** The most overdue first. */
  units: WorkUnitProgress[]
  reports: WorkReport[]
  can_edit: boolean
}

/** POST /duties/work. */
export interface WorkItemInput {
  kind: string
  title: string
  detail: string
  measures: number[]
  lead_section_id: number
  targets: number[]
  schedule: { repeat: string; due: string | null; day: number; from: string | null; until: string | null }
}

/** PUT /duties/work/{id}: with the version read (409 duty.stale). */
export interface WorkItemUpdate extends WorkItemInput {
  version: number
}

/** A due day of an item for the caller's unit. */
export interface MyWorkDay {
  due: string
  state: WorkState | string
  state_label: string
  report: WorkReport | null
}

/** An item deployed to the caller's unit. */
export interface MyWorkItem extends WorkItem {
  progress: WorkProgress
  /** Every due day, ascending. */
  days: MyWorkDay[]
}

/** GET /duties/work/mine. */
export interface MyWork {
  unit: WorkUnit
  today: string
  /** The first due day not done, the soonest first. */
  items: MyWorkItem[]
  /** A school's duty:manage, a section's duty:read. */
  can_report: boolean
}

/** POST /duties/work/{id}/reports (done_on today without it); 409 duty.work.reported. */
export interface WorkReportInput {
  due: string
  done_on?: string
  note?: string
}

/** GET /duties/work/board. */
export interface WorkBoard {
  bureau_id: number
  bureau_name: string
  today: string
  items: number
  totals: WorkTotals
  kinds: { kind: WorkKind | string; label: string; items: number; totals: WorkTotals }[]
  /** The most overdue first. */
  units: (WorkUnit & { items: number; totals: WorkTotals })[]
}

const base = '/api/v1/duties/work'
/** 全区工作.xlsx. */
export const WORK_EXPORT_PATH = `${base}/export`
/** The import of work items (all or nothing, ?format=xlsx) and its template. */
export const WORK_IMPORT_PATH = `${base}/import`
export const WORK_TEMPLATE_PATH = `${base}/import-template`

const kindQuery = (kind?: string) => (kind ? { kind } : undefined)

export const workApi = {
  /** The bureau's items, of one kind when given (403 outside the bureau and its sections). */
  list: (kind?: string) => http.get<WorkItems>(base, kindQuery(kind)),
  get: (id: number) => http.get<WorkItemDetail>(`${base}/${id}`),
  create: (input: WorkItemInput) => http.post<WorkItem>(base, input),
  update: (id: number, input: WorkItemUpdate) => http.put<WorkItem>(`${base}/${id}`, input),
  /** At the version read (409 duty.stale when changed since). */
  remove: (id: number, version: number) => request<void>('DELETE', `${base}/${id}`, { query: { version } }),
  /** The items deployed to the caller's school or section. */
  mine: () => http.get<MyWork>(`${base}/mine`),
  /** The caller's unit reports a due day done (409 duty.work.reported when it is already). */
  report: (id: number, input: WorkReportInput) => http.post<WorkReport>(`${base}/${id}/reports`, input),
  /** Withdraws the unit's report of a due day (404 when there is none). */
  withdraw: (id: number, due: string) => request<void>('DELETE', `${base}/${id}/reports/${encodeURIComponent(due)}`),
  /** 全区工作看板, of one kind when given. */
  board: (kind?: string) => http.get<WorkBoard>(`${base}/board`, kindQuery(kind)),
  /** 全区工作.xlsx: the items with every unit's progress. */
  exportItems: (): Promise<Download> => download(WORK_EXPORT_PATH),
}
