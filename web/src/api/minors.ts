// 未成年人信息 (minors' data): records about individual students are sensitive. Today the only such
// record is the parents' receipts of a school's letter (家长回执名单: the students' names). A school's
// own staff read them as their duties need; a user above the school (the bureau's staff with
// edu:read whose scope covers the school) reads them only through a time-limited grant (查阅授权)
// that the school's responsible person approved (minors:grant, the school leader's). Every read of
// the names is logged; the yearly report (minors:grant or audit:read) says who read which school's
// records how often. Types follow the API contract (snake_case).
import { download, http, type Download } from './http'

/** The sensitive record kinds one may ask to read. */
export type MinorsKind = 'edu_letter_receipt'
export const LETTER_RECEIPT_KIND: MinorsKind = 'edu_letter_receipt'

/**
 * Where a grant stands: requested (待审批), active (生效中: approved, its days not over), expired
 * (已到期), refused (已拒绝), revoked (已撤销).
 */
export type MinorsGrantState = 'requested' | 'active' | 'expired' | 'refused' | 'revoked'
export const MINORS_GRANT_STATES: readonly MinorsGrantState[] = ['requested', 'active', 'expired', 'refused', 'revoked']

/** The most days a grant may run, and the days a request asks for unless changed. */
export const GRANT_DAYS_MAX = 30
export const GRANT_DAYS_DEFAULT = 7
/** The most characters of a request's reason. */
export const GRANT_REASON_MAX = 500

export interface MinorsGrant {
  id: number
  /** Who asked (a username) and, to show, their name and unit. */
  grantee: string
  grantee_name: string
  grantee_unit_name: string
  /** The school whose records are read. */
  unit_id: number
  unit_name: string
  kind: MinorsKind | string
  /** 家长回执名单（学生姓名）. */
  kind_label: string
  reason: string
  /** The days asked for, 1–30. */
  days: number
  state: MinorsGrantState | string
  /** 待审批 / 生效中 / 已到期 / 已拒绝 / 已撤销. */
  state_label: string
  /** ISO instant. */
  requested_at: string
  decided_by: string
  decided_by_name: string
  decided_at: string | null
  /** The decider's note (a refusal's reason). */
  note: string
  /** Set on approval: from the approval, until from + days. */
  from: string | null
  until: string | null
  /** The caller may approve or refuse: requested, minors:grant over the school, not their own request. */
  can_decide: boolean
  /** The caller may end it: active, and the caller is the grantee or may decide. */
  can_revoke: boolean
}

export interface MinorsKindOption {
  code: MinorsKind | string
  label: string
}

/** POST /api/v1/minors/grants. */
export interface MinorsGrantInput {
  unit_id: number
  kind: MinorsKind | string
  reason: string
  days: number
}

/** One reader's reads of one school's records of a kind in the year, by way (own staff or a grant). */
export interface MinorsReportRow {
  reader: string
  reader_name: string
  reader_unit_name: string
  unit_id: number
  unit_name: string
  kind: MinorsKind | string
  kind_label: string
  /** How many times. */
  reads: number
  /** The rows shown in all. */
  records: number
  first_at: string
  last_at: string
  /** Read through a grant (else as the school's own staff). */
  via_grant: boolean
}

/** The grants requested in the year, by what became of them. */
export interface MinorsGrantCounts {
  requested: number
  approved: number
  refused: number
  revoked: number
}

export interface MinorsReport {
  year: number
  rows: MinorsReportRow[]
  grants: MinorsGrantCounts
}

const base = '/api/v1/minors'

export const minorsApi = {
  /**
   * The caller's own requests and, for holders of minors:grant or audit:read, those about the
   * schools in their scope, newest first; `mine` keeps the caller's own.
   */
  grants: (mine = false) => http.get<{ items: MinorsGrant[] }>(`${base}/grants`, mine ? { mine: true } : undefined),
  kinds: () => http.get<{ items: MinorsKindOption[] }>(`${base}/kinds`),
  /**
   * 201 a request (edu:read). 422 names unit_id (not a school in scope, or the caller's own),
   * kind, reason (required, ≤ 500) or days (1–30); 409 minors.grant_open when the caller already
   * has one requested or active for the school and kind.
   */
  request: (input: MinorsGrantInput) => http.post<MinorsGrant>(`${base}/grants`, input),
  /** minors:grant; 403 on one's own request, 409 minors.grant_decided when decided meanwhile. */
  approve: (id: number, note = '') => http.post<MinorsGrant>(`${base}/grants/${id}/approve`, note ? { note } : {}),
  refuse: (id: number, note: string) => http.post<MinorsGrant>(`${base}/grants/${id}/refuse`, { note }),
  /** Ends an active grant (the grantee, or one who may decide). */
  revoke: (id: number) => http.post<MinorsGrant>(`${base}/grants/${id}/revoke`),
  /** minors:grant or audit:read (403 otherwise). */
  report: (year: number) => http.get<MinorsReport>(`${base}/access-report`, { year }),
  /** 未成年人信息查阅报告.xlsx. */
  exportReport: (year: number): Promise<Download> => download(`${base}/access-report/export`, { year }),
}
