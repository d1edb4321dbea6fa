// Pure helpers of the screening rounds (筛查轮次, 逐校筛查): the window as a tag, the open-round
// form and the body it sends, the screening form (a note and photos per indicator) with its own
// checks and the body it sends, where the server's field errors land, a 409's rule in words.
// Unit-tested in __tests__/screeningHelpers.spec.ts.
import type { ApiErrorDetail } from '@/api/http'
import type { StoredFile } from '@/api/files'
import { filesApi } from '@/api/files'
import type {
  ScreeningEvidenceFile,
  ScreeningInput,
  ScreeningRound,
  ScreeningRoundInput,
  SecurityIndicator,
} from '@/api/security'
import type { TagType } from '@/utils/tags'
import { INDICATORS, type Translate } from './securityHelpers'

/** Photos an indicator may carry (the server's limit). */
export const MAX_PHOTOS = 9

/** The window's tag: 未开始 amber, 进行中 blue, 已结束 grey. */
export function windowTag(window: string): TagType {
  return window === 'open' ? 'primary' : window === 'not_open' ? 'warning' : 'info'
}

/** 未开始 / 进行中 / 已结束 (the code itself for one the console does not know). */
export function windowLabel(t: Translate, window: string): string {
  return ['not_open', 'open', 'ended'].includes(window) ? t(`security.round.window.${window}`) : window
}

/** 2026-11-01 至 2026-12-15. */
export function periodText(t: Translate, r: Pick<ScreeningRound, 'from' | 'to'>): string {
  return r.from === r.to ? r.from : t('security.round.period', { from: r.from, to: r.to })
}

/** The reasons the server joined with line breaks, one a line (none for ""). */
export function reasonLines(reasons: string | null | undefined): string[] {
  return (reasons ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
}

/** An evidence file as the photo components show it (its URL read with the session cookie). */
export function evidenceFile(f: ScreeningEvidenceFile): StoredFile {
  return { id: f.id, name: f.name, content_type: f.content_type, size: f.size, sha256: '', url: filesApi.url(f.id) }
}

// ---- The open-round form ----

export interface RoundForm {
  name: string
  /** [from, to] as YYYY-MM-DD, or null. */
  period: [string, string] | null
  /** Every school in scope, or those picked. */
  scope: 'all' | 'pick'
  school_ids: number[]
}

export function emptyRoundForm(): RoundForm {
  return { name: '', period: null, scope: 'all', school_ids: [] }
}

/** The form's own checks: the server's reasons (name, from, to, school_ids) are placed the same way. */
export function checkRoundForm(t: Translate, f: RoundForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (!f.name.trim()) out.name = t('security.round.dialog.nameRequired')
  if (!f.period || !f.period[0] || !f.period[1]) out.period = t('security.round.dialog.periodRequired')
  if (f.scope === 'pick' && f.school_ids.length === 0) out.school_ids = t('security.round.dialog.schoolsRequired')
  return out
}

/** The body of POST: no school_ids for every school in scope. */
export function roundInput(f: RoundForm): ScreeningRoundInput {
  const [from, to] = f.period ?? ['', '']
  const body: ScreeningRoundInput = { name: f.name.trim(), from, to }
  if (f.scope === 'pick') body.school_ids = [...f.school_ids]
  return body
}

/** Where the dialog shows a server field: from and to at 筛查时间, school_ids[2] at the schools; null elsewhere. */
export function roundFormField(field: string): string | null {
  if (field === 'name') return 'name'
  if (field === 'from' || field === 'to') return 'period'
  if (/^school_ids(\[\d+\])?$/.test(field)) return 'school_ids'
  return null
}

/** The server's reasons by the dialog's fields (the first of a field wins), the rest listed apart. */
export function placeRoundErrors(details: readonly Pick<ApiErrorDetail, 'field' | 'reason'>[]): {
  fields: Record<string, string>
  others: { field: string; reason: string }[]
} {
  const fields: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  for (const d of details) {
    const at = d.field ? roundFormField(d.field) : null
    if (at === null) others.push({ field: d.field, reason: d.reason })
    else if (!(at in fields)) fields[at] = d.reason
  }
  return { fields, others }
}

// ---- The screening form ----

export interface EvidenceBlock {
  note: string
  files: StoredFile[]
}

export type EvidenceForm = Record<SecurityIndicator, EvidenceBlock>

export function emptyEvidence(): EvidenceForm {
  return {
    guards: { note: '', files: [] },
    closed_campus: { note: '', files: [] },
    alarm_video: { note: '', files: [] },
    gate_duty: { note: '', files: [] },
  }
}

/** The body of POST …/screen: the four in the plan's order (evidence[i] is INDICATORS[i]), notes trimmed. */
export function screeningInput(f: EvidenceForm): ScreeningInput {
  return { evidence: INDICATORS.map((k) => ({ indicator: k, note: f[k].note.trim(), file_ids: f[k].files.map((x) => x.id) })) }
}

/** The form's own checks, keyed like the server's: each indicator a note or a photo, at most 9 photos. */
export function checkEvidence(t: Translate, f: EvidenceForm): Record<string, string> {
  const out: Record<string, string> = {}
  INDICATORS.forEach((k, i) => {
    if (!f[k].note.trim() && f[k].files.length === 0) out[`evidence[${i}].note`] = t('security.screen.noteOrPhoto')
    if (f[k].files.length > MAX_PHOTOS) out[`evidence[${i}].file_ids`] = t('security.screen.tooManyPhotos', { n: MAX_PHOTOS })
  })
  return out
}

/** Where the form shows a server field: evidence[1].note at 封闭管理's 说明, evidence[1].file_ids[3] at its photos; null elsewhere. */
export function evidenceField(field: string): string | null {
  const m = /^evidence\[(\d+)\]\.(note|file_ids|indicator)(\[\d+\])?$/.exec(field)
  if (!m || Number(m[1]) >= INDICATORS.length) return null
  // A wrong indicator code is the block's: shown at its 说明.
  return `evidence[${m[1]}].${m[2] === 'file_ids' ? 'file_ids' : 'note'}`
}

/** The server's reasons by the form's places (the first of a place wins), the rest listed above the form. */
export function placeEvidenceErrors(details: readonly Pick<ApiErrorDetail, 'field' | 'reason'>[]): {
  fields: Record<string, string>
  others: { field: string; reason: string }[]
} {
  const fields: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  for (const d of details) {
    const at = d.field ? evidenceField(d.field) : null
    if (at === null) others.push({ field: d.field, reason: d.reason })
    else if (!(at in fields)) fields[at] = d.reason
  }
  return { fields, others }
}

/** The rules a 409 names (details[0].field). */
export const SCREEN_CONFLICTS = ['screening.not_open', 'screening.ended', 'screening.done', 'screening.no_record'] as const

/** A 409 in words: the console's sentence for a known rule, else the server's message. */
export function conflictText(t: Translate, details: readonly Pick<ApiErrorDetail, 'field'>[], message: string): string {
  const rule = details[0]?.field ?? ''
  return (SCREEN_CONFLICTS as readonly string[]).includes(rule) ? t(`security.screen.conflict.${rule.slice('screening.'.length)}`) : message
}
