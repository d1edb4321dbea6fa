// 联防联控 (the list): the bureau's tasks with their kinds, report day, issuing bureau, progress
// (已报告 x / n) and 逾期 n; 下达任务 for edu:content only — the dialog checked before sending, its
// departments with their kinds, its body, the server's reasons beside their fields — and 撤销 asked
// first (a task reported on meanwhile is read again); a department's liaison sees its own state.
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
import { chinaToday, addDays } from '@/views/hazards/hazardHelpers'
import { BUREAU, BUREAU_PERMS, DEPT1, LIAISON_PERMS, jointDepartment, jointReport, jointTask, user } from './fixtures'

const api = vi.hoisted(() => ({
  joint: { list: vi.fn(), get: vi.fn(), create: vi.fn(), remove: vi.fn(), report: vi.fn() },
  departments: { listAll: vi.fn() },
  dictionaries: { all: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/eduJoint', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduJoint')>()
  return { ...real, eduJointApi: api.joint }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, departmentsApi: api.departments }
})
vi.mock('@/api/dictionaries', () => ({ dictionariesApi: api.dictionaries }))
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import JointTasks from '../JointTasks.vue'

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
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/joint', name: 'edu-joint', component: Stub },
      { path: '/edu/joint/:id', name: 'edu-joint-task', component: Stub },
    ],
  })
  await router.push('/edu/joint')
  await router.isReady()
  const w = mount(JointTasks, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()
const dialogOpen = () => {
  const d = $('joint-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}

async function type(test: string, v: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

const OFFICE = () => user([...BUREAU_PERMS, 'edu:content'], BUREAU, 'safety_office')
const SECTION_READER = () => user(BUREAU_PERMS, { id: 3, name: '基础教育科', kind: 'section' }, 'section_basic')
const LIAISON = () => user(LIAISON_PERMS, DEPT1, 'dept1_liaison')

const reportedTask = () =>
  jointTask({
    id: 11,
    title: '防溺水宣传进村',
    kinds: ['publicity'],
    kind_labels: ['宣传提醒'],
    due_on: '2026-06-20',
    departments: [
      jointDepartment({ state: 'reported', state_label: '已报告', report: jointReport() }),
      jointDepartment({ department_id: 32, name: '示范区交警大队', kind: 'traffic_police', kind_label: '交警', state: 'overdue', state_label: '逾期未报告' }),
    ],
    reported: 1,
    overdue: 1,
    can_delete: false,
  })

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.joint), api.departments.listAll, api.dictionaries.all, api.confirm]) fn.mockReset()
  api.joint.list.mockResolvedValue({ items: [jointTask(), reportedTask()] })
  api.departments.listAll.mockResolvedValue([
    { id: 31, name: '示范区公安分局', kind: 'department', department_kind: 'police' },
    { id: 32, name: '示范区交警大队', kind: 'department', department_kind: 'traffic_police' },
    { id: 35, name: '示范区自然资源和规划局', kind: 'department', department_kind: 'natural_resources' },
  ])
  api.dictionaries.all.mockResolvedValue({
    department_kinds: [
      { code: 'police', label: '公安' },
      { code: 'traffic_police', label: '交警' },
      { code: 'natural_resources', label: '自然资源' },
    ],
    permissions: [],
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('联防联控 list', () => {
  it('shows the bureau its tasks: kinds, report day, issuing bureau, progress and 逾期; 撤销 only while nobody reported', async () => {
    const w = await mountPage(OFFICE())
    expect(api.joint.list).toHaveBeenCalledTimes(1)
    const rows = w.findAll('[data-test="joint-row"]')
    expect(rows.map((r) => r.attributes('data-id'))).toEqual(['12', '11'])
    expect(rows[0].find('[data-test="joint-open"]').text()).toBe('暑期水域巡查')
    expect(rows[0].find('[data-test="joint-open"]').attributes('href')).toBe('/edu/joint/12')
    expect(rows[0].findAll('[data-test="joint-row-kinds"] .el-tag').map((x) => x.text())).toEqual(['巡查水域', '设置警示标志'])
    expect(rows[0].find('[data-test="joint-row-due"]').text()).toContain('2026-07-10')
    expect(rows[0].find('[data-test="joint-unit"]').text()).toBe('示范区教育局')
    expect(rows[0].find('[data-test="joint-progress"]').text()).toBe('已报告 0 / 2')
    expect(rows[0].find('[data-test="joint-overdue"]').exists()).toBe(false)
    expect(rows[0].find('[data-test="joint-by"]').text()).toBe('示范区教育局 周科长 下达于 2026-07-01 08:00')
    expect(rows[0].find('[data-test="joint-delete"]').text()).toBe('撤销')
    expect(rows[0].find('[data-test="joint-own-state"]').exists()).toBe(false)
    // One department reported, one overdue: 逾期 1 in red, and it can no longer be withdrawn.
    expect(rows[1].find('[data-test="joint-progress"]').text()).toBe('已报告 1 / 2')
    const overdue = rows[1].find('[data-test="joint-overdue"]')
    expect(overdue.text()).toBe('逾期 1')
    expect(overdue.classes()).toContain('el-tag--danger')
    expect(rows[1].find('[data-test="joint-delete"]').exists()).toBe(false)
    expect(w.find('[data-test="joint-add"]').text()).toBe('下达任务')
  })

  it('gives a reader without edu:content no 下达任务', async () => {
    api.joint.list.mockResolvedValue({ items: [reportedTask()] })
    const w = await mountPage(SECTION_READER())
    expect(w.find('[data-test="joint-add"]').exists()).toBe(false)
    expect(w.findAll('[data-test="joint-row"]')).toHaveLength(1)
  })

  it('shows a department’s liaison the tasks given to it with its own state, without 下达任务 or 撤销', async () => {
    api.joint.list.mockResolvedValue({ items: [jointTask({ can_delete: false, can_report: true }), reportedTask()] })
    const w = await mountPage(LIAISON())
    expect(w.find('[data-test="joint-add"]').exists()).toBe(false)
    expect(w.text()).toContain('教育局下达给本单位的防溺水联防联控任务')
    const rows = w.findAll('[data-test="joint-row"]')
    expect(rows[0].find('[data-test="joint-own-state"]').text()).toBe('待报告')
    expect(rows[1].find('[data-test="joint-own-state"]').text()).toBe('已报告')
    expect(rows[1].find('[data-test="joint-own-state"]').classes()).toContain('el-tag--success')
    expect(w.find('[data-test="joint-delete"]').exists()).toBe(false)
  })

  it('says there is none', async () => {
    api.joint.list.mockResolvedValue({ items: [] })
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="joint-empty"]').text()).toBe('暂无联防联控任务')
  })

  it('issues a task: checked before sending, the departments with their kinds, then sent and listed first', async () => {
    const today = chinaToday()
    const due = addDays(today, 10)
    const w = await mountPage(OFFICE())
    await w.find('[data-test="joint-add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect($('joint-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('下达联防联控任务')
    expect(api.departments.listAll).toHaveBeenCalledTimes(1)
    // Each department with its kind, so typing either finds it.
    expect($('joint-dept-option-31')?.textContent).toContain('示范区公安分局')
    expect($('joint-dept-option-31')?.textContent).toContain('公安')
    expect($('joint-dept-option-35')?.textContent).toContain('自然资源')
    expect(Array.from(document.querySelectorAll('[data-test^="joint-kind-"] .el-checkbox__label')).map((x) => x.textContent?.trim())).toEqual([
      '巡查水域',
      '设置警示标志',
      '设置防护设施',
      '配备救生设施',
      '宣传提醒',
      '其他',
    ])

    // Nothing filled: the dialog says what is missing beside each field and sends nothing.
    $('joint-submit')!.click()
    await settle()
    expect(api.joint.create).not.toHaveBeenCalled()
    expect(errorOf('joint-title')).toBe('请填写任务标题')
    expect(errorOf('joint-text')).toBe('请填写任务要求')
    expect(errorOf('joint-kinds')).toBe('请至少选择一项工作内容')
    expect(errorOf('joint-due')).toBe('请选择报告期限')
    expect(errorOf('joint-departments')).toBe('请至少选择一个成员单位')

    await type('joint-title', ' 暑期水域巡查 ')
    await type('joint-text', '每周巡查辖区河道、水塘。')
    component(w, 'ElCheckboxGroup', 'joint-kinds').vm.$emit('update:modelValue', ['signs', 'patrol'])
    w.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', due)
    component(w, 'ElSelect', 'joint-departments').vm.$emit('update:modelValue', [31, 32])
    await flushPromises()
    const saved = jointTask({ id: 13, due_on: due })
    api.joint.create.mockResolvedValue(saved)
    $('joint-submit')!.click()
    await settle()
    expect(api.joint.create).toHaveBeenCalledWith({
      title: '暑期水域巡查',
      text: '每周巡查辖区河道、水塘。',
      kinds: ['patrol', 'signs'],
      due_on: due,
      department_ids: [31, 32],
    })
    expect(dialogOpen()).toBe(false)
    const first = w.findAll('[data-test="joint-row"]')[0]
    expect(first.attributes('data-id')).toBe('13')
    expect(first.find('[data-test="joint-progress"]').text()).toBe('已报告 0 / 2')
  })

  it('refuses a day before today before sending, and puts the server’s reasons beside their fields, listing one no field shows', async () => {
    const today = chinaToday()
    const w = await mountPage(OFFICE())
    await w.find('[data-test="joint-add"]').trigger('click')
    await settle()
    await type('joint-title', '暑期水域巡查')
    await type('joint-text', '每周巡查')
    component(w, 'ElCheckboxGroup', 'joint-kinds').vm.$emit('update:modelValue', ['patrol'])
    w.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', addDays(today, -1))
    component(w, 'ElSelect', 'joint-departments').vm.$emit('update:modelValue', [31])
    await flushPromises()
    $('joint-submit')!.click()
    await settle()
    expect(errorOf('joint-due')).toBe('报告期限不能早于今天')
    expect(api.joint.create).not.toHaveBeenCalled()

    w.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', today)
    await flushPromises()
    api.joint.create.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [
            { field: 'title', reason: '任务标题含有不允许的字符' },
            { field: 'department_ids', reason: '成员单位须为部门（编号 31）' },
          ],
        },
        null,
      ),
    )
    $('joint-submit')!.click()
    await settle()
    expect(errorOf('joint-title')).toBe('任务标题含有不允许的字符')
    expect(errorOf('joint-departments')).toBe('成员单位须为部门（编号 31）')
    expect(dialogOpen()).toBe(true)

    api.joint.create.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'unit_id', reason: '下达联防联控任务须以所属单位的身份' }] }, null),
    )
    $('joint-submit')!.click()
    await settle()
    expect($('joint-errors')?.textContent).toContain('unit_id：下达联防联控任务须以所属单位的身份')
  })

  it('withdraws a task once confirmed; one reported on meanwhile is read again', async () => {
    const w = await mountPage(OFFICE())
    const button = w.find('[data-test="joint-row"][data-id="12"] [data-test="joint-delete"]')
    expect(button.attributes('aria-label')).toBe('撤销联防联控任务：暑期水域巡查')
    api.confirm.mockResolvedValueOnce(false)
    await button.trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledWith('确定撤销联防联控任务“暑期水域巡查”吗？撤销后，成员单位不再看到这项任务。')
    expect(api.joint.remove).not.toHaveBeenCalled()

    api.confirm.mockResolvedValueOnce(true)
    api.joint.remove.mockRejectedValueOnce(
      new ApiError(409, { code: 'failed_precondition', message: '已有成员单位报告了这项任务，不能撤销', details: [{ field: 'edu_joint.reported', reason: '已有成员单位报告了这项任务，不能撤销' }] }, null),
    )
    api.joint.list.mockResolvedValueOnce({ items: [jointTask({ reported: 1, can_delete: false }), reportedTask()] })
    await button.trigger('click')
    await settle()
    expect(api.joint.remove).toHaveBeenCalledWith(12)
    expect(document.body.textContent).toContain('已有成员单位报告了这项任务，不能撤销')
    expect(api.joint.list).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="joint-row"][data-id="12"] [data-test="joint-delete"]').exists()).toBe(false)

    api.joint.list.mockResolvedValue({ items: [jointTask(), reportedTask()] })
    const w2 = await mountPage(OFFICE())
    api.confirm.mockResolvedValueOnce(true)
    api.joint.remove.mockResolvedValueOnce(undefined)
    await w2.find('[data-test="joint-row"][data-id="12"] [data-test="joint-delete"]').trigger('click')
    await settle()
    expect(w2.findAll('[data-test="joint-row"]').map((r) => r.attributes('data-id'))).toEqual(['11'])
  })
})
