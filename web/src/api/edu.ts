// 1530安全提醒: before dismissal every school day a class teacher gives the class a safety reminder
// — 1 minute each day (每日), 5 minutes on the last school day of the week (每周), 30 minutes before
// a holiday (节假日) — and checks it in (打卡), on the day or late within `late_days` (补录). The
// classes and their class teachers (班级管理, imported and exported as spreadsheets), the caller's
// sessions, the suggested topics, and the completion (完成情况) of a school by class or of the
// district by school, exported as a spreadsheet. Types follow the API contract (snake_case).
import { download, http, type Download, type Page, type Query } from './http'
import { importFormatOf, uploadImport, type ImportReport } from './imports'

export type EduKind = 'daily' | 'weekly' | 'holiday'
export const EDU_KINDS: readonly EduKind[] = ['daily', 'weekly', 'holiday']

/** upcoming 待开展, due 今日待完成, done 已完成, late 补录 (checked in late), missed 未开展. */
export type EduSessionState = 'upcoming' | 'due' | 'done' | 'late' | 'missed'

/** The grades a class may be in: 0 = 幼儿园/未分年级, 1–12 = 一年级 … 高三. */
export const EDU_GRADES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]

// ---- Classes (班级) ----

export interface EduClass {
  id: number
  school_id: number
  school_name: string
  /** 0..12; 0 = 幼儿园/未分年级. */
  grade: number
  /** "2班" or "三年级2班". */
  name: string
  /** The class teacher's username, "" when none. */
  teacher: string
  /** The class teacher's display name, "" when none. */
  teacher_name: string
  /** 班级人数, 0–200; 0 = unknown (a parent letter's expected receipts count only the known). */
  students: number
  active: boolean
  version: number
}

export interface EduClassQuery {
  school_id?: number
  grade?: number
  q?: string
  /** A class teacher's username. */
  teacher?: string
  include_inactive?: boolean
  page?: number
  page_size?: number
}

/** POST /api/v1/edu/classes. */
export interface EduClassInput {
  school_id: number
  grade: number
  name: string
  teacher: string
  /** 0–200, 0 = unknown. */
  students: number
}

/** PUT /api/v1/edu/classes/{id}: 409 when `version` is stale. */
export interface EduClassUpdate {
  grade: number
  name: string
  teacher: string
  students: number
  active: boolean
  version: number
}

/** Where the classes are imported (POST, the file's bytes; ?format=xlsx|csv), all or nothing. */
export const EDU_CLASS_IMPORT_PATH = '/api/v1/edu/classes/import'
/** The blank template: 学校代码, 年级, 班级, 班主任用户名, 人数 (optional). */
export const EDU_CLASS_TEMPLATE_PATH = '/api/v1/edu/classes/import-template'
export const EDU_CLASS_EXPORT_PATH = '/api/v1/edu/classes/export'

// ---- Sessions (the caller's 1530 reminders) ----

export interface EduCheckin {
  id: number
  topic: string
  topic_label: string
  note: string
  by: string
  by_name: string
  /** ISO instant of the check-in. */
  at: string
  /** The China date it was recorded on (YYYY-MM-DD). */
  on: string
  file_ids: number[]
}

export interface EduSession {
  class_id: number
  class_name: string
  grade: number
  school_id: number
  school_name: string
  /** YYYY-MM-DD. */
  date: string
  kind: EduKind | string
  /** edu.1530.daily … */
  rule: string
  kind_label: string
  minutes_before: number
  /** "15:59", or "" when the school has no dismissal time set. */
  at: string
  /** The holiday ("国庆节") of a holiday session, else "". */
  occasion: string
  state: EduSessionState | string
  state_label: string
  /** The suggested topic's code. */
  topic: string
  topic_label: string
  /** The suggested content for the class's age group. */
  text: string
  can_check_in: boolean
  checkin: EduCheckin | null
}

export interface EduSessionsQuery {
  class_id?: number
  date?: string
}

/**
 * Today's sessions first, then earlier ones still open for a late check-in (newest first), then
 * the last 14 days' missed ones (can_check_in false).
 */
export interface EduSessions {
  /** Today in China, YYYY-MM-DD. */
  today: string
  /** How many days back a late check-in (补录) is allowed. */
  late_days: number
  items: EduSession[]
}

export interface EduTopic {
  code: string
  label: string
}

/** POST /api/v1/edu/1530/checkins. */
export interface EduCheckinInput {
  class_id: number
  date: string
  kind: EduKind | string
  /** Default: the suggested topic. */
  topic?: string
  /** At most 500 characters. */
  note?: string
  /** Files uploaded with POST /api/v1/files. */
  file_ids?: number[]
}

// ---- Completion (完成情况) ----

export type EduPeriod = 'week' | 'semester' | 'custom'

export interface EduCompletion {
  due: number
  done: number
  late: number
  missed: number
  /** 0..1. */
  rate: number
}

export interface EduCompletionQuery {
  school_id?: number
  /** Default week. */
  period?: EduPeriod
  /** The day the week or semester contains (default today). */
  date?: string
  /** custom: both required. */
  from?: string
  to?: string
}

export type EduByKind = Record<EduKind, EduCompletion>

export interface EduClassCompletion extends EduCompletion {
  class_id: number
  class_name: string
  grade: number
  teacher: string
  teacher_name: string
}

export interface EduMissingSession {
  class_id: number
  class_name: string
  grade: number
  date: string
  kind: EduKind | string
  kind_label: string
}

export interface EduSchoolCompletion extends EduCompletion {
  school_id: number
  school_name: string
  /** The school's classes. */
  classes: number
}

interface EduCompletionBase {
  from: string
  to: string
  /** "2026年第49周", "2025—2026学年第一学期". */
  label: string
  totals: EduCompletion
  by_kind: EduByKind
}

/** With school_id: the school by class, and the sessions not held (at most 500, newest first). */
export interface EduSchoolCompletionView extends EduCompletionBase {
  scope: 'school'
  school_id: number
  school_name: string
  classes: EduClassCompletion[]
  missing: EduMissingSession[]
}

/** Without school_id (the bureau): the district by school, lowest rate first. */
export interface EduDistrictCompletionView extends EduCompletionBase {
  scope: 'district'
  schools: EduSchoolCompletion[]
}

export type EduCompletionView = EduSchoolCompletionView | EduDistrictCompletionView

const classes = '/api/v1/edu/classes'
const base1530 = '/api/v1/edu/1530'

export const eduClassesApi = {
  list: (query: EduClassQuery = {}) => http.get<Page<EduClass>>(classes, { ...query } as Query),
  /** 201; 422 names the field (grade, name, teacher). */
  create: (input: EduClassInput) => http.post<EduClass>(classes, input),
  /** 409 when `version` is stale. */
  update: (id: number, input: EduClassUpdate) => http.put<EduClass>(`${classes}/${id}`, input),
  template: (): Promise<Download> => download(EDU_CLASS_TEMPLATE_PATH),
  /** All or nothing; a refused import (422 with the report) is a result, not an error. */
  import: (file: File): Promise<ImportReport> => uploadImport(EDU_CLASS_IMPORT_PATH, file, { format: importFormatOf(file.name) }),
  /** The classes of the caller's scope (of one school when given) as .xlsx. */
  export: (schoolId?: number): Promise<Download> => download(EDU_CLASS_EXPORT_PATH, { school_id: schoolId }),
}

export const edu1530Api = {
  /** The caller's sessions (every class they teach by default), today by default. */
  sessions: (query: EduSessionsQuery = {}) => http.get<EduSessions>(`${base1530}/sessions`, { ...query } as Query),
  topics: () => http.get<{ items: EduTopic[] }>(`${base1530}/topics`),
  /**
   * 201 the session with its check-in; 422 field `date` (no such session, past the late limit,
   * before its day), 409 already checked in, 403 not the caller's class.
   */
  checkIn: (input: EduCheckinInput) => http.post<EduSession>(`${base1530}/checkins`, input),
  completion: (query: EduCompletionQuery = {}) => http.get<EduCompletionView>(`${base1530}/completion`, { ...query } as Query),
  /** The same view as .xlsx. */
  exportCompletion: (query: EduCompletionQuery = {}): Promise<Download> => download(`${base1530}/completion/export`, { ...query } as Query),
}
