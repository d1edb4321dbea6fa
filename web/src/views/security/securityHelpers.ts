// Pure helpers of the 四个100% pages: the indicators and the rules behind each, rates as percent
// text, the record's edit form (rows with a key of their own) and the body it sends, where the
// server's field errors land, and the board's trend chart. Unit-tested in __tests__.
import type {
  SchoolSecurity,
  SecurityAlarm,
  SecurityBoard,
  SecurityFinding,
  SecurityGuard,
  SecurityIndicator,
  SecurityIndicatorKey,
  SecurityIndicators,
  SecurityInput,
  SecurityPost,
  SecurityRate,
  SecurityVideoArea,
} from '@/api/security'
import { palette } from '@/styles/palette'

export type Translate = (key: string, named?: Record<string, unknown>) => string

/** The four indicators in the plan's order. */
export const INDICATORS: readonly SecurityIndicator[] = ['guards', 'closed_campus', 'alarm_video', 'gate_duty']
/** The board's rates: 四个100% first, then each indicator. */
export const RATE_KEYS: readonly SecurityIndicatorKey[] = ['all', ...INDICATORS]

/** The rules each indicator rests on (domain/security/indicators.hpp, IndicatorsOf). */
export const INDICATOR_RULES: Record<SecurityIndicator, readonly string[]> = {
  guards: ['security.guards', 'security.guard_license', 'security.patrol'],
  closed_campus: ['security.closed_campus'],
  alarm_video: ['security.alarm', 'security.video'],
  gate_duty: ['security.gate_duty'],
}

/** The indicator a rule counts for (undefined for a rule the console does not know). */
export function indicatorOf(rule: string): SecurityIndicator | undefined {
  return INDICATORS.find((k) => INDICATOR_RULES[k].includes(rule))
}

/** The findings behind an indicator, in the server's order (a rule not mapped goes nowhere). */
export function findingsOf(findings: readonly SecurityFinding[], indicator: SecurityIndicator): SecurityFinding[] {
  return findings.filter((f) => indicatorOf(f.rule) === indicator)
}

/** The indicators a school misses, in order. */
export function failedIndicators(indicators: SecurityIndicators): SecurityIndicator[] {
  return INDICATORS.filter((k) => !indicators[k])
}

/** 833 → 83.3 (a number, one decimal, never rounded up). */
export function permillePercent(permille: number): number {
  return Math.floor(Math.max(0, permille)) / 10
}

/** 833 → 83.3%; 1000 → 100%. */
export function rateText(permille: number): string {
  const p = Math.max(0, Math.floor(permille))
  return p % 10 === 0 ? `${p / 10}%` : `${Math.floor(p / 10)}.${p % 10}%`
}

/** The colour of a rate's bar: full green, at least 80 % amber, else red. */
export function rateStatus(rate: SecurityRate): 'success' | 'warning' | 'exception' {
  if (rate.screened > 0 && rate.compliant === rate.screened) return 'success'
  return rate.permille >= 800 ? 'warning' : 'exception'
}

export const PEAKS = ['morning', 'afternoon'] as const
export const POST_KINDS = ['police', 'auxiliary', 'guard', 'teacher', 'volunteer'] as const

// ---- The edit form ----

/** Rows carry a key of their own (`uid`) so Vue keeps each row's fields when one is removed. */
export type GuardRow = SecurityGuard & { uid: number }
export type AlarmRow = SecurityAlarm & { uid: number }
export type PostRow = SecurityPost & { uid: number }

export interface SecurityForm {
  has_canteen: boolean
  perimeter: boolean
  gate_controlled: boolean
  visitor_register: boolean
  gate_house_staffed: boolean
  guards: GuardRow[]
  alarms: AlarmRow[]
  areas: string[]
  retention_days: number | null
  open_fault_since: string | null
  last_repair: string | null
  posts: PostRow[]
  patrols_per_day: number | null
}

export const CLOSURE_FIELDS = ['perimeter', 'gate_controlled', 'visitor_register', 'gate_house_staffed'] as const

let uidSeq = 0
const nextUid = (): number => ++uidSeq

export function blankGuard(): GuardRow {
  return { uid: nextUid(), name: '', full_time: true, license_no: '', birth_date: null, employer: '', shifts: '' }
}

export function blankAlarm(): AlarmRow {
  return { uid: nextUid(), location: '', linked_110: true, linked_bureau: false, last_test: null }
}

/** A new post: the peak the rows have fewer of (morning first), one person. */
export function blankPost(rows: readonly SecurityPost[] = []): PostRow {
  const mornings = rows.filter((r) => r.peak === 'morning').length
  const afternoons = rows.filter((r) => r.peak === 'afternoon').length
  return { uid: nextUid(), gate: '', peak: afternoons < mornings ? 'afternoon' : 'morning', people: 1, kinds: [] }
}

function withId<T extends { id?: number }>(x: T): { id?: number } {
  return x.id ? { id: x.id } : {}
}

/** The record as the form edits it. */
export function securityToForm(r: SchoolSecurity): SecurityForm {
  return {
    has_canteen: r.has_canteen,
    perimeter: r.perimeter,
    gate_controlled: r.gate_controlled,
    visitor_register: r.visitor_register,
    gate_house_staffed: r.gate_house_staffed,
    guards: (r.guards ?? []).map((g) => ({
      uid: nextUid(),
      ...withId(g),
      name: g.name ?? '',
      full_time: !!g.full_time,
      license_no: g.license_no ?? '',
      birth_date: g.birth_date || null,
      employer: g.employer ?? '',
      shifts: g.shifts ?? '',
    })),
    alarms: (r.alarms ?? []).map((a) => ({
      uid: nextUid(),
      ...withId(a),
      location: a.location ?? '',
      linked_110: !!a.linked_110,
      linked_bureau: !!a.linked_bureau,
      last_test: a.last_test || null,
    })),
    areas: [...(r.video?.areas ?? [])],
    retention_days: r.video?.retention_days ?? null,
    open_fault_since: r.video?.open_fault_since || null,
    last_repair: r.video?.last_repair || null,
    posts: (r.posts ?? []).map((p) => ({
      uid: nextUid(),
      ...withId(p),
      gate: p.gate ?? '',
      peak: p.peak,
      people: p.people ?? 0,
      kinds: [...(p.kinds ?? [])],
    })),
    patrols_per_day: r.patrols_per_day ?? null,
  }
}

/** The body of PUT: entries keep their id, new ones have none; texts trimmed; empty dates null. */
export function securityInput(f: SecurityForm, version: number): SecurityInput {
  return {
    version,
    has_canteen: f.has_canteen,
    perimeter: f.perimeter,
    gate_controlled: f.gate_controlled,
    visitor_register: f.visitor_register,
    gate_house_staffed: f.gate_house_staffed,
    guards: f.guards.map((g) => ({
      ...withId(g),
      name: g.name.trim(),
      full_time: g.full_time,
      license_no: g.license_no.trim(),
      birth_date: g.birth_date || null,
      employer: g.employer.trim(),
      shifts: g.shifts.trim(),
    })),
    alarms: f.alarms.map((a) => ({
      ...withId(a),
      location: a.location.trim(),
      linked_110: a.linked_110,
      linked_bureau: a.linked_bureau,
      last_test: a.last_test || null,
    })),
    video: {
      areas: [...f.areas],
      retention_days: f.retention_days ?? 0,
      open_fault_since: f.open_fault_since || null,
      last_repair: f.last_repair || null,
    },
    posts: f.posts.map((p) => ({ ...withId(p), gate: p.gate.trim(), peak: p.peak, people: p.people ?? 0, kinds: [...p.kinds] })),
    patrols_per_day: f.patrols_per_day ?? 0,
  }
}

/**
 * Whether a video area must be covered: as the server says, except the canteen's kitchen, which
 * follows the form's 食堂 switch when given (the server judged the record as saved).
 */
export function areaRequired(area: SecurityVideoArea, hasCanteen?: boolean): boolean {
  return area.code === 'canteen_kitchen' && hasCanteen !== undefined ? hasCanteen : area.required
}

/** The required video areas not ticked (their labels). */
export function missingAreas(videoAreas: readonly SecurityVideoArea[], ticked: readonly string[], hasCanteen?: boolean): string[] {
  return videoAreas.filter((a) => areaRequired(a, hasCanteen) && !ticked.includes(a.code)).map((a) => a.label)
}

// ---- The server's field errors ----

export type RowList = 'guards' | 'alarms' | 'posts'

/** The fields the form shows an error at (besides each row's fields). */
const PLACED = [
  'has_canteen',
  ...CLOSURE_FIELDS,
  'patrols_per_day',
  'video.areas',
  'video.retention_days',
  'video.open_fault_since',
  'video.last_repair',
  'guards',
  'alarms',
  'posts',
]
const ROW_FIELDS: Record<RowList, readonly string[]> = {
  guards: ['name', 'full_time', 'license_no', 'birth_date', 'employer', 'shifts'],
  alarms: ['location', 'linked_110', 'linked_bureau', 'last_test'],
  posts: ['gate', 'peak', 'people', 'kinds'],
}

/** Where the form shows a server field: `posts[0].kinds[1]` at `posts[0].kinds`, `video.areas[2]` at `video.areas`; null when nowhere. */
export function placeOf(field: string): string | null {
  const at = field.replace(/\[\d+\]$/, '')
  if (PLACED.includes(at)) return at
  const m = /^(guards|alarms|posts)\[(\d+)\]\.(\w+)$/.exec(at)
  if (m && ROW_FIELDS[m[1] as RowList].includes(m[3])) return at
  return null
}

/** The server's reasons by the place the form shows them (the first reason of a place wins). */
export function placedErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, reason] of Object.entries(errors)) {
    const at = placeOf(field)
    if (at && !(at in out)) out[at] = reason
  }
  return out
}

/** The reasons no field shows (an entry's id …), for a list above the form. */
export function unplacedErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => placeOf(field) === null)
    .map(([field, reason]) => ({ field, reason }))
}

/** How many of the server's reasons name a row (for its heading). */
export function rowErrorCount(errors: Record<string, string>, list: RowList, index: number): number {
  const prefix = `${list}[${index}]`
  return Object.keys(errors).filter((k) => k === prefix || k.startsWith(`${prefix}.`)).length
}

// ---- The board ----

/** The trend from the first month any school was screened (the months before say nothing). */
export function trendFrom(trend: SecurityBoard['trend']): SecurityBoard['trend'] {
  const first = trend.findIndex((m) => (m.rates.all?.screened ?? 0) > 0)
  return first < 0 ? [] : trend.slice(first)
}

/** The trend as a line chart: one line per rate, percent over the months (3月 …). */
export function trendOption(trend: SecurityBoard['trend'], t: Translate): Record<string, unknown> {
  const colours = [palette.primary, palette.success, palette.warning, palette.danger, palette.info]
  return {
    title: { text: t('security.board.trendTitle'), textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : String(v ?? '')) },
    legend: { type: 'scroll', top: 24 },
    grid: { left: 8, right: 16, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: true, data: trend.map((m) => t('security.board.monthLabel', { y: m.month.slice(0, 4), m: Number(m.month.slice(5, 7)) })) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATE_KEYS.map((k, i) => ({
      type: 'line',
      name: t(`security.indicator.${k}`),
      color: colours[i],
      data: trend.map((m) => (m.rates[k]?.screened ? permillePercent(m.rates[k].permille) : null)),
      connectNulls: true,
    })),
  }
}
