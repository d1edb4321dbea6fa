// The school calendar pages (校历) as pure functions, unit-tested in
// __tests__/calendarHelpers.spec.ts: months and the Monday-first month grid, what a day is marked
// with (text and colour), the 1530 duties' badges, the settings tables as forms and back as PUT
// bodies, client checks, the server's field paths (terms[1].starts_on) split into table cells and
// the rest, and reading a holiday notice file.
import type {
  CalendarDay,
  DayExceptionInput,
  DismissalInput,
  HolidayYearInput,
  TermInput,
  TermNo,
  UnitCalendar,
} from '@/api/calendar'
import type { TagType } from '@/utils/tags'

// ---- Months ----

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The month of a local date, YYYY-MM. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`
}

/** The day of a local date, YYYY-MM-DD. */
export function dayOf(date: Date): string {
  return `${monthOf(date)}-${pad(date.getDate())}`
}

/** `month` moved by `delta` months: shiftMonth('2026-01', -1) = '2025-12'. */
export function shiftMonth(month: string, delta: number): string {
  const m = MONTH.exec(month)
  if (!m) return month
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + delta
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

export function monthParts(month: string): { year: number; month: number } {
  const m = MONTH.exec(month)
  return m ? { year: Number(m[1]), month: Number(m[2]) } : { year: 0, month: 0 }
}

// ---- The month grid ----

/**
 * The days as weeks of seven, Monday first: blanks (null) before the first day (its weekday
 * minus one) and after the last, so every week is full. Days are in date order, as the server
 * answers them.
 */
export function monthGrid<T extends { weekday: number }>(days: readonly T[]): (T | null)[][] {
  if (days.length === 0) return []
  const lead = Math.min(Math.max(days[0].weekday, 1), 7) - 1
  const cells: (T | null)[] = [...Array<null>(lead).fill(null), ...days]
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (T | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

// ---- What a day is marked with ----

/**
 * A day's mark: its kind, with school days split into ordinary ones, make-up days of a holiday
 * (调休上课, 班) and a unit's extra school days (加课).
 */
export type DayMark = 'school_day' | 'makeup' | 'extra' | 'weekend' | 'holiday' | 'vacation' | 'day_off' | 'unknown'

/** The marks in the order of the legend. */
export const DAY_MARKS: readonly DayMark[] = [
  'school_day',
  'makeup',
  'extra',
  'weekend',
  'holiday',
  'vacation',
  'day_off',
  'unknown',
]

export function dayMark(day: Pick<CalendarDay, 'kind' | 'makeup_workday' | 'exception'>): DayMark {
  if (day.kind === 'school_day') {
    if (day.makeup_workday) return 'makeup'
    if (day.exception) return 'extra'
    return 'school_day'
  }
  return day.kind
}

/** The colour of a mark's tag (always shown with its text: calendar.mark.*). */
export const MARK_TAG: Record<DayMark, TagType> = {
  school_day: 'primary',
  makeup: 'warning',
  extra: 'warning',
  weekend: 'info',
  holiday: 'danger',
  vacation: 'success',
  day_off: 'danger',
  unknown: 'info',
}

/**
 * What the day is called: the server's name (国庆节, 秋季运动会, 寒假, 国庆节调休上课); a make-up day
 * says it is one (`makeupText`, 调休上课) even when the name does not.
 */
export function dayName(day: Pick<CalendarDay, 'name' | 'holiday' | 'makeup_workday'>, makeupText = '调休上课'): string {
  if (day.makeup_workday && !day.name.includes('调休')) return `${day.holiday || day.name}${makeupText}`
  return day.name
}

// ---- 1530 duties ----

export type DutyKind = 'daily' | 'weekly' | 'holiday' | 'other'

/** edu.1530.daily → daily (放学前 1 分钟), weekly (周末 5 分钟), holiday (节前 30 分钟). */
export function dutyKind(code: string): DutyKind {
  const last = code.split('.').pop() ?? ''
  return last === 'daily' || last === 'weekly' || last === 'holiday' ? last : 'other'
}

export const DUTY_TAG: Record<DutyKind, TagType> = {
  daily: 'info',
  weekly: 'primary',
  holiday: 'warning',
  other: 'info',
}

// ---- Dismissals ----

/** 0 = 全校, 1–12 = the grade. */
export const GRADES: readonly number[] = Array.from({ length: 13 }, (_, i) => i)
/** 0 = 每天, 1 = 周一 … 7 = 周日. */
export const WEEKDAYS: readonly number[] = Array.from({ length: 8 }, (_, i) => i)

/** Dismissal entries by grade, then weekday (every grade and every day first). */
export function sortDismissals<T extends DismissalInput>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.grade - b.grade || a.weekday - b.weekday || a.time.localeCompare(b.time))
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** HH:MM within 10:00–21:00, as the server accepts. */
export function validTime(time: string | null | undefined): boolean {
  return !!time && TIME.test(time) && time >= '10:00' && time <= '21:00'
}

/** The times offered for a dismissal, every `step` minutes from 10:00 to 21:00, plus `extra` (a time set otherwise). */
export function timeOptions(step = 5, extra: readonly (string | null)[] = []): string[] {
  const out = new Set<string>()
  for (let m = 10 * 60; m <= 21 * 60; m += step) out.add(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`)
  for (const x of extra) if (x && TIME.test(x)) out.add(x)
  return [...out].sort()
}

// ---- Semesters ----

/** The school year a date lies in: from August on, the year's; before, the year before. */
export function schoolYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number)
  return m >= 8 ? y : y - 1
}

/** The school years offered: two before today's to three after, and any a row already has. */
export function schoolYearOptions(today: string, have: readonly (number | null)[] = []): number[] {
  const base = schoolYearOf(today)
  const out = new Set<number>()
  for (let y = base - 2; y <= base + 3; y++) out.add(y)
  for (const y of have) if (typeof y === 'number' && y >= 2000 && y <= 2100) out.add(y)
  return [...out].sort((a, b) => a - b)
}

/** The semester a new row proposes: the one after the last row's, or the one today lies in. */
export function nextTerm(rows: readonly Pick<TermRow, 'school_year' | 'term'>[], today: string): { school_year: number; term: TermNo } {
  const last = [...rows].reverse().find((r) => r.school_year !== null && r.term !== null)
  if (last && last.school_year !== null) {
    return last.term === 1 ? { school_year: last.school_year, term: 2 } : { school_year: last.school_year + 1, term: 1 }
  }
  const [, m] = today.split('-').map(Number)
  return { school_year: schoolYearOf(today), term: m >= 8 || m === 1 ? 1 : 2 }
}

// ---- The settings tables as forms ----

/** Cleared fields are null while editing. */
export interface TermRow {
  school_year: number | null
  term: TermNo | null
  starts_on: string | null
  ends_on: string | null
}

export interface ExceptionRow {
  date: string | null
  school_day: boolean
  reason: string
}

export interface DismissalRow {
  grade: number
  weekday: number
  time: string | null
}

export interface RowsForm<R> {
  rows: R[]
}

export const termsForm = (cal: Pick<UnitCalendar, 'terms'>): RowsForm<TermRow> => ({
  rows: cal.terms.map((t) => ({ school_year: t.school_year, term: t.term, starts_on: t.starts_on, ends_on: t.ends_on })),
})

export const exceptionsForm = (cal: Pick<UnitCalendar, 'exceptions'>): RowsForm<ExceptionRow> => ({
  rows: cal.exceptions.map((e) => ({ date: e.date, school_day: e.school_day, reason: e.reason })),
})

export const dismissalsForm = (cal: Pick<UnitCalendar, 'dismissals'>): RowsForm<DismissalRow> => ({
  rows: sortDismissals(cal.dismissals).map((d) => ({ grade: d.grade, weekday: d.weekday, time: d.time })),
})

/** The PUT bodies: the rows in the order shown (the server's error paths count rows in that order). */
export const termsBody = (form: RowsForm<TermRow>): TermInput[] =>
  form.rows.map((r) => ({
    school_year: r.school_year ?? 0,
    term: (r.term ?? 0) as TermNo,
    starts_on: r.starts_on ?? '',
    ends_on: r.ends_on ?? '',
  }))

export const exceptionsBody = (form: RowsForm<ExceptionRow>): DayExceptionInput[] =>
  form.rows.map((r) => ({ date: r.date ?? '', school_day: r.school_day, reason: r.reason.trim() }))

export const dismissalsBody = (form: RowsForm<DismissalRow>): DismissalInput[] =>
  form.rows.map((r) => ({ grade: r.grade, weekday: r.weekday, time: r.time ?? '' }))

// ---- Client checks ----

export type SettingsList = 'terms' | 'exceptions' | 'dismissals'

/** The error key of one cell, the server's path: terms[1].starts_on. */
export function cellKey(list: SettingsList, row: number, field: string): string {
  return `${list}[${row}].${field}`
}

export interface RowProblem {
  key: string
  /** required: empty; order: ends before it starts; duplicate: the same as an earlier row; time: not HH:MM within 10:00–21:00. */
  kind: 'required' | 'order' | 'duplicate' | 'time'
  /** 1-based, for messages. */
  row: number
  field: string
}

export function termProblems(rows: readonly TermRow[]): RowProblem[] {
  const out: RowProblem[] = []
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const p = (kind: RowProblem['kind'], field: string) => out.push({ key: cellKey('terms', i, field), kind, row: i + 1, field })
    if (r.school_year === null) p('required', 'school_year')
    if (r.term === null) p('required', 'term')
    if (!r.starts_on) p('required', 'starts_on')
    if (!r.ends_on) p('required', 'ends_on')
    else if (r.starts_on && r.ends_on < r.starts_on) p('order', 'ends_on')
    if (r.school_year !== null && r.term !== null) {
      const k = `${r.school_year}-${r.term}`
      if (seen.has(k)) p('duplicate', 'term')
      seen.add(k)
    }
  })
  return out
}

export function exceptionProblems(rows: readonly ExceptionRow[]): RowProblem[] {
  const out: RowProblem[] = []
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const p = (kind: RowProblem['kind'], field: string) =>
      out.push({ key: cellKey('exceptions', i, field), kind, row: i + 1, field })
    if (!r.date) p('required', 'date')
    else if (seen.has(r.date)) p('duplicate', 'date')
    if (r.date) seen.add(r.date)
    if (!r.reason.trim()) p('required', 'reason')
  })
  return out
}

export function dismissalProblems(rows: readonly DismissalRow[]): RowProblem[] {
  const out: RowProblem[] = []
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const p = (kind: RowProblem['kind'], field: string) =>
      out.push({ key: cellKey('dismissals', i, field), kind, row: i + 1, field })
    if (!r.time) p('required', 'time')
    else if (!validTime(r.time)) p('time', 'time')
    const k = `${r.grade}-${r.weekday}`
    if (seen.has(k)) p('duplicate', 'weekday')
    seen.add(k)
  })
  return out
}

// ---- The server's field paths ----

const PATH = /^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?$/

/** `terms[1].starts_on` → { list: 'terms', row: 1, field: 'starts_on' }; `terms[1]` has field ''. */
export function parsePath(path: string): { list: string; row: number; field: string } | null {
  const m = PATH.exec(path)
  return m ? { list: m[1], row: Number(m[2]), field: m[3] ?? '' } : null
}

export interface OtherError {
  key: string
  /** 1-based row the error names, null when it names none (unit_id, terms …). */
  row: number | null
  field: string
  reason: string
}

/**
 * The errors without a cell in the table (a whole row, an unknown field, the unit itself): listed
 * above the table naming the row. `fields` are the table's columns.
 */
export function otherErrors(
  errors: Record<string, string>,
  list: SettingsList,
  rowCount: number,
  fields: readonly string[],
): OtherError[] {
  const out: OtherError[] = []
  for (const [key, reason] of Object.entries(errors)) {
    const p = parsePath(key)
    if (p && p.list === list && p.row < rowCount && fields.includes(p.field)) continue
    out.push({ key, row: p && p.list === list ? p.row + 1 : null, field: p ? p.field : key, reason })
  }
  return out
}

/** Rows inherited from units above: the effective list without the unit's own. */
export function inherited<T extends { unit_id: number }>(list: readonly T[], unitId: number): T[] {
  return list.filter((x) => x.unit_id !== unitId)
}

// ---- A holiday notice file ----

export type HolidayFileProblem = 'json' | 'shape' | 'year'

/**
 * A holiday notice file (the shape of data/holidays/2026.json) read for PUT
 * /calendar/holidays/{year}: it must be a JSON object with an integer `year` and a `holidays`
 * list; everything else is the server's to check (and it names the field).
 */
export function parseHolidayFile(text: string): { input: HolidayYearInput } | { problem: HolidayFileProblem } {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { problem: 'json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'shape' }
  const v = value as Record<string, unknown>
  if (typeof v.year !== 'number' || !Number.isInteger(v.year)) return { problem: 'year' }
  if (!Array.isArray(v.holidays)) return { problem: 'shape' }
  return { input: v as unknown as HolidayYearInput }
}

/** The holiday a field path of the notice names: `holidays[1].workdays[0]` → the second holiday's name. */
export function holidayOfField(field: string, input: HolidayYearInput | null): string {
  const m = /^holidays\[(\d+)\]/.exec(field)
  if (!m || !input) return ''
  const h = input.holidays[Number(m[1])] as { name?: unknown } | undefined
  return typeof h?.name === 'string' ? h.name : ''
}

/** A unit calendar with nothing set (the settings forms' defaults). */
export function emptyCalendar(): UnitCalendar {
  return {
    unit: { id: 0, name: '', kind: '' },
    terms: [],
    exceptions: [],
    dismissals: [],
    effective_terms: [],
    effective_exceptions: [],
    effective_dismissals: [],
  }
}
