// 安全监管机构 (measure 18 of the school-safety plan): the safety office of the bureau and of each
// school — its name and its members, each full or part time (专职 / 兼职) with their qualifications —
// written whole with the version read, and judged for a school by the rule staffing.office (enough
// members, enough of them full time); and 队伍建设看板, every bureau and school of the caller's scope
// with its office's counts and verdict (exported as 安全监管机构.xlsx). Read with training:read (a
// unit outside the caller's scope is 404), written with training:manage. Types follow the API
// contract (snake_case).
import { download, http, type Download } from './http'

/** The server's limits (domain/staffing/staffing.hpp). */
export const STAFFING_MEMBERS_MAX = 50
export const STAFFING_NAME_MAX = 20
export const STAFFING_OFFICE_MAX = 40
export const STAFFING_POST_MAX = 40
export const STAFFING_QUALIFICATIONS_MAX = 100
export const STAFFING_PHONE_MAX = 20

/** The kind of unit an office is of. */
export type OfficeUnitKind = 'bureau' | 'school'

/** A rule's verdict (staffing.office): 达标 / 未达标. */
export interface StaffingVerdict {
  outcome: 'pass' | 'fail' | string
  outcome_label: string
  reason: string
}

/** A member of a safety office. */
export interface OfficeMember {
  name: string
  /** 职务: 主任, 专职安全员 … ("" for none). */
  post: string
  /** 专职 (else 兼职). */
  full_time: boolean
  /** 注册安全工程师、消防设施操作员 … ("" for none). */
  qualifications: string
  /** Masked (137****1234) where the server masks personal fields; sent back as read, kept. */
  phone: string
}

/** An office's members: all, full time, with a qualification written. */
export interface OfficeCounts {
  members: number
  full_time: number
  qualified: number
}

/** GET /staffing/offices/{unit_id}. */
export interface SafetyOffice {
  unit_id: number
  unit_name: string
  unit_kind: OfficeUnitKind | string
  /** 安全办公室, 安全管理科 … ("" before it is written). */
  name: string
  members: OfficeMember[]
  counts: OfficeCounts
  /** 0: not written yet. */
  version: number
  updated_by: string
  /** null when never written. */
  updated_at: string | null
  /** staffing.office, for a school only. */
  check: StaffingVerdict | null
  /** The caller holds training:manage. */
  can_edit: boolean
}

/** PUT /staffing/offices/{unit_id}: the whole office with the version read (409 when stale). */
export interface SafetyOfficeInput {
  version: number
  name: string
  members: OfficeMember[]
}

/** A unit of 队伍建设看板. */
export interface StaffingBoardRow {
  unit_id: number
  unit_name: string
  unit_kind: OfficeUnitKind | string
  /** "" when the unit has no office recorded. */
  office_name: string
  counts: OfficeCounts
  /** staffing.office, for a school only. */
  check: StaffingVerdict | null
}

/** GET /staffing/board: the bureaus first, then the schools. */
export interface StaffingBoard {
  rows: StaffingBoardRow[]
  totals: { offices: number; members: number; full_time: number }
}

const base = '/api/v1/staffing'
/** 安全监管机构.xlsx. */
export const STAFFING_BOARD_EXPORT_PATH = `${base}/board/export`

export const staffingApi = {
  office: (unitId: number) => http.get<SafetyOffice>(`${base}/offices/${unitId}`),
  save: (unitId: number, input: SafetyOfficeInput) => http.put<SafetyOffice>(`${base}/offices/${unitId}`, input),
  board: () => http.get<StaffingBoard>(`${base}/board`),
  /** 安全监管机构.xlsx. */
  exportBoard: (): Promise<Download> => download(STAFFING_BOARD_EXPORT_PATH),
}
