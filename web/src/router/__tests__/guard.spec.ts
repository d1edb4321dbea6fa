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
