// Pure helpers of the campaign pages (专项行动; unit-tested in __tests__/campaignHelpers.spec.ts):
// states as words and tags, the windows, the deploy form ↔ the request body with the form's own
// checks, the due sheets, a filled sheet's answers, and the home card's open campaigns.
import {
  DEFAULT_WEIGHTS,
  WEIGHT_PARTS,
  type Campaign,
  type CampaignDue,
  type CampaignAnswer,
  type CampaignInput,
  type CampaignSheet,
  type CampaignWeights,
} from '@/api/campaigns'
import type { ChecklistItem } from '@/api/checklists'
import type { TagType } from '@/utils/tags'

export type Translate = (key: string, named?: Record<string, unknown>) => string

export function schoolStateTag(state: string): TagType {
  return state === 'submitted' ? 'success' : state === 'in_progress' ? 'warning' : 'info'
}

export function campaignStateTag(state: string): TagType {
  return state === 'open' ? 'primary' : 'info'
}

/** 2026-12-01 至 2026-12-10. */
export function windowText(t: Translate, from: string, to: string): string {
  return from === to ? from : t('campaign.list.window', { from, to })
}

/** Submitted of all, as a whole percentage (0 with no schools). */
export function progressPercent(c: Pick<Campaign, 'submitted_count' | 'school_count'>): number {
  return c.school_count > 0 ? Math.round((c.submitted_count * 100) / c.school_count) : 0
}

// ---- The deploy form ----

export interface DeployForm {
  name: string
  level: 'bureau' | 'city'
  domains: string[]
  template_ids: number[]
  description: string
  stages: string[]
  location_types: string[]
  /** 学区 (org units of kind cluster). */
  cluster_ids: number[]
  /** '' any, 'yes' boarding only, 'no' day schools only. */
  boarding: '' | 'yes' | 'no'
  school_ids: number[]
  self: [string, string] | null
  inspect: [string, string] | null
  weights: CampaignWeights
}

export function emptyDeployForm(): DeployForm {
  return {
    name: '',
    level: 'bureau',
    domains: [],
    template_ids: [],
    description: '',
    stages: [],
    location_types: [],
    cluster_ids: [],
    boarding: '',
    school_ids: [],
    self: null,
    inspect: null,
    weights: { ...DEFAULT_WEIGHTS },
  }
}

export function weightsTotal(w: CampaignWeights): number {
  return WEIGHT_PARTS.reduce((sum, k) => sum + (Number(w[k]) || 0), 0)
}

function isDefaultWeights(w: CampaignWeights): boolean {
  return WEIGHT_PARTS.every((k) => w[k] === DEFAULT_WEIGHTS[k])
}

/** The request body: only the targets chosen (every one must hold), the weights only when not the defaults. */
export function deployInput(f: DeployForm): CampaignInput {
  const targets: CampaignInput['targets'] = {}
  if (f.stages.length) targets.stages = [...f.stages]
  if (f.location_types.length) targets.location_types = [...f.location_types]
  if (f.cluster_ids.length) targets.cluster_ids = [...f.cluster_ids]
  if (f.boarding) targets.boarding = f.boarding === 'yes'
  if (f.school_ids.length) targets.school_ids = [...f.school_ids]
  const input: CampaignInput = {
    name: f.name.trim(),
    level: f.level,
    domains: [...f.domains],
    template_ids: [...f.template_ids],
    targets,
    self_from: f.self?.[0] ?? '',
    self_to: f.self?.[1] ?? '',
    inspect_from: f.inspect?.[0] ?? '',
    inspect_to: f.inspect?.[1] ?? '',
  }
  if (f.description.trim()) input.description = f.description.trim()
  if (!isDefaultWeights(f.weights)) input.weights = { ...f.weights }
  return input
}

/** The form's own checks, keyed by the form's fields (the server's names where they match). */
export function checkDeploy(t: Translate, f: DeployForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (!f.name.trim()) out.name = t('campaign.deploy.required.name')
  if (f.domains.length === 0) out.domains = t('campaign.deploy.required.domains')
  if (f.template_ids.length === 0) out.template_ids = t('campaign.deploy.required.templates')
  if (!f.self) out.self = t('campaign.deploy.required.window')
  if (!f.inspect) out.inspect = t('campaign.deploy.required.window')
  else if (f.self && f.inspect[0] < f.self[0]) out.inspect = t('campaign.deploy.required.inspectOrder')
  if (weightsTotal(f.weights) !== 100) out.weights = t('campaign.deploy.required.weights')
  return out
}

/**
 * The server's field names (domains[1], self_to, weights.completion, targets.school_ids[2],
 * targets.cluster_ids[0], template_ids[0]) as the form item that shows them; null for one no item shows.
 */
export function deployFormField(field: string): string | null {
  const base = field.replace(/\[\d+\]/g, '')
  if (base === 'name' || base === 'level' || base === 'description' || base === 'domains' || base === 'template_ids') return base
  if (base === 'self_from' || base === 'self_to') return 'self'
  if (base === 'inspect_from' || base === 'inspect_to') return 'inspect'
  if (base === 'weights' || base.startsWith('weights.')) return 'weights'
  if (base === 'targets.stages') return 'stages'
  if (base === 'targets.location_types') return 'location_types'
  if (base === 'targets.cluster_ids') return 'cluster_ids'
  if (base === 'targets.boarding') return 'boarding'
  if (base === 'targets.school_ids') return 'school_ids'
  if (base === 'targets' || base.startsWith('targets.')) return 'targets'
  return null
}

/** The 422 details placed at the form's items (first reason per item) and the rest. */
export function placeDeployErrors(details: readonly { field: string; reason: string }[]): {
  fields: Record<string, string>
  others: { field: string; reason: string }[]
} {
  const fields: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  for (const d of details) {
    const at = d.field ? deployFormField(d.field) : null
    if (at === null) others.push(d)
    else if (!(at in fields)) fields[at] = d.reason
  }
  return { fields, others }
}

// ---- The school's page ----

/** A due sheet's key (checklist × place). */
export function dueKey(d: Pick<CampaignDue, 'template_id' | 'key_place_id'>): string {
  return `${d.template_id}-${d.key_place_id ?? 0}`
}

/** The place of a due sheet or a sheet in words (全校 for the whole school). */
export function placeText(t: Translate, d: { key_place_id: number | null; place_name: string }): string {
  return d.key_place_id === null ? t('campaign.school.wholeSchool') : d.place_name || t('campaign.school.wholeSchool')
}

/** The inspection sheets (kind bureau or city), newest first. */
export function inspectionSheets(sheets: readonly CampaignSheet[]): CampaignSheet[] {
  return sheets.filter((s) => s.kind !== 'self').sort((a, b) => b.filled_at.localeCompare(a.filled_at) || b.id - a.id)
}

/** The school's own sheet of a due sheet (by id, else by checklist and place). */
export function selfSheetOf(sheets: readonly CampaignSheet[], d: CampaignDue): CampaignSheet | undefined {
  return sheets.find((s) => s.kind === 'self' && (d.sheet_id ? s.id === d.sheet_id : s.template_id === d.template_id && s.key_place_id === d.key_place_id))
}

/** The inspection sheets filled for a due sheet (its checklist at its place). */
export function inspectionsOf(sheets: readonly CampaignSheet[], d: CampaignDue): CampaignSheet[] {
  return sheets.filter((s) => s.kind !== 'self' && s.template_id === d.template_id && s.key_place_id === d.key_place_id)
}

/** Usernames typed with commas, 、 or spaces, each once. */
export function splitMembers(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean))]
}

// ---- A filled sheet (CampaignSheetView) ----

/** The due sheet a filled sheet answers (its checklist at its place), whose items give the texts. */
export function dueOfSheet(due: readonly CampaignDue[], s: Pick<CampaignSheet, 'template_id' | 'key_place_id'>): CampaignDue | undefined {
  return due.find((d) => d.template_id === s.template_id && d.key_place_id === s.key_place_id)
}

/** An answer of a filled sheet with its item (text, answer kind, unit) and whether it was flagged 自查未发现. */
export type SheetAnswer = CampaignAnswer & { missed: boolean }

/**
 * Every answer of a sheet with its item's text and kind: the answer's own where the server sent
 * them, else the due checklist's item of the same key; in the checklist's order, then any answer
 * the checklist does not list (by key). `missed`: the key is among the sheet's 自查未发现.
 */
export function sheetAnswers(s: Pick<CampaignSheet, 'answers' | 'missed'>, items: readonly ChecklistItem[]): SheetAnswer[] {
  const order = new Map(items.map((it, i) => [it.key, i]))
  const byKey = new Map(items.map((it) => [it.key, it]))
  const missed = new Set(s.missed)
  return s.answers
    .map((a) => {
      const it = byKey.get(a.item_key)
      const merged = { ...(it ?? {}), ...a } as CampaignAnswer
      return { ...merged, key: a.item_key, text: a.text || it?.text || '', missed: missed.has(a.item_key) }
    })
    .sort((a, b) => (order.get(a.item_key) ?? Infinity) - (order.get(b.item_key) ?? Infinity) || a.item_key.localeCompare(b.item_key))
}

/** 合格, 不合格, 不适用 (the server's label where the verdict is not one of the three). */
export function sheetVerdictText(t: Translate, a: Pick<CampaignAnswer, 'verdict' | 'verdict_label' | 'value'>): string {
  const v = a.value === 'na' ? 'na' : a.verdict
  return v === 'pass' || v === 'fail' || v === 'na' ? t(`patrol.verdict.${v}`) : a.verdict_label || v
}

export function sheetVerdictTag(verdict: string): TagType {
  return verdict === 'fail' ? 'danger' : verdict === 'pass' ? 'success' : 'info'
}

/** The reading or text entered for a number / text item ("" for 合格/不合格 items and 不适用). */
export function sheetValueText(a: Pick<CampaignAnswer, 'answer' | 'value' | 'unit'>): string {
  if (a.value === 'na' || a.answer === 'pass_fail') return ''
  if (a.answer === 'number') return a.unit ? `${a.value} ${a.unit}` : a.value
  if (a.answer === 'text') return a.value
  // The item unknown: a bare 合格 / 不合格 is no reading.
  return a.value === 'pass' || a.value === 'fail' ? '' : a.value
}
