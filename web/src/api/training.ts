// 安全培训 (measures 17 and 19): a school's staff in key posts (重点岗位人员: 消防安全, 基建工程,
// 实验室, 实习实训, 安保), each due for rotation training (轮训) every `interval_months` after their last
// session — the due list, overdue first —, the training sessions (培训记录: 重点岗位轮训, 假期安保培训
// on 突发冲撞、侵害处置, 专题安全培训) with their attendance (key staff ticked, others counted, or a sign-in
// sheet imported from Excel), and the bureau's 轮训看板 (each school's counts and the verdicts of the
// rules training.rotation and training.holiday; exported as 轮训看板.xlsx). Read with training:read
// (a school user their own school; the bureau passes unit_id), written with training:manage. Types
// follow the API contract (snake_case); dates are YYYY-MM-DD.
import { ApiError, download, http, request, type Download } from './http'

/** 达标 / 待完成 (training.holiday until its window closes) / 提醒 / 未达标 / 不适用. */
export type TrainingOutcome = 'pass' | 'due' | 'warn' | 'fail' | 'na'
/** A person's training state: 正常, 即将到期, 逾期, 已停用. */
export type StaffState = 'ok' | 'due_soon' | 'overdue' | 'inactive'
export const STAFF_STATES: readonly StaffState[] = ['overdue', 'due_soon', 'ok', 'inactive']
/** The key posts, in the server's order. */
export type TrainingPost = 'fire' | 'construction' | 'lab' | 'practice' | 'security'
export const TRAINING_POSTS: readonly TrainingPost[] = ['fire', 'construction', 'lab', 'practice', 'security']
/** The kinds of sessions. */
export type SessionKind = 'rotation' | 'holiday' | 'topic'
export const SESSION_KINDS: readonly SessionKind[] = ['rotation', 'holiday', 'topic']
/** The rules judging a school's training, in the order the pages show them. */
export const TRAINING_RULES = ['training.rotation', 'training.holiday'] as const

/** The server's limits (domain/training/training.hpp). */
export const TRAINING_NAME_MAX = 20
export const TRAINING_PHONE_MAX = 20
export const TRAINING_NOTE_MAX = 500
export const TRAINING_TITLE_MAX = 60
export const TRAINING_TRAINER_MAX = 40
export const TRAINING_PLACE_MAX = 100
/** Hours: 0.5 to 40, in half hours. */
export const TRAINING_HOURS_MAX = 40
export const TRAINING_OTHERS_MAX = 5000

/** A choice (a post, a kind), as the server offers it. */
export interface TrainingOption {
  code: string
  label: string
}

/** A rule's verdict. */
export interface TrainingVerdict {
  outcome: TrainingOutcome | string
  outcome_label: string
  reason: string
}

/** A rule's verdict on a school, with the rule. */
export interface TrainingCheck extends TrainingVerdict {
  rule: string
  title: string
}

/** A person in a key post. */
export interface TrainingStaff {
  id: number
  unit_id: number
  name: string
  post: TrainingPost | string
  post_label: string
  phone: string
  /** YYYY-MM-DD: in the post since. */
  since: string
  active: boolean
  note: string
  version: number
  /** The last session attended ("" for none). */
  last_trained_on: string
  last_session_id: number | null
  last_session_title: string
  /** The day the next rotation training is due ("" when unknown). */
  due_by: string
  state: StaffState | string
  state_label: string
}

/** GET /training/staff: a school's due list (overdue first, then by due_by, inactive last). */
export interface TrainingStaffList {
  unit_id: number
  unit_name: string
  /** The caller holds training:manage for the school. */
  can_edit: boolean
  today: string
  /** Months between two rotation trainings (12). */
  interval_months: number
  items: TrainingStaff[]
  posts: TrainingOption[]
  /** training.rotation and training.holiday for the school. */
  checks: TrainingCheck[]
}

/** POST /training/staff. */
export interface StaffCreateInput {
  unit_id: number
  name: string
  post: string
  phone: string
  since: string
  note: string
}

/** PUT /training/staff/{id}: with the version read (409 failed_precondition when stale). */
export interface StaffUpdateInput {
  name: string
  post: string
  phone: string
  since: string
  active: boolean
  note: string
  version: number
}

/** A key person who attended a session. */
export interface SessionAttendee {
  id: number
  name: string
  post?: string
  post_label: string
}

/** A training session. */
export interface TrainingSession {
  id: number
  unit_id: number
  unit_name: string
  title: string
  kind: SessionKind | string
  kind_label: string
  held_on: string
  /** Hours (1.5). */
  hours: number
  trainer: string
  place: string
  staff_ids: number[]
  attendees: SessionAttendee[]
  /** Other staff and teachers attending, not in the key-post list. */
  other_count: number
  note: string
  created_by: string
  created_by_name: string
  created_at: string
}

/** GET /training/sessions: a school's sessions, newest first. */
export interface TrainingSessionList {
  unit_id: number
  unit_name: string
  can_edit: boolean
  items: TrainingSession[]
  kinds: TrainingOption[]
}

/** POST /training/sessions. */
export interface SessionInput {
  unit_id: number
  title: string
  kind: string
  held_on: string
  hours: number
  trainer: string
  place: string
  staff_ids: number[]
  other_count: number
  note: string
}

/** A refused row of a sign-in sheet. */
export interface SignInRowError {
  row: number
  field: string
  reason: string
}

/**
 * POST /training/sessions/{id}/sign-in: the sheet's rows, the names matched to the school's active
 * key staff (added to the session's attendees) and the others (added to other_count).
 */
export interface SignInReport {
  rows: number
  matched: number
  others: number
  applied: boolean
  errors: SignInRowError[]
}

/** A school of 轮训看板. */
export interface TrainingBoardRow {
  unit_id: number
  unit_name: string
  /** Active key staff. */
  staff: number
  overdue: number
  due_soon: number
  /** The school's last session ("" for none). */
  last_session_on: string
  rotation: TrainingVerdict
  holiday: TrainingVerdict
}

export interface TrainingBoard {
  today: string
  rows: TrainingBoardRow[]
  totals: { schools: number; staff: number; overdue: number; due_soon: number }
}

const base = '/api/v1/training'
/** 签到表模板 (姓名, 岗位, 备注). */
export const TRAINING_SIGN_IN_TEMPLATE_PATH = `${base}/sign-in-template`
/** The sign-in sheet of a session: POST the .xlsx's bytes. */
export const signInPath = (sessionId: number): string => `${base}/sessions/${sessionId}/sign-in`
/** 轮训看板.xlsx. */
export const TRAINING_BOARD_EXPORT_PATH = `${base}/board/export`
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function isSignInReport(v: unknown): v is SignInReport {
  return typeof v === 'object' && v !== null && 'applied' in v && 'errors' in v
}

export const trainingApi = {
  /** A school's key staff (unit_id: the bureau must pass it; a school user's own school without). */
  staff: (unitId?: number) => http.get<TrainingStaffList>(`${base}/staff`, unitId ? { unit_id: unitId } : undefined),
  createStaff: (input: StaffCreateInput) => http.post<TrainingStaff>(`${base}/staff`, input),
  updateStaff: (id: number, input: StaffUpdateInput) => http.put<TrainingStaff>(`${base}/staff/${id}`, input),
  sessions: (unitId?: number, kind?: string) =>
    http.get<TrainingSessionList>(`${base}/sessions`, { unit_id: unitId || undefined, kind: kind || undefined }),
  session: (id: number) => http.get<TrainingSession>(`${base}/sessions/${id}`),
  createSession: (input: SessionInput) => http.post<TrainingSession>(`${base}/sessions`, input),
  deleteSession: (id: number) => http.del(`${base}/sessions/${id}`),
  /** 签到表模板.xlsx. */
  signInTemplate: (): Promise<Download> => download(TRAINING_SIGN_IN_TEMPLATE_PATH),
  /**
   * Posts a sign-in sheet (the .xlsx's bytes). A sheet refused with its rows (422 with a report) is
   * a result, not an error; any other failure throws the ApiError.
   */
  async signIn(sessionId: number, file: Blob): Promise<SignInReport> {
    try {
      return await request<SignInReport>('POST', signInPath(sessionId), { raw: file, contentType: XLSX_TYPE })
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && isSignInReport(e.body)) return e.body
      throw e
    }
  },
  board: () => http.get<TrainingBoard>(`${base}/board`),
  /** 轮训看板.xlsx. */
  exportBoard: (): Promise<Download> => download(TRAINING_BOARD_EXPORT_PATH),
}
