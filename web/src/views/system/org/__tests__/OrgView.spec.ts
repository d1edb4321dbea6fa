import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { Region, Unit } from '@/api/org'

const api = vi.hoisted(() => ({
  regions: { list: vi.fn(), create: vi.fn(), rename: vi.fn(), remove: vi.fn() },
  units: { listAll: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
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
  api.units.get.mockReset()
  api.units.update.mockReset()
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

  describe('editing a unit whose phone the list masks (GM profile)', () => {
    const masked: Unit[] = units.map((u) =>
      u.id === 2 ? { ...u, contact_person: '王老师', phone: '138****5678', address: '示范区双桥路1号' } : u,
    )
    const whole: Unit = { ...masked[2], phone: '13812345678' }
    const writer = ['unit:read', 'unit:write', 'region:read', 'school:read']

    function sectionRow(w: Awaited<ReturnType<typeof mountAs>>) {
      const row = w.findAll('[data-test="org-tree"] tbody tr').find((r) => r.text().includes('安全管理科'))
      expect(row).toBeDefined()
      return row!
    }

    function phoneInput(): HTMLInputElement | null {
      return document.body.querySelector<HTMLInputElement>('[data-test="unit-dialog"] input[data-test="field-phone"]')
    }

    /** In the document and not hidden by itself or an ancestor (the dialog's overlay hides on close). */
    function shown(el: Element | null): boolean {
      for (let e = el as HTMLElement | null; e; e = e.parentElement) if (e.style.display === 'none') return false
      return el !== null
    }

    async function settle(): Promise<void> {
      await flushPromises()
      await new Promise((r) => setTimeout(r, 50))
      await flushPromises()
    }

    it('fills the form from the unit’s own record, so the phone is whole', async () => {
      api.units.listAll.mockResolvedValue(masked)
      api.units.get.mockResolvedValue(whole)
      const w = await mountAs(writer)
      expect(sectionRow(w).text()).toContain('138****5678')
      await sectionRow(w).find('[data-test="row-edit"]').trigger('click')
      await flushPromises()
      expect(api.units.get).toHaveBeenCalledWith(2)
      expect(phoneInput()!.value).toBe('13812345678')
      expect(document.body.querySelector<HTMLInputElement>('input[data-test="field-name"]')!.value).toBe('安全管理科')
    })

    it('saves the whole number, not the mask', async () => {
      api.units.listAll.mockResolvedValue(masked)
      api.units.get.mockResolvedValue(whole)
      api.units.update.mockResolvedValue(whole)
      const w = await mountAs(writer)
      await sectionRow(w).find('[data-test="row-edit"]').trigger('click')
      await flushPromises()
      document.body.querySelector<HTMLElement>('[data-test="unit-dialog"] [data-test="save"]')!.click()
      await settle()
      expect(document.body.querySelectorAll('[data-test="unit-dialog"] .el-form-item.is-error')).toHaveLength(0)
      expect(api.units.update).toHaveBeenCalledTimes(1)
      expect(api.units.update).toHaveBeenCalledWith(2, {
        name: '安全管理科',
        code: null,
        contact_person: '王老师',
        phone: '13812345678',
        address: '示范区双桥路1号',
      })
    })

    it('shows a loading state while the record is read, and no save before it arrives', async () => {
      api.units.listAll.mockResolvedValue(masked)
      let answer: (u: Unit) => void = () => {}
      api.units.get.mockReturnValue(new Promise<Unit>((resolve) => (answer = resolve)))
      const w = await mountAs(writer)
      await sectionRow(w).find('[data-test="row-edit"]').trigger('click')
      await flushPromises()
      const dialog = document.body.querySelector('[data-test="unit-dialog"]')!
      expect(shown(dialog)).toBe(true)
      expect(dialog.querySelector('.el-loading-mask')).not.toBeNull()
      expect(phoneInput()!.value).not.toBe('138****5678')
      expect(dialog.querySelector<HTMLButtonElement>('[data-test="save"]')!.disabled).toBe(true)
      answer(whole)
      await settle()
      expect(phoneInput()!.value).toBe('13812345678')
      expect(dialog.querySelector<HTMLButtonElement>('[data-test="save"]')!.disabled).toBe(false)
    })

    it('a failed read shows the error and leaves no form open', async () => {
      api.units.listAll.mockResolvedValue(masked)
      api.units.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '单位 2 不存在', details: [] }, null))
      const w = await mountAs(writer)
      await sectionRow(w).find('[data-test="row-edit"]').trigger('click')
      await settle()
      expect(document.body.textContent).toContain('单位 2 不存在')
      expect(shown(document.body.querySelector('[data-test="unit-dialog"]'))).toBe(false)
      expect(api.units.update).not.toHaveBeenCalled()
    })
  })
})
