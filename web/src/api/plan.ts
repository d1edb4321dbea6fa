// 规范落实年看板 (the plan board): the district's 8 actions and 21 measures with, for each measure,
// its rules judged per school (the schools by outcome for the periods containing a day) and its
// rules judged per record; and the same counted month by month for a year. Types follow
// docs/api/openapi.yaml (GET /api/v1/plan-board, GET /api/v1/plan-board/trend).
import { http } from './http'
import type { RuleBoardRow } from './rules'

/** A rule judged per record (drill.time, the hazard ledger's rules): no school counts. */
export interface PlanRecordRule {
  rule_id: string
  title: string
}

export interface PlanMeasure {
  /** 1–21. */
  number: number
  title: string
  /** Whether any rule serves the measure yet (false: 暂无规则). */
  has_rules: boolean
  school_rules: RuleBoardRow[]
  record_rules: PlanRecordRule[]
  /** Schools due or failing any of the measure's school rules, for the periods counted. */
  schools_failing: number
  /** Schools judged for any of them. */
  schools_judged: number
}

export interface PlanAction {
  /** 1–8. */
  number: number
  title: string
  measures: PlanMeasure[]
}

export interface PlanBoard {
  /** YYYY-MM-DD: the day whose periods are counted. */
  date: string
  /** Schools in the caller's scope. */
  schools: number
  actions: PlanAction[]
}

export interface PlanTrendMeasure {
  number: number
  schools_failing: number
  schools_judged: number
}

export interface PlanTrendMonth {
  /** 2026-03. */
  month: string
  /** The day counted: the month's last, or today for the current month. */
  date: string
  schools: number
  measures: PlanTrendMeasure[]
}

export interface PlanTrend {
  year: number
  months: PlanTrendMonth[]
}

export const planApi = {
  /** The board for the periods containing `date` (default today in China). */
  board: (date?: string) => http.get<PlanBoard>('/api/v1/plan-board', { date }),
  /** Month by month up to the current one; a year before 2000 or after this one answers 422. */
  trend: (year?: number) => http.get<PlanTrend>('/api/v1/plan-board/trend', { year }),
}
