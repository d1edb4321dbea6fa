// Pure helpers of the audit log page (unit-tested in __tests__/auditHelpers.spec.ts).
import type { AuditQuery, AuditRecord, AuditResult, AuditVerification } from '@/api/admin'

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
  'campaign.',
  'checklist.',
  'drill.',
  'patrol.',
  'security.',
  'whistle.',
  'rules.',
  'fields.protect',
  'signature.sign',
  'access.denied',
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

// ---- Labels ----------------------------------------------------------------------------------

/** An audit record as the list reads it: `actor_name` (display name) when the server sends it. */
export type AuditRow = AuditRecord & { actor_name?: string; prev_hash?: string }

/** A node of a locale's message tree (the `audit` area). */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/** The string at a dotted path of a message tree; a branch or a missing key gives undefined. */
export function messageAt(tree: MessageTree | undefined, path: string): string | undefined {
  let cur: string | MessageTree | undefined = tree
  for (const part of path.split('.')) {
    if (cur === undefined || typeof cur === 'string' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined
    cur = cur[part]
  }
  return typeof cur === 'string' ? cur : undefined
}

/** A code's label; `known` false when the code has none and its text is the code itself. */
export interface CodeLabel {
  text: string
  known: boolean
}

const CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/

function labelOf(tree: MessageTree | undefined, area: string, code: string | null | undefined): CodeLabel {
  if (!code) return { text: '', known: true }
  const label = CODE.test(code) ? messageAt(tree, `${area}.${code}`) : undefined
  return label ? { text: label, known: true } : { text: code, known: false }
}

/** 操作: `hazard.assign` → 隐患交办. */
export function actionLabel(tree: MessageTree | undefined, code: string | null | undefined): CodeLabel {
  return labelOf(tree, 'action', code)
}

/** 对象类型: `supervision_order` → 督办单. */
export function objectTypeLabel(tree: MessageTree | undefined, code: string | null | undefined): CodeLabel {
  return labelOf(tree, 'objectType', code)
}

/** 来源: the client address as it is; the server's own sources (`local`, `rules`) by name. */
export function sourceLabel(tree: MessageTree | undefined, source: string | null | undefined): CodeLabel {
  if (!source) return { text: '', known: true }
  if (/^[0-9a-f:.]+$/i.test(source) && /[0-9]/.test(source) && /[.:]/.test(source)) return { text: source, known: true }
  return labelOf(tree, 'source', source)
}

/** 操作人: the display name, with the username beside it (muted); the system and the command line by name. */
export function actorLabel(tree: MessageTree | undefined, row: Pick<AuditRow, 'actor' | 'actor_name'>): { name: string; username: string } {
  const actor = row.actor ?? ''
  if (actor === 'system') return { name: messageAt(tree, 'actor.system') ?? actor, username: '' }
  if (actor.startsWith('cli:')) {
    const cli = messageAt(tree, 'actor.cli')
    return { name: cli ? cli.replace('{command}', actor.slice(4)) : actor, username: '' }
  }
  const name = row.actor_name?.trim()
  if (name && name !== actor) return { name, username: actor }
  return { name: actor, username: '' }
}

/** The codes of `codes` that have no action label in `tree` (a test keeps this empty). */
export function missingActionLabels(tree: MessageTree | undefined, codes: readonly string[]): string[] {
  return codes.filter((c) => !actionLabel(tree, c).known)
}
