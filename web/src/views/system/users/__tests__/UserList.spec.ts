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
  update: vi.fn(),
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

const org = vi.hoisted(() => ({ listAll: vi.fn() }))
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, unitsApi: { ...real.unitsApi, listAll: org.listAll } }
})

import UserList from '../UserList.vue'
import ImportDialog from '@/components/ImportDialog.vue'

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

const unit = (id: number, name: string, kind: string, parent_id: number | null) => ({ id, name, kind, parent_id, code: null, path: '' })

/** Types into an input of the dialog (found in the whole document: dialogs live in body). */
function typeInto(test: string, value: string): void {
  const input = document.body.querySelector<HTMLInputElement>(`input[data-test="${test}"]`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
}

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.list.mockResolvedValue({ items: [user], total: 1 })
  org.listAll.mockResolvedValue([unit(1, '示范区教育局', 'bureau', null), unit(5, '示范区实验小学', 'school', 1), unit(6, '安全科', 'section', 1)])
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = 1024
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

  it('shows the mobile number masked', async () => {
    api.list.mockResolvedValue({ items: [{ ...user, mobile: '13812341234' }, { ...user, id: 16, username: 'no_mobile', mobile: '' }], total: 2 })
    const w = mountWith(['user:read'])
    await flushPromises()
    const cells = w.findAll('[data-test="row-mobile"]').map((c) => c.text())
    expect(cells).toEqual(['138****1234', ''])
    expect(w.text()).not.toContain('13812341234')
    w.unmount()
  })

  it('filters the list by the unit chosen in the tree, and 全部 lifts the filter', async () => {
    const w = mountWith(['user:read', 'unit:read'])
    await flushPromises()
    const tree = w.find('[data-test="unit-tree"]')
    expect(tree.exists()).toBe(true)
    expect(tree.text()).toContain('全部')
    expect(tree.text()).toContain('示范区教育局')
    await w.find('[data-test="unit-node-5"]').trigger('click')
    await flushPromises()
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE, unit_id: 5 })
    await w.find('[data-test="unit-node-0"]').trigger('click')
    await flushPromises()
    expect(api.list).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE })
    w.unmount()
  })

  it('has no unit tree without unit:read', async () => {
    const w = mountWith(['user:read'])
    await flushPromises()
    expect(w.find('[data-test="unit-tree"]').exists()).toBe(false)
    expect(org.listAll).not.toHaveBeenCalled()
    w.unmount()
  })

  it('on a phone shows cards and folds the tree into a select above them', async () => {
    window.innerWidth = 375
    api.list.mockResolvedValue({ items: [{ ...user, mobile: '13812341234' }], total: 1 })
    const w = mountWith(['user:read', 'user:write', 'unit:read'])
    await flushPromises()
    expect(w.find('[data-test="unit-tree"]').exists()).toBe(false)
    expect(w.find('[data-test="unit-tree-select"]').exists()).toBe(true)
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(1)
    expect(cards[0].text()).toContain('test_u1')
    expect(cards[0].find('[data-test="card-mobile"]').text()).toBe('138****1234')
    expect(cards[0].find('[data-test="row-edit"]').exists()).toBe(true)
    w.unmount()
  })

  it('creates a user with a mobile number', async () => {
    api.create.mockResolvedValue({ user: { ...user, id: 16, username: 'new_user' }, initial_password: 'Ab3#Ab3#Ab3#Ab3#' })
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    typeInto('field-username', 'new_user')
    typeInto('field-display_name', '新用户')
    typeInto('field-mobile', '13900001111')
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test="user-dialog"] [data-test="save"]')!.click()
    await settle()
    expect(api.create).toHaveBeenCalledWith({ username: 'new_user', display_name: '新用户', unit_id: 1, mobile: '13900001111' })
    w.unmount()
  })

  it('does not send a mobile number that is not 11 digits starting with 1', async () => {
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    typeInto('field-username', 'new_user')
    typeInto('field-display_name', '新用户')
    typeInto('field-mobile', '2390000111')
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test="user-dialog"] [data-test="save"]')!.click()
    await settle()
    expect(api.create).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(document.body.querySelector('[data-test="user-dialog"]')?.textContent).toContain('手机号须为 11 位数字，以 1 开头'))
    w.unmount()
  })

  it('edits a user’s name and mobile with PUT and shows the saved row', async () => {
    api.list.mockResolvedValue({ items: [{ ...user, mobile: '13812341234' }], total: 1 })
    api.update.mockResolvedValue({ ...user, display_name: '测试改名', mobile: '13700002222' })
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('.el-table__body-wrapper [data-test="row-edit"]').trigger('click')
    await flushPromises()
    const dialog = () => [...document.body.querySelectorAll<HTMLElement>('[data-test="user-dialog"]')].find((d) => d.textContent?.includes('编辑用户'))!
    expect(dialog()).toBeTruthy()
    expect(dialog().querySelector<HTMLInputElement>('input[data-test="field-username"]')!.disabled).toBe(true)
    await vi.waitFor(() => expect(dialog().querySelector<HTMLInputElement>('input[data-test="field-mobile"]')!.value).toBe('13812341234'))
    expect(dialog().querySelector<HTMLInputElement>('input[data-test="field-username"]')!.value).toBe('test_u1')
    const name = dialog().querySelector<HTMLInputElement>('input[data-test="field-display_name"]')!
    name.value = '测试改名'
    name.dispatchEvent(new Event('input'))
    const mobile = dialog().querySelector<HTMLInputElement>('input[data-test="field-mobile"]')!
    mobile.value = '13700002222'
    mobile.dispatchEvent(new Event('input'))
    await flushPromises()
    dialog().querySelector<HTMLButtonElement>('[data-test="save"]')!.click()
    await settle()
    expect(api.update).toHaveBeenCalledWith(15, { display_name: '测试改名', mobile: '13700002222' })
    expect(api.create).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(w.find('[data-test="row-mobile"]').text()).toBe('137****2222'))
    expect(w.text()).toContain('测试改名')
    w.unmount()
  })

  it('shows the imported accounts’ initial passwords once, and reloads the list', async () => {
    const w = mountWith(['user:read', 'user:write'])
    await flushPromises()
    await w.find('[data-test="import"]').trigger('click')
    await flushPromises()
    const dialog = w.findComponent(ImportDialog)
    expect(dialog.props('allowUpdate')).toBe(false)
    expect(dialog.props('importPath')).toBe('/api/v1/users/import')
    expect(dialog.props('templatePath')).toBe('/api/v1/users/import-template')
    expect(document.body.querySelector('[data-test="imported-passwords"]')).toBeNull()
    dialog.vm.$emit('imported', {
      rows: 2,
      created: 2,
      updated: 0,
      failed: 0,
      applied: true,
      errors: [],
      accounts: [
        { username: 'li_si', display_name: '李四', initial_password: 'Ab3#Ab3#Ab3#Ab3#' },
        { username: 'wang_wu', display_name: '王五', initial_password: 'Xy9!Xy9!Xy9!Xy9!' },
      ],
    })
    await settle()
    const shown = document.body.querySelector('[data-test="imported-passwords"]')
    expect(shown?.textContent).toContain('已创建 2 个账号')
    const passwords = [...document.body.querySelectorAll('[data-test="imported-password"]')].map((e) => e.textContent)
    expect(passwords).toEqual(['Ab3#Ab3#Ab3#Ab3#', 'Xy9!Xy9!Xy9!Xy9!'])
    expect(shown?.textContent).toContain('只显示这一次')
    expect(api.list).toHaveBeenCalledTimes(2)
    document.body.querySelector<HTMLButtonElement>('[data-test="close-imported-passwords"]')!.click()
    await settle()
    await vi.waitFor(() => expect(document.body.querySelectorAll('[data-test="imported-password"]')).toHaveLength(0))
    w.unmount()
  })
})
