// The district's plan for a year (年度工作计划) and the board that follows it (规范落实年看板).
// The plan: its actions and measures, each measure with the rules that serve it — the plan Xiaoan
// ships (8 actions, 21 measures) or one a bureau loaded for the year (from a spreadsheet, or as
// JSON), which holds for the bureau and the units below it. The board: the plan in effect with,
// for each measure, its rules judged per school (the schools by outcome for the periods containing
// a day) and its rules judged per record; and the same counted month by month for a year. Types
// follow docs/api/openapi.yaml (GET /api/v1/plans/{year}, GET /api/v1/plan-board, GET
// /api/v1/plan-board/trend).
import { download, http } from './http'
import { importFormatOf, uploadImport, type ImportReport } from './imports'
import type { RuleBoardRow } from './rules'

// ---- The plan for a year ----

/** shipped: the plan Xiaoan ships; loaded: a bureau's own (unit_name says which). */
export type PlanSource = 'shipped' | 'loaded'

export interface YearPlanRule {
  /** drill.fire_semester */
  id: string
  title: string
  /** What it judges: school, drill, hazard … */
  subject: string
}

export interface YearPlanMeasure {
  /** Any positive integer (the shipped plan numbers them 1–21). */
  number: number
  title: string
  rules: YearPlanRule[]
}

export interface YearPlanAction {
  number: number
  title: string
  measures: YearPlanMeasure[]
}

export interface YearPlan {
  year: number
  source: PlanSource
  /** The bureau whose plan it is (null for the shipped one). */
  unit_id: number | null
  unit_name: string
  title: string
  loaded_by: string
  /** ISO-8601 instant; empty for the shipped plan. */
  loaded_at: string
  /** Whether the caller may load, replace or remove a plan at their unit. */
  can_load: boolean
  actions: YearPlanAction[]
}

/** The body of PUT /api/v1/plans/{year}: measures name their rules by id. */
export interface YearPlanInput {
  title: string
  actions: { number: number; title: string; measures: { number: number; title: string; rules: string[] }[] }[]
}

/** The plan in effect, as the board names it. */
export interface BoardPlan {
  year: number
  source: PlanSource
  title: string
  unit_name: string
}

/** A rule judged per record (drill.time, the hazard ledger's rules): no school counts. */
export interface PlanRecordRule {
  rule_id: string
  title: string
}

export interface PlanMeasure {
  /** The plan's number (1–21 in the shipped plan; any positive integer in a loaded one). */
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
  /** The plan's number (1–8 in the shipped plan). */
  number: number
  title: string
  measures: PlanMeasure[]
}

export interface PlanBoard {
  /** YYYY-MM-DD: the day whose periods are counted. */
  date: string
  /** Schools in the caller's scope. */
  schools: number
  /** The plan the board follows (absent from an older server: the shipped one). */
  plan?: BoardPlan
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

/** Where a year's plan is imported (POST, the file's bytes as the body). */
export function planImportPath(year: number): string {
  return `/api/v1/plans/${year}/import`
}

/** The year's plan as a spreadsheet, which is also the template to import. */
export function planExportPath(year: number): string {
  return `/api/v1/plans/${year}/export`
}

export const yearPlanApi = {
  /** The plan in effect for the caller's unit in `year` (rules:read). */
  get: (year: number) => http.get<YearPlan>(`/api/v1/plans/${year}`),
  /** Loads the caller's bureau's own plan (rules:configure); 422 names actions[i].measures[j].rules[k]. */
  put: (year: number, input: YearPlanInput) => http.put<YearPlan>(`/api/v1/plans/${year}`, input),
  /** Removes the bureau's own plan: back to the shipped one, or an upper bureau's. */
  remove: (year: number) => http.del(`/api/v1/plans/${year}`),
  export: (year: number) => download(planExportPath(year)),
  /** All or nothing: a refused import (422 with a report) is a result, not an error. */
  import: (year: number, file: File): Promise<ImportReport> =>
    uploadImport(planImportPath(year), file, { format: importFormatOf(file.name) }),
}

export const planApi = {
  /** The board for the periods containing `date` (default today in China). */
  board: (date?: string) => http.get<PlanBoard>('/api/v1/plan-board', { date }),
  /** Month by month up to the current one; a year before 2000 or after this one answers 422. */
  trend: (year?: number) => http.get<PlanTrend>('/api/v1/plan-board/trend', { year }),
}
