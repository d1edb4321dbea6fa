import { describe, expect, it } from 'vitest'
import type { HomeBoard } from '@/api/boards'
import { nonEmpty, schoolCards, singleSchool, stagePie } from '../board'

const board: HomeBoard = {
  scope: { kind: 'all', unit_name: '示范区教育局' },
  generated_at: '2026-11-30T08:00:00Z',
  schools: {
    total: 8,
    boarding: 2,
    by_stage: [
      { code: 'primary', label: '小学', count: 5 },
      { code: 'junior', label: '初中', count: 3 },
      { code: 'special', label: '特殊教育', count: 0 },
    ],
    by_location_type: [
      { code: 'urban', label: '城区', count: 6 },
      { code: 'rural', label: '乡村', count: 2 },
    ],
    by_ownership: [],
  },
}

describe('home board', () => {
  it('builds cards with shares of the total', () => {
    const cards = schoolCards(board)
    expect(cards[0]).toEqual({ key: 'total', value: 8 })
    expect(cards[1]).toEqual({ key: 'boarding', value: 2, percent: 25 })
    expect(cards.find((c) => c.key === 'location.rural')?.percent).toBe(25)
  })

  it('has no cards without school data', () => {
    expect(schoolCards({ ...board, schools: null })).toEqual([])
  })

  it('leaves empty stages out of the pie', () => {
    expect(nonEmpty(board.schools!.by_stage).map((c) => c.code)).toEqual(['primary', 'junior'])
    const opt = stagePie(board.schools!.by_stage, 't') as { series: { data: unknown[] }[] }
    expect(opt.series[0].data).toEqual([
      { name: '小学', value: 5 },
      { name: '初中', value: 3 },
    ])
  })

  it('knows a scope of one school, where the school numbers say nothing', () => {
    const one = { ...board, scope: { kind: 'own_unit', unit_name: '示范区双桥小学' }, schools: { ...board.schools!, total: 1 } }
    expect(singleSchool(one, 'school')).toBe(true)
    expect(singleSchool({ ...board, scope: { kind: 'school', unit_name: '示范区双桥小学' } }, 'school')).toBe(true)
    expect(singleSchool({ ...board, scope: { kind: 'unit_and_below', unit_name: '示范区双桥小学' } }, 'school')).toBe(true)
    // Whatever the unit, a scope holding a single school.
    expect(singleSchool({ ...one, scope: { kind: 'custom', unit_name: '基础教育科' } }, 'section')).toBe(true)
    // The bureau's district, and a school user whose scope reaches further.
    expect(singleSchool(board, 'bureau')).toBe(false)
    expect(singleSchool({ ...board, scope: { kind: 'unit_and_below', unit_name: '示范区教育局' } }, 'bureau')).toBe(false)
    expect(singleSchool({ ...board, scope: { kind: 'custom', unit_name: '示范区双桥小学' } }, 'school')).toBe(false)
  })
})
