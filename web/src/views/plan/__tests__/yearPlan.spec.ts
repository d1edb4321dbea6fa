import { describe, expect, it } from 'vitest'
import type { YearPlan } from '@/api/plan'
import { actionSpan, boardPlanSource, canRestore, ownerLabel, planCounts, planOwner, planPageRoute, planRows, yearFrom, yearOptions } from '../yearPlan'

function yearPlan(over: Partial<YearPlan> = {}): YearPlan {
  return {
    year: 2026,
    source: 'shipped',
    unit_id: null,
    unit_name: '',
    title: '中小学校园安全规范落实年工作方案',
    loaded_by: '',
    loaded_at: '',
    can_load: true,
    actions: [
      {
        number: 1,
        title: '学校安全责任压实行动',
        measures: [
          { number: 1, title: '落实学校安全主体责任', rules: [] },
          { number: 2, title: '健全安全管理制度', rules: [{ id: 'hazard.overdue', title: '隐患超期督办', subject: 'hazard' }] },
        ],
      },
      { number: 2, title: '空行动', measures: [] },
      {
        number: 5,
        title: '应急能力提升行动',
        measures: [
          {
            number: 13,
            title: '强化消防实战型应急演练',
            rules: [
              { id: 'drill.monthly', title: '每个教学月应急疏散演练', subject: 'school' },
              { id: 'hazard.overdue', title: '隐患超期督办', subject: 'hazard' },
            ],
          },
        ],
      },
    ],
    ...over,
  }
}

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}${JSON.stringify(named)}` : key)

describe('the plan as a table', () => {
  it('has a row per measure, the action spanning its measures, and a row for an action without any', () => {
    const rows = planRows(yearPlan())
    expect(rows.map((r) => [r.key, r.action, r.measure, r.actionRows])).toEqual([
      ['a-1-m-1', 1, 1, 2],
      ['a-1-m-2', 1, 2, 0],
      ['a-2', 2, null, 1],
      ['a-5-m-13', 5, 13, 1],
    ])
    expect(rows[1].rules.map((r) => r.id)).toEqual(['hazard.overdue'])
    expect(rows[0].actionTitle).toBe('学校安全责任压实行动')
    expect(planRows(null)).toEqual([])
  })

  it('spans the action’s cell over its rows and leaves the other columns alone', () => {
    const rows = planRows(yearPlan())
    expect(actionSpan({ row: rows[0], columnIndex: 0 })).toEqual([2, 1])
    expect(actionSpan({ row: rows[1], columnIndex: 0 })).toEqual([0, 0])
    expect(actionSpan({ row: rows[1], columnIndex: 1 })).toEqual([1, 1])
    expect(actionSpan({ row: rows[2], columnIndex: 0 })).toEqual([1, 1])
  })

  it('counts actions, measures, distinct rules and measures without rules', () => {
    expect(planCounts(yearPlan())).toEqual({ actions: 3, measures: 3, rules: 2, withoutRules: 1 })
    expect(planCounts(null)).toEqual({ actions: 0, measures: 0, rules: 0, withoutRules: 0 })
  })
})

describe('whose plan it is', () => {
  it('tells the shipped plan, the bureau’s own and an upper bureau’s', () => {
    const own = yearPlan({ source: 'loaded', unit_id: 2, unit_name: '示范区教育局' })
    expect(planOwner(yearPlan(), 2)).toBe('shipped')
    expect(planOwner(own, 2)).toBe('own')
    expect(planOwner(own, 1)).toBe('upper')
    expect(ownerLabel(t, yearPlan(), 2)).toBe('plan.year.shipped')
    expect(ownerLabel(t, own, 2)).toBe('plan.year.own')
    expect(ownerLabel(t, own, 3)).toBe('plan.year.upper{"unit":"示范区教育局"}')
  })

  it('offers to restore the shipped plan only over the bureau’s own', () => {
    const own = yearPlan({ source: 'loaded', unit_id: 2, unit_name: '示范区教育局' })
    expect(canRestore(own, 2)).toBe(true)
    expect(canRestore({ ...own, can_load: false }, 2)).toBe(false)
    expect(canRestore(own, 3)).toBe(false)
    expect(canRestore(yearPlan(), 2)).toBe(false)
  })

  it('names the plan the board follows', () => {
    expect(boardPlanSource(t, { source: 'shipped', unit_name: '' })).toBe('plan.year.shipped')
    expect(boardPlanSource(t, { source: 'loaded', unit_name: '示范区教育局' })).toBe('plan.year.loadedBy{"unit":"示范区教育局"}')
  })
})

describe('the year', () => {
  it('offers next year back to four years ago', () => {
    expect(yearOptions(2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022])
  })

  it('reads a year from a link, else this year', () => {
    expect(yearFrom({ year: '2027' }, 2026)).toBe(2027)
    expect(yearFrom({ year: ['2025', '2024'] }, 2026)).toBe(2025)
    for (const bad of ['27', '1999', '2101', 'x', '']) expect(yearFrom({ year: bad }, 2026)).toBe(2026)
    expect(yearFrom({}, 2026)).toBe(2026)
  })

  it('links the plan page without a query for this year', () => {
    expect(planPageRoute(2026, 2026)).toEqual({ name: 'plan' })
    expect(planPageRoute(2027, 2026)).toEqual({ name: 'plan', query: { year: '2027' } })
  })
})
