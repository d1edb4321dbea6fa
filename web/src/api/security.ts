// 四个100% (measure 4): a school's security record (学校安防台账 — full-time guards, campus
// closure, one-key alarms, video, 护学岗 posts, patrol rounds), judged by the security rules into
// four indicators, and the bureau's board of the district's rates with its export.
import { download, http } from './http'

export type SecurityPeak = 'morning' | 'afternoon'
export type SecurityPostKind = 'police' | 'auxiliary' | 'guard' | 'teacher' | 'volunteer'
/** The four indicators and 四个100% itself (all four met). */
export type SecurityIndicator = 'guards' | 'closed_campus' | 'alarm_video' | 'gate_duty'
export type SecurityIndicatorKey = SecurityIndicator | 'all'

export interface SecurityGuard {
  /** Absent for a new entry; kept when an entry is edited. */
  id?: number
  name: string
  full_time: boolean
  /** 保安员证编号; empty: none. */
  license_no: string
  /** YYYY-MM-DD or null. */
  birth_date: string | null
  employer: string
  shifts: string
}

export interface SecurityAlarm {
  id?: number
  location: string
  linked_110: boolean
  linked_bureau: boolean
  /** YYYY-MM-DD or null. */
  last_test: string | null
}

export interface SecurityVideo {
  /** Codes of `video_areas` covered. */
  areas: string[]
  retention_days: number
  /** A fault not yet repaired, reported that day (YYYY-MM-DD), or null. */
  open_fault_since: string | null
  last_repair: string | null
}

export interface SecurityPost {
  id?: number
  gate: string
  peak: SecurityPeak | string
  people: number
  kinds: (SecurityPostKind | string)[]
}

export interface SecurityVideoArea {
  code: string
  label: string
  /** Required for this school (a dormitory entrance only for boarding schools …). */
  required: boolean
}

export interface SecurityFinding {
  rule: string
  title: string
  outcome: 'pass' | 'fail' | string
  outcome_label: string
  reason: string
}

export type SecurityIndicators = Record<SecurityIndicatorKey, boolean>

/** The fields the school keeps (the body of PUT, with `version`). */
export interface SecurityRecordData {
  has_canteen: boolean
  perimeter: boolean
  gate_controlled: boolean
  visitor_register: boolean
  gate_house_staffed: boolean
  guards: SecurityGuard[]
  alarms: SecurityAlarm[]
  video: SecurityVideo
  posts: SecurityPost[]
  patrols_per_day: number
}

export interface SecurityInput extends SecurityRecordData {
  /** The version read (0 for a record never saved); 409 when another save came first. */
  version: number
}

/** GET /api/v1/schools/{id}/security. */
export interface SchoolSecurity extends SecurityRecordData {
  school_id: number
  school_name: string
  students: number
  staff: number
  boarding: boolean
  boarders: number
  /** False: never filled (version 0, every field empty). */
  recorded: boolean
  version: number
  updated_at: string | null
  updated_by: string | null
  required_guards: number
  video_areas: SecurityVideoArea[]
  findings: SecurityFinding[]
  indicators: SecurityIndicators
  can_edit: boolean
}

export interface SecurityRate {
  compliant: number
  screened: number
  /** Tenths of a percent, rounded down (833 → 83.3 %). */
  permille: number
}

export type SecurityRates = Record<SecurityIndicatorKey, SecurityRate>

export interface SecurityShortSchool {
  school_id: number
  school_name: string
  indicators: SecurityIndicators
  reasons: { rule: string; title: string; reason: string }[]
}

/** GET /api/v1/security/board. */
export interface SecurityBoard {
  /** YYYY-MM-DD. */
  date: string
  /** YYYY-MM. */
  month: string
  schools: number
  screened: number
  rates: SecurityRates
  short: SecurityShortSchool[]
  unscreened: { school_id: number; school_name: string }[]
  trend: { month: string; rates: SecurityRates }[]
}

export const securityApi = {
  get: (schoolId: number) => http.get<SchoolSecurity>(`/api/v1/schools/${schoolId}/security`),
  /** 422 with the fields' paths (guards[0].name, video.retention_days); 409 when `version` is stale. */
  save: (schoolId: number, input: SecurityInput) => http.put<SchoolSecurity>(`/api/v1/schools/${schoolId}/security`, input),
  board: (date?: string) => http.get<SecurityBoard>('/api/v1/security/board', { date }),
  /** The board as a spreadsheet. */
  export: (date?: string) => download('/api/v1/security/board/export', { date }),
}
