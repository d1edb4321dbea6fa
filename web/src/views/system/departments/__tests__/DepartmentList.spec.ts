import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import type { Department } from '@/api/org'

const api = vi.hoisted(() => ({
  departments: { list: vi.fn(), listAll: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
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
  api.departments.get.mockReset()
  api.departments.update.mockReset()
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

  describe('editing a department whose phone the list masks (GM profile)', () => {
    const masked: Department = { ...depts[0], phone: '138****5678', address: '示范区公安路1号' }
    const whole: Department = { ...masked, phone: '13812345678' }
    const writer = ['department:read', 'department:write']

    function phoneInput(): HTMLInputElement | null {
      return document.body.querySelector<HTMLInputElement>('[data-test="department-dialog"] input[data-test="field-phone"]')
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

    async function openFirstEdit() {
      api.departments.list.mockResolvedValue({ items: [masked, depts[1]], total: 2 })
      const w = mountAs(writer)
      await flushPromises()
      expect(w.find('[data-test="table"]').text()).toContain('138****5678')
      await w.find('[data-test="row-edit"]').trigger('click')
      await flushPromises()
      return w
    }

    it('fills the form from the department’s own record, so the phone is whole', async () => {
      api.departments.get.mockResolvedValue(whole)
      await openFirstEdit()
      expect(api.departments.get).toHaveBeenCalledWith(51)
      expect(phoneInput()!.value).toBe('13812345678')
      expect(document.body.querySelector<HTMLInputElement>('input[data-test="field-name"]')!.value).toBe('示范区公安分局')
    })

    it('saves the whole number, not the mask', async () => {
      api.departments.get.mockResolvedValue(whole)
      api.departments.update.mockResolvedValue(whole)
      await openFirstEdit()
      document.body.querySelector<HTMLElement>('[data-test="department-dialog"] [data-test="save"]')!.click()
      await settle()
      expect(document.body.querySelectorAll('[data-test="department-dialog"] .el-form-item.is-error')).toHaveLength(0)
      expect(api.departments.update).toHaveBeenCalledTimes(1)
      expect(api.departments.update).toHaveBeenCalledWith(51, {
        name: '示范区公安分局',
        department_kind: 'police',
        code: null,
        contact_person: '联络员',
        phone: '13812345678',
        address: '示范区公安路1号',
      })
    })

    it('shows a loading state while the record is read, and no save before it arrives', async () => {
      let answer: (d: Department) => void = () => {}
      api.departments.get.mockReturnValue(new Promise<Department>((resolve) => (answer = resolve)))
      await openFirstEdit()
      const dialog = document.body.querySelector('[data-test="department-dialog"]')!
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
      api.departments.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '部门 51 不存在', details: [] }, null))
      await openFirstEdit()
      await settle()
      expect(document.body.textContent).toContain('部门 51 不存在')
      expect(shown(document.body.querySelector('[data-test="department-dialog"]'))).toBe(false)
      expect(api.departments.update).not.toHaveBeenCalled()
    })
  })
})
