// 联防联控's pure parts: the words of a task's kinds and a department's state (the server's labels
// when given, else the locale's) and the state's tag colour (the label always beside it: never by
// colour alone); the progress (已报告 x / n, 逾期 n); the caller's own department of a task; when
// the report is due; who reported and when; a report's photos; the choices of departments (named
// with their kind); and the two forms — 下达任务 and the department's report (with the photos
// uploaded first, sent by id) — with their checks before sending (as the server would name them),
// their bodies, and the server's reasons no field shows.
// Unit-tested in __tests__/jointHelpers.spec.ts.
import {
  JOINT_COUNT_MAX,
  JOINT_COUNTS,
  JOINT_DEPARTMENTS_MAX,
  JOINT_KINDS,
  JOINT_REPORT_MAX,
  JOINT_STATES,
  JOINT_TEXT_MAX,
  JOINT_TITLE_MAX,
  type JointCountKey,
  type JointDepartment,
  type JointReport,
  type JointReportInput,
  type JointTask,
  type JointTaskInput,
} from '@/api/eduJoint'
import { isImage, type StoredFile } from '@/api/files'
import type { TagType } from '@/utils/tags'
import { chinaTime } from '@/views/whistles/whistleHelpers'

type Translate = (key: string, named?: Record<string, unknown>) => string

const KIND_CODES: readonly string[] = JOINT_KINDS.map((k) => k.code)
const STATE_CODES: readonly string[] = JOINT_STATES.map((s) => s.code)

// ---- Words ----

/** A kind's words: the server's label when given, else the locale's (the code for one not known). */
export function kindText(t: Translate, code: string, label?: string): string {
  if (label) return label
  return KIND_CODES.includes(code) ? t(`edu.joint.kind.${code}`) : code
}

/** A task's kinds as tags, in the server's order. */
export function kindTags(t: Translate, task: Pick<JointTask, 'kinds' | 'kind_labels'>): { code: string; label: string }[] {
  return task.kinds.map((code, i) => ({ code, label: kindText(t, code, task.kind_labels[i]) }))
}

/** The kinds as the form's checkboxes, in the contract's order. */
export const kindOptions = (t: Translate): { value: string; label: string }[] => JOINT_KINDS.map((k) => ({ value: k.code, label: t(`edu.joint.kind.${k.code}`) }))

/** A department's state in words: the server's label when given, else the locale's. */
export function stateText(t: Translate, state: string, label?: string): string {
  if (label) return label
  return STATE_CODES.includes(state) ? t(`edu.joint.state.${state}`) : state
}

/** The state's tag colour; the tag always says the state too. */
export function stateTagType(state: string): TagType {
  switch (state) {
    case 'reported':
      return 'success'
    case 'late':
      return 'warning'
    case 'overdue':
      return 'danger'
    default:
      return 'info'
  }
}

/** Whether a department has reported (on time or late). */
export const hasReported = (d: Pick<JointDepartment, 'state' | 'report'>): boolean => !!d.report || d.state === 'reported' || d.state === 'late'

/** 已报告 2 / 5. */
export const progressText = (t: Translate, task: Pick<JointTask, 'reported' | 'departments'>): string =>
  t('edu.joint.progress', { reported: task.reported, total: task.departments.length })

/** The share of the departments that reported, 0–100 (0 without departments). */
export function progressPercent(task: Pick<JointTask, 'reported' | 'departments'>): number {
  const n = task.departments.length
  return n > 0 ? Math.min(100, Math.round((task.reported / n) * 100)) : 0
}

/** 逾期 2, "" when none is overdue. */
export const overdueText = (t: Translate, task: Pick<JointTask, 'overdue'>): string => (task.overdue > 0 ? t('edu.joint.overdue', { n: task.overdue }) : '')

/** The caller's own department among a task's, when the caller's unit is one of them. */
export function ownDepartment(task: Pick<JointTask, 'departments'>, unitId: number | undefined): JointDepartment | undefined {
  if (unitId === undefined) return undefined
  return task.departments.find((d) => d.department_id === unitId)
}

const DAY = 86_400_000

/** Days from `today` to `due` (negative once past; NaN for a day not given). */
export function daysUntil(due: string, today: string): number {
  const a = Date.parse(`${today}T00:00:00Z`)
  const b = Date.parse(`${due}T00:00:00Z`)
  return Math.round((b - a) / DAY)
}

/** 今天到期, 还有 3 天, 已过报告期限; "" for a day not given. */
export function dueNote(t: Translate, due: string, today: string): string {
  const n = daysUntil(due, today)
  if (Number.isNaN(n)) return ''
  if (n < 0) return t('edu.joint.duePast')
  if (n === 0) return t('edu.joint.dueToday')
  return t('edu.joint.dueIn', { n })
}

/** 李强 报告于 2026-07-01 09:30 (China time); "" without a report. */
export function reportedByText(t: Translate, r: Pick<JointReport, 'by' | 'by_name' | 'at'> | null | undefined): string {
  if (!r) return ''
  return t('edu.joint.detail.reportedBy', { name: r.by_name || r.by, at: chinaTime(r.at) })
}

/** The issuing bureau, who issued it and when. */
export const issuedByText = (t: Translate, task: Pick<JointTask, 'unit_name' | 'created_by' | 'created_by_name' | 'created_at'>): string =>
  t('edu.joint.issuedBy', { unit: task.unit_name, name: task.created_by_name || task.created_by, at: chinaTime(task.created_at) })

/** A report's count as shown: the number, or — without a report. */
export const countText = (d: Pick<JointDepartment, 'report'>, key: JointCountKey): string => (d.report ? String(d.report[key]) : '—')

/** A department's report photos (none without a report, nor in the list, which leaves them out). */
export const reportFiles = (d: Pick<JointDepartment, 'report'>): StoredFile[] => d.report?.files ?? []

/** The pictures among a department's report photos, for the viewer to go through. */
export const reportImages = (d: Pick<JointDepartment, 'report'>): string[] => reportFiles(d).filter(isImage).map((f) => f.url)

/** The four counts' keys, in the form's order. */
export const COUNT_KEYS: readonly JointCountKey[] = JOINT_COUNTS.map((c) => c.key)

// ---- The departments to choose from ----

export interface DepartmentOption {
  value: number
  name: string
  /** 公安, 水利 … ("" when not known). */
  kind: string
  /** What the select shows and filters on: the name and the kind (公安分局（公安）). */
  label: string
}

/** A department as the form offers it: its name and kind, so typing either finds it. */
export function departmentOption(d: { id: number; name: string }, kind: string): DepartmentOption {
  return { value: d.id, name: d.name, kind, label: kind ? `${d.name}（${kind}）` : d.name }
}

// ---- 下达任务 ----

export interface JointTaskForm {
  title: string
  text: string
  kinds: string[]
  due_on: string
  department_ids: number[]
}

export const emptyTaskForm = (): JointTaskForm => ({ title: '', text: '', kinds: [], due_on: '', department_ids: [] })

const length = (s: string): number => [...s].length

/**
 * The task form's problems before sending, by field (title, text, kinds, due_on, department_ids),
 * as the server would name them. Empty when it may be sent.
 */
export function taskProblems(t: Translate, f: JointTaskForm, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  const title = f.title.trim()
  if (!title) out.title = t('edu.joint.required.title')
  else if (length(title) > JOINT_TITLE_MAX) out.title = t('edu.joint.required.titleTooLong', { n: JOINT_TITLE_MAX })
  const text = f.text.trim()
  if (!text) out.text = t('edu.joint.required.text')
  else if (length(text) > JOINT_TEXT_MAX) out.text = t('edu.joint.required.textTooLong', { n: JOINT_TEXT_MAX })
  if (!f.kinds.length) out.kinds = t('edu.joint.required.kinds')
  if (!f.due_on) out.due_on = t('edu.joint.required.due')
  else if (f.due_on < today) out.due_on = t('edu.joint.required.duePast')
  const ids = new Set(f.department_ids)
  if (!ids.size) out.department_ids = t('edu.joint.required.departments')
  else if (ids.size > JOINT_DEPARTMENTS_MAX) out.department_ids = t('edu.joint.required.tooManyDepartments', { n: JOINT_DEPARTMENTS_MAX })
  return out
}

/** POST's body: the texts trimmed, the kinds in the contract's order, the departments once each in the order chosen. */
export function taskBody(f: JointTaskForm): JointTaskInput {
  return {
    title: f.title.trim(),
    text: f.text.trim(),
    kinds: KIND_CODES.filter((code) => f.kinds.includes(code)),
    due_on: f.due_on,
    department_ids: [...new Set(f.department_ids)],
  }
}

/** The fields the task form shows a reason beside (the API's names). */
export const TASK_FIELDS: readonly string[] = ['title', 'text', 'kinds', 'due_on', 'department_ids']

/** The fields the report form shows a reason beside (the API's names); file_ids[i] shows at the photos too. */
export const REPORT_FIELDS: readonly string[] = ['text', ...COUNT_KEYS, 'file_ids']

const FILE_ITEM = /^file_ids\[\d+\]$/

/** The reason shown at the report's photos: the server's file_ids, or file_ids[i] naming one of them. */
export function reportFilesError(errors: Record<string, string>): string | undefined {
  return errors.file_ids ?? Object.entries(errors).find(([k]) => FILE_ITEM.test(k))?.[1]
}

/** The server's reasons the report form shows at no field (file_ids[i] shows at the photos). */
export const unplacedReportErrors = (errors: Record<string, string>): { field: string; reason: string }[] =>
  unplacedErrors(errors, REPORT_FIELDS).filter((o) => !FILE_ITEM.test(o.field))

/** The server's reasons that none of `fields` shows (listed above the form instead). */
export function unplacedErrors(errors: Record<string, string>, fields: readonly string[]): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- The department's report ----

export interface JointReportForm {
  text: string
  patrolled: number | null
  signs: number | null
  fences: number | null
  hazards: number | null
}

/** The form filled from the department's report when there is one (更新报告), else empty with zeros. */
export function reportFormOf(r: JointReport | null | undefined): JointReportForm {
  if (!r) return { text: '', patrolled: 0, signs: 0, fences: 0, hazards: 0 }
  return { text: r.text, patrolled: r.patrolled, signs: r.signs, fences: r.fences, hazards: r.hazards }
}

const validCount = (n: number | null): boolean => n === null || (Number.isInteger(n) && n >= 0 && n <= JOINT_COUNT_MAX)

/** The report's problems before sending, by field (text, patrolled, signs, fences, hazards). */
export function reportProblems(t: Translate, f: JointReportForm): Record<string, string> {
  const out: Record<string, string> = {}
  const text = f.text.trim()
  if (!text) out.text = t('edu.joint.required.reportText')
  else if (length(text) > JOINT_REPORT_MAX) out.text = t('edu.joint.required.reportTextTooLong', { n: JOINT_REPORT_MAX })
  for (const key of COUNT_KEYS) {
    if (!validCount(f[key])) out[key] = t('edu.joint.required.count', { max: JOINT_COUNT_MAX })
  }
  return out
}

/** PUT's body: the text trimmed, a count left empty as 0, the photos uploaded (by id) only when there are some. */
export function reportBody(f: JointReportForm, fileIds: readonly number[] = []): JointReportInput {
  const body: JointReportInput = {
    text: f.text.trim(),
    patrolled: f.patrolled ?? 0,
    signs: f.signs ?? 0,
    fences: f.fences ?? 0,
    hazards: f.hazards ?? 0,
  }
  if (fileIds.length) body.file_ids = [...fileIds]
  return body
}
