import { describe, expect, it } from 'vitest'
import {
  defaultRules,
  domainRows,
  isFormKey,
  ruleErrorKey,
  ruleFieldErrors,
  ruleFieldSpecs,
  rulesBody,
  rulesForm,
  rulesProblems,
} from '../hazardRules'
import type { HazardRules } from '@/api/hazards'

const rules: HazardRules = {
  deadlines: { general_days: 5, major_days: 20, general_by_domain: { food: 3 }, major_by_domain: { lab: 10 } },
  escalation: {
    overdue_leader_days: 2,
    overdue_bureau_days: 6,
    missed_window_days: 45,
    repeat_window_days: 365,
    rework_threshold: 3,
  },
}

describe('hazard rules form', () => {
  it('has the server defaults and ranges', () => {
    const form = rulesForm(defaultRules())
    for (const s of ruleFieldSpecs) {
      expect(form[s.field]).toBe(s.default)
      expect(s.default).toBeGreaterThanOrEqual(s.min)
      expect(s.default).toBeLessThanOrEqual(s.max)
    }
    expect(ruleFieldSpecs.find((s) => s.field === 'overdue_leader_days')).toMatchObject({ min: 0, max: 60 })
    expect(ruleFieldSpecs.find((s) => s.field === 'repeat_window_days')).toMatchObject({ min: 1, max: 730 })
    expect(ruleFieldSpecs.find((s) => s.field === 'rework_threshold')).toMatchObject({ min: 1, max: 10 })
  })

  it('round-trips the rules as the PUT body', () => {
    expect(rulesBody(rulesForm(rules))).toEqual(rules)
  })

  it('sends only the overrides that are set (an empty cell = the default)', () => {
    const form = rulesForm(rules)
    form.general.food = null
    form.general.gas = 12
    form.major.fire = null
    const body = rulesBody(form)
    expect(body.deadlines.general_by_domain).toEqual({ gas: 12 })
    expect(body.deadlines.major_by_domain).toEqual({ lab: 10 })
    expect(Object.keys(body).sort()).toEqual(['deadlines', 'escalation'])
    expect(Object.keys(body.deadlines).sort()).toEqual(['general_by_domain', 'general_days', 'major_by_domain', 'major_days'])
  })

  it('finds missing, out-of-range and inconsistent values', () => {
    const form = rulesForm(rules)
    expect(rulesProblems(form)).toEqual([])
    form.general_days = null
    form.general.food = 0
    form.rework_threshold = 11
    form.overdue_leader_days = 10
    form.overdue_bureau_days = 5
    expect(rulesProblems(form).map((p) => [p.key, p.kind])).toEqual([
      ['general_days', 'required'],
      ['domain-food-general', 'range'],
      ['rework_threshold', 'range'],
      ['overdue_bureau_days', 'order'],
    ])
    // An empty override is no problem.
    const ok = rulesForm(rules)
    ok.major.lab = null
    expect(rulesProblems(ok)).toEqual([])
  })
})

describe('hazard rules server errors', () => {
  it('maps JSON paths to the form fields and table cells', () => {
    expect(ruleErrorKey('deadlines.general_days')).toBe('general_days')
    expect(ruleErrorKey('escalation.overdue_bureau_days')).toBe('overdue_bureau_days')
    expect(ruleErrorKey('deadlines.general_by_domain.food')).toBe('domain-food-general')
    expect(ruleErrorKey('deadlines.major_by_domain.special_equipment')).toBe('domain-special_equipment-major')
    // Not a form field: kept as is (and shown above the form).
    expect(ruleErrorKey('escalation.general_days')).toBe('escalation.general_days')
    expect(ruleErrorKey('deadlines')).toBe('deadlines')
    expect(ruleErrorKey('extra')).toBe('extra')
  })

  it('keys the server field errors for the form, first reason wins', () => {
    const mapped = ruleFieldErrors({
      'deadlines.general_by_domain.food': '须在 1 到 365 之间',
      'escalation.overdue_bureau_days': '须不小于 overdue_leader_days',
      extra: '未知字段',
    })
    expect(mapped).toEqual({
      'domain-food-general': '须在 1 到 365 之间',
      overdue_bureau_days: '须不小于 overdue_leader_days',
      extra: '未知字段',
    })
    const codes = ['food', 'fire']
    expect(Object.keys(mapped).filter((k) => !isFormKey(k, codes))).toEqual(['extra'])
  })

  it('lists the dictionary domains, then codes only the rules know', () => {
    const rows = domainRows(
      [
        { code: 'fire', label: '消防安全' },
        { code: 'food', label: '食品安全' },
      ],
      { general: { food: 3, zzz: 4 }, major: { aaa: 1 } },
    )
    expect(rows.map((r) => r.code)).toEqual(['fire', 'food', 'aaa', 'zzz'])
    expect(rows[1].label).toBe('食品安全')
  })
})
