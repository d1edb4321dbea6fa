// The 1530 pages' pure parts: grade and class names, the sections of the teacher's page, the
// check-in body, the classes' search form and edit form with their API bodies, the completion
// query of a period and the rates as shown. Unit-tested in __tests__/eduHelpers.spec.ts.
import type {
  EduCheckinInput,
  EduClass,
  EduClassInput,
  EduClassQuery,
  EduClassUpdate,
  EduCompletionQuery,
  EduPeriod,
  EduSchoolCompletion,
  EduSession,
} from '@/api/edu'
import { EDU_GRADES } from '@/api/edu'
import { chinaTime } from '@/views/whistles/whistleHelpers'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** 0 → 幼儿园/未分年级, 1–12 → 一年级 … 高三; anything else as the number. */
export function gradeLabel(t: Translate, grade: unknown): string {
  if (typeof grade !== 'number' || !EDU_GRADES.includes(grade)) return grade === undefined || grade === null ? '' : String(grade)
  return t(`edu.grade[${grade}]`)
}

/** The grades as select options. */
export function gradeOptions(t: Translate): { value: number; label: string }[] {
  return EDU_GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))
}

/**
 * A class as people say it: the grade before a name that does not already say it (三年级2班);
 * a class without a grade (幼儿园/未分年级) by its name alone.
 */
export function classTitle(t: Translate, grade: number, name: string): string {
  if (!grade || !EDU_GRADES.includes(grade)) return name
  const g = gradeLabel(t, grade)
  return name.startsWith(g) ? name : g + name
}

/** The kind's words: the server's label, else the locale's (每日放学前1分钟 …). */
export function kindLabel(t: Translate, kind: string, label?: string): string {
  if (label) return label
  return ['daily', 'weekly', 'holiday'].includes(kind) ? t(`edu.kind.${kind}`) : kind
}

// ---- The teacher's page ----

export interface SessionSections {
  /** Today's sessions. */
  today: EduSession[]
  /** Earlier sessions that may still be checked in late (and those just checked in here). */
  late: EduSession[]
  /** Earlier sessions not held and past the late limit. */
  missed: EduSession[]
}

/** The server's list cut into today's, those to record late, and those missed for good. */
export function sessionSections(items: readonly EduSession[], today: string): SessionSections {
  const out: SessionSections = { today: [], late: [], missed: [] }
  for (const s of items) {
    if (s.date === today) out.today.push(s)
    else if (s.can_check_in || s.checkin) out.late.push(s)
    else out.missed.push(s)
  }
  return out
}

/** The key of a session: a class has at most one session of a kind a day. */
export const sessionKey = (s: Pick<EduSession, 'class_id' | 'date' | 'kind'>): string => `${s.class_id}-${s.date}-${s.kind}`

/** Whether the session is recorded (on time or late). */
export const isDone = (s: Pick<EduSession, 'state' | 'checkin'>): boolean => !!s.checkin || s.state === 'done' || s.state === 'late'

/** When a check-in was made, in China: HH:mm on its own day, else MM-DD HH:mm. */
export function checkinTime(s: Pick<EduSession, 'date' | 'checkin'>): string {
  const at = chinaTime(s.checkin?.at)
  if (!at) return ''
  return at.slice(0, 10) === s.date ? at.slice(11) : at.slice(5)
}

export interface CheckinForm {
  topic: string
  note: string
}

/** The check-in body: the session's class, day and kind, the topic chosen (else the suggested one), the note and the photos. */
export function checkinInput(s: EduSession, form: CheckinForm, fileIds: readonly number[]): EduCheckinInput {
  return {
    class_id: s.class_id,
    date: s.date,
    kind: s.kind,
    topic: form.topic || s.topic,
    note: form.note.trim(),
    file_ids: [...fileIds],
  }
}

/** The most characters of a check-in's note. */
export const NOTE_MAX = 500

// ---- Classes ----

export interface ClassSearch {
  school_id: number | undefined
  /** '' or undefined while 全部 (a cleared select). */
  grade: number | '' | undefined
  q: string
  include_inactive: boolean
}

export const emptyClassSearch = (): ClassSearch => ({ school_id: undefined, grade: undefined, q: '', include_inactive: false })

/** The API filters of an applied form: only what is set. */
export function classFilter(s: ClassSearch): EduClassQuery {
  const q: EduClassQuery = {}
  if (typeof s.school_id === 'number') q.school_id = s.school_id
  if (typeof s.grade === 'number') q.grade = s.grade
  if (s.q.trim()) q.q = s.q.trim()
  if (s.include_inactive) q.include_inactive = true
  return q
}

export interface ClassForm {
  school_id: number | null
  grade: number | null
  name: string
  teacher: string
  /** 班级人数; empty (or 0) = unknown. */
  students: number | null | undefined
  active: boolean
}

/** The most students a class may have (班级人数). */
export const CLASS_STUDENTS_MAX = 200

export const emptyClassForm = (schoolId: number | null = null): ClassForm => ({
  school_id: schoolId,
  grade: null,
  name: '',
  teacher: '',
  students: undefined,
  active: true,
})

export function classToForm(c: EduClass): ClassForm {
  return { school_id: c.school_id, grade: c.grade, name: c.name, teacher: c.teacher, students: c.students || undefined, active: c.active }
}

/** 班级人数 as sent: a whole number 0–200, 0 when not given. */
export function studentsOf(f: Pick<ClassForm, 'students'>): number {
  const n = f.students
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(CLASS_STUDENTS_MAX, Math.round(n))) : 0
}

export function createBody(f: ClassForm): EduClassInput {
  return { school_id: f.school_id ?? 0, grade: f.grade ?? 0, name: f.name.trim(), teacher: f.teacher, students: studentsOf(f) }
}

/** The update body, with the version read: 409 when another save came first. */
export function updateBody(f: ClassForm, version: number): EduClassUpdate {
  return { grade: f.grade ?? 0, name: f.name.trim(), teacher: f.teacher, students: studentsOf(f), active: f.active, version }
}

/** 班级人数 as shown: the number, or — when unknown (0). */
export const studentsText = (n: number | null | undefined): string => (typeof n === 'number' && n > 0 ? String(n) : '—')

// ---- Completion ----

export interface CompletionChoice {
  period: EduPeriod
  /** The custom period's days. */
  range: [string, string] | null
  /** The school to show (a school user's own, or the one a bureau user picked). */
  schoolId: number | undefined
}

/**
 * The completion query: the period (the week or semester of today) or the custom days, and the
 * school when one is shown. Null for a custom period without both days.
 */
export function completionQuery(c: CompletionChoice): EduCompletionQuery | null {
  const q: EduCompletionQuery = { period: c.period }
  if (c.period === 'custom') {
    if (!c.range || !c.range[0] || !c.range[1]) return null
    q.from = c.range[0]
    q.to = c.range[1]
  }
  if (typeof c.schoolId === 'number') q.school_id = c.schoolId
  return q
}

/** A rate (0..1) in percent with one decimal: 87.5%; nothing due is —. */
export function rateText(rate: number | null | undefined, due?: number): string {
  if (due === 0 || rate === null || rate === undefined || Number.isNaN(rate)) return '—'
  const pct = Math.round(rate * 1000) / 10
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`
}

/** A rate in whole percent for a progress bar (0–100). */
export function ratePercent(rate: number | null | undefined): number {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 0
  return Math.max(0, Math.min(100, Math.round(rate * 100)))
}

/** The bar's colour: met (≥ 95%), short (≥ 80%), or far short. */
export function rateStatus(rate: number, due: number): 'success' | 'warning' | 'exception' | undefined {
  if (due === 0) return undefined
  if (rate >= 0.95) return 'success'
  if (rate >= 0.8) return 'warning'
  return 'exception'
}

/** The schools, lowest rate first (as the server sends them; kept stable), nothing due last. */
export function schoolsByRate(rows: readonly EduSchoolCompletion[]): EduSchoolCompletion[] {
  const key = (r: EduSchoolCompletion) => (r.due === 0 ? Number.POSITIVE_INFINITY : r.rate)
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => key(a.r) - key(b.r) || a.i - b.i)
    .map((x) => x.r)
}
