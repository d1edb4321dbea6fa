// Pure helpers of the drill pages (unit-tested in __tests__/drillHelpers.spec.ts): the list's
// search form as a query, times and the evacuation time as the server counts it, the record form
// ↔ a drill ↔ the request body, the server's field errors placed on the form, and the findings'
// tags, versions and current periods.
import type { LocationQuery } from 'vue-router'
import type { Drill, DrillInput, DrillQuery, DrillSort } from '@/api/drills'
import type { FindingOutcome, RuleFinding } from '@/api/rules'
import { toSort } from '@/composables/listQuery'
import type { TagType } from '@/utils/tags'

/** vue-i18n's `t`, or anything that turns a key and named values into a text. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const DATE = /^\d{4}-\d{2}-\d{2}$/

// ---- The list's search form ----

export interface DrillSearch {
  school_id?: number
  kind: string
  /** Drill dates, inclusive (YYYY-MM-DD). */
  range: [string, string] | null
  q: string
}

export function emptySearch(): DrillSearch {
  return { school_id: undefined, kind: '', range: null, q: '' }
}

function one(v: LocationQuery[string]): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/** The search form from a link (the board links a school's drills: /drills?school_id=21). */
export function searchFromRoute(query: LocationQuery): DrillSearch {
  const s = emptySearch()
  const school = Number(one(query.school_id))
  if (Number.isInteger(school) && school > 0) s.school_id = school
  s.kind = one(query.kind)
  const from = one(query.from)
  const to = one(query.to)
  if (DATE.test(from) && DATE.test(to)) s.range = [from, to]
  s.q = one(query.q)
  return s
}

/** The API filter of a search form (only what is set). */
export function drillFilter(s: DrillSearch): DrillQuery {
  const out: DrillQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.kind) out.kind = s.kind
  if (s.range) {
    out.from = s.range[0]
    out.to = s.range[1]
  }
  const q = s.q.trim()
  if (q) out.q = q
  return out
}

/** The columns the list sorts by: column prop → the API's `sort` name. */
export const DRILL_SORT_FIELDS: Readonly<Record<string, string>> = {
  date: 'date',
  school_name: 'school',
  kind: 'kind',
}

export function sortParam(prop: string | null, order: string | null): DrillSort | undefined {
  return toSort<DrillSort>(prop, order, DRILL_SORT_FIELDS)
}

// ---- Times ----

/** Seconds since midnight of HH:MM or HH:MM:SS; null when it is not a time. */
export function parseTime(s: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec((s ?? '').trim())
  if (!m) return null
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '0')]
  if (h > 23 || min > 59 || sec > 59) return null
  return h * 3600 + min * 60 + sec
}

/** A time as the API takes it: HH:MM:SS (`seconds`) or HH:MM; what is not a time, as typed. */
export function apiTime(s: string, seconds: boolean): string {
  const n = parseTime(s)
  if (n === null) return s.trim()
  const pad = (x: number): string => String(x).padStart(2, '0')
  const hm = `${pad(Math.floor(n / 3600))}:${pad(Math.floor(n / 60) % 60)}`
  return seconds ? `${hm}:${pad(n % 60)}` : hm
}

/** From the signal to all out, in seconds; null without both times or when all-out is not later. */
export function evacuationSeconds(signal: string | null | undefined, allOut: string | null | undefined): number | null {
  const a = parseTime(signal)
  const b = parseTime(allOut)
  if (a === null || b === null || b <= a) return null
  return b - a
}

/** The server's rule for the two times (both or neither, all-out after the signal), as a problem key. */
export function timesProblem(signal: string | null | undefined, allOut: string | null | undefined): '' | 'both' | 'order' {
  const hasSignal = !!signal
  const hasAllOut = !!allOut
  if (hasSignal !== hasAllOut) return 'both'
  if (!hasSignal) return ''
  const a = parseTime(signal)
  const b = parseTime(allOut)
  if (a !== null && b !== null && b <= a) return 'order'
  return ''
}

/** 用时 105 秒（1 分 45 秒）; under a minute, 用时 45 秒. */
export function durationText(t: Translate, seconds: number): string {
  if (seconds < 60) return t('drill.form.duration', { n: seconds })
  return t('drill.form.durationLong', { n: seconds, m: Math.floor(seconds / 60), s: seconds % 60 })
}

// ---- The record form ----

export interface ProblemRow {
  text: string
  /** Set when the problem was raised as a hazard: its text is then kept as it is. */
  hazard_id: number | null
}

export interface DrillForm {
  school_id: number | undefined
  kind: string
  title: string
  /** YYYY-MM-DD (null while cleared). */
  date: string | null
  /** HH:MM. */
  start_time: string | null
  night: boolean
  announced: boolean
  evacuation: boolean
  whole_school: boolean
  scope_note: string
  building_id: number | undefined
  commander: string
  students: number
  staff: number
  /** HH:MM:SS. */
  signal_time: string | null
  all_out_time: string | null
  headcount_ok: boolean
  headcount_note: string
  injuries: number
  problems: ProblemRow[]
  actions: string
}

/** The fields a drill record and a drill plan share (DrillBasicsFields); a PlanForm has them too. */
export type DrillBasics = Pick<DrillForm, 'kind' | 'date' | 'start_time' | 'night' | 'whole_school' | 'scope_note' | 'commander'>

/** A new record: dated today, by day, announced, the whole school, a fire evacuation. */
export function emptyDrillForm(today: string, schoolId?: number): DrillForm {
  return {
    school_id: schoolId,
    kind: 'fire',
    title: '',
    date: today,
    start_time: null,
    night: false,
    announced: true,
    evacuation: true,
    whole_school: true,
    scope_note: '',
    building_id: undefined,
    commander: '',
    students: 0,
    staff: 0,
    signal_time: null,
    all_out_time: null,
    headcount_ok: true,
    headcount_note: '',
    injuries: 0,
    problems: [],
    actions: '',
  }
}

export function drillToForm(d: Drill): DrillForm {
  return {
    school_id: d.school_id,
    kind: d.kind,
    title: d.title,
    date: d.date,
    start_time: d.start_time || null,
    night: d.night,
    announced: d.announced,
    evacuation: d.evacuation,
    whole_school: d.whole_school,
    scope_note: d.scope_note,
    building_id: d.building_id ?? undefined,
    commander: d.commander,
    students: d.students,
    staff: d.staff,
    signal_time: d.signal_time || null,
    all_out_time: d.all_out_time || null,
    headcount_ok: d.headcount_ok,
    headcount_note: d.headcount_note,
    injuries: d.injuries,
    problems: d.problems.map((p) => ({ text: p.text, hazard_id: p.hazard_id })),
    actions: d.actions,
  }
}

/**
 * The request body. POST carries the school, PUT does not (the server refuses it). Optional
 * fields go only when filled; the scope note only when not the whole school, the headcount note
 * only when the headcount was wrong. Every problem row is sent (the form asks for its text), so
 * the server's problems[i] is the form's row i. The photos uploaded go as `file_ids` when there
 * are any (on an edit they are added to those attached).
 */
export function drillInput(f: DrillForm, creating: boolean, fileIds: readonly number[] = []): DrillInput {
  const input: DrillInput = {
    kind: f.kind,
    date: f.date ?? '',
    night: f.night,
    announced: f.announced,
    evacuation: f.evacuation,
    whole_school: f.whole_school,
    commander: f.commander.trim(),
    students: f.students,
    staff: f.staff,
    headcount_ok: f.headcount_ok,
    injuries: f.injuries,
    problems: f.problems.map((p) => p.text.trim()),
  }
  if (creating) input.school_id = f.school_id ?? 0
  const title = f.title.trim()
  if (title) input.title = title
  // A browser's time field gives 10:00 for 10:00:00.
  if (f.start_time) input.start_time = apiTime(f.start_time, false)
  if (!f.whole_school) input.scope_note = f.scope_note.trim()
  if (f.building_id) input.building_id = f.building_id
  if (f.signal_time) input.signal_time = apiTime(f.signal_time, true)
  if (f.all_out_time) input.all_out_time = apiTime(f.all_out_time, true)
  if (!f.headcount_ok) input.headcount_note = f.headcount_note.trim()
  const actions = f.actions.trim()
  if (actions) input.actions = actions
  if (fileIds.length > 0) input.file_ids = [...fileIds]
  return input
}

/** The error key of a problem row: the server names problems[i].text (or problems[i]). */
export function problemField(index: number): string {
  return `problems[${index}].text`
}

export function problemError(errors: Record<string, string>, index: number): string | undefined {
  return errors[problemField(index)] ?? errors[`problems[${index}]`]
}

/** The error of the photos: the server names file_ids[i] (a file not the caller's, or attached already). */
export function filesError(errors: Record<string, string>): string | undefined {
  return errors.file_ids ?? Object.entries(errors).find(([k]) => /^file_ids\[\d+\]$/.test(k))?.[1]
}

/** The fields the form shows an error beside (the API's names). */
export const FORM_FIELDS: readonly string[] = [
  'school_id',
  'kind',
  'title',
  'date',
  'start_time',
  'night',
  'announced',
  'evacuation',
  'whole_school',
  'scope_note',
  'building_id',
  'commander',
  'students',
  'staff',
  'signal_time',
  'all_out_time',
  'headcount_ok',
  'headcount_note',
  'injuries',
  'problems',
  'actions',
  'file_ids',
]

/** The server's errors that no field of the form shows (listed above the form instead). */
export function unplacedErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !FORM_FIELDS.includes(field) && !/^(problems\[\d+\](\.text)?|file_ids\[\d+\])$/.test(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- Findings ----

const outcomeColours: Record<FindingOutcome, TagType> = {
  pass: 'success',
  due: 'warning',
  fail: 'danger',
  warn: 'warning',
  na: 'info',
}

export function outcomeTagType(outcome: string): TagType {
  return outcomeColours[outcome as FindingOutcome] ?? 'info'
}

/** 规则第 1 版 · 参数第 2 版 (默认参数 for version 0: the declared defaults). */
export function versionText(t: Translate, f: Pick<RuleFinding, 'rule_version' | 'params_version'>): string {
  return f.params_version > 0
    ? t('rules.finding.versions', { rule: f.rule_version, params: f.params_version })
    : t('rules.finding.versionsDefault', { rule: f.rule_version })
}

/** The record's own finding (drill.time) first, then the school's, by rule as the server lists them. */
export function sortFindings(findings: readonly RuleFinding[]): RuleFinding[] {
  return [...findings].sort((a, b) => Number(b.subject_type === 'drill') - Number(a.subject_type === 'drill'))
}

/** Findings of a school for the periods that contain `today` (a period judged "so far"). */
export function currentFindings(findings: readonly RuleFinding[], today: string): RuleFinding[] {
  return findings.filter((f) => f.subject_type === 'school' && !!f.period_first && f.period_first <= today && today <= f.period_last)
}

/** 2026-10-16 消防疏散演练 (夜间): how a drill is named in lists, confirmations and headings. */
export function drillName(t: Translate, d: Pick<Drill, 'date' | 'kind_label' | 'title' | 'night'>): string {
  const base = d.title ? `${d.date} ${d.title}` : t('drill.name', { date: d.date, kind: d.kind_label })
  return d.night ? base + t('drill.nightSuffix') : base
}
