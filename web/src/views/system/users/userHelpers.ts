// Pure helpers of the user list (unit-tested in __tests__/userHelpers.spec.ts).
import { adminRoleCodes, type User, type UserQuery, type UserStatus } from '@/api/admin'

export interface UserSearchForm {
  /** Username or display name contains this text. */
  q: string
  unit_id: number | null
  status: UserStatus | ''
}

export function emptyUserSearch(): UserSearchForm {
  return { q: '', unit_id: null, status: '' }
}

/** The filters of GET /api/v1/users: only what is filled in (the server refuses unknown keys). */
export function userFilter(form: UserSearchForm): Omit<UserQuery, 'page' | 'page_size' | 'sort'> {
  const query: UserQuery = {}
  const q = form.q.trim()
  if (q) query.q = q
  if (form.unit_id !== null && form.unit_id > 0) query.unit_id = form.unit_id
  if (form.status) query.status = form.status
  return query
}

/** The query of GET /api/v1/users for one page. */
export function buildUserQuery(form: UserSearchForm, page: number, pageSize: number): UserQuery {
  return { page, page_size: pageSize, ...userFilter(form) }
}

/** Whether the account is under a timed lockout after wrong passwords at `now`. */
export function timedLocked(user: Pick<User, 'locked_until'>, now: Date = new Date()): boolean {
  if (!user.locked_until) return false
  const until = Date.parse(user.locked_until)
  return Number.isFinite(until) && until > now.getTime()
}

/**
 * Whether wrong passwords have counted against the account since its last successful login or
 * unlock: the cue for 解除登录锁定. Address locks live only in the server's memory, so an account
 * without this cue may still be locked at some address; the action stays available for every row.
 */
export function hasLoginFailures(user: Pick<User, 'failed_logins' | 'locked_until'>, now: Date = new Date()): boolean {
  return user.failed_logins > 0 || timedLocked(user, now)
}

export type LockAction = 'lock' | 'unlock' | 'enable'

/**
 * What the lock button does for this user: lock an active account; unlock one that an
 * administrator locked or that is in a timed lockout (setting `active` clears both); enable a
 * disabled one.
 */
export function lockAction(user: Pick<User, 'status' | 'locked_until'>, now: Date = new Date()): LockAction {
  if (user.status === 'disabled') return 'enable'
  if (user.status === 'locked' || timedLocked(user, now)) return 'unlock'
  return 'lock'
}

export function statusFor(action: LockAction): UserStatus {
  return action === 'lock' ? 'locked' : 'active'
}

/** The administrator roles (三员) among `roles`; more than one cannot be combined. */
export function adminRolesIn(roles: readonly string[]): string[] {
  return roles.filter((r) => (adminRoleCodes as readonly string[]).includes(r))
}

const usernamePattern = /^[a-z0-9_.-]{3,32}$/

export function validUsername(name: string): boolean {
  return usernamePattern.test(name)
}

const mobilePattern = /^1[0-9]{10}$/

/** A mainland mobile number: 11 digits starting with 1 (spaces around it are ignored). */
export function validMobile(mobile: string): boolean {
  return mobilePattern.test(mobile.trim())
}

/** A mobile number as the list shows it: 138****1234. Anything that is not 11 digits shows as it is. */
export function maskMobile(mobile: string | null | undefined): string {
  const m = (mobile ?? '').trim()
  if (!/^[0-9]{11}$/.test(m)) return m
  return `${m.slice(0, 3)}****${m.slice(7)}`
}

/** A unit of the tree beside the user list; id 0 is the 全部 root (no unit filter). */
export interface UnitNode {
  id: number
  name: string
  children?: UnitNode[]
}

/** The tree beside the user list: a 全部 root over the organisation's units. */
export function unitFilterTree<T extends { id: number; name: string; children?: T[] }>(forest: readonly T[], allLabel: string): UnitNode[] {
  const strip = (rows: readonly T[]): UnitNode[] =>
    rows.map((r) => (r.children?.length ? { id: r.id, name: r.name, children: strip(r.children) } : { id: r.id, name: r.name }))
  return [{ id: 0, name: allLabel, children: strip(forest) }]
}

/** The unit_id filter a tree node stands for (the root: none). */
export function unitIdOfNode(id: number): number | null {
  return id > 0 ? id : null
}

/** The created accounts as text to copy: one per line, 用户名, 姓名 and 初始密码 separated by tabs (pastes into Excel). */
export function accountsText(accounts: readonly { username: string; display_name: string; initial_password: string }[], header: readonly string[]): string {
  return [header.join('\t'), ...accounts.map((a) => [a.username, a.display_name, a.initial_password].join('\t'))].join('\n')
}
