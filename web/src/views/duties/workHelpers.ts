// 全区工作's pure parts (全区“一盘棋”, measure 3): an item's schedule as the pages write it (每月25日,
// 一次性 2026-09-10 截止), its targets (全部学校（12 所）), a due day's state as a tag (逾期未完成 red,
// 即将到期 orange, 已完成 green, 逾期完成 grey), the completion rate, the filters from a link (?kind=,
// ?unit_id=), the item's form (from an item as read, the POST and PUT bodies, the console's own
// checks, the server's reasons placed at its fields), and a unit's days (those to list, those it may
// report). Unit-tested in __tests__/workHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  WORK_DETAIL_MAX,
  WORK_KINDS,
  WORK_NOTE_MAX,
  WORK_SPAN_DAYS_MAX,
  WORK_TARGETS_MAX,
  WORK_TITLE_MAX,
  type MyWorkDay,
  type MyWorkItem,
  type WorkItem,
  type WorkItemInput,
  type WorkItemUpdate,
  type WorkKind,
  type WorkSchedule,
  type WorkUnit,
} from '@/api/dutyWork'

type Translate = (key: string, named?: Record<string, unknown>) => string
export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

// ---- What the pages show ----

/** 周一 … 周日 of a weekly item's day (1–7, Monday 1). */
export const weekdayText = (t: Translate, day: number): string => (day >= 1 && day <= 7 ? t(`duties.work.weekday.${day}`) : String(day))

/** 一次性 2026-09-10 截止, 每周一, 每月25日, 每季度末月25日. */
export function scheduleText(t: Translate, s: Pick<WorkSchedule, 'repeat' | 'repeat_label' | 'due' | 'day'>): string {
  switch (s.repeat) {
    case 'once':
      return s.due ? t('duties.work.schedule.once', { due: s.due }) : t('duties.work.schedule.onceNoDue')
    case 'weekly':
      return t('duties.work.schedule.weekly', { day: weekdayText(t, s.day) })
    case 'monthly':
      return t('duties.work.schedule.monthly', { day: s.day })
    case 'quarterly':
      return t('duties.work.schedule.quarterly', { day: s.day })
    default:
      return s.repeat_label || s.repeat
  }
}

/** A recurrence's range (2026-09-01 至 2027-01-31); '' for 一次性. */
export const scheduleRange = (t: Translate, s: Pick<WorkSchedule, 'repeat' | 'from' | 'until'>): string =>
  s.repeat !== 'once' && s.from && s.until ? t('duties.work.schedule.range', { from: s.from, until: s.until }) : ''

/** The kind's tag: 共性任务 blue, 重点事项 orange, 常规工作 grey. */
export function kindTagType(kind: string): TagType {
  if (kind === 'key') return 'warning'
  if (kind === 'routine') return 'info'
  return 'primary'
}

/** The kind as the server names it, else the console's own name. */
export const kindText = (t: Translate, kind: string, label?: string): string =>
  label || ((WORK_KINDS as readonly string[]).includes(kind) ? t(`duties.work.kind.${kind}`) : kind)

/** A due day's tag: 逾期未完成 red, 即将到期 orange, 已完成 green, 逾期完成 grey, 未到期 blue. */
export function stateTagType(state: string | null | undefined): TagType {
  switch (state) {
    case 'overdue':
      return 'danger'
    case 'due_soon':
      return 'warning'
    case 'done':
      return 'success'
    case 'done_late':
      return 'info'
    default:
      return 'primary'
  }
}

/** The state as the server words it, else the console's own word. */
export const stateText = (t: Translate, state: string, label?: string): string => label || t(`duties.work.state.${state}`)

/** 67% (rounded), — while nothing is due. */
export const rateText = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`)

/** The rate as a whole percentage for a progress bar (0 while nothing is due). */
export const ratePercent = (rate: number | null | undefined): number => (rate === null || rate === undefined ? 0 : Math.max(0, Math.min(100, Math.round(rate * 100))))

/** 学校 or 科室. */
export const unitKindText = (t: Translate, kind: string): string => (kind === 'school' || kind === 'section' ? t(`duties.work.unitKind.${kind}`) : kind)

const covers = (set: ReadonlySet<number>, units: readonly WorkUnit[]) => units.length > 0 && units.every((u) => set.has(u.id))

/**
 * The targets in a few words: 全部学校和科室（15 个单位）, 全部学校（12 所）, 全部科室（3 个）, else
 * 5 个单位 (全部学校 + 2 个单位 when every school and some sections).
 */
export function targetsText(t: Translate, targets: readonly number[], schools: readonly WorkUnit[], sections: readonly WorkUnit[]): string {
  const set = new Set(targets)
  const allSchools = covers(set, schools)
  const allSections = covers(set, sections)
  if (allSchools && allSections && set.size === schools.length + sections.length) return t('duties.work.targets.all', { n: set.size })
  if (allSchools && set.size === schools.length) return t('duties.work.targets.schools', { n: set.size })
  if (allSections && set.size === sections.length) return t('duties.work.targets.sections', { n: set.size })
  if (allSchools) return t('duties.work.targets.schoolsAnd', { n: set.size - schools.length })
  return t('duties.work.targets.count', { n: set.size })
}

/** The names of the target units, joined (for the pointer and the detail). */
export const targetNames = (units: readonly WorkUnit[]): string => units.map((u) => u.name).join('、')

/** Whole days from `from` to `to` (YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** 今天到期, 还有 3 天, 已逾期 2 天 — of a day not done yet. */
export function dueNote(t: Translate, due: string, today: string): string {
  const n = daysBetween(today, due)
  if (n === 0) return t('duties.work.dueToday')
  return n > 0 ? t('duties.work.dueIn', { n }) : t('duties.work.dueAgo', { n: -n })
}

// ---- Links ----

const first = (v: LocationQuery[string]): string | undefined => {
  const raw = Array.isArray(v) ? v[0] : v
  return typeof raw === 'string' ? raw : undefined
}

/** The kind a link keeps (?kind=key). */
export function kindFromRoute(query: LocationQuery): WorkKind | undefined {
  const raw = first(query.kind)
  return raw && (WORK_KINDS as readonly string[]).includes(raw) ? (raw as WorkKind) : undefined
}

/** The unit a link keeps (?unit_id=21, from the board): the items deployed to it. */
export function unitFromRoute(query: LocationQuery): number | undefined {
  const raw = first(query.unit_id)
  if (!raw || !/^\d+$/.test(raw)) return undefined
  const n = Number(raw)
  return n > 0 ? n : undefined
}

/** The items deployed to a unit (all without one). */
export const itemsFor = <T extends Pick<WorkItem, 'targets'>>(items: readonly T[], unitId: number | undefined): T[] =>
  unitId ? items.filter((i) => i.targets.includes(unitId)) : [...items]

// ---- The item's form ----

export interface WorkForm {
  kind: string
  title: string
  detail: string
  measures: number[]
  lead_section_id: number | null
  targets: number[]
  repeat: string
  /** 一次性: the due day. */
  due: string
  /** 每周 1–7; 每月, 每季度 1–31; null until chosen. */
  day: number | null
  from: string
  until: string
}

/** The form's fields, by the server's names; a reason of another field goes above the form. */
export const WORK_FIELDS: readonly string[] = [
  'kind',
  'title',
  'detail',
  'measures',
  'lead_section_id',
  'targets',
  'schedule.repeat',
  'schedule.due',
  'schedule.day',
  'schedule.from',
  'schedule.until',
]

export const emptyWorkForm = (): WorkForm => ({
  kind: '',
  title: '',
  detail: '',
  measures: [],
  lead_section_id: null,
  targets: [],
  repeat: 'monthly',
  due: '',
  day: null,
  from: '',
  until: '',
})

export const workToForm = (i: WorkItem): WorkForm => ({
  kind: i.kind,
  title: i.title,
  detail: i.detail,
  measures: [...i.measures],
  lead_section_id: i.lead_section_id || null,
  targets: [...i.targets],
  repeat: i.schedule.repeat,
  due: i.schedule.due ?? '',
  day: i.schedule.repeat === 'once' ? null : i.schedule.day || null,
  from: i.schedule.from ?? '',
  until: i.schedule.until ?? '',
})

const sortedOnce = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => a - b)

/** The POST body: trimmed, the measures and targets once each in order, only the schedule's own fields. */
export function workBody(f: WorkForm): WorkItemInput {
  const once = f.repeat === 'once'
  return {
    kind: f.kind,
    title: f.title.trim(),
    detail: f.detail.trim(),
    measures: sortedOnce(f.measures),
    lead_section_id: f.lead_section_id ?? 0,
    targets: sortedOnce(f.targets),
    schedule: {
      repeat: f.repeat,
      due: once ? f.due || null : null,
      day: once ? 0 : (f.day ?? 0),
      from: once ? null : f.from || null,
      until: once ? null : f.until || null,
    },
  }
}

/** The PUT body: the POST body with the version read. */
export const workUpdateBody = (f: WorkForm, version: number): WorkItemUpdate => ({ ...workBody(f), version })

const chars = (s: string) => [...s.trim()].length

/** The console's own checks, as the server's (domain/duty/work.cpp CheckWorkItem) by field. */
export function checkWorkForm(t: Translate, f: WorkForm): Record<string, string> {
  const out: Record<string, string> = {}
  const tooLong = (max: number) => t('duties.work.tooLong', { max })
  if (!f.kind) out.kind = t('duties.work.required.kind')
  if (!f.title.trim()) out.title = t('duties.work.required.title')
  else if (chars(f.title) > WORK_TITLE_MAX) out.title = tooLong(WORK_TITLE_MAX)
  if (chars(f.detail) > WORK_DETAIL_MAX) out.detail = tooLong(WORK_DETAIL_MAX)
  if (f.measures.length === 0) out.measures = t('duties.work.required.measures')
  if (!f.lead_section_id) out.lead_section_id = t('duties.work.required.lead')
  if (f.targets.length === 0) out.targets = t('duties.work.required.targets')
  else if (new Set(f.targets).size > WORK_TARGETS_MAX) out.targets = t('duties.work.tooManyTargets', { max: WORK_TARGETS_MAX })
  if (!f.repeat) out['schedule.repeat'] = t('duties.work.required.repeat')
  else if (f.repeat === 'once') {
    if (!f.due) out['schedule.due'] = t('duties.work.required.due')
  } else {
    const max = f.repeat === 'weekly' ? 7 : 31
    if (!f.day || f.day < 1 || f.day > max) out['schedule.day'] = t(f.repeat === 'weekly' ? 'duties.work.required.weekday' : 'duties.work.required.monthday')
    if (!f.from) out['schedule.from'] = t('duties.work.required.from')
    if (!f.until) out['schedule.until'] = t('duties.work.required.until')
    else if (f.from && f.until < f.from) out['schedule.until'] = t('duties.work.untilBeforeFrom')
    else if (f.from && daysBetween(f.from, f.until) > WORK_SPAN_DAYS_MAX) out['schedule.until'] = t('duties.work.spanTooLong', { max: WORK_SPAN_DAYS_MAX })
  }
  return out
}

/**
 * The server's reasons placed at the form: a measure's (measures[1]) at the measures, a target's
 * (targets[0]) at the targets, the schedule's own (起止日期之间没有到期日) at the recurrence, each field's
 * at its own; others listed above the form. Several reasons of one field are joined with ；.
 */
export function placeWorkErrors(errors: Record<string, string>): { placed: Record<string, string>; others: { field: string; reason: string }[] } {
  const placed: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  const put = (at: string, reason: string) => {
    const had = placed[at]
    if (!had) placed[at] = reason
    else if (!had.split('；').includes(reason)) placed[at] = `${had}；${reason}`
  }
  for (const [field, reason] of Object.entries(errors)) {
    if (/^measures\[\d+\]$/.test(field)) put('measures', reason)
    else if (/^targets\[\d+\]$/.test(field)) put('targets', reason)
    else if (field === 'schedule') put('schedule.repeat', reason)
    else if (WORK_FIELDS.includes(field)) put(field, reason)
    else others.push({ field, reason })
  }
  return { placed, others }
}

/** The targets with every unit of `units` added, in order. */
export const withAll = (targets: readonly number[], units: readonly WorkUnit[]): number[] => sortedOnce([...targets, ...units.map((u) => u.id)])

// ---- A unit's days (本单位工作) ----

/** The days a unit's card lists: those come by today and those reported, the latest first. */
export const listedDays = (item: Pick<MyWorkItem, 'days'>, today: string): MyWorkDay[] =>
  item.days.filter((d) => d.due <= today || d.report !== null).sort((a, b) => (a.due < b.due ? 1 : a.due > b.due ? -1 : 0))

/**
 * The days a unit may report done: those not reported that have come by today, and the first
 * one still to come; ascending.
 */
export function reportableDays(item: Pick<MyWorkItem, 'days'>, today: string): string[] {
  const open = item.days.filter((d) => d.report === null).map((d) => d.due)
  const come = open.filter((d) => d <= today)
  const next = open.find((d) => d > today)
  return next ? [...come, next] : come
}

/** The day 报告完成 reports unless another is chosen: the first not done. */
export const defaultReportDay = (item: Pick<MyWorkItem, 'progress' | 'days'>, today: string): string => item.progress.next ?? reportableDays(item, today)[0] ?? ''

/** A report's note: at most 500 characters. */
export const noteTooLong = (note: string): boolean => chars(note) > WORK_NOTE_MAX

/** Of the unit's items, those with a day overdue. */
export const overdueItems = (items: readonly Pick<MyWorkItem, 'progress'>[]): number => items.filter((i) => i.progress.overdue > 0).length
