// Turns the home board's numbers into stat cards and chart options (pure, unit-tested).
import type { EChartsCoreOption } from 'echarts/core'
import { palette } from '@/styles/palette'
import type { CodeCount, HomeBoard } from '@/api/boards'

export interface StatCard {
  key: string
  value: number
  /** share of all schools, 0–100, when meaningful */
  percent?: number
}

export function schoolCards(board: HomeBoard): StatCard[] {
  const s = board.schools
  if (!s) return []
  const pct = (n: number) => (s.total > 0 ? Math.round((n * 1000) / s.total) / 10 : 0)
  const cards: StatCard[] = [
    { key: 'total', value: s.total },
    { key: 'boarding', value: s.boarding, percent: pct(s.boarding) },
  ]
  for (const lt of s.by_location_type) {
    cards.push({ key: 'location.' + lt.code, value: lt.count, percent: pct(lt.count) })
  }
  return cards
}

/** Stages with at least one school, largest first, for the pie chart. */
export function nonEmpty(counts: CodeCount[]): CodeCount[] {
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
}

export function stagePie(counts: CodeCount[], title: string): EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '48%'],
        label: { formatter: '{b} {c}' },
        data: nonEmpty(counts).map((c) => ({ name: c.label, value: c.count })),
      },
    ],
  }
}

export function locationBar(counts: CodeCount[], title: string): EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', data: counts.map((c) => c.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: counts.map((c) => c.count), barMaxWidth: 40, itemStyle: { color: palette.primary } }],
  }
}

/** The data scopes that reach no further than the user's own unit. */
const OWN_SCOPES: readonly string[] = ['school', 'own', 'own_unit', 'unit_and_below']

/**
 * Whether the board's scope is one school: the school counts and charts say nothing there and
 * are for the bureau. One school when the server says so (scope kind `school`), when a school's
 * user sees no further than their unit, or when the scope holds a single school.
 */
export function singleSchool(board: HomeBoard, unitKind: string | undefined): boolean {
  if (board.scope.kind === 'school') return true
  if (unitKind === 'school' && OWN_SCOPES.includes(board.scope.kind)) return true
  return !!board.schools && board.schools.total === 1
}
