import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { DEFAULT_PAGE_SIZE } from '@/composables/listQuery'
import type { Me } from '@/api/auth'
import type { AuditRecord } from '@/api/admin'

const record: AuditRecord = {
  id: 4,
  at: '2026-11-30T07:57:41.337Z',
  actor: 'auditor',
  unit_id: 1,
  action: 'auth.login',
  object_type: 'user',
  object_id: 'auditor',
  result: 'ok',
  source: '127.0.0.1',
  request_id: 'a763bb2a00000004',
  summary: '登录成功',
  hash: 'd93e7eb234b43f3a775aba0e3ed8c95f099bc82eac2afb4da03e652e7a8ca39f',
}

const api = vi.hoisted(() => ({
  search: vi.fn(),
  export: vi.fn(),
  verify: vi.fn(),
}))

vi.mock('@/api/admin', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/admin')>()
  return { ...real, auditApi: api }
})

import AuditList from '../AuditList.vue'

function me(permissions: string[]): Me {
  return {
    user: { id: 3, username: 'auditor', display_name: '审计管理员' },
    unit: { id: 1, name: '示范区教育局', kind: 'bureau' },
    roles: [{ code: 'audit_admin', name: '审计管理员' }],
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
  return mount(AuditList, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.search.mockResolvedValue({ items: [record], total: 1 })
  api.verify.mockReset()
  api.export.mockReset()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('AuditList', () => {
  it('lists records and offers no way to change them', async () => {
    const w = mountWith(['audit:read', 'audit:export'])
    await flushPromises()
    expect(api.search).toHaveBeenCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE })
    const table = w.find('[data-test="table"]')
    expect(table.text()).toContain('登录')
    expect(table.find('[data-test="action"]').text()).toBe('登录')
    expect(table.find('[data-test="object-type"]').text()).toBe('用户')
    expect(table.text()).not.toContain('auth.login')
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-delete"]').exists()).toBe(false)
    expect(w.html()).not.toMatch(/删除|修改/)
    w.unmount()
  })

  it('hides export without audit:export', async () => {
    const w = mountWith(['audit:read'])
    await flushPromises()
    expect(w.find('[data-test="export"]').exists()).toBe(false)
    expect(w.find('[data-test="verify"]').exists()).toBe(true)
    w.unmount()
  })

  it('sends the search form as the query', async () => {
    const w = mountWith(['audit:read'])
    await flushPromises()
    await w.find('input[data-test="search-actor"]').setValue('sysadmin')
    await w.find('input[data-test="search-action"]').setValue('user.')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.search).toHaveBeenLastCalledWith({ page: 1, page_size: DEFAULT_PAGE_SIZE, actor: 'sysadmin', action: 'user.' })
    w.unmount()
  })

  it('pages and exports the applied filters, not what is typed but not searched', async () => {
    api.search.mockResolvedValue({ items: [record], total: 45 })
    api.export.mockResolvedValue({ blob: new Blob(['x']), filename: '审计日志.xlsx' })
    const createObjectURL = vi.fn(() => 'blob:x')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const w = mountWith(['audit:read', 'audit:export'])
    await flushPromises()
    await w.find('input[data-test="search-actor"]').setValue('sysadmin')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    await w.find('input[data-test="search-actor"]').setValue('typed_only')
    await w.find('.el-pager li:nth-child(2)').trigger('click')
    await flushPromises()
    expect(api.search).toHaveBeenLastCalledWith({ page: 2, page_size: DEFAULT_PAGE_SIZE, actor: 'sysadmin' })
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.export).toHaveBeenCalledWith({ actor: 'sysadmin' })
    expect(click).toHaveBeenCalled()
    click.mockRestore()
    vi.unstubAllGlobals()
    w.unmount()
  })

  it('shows an intact chain', async () => {
    api.verify.mockResolvedValue({ checked: 4, intact: true })
    const w = mountWith(['audit:read'])
    await flushPromises()
    expect(w.find('[data-test="verify-result"]').exists()).toBe(false)
    await w.find('[data-test="verify"]').trigger('click')
    await flushPromises()
    const result = w.find('[data-test="verify-result"]')
    expect(result.exists()).toBe(true)
    expect(result.text()).toContain('已校验 4 条记录')
    expect(result.html()).toContain('el-alert--success')
    w.unmount()
  })

  it('names the first broken record', async () => {
    api.verify.mockResolvedValue({ checked: 2, intact: false, first_broken_id: 3, reason: '哈希不符' })
    const w = mountWith(['audit:read'])
    await flushPromises()
    await w.find('[data-test="verify"]').trigger('click')
    await flushPromises()
    const result = w.find('[data-test="verify-result"]')
    expect(result.text()).toContain('第 3 号记录')
    expect(result.text()).toContain('哈希不符')
    expect(result.html()).toContain('el-alert--error')
    w.unmount()
  })

  it('opens a record with its hash', async () => {
    const w = mountWith(['audit:read'])
    await flushPromises()
    await w.find('[data-test="row-detail"]').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-test="audit-hash"]')?.textContent).toBe(record.hash)
    w.unmount()
  })

  it('has no hash column and no two columns with one title', async () => {
    const w = mountWith(['audit:read'])
    await flushPromises()
    const titles = w.findAll('[data-test="table"] th').map((th) => th.text().trim()).filter(Boolean)
    expect(titles).toContain('操作类型')
    expect(titles.some((x) => x.includes('哈希'))).toBe(false)
    expect(new Set(titles).size).toBe(titles.length)
    expect(w.find('[data-test="table"]').text()).not.toContain(record.hash.slice(0, 12))
    w.unmount()
  })

  it('shows the display name with the username, and an unknown code as itself', async () => {
    api.search.mockResolvedValue({
      items: [
        { ...record, actor: 'school1_teacher', actor_name: '李老师', action: 'hazard.assign', object_type: 'hazard', object_id: '7' },
        { ...record, id: 5, action: 'gizmo.spin', object_type: 'gizmo', source: 'local' },
      ],
      total: 2,
    })
    const w = mountWith(['audit:read'])
    await flushPromises()
    const actors = w.findAll('[data-test="actor"]').map((x) => x.text())
    expect(actors[0]).toBe('李老师')
    expect(w.find('.username').text()).toBe('school1_teacher')
    const actions = w.findAll('[data-test="action"]')
    expect(actions[0].text()).toBe('隐患交办')
    expect(actions[0].classes()).not.toContain('code-unknown')
    expect(actions[1].text()).toBe('gizmo.spin')
    expect(actions[1].classes()).toContain('code-unknown')
    expect(w.findAll('[data-test="source"]').map((x) => x.text())).toEqual(['127.0.0.1', '本机'])
    w.unmount()
  })
})
