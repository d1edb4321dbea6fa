import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSessionStore } from '../session'

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const me = {
  user: { id: 7, username: 'school1_teacher', display_name: '王老师' },
  unit: { id: 21, name: '第一小学', kind: 'school' },
  roles: [],
  permissions: ['hazard:report'],
  scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
  csrf_token: 'c'.repeat(32),
  must_change_password: false,
  must_enroll_totp: false,
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('session restore', () => {
  it('asks the question that is answered 200 without a session, and stays logged out', async () => {
    const fetchMock = vi.fn(async () => reply(200, { authenticated: false }))
    vi.stubGlobal('fetch', fetchMock)
    const s = useSessionStore()
    await s.restore()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/auth/session')
    expect(s.loggedIn).toBe(false)
    expect(s.checked).toBe(true)
  })

  it('takes the caller from the same answer when the cookie holds a session', async () => {
    vi.stubGlobal('fetch', async () => reply(200, { ...me, authenticated: true }))
    const s = useSessionStore()
    await s.restore()
    expect(s.loggedIn).toBe(true)
    expect(s.me?.user.display_name).toBe('王老师')
    expect(s.can('hazard:report')).toBe(true)
  })
})
