// 班级管理: the list and its filters, the grade labels, who may add, edit and import, the add and
// edit dialog (class teacher from the school's staff, version sent back, a conflict reloading),
// the shared import dialog (its paths, all or nothing, the rows in error) and the export; cards on
// a phone. The import goes through a stubbed fetch, so its paths are the ones the browser asks for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_PERMS, OFFICER_PERMS, TEACHER_PERMS, eduClass, user } from './fixtures'

const api = vi.hoisted(() => ({
  classes: { list: vi.fn(), create: vi.fn(), update: vi.fn(), template: vi.fn(), import: vi.fn(), export: vi.fn() },
  schools: { list: vi.fn() },
  staff: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/edu', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/edu')>()
  return { ...real, eduClassesApi: api.classes }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/staff', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/staff')>()
  return { ...real, staffApi: api.staff }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import Classes from '../Classes.vue'
import ImportDialog from '@/components/ImportDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/edu/classes', name: 'edu-classes', component: Stub }] })
  await router.push('/edu/classes')
  await router.isReady()
  const w = mount(Classes, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)

function select(w: VueWrapper, test: string) {
  const s = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === test)
  expect(s, test).toBeTruthy()
  return s!
}

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const fetchMock = vi.fn()
const desk = window.innerWidth

const STAFF = [
  { user_id: 4, username: 'school1_teacher', display_name: '王芳', unit_id: 21, unit_name: '示范区双桥小学', roles: [{ code: 'teacher', name: '教师' }] },
  { user_id: 5, username: 'school1_teacher2', display_name: '李明', unit_id: 21, unit_name: '示范区双桥小学', roles: [{ code: 'teacher', name: '教师' }] },
]

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.classes), api.schools.list, api.staff.list, api.saveDownload]) fn.mockReset()
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  api.classes.list.mockResolvedValue({
    items: [
      eduClass(),
      eduClass({ id: 8, grade: 0, name: '大班', teacher: '', teacher_name: '', students: 0, version: 1 }),
      eduClass({ id: 9, grade: 12, name: '高三1班', teacher: 'school1_teacher2', teacher_name: '李明', active: false }),
    ],
    total: 3,
  })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
  api.staff.list.mockResolvedValue({ items: STAFF, total: STAFF.length })
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('班级管理', () => {
  it('lists a school’s classes with the grade in words, the class teacher and the state', async () => {
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    expect(api.classes.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads).toEqual(['年级', '班级', '班主任', '人数', '状态', '操作'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="row-grade"]').text()).toBe('三年级')
    expect(rows[0].find('[data-test="row-name"]').text()).toBe('2班')
    expect(rows[0].find('[data-test="row-teacher"]').text()).toBe('王芳')
    expect(rows[0].find('[data-test="row-state"]').text()).toBe('正常')
    expect(rows[0].find('[data-test="row-students"]').text()).toBe('45')
    // A size not known shows as —.
    expect(rows[1].find('[data-test="row-students"]').text()).toBe('—')
    expect(rows[1].find('[data-test="row-grade"]').text()).toBe('幼儿园/未分年级')
    expect(rows[1].find('[data-test="row-teacher"]').text()).toBe('未指定')
    expect(rows[2].find('[data-test="row-grade"]').text()).toBe('高三')
    expect(rows[2].find('[data-test="row-state"]').text()).toBe('停用')
    // A school's staff have no school filter.
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(w.find('[data-test="add"]').text()).toBe('新增班级')
    expect(w.find('[data-test="import"]').exists()).toBe(true)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
  })

  it('shows the school and filters by school, grade, keyword and 含已停用 for the bureau', async () => {
    const w = await mountPage(user(BUREAU_PERMS, BUREAU, 'safety_office'))
    await flushPromises()
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())[0]).toBe('学校')
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    select(w, 'search-grade').vm.$emit('update:modelValue', 0)
    await type('search-q', '大班')
    await w.find('[data-test="search-inactive"] input').setValue(true)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.classes.list).toHaveBeenLastCalledWith({ school_id: 22, grade: 0, q: '大班', include_inactive: true, page: 1, page_size: 10 })
    // The export takes the applied school.
    api.classes.export.mockResolvedValue({ blob: new Blob(['x']), filename: '班级名册.xlsx' })
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.classes.export).toHaveBeenCalledWith(22)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('offers a teacher the list and the export only', async () => {
    const w = await mountPage(user(TEACHER_PERMS))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="import"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.findComponent(ImportDialog).exists()).toBe(false)
    api.classes.export.mockResolvedValue({ blob: new Blob(['x']), filename: '班级名册.xlsx' })
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.classes.export).toHaveBeenCalledWith(undefined)
  })

  it('adds a class to the school: grade, name, the class teacher chosen among the staff and 人数', async () => {
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect($('field-school-fixed')?.textContent).toBe('示范区双桥小学')
    expect(api.staff.list).toHaveBeenCalledWith(21)
    // The grade and name are required.
    $('class-submit')!.click()
    await settle()
    expect(api.classes.create).not.toHaveBeenCalled()
    expect(document.querySelector('[data-test="class-dialog"]')?.textContent).toContain('请选择年级')

    select(w, 'field-grade').vm.$emit('update:modelValue', 3)
    await type('field-name', '3班')
    select(w, 'field-teacher').vm.$emit('update:modelValue', 'school1_teacher2')
    // 班级人数: empty at first (unknown), typed in.
    const students = w.findAllComponents({ name: 'ElInputNumber' }).find((c) => c.attributes('data-test') === 'class-students')
    expect(students, 'class-students').toBeTruthy()
    expect(students!.props('modelValue')).toBeUndefined()
    expect(students!.props('max')).toBe(200)
    students!.vm.$emit('update:modelValue', 42)
    await flushPromises()
    api.classes.create.mockResolvedValue(eduClass({ id: 10, name: '3班', teacher: 'school1_teacher2', students: 42 }))
    $('class-submit')!.click()
    await settle()
    expect(api.classes.create).toHaveBeenCalledWith({ school_id: 21, grade: 3, name: '3班', teacher: 'school1_teacher2', students: 42 })
    expect(api.classes.list).toHaveBeenCalledTimes(2)
  })

  it('lets the bureau choose the school of a new class, then its staff', async () => {
    const w = await mountPage(user(BUREAU_PERMS, BUREAU, 'safety_office'))
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(api.staff.list).not.toHaveBeenCalled()
    select(w, 'field-school').vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.staff.list).toHaveBeenCalledWith(22)
    select(w, 'field-grade').vm.$emit('update:modelValue', 7)
    await type('field-name', '1班')
    api.classes.create.mockResolvedValue(eduClass({ id: 11, school_id: 22 }))
    $('class-submit')!.click()
    await settle()
    // No size given: 0, unknown.
    expect(api.classes.create).toHaveBeenCalledWith({ school_id: 22, grade: 7, name: '1班', teacher: '', students: 0 })
  })

  it('edits a class with its version, shows a field’s reason beside it, and reloads after a conflict', async () => {
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    await w.findAll('[data-test="row-edit"]')[0].trigger('click')
    await settle()
    expect(document.querySelector('[data-test="class-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('修改班级')
    expect(($('field-name') as HTMLInputElement).value).toBe('2班')
    expect(select(w, 'field-grade').props('modelValue')).toBe(3)
    expect(select(w, 'field-teacher').props('modelValue')).toBe('school1_teacher')
    expect(w.findAllComponents({ name: 'ElInputNumber' }).find((c) => c.attributes('data-test') === 'class-students')!.props('modelValue')).toBe(45)
    await w.findAllComponents({ name: 'ElSwitch' }).find((c) => c.attributes('data-test') === 'field-active')!.vm.$emit('update:modelValue', false)

    api.classes.update.mockRejectedValueOnce(new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'name', reason: '本校三年级已有2班' }] }, null))
    $('class-submit')!.click()
    await settle()
    expect(api.classes.update).toHaveBeenCalledWith(7, { grade: 3, name: '2班', teacher: 'school1_teacher', students: 45, active: false, version: 4 })
    expect($('field-name')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('本校三年级已有2班')

    api.classes.update.mockRejectedValueOnce(new ApiError(409, { code: 'conflict', message: '班级已被他人修改，请刷新后重试', details: [] }, null))
    $('class-submit')!.click()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('班级已被他人修改')
    expect(api.classes.list).toHaveBeenCalledTimes(2)
  })

  it('imports through the shared dialog: the template, all or nothing, the rows in error', async () => {
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    await w.find('[data-test="import"]').trigger('click')
    await flushPromises()
    expect(w.findComponent(ImportDialog).props()).toMatchObject({
      modelValue: true,
      importPath: '/api/v1/edu/classes/import',
      templatePath: '/api/v1/edu/classes/import-template',
      templateQuery: {},
      allowUpdate: false,
      allowPartial: false,
      sendFormat: true,
    })
    expect($('import-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('导入班级')

    fetchMock.mockResolvedValueOnce(new Response(new Blob(['x']), { status: 200 }))
    $('template')!.click()
    await flushPromises()
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/edu/classes/import-template')

    const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], '班级.xlsx')], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    fetchMock.mockResolvedValueOnce(
      json({ rows: 2, created: 0, updated: 0, failed: 1, applied: false, errors: [{ row: 3, column: '班主任用户名', reason: '用户 nobody 不存在' }] }, 422),
    )
    $('import-start')!.click()
    await flushPromises()
    expect(String(fetchMock.mock.calls[1][0])).toBe('/api/v1/edu/classes/import?format=xlsx')
    expect($('import-summary')?.textContent).toContain('共 1 行有错误')
    expect($('import-errors')?.textContent).toContain('用户 nobody 不存在')
    expect(api.classes.list).toHaveBeenCalledTimes(1)

    fetchMock.mockResolvedValueOnce(json({ rows: 2, created: 2, updated: 0, failed: 0, applied: true, errors: [] }))
    $('import-start')!.click()
    await flushPromises()
    expect($('import-summary')?.textContent?.trim()).toBe('导入完成：新增 2 条，更新 0 条')
    expect(api.classes.list).toHaveBeenCalledTimes(2)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="card-title"]').text()).toBe('三年级2班')
    expect(cards[0].find('[data-test="row-teacher"]').text()).toBe('班主任 王芳')
    expect(cards[0].find('[data-test="row-students"]').text()).toBe('人数 45')
    expect(cards[1].find('[data-test="card-title"]').text()).toBe('大班')
    expect(cards[0].find('[data-test="row-edit"]').exists()).toBe(true)
  })
})
