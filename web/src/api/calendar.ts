// The school calendar (校历): the State Council's holiday notices by year (国家节假日安排), what a
// bureau, cluster or school sets (semesters, days off and extra school days, dismissal times) and
// what is in force for it, and a school's month day by day with its 1530 duties.
// Types follow docs/api/openapi.yaml (tag 校历) and the server's JSON (src/http/json/calendar_json.cpp).
import { http } from './http'

// ---- Holiday notices ----

export interface Holiday {
  name: string
  /** YYYY-MM-DD, the first day off. */
  from: string
  /** YYYY-MM-DD, the last day off. */
  to: string
  days: number
  /** Make-up working days (调休上班), YYYY-MM-DD, each a Saturday or Sunday. */
  workdays: string[]
}

export interface HolidayYear {
  year: number
  title: string
  source: string
  loaded_at: string
  /** Who loaded it, or `system` for a notice shipped with Xiaoan. */
  loaded_by: string
  holidays: Holiday[]
}

export interface HolidayInput {
  name: string
  from: string
  to: string
  workdays?: string[]
}

/** The body of PUT /calendar/holidays/{year}: the shape of the files in data/holidays/. */
export interface HolidayYearInput {
  year: number
  title: string
  source?: string
  holidays: HolidayInput[]
}

// ---- A unit's calendar ----

/** 1 = 第一学期 (autumn), 2 = 第二学期 (spring). */
export type TermNo = 1 | 2

export interface TermInput {
  /** 2026 = 2026—2027学年. */
  school_year: number
  term: TermNo
  starts_on: string
  ends_on: string
}

export interface Term extends TermInput {
  /** 2026—2027学年第一学期 */
  label: string
  unit_id: number
  /** In the effective lists only: the unit the term comes from. */
  unit_name?: string
}

export interface DayExceptionInput {
  date: string
  /** false: a day off (停课); true: an extra school day (加课). */
  school_day: boolean
  reason: string
}

export interface DayException extends DayExceptionInput {
  unit_id: number
  unit_name?: string
}

export interface DismissalInput {
  /** 0 = every grade, or 1–12. */
  grade: number
  /** 0 = every day, 1 = Monday … 7 = Sunday. */
  weekday: number
  /** HH:MM, 10:00–21:00. */
  time: string
}

export interface Dismissal extends DismissalInput {
  unit_id: number
  unit_name?: string
}

/** Only bureaus, clusters and schools keep calendars. */
export type CalendarUnitKind = 'bureau' | 'cluster' | 'school'
export const CALENDAR_UNIT_KINDS: readonly string[] = ['bureau', 'cluster', 'school']

export interface UnitCalendar {
  unit: { id: number; name: string; kind: string }
  /** What this unit set itself. */
  terms: Term[]
  exceptions: DayException[]
  dismissals: Dismissal[]
  /** What is in force for the unit, each naming the unit it comes from. */
  effective_terms: Term[]
  effective_exceptions: DayException[]
  effective_dismissals: Dismissal[]
}

// ---- A school's month ----

export type DayKind = 'school_day' | 'weekend' | 'holiday' | 'vacation' | 'day_off' | 'unknown'
export const DAY_KINDS: DayKind[] = ['school_day', 'weekend', 'holiday', 'vacation', 'day_off', 'unknown']

/** edu.1530.daily, edu.1530.weekly, edu.1530.holiday. */
export interface DayDuty {
  code: string
  label: string
  /** HH:MM, when the reminder is due. */
  at: string | null
}

export interface CalendarDay {
  date: string
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  kind: DayKind
  /** Holiday name, exception reason, 寒假/暑假, or 国庆节调休上课. */
  name: string
  /** The holiday the day is off or worked for. */
  holiday: string
  makeup_workday: boolean
  /** The day is the school's (or its bureau's) own exception. */
  exception: boolean
  /** The semester's label, empty outside semesters. */
  term: string
  /** The default dismissal time on school days. */
  dismissal: string | null
  /** The last school day of its school week. */
  last_of_week: boolean
  /** The break it precedes (国庆节, 寒假, 秋季运动会 …), empty otherwise. */
  before_break: string
  duties: DayDuty[]
}

export interface CalendarMonth {
  school: { id: number; name: string }
  /** YYYY-MM */
  month: string
  /** Years whose holiday notice is not loaded: their days in a semester are `unknown`. */
  missing_years: number[]
  terms: Term[]
  dismissals: Dismissal[]
  days: CalendarDay[]
}

// ---- Clients ----

export const calendarApi = {
  /** Every loaded holiday notice (calendar:read). */
  holidays: () => http.get<{ items: HolidayYear[] }>('/api/v1/calendar/holidays'),
  /** Stores or replaces a year's notice (calendar:holidays). */
  putHolidays: (year: number, input: HolidayYearInput) =>
    http.put<HolidayYear>(`/api/v1/calendar/holidays/${year}`, input),
  /** What a unit sets and what is in force for it. */
  unit: (unitId: number) => http.get<UnitCalendar>(`/api/v1/units/${unitId}/calendar`),
  /** Each replaces the whole list of its kind for the unit (calendar:write). */
  putTerms: (unitId: number, terms: TermInput[]) =>
    http.put<UnitCalendar>(`/api/v1/units/${unitId}/calendar/terms`, { terms }),
  putExceptions: (unitId: number, exceptions: DayExceptionInput[]) =>
    http.put<UnitCalendar>(`/api/v1/units/${unitId}/calendar/exceptions`, { exceptions }),
  putDismissals: (unitId: number, dismissals: DismissalInput[]) =>
    http.put<UnitCalendar>(`/api/v1/units/${unitId}/calendar/dismissals`, { dismissals }),
  /** A school's month, YYYY-MM (default: the current month in China). */
  month: (schoolId: number, month?: string) =>
    http.get<CalendarMonth>(`/api/v1/schools/${schoolId}/calendar`, { month }),
}
