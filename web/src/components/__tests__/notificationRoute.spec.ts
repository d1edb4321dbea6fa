import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter, type RouteLocationRaw } from 'vue-router'
import { routes } from '@/router/routes'
import { notificationRoute } from '../notificationRoute'

/** The console's real routes, to check that each target resolves to the page meant. */
const router = createRouter({ history: createMemoryHistory(), routes })
const pathOf = (to: RouteLocationRaw): string => router.resolve(to).fullPath
const nameOf = (to: RouteLocationRaw): unknown => router.resolve(to).name

const BAD_IDS = ['', '0', '-3', '00', '07', '1.5', '5.0', '1e3', '0x10', ' 5', '5 ', '+5', 'abc', '5a', '9007199254740993']

describe('notificationRoute', () => {
  it('opens a hazard', () => {
    const to = notificationRoute({ object_type: 'hazard', object_id: '5' })
    expect(to).toEqual({ name: 'hazard-detail', params: { id: '5' } })
    expect(nameOf(to!)).toBe('hazard-detail')
    expect(pathOf(to!)).toBe('/hazards/5')
  })

  it('opens a campaign', () => {
    const to = notificationRoute({ object_type: 'campaign', object_id: '12' })
    expect(to).toEqual({ name: 'campaign-detail', params: { id: '12' } })
    expect(pathOf(to!)).toBe('/campaigns/12')
  })

  it('opens a joint-prevention task', () => {
    const to = notificationRoute({ object_type: 'edu_joint_task', object_id: '3' })
    expect(to).toEqual({ name: 'edu-joint-task', params: { id: '3' } })
    expect(pathOf(to!)).toBe('/edu/joint/3')
  })

  it('opens 未成年人信息查阅 for a grant to decide or decided (minors_grant)', () => {
    expect(notificationRoute({ object_type: 'minors_grant', object_id: '12' })).toEqual({ name: 'minors' })
    expect(notificationRoute({ object_type: 'minors_grant', object_id: '0' })).toBeNull()
    expect(notificationRoute({ object_type: 'minors_grant', object_id: 'x' })).toBeNull()
  })

  it('opens a screening round (security_round)', () => {
    const to = notificationRoute({ object_type: 'security_round', object_id: '41' })
    expect(to).toEqual({ name: 'security-round', params: { id: '41' } })
    expect(pathOf(to!)).toBe('/security/rounds/41')
  })

  it('takes the largest safe integer, not beyond', () => {
    expect(notificationRoute({ object_type: 'hazard', object_id: '9007199254740991' })).toEqual({
      name: 'hazard-detail',
      params: { id: '9007199254740991' },
    })
  })

  it.each(['hazard', 'campaign', 'edu_joint_task', 'security_round'])('opens nothing for a bad id of %s', (type) => {
    for (const id of BAD_IDS) expect(notificationRoute({ object_type: type, object_id: id }), `${type} ${JSON.stringify(id)}`).toBeNull()
    // What a loosely typed answer might carry.
    expect(notificationRoute({ object_type: type, object_id: null as unknown as string })).toBeNull()
    expect(notificationRoute({ object_type: type, object_id: 5 as unknown as string })).toBeNull()
  })

  it('opens nothing for a rule finding: no page takes a rule by its id', () => {
    expect(notificationRoute({ object_type: 'rule_finding', object_id: 'drill.fire_semester@2026-1' })).toBeNull()
    expect(notificationRoute({ object_type: 'rule_finding', object_id: '' })).toBeNull()
    expect(notificationRoute({ object_type: 'rule_finding', object_id: '5' })).toBeNull()
    expect(notificationRoute({ object_type: 'rule_finding', object_id: 'no-period' })).toBeNull()
  })

  it('opens nothing for an unknown type', () => {
    expect(notificationRoute({ object_type: 'whistle', object_id: '5' })).toBeNull()
    expect(notificationRoute({ object_type: '', object_id: '5' })).toBeNull()
    expect(notificationRoute({ object_type: 'Hazard', object_id: '5' })).toBeNull()
    // Not the object's own properties.
    expect(notificationRoute({ object_type: 'toString', object_id: '5' })).toBeNull()
    expect(notificationRoute({ object_type: '__proto__', object_id: '5' })).toBeNull()
    expect(notificationRoute({ object_type: undefined as unknown as string, object_id: '5' })).toBeNull()
  })

  it('leaves the notification as it was', () => {
    const n = Object.freeze({ object_type: 'hazard', object_id: '5' })
    notificationRoute(n)
    expect(n).toEqual({ object_type: 'hazard', object_id: '5' })
  })
})
