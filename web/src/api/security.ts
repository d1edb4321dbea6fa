// 四个100% (measure 4): a school's security record (学校安防台账 — full-time guards, campus
// closure, one-key alarms, video, 护学岗 posts, patrol rounds), judged by the security rules into
// four indicators, and the bureau's board of the district's rates with its export; screening
// rounds (逐校筛查): the bureau opens a round over its schools, each school is screened once in the
// round's window on its record as it stands, with evidence per indicator, and every indicator
// failed becomes a hazard. The record's lists of guards, one-key alarms and 护学岗 posts also go
// in and out of spreadsheets for many schools at once (导入 replaces a school's list as a whole).
import { download, http, type Download } from './http'
import { importFormatOf, uploadImport, type ImportReport } from './imports'

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
  /** The screening rounds, oldest first (the trend by round); absent from an older server. */
  rounds?: ScreeningRound[]
}

// ---- Screening rounds (逐校筛查) ----

/** Before `from`, from `from` to `to`, after `to` (the server's calendar day). */
export type RoundWindow = 'not_open' | 'open' | 'ended'

/** GET /api/v1/security/rounds: one round, counted over the caller's scope (a school: itself). */
export interface ScreeningRound {
  id: number
  name: string
  /** YYYY-MM-DD. */
  from: string
  to: string
  bureau_id: number
  bureau_name: string
  window: RoundWindow | string
  created_by: string
  created_at: string
  /** The round's schools in the caller's scope. */
  schools: number
  screened: number
  hazards_raised: number
  hazards_open: number
  rates: SecurityRates
}

export interface ScreeningRoundList {
  items: ScreeningRound[]
  /** The caller may open a round (campaign:manage). */
  can_open: boolean
}

/** POST /api/v1/security/rounds; no school_ids: every school in the caller's scope. */
export interface ScreeningRoundInput {
  name: string
  from: string
  to: string
  school_ids?: number[]
}

/** A hazard a screening raised (or found already open for the indicator). */
export interface ScreeningHazard {
  indicator: SecurityIndicator | string
  hazard_id: number
  title: string
  state: string
  state_label: string
}

/** One school of a round (rows ordered by school name). */
export interface ScreeningRow {
  school_id: number
  school_name: string
  screened: boolean
  screened_at?: string | null
  screened_by?: string | null
  /** Only when screened. */
  indicators?: SecurityIndicators | null
  /** The failed rules with their reasons, one a line; "" when all met. */
  reasons?: string | null
  hazards: ScreeningHazard[]
}

/** GET /api/v1/security/rounds/{id}. */
export interface ScreeningRoundView extends ScreeningRound {
  /** The caller holds security:record. */
  can_screen: boolean
  rows: ScreeningRow[]
}

export interface ScreeningEvidenceFile {
  id: number
  name: string
  content_type: string
  size: number
}

export interface ScreeningEvidence {
  indicator: SecurityIndicator
  label: string
  note: string
  files: ScreeningEvidenceFile[]
}

/** GET /api/v1/security/rounds/{id}/schools/{school_id}: one school's screening in a round. */
export interface ScreeningView {
  round: ScreeningRound
  school_id: number
  school_name: string
  screened: boolean
  screened_at?: string | null
  screened_by?: string | null
  indicators?: SecurityIndicators | null
  reasons?: string | null
  /** Empty when not screened. */
  evidence: ScreeningEvidence[]
  hazards: ScreeningHazard[]
  /** The record judged today: what screening now would give. */
  current: {
    recorded: boolean
    indicators: SecurityIndicators
    findings: { rule: string; title: string; outcome: 'pass' | 'fail' | string; reason: string }[]
  }
  /** The caller may screen now (permission, window open, not yet screened). */
  can_screen: boolean
}

/** The body of POST …/screen: each of the four indicators once, a note or photos (≤ 9) each. */
export interface ScreeningInput {
  evidence: { indicator: SecurityIndicator; note: string; file_ids: number[] }[]
}

// ---- The record's lists in and out of spreadsheets ----

/** The record's lists that are imported and exported: 保安员, 一键报警, 护学岗. */
export type SecurityList = 'guards' | 'alarms' | 'posts'
export const SECURITY_LISTS: readonly SecurityList[] = ['guards', 'alarms', 'posts']

/**
 * Where a list is imported (POST, the file's bytes as the body; ?list=…&format=xlsx|csv). All or
 * nothing: for every school in the file (by 学校代码) that list is replaced by the file's rows.
 */
export const SECURITY_IMPORT_PATH = '/api/v1/security/import'
/** The blank template of a list (?list=…): 保安员导入模板.xlsx, 一键报警导入模板.xlsx, 护学岗导入模板.xlsx. */
export const SECURITY_TEMPLATE_PATH = '/api/v1/security/import-template'
/** A list of every school in the caller's scope (?list=…), the template's columns: 保安员名册.xlsx … */
export const SECURITY_EXPORT_PATH = '/api/v1/security/export'

export const securityListsApi = {
  template: (list: SecurityList): Promise<Download> => download(SECURITY_TEMPLATE_PATH, { list }),
  /** A refused import (422 with the report) is a result, not an error. */
  import: (list: SecurityList, file: File): Promise<ImportReport> =>
    uploadImport(SECURITY_IMPORT_PATH, file, { format: importFormatOf(file.name), extra: { list } }),
  export: (list: SecurityList): Promise<Download> => download(SECURITY_EXPORT_PATH, { list }),
}

export const securityApi = {
  get: (schoolId: number) => http.get<SchoolSecurity>(`/api/v1/schools/${schoolId}/security`),
  /** 422 with the fields' paths (guards[0].name, video.retention_days); 409 when `version` is stale. */
  save: (schoolId: number, input: SecurityInput) => http.put<SchoolSecurity>(`/api/v1/schools/${schoolId}/security`, input),
  board: (date?: string) => http.get<SecurityBoard>('/api/v1/security/board', { date }),
  /** The board as a spreadsheet. */
  export: (date?: string) => download('/api/v1/security/board/export', { date }),
  /** The rounds, newest first, and whether the caller may open one. */
  rounds: () => http.get<ScreeningRoundList>('/api/v1/security/rounds'),
  /** 422 fields: name, from, to, school_ids[i]. */
  openRound: (input: ScreeningRoundInput) => http.post<ScreeningRoundView>('/api/v1/security/rounds', input),
  round: (id: number) => http.get<ScreeningRoundView>(`/api/v1/security/rounds/${id}`),
  screening: (id: number, schoolId: number) => http.get<ScreeningView>(`/api/v1/security/rounds/${id}/schools/${schoolId}`),
  /**
   * 422 fields: evidence, evidence[i].indicator, evidence[i].note, evidence[i].file_ids[j]; 409 with the
   * rule as details[0].field: screening.not_open, screening.ended, screening.done, screening.no_record.
   */
  screen: (id: number, schoolId: number, input: ScreeningInput) =>
    http.post<ScreeningView>(`/api/v1/security/rounds/${id}/schools/${schoolId}/screen`, input),
  /** The round as a spreadsheet (安防筛查_<name>.xlsx). */
  exportRound: (id: number) => download(`/api/v1/security/rounds/${id}/export`),
}
