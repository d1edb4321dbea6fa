import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { Region, Unit } from '@/api/org'

const api = vi.hoisted(() => ({
  regions: { list: vi.fn(), create: vi.fn(), rename: vi.fn(), remove: vi.fn() },
  units: { listAll: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
}))
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, regionsApi: api.regions, unitsApi: api.units }
})

import OrgView from '../OrgView.vue'

vi.setConfig({ testTimeout: 60_000 })

const regions: Region[] = [
  { code: '990000', name: '示范省', parent_code: null, level: 'province', created_at: '', updated_at: '' },
  { code: '990100', name: '示范市', parent_code: '990000', level: 'city', created_at: '', updated_at: '' },
  { code: '990102', name: '示范区', parent_code: '990100', level: 'county', created_at: '', updated_at: '' },
]
const base = { code: null, region_code: '990102', path: '', department_kind: null, contact_person: '', phone: '', address: '', created_at: '', updated_at: '' }
const units: Unit[] = [
  { ...base, id: 1, kind: 'bureau', name: '示范区教育局', parent_id: null },
  { ...base, id: 21, kind: 'school', name: '示范区双桥小学', parent_id: 1 },
  { ...base, id: 2, kind: 'section', name: '安全管理科', parent_id: 1 },
]

function me(permissions: string[]): Me {
  return {
    user: { id: 1, username: 'u', display_name: 'u' },
    unit: { id: 1, name: '示范区教育局', kind: 'bureau' },
    roles: [],
    permissions,
    scope: { kind: 'all', unit_paths: [] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

async function mountAs(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me(permissions)
  const Stub = defineComponent({ template: '<div />' })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/system/org', component: Stub },
      { path: '/system/schools/:id', name: 'school-detail', component: Stub },
    ],
  })
  await router.push('/system/org')
  const w = mount(OrgView, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.regions.list.mockReset().mockResolvedValue({ items: regions, total: regions.length })
  api.units.listAll.mockReset().mockResolvedValue(units)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('OrgView', () => {
  it('shows the unit tree with write actions for a unit administrator', async () => {
    const w = await mountAs(['unit:read', 'unit:write', 'region:read', 'school:read'])
    const tree = w.find('[data-test="org-tree"]')
    expect(tree.exists()).toBe(true)
    expect(tree.text()).toContain('示范区教育局')
    expect(tree.text()).toContain('安全管理科')
    expect(tree.text()).toContain('示范区（990102）')
    expect(w.findAll('[data-test="org-tree"]')).toHaveLength(1)
    expect(w.find('[data-test="region-tree"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(true)
    // edit/delete for the bureau and the section, not for the school
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(2)
    expect(w.find('a[href="/system/schools/21"]').exists()).toBe(true)
  })

  it('read-only: no write buttons', async () => {
    const w = await mountAs(['unit:read', 'region:read'])
    expect(w.find('[data-test="org-tree"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="add-region"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
  })

  it('without unit:read the region tree is the org tree and units are not asked for', async () => {
    const w = await mountAs(['region:read'])
    expect(api.units.listAll).not.toHaveBeenCalled()
    const tree = w.find('[data-test="org-tree"]')
    expect(tree.exists()).toBe(true)
    expect(tree.text()).toContain('示范省')
    expect(tree.text()).toContain('990102')
  })
})
