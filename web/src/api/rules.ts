// The rules engine (规则目录, docs/adr/0009-rules-engine.md): every rule the modules declare, with
// the plan's measure, the period it is judged for, its source and its parameters with the values
// in force; the versioned values a unit sets for the engine's own rules (a module that keeps its
// own settings, like the hazard ledger at PUT /api/v1/hazard-rules, is configured there); the
// findings (判定结果) and the rule board. Types follow docs/api/openapi.yaml (Rule, RuleDetail,
// RuleFinding).
import { download, http, type Page, type Query } from './http'

/** The period a rule is judged for. */
export type RulePeriod = 'record' | 'day' | 'week' | 'month' | 'quarter' | 'semester' | 'year'

export interface RuleParam {
  key: string
  /** Chinese label, as declared (超期几天后由教育局督办). */
  label: string
  /** 天, 次 … (may be empty). */
  unit: string
  min: number
  max: number
  default: number
  /** The value in force. */
  value: number
  help: string
  /** One of the engine's effects (reminders, who is told, raise_hazard), after the rule's own. */
  effect?: boolean
}

export interface Rule {
  /** `module.rule`, e.g. hazard.overdue. */
  id: string
  version: number
  module: string
  /** The plan's measure, 1–21. */
  measure: number
  title: string
  /** What it judges: hazard, school … */
  subject: string
  period: RulePeriod
  /** The period in Chinese (每条记录, 每学期 …). */
  period_label: string
  source: string
  /** The API route that changes the parameters, e.g. /api/v1/hazard-rules. */
  configure_path: string
  /** The values are kept by the engine (versioned per unit, PUT /api/v1/rules/{id}/parameters). */
  engine_values: boolean
  /** Version of the values in force at the caller's unit (0 = the declared defaults). */
  params_version: number
  /** The unit whose version is in force (0 = none: the defaults). */
  params_unit_id: number
  params: RuleParam[]
}

/** One version of a unit's values for a rule. */
export interface RuleValuesVersion {
  unit_id: number
  version: number
  values: Record<string, number>
  note: string
  changed_by: string
  changed_at: string
}

export interface RuleDetail extends Rule {
  /** Every version set on the caller's path, oldest first. */
  history: RuleValuesVersion[]
}

export type FindingOutcome = 'pass' | 'due' | 'fail' | 'warn' | 'na'
export const FINDING_OUTCOMES: FindingOutcome[] = ['pass', 'due', 'fail', 'warn', 'na']

/** One rule judged for a school and period (subject_type school), or for one record (drill). */
export interface RuleFinding {
  id: number
  rule_id: string
  rule_version: number
  /** The version of the values used (0 = the declared defaults). */
  params_version: number
  params_unit_id?: number
  /** The values used, e.g. min_count=2. */
  params: string
  subject_type: 'school' | 'drill' | string
  subject_id: number
  school_id: number
  school_name: string
  /** 2026-1 (semester), 2026, 2026-10, 2026-Q4; empty for a record. */
  period_key: string
  period_label: string
  /** YYYY-MM-DD; empty for a record. */
  period_first: string
  period_last: string
  /** Judged before the period ended. */
  so_far: boolean
  outcome: FindingOutcome
  /** 达标, 待完成, 未达标, 提醒, 不适用. */
  outcome_label: string
  /** Why, in Chinese, naming the records. */
  reason: string
  /** Ids of the records the finding rests on. */
  evidence: number[]
  evaluated_at: string
}

export interface FindingQuery {
  rule?: string
  module?: string
  measure?: number
  school_id?: number
  /** One or more outcomes, comma-separated. */
  outcome?: string
  period?: string
  subject_type?: string
  page?: number
  page_size?: number
  sort?: string
}

export type OutcomeCounts = Record<FindingOutcome, number>

/** One rule on the board: the schools in scope by outcome for the period containing the date. */
export interface RuleBoardRow {
  rule_id: string
  title: string
  module: string
  measure: number
  period: RulePeriod
  /** 2026年12月, 2026—2027学年第一学期 … */
  period_label: string
  /** The period keys counted (a monthly rule also counts the kindergartens' quarter). */
  periods: string[]
  schools: number
  /** Schools not judged yet for the period. */
  unjudged: number
  counts: OutcomeCounts
}

export interface RuleBoard {
  date: string
  rows: RuleBoardRow[]
  /** The failing and due findings (at most 200, by school). */
  failing: RuleFinding[]
}

/** The plan's measures are numbered 1 to 21 (../shared/spec/README.md, "The capability map"). */
export const MEASURE_COUNT = 21

function q(obj: object): Query {
  return obj as Query
}

export const rulesApi = {
  /** The catalog in registration order; `measure` (1–21) keeps one measure's rules (else 422). */
  list: (measure?: number) => http.get<{ items: Rule[] }>('/api/v1/rules', { measure }),
  /** One rule with every version of its values on the caller's path. */
  get: (id: string) => http.get<RuleDetail>(`/api/v1/rules/${encodeURIComponent(id)}`),
  /**
   * New version of the caller's unit's values (rules:configure). 422 names `values.<key>`; a rule
   * whose module keeps its own settings answers 409 (rules.module_values).
   */
  setParameters: (id: string, values: Record<string, number>, note?: string) =>
    http.put<RuleDetail>(`/api/v1/rules/${encodeURIComponent(id)}/parameters`, note ? { values, note } : { values }),
  /** Judges every school in scope now for the periods containing `date` (default today). */
  evaluate: (date?: string) => http.post<{ schools: number }>('/api/v1/rules/evaluate', date ? { date } : {}),
}

export const findingsApi = {
  list: (query: FindingQuery = {}) => http.get<Page<RuleFinding>>('/api/v1/rule-findings', q(query)),
  /** The findings of the same filters as an .xlsx sheet (no paging). */
  export: (query: FindingQuery = {}) => {
    const { page: _p, page_size: _s, sort: _o, ...filters } = query
    void _p
    void _s
    void _o
    return download('/api/v1/rule-findings/export', q(filters))
  },
}

export const ruleBoardApi = {
  /** The board of one module (drill …) for the periods containing `date` (default today in China). */
  get: (module?: string, date?: string) => http.get<RuleBoard>('/api/v1/rule-board', { module, date }),
}
