// The plan board (规范落实年看板) as pure functions (unit-tested in __tests__/planBoard.spec.ts):
// the measures of the board in order, a school rule's pass share, the findings that make a
// measure's failing count (which rule and period to ask for), the record a finding rests on, the
// page's query (date, measure), and the month trend as a chart.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import type { PlanBoard, PlanMeasure, PlanTrend } from '@/api/plan'
import type { RuleBoardRow, RuleFinding } from '@/api/rules'
import { busRecordRoute } from '@/views/bus/busHelpers'

/** vue-i18n's `t`, or anything that turns a key and named values into a text. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Every measure of the board, in the plan's order (action by action). */
export function measuresOf(board: Pick<PlanBoard, 'actions'> | null): PlanMeasure[] {
  return (board?.actions ?? []).flatMap((a) => a.measures)
}

/** Whether the measure has any rule (a board from an older server has no has_rules). */
export function hasRules(m: Pick<PlanMeasure, 'has_rules' | 'school_rules' | 'record_rules'>): boolean {
  return m.has_rules ?? (m.school_rules.length > 0 || m.record_rules.length > 0)
}

/**
 * The share of the schools the rule applies to that pass, in percent with one decimal: 达标 over
 * 达标 + 待完成 + 未达标 + 提醒 (不适用 and the schools not judged yet do not count). Null when
 * the rule applies to no school judged.
 */
export function passShare(row: Pick<RuleBoardRow, 'counts'>): number | null {
  const c = row.counts
  const applicable = (c?.pass ?? 0) + (c?.due ?? 0) + (c?.fail ?? 0) + (c?.warn ?? 0)
  if (applicable <= 0) return null
  return Math.round(((c?.pass ?? 0) / applicable) * 1000) / 10
}

/** 85.5%, or — when nothing applies. */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${share}%`
}

/** Schools due or failing any rule of the measure, as a share of the schools judged (one decimal). */
export function failingShare(m: Pick<PlanMeasure, 'schools_failing' | 'schools_judged'>): number | null {
  if (m.schools_judged <= 0) return null
  return Math.round((m.schools_failing / m.schools_judged) * 1000) / 10
}

/** The findings counted on the board for a measure: each school rule with each period it counts. */
export function failingQueries(m: Pick<PlanMeasure, 'school_rules'>): { rule: string; period: string }[] {
  const out: { rule: string; period: string }[] = []
  for (const row of m.school_rules) {
    for (const period of row.periods ?? []) out.push({ rule: row.rule_id, period })
  }
  return out
}

/** The module of a rule: the part of its id before the dot (drill.monthly → drill). */
export function moduleOf(ruleId: string): string {
  const dot = ruleId.indexOf('.')
  return dot > 0 ? ruleId.slice(0, dot) : ruleId
}

/**
 * The page showing one record of a module, by id (undefined for a module without one). A bus rule's
 * record (bus.*: subject bus_vehicle, bus_driver or bus_route) is shown on 校车台账, on the tab of
 * the finding's subject and searched on its school, the record opened.
 */
export function recordRoute(module: string, id: number, f?: Pick<RuleFinding, 'subject_type' | 'school_id'>): RouteLocationRaw | undefined {
  if (!Number.isInteger(id) || id <= 0) return undefined
  if (module === 'drill') return { name: 'drill-detail', params: { id } }
  if (module === 'hazard') return { name: 'hazard-detail', params: { id } }
  if (module === 'bus' && f) return busRecordRoute(f.subject_type, id, f.school_id)
  return undefined
}

/** The ids of the records a finding rests on: a record's own finding is about the record itself. */
export function recordIds(f: Pick<RuleFinding, 'subject_type' | 'subject_id' | 'evidence'>): number[] {
  const ids = f.subject_type !== 'school' && f.subject_id > 0 ? [f.subject_id, ...(f.evidence ?? [])] : [...(f.evidence ?? [])]
  return [...new Set(ids)]
}

/** The school's records of the module in the finding's period (the list page, filtered). */
export function recordsListRoute(f: Pick<RuleFinding, 'rule_id' | 'school_id' | 'period_first' | 'period_last'>): RouteLocationRaw | undefined {
  if (moduleOf(f.rule_id) !== 'drill') return undefined
  const query: Record<string, string> = { school_id: String(f.school_id) }
  if (f.period_first && f.period_last) {
    query.from = f.period_first
    query.to = f.period_last
  }
  return { name: 'drills', query }
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

export interface PlanQuery {
  /** YYYY-MM-DD, or empty for today. */
  date: string
  /** The measure whose failing schools are open (any positive number: a loaded plan numbers its own). */
  measure: number | undefined
}

/** The page's state from a link: /plan-board?date=2026-11-30&measure=13. */
export function planQueryFrom(query: LocationQuery): PlanQuery {
  const date = one(query.date)
  const m = one(query.measure)
  const n = /^\d{1,6}$/.test(m) ? Number(m) : NaN
  return {
    date: DATE.test(date) ? date : '',
    measure: Number.isInteger(n) && n >= 1 ? n : undefined,
  }
}

/** The link's query of a state: only what differs from today and nothing open. */
export function planQueryTo(q: PlanQuery, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (q.date && q.date !== today) out.date = q.date
  if (q.measure !== undefined) out.measure = String(q.measure)
  return out
}

/** The year of a day (YYYY-MM-DD), the trend's year. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4))
}

// ---- The month trend ----

export type TrendMode = 'measures' | 'share'

/** The measures the trend draws: those judged in any month (the others have nothing to show). */
export function trendMeasures(trend: Pick<PlanTrend, 'months'> | null): number[] {
  const seen = new Set<number>()
  for (const m of trend?.months ?? []) for (const r of m.measures) if (r.schools_judged > 0) seen.add(r.number)
  return [...seen].sort((a, b) => a - b)
}

/**
 * The share of failing over all measures of a month: the schools due or failing summed over the
 * measures, over the schools judged summed likewise (percent, one decimal; null when none).
 */
export function monthFailingShare(month: PlanTrend['months'][number]): number | null {
  let failing = 0
  let judged = 0
  for (const r of month.measures) {
    failing += r.schools_failing
    judged += r.schools_judged
  }
  return judged > 0 ? Math.round((failing / judged) * 1000) / 10 : null
}

/**
 * The chart: months along the bottom (3月 …); by measure, a line per measure judged with the
 * schools failing it; as a share, one line of the share failing over all measures.
 */
export function trendOption(trend: PlanTrend | null, mode: TrendMode, t: Translate): Record<string, unknown> {
  const months = trend?.months ?? []
  const x = months.map((m) => t('plan.trend.month', { n: Number(m.month.slice(5, 7)) }))
  const common = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: x, boundaryGap: false },
  }
  if (mode === 'share') {
    return {
      ...common,
      title: { text: t('plan.trend.shareTitle', { year: trend?.year ?? '' }), textStyle: { fontSize: 14 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'line', name: t('plan.trend.shareSeries'), data: months.map(monthFailingShare), connectNulls: true }],
    }
  }
  const numbers = trendMeasures(trend)
  return {
    ...common,
    title: { text: t('plan.trend.measuresTitle', { year: trend?.year ?? '' }), textStyle: { fontSize: 14 } },
    legend: { type: 'scroll', top: 24 },
    grid: { ...common.grid, top: 64 },
    yAxis: { type: 'value', minInterval: 1 },
    series: numbers.map((n) => ({
      type: 'line',
      name: t('plan.trend.measureSeries', { n }),
      data: months.map((m) => m.measures.find((r) => r.number === n)?.schools_failing ?? 0),
    })),
  }
}
