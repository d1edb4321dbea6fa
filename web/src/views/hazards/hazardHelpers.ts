// Pure helpers of the hazard pages (unit-tested): the search form as a query, China-time dates
// and overdue days as the server counts them, the body of a workflow step, the report form as
// a HazardInput, and server errors of a step split into field errors and an alert.
import type { LocationQuery } from 'vue-router'
import { ApiError } from '@/api/http'
import {
  FIVE_FIELDS,
  HAZARD_STATES,
  type FiveInPlace,
  type HazardAction,
  type HazardInput,
  type HazardLevel,
  type HazardQuery,
  type HazardSort,
  type HazardState,
  type TransitionInput,
} from '@/api/hazards'
import type { StoredFile } from '@/api/files'
import { toSort } from '@/composables/listQuery'
import type { TagType } from '@/utils/tags'

// ---- Dates (deadlines are calendar days in China Standard Time, UTC+8) ----

const DAY = 86_400_000
const CST = 8 * 3_600_000

/** Today's date in China (YYYY-MM-DD). */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CST).toISOString().slice(0, 10)
}

/** date + n days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`)
  return new Date(t + days * DAY).toISOString().slice(0, 10)
}

/** The deadline the server uses when none is given: today (China) + the default days. */
export function defaultDeadline(days: number, now: number = Date.now()): string {
  return addDays(chinaToday(now), days)
}

/** The instant a China calendar day starts, as an ISO string. */
export function chinaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST).toISOString()
}

/** Whole days past the deadline, as the server counts them (0 when closed or not overdue). */
export function daysOverdue(deadline: string | null | undefined, state: string, now: number = Date.now()): number {
  if (!deadline || state === 'closed' || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return 0
  const end = Date.parse(`${deadline}T00:00:00Z`) - CST + DAY // end of that day in China
  if (Number.isNaN(end) || now <= end) return 0
  return Math.floor((now - end) / DAY) + 1
}

// ---- Tags ----

const stateColours: Record<HazardState, TagType> = {
  reported: 'danger',
  assigned: 'warning',
  rectifying: 'warning',
  submitted: 'primary',
  verified: 'primary',
  closed: 'success',
}

export function stateTagType(state: string): TagType {
  return stateColours[state as HazardState] ?? 'info'
}

export function levelTagType(level: string): TagType {
  return level === 'major' ? 'danger' : 'info'
}

export function supervisionTagType(state: string): TagType {
  return state === 'open' ? 'danger' : state === 'replied' ? 'warning' : 'success'
}

/** An escalation rule code (hazard.overdue.owner) as an i18n key under hazard.rule. */
export function ruleKey(rule: string): string {
  return 'hazard.rule.' + rule.replace(/^hazard\./, '').replace(/\./g, '_')
}

// ---- The list's search form ----

export interface HazardSearch {
  school_id?: number
  domain: string
  level: '' | HazardLevel
  states: HazardState[]
  source: string
  overdue: boolean
  /** 只看我的: the hazards the user found, owns or rectified. */
  mine: boolean
  supervised: boolean
  /** Found between these China dates (inclusive), YYYY-MM-DD. */
  range: [string, string] | null
  q: string
}

export function emptySearch(): HazardSearch {
  return { school_id: undefined, domain: '', level: '', states: [], source: '', overdue: false, mine: false, supervised: false, range: null, q: '' }
}

function one(v: LocationQuery[string]): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/** The search form from a link (the home board and the hazard board link with filters). */
export function searchFromRoute(query: LocationQuery): HazardSearch {
  const s = emptySearch()
  const school = Number(one(query.school_id))
  if (Number.isInteger(school) && school > 0) s.school_id = school
  s.domain = one(query.domain)
  const level = one(query.level)
  if (level === 'general' || level === 'major') s.level = level
  s.states = one(query.state)
    .split(',')
    .filter((x): x is HazardState => (HAZARD_STATES as string[]).includes(x))
  s.source = one(query.source)
  s.overdue = one(query.overdue) === 'true'
  s.mine = one(query.mine) === 'true'
  s.supervised = one(query.supervised) === 'true'
  const from = one(query.from)
  const to = one(query.to)
  if (/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) s.range = [from, to]
  s.q = one(query.q)
  return s
}

/** The API filter of a search form (empty fields left out; dates as China day bounds). */
export function hazardFilter(s: HazardSearch): HazardQuery {
  const out: HazardQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.domain) out.domain = s.domain
  if (s.level) out.level = s.level
  if (s.states.length > 0) out.state = s.states.join(',')
  if (s.source) out.source = s.source
  if (s.overdue) out.overdue = true
  if (s.mine) out.mine = true
  if (s.supervised) out.supervised = true
  if (s.range) {
    out.from = chinaDayStart(s.range[0])
    out.to = chinaDayStart(addDays(s.range[1], 1))
  }
  const q = s.q.trim()
  if (q) out.q = q
  return out
}

export function hazardQuery(s: HazardSearch, page: number, pageSize: number, sort?: HazardSort): HazardQuery {
  const out: HazardQuery = { ...hazardFilter(s), page, page_size: pageSize }
  if (sort) out.sort = sort
  return out
}

/** The columns the ledger sorts by: column prop → the API's `sort` name. */
export const HAZARD_SORT_FIELDS: Readonly<Record<string, string>> = {
  found_at: 'found_at',
  deadline: 'deadline',
  level: 'level',
  state: 'state',
  school_name: 'school',
  updated_at: 'updated_at',
}

/** An el-table sort-change as the API's sort parameter. */
export function sortParam(prop: string | null, order: string | null): HazardSort | undefined {
  return toSort<HazardSort>(prop, order, HAZARD_SORT_FIELDS)
}

// ---- The report form ----

export interface ReportForm {
  school_id: number | undefined
  building_id: number | undefined
  key_place_id: number | undefined
  domain: string
  level: HazardLevel
  title: string
  description: string
  /** Empty: now (the server's clock). */
  found_at: Date | null
  source: string
  responsible: string
  interim_measures: string
  five: FiveInPlace
}

export function emptyFive(): FiveInPlace {
  return { measures: '', responsible: '', funds: '', deadline: '', contingency_plan: '' }
}

export function emptyReport(schoolId?: number, source = 'self_inspection'): ReportForm {
  return {
    school_id: schoolId,
    building_id: undefined,
    key_place_id: undefined,
    domain: '',
    level: 'general',
    title: '',
    description: '',
    found_at: null,
    source,
    responsible: '',
    interim_measures: '',
    five: emptyFive(),
  }
}

function trimmedFive(f: FiveInPlace): FiveInPlace {
  const out = emptyFive()
  for (const k of FIVE_FIELDS) out[k] = f[k].trim()
  return out
}

/** The POST body: optional fields only when filled; the five only for a major hazard. */
export function reportInput(f: ReportForm, files: Pick<StoredFile, 'id'>[]): HazardInput {
  const input: HazardInput = {
    school_id: f.school_id ?? 0,
    domain: f.domain,
    level: f.level,
    title: f.title.trim(),
    source: f.source,
  }
  if (f.building_id) input.building_id = f.building_id
  if (f.key_place_id) input.key_place_id = f.key_place_id
  if (f.description.trim()) input.description = f.description.trim()
  // The server reads UTC instants (…Z).
  if (f.found_at) input.found_at = f.found_at.toISOString()
  if (f.responsible.trim()) input.responsible = f.responsible.trim()
  if (f.interim_measures.trim()) input.interim_measures = f.interim_measures.trim()
  if (f.level === 'major') input.five = trimmedFive(f.five)
  if (files.length > 0) input.file_ids = files.map((x) => x.id)
  return input
}

/** The five-in-place fields still empty (as five.<field> names, like the server's details). */
export function missingFive(f: FiveInPlace): string[] {
  return FIVE_FIELDS.filter((k) => !f[k].trim()).map((k) => 'five.' + k)
}

// ---- The report's draft (kept in this browser until it is sent) ----

/** What a draft holds: the report form and the photos already uploaded for it. */
export interface ReportDraft {
  form: ReportForm
  photos: StoredFile[]
}

const DRAFT_FORMAT = 'hazard-report-draft/1'

/** The localStorage key of a user's draft: each user of a shared phone has their own. */
export function reportDraftKey(username: string): string {
  return `xiaoan:hazard-report-draft:${username}`
}

/** Whether a report has anything worth keeping (the school and source alone are defaults). */
export function draftHasContent(f: ReportForm, photos: unknown[]): boolean {
  if (photos.length > 0) return true
  if (f.building_id || f.key_place_id || f.found_at || f.domain || f.level === 'major') return true
  const texts = [f.title, f.description, f.responsible, f.interim_measures, ...FIVE_FIELDS.map((k) => f.five[k])]
  return texts.some((x) => x.trim() !== '')
}

/** A draft as stored (JSON). */
export function draftText(f: ReportForm, photos: StoredFile[]): string {
  const form = { ...f, five: { ...f.five }, found_at: f.found_at ? f.found_at.toISOString() : null }
  return JSON.stringify({ format: DRAFT_FORMAT, form, photos })
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0
const isOptionalId = (v: unknown) => v === undefined || v === null || isId(v)

function storedFileOf(v: unknown): StoredFile | null {
  if (!isObject(v) || !isId(v.id)) return null
  if (typeof v.name !== 'string' || typeof v.content_type !== 'string' || typeof v.url !== 'string') return null
  if (typeof v.size !== 'number' || typeof v.sha256 !== 'string') return null
  return v as unknown as StoredFile
}

/**
 * A stored draft back as a form and photos, or null when there is none, it is not valid JSON, it
 * is of another format, or it holds nothing worth restoring. `base` (the page's empty form) fills
 * in what the draft leaves empty.
 */
export function parseDraft(text: string | null, base: ReportForm): ReportDraft | null {
  if (!text) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(data) || data.format !== DRAFT_FORMAT || !isObject(data.form) || !Array.isArray(data.photos)) return null
  const f = data.form
  const strings = ['domain', 'title', 'description', 'source', 'responsible', 'interim_measures'] as const
  if (!strings.every((k) => typeof f[k] === 'string')) return null
  if (!isOptionalId(f.school_id) || !isOptionalId(f.building_id) || !isOptionalId(f.key_place_id)) return null
  if (f.level !== 'general' && f.level !== 'major') return null
  let foundAt: Date | null = null
  if (f.found_at !== null && f.found_at !== undefined) {
    if (typeof f.found_at !== 'string' || Number.isNaN(Date.parse(f.found_at))) return null
    foundAt = new Date(f.found_at)
  }
  if (!isObject(f.five) || !FIVE_FIELDS.every((k) => typeof (f.five as Record<string, unknown>)[k] === 'string')) return null
  const photos = data.photos.map(storedFileOf)
  if (photos.some((p) => p === null)) return null
  const five = emptyFive()
  for (const k of FIVE_FIELDS) five[k] = (f.five as Record<string, string>)[k]
  const form: ReportForm = {
    ...base,
    school_id: (f.school_id as number | null | undefined) ?? base.school_id,
    building_id: (f.building_id as number | null | undefined) ?? undefined,
    key_place_id: (f.key_place_id as number | null | undefined) ?? undefined,
    domain: f.domain as string,
    level: f.level,
    title: f.title as string,
    description: f.description as string,
    found_at: foundAt,
    source: (f.source as string) || base.source,
    responsible: f.responsible as string,
    interim_measures: f.interim_measures as string,
    five,
  }
  const files = photos as StoredFile[]
  return draftHasContent(form, files) ? { form, photos: files } : null
}

// ---- Workflow steps ----

export interface StepForm {
  owner: string
  deadline: string
  reason: string
  note: string
  password: string
}

export function emptyStep(): StepForm {
  return { owner: '', deadline: '', reason: '', note: '', password: '' }
}

/** Whether a step needs a reason: reject, reopen, and an assignment later than the default. */
export function reasonRequired(action: HazardAction, deadline: string, defaultDate: string): boolean {
  if (action === 'reject' || action === 'reopen') return true
  return action === 'assign' && !!deadline && deadline > defaultDate
}

/** Which inputs a step's dialog shows. */
export function stepFields(action: HazardAction): { owner: boolean; deadline: boolean; evidence: boolean; note: boolean } {
  return {
    owner: action === 'assign',
    deadline: action === 'assign',
    evidence: action === 'submit',
    // The server writes its own note for an assignment (owner and deadline).
    note: action !== 'assign',
  }
}

/** The request of a step: only the fields this action uses, and the password as the signature. */
export function transitionBody(action: HazardAction, f: StepForm, evidence: Pick<StoredFile, 'id'>[], defaultDate: string): TransitionInput {
  const body: TransitionInput = { action, password: f.password }
  const show = stepFields(action)
  if (show.owner) body.owner = f.owner.trim()
  if (show.deadline && f.deadline) body.deadline = f.deadline
  if (reasonRequired(action, f.deadline, defaultDate) && f.reason.trim()) body.reason = f.reason.trim()
  if (show.note && f.note.trim()) body.note = f.note.trim()
  if (show.evidence && evidence.length > 0) body.file_ids = evidence.map((x) => x.id)
  return body
}

/** A refused step split for the dialog: reasons next to fields, the rest as an alert. */
export interface StepErrors {
  fields: Record<string, string>
  alert: { title: string; items: string[] } | null
}

/** Server rule names that belong to a field of the dialog. */
const ruleField: Record<string, string> = {
  'hazard.deadline': 'reason',
  'hazard.evidence': 'evidence',
}

export function stepErrors(e: unknown, fiveLabel: (field: string) => string = (f) => f): StepErrors | null {
  if (!(e instanceof ApiError)) return null
  const out: StepErrors = { fields: {}, alert: null }
  const dialogFields = new Set(['owner', 'deadline', 'reason', 'note', 'password', 'evidence'])
  const items: string[] = []
  for (const d of e.details) {
    let field = ruleField[d.field] ?? d.field
    if (field.startsWith('file_ids')) field = 'evidence'
    if (dialogFields.has(field)) {
      if (!(field in out.fields)) out.fields[field] = d.reason
    } else if (d.field.startsWith('five.')) {
      items.push(`${fiveLabel(d.field)}：${d.reason}`)
    }
  }
  if (e.status === 401) {
    // A wrong signature: the password field says so.
    if (!out.fields.password) out.fields.password = e.message
    return out
  }
  if (e.status === 409 || e.status === 403 || items.length > 0) {
    out.alert = { title: e.message, items }
    return out
  }
  if (e.status === 422 && Object.keys(out.fields).length > 0) return out
  if (e.status === 422) {
    out.alert = { title: e.message, items: e.details.map((d) => `${d.field}：${d.reason}`) }
    return out
  }
  return null
}
