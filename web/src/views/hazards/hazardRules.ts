// The hazard rules page (隐患规则配置) as pure functions (unit-tested in
// __tests__/hazardRules.spec.ts): the fields with their ranges (docs/api/openapi.yaml,
// HazardRules), the rules as a form and back as the PUT body, client checks, and the server's
// JSON paths turned into the form's error keys.
import type { HazardRules, HazardRulesInput } from '@/api/hazards'

export type DeadlineField = 'general_days' | 'major_days'
export type EscalationField =
  | 'overdue_leader_days'
  | 'overdue_bureau_days'
  | 'missed_window_days'
  | 'repeat_window_days'
  | 'rework_threshold'
export type RuleField = DeadlineField | EscalationField
export type DomainLevel = 'general' | 'major'

export interface RuleFieldSpec {
  field: RuleField
  section: 'deadlines' | 'escalation'
  min: number
  max: number
  default: number
  /** i18n key of the unit after the number (hazard.ruleConfig.units.*). */
  unit: 'days' | 'times'
}

export const ruleFieldSpecs: readonly RuleFieldSpec[] = [
  { field: 'general_days', section: 'deadlines', min: 1, max: 365, default: 7, unit: 'days' },
  { field: 'major_days', section: 'deadlines', min: 1, max: 365, default: 30, unit: 'days' },
  { field: 'overdue_leader_days', section: 'escalation', min: 0, max: 60, default: 3, unit: 'days' },
  { field: 'overdue_bureau_days', section: 'escalation', min: 0, max: 90, default: 7, unit: 'days' },
  { field: 'missed_window_days', section: 'escalation', min: 1, max: 365, default: 30, unit: 'days' },
  { field: 'repeat_window_days', section: 'escalation', min: 1, max: 730, default: 180, unit: 'days' },
  { field: 'rework_threshold', section: 'escalation', min: 1, max: 10, default: 2, unit: 'times' },
]

/** Range of a per-domain override. */
export const DOMAIN_MIN = 1
export const DOMAIN_MAX = 365

/** The form: numbers may be cleared (null) while editing; an empty override = use the default. */
export type RulesForm = { [K in RuleField]: number | null } & {
  general: Record<string, number | null>
  major: Record<string, number | null>
}

export function defaultRules(): HazardRules {
  return {
    deadlines: { general_days: 7, major_days: 30, general_by_domain: {}, major_by_domain: {} },
    escalation: {
      overdue_leader_days: 3,
      overdue_bureau_days: 7,
      missed_window_days: 30,
      repeat_window_days: 180,
      rework_threshold: 2,
    },
  }
}

export function rulesForm(r: HazardRules): RulesForm {
  return {
    general_days: r.deadlines.general_days,
    major_days: r.deadlines.major_days,
    overdue_leader_days: r.escalation.overdue_leader_days,
    overdue_bureau_days: r.escalation.overdue_bureau_days,
    missed_window_days: r.escalation.missed_window_days,
    repeat_window_days: r.escalation.repeat_window_days,
    rework_threshold: r.escalation.rework_threshold,
    general: { ...(r.deadlines.general_by_domain ?? {}) },
    major: { ...(r.deadlines.major_by_domain ?? {}) },
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v)

/** The overrides that are set, by code (sorted, so equal forms give equal bodies). */
function overrides(table: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const code of Object.keys(table).sort()) {
    const v = table[code]
    if (isNumber(v)) out[code] = v
  }
  return out
}

/**
 * The PUT body: every required field, the overrides that are set and nothing else (the server
 * refuses unknown fields and replaces the whole set). Call after `rulesProblems` found none; a
 * cleared required field would fall back to its default.
 */
export function rulesBody(form: RulesForm): HazardRulesInput {
  const v = (f: RuleField): number => {
    const x = form[f]
    return isNumber(x) ? x : (ruleFieldSpecs.find((s) => s.field === f)?.default ?? 0)
  }
  return {
    deadlines: {
      general_days: v('general_days'),
      major_days: v('major_days'),
      general_by_domain: overrides(form.general),
      major_by_domain: overrides(form.major),
    },
    escalation: {
      overdue_leader_days: v('overdue_leader_days'),
      overdue_bureau_days: v('overdue_bureau_days'),
      missed_window_days: v('missed_window_days'),
      repeat_window_days: v('repeat_window_days'),
      rework_threshold: v('rework_threshold'),
    },
  }
}

/** The error key (and data-test hook) of one override cell. */
export function domainKey(code: string, level: DomainLevel): string {
  return `domain-${code}-${level}`
}

export interface RuleProblem {
  /** Error key of the form: a RuleField or domainKey(code, level). */
  key: string
  kind: 'required' | 'integer' | 'range' | 'order'
  min: number
  max: number
}

/** Problems of the form in display order (empty = ready to send). */
export function rulesProblems(form: RulesForm): RuleProblem[] {
  const out: RuleProblem[] = []
  const check = (key: string, v: number | null | undefined, min: number, max: number, required: boolean) => {
    if (v === null || v === undefined || Number.isNaN(v)) {
      if (required) out.push({ key, kind: 'required', min, max })
    } else if (!Number.isInteger(v)) {
      out.push({ key, kind: 'integer', min, max })
    } else if (v < min || v > max) {
      out.push({ key, kind: 'range', min, max })
    }
  }
  for (const s of ruleFieldSpecs.filter((x) => x.section === 'deadlines')) {
    check(s.field, form[s.field], s.min, s.max, true)
  }
  for (const level of ['general', 'major'] as const) {
    for (const code of Object.keys(form[level]).sort()) {
      check(domainKey(code, level), form[level][code], DOMAIN_MIN, DOMAIN_MAX, false)
    }
  }
  for (const s of ruleFieldSpecs.filter((x) => x.section === 'escalation')) {
    check(s.field, form[s.field], s.min, s.max, true)
  }
  const leader = form.overdue_leader_days
  const bureau = form.overdue_bureau_days
  if (isNumber(leader) && isNumber(bureau) && bureau < leader && !out.some((p) => p.key === 'overdue_bureau_days')) {
    out.push({ key: 'overdue_bureau_days', kind: 'order', min: leader, max: 90 })
  }
  return out
}

const BY_DOMAIN = /^deadlines\.(general|major)_by_domain\.(.+)$/

/**
 * The form's error key for a JSON path of the server (details[].field): `deadlines.general_days`
 * → `general_days`, `escalation.rework_threshold` → `rework_threshold`,
 * `deadlines.general_by_domain.food` → `domain-food-general`. Anything else (an unknown field,
 * a missing object) is kept as it is and shown above the form.
 */
export function ruleErrorKey(path: string): string {
  const m = BY_DOMAIN.exec(path)
  if (m) return domainKey(m[2], m[1] as DomainLevel)
  for (const prefix of ['deadlines.', 'escalation.']) {
    if (path.startsWith(prefix)) {
      const rest = path.slice(prefix.length)
      const spec = ruleFieldSpecs.find((s) => s.field === rest && `${s.section}.` === prefix)
      if (spec) return spec.field
    }
  }
  return path
}

/** Server field errors (path → reason, from applyFieldErrors) keyed for the form; the first reason wins. */
export function ruleFieldErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, reason] of Object.entries(fields)) {
    const key = ruleErrorKey(path)
    if (!(key in out)) out[key] = reason
  }
  return out
}

/** Whether an error key has a place in the form (else it is listed above the form). */
export function isFormKey(key: string, domainCodes: readonly string[]): boolean {
  if (ruleFieldSpecs.some((s) => s.field === key)) return true
  return domainCodes.some((c) => key === domainKey(c, 'general') || key === domainKey(c, 'major'))
}

/** The rows of the override table: the dictionary's domains, then any code only the rules know. */
export function domainRows(
  entries: readonly { code: string; label: string }[],
  form: Pick<RulesForm, 'general' | 'major'>,
): { code: string; label: string }[] {
  const rows = entries.map((e) => ({ code: e.code, label: e.label }))
  const known = new Set(rows.map((r) => r.code))
  for (const code of [...Object.keys(form.general), ...Object.keys(form.major)].sort()) {
    if (!known.has(code)) {
      known.add(code)
      rows.push({ code, label: code })
    }
  }
  return rows
}
