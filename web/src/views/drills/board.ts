// The drill board (演练看板) as pure functions (unit-tested in __tests__/board.spec.ts): a rule's
// schools by outcome as counts and bar segments, the failing and due findings of one rule or all,
// and the home card's summary.
import type { RuleBoard, RuleBoardRow, RuleFinding } from '@/api/rules'

/** The outcomes a board row counts, plus the schools not judged yet (未评估). */
export const BOARD_KEYS = ['pass', 'due', 'fail', 'warn', 'na', 'unjudged'] as const
export type BoardKey = (typeof BOARD_KEYS)[number]

export function countOf(row: RuleBoardRow, key: BoardKey): number {
  if (key === 'unjudged') return row.unjudged ?? 0
  return row.counts?.[key] ?? 0
}

/** The counts a row shows: all but 提醒, which only a record's rule gives (shown when there is one). */
export function shownKeys(row: RuleBoardRow): BoardKey[] {
  return BOARD_KEYS.filter((k) => k !== 'warn' || countOf(row, k) > 0)
}

export interface BoardSegment {
  key: BoardKey
  count: number
  /** Share of the row's schools, 0–100, one decimal. */
  percent: number
}

/** The bar of a row: one segment per outcome with schools, as shares of the schools in scope. */
export function boardSegments(row: RuleBoardRow): BoardSegment[] {
  const total = row.schools > 0 ? row.schools : BOARD_KEYS.reduce((n, k) => n + countOf(row, k), 0)
  if (total <= 0) return []
  return BOARD_KEYS.map((key) => ({ key, count: countOf(row, key), percent: Math.round((countOf(row, key) / total) * 1000) / 10 })).filter(
    (s) => s.count > 0,
  )
}

/** The failing and due findings (of one rule when given): 未达标 before 待完成, then by school and rule. */
export function failingOf(board: Pick<RuleBoard, 'failing'> | null, rule?: string): RuleFinding[] {
  const rows = (board?.failing ?? []).filter((f) => (f.outcome === 'fail' || f.outcome === 'due') && (!rule || f.rule_id === rule))
  return rows.sort(
    (a, b) =>
      Number(b.outcome === 'fail') - Number(a.outcome === 'fail') ||
      a.school_name.localeCompare(b.school_name, 'zh-CN') ||
      a.rule_id.localeCompare(b.rule_id),
  )
}

export interface RuleSummary {
  rule_id: string
  title: string
  period_label: string
  fail: number
  due: number
}

/** The home card: per rule, how many schools fail and are due in the current period. */
export function boardSummary(board: Pick<RuleBoard, 'rows'> | null): RuleSummary[] {
  return (board?.rows ?? []).map((r) => ({
    rule_id: r.rule_id,
    title: r.title,
    period_label: r.period_label,
    fail: countOf(r, 'fail'),
    due: countOf(r, 'due'),
  }))
}
