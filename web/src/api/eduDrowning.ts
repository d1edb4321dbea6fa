// 防溺水警示提醒 (rule edu.drowning): the days a class is warned about drowning, computed by the
// server from the school's calendar — in the warm season the last school days of each week (one for
// a city school, three for a rural, township or urban-rural-fringe one), the last school day before
// a holiday or the summer vacation, and every school day of a bureau's 专项预警 campaign. The class
// teacher records that the warning was given (已提醒, edu:checkin); a 1530 check-in about drowning
// that day counts too. The bureau reads the completion by school, a school by class (edu:read), and
// issues and withdraws campaigns (edu:content). Types follow the API contract (snake_case).
import { download, http, type Download, type Query } from './http'
import type { EduCompletion, EduCompletionQuery, EduSessionState } from './edu'
import type { SchoolLocationType } from './eduWaters'

/** Why a day is a warning day: 周末前, 加密提醒 (the week's other days), 节假日前, 专项预警. */
export type DrowningReason = 'weekend' | 'frequency' | 'holiday' | 'campaign'
export const DROWNING_REASONS: readonly DrowningReason[] = ['weekend', 'frequency', 'holiday', 'campaign']

/** The schools' locations a campaign may be aimed at, with the server's labels. */
export const DROWNING_LOCATION_TYPES: readonly { code: Exclude<SchoolLocationType, ''>; label: string }[] = [
  { code: 'urban', label: '城区' },
  { code: 'township', label: '镇区' },
  { code: 'rural', label: '乡村' },
  { code: 'fringe', label: '城乡结合部' },
]

/** The most characters of a warning's note. */
export const DROWNING_NOTE_MAX = 200
export const CAMPAIGN_TITLE_MAX = 60
export const CAMPAIGN_TEXT_MAX = 2000
/** A campaign runs at most this many days (from and to included). */
export const CAMPAIGN_DAYS_MAX = 120

/** A campaign covering the warning day, as the teacher's card shows it. */
export interface DrowningCampaignRef {
  id: number
  title: string
  text: string
}

/** The teacher's own record of a warning given. */
export interface DrowningWarningRecord {
  id: number
  note: string
  by: string
  by_name: string
  /** ISO instant. */
  at: string
  /** The China date it was recorded on (YYYY-MM-DD): the warning day, or later (补录). */
  on: string
}

/** One warning day of one class. */
export interface DrowningWarningItem {
  class_id: number
  class_name: string
  grade: number
  grade_label: string
  school_id: number
  school_name: string
  /** YYYY-MM-DD. */
  date: string
  reasons: (DrowningReason | string)[]
  /** 周末前, 加密提醒, 节假日前, 专项预警, in the order of `reasons`. */
  reason_labels: string[]
  /** The holiday or vacation ahead (暑假, 端午节), else "". */
  occasion: string
  campaigns: DrowningCampaignRef[]
  state: EduSessionState | string
  /** 待开展, 今日待完成, 已完成, 补录, 未开展. */
  state_label: string
  /** What counted: the teacher's record (warning), a 1530 check-in about drowning (checkin), or nothing yet (""). */
  via: 'warning' | 'checkin' | ''
  checkin_id: number | null
  /** What the teacher says: the 六不 content for the class's age group. */
  text: string
  /** The caller may record it now (its day, or within the late limit). */
  can_give: boolean
  warning: DrowningWarningRecord | null
}

export interface DrowningWarningsQuery {
  class_id?: number
  /** The day (default today). */
  date?: string
}

/**
 * GET /api/v1/edu/drowning/warnings: the day's warnings first, then earlier ones still open for a
 * late record (补录), then the last 14 days' missed ones.
 */
export interface DrowningWarnings {
  /** Today in China, YYYY-MM-DD. */
  today: string
  /** How many days after a warning day it can still be recorded. */
  late_days: number
  items: DrowningWarningItem[]
}

/** POST /api/v1/edu/drowning/warnings. */
export interface DrowningWarningInput {
  class_id: number
  date: string
  /** At most 200 characters. */
  note?: string
}

// ---- The board ----

export type DrowningBoardQuery = EduCompletionQuery

export interface DrowningSchoolRow extends EduCompletion {
  school_id: number
  school_name: string
  location_type: SchoolLocationType | string
  /** 城区 / 镇区 / 乡村 / 城乡结合部, "" when not recorded. */
  location_type_label: string
  /** Rural, township or fringe: warned more often (重点学校). */
  high_risk: boolean
  classes: number
  /** The school's warning days in the period. */
  days: number
}

export interface DrowningClassRow extends EduCompletion {
  class_id: number
  class_name: string
  grade: number
  grade_label: string
  teacher: string
  teacher_name: string
}

export interface DrowningMissing {
  class_id: number
  class_name: string
  /** 0 (幼儿园/未分年级), 1–12. */
  grade: number
  grade_label: string
  date: string
}

interface DrowningBoardBase {
  from: string
  to: string
  /** "2026年第23周", "2025—2026学年第二学期". */
  label: string
  totals: EduCompletion
  /** The rural, township and fringe schools. */
  high_risk: EduCompletion
  /** The others (the city schools, and those whose location is not recorded). */
  other: EduCompletion
}

/** Without school_id: the district by school, lowest rate first. */
export interface DrowningDistrictBoard extends DrowningBoardBase {
  scope: 'district'
  schools: DrowningSchoolRow[]
}

/** With school_id: the school by class, and the warnings not given (newest first, at most 500). */
export interface DrowningSchoolBoard extends DrowningBoardBase {
  scope: 'school'
  school_id: number
  school_name: string
  location_type: SchoolLocationType | string
  /** 城区 / 镇区 / 乡村 / 城乡结合部, "" when not recorded. */
  location_type_label: string
  /** Rural, township or fringe: warned more often (重点学校). */
  high_risk_school: boolean
  /** The school's warning days in the period. */
  days: number
  classes: DrowningClassRow[]
  missing: DrowningMissing[]
}

export type DrowningBoard = DrowningDistrictBoard | DrowningSchoolBoard

// ---- Campaigns (专项预警) ----

export interface DrowningCampaign {
  id: number
  unit_id: number
  unit_name: string
  title: string
  text: string
  from: string
  to: string
  /** Empty: every school under the issuing unit. */
  location_types: (SchoolLocationType | string)[]
  location_type_labels: string[]
  created_by: string
  created_by_name: string
  created_at: string
  /** The caller may withdraw it (edu:content over the issuing unit). */
  can_delete: boolean
}

/** POST /api/v1/edu/drowning/campaigns. */
export interface DrowningCampaignInput {
  /** At most 60 characters. */
  title: string
  /** What the class teachers say, at most 2000 characters. */
  text: string
  from: string
  /** Not before today, at most 120 days after `from` (both included). */
  to: string
  location_types: string[]
}

const base = '/api/v1/edu/drowning'
export const DROWNING_BOARD_EXPORT_PATH = `${base}/board/export`

export const eduDrowningApi = {
  /** The caller's classes' warnings (every class they teach by default), today by default. */
  warnings: (query: DrowningWarningsQuery = {}) => http.get<DrowningWarnings>(`${base}/warnings`, { ...query } as Query),
  /**
   * 201 the warning day, done or late; 422 field `date` (not a warning day, too early, past the
   * late limit) or `note`; 409 already recorded (or counted from a 1530 check-in about drowning).
   */
  give: (input: DrowningWarningInput) => http.post<DrowningWarningItem>(`${base}/warnings`, input),
  board: (query: DrowningBoardQuery = {}) => http.get<DrowningBoard>(`${base}/board`, { ...query } as Query),
  /** The same view as 防溺水提醒完成情况.xlsx. */
  exportBoard: (query: DrowningBoardQuery = {}): Promise<Download> => download(DROWNING_BOARD_EXPORT_PATH, { ...query } as Query),
  /** Those issued by the caller's units and those above aimed at them, newest first. */
  campaigns: () => http.get<{ items: DrowningCampaign[] }>(`${base}/campaigns`),
  /** 201; 422 names the field (title, text, from, to, location_types). */
  createCampaign: (input: DrowningCampaignInput) => http.post<DrowningCampaign>(`${base}/campaigns`, input),
  /** 204. */
  removeCampaign: (id: number) => http.del(`${base}/campaigns/${id}`),
}
