// The rules engine's catalog (规则目录, docs/adr/0009-rules-engine.md): every rule the modules
// declare, with the plan's measure, the period it is judged for, its source and its parameters
// with the values in force. Read-only for now; a module's own page changes its values
// (`configure_path`, e.g. PUT /api/v1/hazard-rules). Types follow docs/api/openapi.yaml (Rule).
import { http } from './http'

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
  params: RuleParam[]
}

/** The plan's measures are numbered 1 to 21 (../shared/spec/README.md, "The capability map"). */
export const MEASURE_COUNT = 21

export const rulesApi = {
  /** The catalog in registration order; `measure` (1–21) keeps one measure's rules (else 422). */
  list: (measure?: number) => http.get<{ items: Rule[] }>('/api/v1/rules', { measure }),
}
