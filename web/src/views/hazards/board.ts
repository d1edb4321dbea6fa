// The hazard board's numbers as stat cards, chart options and the school table (pure,
// unit-tested). The cards link to the ledger with the matching filter.
import type { EChartsCoreOption } from 'echarts/core'
import { palette } from '@/styles/palette'
import { categoryBar, type Bar } from '@/components/chartShapes'
import type { LocationQueryRaw } from 'vue-router'
import type { CodeCount } from '@/api/boards'
import { OPEN_STATES, type HazardBoard, type HazardBoardSchool } from '@/api/hazards'

export interface HazardCard {
  /** data-test suffix and i18n key. */
  key: 'open' | 'overdue' | 'supervised' | 'closedMonth'
  test: string
  value: number
  /** The ledger filter this number stands for. */
  query: LocationQueryRaw
  danger: boolean
}

/** The ledger filter of the board cards (schoolId: the board's school filter). */
export function hazardCards(b: HazardBoard, schoolId?: number): HazardCard[] {
  const school: LocationQueryRaw = schoolId ? { school_id: String(schoolId) } : {}
  return [
    { key: 'open', test: 'board-open', value: b.open_total, query: { ...school, state: OPEN_STATES.join(',') }, danger: false },
    { key: 'overdue', test: 'board-overdue', value: b.overdue, query: { ...school, overdue: 'true' }, danger: b.overdue > 0 },
    { key: 'supervised', test: 'board-supervised', value: b.supervised, query: { ...school, supervised: 'true' }, danger: b.supervised > 0 },
    {
      key: 'closedMonth',
      test: 'board-closed-month',
      value: b.closed_this_month,
      // The ledger filters on found_at, not on the closing date: show the closed ones.
      query: { ...school, state: 'closed' },
      danger: false,
    },
  ]
}

/** 0..1 as a percentage with one decimal. */
export function percent(rate: number): string {
  if (!Number.isFinite(rate)) return '0%'
  return `${Math.round(rate * 1000) / 10}%`
}

/** Days with one decimal (no trailing .0). */
export function days(n: number): string {
  if (!Number.isFinite(n)) return '0'
  return String(Math.round(n * 10) / 10)
}

/** Categories with open hazards, largest first; on a phone (narrow) the bars lie (chartShapes). */
export function domainBar(counts: CodeCount[], title: string, narrow = false): EChartsCoreOption {
  return categoryBar(domainRows(counts), title, palette.warning, narrow)
}

/** The categories with open hazards, largest first (the bars of domainBar). */
export function domainRows(counts: CodeCount[]): Bar[] {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .map((c) => ({ label: c.label, value: c.count }))
}

export function trendLine(trend: HazardBoard['trend'], title: string, series: string): EChartsCoreOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: 30, top: 40 },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => p.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: series, type: 'line', areaStyle: { opacity: 0.15 }, data: trend.map((p) => p.open), itemStyle: { color: palette.danger } }],
  }
}

/** Schools with an open major hazard first, then by overdue, open; then by name. */
export function sortSchools(rows: HazardBoardSchool[]): HazardBoardSchool[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.open_major > 0) - Number(a.open_major > 0) ||
      b.open_major - a.open_major ||
      b.overdue - a.overdue ||
      b.open - a.open ||
      a.school_name.localeCompare(b.school_name, 'zh-CN'),
  )
}
