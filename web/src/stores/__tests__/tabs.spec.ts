import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useTabsStore } from '../tabs'
import { useSessionStore } from '../session'

beforeEach(() => setActivePinia(createPinia()))

describe('tabs', () => {
  it('opens each page once and keeps home', () => {
    const tabs = useTabsStore()
    tabs.open({ path: '/system/schools', name: 'schools', title: 'menu.schools' })
    tabs.open({ path: '/system/schools?page=2', name: 'schools', title: 'menu.schools' })
    tabs.open({ path: '/system/users', name: 'users', title: 'menu.users' })
    expect(tabs.tabs.map((t) => t.name)).toEqual(['home', 'schools', 'users'])
    expect(tabs.tabs[1].path).toBe('/system/schools?page=2')
    expect(tabs.close('home')).toBeNull()
    expect(tabs.close('users')).toBe('/system/schools?page=2')
    tabs.closeOthers('schools')
    expect(tabs.tabs.map((t) => t.name)).toEqual(['home', 'schools'])
  })
})

describe('session permissions', () => {
  it('allows a route when any of its permissions is held', () => {
    const s = useSessionStore()
    expect(s.can('school:read')).toBe(false)
    s.me = {
      user: { id: 1, username: 'a', display_name: 'A' },
      unit: { id: 1, name: 'U', kind: 'school' },
      roles: [],
      permissions: ['school:read'],
      scope: { kind: 'own_unit', unit_paths: ['/1/'] },
      csrf_token: '',
      must_change_password: false,
      must_enroll_totp: false,
    }
    expect(s.can('school:read')).toBe(true)
    expect(s.can(['unit:read', 'school:read'])).toBe(true)
    expect(s.can('audit:read')).toBe(false)
    expect(s.can(undefined)).toBe(true)
  })
})
