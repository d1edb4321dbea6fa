// The rules catalog page (规则目录) as pure functions (unit-tested in __tests__/ruleCatalog.spec.ts):
// the plan's measures as labels and filter options, a parameter's value in force beside its
// default, the console page that configures a rule, and one page of the catalog (the API answers
// the whole catalog at once).
import type { Page } from '@/api/http'
import { MEASURE_COUNT, type Rule, type RuleParam } from '@/api/rules'

/** vue-i18n's `t`, or anything that turns a key and named values into a text. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

/** 1 … 21. */
export const MEASURES: readonly number[] = Array.from({ length: MEASURE_COUNT }, (_, i) => i + 1)

export function isMeasure(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MEASURE_COUNT
}

/** A measure from a link (`?measure=8`); anything that is not 1–21 is no filter. */
export function measureFromQuery(v: unknown): number | undefined {
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== 'string' || !/^\d{1,2}$/.test(s)) return undefined
  const n = Number(s)
  return isMeasure(n) ? n : undefined
}

/**
 * 措施 8 提升隐患整改质量: the number and the plan's name (`rules.measures`, in the order of
 * ../shared/spec/README.md, "The capability map"). A number outside 1–21 is shown as it is.
 */
export function measureLabel(t: Translate, n: number): string {
  if (!isMeasure(n)) return typeof n === 'number' ? t('rules.measureNumber', { n }) : ''
  return t('rules.measureLabel', { n, name: t(`rules.measures[${n - 1}]`) })
}

/** The filter's choices: every measure, labelled. */
export function measureOptions(t: Translate): { value: number; label: string }[] {
  return MEASURES.map((n) => ({ value: n, label: measureLabel(t, n) }))
}

/** 7 天, 2 次; a number alone when the parameter has no unit. */
export function withUnit(n: number, unit: string): string {
  return unit ? `${n} ${unit}` : String(n)
}

/** Whether the value in force differs from the declared default. */
export function isChanged(p: Pick<RuleParam, 'value' | 'default'>): boolean {
  return p.value !== p.default
}

/** The value in force, and the default when it differs: 7 天, or 2 天（默认 7）. */
export function paramValueText(t: Translate, p: Pick<RuleParam, 'value' | 'default' | 'unit'>): string {
  const value = withUnit(p.value, p.unit)
  return isChanged(p) ? value + t('rules.defaultWas', { n: p.default }) : value
}

/**
 * The console page (a route name) that changes the parameters served at `configurePath`, the
 * API route a module registered; undefined while a module has no page of its own.
 */
const CONFIGURE_PAGES: Readonly<Record<string, string>> = {
  '/api/v1/hazard-rules': 'hazard-rules',
}

export function configureRoute(configurePath: string | undefined): string | undefined {
  if (!configurePath) return undefined
  return Object.prototype.hasOwnProperty.call(CONFIGURE_PAGES, configurePath) ? CONFIGURE_PAGES[configurePath] : undefined
}

/** One page of the catalog (1-based; past the end: no rows), with the total for the paginator. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Math.max(1, Math.floor(pageSize) || 1)
  const p = Math.max(1, Math.floor(page) || 1)
  return { items: items.slice((p - 1) * size, p * size), total: items.length }
}

/** The rules with no parameter to set (e.g. 重大隐患一律挂牌督办): nothing to configure. */
export function hasParams(rule: Pick<Rule, 'params'> | undefined): boolean {
  return !!rule?.params && rule.params.length > 0
}

// ---- The engine's own values (versioned per unit, PUT /api/v1/rules/{id}/parameters) ----

/** Rules whose values the engine keeps (not a module's own settings page) and that have any. */
export function isEngineRule(rule: Pick<Rule, 'engine_values' | 'params'> | undefined): boolean {
  return !!rule?.engine_values && hasParams(rule)
}

/**
 * Modules whose values hold for the whole district (the hazard ledger keeps one set of rules): a
 * new version is set at the top of the user's tree and needs the module's own permission too.
 */
const DISTRICT_WIDE: Readonly<Record<string, string>> = {
  hazard: 'hazard:configure',
}

export function isDistrictWide(rule: Pick<Rule, 'module'> | undefined): boolean {
  return !!rule && Object.prototype.hasOwnProperty.call(DISTRICT_WIDE, rule.module)
}

/** The permissions, all needed, to set a new version of the rule's values. */
export function editPermissions(rule: Pick<Rule, 'module'>): string[] {
  return isDistrictWide(rule) ? ['rules:configure', DISTRICT_WIDE[rule.module]] : ['rules:configure']
}

/** 参数第 2 版, or 默认参数 while no unit on the user's path has set any. */
export function versionLabel(t: Translate, rule: Pick<Rule, 'params_version'>): string {
  return rule.params_version > 0 ? t('rules.paramsVersion', { n: rule.params_version }) : t('rules.paramsDefault')
}

/** The values in force, key → value: the edit form's start. */
export function valuesOf(rule: Pick<Rule, 'params'>): Record<string, number> {
  return Object.fromEntries(rule.params.map((p) => [p.key, p.value]))
}

/** Whether the form's values differ from those in force. */
export function valuesChanged(rule: Pick<Rule, 'params'>, values: Record<string, number>): boolean {
  return rule.params.some((p) => values[p.key] !== p.value)
}

/** The keys whose value is not a whole number within the parameter's bounds (what the server refuses). */
export function valueProblems(rule: Pick<Rule, 'params'>, values: Record<string, number | null | undefined>): string[] {
  return rule.params
    .filter((p) => {
      const v = values[p.key]
      return typeof v !== 'number' || !Number.isInteger(v) || v < p.min || v > p.max
    })
    .map((p) => p.key)
}

/** A version's values as the catalog says them: 每学期至少几次：2 次；… (unknown keys as key=value). */
export function valuesText(t: Translate, rule: Pick<Rule, 'params'>, values: Record<string, number>): string {
  const known = rule.params.filter((p) => p.key in values).map((p) => `${p.label}${t('rules.colon')}${withUnit(values[p.key], p.unit)}`)
  const unknown = Object.keys(values)
    .filter((k) => !rule.params.some((p) => p.key === k))
    .map((k) => `${k}=${values[k]}`)
  return [...known, ...unknown].join('；')
}

/** The server's reasons per parameter: values.<key> → key (the rest under their own name). */
export function paramFieldErrors(details: readonly { field: string; reason: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const d of details) {
    const key = d.field.startsWith('values.') ? d.field.slice('values.'.length) : d.field
    if (key && !(key in out)) out[key] = d.reason
  }
  return out
}
