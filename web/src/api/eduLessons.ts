// 安全教育活动: the safety education a school holds besides the 1530 reminders — 开学安全第一课,
// 防欺凌专题教育, themed lessons, and the activities of the dated days and months (全国中小学生安全
// 教育日, 全民国家安全教育日, 安全生产月, 消防宣传月) — recorded with their photos, and the education
// calendar (安全教育日历): what each school was to hold in a year, by its window, with the outcome
// judged from the records (达标 / 待完成 / 未达标 / 不适用), for a school or the district by school.
// Types follow the API contract (snake_case).
import { download, http, type Download, type Page, type Query } from './http'
import type { StoredFile } from './files'

export type EduObservanceCode = 'safety_day' | 'security_day' | 'production_month' | 'fire_month'
export const EDU_OBSERVANCES: readonly EduObservanceCode[] = ['safety_day', 'security_day', 'production_month', 'fire_month']

/** A theme of a record (first_lesson 开学安全第一课, bullying 防欺凌, … other 其他). */
export interface EduTheme {
  code: string
  label: string
}

/** A dated day or month of a year; an activity for it is dated within [first, last]. */
export interface EduObservance {
  code: EduObservanceCode | string
  label: string
  /** "4月15日", "11月，11月9日全国消防日". */
  note: string
  /** The day itself (YYYY-MM-DD); a month's first day for a month. */
  day: string
  first: string
  last: string
}

/** GET /api/v1/edu/themes?year=: the themes, and the observances of the year. */
export interface EduThemes {
  year: number
  themes: EduTheme[]
  observances: EduObservance[]
}

export interface EduLesson {
  id: number
  school_id: number
  school_name: string
  /** YYYY-MM-DD, never later than today. */
  date: string
  theme: string
  theme_label: string
  /** An observance's code, or "" when none. */
  observance: string
  observance_label: string
  title: string
  whole_school: boolean
  /** The classes that took part when not the whole school. */
  class_ids: number[]
  participants: number
  /** 主讲人. */
  speaker: string
  /** 教育材料: slides, videos, handouts. */
  materials: string
  note: string
  recorded_by: string
  recorded_by_name: string
  created_at: string
  updated_at: string
  version: number
}

export interface EduLessonDetail extends EduLesson {
  /** The classes' names (三年级2班), in the order of class_ids. */
  class_names: string[]
  /** Photos and documents of the activity. */
  files: StoredFile[]
  can_edit: boolean
}

/** POST /api/v1/edu/lessons. */
export interface EduLessonInput {
  school_id: number
  date: string
  theme: string
  observance?: string
  /** At most 100 characters. */
  title: string
  whole_school: boolean
  /** Required when not the whole school. */
  class_ids?: number[]
  /** 1–100000. */
  participants: number
  speaker?: string
  materials?: string
  note?: string
  /** Files uploaded first (POST /api/v1/files); an edit adds them to those attached. */
  file_ids?: number[]
}

/** PUT /api/v1/edu/lessons/{id}: a record stays with its school; 409 edu_lesson.stale when `version` is stale. */
export type EduLessonUpdate = Omit<EduLessonInput, 'school_id'> & { version: number }

export type EduLessonSort = 'date' | '-date' | 'school' | '-school' | 'theme' | '-theme'

export interface EduLessonQuery {
  school_id?: number
  theme?: string
  observance?: string
  /** YYYY-MM-DD, inclusive. */
  from?: string
  to?: string
  /** The title contains. */
  q?: string
  page?: number
  page_size?: number
  sort?: EduLessonSort
}

// ---- The education calendar ----

export type EduOutcome = 'pass' | 'due' | 'fail' | 'na'

/** first_lesson, bullying_lesson, or an observance's code. */
export type EduCalendarCode = 'first_lesson' | 'bullying_lesson' | EduObservanceCode

/** What a school was to hold in a window, judged. */
export interface EduCalendarItem {
  /** "first_lesson:2026-1", "fire_month:2026". */
  key: string
  code: EduCalendarCode | string
  /** The rule judging it (edu.first_lesson, edu.bullying_lesson, edu.days). */
  rule: string
  label: string
  /** The semester (2026—2027学年第一学期) or the day (4月15日). */
  note: string
  first: string
  last: string
  outcome: EduOutcome | string
  /** 达标 / 待完成 / 未达标 / 不适用. */
  outcome_label: string
  reason: string
  /** The records that count (lesson ids). */
  evidence: number[]
}

/** With school_id: the school's items of the year, by their first day. */
export interface EduSchoolCalendar {
  year: number
  today: string
  school: true
  school_id: number
  school_name: string
  items: EduCalendarItem[]
}

export interface EduCalendarColumn {
  key: string
  code: EduCalendarCode | string
  label: string
  note: string
  first: string
  last: string
}

export interface EduCalendarSchoolRow {
  school_id: number
  school_name: string
  pass: number
  due: number
  fail: number
  /** Each column's outcome by its key. */
  cells: Record<string, EduOutcome | string>
}

/** Without school_id (the bureau): the district by school, the schools with most failures first. */
export interface EduDistrictCalendar {
  year: number
  today: string
  school: false
  columns: EduCalendarColumn[]
  schools: EduCalendarSchoolRow[]
}

export type EduCalendarView = EduSchoolCalendar | EduDistrictCalendar

export interface EduCalendarQuery {
  school_id?: number
  /** Default: this year. */
  year?: number
}

const lessons = '/api/v1/edu/lessons'
export const EDU_LESSON_EXPORT_PATH = `${lessons}/export`

export const eduLessonsApi = {
  themes: (year?: number) => http.get<EduThemes>('/api/v1/edu/themes', { year }),
  list: (query: EduLessonQuery = {}) => http.get<Page<EduLesson>>(lessons, { ...query } as Query),
  /** The filtered records as 安全教育活动.xlsx (no paging, no sort: the export refuses other parameters). */
  export: (query: EduLessonQuery = {}): Promise<Download> => {
    const { page: _p, page_size: _s, sort: _o, ...filters } = query
    void _p
    void _s
    void _o
    return download(EDU_LESSON_EXPORT_PATH, filters as Query)
  },
  get: (id: number) => http.get<EduLessonDetail>(`${lessons}/${id}`),
  /** 201; 422 names the field (date, theme, observance, title, class_ids, participants …). */
  create: (input: EduLessonInput) => http.post<EduLessonDetail>(lessons, input),
  /** 409 edu_lesson.stale when `version` is stale. */
  update: (id: number, input: EduLessonUpdate) => http.put<EduLessonDetail>(`${lessons}/${id}`, input),
  remove: (id: number) => http.del(`${lessons}/${id}`),
  calendar: (query: EduCalendarQuery = {}) => http.get<EduCalendarView>('/api/v1/edu/calendar', { ...query } as Query),
}
