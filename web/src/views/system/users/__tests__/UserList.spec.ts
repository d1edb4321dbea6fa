import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { DEFAULT_PAGE_SIZE } from '@/composables/listQuery'
import type { Me } from '@/api/auth'
import type { User } from '@/api/admin'

const user: User = {
  id: 15,
  username: 'test_u1',
  display_name: '测试',
  unit_id: 1,
  unit_name: '示范区教育局',
  status: 'active',
  must_change_password: true,
  failed_logins: 0,
  locked_until: null,
  expires_at: null,
  last_login_at: null,
  created_at: '2026-11-30T07:58:05.083Z',
}

const api = vi.hoisted(() => ({
  list: vi.fn(),
  create: vi.fn(),
  resetPassword: vi.fn(),
  setStatus: vi.fn(),
  resetTotp: vi.fn(),
  unlockLogin: vi.fn(),
  roles: vi.fn(),
  setRoles: vi.fn(),
  get: vi.fn(),
}))

vi.mock('@/api/admin', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/admin')>()
  return { ...real, usersApi: api }
})

import UserList from '../UserList.vue'

function me(permissions: string[]): Me {
  return {
    user: { id: 1, username: 'sysadmin', display_name: '系统管理员' },
    unit: { id: 1, name: '示范区教育局', kind: 'bureau' },
    roles: [{ code: 'system_admin', name: '系统管理员' }],
    permissions,
    scope: { kind: 'all', unit_paths: [] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

// Mounting Element Plus in jsdom is slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 })

let pinia: Pinia

function mountWith(permissions: string[]) {
  pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me(permissions)
  return mount(UserList, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.list.mockResolvedValue({ items: [user], total: 1 })
})
afterEach(() => {
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('UserList', () => {
  it('gates buttons: the system administrator writes users but does not assign roles', async () => {
    const w = mountWith(['user:read', 'user:write', 'unit:read'])
    await flushPromises()
    expect(w.find('[data-test="add"]').exists()).toBe(true)
    expect(w.find('[data-test="row-reset-password"]').exists()).toBe(true)
    expect(w.find('[data-test="row-lock"]').exists()).toBe(true)
    expect(w.find('[data-test="row-roles"]').exists()).toBe(false)
    expect(w.find('[data-test="row-unlock-login"]').exists()).toBe(false)
    w.unmount()
  })

  it('gates buttons: the security administrator assigns roles only', async () => {
    const w = mountWith(['user:read', 'role:read', 'role:write'])
    await flushPromises()
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-reset-password"]').exists()).toBe(false)
    expect(w.find('[data-test="row-lock"]').exists()).toBe(false)
    expect(w.find('[data-test="row-roles"]').exists()).toBe(true)
    expect(w.find('[data-test="row-unlock-login"]').exists()).toBe(false)
    w.unmount()
  })

  it('解除登录锁定: shown to policy:write, asks naming the user, calls the API and reloads', async () => {
    api.list.mockResolvedValue({ items: [{ ...user, failed_logins: 5 }], total: 1 })
    api.unlockLogin.mockResolvedValue({ ...user, failed_logins: 0 })
    const w = mountWith(['user:read', 'role:read', 'role:write', 'policy:read', 'policy:write'])
    await flushPromises()
    const button = w.find('[data-test="row-unlock-login"]')
    expect(button.text()).toBe('解除登录锁定')
    expect(button.classes()).toContain('el-button--warning')
    expect(api.list).toHaveBeenCalledTimes(1)
    await button.trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-test="confirm-ok"]')).not.toBeNull())
    expect(document.body.querySelector('[data-test="confirm-box"]')?.textContent).toContain('“测试”（test_u1）')
    expect(api.unlockLogin).not.toHaveBeenCalled()
    document.body.querySelector<HTMLButtonElement>('[data-test="confirm-ok"]')!.click()
    await vi.waitFor(() => expect(api.unlockLogin).toHaveBeenCalledWith(15))
    await vi.waitFor(() => expect(api.list).toHaveBeenCalledTimes(2))
    await vi.waitFor(() => expect(document.body.querySelector('.el-message--success')?.textContent).toContain('已解除 test_u1 的登录锁定'))
    w.unmount()
  })

  it('解除登录锁定: nothing is sent when the confirmation is cancelled', async () => {
    const w = mountWith(['user:read', 'policy:write'])
    await flushPromises()
    const button = w.find('[data-test="row-unlock-login"]')
    expect(button.classes()).toContain('el-button--primary')
    await button.trigger('click')
    await vi.waitFor(() => expect(document.body.querySelector('[data-test="confirm-cancel"]')).not.toBeNull())
    document.body.querySelector<HTMLButtonElement>('[data-test="confirm-cancel"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    expect(api.unlockLogin).not.toHaveBeenCalled()
    expect(api.list).toHaveBeenCalledTimes(1)
    w.unmount()
  })

  it('searches by username or name and status', async () => {
    const w = mountWith(['user:read'])
    await flushPromises()
    await w.find('input[data-test="search-username"]').setValue(' test ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE, q: 'test' })
    w.unmount()
  })

  it('creates a user and shows the initial password once', async () => {
    api.create.mockResolvedValue({ user: { ...user, id: 16, username: 'new_user' }, initial_password: 'Ab3#Ab3#Ab3#Ab3#' })
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    const body = document.body
    const username = body.querySelector<HTMLInputElement>('input[data-test="field-username"]')!
    username.value = 'new_user'
    username.dispatchEvent(new Event('input'))
    const name = body.querySelector<HTMLInputElement>('input[data-test="field-display_name"]')!
    name.value = '新用户'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    body.querySelector<HTMLButtonElement>('[data-test="save"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    expect(api.create).toHaveBeenCalledWith({ username: 'new_user', display_name: '新用户', unit_id: 1 })
    expect(body.querySelector('[data-test="initial-password"]')?.textContent).toBe('Ab3#Ab3#Ab3#Ab3#')
    expect(body.querySelector('[data-test="password-dialog"]')?.textContent).toContain('只显示这一次')
    w.unmount()
  })

  it('does not send an invalid username', async () => {
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    const username = document.body.querySelector<HTMLInputElement>('input[data-test="field-username"]')!
    username.value = 'Bad Name'
    username.dispatchEvent(new Event('input'))
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test="save"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    expect(api.create).not.toHaveBeenCalled()
    w.unmount()
  })
})
