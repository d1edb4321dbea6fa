import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type LoginInput, type Me } from '@/api/auth'
import { ApiError, setCsrfToken } from '@/api/http'

/** Who is logged in. The session itself is an HttpOnly cookie the page cannot read. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const checked = ref(false)

  const loggedIn = computed(() => me.value !== null)
  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  /** Logged in but held at the password change or second-factor step. */
  const gated = computed(
    () => !!me.value && (me.value.must_change_password || me.value.must_enroll_totp),
  )

  function set(value: Me | null): void {
    me.value = value
    setCsrfToken(value?.csrf_token ?? '')
  }

  function can(perm: string | string[] | undefined): boolean {
    if (!perm) return true
    const list = Array.isArray(perm) ? perm : [perm]
    return list.some((p) => permissions.value.has(p))
  }

  /** Asks the server once whether the cookie still holds a session. */
  async function restore(): Promise<void> {
    if (checked.value) return
    try {
      // Answered 200 with or without a session: no 401 in the console on the login page.
      const answer = await authApi.session()
      set(answer.authenticated ? answer : null)
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e
      set(null)
    } finally {
      checked.value = true
    }
  }

  async function refresh(): Promise<void> {
    set(await authApi.me())
  }

  async function login(input: LoginInput): Promise<Me> {
    const result = await authApi.login(input)
    set(result)
    checked.value = true
    return result
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    set(null)
    checked.value = true
  }

  return { me, checked, loggedIn, permissions, gated, can, restore, refresh, login, logout, clear }
})
