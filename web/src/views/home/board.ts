// Turns the home board's numbers into stat cards and chart options (pure, unit-tested).
import type { EChartsCoreOption } from 'echarts/core'
import { palette } from '@/styles/palette'
import { categoryBar, shareRing } from '@/components/chartShapes'
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

/** Schools by stage as a ring; on a phone the legend names the slices (chartShapes). */
export function stagePie(counts: CodeCount[], title: string, narrow = false): EChartsCoreOption {
  return shareRing(
    nonEmpty(counts).map((c) => ({ label: c.label, value: c.count })),
    title,
    narrow,
  )
}

/** Schools by location type; on a phone the bars lie, every type named (chartShapes). */
export function locationBar(counts: CodeCount[], title: string, narrow = false): EChartsCoreOption {
  return categoryBar(
    counts.map((c) => ({ label: c.label, value: c.count })),
    title,
    palette.primary,
    narrow,
  )
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
