// Pure helpers of the patrol pages (日常巡查; unit-tested in __tests__/patrolHelpers.spec.ts): the
// frequency, slot state and verdict in words and as tags, shift times, the schedule's and the
// lists' search forms as queries (also from a link: /patrols?state=due), the plan form ↔ a plan ↔
// the request body, the items a place answers, the patrol form's answers as the request body with
// the client's own checks, the server's 422 reasons placed at their items, and the QR codes' places.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import type { ApiErrorDetail } from '@/api/http'
import type { ChecklistItem } from '@/api/checklists'
import type { StoredFile } from '@/api/files'
import {
  PATROL_FREQUENCIES,
  PATROL_SLOT_STATES,
  type PatrolAnswer,
  type PatrolAnswerInput,
  type PatrolFrequency,
  type PatrolPlan,
  type PatrolPlanInput,
  type PatrolPlanQuery,
  type PatrolRecordQuery,
  type PatrolScheduleQuery,
  type PatrolSlot,
  type PatrolSlotState,
  type PatrolVerdict,
} from '@/api/patrols'
import type { TagType } from '@/utils/tags'

export type Translate = (key: string, named?: Record<string, unknown>) => string

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DAY = 86_400_000

/** date + n days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positiveInt(raw: string): number | undefined {
  if (!/^\d{1,12}$/.test(raw)) return undefined
  const n = Number(raw)
  return n > 0 ? n : undefined
}

// ---- Words and tags ----

export function isFrequency(f: string): f is PatrolFrequency {
  return (PATROL_FREQUENCIES as readonly string[]).includes(f)
}

/** 每日, 每周, 每班次; an unknown code as it comes. */
export function frequencyLabel(t: Translate, f: string): string {
  return isFrequency(f) ? t(`patrol.frequency.${f}`) : f
}

export function frequencyOptions(t: Translate): { value: PatrolFrequency; label: string }[] {
  return PATROL_FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(t, f) }))
}

/** HH:MM of a time the server or a time input gives (HH:MM or HH:MM:SS); '' when not a time. */
export function hhmm(s: string | null | undefined): string {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec((s ?? '').trim())
  if (!m) return ''
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return ''
  return `${String(h).padStart(2, '0')}:${m[2]}`
}

/** The shifts' times in words: 12:00、21:30. */
export function shiftsText(t: Translate, shifts: readonly string[]): string {
  return shifts.map(hhmm).filter(Boolean).join(t('patrol.listSeparator'))
}

/** A plan's frequency in words: 每日, 每周, 每班次（12:00、21:30）. */
export function planFrequencyText(t: Translate, p: Pick<PatrolPlan, 'frequency' | 'shifts'>): string {
  const label = frequencyLabel(t, p.frequency)
  if (p.frequency !== 'shift' || p.shifts.length === 0) return label
  return t('patrol.frequencyWithShifts', { label, shifts: shiftsText(t, p.shifts) })
}

/** One shift: 第 2 班 21:30 (without a time: 第 2 班); '' for shift 0. */
export function shiftLabel(t: Translate, shift: number, time?: string): string {
  if (!shift) return ''
  const at = hhmm(time)
  return at ? t('patrol.shiftAt', { n: shift, time: at }) : t('patrol.shift', { n: shift })
}

const stateColours: Record<PatrolSlotState, TagType> = {
  due: 'warning',
  missed: 'danger',
  done: 'success',
  upcoming: 'info',
}

export function isSlotState(s: string): s is PatrolSlotState {
  return (PATROL_SLOT_STATES as readonly string[]).includes(s)
}

/** 待巡查 orange, 漏巡 red, 已巡查 green, 未到期 grey. */
export function slotStateTag(state: string): TagType {
  return isSlotState(state) ? stateColours[state] : 'info'
}

/** 待巡查, 漏巡, 已巡查, 未到期; an unknown code as it comes. */
export function slotStateLabel(t: Translate, state: string): string {
  return isSlotState(state) ? t(`patrol.state.${state}`) : state
}

export function slotStateOptions(t: Translate): { value: PatrolSlotState; label: string }[] {
  return PATROL_SLOT_STATES.map((s) => ({ value: s, label: slotStateLabel(t, s) }))
}

const verdictColours: Record<PatrolVerdict, TagType> = { pass: 'success', fail: 'danger', na: 'info' }

export function isVerdict(v: string): v is PatrolVerdict {
  return v === 'pass' || v === 'fail' || v === 'na'
}

/** 合格 green, 不合格 red, 不适用 grey. */
export function verdictTag(v: string): TagType {
  return isVerdict(v) ? verdictColours[v] : 'info'
}

/** 合格, 不合格, 不适用. */
export function verdictLabel(t: Translate, v: string): string {
  return isVerdict(v) ? t(`patrol.verdict.${v}`) : v
}

/**
 * When a slot is: the day (2026-12-08), the day and shift (2026-12-08 第 1 班 12:00), or a weekly
 * slot's week (2026-12-07 起一周，12-12 前).
 */
export function slotWhen(t: Translate, s: Pick<PatrolSlot, 'frequency' | 'date' | 'shift' | 'shift_time' | 'due_by'>): string {
  if (s.frequency === 'weekly') return t('patrol.slot.week', { from: s.date, to: s.due_by.slice(5) })
  const shift = shiftLabel(t, s.shift, s.shift_time)
  return shift ? `${s.date} ${shift}` : s.date
}

/** A stable key of a slot (its data-test): plan 5, day, shift → 5-2026-12-08-1. */
export function slotKey(s: Pick<PatrolSlot, 'plan_id' | 'date' | 'shift'>): string {
  return `${s.plan_id}-${s.date}-${s.shift}`
}

/** The schedule in the order to work through it: newest day first, then school, place and shift. */
export function sortSlots(slots: readonly PatrolSlot[]): PatrolSlot[] {
  return [...slots].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      a.school_name.localeCompare(b.school_name, 'zh-CN') ||
      a.place_name.localeCompare(b.place_name, 'zh-CN') ||
      a.plan_id - b.plan_id ||
      a.shift - b.shift,
  )
}

/** How far back a patrol may be entered late (docs/patrols.md). */
export const LATE_DAYS = 7

/**
 * The day a missed daily or shift slot may still be entered for (补录), or null: its day, when it
 * is at most LATE_DAYS back. (A weekly slot is not offered: any day of its week would do, and the
 * person on duty knows which.)
 */
export function lateDate(s: Pick<PatrolSlot, 'state' | 'frequency' | 'date'>, today: string): string | null {
  if (s.state !== 'missed' || s.frequency === 'weekly') return null
  return s.date < today && s.date >= addDays(today, -LATE_DAYS) ? s.date : null
}

/** The patrol form for a slot: the place's page with the plan (and shift, and a late day) chosen. */
export function fillRoute(s: Pick<PatrolSlot, 'key_place_id' | 'plan_id' | 'shift'>, date?: string): RouteLocationRaw {
  const query: Record<string, string> = { plan_id: String(s.plan_id) }
  if (s.shift) query.shift = String(s.shift)
  if (date) query.date = date
  return { name: 'patrol-place', params: { id: String(s.key_place_id) }, query }
}

/** What the place's page was opened for: ?plan_id=5&shift=2&date=2026-12-07. */
export function fillChoiceFrom(query: LocationQuery): { planId?: number; shift?: number; date?: string } {
  const out: { planId?: number; shift?: number; date?: string } = {}
  const plan = positiveInt(one(query.plan_id))
  if (plan) out.planId = plan
  const shift = positiveInt(one(query.shift))
  if (shift && shift <= 6) out.shift = shift
  const date = one(query.date)
  if (DATE.test(date)) out.date = date
  return out
}

// ---- The schedule's search form ----

export interface ScheduleSearch {
  school_id?: number
  state: PatrolSlotState | ''
  /** Inclusive days (YYYY-MM-DD). */
  range: [string, string] | null
}

/** The days the schedule shows by default: the last 7, today included (the server's default). */
export const SCHEDULE_DAYS = 7

/** The last 7 days to today, any state. */
export function emptyScheduleSearch(today: string): ScheduleSearch {
  return { school_id: undefined, state: '', range: [addDays(today, 1 - SCHEDULE_DAYS), today] }
}

/** The search form from a link: /patrols?state=due, ?school_id=21&from=…&to=…. */
export function scheduleSearchFromRoute(query: LocationQuery, today: string): ScheduleSearch {
  const s = emptyScheduleSearch(today)
  s.school_id = positiveInt(one(query.school_id))
  const state = one(query.state)
  if (isSlotState(state)) s.state = state
  const from = one(query.from)
  const to = one(query.to)
  if (DATE.test(from) && DATE.test(to) && from <= to) s.range = [from, to]
  return s
}

/** The API filter of a search form (only what is set). */
export function scheduleFilter(s: ScheduleSearch): PatrolScheduleQuery {
  const out: PatrolScheduleQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.state) out.state = s.state
  if (s.range) {
    out.from = s.range[0]
    out.to = s.range[1]
  }
  return out
}

// ---- The plans' and records' search forms ----

export interface PlanSearch {
  school_id?: number
  /** Only the plans not ended today. */
  active: boolean
}

export function emptyPlanSearch(): PlanSearch {
  return { school_id: undefined, active: true }
}

export function planSearchFromRoute(query: LocationQuery): PlanSearch {
  const s = emptyPlanSearch()
  s.school_id = positiveInt(one(query.school_id))
  if (one(query.active) === 'false') s.active = false
  return s
}

export function planFilter(s: PlanSearch): PatrolPlanQuery {
  const out: PatrolPlanQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.active) out.active = true
  return out
}

export interface RecordSearch {
  school_id?: number
  plan_id?: number
  range: [string, string] | null
  /** Only the patrols with a failed item. */
  failed: boolean
}

export function emptyRecordSearch(): RecordSearch {
  return { school_id: undefined, plan_id: undefined, range: null, failed: false }
}

/** From a link: /patrols/records?plan_id=5&failed=true. */
export function recordSearchFromRoute(query: LocationQuery): RecordSearch {
  const s = emptyRecordSearch()
  s.school_id = positiveInt(one(query.school_id))
  s.plan_id = positiveInt(one(query.plan_id))
  const from = one(query.from)
  const to = one(query.to)
  if (DATE.test(from) && DATE.test(to) && from <= to) s.range = [from, to]
  s.failed = one(query.failed) === 'true'
  return s
}

export function recordFilter(s: RecordSearch): PatrolRecordQuery {
  const out: PatrolRecordQuery = {}
  if (s.school_id) out.school_id = s.school_id
  if (s.plan_id) out.plan_id = s.plan_id
  if (s.range) {
    out.from = s.range[0]
    out.to = s.range[1]
  }
  if (s.failed) out.failed = true
  return out
}

// ---- The plan form ----

export interface PlanForm {
  school_id: number | undefined
  key_place_id: number | undefined
  template_id: number | undefined
  frequency: PatrolFrequency
  /** HH:MM per shift (only for shift). */
  shifts: string[]
  school_days_only: boolean
  patroller: string
  starts_on: string | null
  ends_on: string | null
  note: string
}

/** A new plan: daily on school days, from today, no end. */
export function emptyPlanForm(today: string, schoolId?: number): PlanForm {
  return {
    school_id: schoolId,
    key_place_id: undefined,
    template_id: undefined,
    frequency: 'daily',
    shifts: [],
    school_days_only: true,
    patroller: '',
    starts_on: today,
    ends_on: null,
    note: '',
  }
}

export function planToForm(p: PatrolPlan): PlanForm {
  return {
    school_id: p.school_id,
    key_place_id: p.key_place_id,
    template_id: p.template_id,
    frequency: isFrequency(p.frequency) ? p.frequency : 'daily',
    shifts: p.shifts.map(hhmm),
    school_days_only: p.school_days_only,
    patroller: p.patroller,
    starts_on: p.starts_on,
    ends_on: p.ends_on,
    note: p.note,
  }
}

/** Two shifts to start from when a plan turns to shifts: noon and evening. */
export const DEFAULT_SHIFTS: readonly string[] = ['12:00', '21:30']
export const MAX_SHIFTS = 6

/**
 * The shift times' problems, by index: empty, not a time, or not after the one before (ascending,
 * each once). Keys are the API's field names (shifts[1]), or shifts for the list as a whole.
 */
export function shiftProblems(t: Translate, shifts: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  if (shifts.length === 0) out.shifts = t('patrol.required.shifts')
  if (shifts.length > MAX_SHIFTS) out.shifts = t('patrol.required.maxShifts', { n: MAX_SHIFTS })
  shifts.forEach((s, i) => {
    const at = hhmm(s)
    if (!at) out[`shifts[${i}]`] = t('patrol.required.shiftTime')
    else if (i > 0 && hhmm(shifts[i - 1]) && at <= hhmm(shifts[i - 1])) out[`shifts[${i}]`] = t('patrol.required.shiftOrder')
  })
  return out
}

/** The request body. POST carries the school; the shifts go only for a shift plan; texts trimmed. */
export function planInput(f: PlanForm, creating: boolean): PatrolPlanInput {
  const input: PatrolPlanInput = {
    key_place_id: f.key_place_id ?? 0,
    template_id: f.template_id ?? 0,
    frequency: f.frequency,
    shifts: f.frequency === 'shift' ? f.shifts.map(hhmm) : [],
    school_days_only: f.school_days_only,
    patroller: f.patroller.trim(),
    starts_on: f.starts_on ?? '',
    ends_on: f.ends_on || null,
    note: f.note.trim(),
  }
  if (creating) input.school_id = f.school_id ?? 0
  return input
}

/** The fields the plan form shows an error beside (the API's names; shifts[i] at each time). */
export function isPlanFormField(field: string): boolean {
  return (
    [
      'school_id',
      'key_place_id',
      'template_id',
      'frequency',
      'shifts',
      'school_days_only',
      'patroller',
      'starts_on',
      'ends_on',
      'note',
    ].includes(field) || /^shifts\[\d+\]$/.test(field)
  )
}

/** The server's errors no field of the plan form shows (listed above the form). */
export function unplacedPlanErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !isPlanFormField(field))
    .map(([field, reason]) => ({ field, reason }))
}

/** How a plan is named in confirmations and links: 学生食堂 · 食堂消防与燃气安全检查表. */
export function planName(p: Pick<PatrolPlan, 'place_name' | 'template_name'>): string {
  return `${p.place_name} · ${p.template_name}`
}

/** Whether an error is the 409 of a plan with patrols recorded (it is stopped by an end date instead). */
export function isHasRecordsError(e: unknown): boolean {
  const err = e as { status?: number; code?: string; details?: ApiErrorDetail[] } | null
  return (
    !!err &&
    err.status === 409 &&
    (err.code === 'patrol_plan.has_records' || (err.details ?? []).some((d) => d.field === 'patrol_plan.has_records'))
  )
}

// ---- The items a place answers ----

/**
 * The template's items checked at a place of this kind: those of the kind, or the whole-school
 * items when the template has none of it (as the server judges).
 */
export function itemsAtPlace(items: readonly ChecklistItem[], placeKind: string): ChecklistItem[] {
  const own = items.filter((i) => i.place_kind === placeKind)
  return own.length > 0 ? own : items.filter((i) => !i.place_kind)
}

// ---- The patrol form ----

export interface AnswerForm {
  item_key: string
  /** pass | fail | na; a number's reading as typed; text. */
  value: string
  note: string
  /** Photos uploaded for the item. */
  files: StoredFile[]
}

export function emptyAnswers(items: readonly ChecklistItem[]): AnswerForm[] {
  return items.map((i) => ({ item_key: i.key, value: '', note: '', files: [] }))
}

/** A reading as typed (full-width digits and comma accepted) as a number, or null. */
export function parseReading(s: string): number | null {
  const ascii = s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/^－/, '-')
  if (!/^-?\d+(\.\d+)?$/.test(ascii)) return null
  return Number(ascii)
}

/** Whether the item needs a photo with this answer (须拍照: any answer but 不适用). */
export function photoNeeded(item: Pick<ChecklistItem, 'photo_required'>, value: string): boolean {
  return item.photo_required && value !== '' && value !== 'na'
}

/**
 * What the server will judge the answer as, for the form to show as it is typed: a reading
 * outside the limits fails; null while unanswered or not a number.
 */
export function previewVerdict(item: Pick<ChecklistItem, 'answer' | 'min' | 'max'>, value: string): PatrolVerdict | null {
  if (value === 'na') return 'na'
  if (item.answer === 'pass_fail') return value === 'pass' || value === 'fail' ? value : null
  if (item.answer === 'number') {
    const n = parseReading(value)
    if (n === null) return null
    if ((item.min !== null && n < item.min) || (item.max !== null && n > item.max)) return 'fail'
    return 'pass'
  }
  return value.trim() ? 'pass' : null
}

/** The answers as sent, in the items' order (answers[i] is items[i]): readings normalised, texts trimmed. */
export function answersPayload(items: readonly ChecklistItem[], answers: readonly AnswerForm[]): PatrolAnswerInput[] {
  return items.map((item, i) => {
    const a = answers[i]
    let value = (a?.value ?? '').trim()
    if (item.answer === 'number' && value !== 'na') {
      const n = parseReading(value)
      if (n !== null) value = String(n)
    }
    return { item_key: item.key, value, note: (a?.note ?? '').trim(), file_ids: (a?.files ?? []).map((f) => f.id) }
  })
}

/**
 * The form's own checks before sending, as the server names them: answers[i].value when an item is
 * not answered (or a reading is not a number), answers[i].photo when a required photo is missing.
 */
export function checkAnswers(t: Translate, items: readonly ChecklistItem[], answers: readonly AnswerForm[]): Record<string, string> {
  const out: Record<string, string> = {}
  items.forEach((item, i) => {
    const a = answers[i]
    const value = (a?.value ?? '').trim()
    if (!value) {
      out[`answers[${i}].value`] = t(item.answer === 'number' ? 'patrol.required.reading' : item.answer === 'text' ? 'patrol.required.text' : 'patrol.required.verdict')
      return
    }
    if (item.answer === 'number' && value !== 'na' && parseReading(value) === null) {
      out[`answers[${i}].value`] = t('patrol.required.number')
      return
    }
    if (photoNeeded(item, value) && (a?.files.length ?? 0) === 0) out[`answers[${i}].photo`] = t('patrol.required.photo')
  })
  return out
}

/**
 * The server's 422 reasons keyed as the form shows them: answers[i].value|photo|note|item_key at
 * item i; `answers` (an item left out) at the item its reason names (检查项 C03（…）未填写), as
 * answers[i].item_key; anything else under its own name.
 */
export function placeAnswerErrors(details: readonly ApiErrorDetail[], keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (field: string, reason: string): void => {
    if (!(field in out)) out[field] = reason
  }
  for (const d of details) {
    if (!d.field) continue
    if (d.field === 'answers') {
      const named = /检查项\s*([A-Za-z0-9_-]+)/.exec(d.reason)?.[1]
      const i = named ? keys.indexOf(named) : -1
      put(i >= 0 ? `answers[${i}].item_key` : 'answers', d.reason)
    } else {
      put(d.field, d.reason)
    }
  }
  return out
}

const ANSWER_FIELD = /^answers\[(\d+)\]\.(value|photo|note|item_key|file_ids)$/

/** Which item an error names (its index), or null for the record as a whole. */
export function errorItem(field: string): number | null {
  const m = ANSWER_FIELD.exec(field) ?? /^answers\[(\d+)\]\.file_ids\[\d+\]$/.exec(field)
  return m ? Number(m[1]) : null
}

/** The errors of item i, joined (value, photo, the rest). */
export function itemErrors(errors: Record<string, string>, i: number): { value?: string; photo?: string; other?: string } {
  const out: { value?: string; photo?: string; other?: string } = {}
  const prefix = `answers[${i}].`
  const rest: string[] = []
  for (const [field, reason] of Object.entries(errors)) {
    if (!field.startsWith(prefix)) continue
    const part = field.slice(prefix.length)
    if (part === 'value') out.value = reason
    else if (part === 'photo' || part.startsWith('file_ids')) out.photo = out.photo ? `${out.photo}；${reason}` : reason
    else rest.push(reason)
  }
  if (rest.length) out.other = rest.join('；')
  return out
}

/**
 * The summary above the form: one line per problem, the item named (第 3 项 C03：此检查项须拍照),
 * items in order, then the rest.
 */
export function errorSummary(t: Translate, errors: Record<string, string>, items: readonly Pick<ChecklistItem, 'key'>[]): string[] {
  const byItem: { i: number; line: string }[] = []
  const rest: string[] = []
  for (const [field, reason] of Object.entries(errors)) {
    const i = errorItem(field)
    if (i !== null && items[i]) byItem.push({ i, line: t('patrol.fill.problemOf', { n: i + 1, key: items[i].key, reason }) })
    else rest.push(reason)
  }
  byItem.sort((a, b) => a.i - b.i)
  return [...byItem.map((x) => x.line), ...rest]
}

// ---- A recorded patrol ----

/** An answer's value in words: the verdict (合格 …), a reading with its unit, or the text. */
export function answerValueText(t: Translate, a: Pick<PatrolAnswer, 'answer' | 'value' | 'unit' | 'verdict'>): string {
  if (a.value === 'na' || a.answer === 'pass_fail') return verdictLabel(t, a.value === 'na' ? 'na' : a.verdict)
  if (a.answer === 'number') return a.unit ? `${a.value} ${a.unit}` : a.value
  return a.value
}

/** Whether the user may raise the answer as a hazard: failed, not raised yet, and allowed. */
export function canRaiseAnswer(a: Pick<PatrolAnswer, 'verdict' | 'hazard_id'>, recordCanRaise: boolean | undefined, userCan: boolean): boolean {
  return userCan && recordCanRaise !== false && a.verdict === 'fail' && !a.hazard_id
}

/** The raise dialog's first values: the item's domain and the level a failure suggests. */
export function raiseDefaults(a: Pick<PatrolAnswer, 'domain' | 'failure_level'>): { domain: string; level: 'general' | 'major' } {
  return { domain: a.domain, level: a.failure_level === 'major' ? 'major' : 'general' }
}

/** A patrol's day in words: 2026-12-08, with its shift (2026-12-08 第 1 班 12:00). */
export function recordWhen(t: Translate, r: { date: string; shift: number; shift_time?: string }): string {
  const shift = shiftLabel(t, r.shift, r.shift_time)
  return shift ? `${r.date} ${shift}` : r.date
}

// ---- QR codes ----

/** What a place's QR code opens: the absolute URL of its patrol page. */
export function placeUrl(origin: string, keyPlaceId: number): string {
  return `${origin.replace(/\/+$/, '')}/patrol/place/${keyPlaceId}`
}

export interface QrPlace {
  key_place_id: number
  place_name: string
  place_kind: string
  school_id: number
  school_name: string
}

/** The places of the plans, each once, by school then place name. */
export function qrPlaces(plans: readonly Pick<PatrolPlan, 'key_place_id' | 'place_name' | 'place_kind' | 'school_id' | 'school_name'>[]): QrPlace[] {
  const seen = new Map<number, QrPlace>()
  for (const p of plans) {
    if (!seen.has(p.key_place_id)) {
      seen.set(p.key_place_id, {
        key_place_id: p.key_place_id,
        place_name: p.place_name,
        place_kind: p.place_kind,
        school_id: p.school_id,
        school_name: p.school_name,
      })
    }
  }
  return [...seen.values()].sort(
    (a, b) => a.school_name.localeCompare(b.school_name, 'zh-CN') || a.place_name.localeCompare(b.place_name, 'zh-CN') || a.key_place_id - b.key_place_id,
  )
}

/** The QR page's selection from a link: /patrols/qr?school_id=21 or ?plan_id=5. */
export function qrChoiceFrom(query: LocationQuery): { schoolId?: number; planId?: number } {
  return { schoolId: positiveInt(one(query.school_id)), planId: positiveInt(one(query.plan_id)) }
}
