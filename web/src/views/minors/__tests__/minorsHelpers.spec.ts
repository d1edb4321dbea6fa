import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { activeGrant, grant } from './fixtures'
import { decisionGrants, granteeText, initialTab, kindText, openGrant, ownGrants, periodText, reportYears, stateTagType, stateText, tabsFor, waitingCount } from '../minorsHelpers'

const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string

describe('未成年人信息查阅 helpers', () => {
  it('gives each user the tabs of what they may do, and opens the one a link names if theirs', () => {
    expect(tabsFor({ request: true, decide: false, report: false })).toEqual(['mine'])
    expect(tabsFor({ request: false, decide: true, report: true })).toEqual(['approve', 'report'])
    expect(tabsFor({ request: false, decide: false, report: true })).toEqual(['report'])
    expect(tabsFor({ request: false, decide: false, report: false })).toEqual([])
    expect(initialTab('report', ['approve', 'report'])).toBe('report')
    expect(initialTab(['approve'], ['approve', 'report'])).toBe('approve')
    expect(initialTab('mine', ['approve', 'report'])).toBe('approve')
    expect(initialTab(undefined, ['mine'])).toBe('mine')
    expect(initialTab('approve', [])).toBeNull()
  })

  it('names states, kinds, periods and requesters', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(stateText(t, grant())).toBe('待审批')
    expect(stateText(t, { state: 'paused', state_label: '暂停' })).toBe('暂停')
    expect(stateTagType('requested')).toBe('warning')
    expect(stateTagType('active')).toBe('success')
    expect(stateTagType('refused')).toBe('danger')
    expect(stateTagType('other')).toBe('info')
    expect(kindText(t, 'edu_letter_receipt')).toBe('家长回执名单（学生姓名）')
    expect(kindText(t, 'health_record', '健康档案')).toBe('健康档案')
    expect(kindText(t, 'health_record')).toBe('health_record')
    expect(periodText(t, grant())).toBe('')
    expect(periodText(t, activeGrant())).toBe('2026-12-07 10:00 至 2026-12-14 10:00')
    expect(granteeText(t, grant())).toBe('安全科 周科长（示范区教育局）')
    expect(granteeText(t, grant({ grantee_name: '', grantee_unit_name: '' }))).toBe('safety_office')
  })

  it('splits the caller’s own requests from those they decide, waiting first', () => {
    const items = [
      grant({ id: 9, grantee: 'a', state: 'refused' }),
      activeGrant({ id: 8, grantee: 'b', can_revoke: true }),
      grant({ id: 7, grantee: 'me' }),
      grant({ id: 6, grantee: 'c', can_decide: true }),
      grant({ id: 5, grantee: 'd', can_decide: true }),
    ]
    expect(ownGrants(items, 'me').map((g) => g.id)).toEqual([7])
    expect(decisionGrants(items, 'me').map((g) => g.id)).toEqual([6, 5, 8, 9])
    expect(waitingCount(items)).toBe(2)
  })

  it('finds the caller’s open request for a school and kind', () => {
    const items = [grant({ id: 3, unit_id: 22 }), grant({ id: 2, state: 'refused' }), activeGrant({ id: 1 })]
    expect(openGrant(items, 21, 'edu_letter_receipt')?.id).toBe(1)
    expect(openGrant(items, 22, 'edu_letter_receipt')?.id).toBe(3)
    expect(openGrant(items, 23, 'edu_letter_receipt')).toBeUndefined()
    expect(openGrant(items, 22, 'other')).toBeUndefined()
  })

  it('offers this year in China and the four before it', () => {
    // 2026-12-31 17:00 UTC is already 2027 in China.
    expect(reportYears(Date.parse('2026-12-31T17:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023])
    expect(reportYears(Date.parse('2026-06-01T00:00:00Z'))[0]).toBe(2026)
  })
})
