import { describe, expect, it } from 'vitest'
import type { HazardBoard } from '@/api/hazards'
import { days, domainBar, hazardCards, percent, sortSchools } from '../board'

const board: HazardBoard = {
  open_total: 5,
  open_by_level: [
    { code: 'general', label: '一般隐患', count: 4 },
    { code: 'major', label: '重大隐患', count: 1 },
  ],
  open_by_domain: [
    { code: 'fire', label: '消防安全', count: 2 },
    { code: 'gas', label: '燃气安全', count: 3 },
    { code: 'lab', label: '实验室及危化品', count: 0 },
  ],
  overdue: 2,
  supervised: 0,
  closed_this_month: 4,
  closure_rate: 0.6667,
  avg_days_to_close: 3.25,
  trend: [
    { month: '2026-10', open: 1 },
    { month: '2026-11', open: 5 },
  ],
  schools: [
    { school_id: 1, school_name: '乙校', open: 3, open_major: 0, overdue: 2, supervised: 0 },
    { school_id: 2, school_name: '甲校', open: 1, open_major: 1, overdue: 0, supervised: 1 },
    { school_id: 3, school_name: '丙校', open: 4, open_major: 0, overdue: 2, supervised: 0 },
  ],
}

describe('hazard board', () => {
  it('makes cards that link to the ledger with the matching filter', () => {
    const cards = hazardCards(board)
    expect(cards.map((c) => [c.test, c.value])).toEqual([
      ['board-open', 5],
      ['board-overdue', 2],
      ['board-supervised', 0],
      ['board-closed-month', 4],
    ])
    expect(cards[0].query).toEqual({ state: 'reported,assigned,rectifying,submitted,verified' })
    expect(cards[1].query).toEqual({ overdue: 'true' })
    expect(cards[1].danger).toBe(true)
    expect(cards[2].danger).toBe(false)
    expect(hazardCards(board, 21)[2].query).toEqual({ school_id: '21', supervised: 'true' })
  })

  it('puts schools with an open major hazard first', () => {
    expect(sortSchools(board.schools).map((s) => s.school_name)).toEqual(['甲校', '丙校', '乙校'])
    expect(board.schools[0].school_name).toBe('乙校') // not sorted in place
  })

  it('charts only categories with open hazards, largest first', () => {
    const opt = domainBar(board.open_by_domain, 't') as { xAxis: { data: string[] }; series: { data: number[] }[] }
    expect(opt.xAxis.data).toEqual(['燃气安全', '消防安全'])
    expect(opt.series[0].data).toEqual([3, 2])
  })

  it('formats rates and days', () => {
    expect(percent(0.6667)).toBe('66.7%')
    expect(percent(Number.NaN)).toBe('0%')
    expect(days(3.25)).toBe('3.3')
    expect(days(4)).toBe('4')
  })
})
