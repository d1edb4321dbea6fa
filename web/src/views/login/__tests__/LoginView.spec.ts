import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import LoginView from '../LoginView.vue'
import { useSessionStore } from '@/stores/session'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const me = {
  user: { id: 7, username: 'li', display_name: '李老师' },
  unit: { id: 3, name: '示范区双桥小学', kind: 'school' },
  roles: [{ code: 'teacher', name: '教师/班主任' }],
  permissions: [],
  scope: { kind: 'own_unit', unit_paths: ['/1/3/'] },
  csrf_token: 'c'.repeat(32),
  must_change_password: false,
  must_enroll_totp: false,
}

async function mountLogin() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginView },
      { path: '/home', component: { template: '<div>home</div>' } },
    ],
  })
  await router.push('/login')
  const pinia = createPinia()
  const wrapper = mount(LoginView, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  return { wrapper, router }
}

async function submit(wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'], user: string, pw: string) {
  await wrapper.find('input[data-test="login-username"]').setValue(user)
  await wrapper.find('input[data-test="login-password"]').setValue(pw)
  await wrapper.find('[data-test="login-submit"]').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

afterEach(() => vi.unstubAllGlobals())

describe('LoginView', () => {
  it('asks for the second factor when the server says the account has one', async () => {
    const fetchMock = vi.fn(async () =>
      json(401, { error: { code: 'unauthenticated', message: '请输入动态验证码', details: [{ field: 'totp_required', reason: '' }] } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = await mountLogin()
    expect(wrapper.find('input[data-test="login-totp"]').exists()).toBe(false)
    await submit(wrapper, 'li', 'Secret#2026')
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(wrapper.find('input[data-test="login-totp"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('动态验证码')
    wrapper.unmount()
  })

  it('shows the lockout message as the server words it', async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, {
        error: { code: 'unauthenticated', message: '账号已锁定，请 30 分钟后再试', details: [{ field: 'locked', reason: '' }] },
      }),
    )
    const { wrapper } = await mountLogin()
    await submit(wrapper, 'li', 'Secret#2026')
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('账号已锁定')
    wrapper.unmount()
  })

  it('holds a user who must change the password at the change step', async () => {
    vi.stubGlobal('fetch', async () => json(200, { ...me, must_change_password: true }))
    const { wrapper, router } = await mountLogin()
    await submit(wrapper, 'li', 'Secret#2026')
    expect(useSessionStore().me?.user.username).toBe('li')
    expect(wrapper.find('input[data-test="gate-new-password"]').exists()).toBe(true)
    expect(router.currentRoute.value.path).toBe('/login')
    wrapper.unmount()
  })

  it('goes home after a plain login', async () => {
    vi.stubGlobal('fetch', async () => json(200, me))
    const { wrapper, router } = await mountLogin()
    await submit(wrapper, 'li', 'Secret#2026')
    expect(router.currentRoute.value.path).toBe('/home')
    wrapper.unmount()
  })
})
