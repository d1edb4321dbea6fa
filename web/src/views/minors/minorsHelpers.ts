// 未成年人信息查阅's pure helpers (unit-tested in __tests__/minorsHelpers.spec.ts): a grant's state as a
// tag, its period, whose it is, the order a decider reads them in, and the report's years.
import { LETTER_RECEIPT_KIND, MINORS_GRANT_STATES, type MinorsGrant, type MinorsGrantState } from '@/api/minors'
import { chinaMinute } from '@/views/edu/letterHelpers'

type T = (key: string, values?: Record<string, unknown>) => string

export { chinaMinute }

/** The tabs of the page, in their order. */
export type MinorsTab = 'mine' | 'approve' | 'report'
export const MINORS_TABS: readonly MinorsTab[] = ['mine', 'approve', 'report']

export interface TabRights {
  /** Asks for grants: edu:read, above the schools (a school's own staff need none). */
  request: boolean
  /** Decides on them: minors:grant. */
  decide: boolean
  /** Reads the yearly report: minors:grant or audit:read. */
  report: boolean
}

/** The tabs a user sees. */
export function tabsFor(r: TabRights): MinorsTab[] {
  const out: MinorsTab[] = []
  if (r.request) out.push('mine')
  if (r.decide) out.push('approve')
  if (r.report) out.push('report')
  return out
}

/** The tab a link asks for (?tab=approve) when the user sees it, else the first they see. */
export function initialTab(query: unknown, tabs: readonly MinorsTab[]): MinorsTab | null {
  const q = typeof query === 'string' ? query : Array.isArray(query) ? query[0] : undefined
  if (typeof q === 'string' && (tabs as readonly string[]).includes(q)) return q as MinorsTab
  return tabs[0] ?? null
}

const TAG: Record<MinorsGrantState, 'warning' | 'success' | 'info' | 'danger'> = {
  requested: 'warning',
  active: 'success',
  expired: 'info',
  refused: 'danger',
  revoked: 'info',
}

export function stateTagType(state: string): 'warning' | 'success' | 'info' | 'danger' {
  return (TAG as Record<string, 'warning' | 'success' | 'info' | 'danger'>)[state] ?? 'info'
}

/** The state's name: the console's, else the server's label, else the code. */
export function stateText(t: T, g: Pick<MinorsGrant, 'state' | 'state_label'>): string {
  if ((MINORS_GRANT_STATES as readonly string[]).includes(g.state)) return t(`minors.state.${g.state}`)
  return g.state_label || g.state
}

/** What is read: the server's label, else the console's, else the code. */
export function kindText(t: T, kind: string, label?: string): string {
  if (label) return label
  return kind === LETTER_RECEIPT_KIND ? t(`minors.kind.${kind}`) : kind
}

/** 2026-12-07 09:30 至 2026-12-14 09:30 once approved; '' before. */
export function periodText(t: T, g: Pick<MinorsGrant, 'from' | 'until'>): string {
  if (!g.from || !g.until) return ''
  return t('minors.period', { from: chinaMinute(g.from), until: chinaMinute(g.until) })
}

/** 周科长（示范区教育局）, or the name alone. */
export function granteeText(t: T, g: Pick<MinorsGrant, 'grantee' | 'grantee_name' | 'grantee_unit_name'>): string {
  const name = g.grantee_name || g.grantee
  return g.grantee_unit_name ? t('minors.by', { name, unit: g.grantee_unit_name }) : name
}

/** The caller's own requests, in the server's order (newest first). */
export function ownGrants(items: readonly MinorsGrant[], username: string | undefined): MinorsGrant[] {
  return items.filter((g) => g.grantee === username)
}

/**
 * Others' requests about the schools the caller decides for: those waiting for the caller first,
 * then the active ones the caller may end, then the rest; newest first within each.
 */
export function decisionGrants(items: readonly MinorsGrant[], username: string | undefined): MinorsGrant[] {
  const rank = (g: MinorsGrant) => (g.can_decide ? 0 : g.can_revoke ? 1 : 2)
  return items
    .filter((g) => g.grantee !== username)
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i)
    .map((x) => x.g)
}

/** How many requests wait for the caller's decision. */
export const waitingCount = (items: readonly MinorsGrant[]): number => items.filter((g) => g.can_decide).length

/** The caller's request still open (requested or active) for a school and kind, if any. */
export function openGrant(items: readonly MinorsGrant[], unitId: number, kind: string): MinorsGrant | undefined {
  return items.find((g) => g.unit_id === unitId && g.kind === kind && (g.state === 'requested' || g.state === 'active'))
}

/** This year in China, and the four before it: the report's years, newest first. */
export function reportYears(now: number = Date.now()): number[] {
  const year = new Date(now + 8 * 3_600_000).getUTCFullYear()
  return [0, 1, 2, 3, 4].map((n) => year - n)
}
