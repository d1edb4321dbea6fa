// 科室监管事项 and 措施覆盖's pure parts: an item's measures (措施1、5、8) and kind (管学段·小学) as the
// pages show them, the filters from a link (?section_id=3, ?measure=16) and the items serving a
// measure, the item's form (from an item as read, the POST and PUT bodies, the console's own checks,
// the server's reasons placed at its fields), the people offered for a section, the measures offered
// with their titles, and a measure's coverage status. Unit-tested in __tests__/supervisionHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  SUPERVISION_DETAIL_MAX,
  SUPERVISION_POST_MAX,
  SUPERVISION_TITLE_MAX,
  type CoverageMeasure,
  type DutyPerson,
  type SupervisionItem,
  type SupervisionItemInput,
  type SupervisionItemUpdate,
  type SupervisionSection,
} from '@/api/duties'
import { MEASURES, isMeasure, measureLabel } from '@/views/rules/ruleCatalog'

type Translate = (key: string, named?: Record<string, unknown>) => string
type TagType = 'success' | 'warning' | 'danger' | 'info'

// ---- What the pages show ----

/** The measures of an item: 措施1、5、8 (— for none). */
export const measuresText = (t: Translate, measures: readonly number[]): string =>
  measures.length ? t('duties.supervision.measures', { list: measures.join('、') }) : t('duties.supervision.noMeasures')

/** 管学段·小学, or 管业务. */
export function kindText(t: Translate, item: Pick<SupervisionItem, 'kind_label' | 'kind' | 'stage' | 'stage_label'>): string {
  const kind = item.kind_label || item.kind
  const stage = item.stage_label || item.stage
  return stage ? t('duties.supervision.kindStage', { kind, stage }) : kind
}

// ---- Links ----

const first = (v: LocationQuery[string]): string | undefined => {
  const raw = Array.isArray(v) ? v[0] : v
  return typeof raw === 'string' ? raw : undefined
}

/** The section a link keeps (?section_id=3). */
export function sectionFromRoute(query: LocationQuery): number | undefined {
  const raw = first(query.section_id)
  if (!raw || !/^\d+$/.test(raw)) return undefined
  const n = Number(raw)
  return n > 0 ? n : undefined
}

/** The measure a link keeps (?measure=16, from 措施覆盖). */
export function measureFromRoute(query: LocationQuery): number | undefined {
  const raw = first(query.measure)
  if (!raw || !/^\d{1,2}$/.test(raw)) return undefined
  const n = Number(raw)
  return isMeasure(n) ? n : undefined
}

/** The items serving a measure (all without one). */
export const itemsServing = <T extends Pick<SupervisionItem, 'measures'>>(items: readonly T[], measure: number | undefined): T[] =>
  measure ? items.filter((i) => i.measures.includes(measure)) : [...items]

// ---- The measures offered ----

export interface MeasureChoice {
  value: number
  label: string
}

/**
 * The plan's 21 measures for the form: with the titles the server reads the coverage against when
 * given (措施 3 建立部门联席会议…), else the console's own names of the shipped plan.
 */
export function measureChoices(t: Translate, titled?: readonly Pick<CoverageMeasure, 'number' | 'title'>[]): MeasureChoice[] {
  const titles = new Map((titled ?? []).map((m) => [m.number, m.title]))
  return MEASURES.map((n) => {
    const title = titles.get(n)
    return { value: n, label: title ? t('duties.coverage.measureLabel', { n, title }) : measureLabel(t, n) }
  })
}

// ---- The people offered ----

export interface PersonChoice extends DutyPerson {
  /** The item's own person, no longer an active account of the section. */
  inactive: boolean
}

/**
 * The people of the section chosen; an item edited keeps its own person among them (marked 不在岗
 * when they left the section or were disabled), so the form shows whom it names.
 */
export function personChoices(sections: readonly SupervisionSection[], sectionId: number | null, item?: SupervisionItem | null): PersonChoice[] {
  const people: PersonChoice[] = (sections.find((s) => s.id === sectionId)?.people ?? []).map((p) => ({ ...p, inactive: false }))
  if (item && item.section_id === sectionId && item.person_user_id && !people.some((p) => p.user_id === item.person_user_id)) {
    people.push({ user_id: item.person_user_id, name: item.person_name, inactive: true })
  }
  return people
}

// ---- The item's form ----

export interface SupervisionForm {
  section_id: number | null
  kind: string
  stage: string
  title: string
  detail: string
  measures: number[]
  post: string
  person_user_id: number | null
}

/** The fields the form shows; a reason of another field goes above the form. */
export const SUPERVISION_FIELDS: readonly string[] = ['section_id', 'kind', 'stage', 'title', 'detail', 'measures', 'post', 'person_user_id']

export const emptySupervisionForm = (sectionId: number | null = null): SupervisionForm => ({
  section_id: sectionId,
  kind: '',
  stage: '',
  title: '',
  detail: '',
  measures: [],
  post: '',
  person_user_id: null,
})

export const supervisionToForm = (i: SupervisionItem): SupervisionForm => ({
  section_id: i.section_id,
  kind: i.kind,
  stage: i.stage,
  title: i.title,
  detail: i.detail,
  measures: [...i.measures],
  post: i.post,
  person_user_id: i.person_user_id || null,
})

/** The POST body: trimmed, the stage only for 管学段, the measures once each in order. */
export function supervisionBody(f: SupervisionForm): SupervisionItemInput {
  return {
    section_id: f.section_id ?? 0,
    kind: f.kind,
    stage: f.kind === 'stage' ? f.stage : '',
    title: f.title.trim(),
    detail: f.detail.trim(),
    measures: [...new Set(f.measures)].sort((a, b) => a - b),
    post: f.post.trim(),
    person_user_id: f.person_user_id ?? 0,
  }
}

/** The PUT body: the POST body with the version read. */
export const supervisionUpdateBody = (f: SupervisionForm, version: number): SupervisionItemUpdate => ({ ...supervisionBody(f), version })

const chars = (s: string) => [...s.trim()].length

/** The console's own checks: each required field, the stage for 管学段, the server's lengths. */
export function checkSupervisionForm(t: Translate, f: SupervisionForm): Record<string, string> {
  const out: Record<string, string> = {}
  const tooLong = (max: number) => t('duties.supervision.tooLong', { max })
  if (!f.section_id) out.section_id = t('duties.supervision.required.section')
  if (!f.kind) out.kind = t('duties.supervision.required.kind')
  else if (f.kind === 'stage' && !f.stage) out.stage = t('duties.supervision.required.stage')
  if (!f.title.trim()) out.title = t('duties.supervision.required.title')
  else if (chars(f.title) > SUPERVISION_TITLE_MAX) out.title = tooLong(SUPERVISION_TITLE_MAX)
  if (chars(f.detail) > SUPERVISION_DETAIL_MAX) out.detail = tooLong(SUPERVISION_DETAIL_MAX)
  if (f.measures.length === 0) out.measures = t('duties.supervision.required.measures')
  if (!f.post.trim()) out.post = t('duties.supervision.required.post')
  else if (chars(f.post) > SUPERVISION_POST_MAX) out.post = tooLong(SUPERVISION_POST_MAX)
  if (!f.person_user_id) out.person_user_id = t('duties.supervision.required.person')
  return out
}

/**
 * The server's reasons placed at the form: a measure's (measures[1]) at the measures, each field's
 * at its own; others listed above the form. Several reasons of one field are joined with ；.
 */
export function placeSupervisionErrors(errors: Record<string, string>): { placed: Record<string, string>; others: { field: string; reason: string }[] } {
  const placed: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  const put = (at: string, reason: string) => {
    const had = placed[at]
    if (!had) placed[at] = reason
    else if (!had.split('；').includes(reason)) placed[at] = `${had}；${reason}`
  }
  for (const [field, reason] of Object.entries(errors)) {
    if (/^measures\[\d+\]$/.test(field)) put('measures', reason)
    else if (SUPERVISION_FIELDS.includes(field)) put(field, reason)
    else others.push({ field, reason })
  }
  return { placed, others }
}

// ---- 措施覆盖 ----

/** 已覆盖; not covered: 无科室监管 (no item serves it) or 责任人不在岗 (its items' people all left). */
export type CoverageStatus = 'covered' | 'none' | 'inactive'

export const coverageStatus = (m: Pick<CoverageMeasure, 'covered' | 'items'>): CoverageStatus => (m.covered ? 'covered' : m.items > 0 ? 'inactive' : 'none')

/** 已覆盖 green; both kinds of not covered red. */
export const coverageTagType = (s: CoverageStatus): TagType => (s === 'covered' ? 'success' : 'danger')

/** The measures shown: all, or those not covered. */
export const coverageRows = <T extends Pick<CoverageMeasure, 'covered'>>(measures: readonly T[], uncoveredOnly: boolean): T[] =>
  uncoveredOnly ? measures.filter((m) => !m.covered) : [...measures]

/** The measures of each status counted. */
export function coverageCounts(measures: readonly Pick<CoverageMeasure, 'covered' | 'items'>[]): Record<CoverageStatus, number> {
  const out: Record<CoverageStatus, number> = { covered: 0, none: 0, inactive: 0 }
  for (const m of measures) out[coverageStatus(m)]++
  return out
}
