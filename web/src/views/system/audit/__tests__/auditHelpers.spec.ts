import { describe, expect, it } from 'vitest'
import { buildAuditQuery, describeVerification, emptyAuditSearch, suggestActions } from '../auditHelpers'

describe('buildAuditQuery', () => {
  it('sends only paging for an empty form', () => {
    expect(buildAuditQuery(emptyAuditSearch(), 1, 20)).toEqual({ page: 1, page_size: 20 })
  })

  it('leaves paging out for the export', () => {
    expect(buildAuditQuery({ ...emptyAuditSearch(), actor: 'auditor' })).toEqual({ actor: 'auditor' })
  })

  it('trims text and sends the range as UTC instants in the server format', () => {
    const from = new Date(Date.UTC(2026, 10, 1, 0, 0, 0))
    const to = new Date(Date.UTC(2026, 10, 30, 15, 59, 59))
    const q = buildAuditQuery({ actor: ' sysadmin ', action: 'auth. ', result: 'failed', range: [from, to] }, 2, 50)
    expect(q).toEqual({
      actor: 'sysadmin',
      action: 'auth.',
      result: 'failed',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-30T15:59:59.000Z',
      page: 2,
      page_size: 50,
    })
    expect(q.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('ignores an invalid date', () => {
    const q = buildAuditQuery({ ...emptyAuditSearch(), range: [new Date('x'), new Date(Date.UTC(2026, 0, 1))] })
    expect(q).toEqual({ to: '2026-01-01T00:00:00.000Z' })
  })
})

describe('describeVerification', () => {
  it('an intact chain is a success', () => {
    const v = describeVerification({ checked: 42, intact: true })
    expect(v.type).toBe('success')
    expect(v.key).toBe('verifyIntact')
    expect(v.params.checked).toBe(42)
  })
  it('a broken chain names the first broken record and the reason', () => {
    const v = describeVerification({ checked: 9, intact: false, first_broken_id: 10, reason: '哈希不符' })
    expect(v).toEqual({ type: 'error', key: 'verifyBroken', params: { checked: 9, id: 10, reason: '哈希不符' } })
  })
})

describe('suggestActions', () => {
  it('offers prefixes that extend what was typed', () => {
    expect(suggestActions('user.r')).toEqual(['user.reset_password', 'user.roles'])
    expect(suggestActions('role.save')).toEqual([])
    // Refused second-factor and password checks of signed steps are audited as auth.verify.
    expect(suggestActions('auth.v')).toEqual(['auth.verify'])
    expect(suggestActions('cal')).toEqual(['calendar.'])
    expect(suggestActions('').length).toBeGreaterThan(5)
  })
})
