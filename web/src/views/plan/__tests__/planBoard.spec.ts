import { describe, expect, it } from 'vitest'
import type { PlanMeasure, PlanTrend } from '@/api/plan'
import { boardRow, finding } from '@/views/drills/__tests__/fixtures'
import {
  failingQueries,
  failingShare,
  hasRules,
  measuresOf,
  monthFailingShare,
  moduleOf,
  passShare,
  planQueryFrom,
  planQueryTo,
  recordIds,
  recordRoute,
  recordsListRoute,
  shareText,
  trendMeasures,
  trendOption,
  yearOf,
} from '../planBoard'

function measure(over: Partial<PlanMeasure> = {}): PlanMeasure {
  return {
    number: 13,
    title: '强化消防实战型应急演练',
    has_rules: true,
    school_rules: [boardRow(), boardRow({ rule_id: 'drill.fire_semester', periods: ['2026-1'] })],
    record_rules: [{ rule_id: 'drill.time', title: '低层建筑疏散用时（提醒）' }],
    schools_failing: 38,
    schools_judged: 40,
    ...over,
  }
}

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}${JSON.stringify(named)}` : key)

describe('the board', () => {
  it('lists the measures action by action, and tells those without rules', () => {
    const board = {
      actions: [
        { number: 1, title: 'a', measures: [measure({ number: 1, has_rules: false, school_rules: [], record_rules: [] })] },
        { number: 5, title: 'b', measures: [measure({ number: 12 }), measure()] },
      ],
    }
    expect(measuresOf(board).map((m) => m.number)).toEqual([1, 12, 13])
    expect(measuresOf(null)).toEqual([])
    expect(hasRules(measuresOf(board)[0])).toBe(false)
    expect(hasRules(measure())).toBe(true)
    // An older board without has_rules: from the rules listed.
    const old = { ...measure({ school_rules: [], record_rules: [{ rule_id: 'hazard.major', title: 'x' }] }) } as Partial<PlanMeasure>
    delete old.has_rules
    expect(hasRules(old as PlanMeasure)).toBe(true)
  })

  it('gives a rule’s pass share among the schools it applies to', () => {
    expect(passShare(boardRow())).toBe(22.5)
    expect(passShare(boardRow({ counts: { pass: 2, due: 0, fail: 1, warn: 0, na: 37 } }))).toBe(66.7)
    expect(passShare(boardRow({ counts: { pass: 0, due: 0, fail: 0, warn: 0, na: 40 } }))).toBeNull()
    expect(shareText(66.7)).toBe('66.7%')
    expect(shareText(null)).toBe('—')
  })

  it('gives the share of schools failing a measure', () => {
    expect(failingShare(measure())).toBe(95)
    expect(failingShare(measure({ schools_failing: 0, schools_judged: 0 }))).toBeNull()
  })

  it('asks for the findings of each school rule and period the board counts', () => {
    expect(failingQueries(measure())).toEqual([
      { rule: 'drill.monthly', period: '2026-12' },
      { rule: 'drill.monthly', period: '2026-Q4' },
      { rule: 'drill.fire_semester', period: '2026-1' },
    ])
    expect(failingQueries(measure({ school_rules: [] }))).toEqual([])
  })
})

describe('a finding’s records', () => {
  it('links a drill rule’s evidence to the drills, a record’s own finding to the record', () => {
    expect(moduleOf('drill.monthly')).toBe('drill')
    expect(moduleOf('odd')).toBe('odd')
    expect(recordRoute('drill', 28)).toEqual({ name: 'drill-detail', params: { id: 28 } })
    expect(recordRoute('hazard', 5)).toEqual({ name: 'hazard-detail', params: { id: 5 } })
    expect(recordRoute('calendar', 5)).toBeUndefined()
    expect(recordRoute('drill', 0)).toBeUndefined()
    expect(recordIds(finding({ evidence: [28, 29] }))).toEqual([28, 29])
    expect(recordIds(finding({ subject_type: 'drill', subject_id: 30, evidence: [30] }))).toEqual([30])
    expect(recordIds(finding())).toEqual([])
  })

  it('links a bus rule’s record to 校车台账: the tab of its subject, its school, the record opened', () => {
    const bus = (subject_type: string, subject_id: number) => finding({ rule_id: 'bus.permit', subject_type, subject_id, school_id: 21, evidence: [] })
    const vehicle = bus('bus_vehicle', 12)
    expect(moduleOf(vehicle.rule_id)).toBe('bus')
    expect(recordIds(vehicle)).toEqual([12])
    expect(recordRoute('bus', 12, vehicle)).toEqual({ name: 'bus', query: { tab: 'vehicles', unit_id: '21', id: '12' } })
    expect(recordRoute('bus', 22, bus('bus_driver', 22))).toEqual({ name: 'bus', query: { tab: 'drivers', unit_id: '21', id: '22' } })
    expect(recordRoute('bus', 42, bus('bus_route', 42))).toEqual({ name: 'bus', query: { tab: 'routes', unit_id: '21', id: '42' } })
    // Without the finding, or of a subject the registry does not hold: no link.
    expect(recordRoute('bus', 12)).toBeUndefined()
    expect(recordRoute('bus', 21, bus('school', 21))).toBeUndefined()
    expect(recordRoute('bus', 0, vehicle)).toBeUndefined()
    // The drill and hazard links do not need the finding, and are not changed by it.
    expect(recordRoute('drill', 28, vehicle)).toEqual({ name: 'drill-detail', params: { id: 28 } })
    // No list of the period for a bus rule.
    expect(recordsListRoute(vehicle)).toBeUndefined()
  })

  it('leads to the school’s drills of the period', () => {
    expect(recordsListRoute(finding())).toEqual({
      name: 'drills',
      query: { school_id: '21', from: '2026-12-01', to: '2026-12-31' },
    })
    expect(recordsListRoute(finding({ period_first: '', period_last: '' }))).toEqual({ name: 'drills', query: { school_id: '21' } })
    expect(recordsListRoute(finding({ rule_id: 'hazard.overdue' }))).toBeUndefined()
  })
})

describe('the page’s link', () => {
  it('reads a day and a measure, nothing else', () => {
    expect(planQueryFrom({ date: '2026-11-30', measure: '13' })).toEqual({ date: '2026-11-30', measure: 13 })
    expect(planQueryFrom({ date: '30/11/2026', measure: '0' })).toEqual({ date: '', measure: undefined })
    expect(planQueryFrom({ measure: ['8', '9'] })).toEqual({ date: '', measure: 8 })
    expect(planQueryFrom({ measure: '1e1' })).toEqual({ date: '', measure: undefined })
    expect(planQueryFrom({ measure: '-3' })).toEqual({ date: '', measure: undefined })
    // A loaded plan numbers its measures as it likes: no count of 21 is assumed.
    expect(planQueryFrom({ measure: '22' })).toEqual({ date: '', measure: 22 })
    expect(planQueryFrom({ measure: '105' })).toEqual({ date: '', measure: 105 })
  })

  it('writes only what differs from today with nothing open', () => {
    expect(planQueryTo({ date: '2026-12-04', measure: undefined }, '2026-12-04')).toEqual({})
    expect(planQueryTo({ date: '2026-11-30', measure: 13 }, '2026-12-04')).toEqual({ date: '2026-11-30', measure: '13' })
    expect(yearOf('2026-11-30')).toBe(2026)
  })
})

describe('the trend', () => {
  const trend: PlanTrend = {
    year: 2026,
    months: [
      {
        month: '2026-11',
        date: '2026-11-30',
        schools: 40,
        measures: [
          { number: 8, schools_failing: 0, schools_judged: 0 },
          { number: 13, schools_failing: 30, schools_judged: 40 },
          { number: 7, schools_failing: 2, schools_judged: 10 },
        ],
      },
      {
        month: '2026-12',
        date: '2026-12-04',
        schools: 40,
        measures: [
          { number: 8, schools_failing: 0, schools_judged: 0 },
          { number: 13, schools_failing: 38, schools_judged: 40 },
          { number: 7, schools_failing: 0, schools_judged: 0 },
        ],
      },
    ],
  }

  it('draws the measures judged in any month', () => {
    expect(trendMeasures(trend)).toEqual([7, 13])
    expect(trendMeasures(null)).toEqual([])
  })

  it('sums the schools failing over the schools judged for the overall share', () => {
    expect(monthFailingShare(trend.months[0])).toBe(64)
    expect(monthFailingShare(trend.months[1])).toBe(95)
    expect(monthFailingShare({ ...trend.months[0], measures: [] })).toBeNull()
  })

  it('makes a line per measure, or one line of the share', () => {
    const byMeasure = trendOption(trend, 'measures', t) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] }
    expect(byMeasure.xAxis.data).toEqual(['plan.trend.month{"n":11}', 'plan.trend.month{"n":12}'])
    expect(byMeasure.series.map((s) => s.name)).toEqual(['plan.trend.measureSeries{"n":7}', 'plan.trend.measureSeries{"n":13}'])
    expect(byMeasure.series[1].data).toEqual([30, 38])
    expect(byMeasure.series[0].data).toEqual([2, 0])
    const share = trendOption(trend, 'share', t) as { series: { data: (number | null)[] }[]; yAxis: { max: number } }
    expect(share.series).toHaveLength(1)
    expect(share.series[0].data).toEqual([64, 95])
    expect(share.yAxis.max).toBe(100)
    expect((trendOption(null, 'measures', t) as { series: unknown[] }).series).toEqual([])
  })
})
