// Account administration (三员): users (system administrator), roles, role assignment and the
// security policy (security administrator), the audit log (audit administrator).
// Types follow docs/api/openapi.yaml (schemas User, UserInput, CreatedUser, InitialPassword,
// UserStatusInput, UserRoles, UserRolesInput, Role, RoleInput, PasswordPolicy, AuditRecord,
// AuditPage, AuditVerification).
import { download, http, type Download, type Page } from './http'
import type { ScopeKind } from './auth'

export type { ScopeKind } from './auth'

// ---- users ------------------------------------------------------------------------------------

/** 账号状态: active 正常, locked 锁定 (by an administrator), disabled 停用. */
export type UserStatus = 'active' | 'locked' | 'disabled'

export const userStatuses: readonly UserStatus[] = ['active', 'locked', 'disabled']

export interface User {
  id: number
  username: string
  display_name: string
  unit_id: number
  unit_name: string
  /** Mainland mobile number (11 digits starting with 1); "" or absent when none. */
  mobile?: string
  status: UserStatus
  must_change_password: boolean
  /** Consecutive wrong passwords since the last successful login or unlock. */
  failed_logins: number
  /** End of the timed lockout after too many wrong passwords (may lie in the past). */
  locked_until: string | null
  expires_at: string | null
  last_login_at: string | null
  created_at: string
}

export type UserPage = Page<User>

/** Body of POST /api/v1/users. */
export interface UserInput {
  username: string
  display_name: string
  unit_id: number
  /** UTC instant `YYYY-MM-DDTHH:MM:SS.mmmZ`; absent or null = never. */
  expires_at?: string | null
  /** Optional mobile number (11 digits starting with 1). */
  mobile?: string
}

/** Body of PUT /api/v1/users/{id}: what the system administrator may change of an account. */
export interface UserProfileInput {
  display_name: string
  /** "" removes the number. */
  mobile: string
}

/** An account created by an import, with its initial password (shown only in this answer). */
export interface ImportedAccount {
  username: string
  display_name: string
  initial_password: string
}

export const USER_IMPORT_PATH = '/api/v1/users/import'
export const USER_TEMPLATE_PATH = '/api/v1/users/import-template'

export interface CreatedUser {
  user: User
  /** Generated, 16 characters; shown only in this answer. */
  initial_password: string
}

export interface InitialPassword {
  initial_password: string
}

export interface UserStatusInput {
  status: UserStatus
}

export interface UserRoles {
  roles: string[]
  scope_unit_ids: number[]
}

/** Body of PUT /api/v1/users/{id}/roles. */
export interface UserRolesInput {
  roles: string[]
  scope_unit_ids?: number[]
}

export type UserSort = 'username' | '-username' | 'created_at' | '-created_at'

/** Query of GET /api/v1/users. */
export interface UserQuery {
  q?: string
  unit_id?: number
  status?: UserStatus
  page?: number
  page_size?: number
  sort?: UserSort
}

// ---- roles and policy -------------------------------------------------------------------------

/** `<capability>:<action>`, e.g. `school:write`. */
export type Permission = string

export interface Role {
  code: string
  name: string
  scope: ScopeKind
  /** Built-in roles are defined in the code and cannot be changed through the API. */
  builtin: boolean
  permissions: Permission[]
}

export type RolePage = Page<Role>

/** Body of PUT /api/v1/roles/{code}. */
export interface RoleInput {
  name: string
  scope: ScopeKind
  permissions: Permission[]
}

/** The three administrator roles that no account may combine (三员分立). */
export const adminRoleCodes = ['system_admin', 'security_admin', 'audit_admin'] as const

export interface PasswordPolicy {
  min_length: number
  min_classes: number
  history: number
  max_age_days: number
  lockout_threshold: number
  lockout_minutes: number
  idle_minutes: number
  absolute_hours: number
  address_attempts_per_minute: number
  totp_required_for_admins: boolean
}

// ---- audit ------------------------------------------------------------------------------------

/** 结果: ok 成功, failed 失败, denied 拒绝. */
export type AuditResult = 'ok' | 'failed' | 'denied'

export const auditResults: readonly AuditResult[] = ['ok', 'failed', 'denied']

export interface AuditRecord {
  id: number
  /** UTC instant. */
  at: string
  actor: string
  unit_id: number | null
  action: string
  object_type: string
  object_id: string
  result: AuditResult
  source: string
  request_id: string
  summary: string
  /** Chain hash of this record (hex). */
  hash: string
}

export type AuditPage = Page<AuditRecord>

/** Query of GET /api/v1/audit-logs and its export. */
export interface AuditQuery {
  /** Exact username. */
  actor?: string
  /** Action prefix, e.g. `auth.` or `auth.login`. */
  action?: string
  result?: AuditResult
  /** At or after this UTC instant. */
  from?: string
  /** Before this UTC instant (exclusive). */
  to?: string
  page?: number
  page_size?: number
}

export interface AuditVerification {
  /** Records verified (before the break, if any). */
  checked: number
  intact: boolean
  /** Only when not intact. */
  first_broken_id?: number
  /** Only when not intact. */
  reason?: string
}

// ---- units (for pickers) ----------------------------------------------------------------------

/** The part of a unit that a picker needs (GET /api/v1/units answers more). */
export interface UnitOption {
  id: number
  name: string
  kind: string
  code: string | null
}

// ---- client -----------------------------------------------------------------------------------

export const usersApi = {
  list: (query: UserQuery = {}) => http.get<UserPage>('/api/v1/users', { ...query }),
  get: (id: number) => http.get<User>(`/api/v1/users/${id}`),
  create: (input: UserInput) => http.post<CreatedUser>('/api/v1/users', input),
  update: (id: number, input: UserProfileInput) => http.put<User>(`/api/v1/users/${id}`, input),
  setStatus: (id: number, status: UserStatus) =>
    http.put<User>(`/api/v1/users/${id}/status`, { status } satisfies UserStatusInput),
  resetPassword: (id: number) => http.post<InitialPassword>(`/api/v1/users/${id}/reset-password`),
  resetTotp: (id: number) => http.post<void>(`/api/v1/users/${id}/totp-reset`),
  /**
   * Lifts what failed logins locked (needs policy:write): the account's timed lock and the lock of
   * every client address that failed too often under its name. A lock set by an administrator
   * (status `locked`) stays. Answers the user, its failure count cleared.
   */
  unlockLogin: (id: number) => http.post<User>(`/api/v1/users/${id}/unlock`),
  roles: (id: number) => http.get<UserRoles>(`/api/v1/users/${id}/roles`),
  setRoles: (id: number, input: UserRolesInput) => http.put<void>(`/api/v1/users/${id}/roles`, input),
}

export const rolesApi = {
  list: () => http.get<RolePage>('/api/v1/roles'),
  /** Creates the custom role `code` or replaces it (built-in roles answer 409). */
  save: (code: string, input: RoleInput) =>
    http.put<Role>(`/api/v1/roles/${encodeURIComponent(code)}`, input),
}

export const policyApi = {
  get: () => http.get<PasswordPolicy>('/api/v1/security-policy'),
  update: (policy: PasswordPolicy) => http.put<PasswordPolicy>('/api/v1/security-policy', policy),
}

export const auditApi = {
  search: (query: AuditQuery = {}) => http.get<AuditPage>('/api/v1/audit-logs', { ...query }),
  /** The matching records as 审计日志.xlsx. */
  export: (query: AuditQuery = {}): Promise<Download> => {
    const rest: AuditQuery = { ...query }
    delete rest.page
    delete rest.page_size
    return download('/api/v1/audit-logs/export', { ...rest })
  },
  verify: () => http.post<AuditVerification>('/api/v1/audit-logs/verify'),
}

export const unitOptionsApi = {
  /** Units whose name or code contains `q`, within the caller's scope (needs unit:read). */
  search: (q: string, pageSize = 50) =>
    http.get<Page<UnitOption>>('/api/v1/units', { q, page_size: pageSize }),
}
