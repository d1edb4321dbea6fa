import { describe, expect, it } from 'vitest'
import { boardSegments, boardSummary, countOf, failingOf, shownKeys } from '../board'
import { boardRow, finding } from './fixtures'

describe('a board row', () => {
  it('counts each outcome and the schools not judged yet', () => {
    const row = boardRow({ unjudged: 2, counts: { pass: 30, due: 5, fail: 3, warn: 0, na: 0 } })
    expect(countOf(row, 'pass')).toBe(30)
    expect(countOf(row, 'fail')).toBe(3)
    expect(countOf(row, 'unjudged')).toBe(2)
  })

  it('shows 提醒 only when there is one', () => {
    expect(shownKeys(boardRow())).toEqual(['pass', 'due', 'fail', 'na', 'unjudged'])
    expect(shownKeys(boardRow({ counts: { pass: 1, due: 0, fail: 0, warn: 2, na: 0 } }))).toContain('warn')
  })

  it('draws the outcomes with schools as shares of the schools in scope', () => {
    expect(boardSegments(boardRow())).toEqual([
      { key: 'pass', count: 9, percent: 22.5 },
      { key: 'due', count: 31, percent: 77.5 },
    ])
    const thirds = boardSegments(boardRow({ schools: 3, counts: { pass: 1, due: 1, fail: 0, warn: 0, na: 0 }, unjudged: 1 }))
    expect(thirds.map((s) => s.percent)).toEqual([33.3, 33.3, 33.3])
    expect(boardSegments(boardRow({ schools: 0, counts: { pass: 0, due: 0, fail: 0, warn: 0, na: 0 } }))).toEqual([])
  })
})

describe('the failing list', () => {
  const board = {
    failing: [
      finding({ id: 1, school_name: '示范区云溪初级中学', outcome: 'due' }),
      finding({ id: 2, school_name: '示范区丰收第2高级中学', rule_id: 'drill.night_boarding', outcome: 'due' }),
      finding({ id: 3, school_name: '示范区双桥小学', outcome: 'fail' }),
      finding({ id: 4, school_name: '示范区丰收第2高级中学', outcome: 'pass' }),
    ],
  }

  it('puts the failures first, then by school; passes are not failing', () => {
    expect(failingOf(board).map((f) => f.id)).toEqual([3, 2, 1])
  })

  it('keeps one rule when asked', () => {
    expect(failingOf(board, 'drill.night_boarding').map((f) => f.id)).toEqual([2])
    expect(failingOf(null)).toEqual([])
  })
})

describe('the home card', () => {
  it('sums up each rule’s failing and due schools', () => {
    const rows = [boardRow(), boardRow({ rule_id: 'drill.fire_semester', title: '每学期全员消防疏散演练', period_label: '2026—2027学年第一学期', counts: { pass: 32, due: 6, fail: 2, warn: 0, na: 0 } })]
    expect(boardSummary({ rows })).toEqual([
      { rule_id: 'drill.monthly', title: '每个教学月应急疏散演练（幼儿园每季度）', period_label: '2026年12月', fail: 0, due: 31 },
      { rule_id: 'drill.fire_semester', title: '每学期全员消防疏散演练', period_label: '2026—2027学年第一学期', fail: 2, due: 6 },
    ])
    expect(boardSummary(null)).toEqual([])
  })
})
