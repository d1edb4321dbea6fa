import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import type { Department } from '@/api/org'

const api = vi.hoisted(() => ({
  departments: { list: vi.fn(), listAll: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
  regions: { list: vi.fn() },
}))
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, departmentsApi: api.departments, regionsApi: api.regions }
})

import DepartmentList from '../DepartmentList.vue'

vi.setConfig({ testTimeout: 60_000 })

const base = { code: null, region_code: '990102', parent_id: null, path: '', contact_person: '联络员', phone: '', address: '', created_at: '', updated_at: '' }
const depts: Department[] = [
  { ...base, id: 51, kind: 'department', name: '示范区公安分局', department_kind: 'police' },
  { ...base, id: 52, kind: 'department', name: '示范区交警大队', department_kind: 'traffic_police' },
]

function mountAs(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = {
    user: { id: 10, username: 'u', display_name: 'u' },
    unit: { id: 51, name: '示范区公安分局', kind: 'department' },
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/51/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  } satisfies Me
  const dict = useDictStore()
  dict.data = {
    unit_kinds: [],
    school_stages: [],
    ownerships: [],
    location_types: [],
    department_kinds: [
      { code: 'police', label: '公安' },
      { code: 'traffic_police', label: '交警' },
    ],
    key_place_kinds: [],
    scope_kinds: [],
    permissions: [],
  }
  return mount(DepartmentList, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.departments.list.mockReset().mockResolvedValue({ items: depts, total: 2 })
  api.departments.listAll.mockReset().mockResolvedValue(depts)
  api.regions.list.mockReset().mockResolvedValue({ items: [], total: 0 })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('DepartmentList', () => {
  it('pages on the server and shows kinds as tags', async () => {
    const w = mountAs(['department:read', 'department:write'])
    await flushPromises()
    expect(api.departments.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    const table = w.find('[data-test="table"]')
    expect(table.text()).toContain('示范区公安分局')
    expect(table.text()).toContain('交警')
    expect(w.find('[data-test="add"]').exists()).toBe(true)
    expect(w.findAll('[data-test="row-edit"]').length).toBeGreaterThan(0)
  })

  it('filters by kind over the whole directory', async () => {
    const w = mountAs(['department:read'])
    await flushPromises()
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    const vm = w.vm as unknown as { $: { setupState: { search: { department_kind: string } } } }
    vm.$.setupState.search.department_kind = 'traffic_police'
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.departments.listAll).toHaveBeenCalledWith({})
    const table = w.find('[data-test="table"]')
    expect(table.text()).toContain('示范区交警大队')
    expect(table.text()).not.toContain('示范区公安分局')
  })
})
