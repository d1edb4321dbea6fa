// The security policy's fields with their ranges (docs/api/openapi.yaml, PasswordPolicy).
// Pure; unit-tested in __tests__/policyFields.spec.ts.
import type { PasswordPolicy } from '@/api/admin'

export type NumericPolicyField = Exclude<keyof PasswordPolicy, 'totp_required_for_admins'>

export interface PolicyFieldSpec {
  field: NumericPolicyField
  min: number
  max: number
  /** Default of the 等保 profile. */
  default: number
  /** i18n key of the unit shown after the number (admin.policy.units.*). */
  unit: 'chars' | 'classes' | 'times' | 'days' | 'minutes' | 'hours' | 'perMinute'
  section: 'password' | 'lockout' | 'session'
}

export const policyFieldSpecs: readonly PolicyFieldSpec[] = [
  { field: 'min_length', min: 8, max: 64, default: 8, unit: 'chars', section: 'password' },
  { field: 'min_classes', min: 1, max: 4, default: 3, unit: 'classes', section: 'password' },
  { field: 'history', min: 0, max: 24, default: 5, unit: 'times', section: 'password' },
  { field: 'max_age_days', min: 0, max: 365, default: 90, unit: 'days', section: 'password' },
  { field: 'lockout_threshold', min: 3, max: 20, default: 5, unit: 'times', section: 'lockout' },
  { field: 'lockout_minutes', min: 1, max: 1440, default: 30, unit: 'minutes', section: 'lockout' },
  {
    field: 'address_attempts_per_minute',
    min: 1,
    max: 1000,
    default: 20,
    unit: 'perMinute',
    section: 'lockout',
  },
  { field: 'idle_minutes', min: 1, max: 240, default: 30, unit: 'minutes', section: 'session' },
  { field: 'absolute_hours', min: 1, max: 72, default: 12, unit: 'hours', section: 'session' },
]

export function defaultPolicy(): PasswordPolicy {
  const p = { totp_required_for_admins: true } as PasswordPolicy
  for (const s of policyFieldSpecs) p[s.field] = s.default
  return p
}

/** A form value: numbers may be cleared (null) while editing. */
export type PolicyForm = { [K in NumericPolicyField]: number | null } & { totp_required_for_admins: boolean }

export interface PolicyProblem {
  field: NumericPolicyField
  kind: 'required' | 'range' | 'integer'
  min: number
  max: number
}

/** Problems of the form, in field order (empty = ready to send). */
export function policyProblems(form: PolicyForm): PolicyProblem[] {
  const out: PolicyProblem[] = []
  for (const s of policyFieldSpecs) {
    const v = form[s.field]
    const base = { field: s.field, min: s.min, max: s.max }
    if (v === null || v === undefined || Number.isNaN(v)) out.push({ ...base, kind: 'required' })
    else if (!Number.isInteger(v)) out.push({ ...base, kind: 'integer' })
    else if (v < s.min || v > s.max) out.push({ ...base, kind: 'range' })
  }
  return out
}

/** The PUT body: every field, nothing else (the server refuses unknown fields). */
export function policyBody(form: PolicyForm): PasswordPolicy {
  const body = { totp_required_for_admins: !!form.totp_required_for_admins } as PasswordPolicy
  for (const s of policyFieldSpecs) body[s.field] = form[s.field] ?? s.default
  return body
}

export function policyForm(p: PasswordPolicy): PolicyForm {
  const f = { totp_required_for_admins: p.totp_required_for_admins } as PolicyForm
  for (const s of policyFieldSpecs) f[s.field] = p[s.field]
  return f
}
