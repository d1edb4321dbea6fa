import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import type { School } from '@/api/org'

const api = vi.hoisted(() => ({
  schools: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), export: vi.fn() },
  regions: { list: vi.fn(), get: vi.fn() },
  units: { listAll: vi.fn() },
}))

vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools, regionsApi: api.regions, unitsApi: api.units }
})

import SchoolList from '../SchoolList.vue'
import SchoolDetail from '../SchoolDetail.vue'
import SchoolDialog from '../components/SchoolDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const school: School = {
  id: 21,
  code: '9901020011',
  name: '示范区双桥小学',
  region_code: '990102',
  parent_id: 1,
  path: '/1/21/',
  stage: 'primary',
  ownership: 'public',
  boarding: false,
  boarders: 0,
  school_buses: 0,
  location_type: 'fringe',
  students: 1120,
  staff: 86,
  address: '示范区双桥路148号',
  phone: '0571-87368139',
  principal: '黄丽华',
  cluster_id: 10,
  cluster_name: '北部学区',
  buildings: [{ id: 33, name: '食堂', floors: 2 }],
  key_places: [{ id: 54, kind: 'canteen', name: '学生食堂', building: '食堂' }],
  created_at: '2026-11-30T07:57:38.203Z',
  updated_at: '2026-11-30T07:57:38.203Z',
}

/** A school's own staff: school permissions, no unit:read, scope = their school. */
function schoolLeader(permissions = ['region:read', 'school:read', 'school:write', 'school:export']): Me {
  return {
    user: { id: 7, username: 'school1_leader', display_name: '校长' },
    unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
    roles: [{ code: 'school_leader', name: '学校领导' }],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const Stub = defineComponent({ template: '<div />' })

async function mountPage(component: object, path: string, me: Me, props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = {
    unit_kinds: [],
    school_stages: [{ code: 'primary', label: '小学' }],
    ownerships: [{ code: 'public', label: '公办' }],
    location_types: [{ code: 'fringe', label: '城乡结合部' }],
    department_kinds: [],
    key_place_kinds: [{ code: 'canteen', label: '食堂' }],
    scope_kinds: [],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/system/schools', name: 'schools', component: Stub },
      { path: '/system/schools/:id(\\d+)', name: 'school-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { props, global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) for (const fn of Object.values(group)) fn.mockReset()
  api.schools.list.mockResolvedValue({ items: [{ ...school, buildings: [], key_places: [] }], total: 1 })
  api.schools.get.mockResolvedValue(school)
  api.regions.list.mockResolvedValue({ items: [], total: 0 })
  api.regions.get.mockResolvedValue({ code: '990102', name: '示范区', parent_code: '990100', level: 'county' })
  api.units.listAll.mockResolvedValue([])
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('SchoolList', () => {
  it('gives a school user a working list of their one school', async () => {
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader())
    expect(api.schools.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    // no unit:read: no cluster picker and no unit lookups that would answer 403
    expect(api.units.listAll).not.toHaveBeenCalled()
    expect(w.find('[data-test="search-cluster_id"]').exists()).toBe(false)
    const table = w.find('[data-test="table"]')
    expect(table.text()).toContain('示范区双桥小学')
    expect(table.text()).toContain('小学')
    const link = w.find('[data-test="row-link"]')
    expect(link.attributes('href')).toBe('/system/schools/21')
    // editing their school, yes; creating one needs a bureau the user cannot reach
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.find('[data-test="import"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(true)
  })

  it('searches by name or code and hides writes without school:write', async () => {
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader(['school:read']))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-delete"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(false)
    await w.find('input[data-test="search-q"]').setValue('双桥')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.schools.list).toHaveBeenLastCalledWith({ q: '双桥', page: 1, page_size: 10 })
  })

  it('edits a school from its own record: a phone the list masks (GM profile) is filled and saved whole', async () => {
    api.schools.list.mockResolvedValue({ items: [{ ...school, phone: '138****5678', buildings: [], key_places: [] }], total: 1 })
    api.schools.get.mockResolvedValue({ ...school, phone: '13812345678' })
    api.schools.update.mockImplementation(async (_id: number, input: object) => ({ ...school, ...input }))
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader())
    expect(w.find('[data-test="table"]').text()).toContain('138****5678')
    await w.find('[data-test="row-edit"]').trigger('click')
    await flushPromises()
    expect(api.schools.get).toHaveBeenCalledWith(21)
    const body = document.body
    expect(body.querySelector<HTMLInputElement>('[data-test="school-dialog"] input[data-test="field-phone"]')!.value).toBe('13812345678')
    body.querySelector<HTMLElement>('[data-test="school-dialog"] [data-test="save"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(body.querySelectorAll('[data-test="school-dialog"] .el-form-item.is-error')).toHaveLength(0)
    expect(api.schools.update).toHaveBeenCalledTimes(1)
    const [id, input] = api.schools.update.mock.calls[0]
    expect(id).toBe(21)
    expect(input.phone).toBe('13812345678')
  })

  it('exports what the list shows', async () => {
    api.schools.export.mockResolvedValue({ blob: new Blob(['x']), filename: '学校名册.xlsx' })
    const createObjectURL = vi.fn(() => 'blob:x')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader())
    await w.find('input[data-test="search-q"]').setValue('双桥')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.schools.export).toHaveBeenCalledWith({ q: '双桥', sort: undefined }, 'xlsx')
    expect(createObjectURL).toHaveBeenCalled()
    expect(click).toHaveBeenCalled()
    click.mockRestore()
    vi.unstubAllGlobals()
  })
})

describe('SchoolList on a phone', () => {
  afterEach(() => {
    window.innerWidth = 1024
  })

  it('shows a card per school: the name opening it, its facts, 修改 and 删除 as buttons', async () => {
    window.innerWidth = 375
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader())
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(1)
    const title = cards[0].find('[data-test="card-title"]')
    expect(title.text()).toBe('示范区双桥小学')
    expect(title.attributes('href')).toBe('/system/schools/21')
    expect(cards[0].text()).toContain('小学')
    expect(cards[0].text()).toContain('北部学区')
    expect(cards[0].find('.list-card__actions [data-test="row-edit"]').exists()).toBe(true)
    expect(cards[0].find('.list-card__actions [data-test="row-delete"]').exists()).toBe(true)
  })

  it('offers no 修改 / 删除 on the cards without school:write', async () => {
    window.innerWidth = 375
    const w = await mountPage(SchoolList, '/system/schools', schoolLeader(['school:read']))
    expect(w.findAll('[data-test="card"]')).toHaveLength(1)
    expect(w.find('.list-card__actions').exists()).toBe(false)
  })
})

describe('SchoolDetail', () => {
  it('shows the school with its buildings and key places', async () => {
    const w = await mountPage(SchoolDetail, '/system/schools/21', schoolLeader())
    expect(api.schools.get).toHaveBeenCalledWith(21)
    expect(w.find('[data-test="not-found"]').exists()).toBe(false)
    expect(w.find('[data-test="school-info"]').text()).toContain('示范区（990102）')
    expect(w.find('[data-test="buildings"]').text()).toContain('食堂')
    expect(w.find('[data-test="key-places"]').text()).toContain('学生食堂')
    expect(w.find('[data-test="edit"]').exists()).toBe(true)
  })

  it('shows the school buses', async () => {
    api.schools.get.mockResolvedValue({ ...school, school_buses: 3 })
    const w = await mountPage(SchoolDetail, '/system/schools/21', schoolLeader())
    expect(w.find('[data-test="school-buses"]').text()).toBe('3')
    expect(w.find('[data-test="school-info"]').text()).toContain('校车数量')
  })

  it('shows "not found" for a school outside the scope (404)', async () => {
    api.schools.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '学校 22 不存在', details: [] }, null))
    const w = await mountPage(SchoolDetail, '/system/schools/22', schoolLeader())
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
    expect(w.find('[data-test="school-info"]').exists()).toBe(false)
  })

  it('offers no edit without school:write', async () => {
    const w = await mountPage(SchoolDetail, '/system/schools/21', schoolLeader(['school:read']))
    expect(w.find('[data-test="school-info"]').exists()).toBe(true)
    expect(w.find('[data-test="edit"]').exists()).toBe(false)
    // no region:read: the region shows as its code, without a lookup
    expect(api.regions.get).not.toHaveBeenCalled()
  })
})

describe('SchoolDialog', () => {
  it('edits a school with its sub-lists and sends a valid SchoolInput', async () => {
    api.schools.update.mockImplementation(async (_id: number, input: object) => ({ ...school, ...input }))
    const w = await mountPage(SchoolDialog, '/system/schools', schoolLeader(), { schoolId: 21, modelValue: true })
    expect(api.schools.get).toHaveBeenCalledWith(21)
    const body = document.body
    const name = body.querySelector<HTMLInputElement>('input[data-test="field-name"]')!
    expect(name.value).toBe('示范区双桥小学')
    expect(body.querySelector<HTMLInputElement>('input[data-test="field-buildings[0].name"]')!.value).toBe('食堂')
    // add a second building and name it
    body.querySelector<HTMLElement>('[data-test="add-building"]')!.click()
    await flushPromises()
    const second = body.querySelector<HTMLInputElement>('input[data-test="field-buildings[1].name"]')!
    second.value = '教学楼'
    second.dispatchEvent(new Event('input'))
    await flushPromises()
    body.querySelector<HTMLElement>('[data-test="save"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(api.schools.update).toHaveBeenCalledTimes(1)
    const [id, input] = api.schools.update.mock.calls[0]
    expect(id).toBe(21)
    expect(input).not.toHaveProperty('parent_id')
    expect(input.region_code).toBe('990102')
    expect(input.buildings).toEqual([
      { name: '食堂', floors: 2 },
      { name: '教学楼', floors: 1 },
    ])
    expect(input.key_places).toEqual([{ kind: 'canteen', name: '学生食堂', building: '食堂' }])
    // Sent back as read, so an edit does not reset it.
    expect(input.school_buses).toBe(0)
    expect(body.querySelector('[data-test="field-school_buses"]')).not.toBeNull()
    expect(w.emitted('saved')).toHaveLength(1)
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })

  it('refuses to save a new school without its required fields', async () => {
    await mountPage(SchoolDialog, '/system/schools', schoolLeader(), { schoolId: null, modelValue: true })
    document.body.querySelector<HTMLElement>('[data-test="save"]')!.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(api.schools.create).not.toHaveBeenCalled()
    expect(document.body.querySelectorAll('.el-form-item.is-error').length).toBeGreaterThanOrEqual(5)
  })
})
