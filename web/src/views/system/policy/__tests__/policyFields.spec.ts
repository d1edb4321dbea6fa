import { describe, expect, it } from 'vitest'
import { defaultPolicy, policyBody, policyFieldSpecs, policyForm, policyProblems } from '../policyFields'

describe('policy fields', () => {
  it('cover every numeric field of PasswordPolicy exactly once', () => {
    const fields = policyFieldSpecs.map((s) => s.field).sort()
    expect(fields).toEqual(
      [
        'absolute_hours',
        'address_attempts_per_minute',
        'history',
        'idle_minutes',
        'lockout_minutes',
        'lockout_threshold',
        'max_age_days',
        'min_classes',
        'min_length',
      ].sort(),
    )
    for (const s of policyFieldSpecs) {
      expect(s.default).toBeGreaterThanOrEqual(s.min)
      expect(s.default).toBeLessThanOrEqual(s.max)
    }
  })

  it('defaults are the 等保 profile', () => {
    expect(defaultPolicy()).toEqual({
      min_length: 8,
      min_classes: 3,
      history: 5,
      max_age_days: 90,
      lockout_threshold: 5,
      lockout_minutes: 30,
      idle_minutes: 30,
      absolute_hours: 12,
      address_attempts_per_minute: 20,
      totp_required_for_admins: true,
    })
  })

  it('finds missing, fractional and out-of-range values', () => {
    const f = policyForm(defaultPolicy())
    expect(policyProblems(f)).toEqual([])
    f.min_length = 7
    f.history = null
    f.idle_minutes = 1.5
    f.absolute_hours = 73
    expect(policyProblems(f).map((p) => [p.field, p.kind])).toEqual([
      ['min_length', 'range'],
      ['history', 'required'],
      ['idle_minutes', 'integer'],
      ['absolute_hours', 'range'],
    ])
  })

  it('the body has every field and nothing else', () => {
    const f = { ...policyForm(defaultPolicy()), extra: 1 } as ReturnType<typeof policyForm>
    f.totp_required_for_admins = false
    const body = policyBody(f)
    expect(Object.keys(body).sort()).toEqual(Object.keys(defaultPolicy()).sort())
    expect(body.totp_required_for_admins).toBe(false)
  })
})
