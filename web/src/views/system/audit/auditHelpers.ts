// Pure helpers of the audit log page (unit-tested in __tests__/auditHelpers.spec.ts).
import type { AuditQuery, AuditResult, AuditVerification } from '@/api/admin'

export interface AuditSearchForm {
  /** Exact username. */
  actor: string
  /** Action prefix (`auth.`, `auth.login`, `school.` …). */
  action: string
  result: AuditResult | ''
  /** Local date-times picked by the user: [from, to). */
  range: [Date, Date] | null
}

export function emptyAuditSearch(): AuditSearchForm {
  return { actor: '', action: '', result: '', range: null }
}

/**
 * The server stores UTC instants as text `YYYY-MM-DDTHH:MM:SS.mmmZ` and compares `from`/`to` as
 * text, so local picks are sent as UTC in exactly that form.
 */
export function toUtcInstant(d: Date): string {
  return d.toISOString()
}

/** The query of GET /api/v1/audit-logs (and its export): only what is filled in. */
export function buildAuditQuery(form: AuditSearchForm, page?: number, pageSize?: number): AuditQuery {
  const query: AuditQuery = {}
  if (page !== undefined) query.page = page
  if (pageSize !== undefined) query.page_size = pageSize
  const actor = form.actor.trim()
  if (actor) query.actor = actor
  const action = form.action.trim()
  if (action) query.action = action
  if (form.result) query.result = form.result
  if (form.range) {
    const [from, to] = form.range
    if (from && !Number.isNaN(from.getTime())) query.from = toUtcInstant(from)
    if (to && !Number.isNaN(to.getTime())) query.to = toUtcInstant(to)
  }
  return query
}

/** Common action prefixes offered while typing (free text is accepted too). */
export const actionSuggestions = [
  'auth.',
  'auth.login',
  'auth.lock',
  'auth.logout',
  'auth.password_change',
  'auth.verify',
  'user.',
  'user.create',
  'user.status',
  'user.reset_password',
  'user.totp_reset',
  'user.roles',
  'role.save',
  'policy.update',
  'audit.export',
  'region.',
  'unit.',
  'school.',
  'hazard.',
  'supervision.',
  'calendar.',
  'file.upload',
] as const

export function suggestActions(text: string): string[] {
  const t = text.trim().toLowerCase()
  return actionSuggestions.filter((a) => a.startsWith(t) && a !== t)
}

export interface VerificationView {
  type: 'success' | 'error'
  /** i18n key under admin.audit. */
  key: 'verifyIntact' | 'verifyBroken'
  params: { checked: number; id: number | string; reason: string }
}

export function describeVerification(v: AuditVerification): VerificationView {
  if (v.intact) {
    return { type: 'success', key: 'verifyIntact', params: { checked: v.checked, id: '', reason: '' } }
  }
  return {
    type: 'error',
    key: 'verifyBroken',
    params: { checked: v.checked, id: v.first_broken_id ?? '?', reason: v.reason ?? '' },
  }
}
