// The safety education pages' pure parts: the records' search form and its API filters (also from
// a link), the record form with its API bodies and the presets of a link (?record=1&theme=…), the
// observances a date may name, the scope as shown, the server's reasons the form places, and the
// education calendar's windows, its 去记录 and 查看记录 links and a school's items not yet met.
// Unit-tested in __tests__/lessonHelpers.spec.ts.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import type {
  EduCalendarColumn,
  EduCalendarItem,
  EduCalendarSchoolRow,
  EduLesson,
  EduLessonInput,
  EduLessonQuery,
  EduLessonUpdate,
  EduObservance,
} from '@/api/eduLessons'
import { EDU_OBSERVANCES } from '@/api/eduLessons'

type Translate = (key: string, named?: Record<string, unknown>) => string

const DATE = /^\d{4}-\d{2}-\d{2}$/

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positive(v: LocationQuery[string] | undefined): number | undefined {
  const n = Number(one(v))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

const isObservance = (code: string): boolean => (EDU_OBSERVANCES as readonly string[]).includes(code)

// ---- The records' list ----

export interface LessonSearch {
  school_id: number | undefined
  /** '' or undefined while 全部 (a cleared select). */
  theme: string | undefined
  observance: string | undefined
  /** The records' dates, inclusive (YYYY-MM-DD). */
  range: [string, string] | null
  q: string
}

export const emptyLessonSearch = (): LessonSearch => ({ school_id: undefined, theme: '', observance: '', range: null, q: '' })

/** Whether a link opens the record form (?record=1): its theme, observance and date preset the form, not the filters. */
export const recordsFromLink = (query: LocationQuery): boolean => one(query.record) === '1'

/**
 * The search form from a link: the calendar's 查看记录 gives the school, the theme or observance
 * and the window (/edu/lessons?school_id=21&theme=bullying&from=2026-09-01&to=2027-01-20).
 */
export function lessonSearchFromRoute(query: LocationQuery): LessonSearch {
  const s = emptyLessonSearch()
  s.school_id = positive(query.school_id)
  if (!recordsFromLink(query)) {
    s.theme = one(query.theme)
    s.observance = isObservance(one(query.observance)) ? one(query.observance) : ''
  }
  const from = one(query.from)
  const to = one(query.to)
  if (DATE.test(from) && DATE.test(to)) s.range = [from, to]
  s.q = one(query.q)
  return s
}

/** The API filters of an applied form: only what is set. */
export function lessonFilter(s: LessonSearch): EduLessonQuery {
  const out: EduLessonQuery = {}
  if (typeof s.school_id === 'number') out.school_id = s.school_id
  if (s.theme) out.theme = s.theme
  if (s.observance) out.observance = s.observance
  if (s.range && s.range[0] && s.range[1]) {
    out.from = s.range[0]
    out.to = s.range[1]
  }
  const q = s.q.trim()
  if (q) out.q = q
  return out
}

/** The sortable columns by their prop, as the API names them. */
export const LESSON_SORT_FIELDS: Readonly<Record<string, string>> = { date: 'date', school_name: 'school', theme: 'theme' }

/** 全校, or how many classes took part (3 个班). */
export function scopeText(t: Translate, l: Pick<EduLesson, 'whole_school' | 'class_ids'>): string {
  return l.whole_school ? t('edu.lessons.wholeSchool') : t('edu.lessons.classCount', { n: l.class_ids.length })
}

/** The name a record goes by (in the delete confirmation): 2026-11-05 消防安全进校园. */
export const lessonName = (l: Pick<EduLesson, 'date' | 'title'>): string => `${l.date} ${l.title}`

// ---- The record form ----

export interface LessonForm {
  school_id: number | null
  date: string
  theme: string
  /** '' when none. */
  observance: string
  title: string
  whole_school: boolean
  class_ids: number[]
  /** Empty until typed. */
  participants: number | null | undefined
  speaker: string
  materials: string
  note: string
}

export function emptyLessonForm(today: string, schoolId: number | null = null): LessonForm {
  return {
    school_id: schoolId,
    date: today,
    theme: '',
    observance: '',
    title: '',
    whole_school: true,
    class_ids: [],
    participants: undefined,
    speaker: '',
    materials: '',
    note: '',
  }
}

export function lessonToForm(l: EduLesson): LessonForm {
  return {
    school_id: l.school_id,
    date: l.date,
    theme: l.theme,
    observance: l.observance,
    title: l.title,
    whole_school: l.whole_school,
    class_ids: [...l.class_ids],
    participants: l.participants,
    speaker: l.speaker,
    materials: l.materials,
    note: l.note,
  }
}

/** What a link presets in a new record's form. */
export interface LessonPreset {
  school_id?: number
  theme?: string
  observance?: string
  date?: string
}

/**
 * The presets of /edu/lessons?record=1&theme=other&observance=fire_month&date=2026-11-30 (the
 * calendar's 去记录): null without record=1. A date later than today is not taken.
 */
export function lessonPresetFromRoute(query: LocationQuery, today: string): LessonPreset | null {
  if (!recordsFromLink(query)) return null
  const p: LessonPreset = {}
  const school = positive(query.school_id)
  if (school) p.school_id = school
  const theme = one(query.theme)
  if (theme) p.theme = theme
  const observance = one(query.observance)
  if (isObservance(observance)) p.observance = observance
  const date = one(query.date)
  if (DATE.test(date) && date <= today) p.date = date
  return p
}

/** The observances an activity on `date` may name: those whose window holds the date. */
export function observancesOn(observances: readonly EduObservance[] | undefined, date: string): EduObservance[] {
  if (!observances || !DATE.test(date)) return []
  return observances.filter((o) => o.first <= date && date <= o.last)
}

/** The year of a date (YYYY-MM-DD), or null. */
export function yearOf(date: string): number | null {
  return DATE.test(date) ? Number(date.slice(0, 4)) : null
}

function common(f: LessonForm, fileIds: readonly number[]): Omit<EduLessonInput, 'school_id'> {
  const body: Omit<EduLessonInput, 'school_id'> = {
    date: f.date,
    theme: f.theme,
    title: f.title.trim(),
    whole_school: f.whole_school,
    participants: f.participants ?? 0,
    speaker: f.speaker.trim(),
    materials: f.materials.trim(),
    note: f.note.trim(),
  }
  if (f.observance) body.observance = f.observance
  if (!f.whole_school) body.class_ids = [...f.class_ids]
  if (fileIds.length) body.file_ids = [...fileIds]
  return body
}

/** POST's body: the classes only when not the whole school, the observance and photos only when given. */
export function lessonCreateBody(f: LessonForm, fileIds: readonly number[] = []): EduLessonInput {
  return { school_id: f.school_id ?? 0, ...common(f, fileIds) }
}

/** PUT's body, with the version read: 409 when another save came first. The new photos add to those attached. */
export function lessonUpdateBody(f: LessonForm, version: number, fileIds: readonly number[] = []): EduLessonUpdate {
  return { ...common(f, fileIds), version }
}

/** The fields the form shows a reason beside (the API's names). */
export const LESSON_FIELDS: readonly string[] = [
  'school_id',
  'date',
  'theme',
  'observance',
  'title',
  'whole_school',
  'class_ids',
  'participants',
  'speaker',
  'materials',
  'note',
  'file_ids',
]

/** The reason of a list field (class_ids, or class_ids[2] naming one of them). */
export function listError(errors: Record<string, string>, field: string): string | undefined {
  const item = new RegExp(`^${field}\\[\\d+\\]$`)
  return errors[field] ?? Object.entries(errors).find(([k]) => item.test(k))?.[1]
}

/** The server's reasons that no field of the form shows (listed above the form instead). */
export function unplacedLessonErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !LESSON_FIELDS.includes(field) && !/^(class_ids|file_ids)\[\d+\]$/.test(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- The education calendar ----

/** A window in full: 2026-11-01 至 2026-11-30; one day alone. */
export function windowText(t: Translate, w: Pick<EduCalendarItem, 'first' | 'last'>): string {
  if (w.first === w.last) return w.first
  return t('edu.calendar.window', { first: w.first, last: w.last })
}

/** A window in short (a matrix's column): 11-01~11-30 within a year, else 26-09-01~27-01-20. */
export function shortWindow(w: Pick<EduCalendarItem, 'first' | 'last'>): string {
  const sameYear = w.first.slice(0, 4) === w.last.slice(0, 4)
  const cut = (d: string) => (sameYear ? d.slice(5) : d.slice(2))
  return w.first === w.last ? cut(w.first) : `${cut(w.first)}~${cut(w.last)}`
}

/** The outcomes a school still has work on. */
export const isOpenOutcome = (outcome: string): boolean => outcome === 'due' || outcome === 'fail'

/** The theme a record of an item is of (开学安全第一课, 防欺凌, or 其他 for a dated day or month), and its observance. */
export function recordTheme(code: string): { theme: string; observance?: string } {
  if (code === 'first_lesson') return { theme: 'first_lesson' }
  if (code === 'bullying_lesson') return { theme: 'bullying' }
  return { theme: 'other', observance: code }
}

/**
 * 去记录 of an item not met yet (待完成 or 未达标) whose window has begun: the record form
 * (/edu/lessons?record=1) with the theme, the observance and a date the record counts on (today,
 * or the window's last day once it is over), and the school for a user who sees several.
 * Null for an item met, not applicable, or not begun.
 */
export function recordLink(item: Pick<EduCalendarItem, 'code' | 'outcome' | 'first' | 'last'>, today: string, schoolId?: number): RouteLocationRaw | null {
  if (!isOpenOutcome(item.outcome) || item.first > today) return null
  const { theme, observance } = recordTheme(item.code)
  const query: Record<string, string> = { record: '1', theme }
  if (observance) query.observance = observance
  query.date = today <= item.last ? today : item.last
  if (schoolId) query.school_id = String(schoolId)
  return { name: 'edu-lessons', query }
}

/** 查看记录 of an item: the school's records of its theme or observance in its window. */
export function evidenceLink(item: Pick<EduCalendarItem, 'code' | 'first' | 'last'>, schoolId: number): RouteLocationRaw {
  const { theme, observance } = recordTheme(item.code)
  const query: Record<string, string> = { school_id: String(schoolId) }
  if (observance) query.observance = observance
  else query.theme = theme
  query.from = item.first
  query.to = item.last
  return { name: 'edu-lessons', query }
}

/** A school's columns not met yet (待完成 or 未达标), in the columns' order. */
export function openColumns(row: EduCalendarSchoolRow, columns: readonly EduCalendarColumn[]): { column: EduCalendarColumn; outcome: string }[] {
  return columns.filter((c) => isOpenOutcome(row.cells[c.key] ?? '')).map((c) => ({ column: c, outcome: row.cells[c.key] }))
}

/** The outcomes of a school's items, counted. */
export function outcomeCounts(items: readonly Pick<EduCalendarItem, 'outcome'>[]): { pass: number; due: number; fail: number; na: number } {
  const out = { pass: 0, due: 0, fail: 0, na: 0 }
  for (const i of items) {
    if (i.outcome === 'pass' || i.outcome === 'due' || i.outcome === 'fail' || i.outcome === 'na') out[i.outcome]++
  }
  return out
}

/** The outcome's words: the server's label, else the locale's. */
export function outcomeText(t: Translate, outcome: string, label?: string): string {
  if (label) return label
  return ['pass', 'due', 'fail', 'na'].includes(outcome) ? t(`edu.calendar.outcome.${outcome}`) : outcome
}
