// The global guard and the parents' letter page (/p/letters/:token): opened without a session, the
// page is shown as it is — no session asked of the server, no redirect to the login page, no tab —
// while a console page without a session still goes to the login page.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

const auth = vi.hoisted(() => ({ session: vi.fn(), me: vi.fn() }))
vi.mock('@/api/auth', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/auth')>()
  return { ...real, authApi: { ...real.authApi, session: auth.session, me: auth.me } }
})

import { createAppRouter } from '../index'
import { useTabsStore } from '@/stores/tabs'

vi.setConfig({ testTimeout: 30_000 })

beforeEach(() => {
  setActivePinia(createPinia())
  auth.session.mockReset()
  auth.session.mockResolvedValue({ authenticated: false })
})

describe('the guard and the parents’ page', () => {
  it('opens /p/letters/:token without asking for a session or going to the login page', async () => {
    const router = createAppRouter()
    await router.push('/p/letters/tok7AbC')
    expect(router.currentRoute.value.name).toBe('parent-letter')
    expect(router.currentRoute.value.params.token).toBe('tok7AbC')
    expect(router.currentRoute.value.meta).toMatchObject({ public: true, anonymous: true })
    expect(auth.session).not.toHaveBeenCalled()
    expect(useTabsStore().tabs.map((t) => t.path)).not.toContain('/p/letters/tok7AbC')
  })

  it('still sends a console page without a session to the login page', async () => {
    const router = createAppRouter()
    await router.push('/edu/letters')
    expect(auth.session).toHaveBeenCalledTimes(1)
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/edu/letters')
  })
})

describe('a page open to any of its permissions', () => {
  const me = (permissions: string[], kind = 'department') => ({
    authenticated: true,
    user: { id: 9, username: 'dept1_liaison', display_name: '联络员' },
    unit: { id: 31, name: '示范区公安分局', kind },
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/31/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  })

  it('opens 联防联控 to a department’s liaison (edu:joint without edu:read), not the pages of edu:read alone', async () => {
    auth.session.mockResolvedValue(me(['whistle:read', 'whistle:respond', 'edu:joint']))
    const router = createAppRouter()
    await router.push('/edu/joint')
    expect(router.currentRoute.value.name).toBe('edu-joint')
    await router.push('/edu/joint/12')
    expect(router.currentRoute.value.name).toBe('edu-joint-task')
    await router.push('/edu/drowning')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('opens it to the bureau with edu:read, and to nobody with neither', async () => {
    auth.session.mockResolvedValue(me(['edu:read', 'edu:content'], 'bureau'))
    const bureau = createAppRouter()
    await bureau.push('/edu/joint')
    expect(bureau.currentRoute.value.name).toBe('edu-joint')

    setActivePinia(createPinia())
    auth.session.mockResolvedValue(me(['whistle:read', 'whistle:respond']))
    const other = createAppRouter()
    await other.push('/edu/joint/12')
    expect(other.currentRoute.value.name).toBe('forbidden')
  })

  it('opens 未成年人信息查阅 to edu:read, minors:grant or audit:read, and to nobody with none', async () => {
    for (const [perms, kind] of [
      [['edu:read'], 'bureau'],
      [['minors:grant'], 'school'],
      [['audit:read'], 'bureau'],
    ] as const) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me([...perms], kind))
      const router = createAppRouter()
      await router.push('/minors?tab=approve')
      expect(router.currentRoute.value.name, perms.join()).toBe('minors')
    }
    setActivePinia(createPinia())
    auth.session.mockResolvedValue(me(['whistle:read', 'edu:joint']))
    const other = createAppRouter()
    await other.push('/minors')
    expect(other.currentRoute.value.name).toBe('forbidden')
  })
})

describe('a page of the bureau’s own offices', () => {
  const me = (kind: string) => ({
    authenticated: true,
    user: { id: 9, username: 'someone', display_name: '某人' },
    unit: { id: 3, name: '某单位', kind },
    roles: [],
    permissions: ['duty:read'],
    scope: { kind: 'own_unit', unit_paths: ['/1/3/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  })

  it('opens 科室监管事项 and 措施覆盖 to the bureau and its sections', async () => {
    for (const kind of ['bureau', 'section']) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me(kind))
      const router = createAppRouter()
      await router.push('/duties/supervision')
      expect(router.currentRoute.value.name, kind).toBe('duty-supervision')
      await router.push('/duties/supervision/coverage')
      expect(router.currentRoute.value.name, kind).toBe('duty-supervision-coverage')
    }
  })

  it('opens 全区工作, an item and its board to the bureau and its sections, 本单位工作 to a school and a section', async () => {
    for (const kind of ['bureau', 'section']) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me(kind))
      const router = createAppRouter()
      await router.push('/duties/work')
      expect(router.currentRoute.value.name, kind).toBe('duty-work')
      await router.push('/duties/work/7')
      expect(router.currentRoute.value.name, kind).toBe('duty-work-item')
      await router.push('/duties/work/board')
      expect(router.currentRoute.value.name, kind).toBe('duty-work-board')
      await router.push('/duties/work/mine')
      expect(router.currentRoute.value.name, kind).toBe('duty-work-mine')
    }
    for (const kind of ['school', 'cluster']) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me(kind))
      const router = createAppRouter()
      await router.push('/duties/work/mine')
      expect(router.currentRoute.value.name, kind).toBe('duty-work-mine')
      for (const path of ['/duties/work', '/duties/work/7', '/duties/work/board']) {
        await router.push(path)
        expect(router.currentRoute.value.name, `${kind} ${path}`).toBe('forbidden')
      }
    }
  })

  it('shows 无权访问 to a school, a cluster or a department with duty:read, who still open the schools’ duty pages', async () => {
    for (const kind of ['school', 'cluster', 'department']) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me(kind))
      const router = createAppRouter()
      await router.push('/duties/supervision')
      expect(router.currentRoute.value.name, kind).toBe('forbidden')
      expect(router.currentRoute.value.query.from).toBe('/duties/supervision')
      await router.push('/duties/supervision/coverage')
      expect(router.currentRoute.value.name, kind).toBe('forbidden')
      await router.push('/duties/templates')
      expect(router.currentRoute.value.name, kind).toBe('duty-templates')
    }
  })

  it('opens 科室述职 to the bureau and its sections only; 安全述职 stays open to all with duty:read', async () => {
    for (const kind of ['bureau', 'section', 'school', 'cluster', 'department']) {
      setActivePinia(createPinia())
      auth.session.mockResolvedValue(me(kind))
      const router = createAppRouter()
      await router.push('/duties/year/section')
      expect(router.currentRoute.value.name, kind).toBe(kind === 'bureau' || kind === 'section' ? 'duty-year-section' : 'forbidden')
      await router.push('/duties/year')
      expect(router.currentRoute.value.name, kind).toBe('duty-year')
    }
  })
})
