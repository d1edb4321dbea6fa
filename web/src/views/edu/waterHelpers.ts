// 周边水域风险's pure parts: the list's search form and its API filters (also from a link), the
// kinds and the schools' locations as shown, the four measures of a water (present or missing),
// its gaps (缺：护栏、救生设施) and priority (重点, also as the form's preview before saving), the
// distance as shown, the water form with its API bodies and the server's reasons no field shows,
// and the bureau's board (what each school's row says). Unit-tested in __tests__/waterHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  WATER_KINDS,
  WATER_MEASURES,
  WATER_PRIORITY_METERS,
  type WaterBoardSchool,
  type WaterMeasure,
  type WaterRisk,
  type WaterRiskInput,
  type WaterRiskQuery,
  type WaterRiskUpdate,
} from '@/api/eduWaters'

type Translate = (key: string, named?: Record<string, unknown>) => string

export { WATER_MEASURES }

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positive(v: LocationQuery[string] | undefined): number | undefined {
  const n = Number(one(v))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

const isKind = (code: string): boolean => WATER_KINDS.some((k) => k.code === code)

// ---- Labels ----

/** A kind's words: the server's label when given, else the locale's. */
export function kindText(t: Translate, kind: string, label?: string): string {
  if (label) return label
  return isKind(kind) ? t(`edu.waters.kind.${kind}`) : kind
}

/** The kinds as a select's options, in the contract's order. */
export const kindOptions = (t: Translate): { value: string; label: string }[] => WATER_KINDS.map((k) => ({ value: k.code, label: kindText(t, k.code) }))

/** A school's location (城区 / 镇区 / 乡村 / 城乡结合部): the server's label, else the locale's; "" when not recorded. */
export function locationTypeText(t: Translate, type: string, label?: string): string {
  if (label) return label
  return ['urban', 'township', 'rural', 'fringe'].includes(type) ? t(`edu.waters.locationType.${type}`) : ''
}

/** Rural, township and urban-rural-fringe schools: those with water most often near. */
export const isRemoteLocation = (type: string): boolean => type === 'rural' || type === 'township' || type === 'fringe'

/** A distance as shown: 300 米; — when unknown. */
export function distanceText(t: Translate, m: number | null | undefined): string {
  if (m === null || m === undefined || Number.isNaN(m)) return '—'
  return t('edu.waters.meters', { n: m })
}

// ---- The measures, gaps and priority ----

/** A measure's short name (警示牌, 护栏, 救生设施, 巡查), as the server names the gaps. */
export const measureText = (t: Translate, m: WaterMeasure): string => t(`edu.waters.measure.${m}`)

export type MeasureState = Pick<WaterRisk, WaterMeasure>

/** The four measures of a water in order, each present or missing. */
export function measureTags(t: Translate, w: MeasureState): { key: WaterMeasure; label: string; present: boolean }[] {
  return WATER_MEASURES.map((key) => ({ key, label: measureText(t, key), present: !!w[key] }))
}

/** The missing measures' names: the server's `gaps` when given, else judged from the four measures. */
export function gapsOf(t: Translate, w: MeasureState & { gaps?: readonly string[] | null }): string[] {
  if (w.gaps) return [...w.gaps]
  return WATER_MEASURES.filter((m) => !w[m]).map((m) => measureText(t, m))
}

/** 缺：护栏、救生设施、巡查, or 措施齐全 when nothing is missing. */
export function gapsText(t: Translate, w: MeasureState & { gaps?: readonly string[] | null }): string {
  const gaps = gapsOf(t, w)
  return gaps.length ? t('edu.waters.gapsOf', { list: gaps.join('、') }) : t('edu.waters.noGaps')
}

/**
 * Whether a water is a priority (重点): the server's `priority` when given, else judged as the server
 * does — in use, within 1000 m of the school and missing a measure (the form's preview).
 */
export function isPriority(w: MeasureState & Pick<WaterRisk, 'distance_m'> & { active?: boolean; priority?: boolean | null }): boolean {
  if (typeof w.priority === 'boolean') return w.priority
  if (w.active === false) return false
  return w.distance_m <= WATER_PRIORITY_METERS && WATER_MEASURES.some((m) => !w[m])
}

/** The name a water goes by (in the delete confirmation): 村东大塘（池塘）. */
export function waterName(t: Translate, w: Pick<WaterRisk, 'name' | 'kind' | 'kind_label'>): string {
  const kind = kindText(t, w.kind, w.kind_label)
  return kind ? t('edu.waters.nameOf', { name: w.name, kind }) : w.name
}

// ---- The list ----

export interface WaterSearch {
  school_id: number | undefined
  /** '' or undefined while 全部 (a cleared select). */
  kind: string | undefined
  /** 只看有缺项. */
  gaps: boolean
  /** 只看重点. */
  priority: boolean
  include_inactive: boolean
  q: string
}

export const emptyWaterSearch = (): WaterSearch => ({ school_id: undefined, kind: '', gaps: false, priority: false, include_inactive: false, q: '' })

/** The search form from a link (/edu/waters?school_id=21&priority=1). */
export function waterSearchFromRoute(query: LocationQuery): WaterSearch {
  const s = emptyWaterSearch()
  s.school_id = positive(query.school_id)
  const kind = one(query.kind)
  if (isKind(kind)) s.kind = kind
  const yes = (v: LocationQuery[string] | undefined) => ['1', 'true'].includes(one(v))
  s.gaps = yes(query.gaps)
  s.priority = yes(query.priority)
  s.include_inactive = yes(query.include_inactive)
  s.q = one(query.q)
  return s
}

/** The API filters of an applied form: only what is set. */
export function waterFilter(s: WaterSearch): WaterRiskQuery {
  const q: WaterRiskQuery = {}
  if (typeof s.school_id === 'number') q.school_id = s.school_id
  if (s.kind) q.kind = s.kind
  if (s.gaps) q.gaps = true
  if (s.priority) q.priority = true
  if (s.include_inactive) q.include_inactive = true
  const text = s.q.trim()
  if (text) q.q = text
  return q
}

// ---- The water form ----

export interface WaterForm {
  school_id: number | null
  name: string
  kind: string
  /** Empty until typed. */
  distance_m: number | null | undefined
  location: string
  warning_sign: boolean
  fence: boolean
  rescue_gear: boolean
  patrol: boolean
  keeper: string
  checked_on: string
  note: string
  active: boolean
}

export function emptyWaterForm(today: string, schoolId: number | null = null): WaterForm {
  return {
    school_id: schoolId,
    name: '',
    kind: '',
    distance_m: undefined,
    location: '',
    warning_sign: false,
    fence: false,
    rescue_gear: false,
    patrol: false,
    keeper: '',
    checked_on: today,
    note: '',
    active: true,
  }
}

export function waterToForm(w: WaterRisk): WaterForm {
  return {
    school_id: w.school_id,
    name: w.name,
    kind: w.kind,
    distance_m: w.distance_m,
    location: w.location,
    warning_sign: w.warning_sign,
    fence: w.fence,
    rescue_gear: w.rescue_gear,
    patrol: w.patrol,
    keeper: w.keeper,
    checked_on: w.checked_on,
    note: w.note,
    active: w.active,
  }
}

function common(f: WaterForm): Omit<WaterRiskInput, 'school_id'> {
  return {
    name: f.name.trim(),
    kind: f.kind,
    distance_m: f.distance_m ?? 0,
    location: f.location.trim(),
    warning_sign: f.warning_sign,
    fence: f.fence,
    rescue_gear: f.rescue_gear,
    patrol: f.patrol,
    keeper: f.keeper.trim(),
    checked_on: f.checked_on,
    note: f.note.trim(),
  }
}

/** POST's body. */
export function waterCreateBody(f: WaterForm): WaterRiskInput {
  return { school_id: f.school_id ?? 0, ...common(f) }
}

/** PUT's body, with 仍存在 and the version read: 409 when another save came first. */
export function waterUpdateBody(f: WaterForm, version: number): WaterRiskUpdate {
  return { ...common(f), active: f.active, version }
}

/** The fields the form shows a reason beside (the API's names). */
export const WATER_FIELDS: readonly string[] = [
  'school_id',
  'name',
  'kind',
  'distance_m',
  'location',
  'warning_sign',
  'fence',
  'rescue_gear',
  'patrol',
  'keeper',
  'checked_on',
  'note',
  'active',
]

/** The server's reasons that no field of the form shows (listed above the form instead). */
export function unplacedWaterErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !WATER_FIELDS.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- The board ----

/**
 * What a school's row on the board says: priorities (重点), waters with gaps, a rural, township or
 * fringe school with no water recorded (未登记: worth a look), or nothing to note.
 */
export type BoardRowState = 'priority' | 'gaps' | 'unrecorded' | 'ok'

export function boardRowState(s: Pick<WaterBoardSchool, 'waters' | 'with_gaps' | 'priority' | 'location_type'>): BoardRowState {
  if (s.priority > 0) return 'priority'
  if (s.with_gaps > 0) return 'gaps'
  if (s.waters === 0 && isRemoteLocation(s.location_type)) return 'unrecorded'
  return 'ok'
}
