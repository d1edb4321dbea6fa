// The plan for a year (年度计划) as pure functions (unit-tested in __tests__/yearPlan.spec.ts): the
// plan flattened to the rows of a table (one per measure, the action's cell spanning its
// measures), its counts, whose plan it is (内置计划 / 本局计划 / an upper bureau's), the years to
// choose from, and how the board names the plan it follows.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import type { BoardPlan, YearPlan, YearPlanRule } from '@/api/plan'

/** vue-i18n's `t`, or anything that turns a key and named values into a text. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

export interface PlanRow {
  /** Unique within the plan: a-3-m-9 (a-3 for an action without measures). */
  key: string
  action: number
  actionTitle: string
  /** null: the action has no measure. */
  measure: number | null
  measureTitle: string
  rules: YearPlanRule[]
  /** On an action's first row, how many rows it spans; 0 on its other rows. */
  actionRows: number
}

/** One row per measure in the plan's order; an action without measures still has its row. */
export function planRows(plan: Pick<YearPlan, 'actions'> | null): PlanRow[] {
  const rows: PlanRow[] = []
  for (const a of plan?.actions ?? []) {
    if (a.measures.length === 0) {
      rows.push({ key: `a-${a.number}`, action: a.number, actionTitle: a.title, measure: null, measureTitle: '', rules: [], actionRows: 1 })
      continue
    }
    a.measures.forEach((m, i) => {
      rows.push({
        key: `a-${a.number}-m-${m.number}`,
        action: a.number,
        actionTitle: a.title,
        measure: m.number,
        measureTitle: m.title,
        rules: m.rules,
        actionRows: i === 0 ? a.measures.length : 0,
      })
    })
  }
  return rows
}

/** el-table's span-method: the action's column spans its measures' rows. */
export function actionSpan({ row, columnIndex }: { row: PlanRow; columnIndex: number }): [number, number] {
  if (columnIndex !== 0) return [1, 1]
  return row.actionRows > 0 ? [row.actionRows, 1] : [0, 0]
}

export interface PlanCounts {
  actions: number
  measures: number
  /** Rules named by any measure, each once. */
  rules: number
  /** Measures no rule serves yet (暂无规则). */
  withoutRules: number
}

export function planCounts(plan: Pick<YearPlan, 'actions'> | null): PlanCounts {
  const actions = plan?.actions ?? []
  const measures = actions.flatMap((a) => a.measures)
  const rules = new Set(measures.flatMap((m) => m.rules.map((r) => r.id)))
  return {
    actions: actions.length,
    measures: measures.length,
    rules: rules.size,
    withoutRules: measures.filter((m) => m.rules.length === 0).length,
  }
}

/** shipped: Xiaoan's; own: the caller's bureau loaded it; upper: a bureau above loaded it. */
export type PlanOwner = 'shipped' | 'own' | 'upper'

export function planOwner(plan: Pick<YearPlan, 'source' | 'unit_id'>, unitId: number | undefined): PlanOwner {
  if (plan.source !== 'loaded') return 'shipped'
  return plan.unit_id !== null && plan.unit_id === unitId ? 'own' : 'upper'
}

/** 内置计划, 本局计划, or 示范市教育局计划. */
export function ownerLabel(t: Translate, plan: Pick<YearPlan, 'source' | 'unit_id' | 'unit_name'>, unitId: number | undefined): string {
  const owner = planOwner(plan, unitId)
  if (owner === 'shipped') return t('plan.year.shipped')
  if (owner === 'own') return t('plan.year.own')
  return t('plan.year.upper', { unit: plan.unit_name })
}

/** Whether the caller may put the shipped (or the upper bureau's) plan back: their own is in effect. */
export function canRestore(plan: Pick<YearPlan, 'source' | 'unit_id' | 'can_load'>, unitId: number | undefined): boolean {
  return plan.can_load && planOwner(plan, unitId) === 'own'
}

/** The years offered: from `back` years ago to next year, latest first. */
export function yearOptions(current: number, back = 4): number[] {
  const out: number[] = []
  for (let y = current + 1; y >= current - back; y--) out.push(y)
  return out
}

/** The year of a link (/plan/year?year=2027), else the current one. */
export function yearFrom(query: LocationQuery, current: number): number {
  const raw = query.year
  const s = Array.isArray(raw) ? raw[0] : raw
  if (typeof s !== 'string' || !/^\d{4}$/.test(s)) return current
  const y = Number(s)
  return y >= 2000 && y <= 2100 ? y : current
}

/** The link to the plan page for a year (no query for the current year). */
export function planPageRoute(year: number, current: number): RouteLocationRaw {
  return year === current ? { name: 'plan' } : { name: 'plan', query: { year: String(year) } }
}

/** How the board names the plan it follows: 内置计划 or the bureau that loaded it. */
export function boardPlanSource(t: Translate, plan: Pick<BoardPlan, 'source' | 'unit_name'>): string {
  return plan.source === 'loaded' ? t('plan.year.loadedBy', { unit: plan.unit_name }) : t('plan.year.shipped')
}
