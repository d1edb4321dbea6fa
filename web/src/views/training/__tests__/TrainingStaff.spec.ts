// 重点岗位人员: a school user's own school, the bureau's pick (or ?unit_id=); the two rules' verdicts;
// the due list in the server's order with each person's state (逾期, 即将到期, 正常, 已停用), last session
// and due day; 新增人员 and 修改 (a dialog on a desk, a drawer on a phone) with the console's own checks,
// the server's reasons at their fields (and those no field shows above the form), 在岗 off to 停用
// with the version read, a stale version said and the list reloaded; read only for those who may not
// edit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { OFFICE, OFFICER, TEACHER, person, staffList } from './fixtures'

const api = vi.hoisted(() => ({
  training: {
    staff: vi.fn(),
    createStaff: vi.fn(),
    updateStaff: vi.fn(),
    sessions: vi.fn(),
    session: vi.fn(),
    createSession: vi.fn(),
    deleteSession: vi.fn(),
    signInTemplate: vi.fn(),
    signIn: vi.fn(),
    board: vi.fn(),
    exportBoard: vi.fn(),
  },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/training', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/training')>()
  return { ...real, trainingApi: api.training }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import TrainingStaff from '../TrainingStaff.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })


let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [['/training/staff', 'training-staff'], ['/training/sessions', 'training-sessions']]

async function mountPage(me: Me, path = '/training/staff') {
  const at = await mountPageAt(TrainingStaff, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input, textarea') ? found : found?.querySelector('input, textarea')) as HTMLInputElement
  expect(el, test).toBeTruthy()
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => !!(x.element as Element).closest?.(`[data-test="${test}"]`))
  expect(c, test).toBeTruthy()
  return c!
}

/** A component inside the dialog (teleported: found from the page's tree by its data-test). */
function dialogComponent(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

const rows = () => all('training-staff-row')

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.training), api.schools.list]) fn.mockReset()
  api.training.staff.mockImplementation(async () => staffList())
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ],
    total: 2,
  })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('重点岗位人员: what the page shows', () => {
  it('opens a school user’s own school: the rules’ verdicts and the due list, overdue first', async () => {
    await mountPage(OFFICER())
    expect(api.training.staff).toHaveBeenCalledWith(21)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect($('training-school')).toBeNull()
    expect(text('training-school-name')).toBe('示范区双桥小学')
    expect(text('training-interval')).toBe('每 12 个月至少一次')
    expect(text('training-today')).toBe('2026-12-07')
    // 检查结果.
    expect(text('training-check-training.rotation-outcome')).toBe('未达标')
    expect($('training-check-training.rotation')?.getAttribute('data-outcome')).toBe('fail')
    expect(text('training-check-training.rotation-reason')).toBe('1 人逾期未参加轮训：张强（消防安全）')
    expect(text('training-check-training.holiday-outcome')).toBe('达标')
    // The due list, in the server's order, each with its state.
    expect(rows().map((r) => within(r, 'training-staff-name'))).toEqual(['张强', '李娜', '王磊', '赵丽'])
    expect(rows().map((r) => within(r, 'training-staff-state'))).toEqual(['逾期', '即将到期', '正常', '已停用'])
    expect(rows().map((r) => r.getAttribute('data-state'))).toEqual(['overdue', 'due_soon', 'ok', 'inactive'])
    const tagClass = (r: HTMLElement) => r.querySelector('[data-test="training-staff-state"]')?.className ?? ''
    expect(tagClass(rows()[0])).toContain('el-tag--danger')
    expect(tagClass(rows()[1])).toContain('el-tag--warning')
    expect(tagClass(rows()[2])).toContain('el-tag--success')
    expect(tagClass(rows()[3])).toContain('el-tag--info')
    const first = rows()[0]
    expect(within(first, 'training-staff-post')).toBe('消防安全')
    expect(within(first, 'training-staff-last')).toMatch(/^2025-06-10\s*2025年重点岗位安全轮训$/)
    expect(within(first, 'training-staff-due')).toBe('2026-06-10')
    expect(within(first, 'training-staff-phone')).toBe('13905711001')
    expect(within(rows()[1], 'training-staff-note')).toBe('兼任化学教研组长')
    expect(within(rows()[3], 'training-staff-last')).toBe('尚未参加培训')
    expect(within(rows()[3], 'training-staff-due')).toBe('—')
    expect(text('training-staff-counts')).toBe('逾期 1 人，即将到期 1 人，正常 1 人，已停用 1 人')
    expect($('training-staff-add')).not.toBeNull()
    expect(all('training-staff-edit')).toHaveLength(4)
    expect(all('training-staff-edit')[0].getAttribute('aria-label')).toBe('修改张强')
  })

  it('opens the school’s 培训记录', async () => {
    await mountPage(OFFICER())
    await click($('training-sessions-link'))
    expect(router.currentRoute.value.name).toBe('training-sessions')
    expect(router.currentRoute.value.query).toEqual({ unit_id: '21' })
  })

  it('says when no one is registered yet', async () => {
    api.training.staff.mockResolvedValue(staffList({ items: [] }))
    await mountPage(OFFICER())
    expect(text('training-staff-empty')).toContain('尚未登记重点岗位人员')
    expect(text('training-staff-counts')).toBe('逾期 0 人，即将到期 0 人，正常 0 人')
  })

  it('shows the list without editing to those who may not edit it', async () => {
    api.training.staff.mockResolvedValue(staffList({ can_edit: false }))
    await mountPage(TEACHER())
    expect($('training-staff-add')).toBeNull()
    expect($('training-staff-edit')).toBeNull()
    expect(text('training-staff-readonly')).toContain('您可以查看本校重点岗位人员')
    expect(rows()).toHaveLength(4)
  })

  it('lets the bureau pick a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.training.staff).not.toHaveBeenCalled()
    expect($('training-pick')).not.toBeNull()
    expect(api.schools.list).toHaveBeenCalled()
    component(w, 'ElSelect', 'training-school').vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.training.staff).toHaveBeenCalledWith(22)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.training.staff.mockClear()
    await mountPage(OFFICE(), '/training/staff?unit_id=21')
    expect(api.training.staff).toHaveBeenCalledWith(21)
    expect(text('training-school-name')).toBe('示范区双桥小学')
    // Another school's link while the page is open.
    await router.push('/training/staff?unit_id=22')
    await settle()
    expect(api.training.staff).toHaveBeenLastCalledWith(22)
  })

  it('says so when the school is not in scope', async () => {
    api.training.staff.mockRejectedValue(apiError(404, [], '学校不存在或不在您的管辖范围内'))
    await mountPage(OFFICE(), '/training/staff?unit_id=99')
    expect($('training-staff-list')).toBeNull()
    expect(document.body.textContent).toContain('不存在')
  })
})

describe('重点岗位人员: adding and editing a person', () => {
  it('adds a person: the name and post checked first, the body trimmed, the list read again', async () => {
    api.training.createStaff.mockResolvedValue(person({ id: 9, name: '刘洋', post: 'construction', post_label: '基建工程' }))
    const w = await mountPage(OFFICER())
    await click($('training-staff-add'))
    expect($('training-staff-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('新增重点岗位人员')
    expect($('staff-field-active')).toBeNull()
    await click($('staff-save'))
    expect(api.training.createStaff).not.toHaveBeenCalled()
    expect(errorOf('staff-field-name')).toBe('请填写姓名')
    expect(errorOf('staff-field-post')).toBe('请选择岗位')
    expect(errorOf('staff-field-since')).toBe('请选择任岗日期')

    await type('staff-field-name', ' 刘洋 ')
    expect(errorOf('staff-field-name')).toBe('')
    dialogComponent(w, 'ElSelect', 'staff-field-post').vm.$emit('update:modelValue', 'construction')
    await type('staff-field-phone', '13905711009')
    await type('staff-field-note', '负责校舍改造')
    component(w, 'ElDatePicker', 'staff-field-since').vm.$emit('update:modelValue', '2024-09-01')
    await settle()
    api.training.staff.mockClear()
    await click($('staff-save'))
    expect(api.training.createStaff).toHaveBeenCalledWith({
      unit_id: 21,
      name: '刘洋',
      post: 'construction',
      phone: '13905711009',
      since: '2024-09-01',
      note: '负责校舍改造',
    })
    expect(api.training.staff).toHaveBeenCalledWith(21)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记')
  })

  it('shows the server’s reasons at their fields, and those no field shows above the form', async () => {
    api.training.createStaff.mockRejectedValue(
      apiError(422, [
        { field: 'phone', reason: '联系电话须为 11 位手机号或带区号的固定电话' },
        { field: 'unit_id', reason: '只能登记本校人员' },
      ]),
    )
    const w = await mountPage(OFFICER())
    await click($('training-staff-add'))
    await type('staff-field-name', '刘洋')
    dialogComponent(w, 'ElSelect', 'staff-field-post').vm.$emit('update:modelValue', 'lab')
    await type('staff-field-phone', '12345')
    component(w, 'ElDatePicker', 'staff-field-since').vm.$emit('update:modelValue', '2024-09-01')
    await settle()
    await click($('staff-save'))
    expect(errorOf('staff-field-phone')).toBe('联系电话须为 11 位手机号或带区号的固定电话')
    expect(text('training-staff-errors')).toContain('只能登记本校人员')
    // The phone's reason goes once it changes.
    await type('staff-field-phone', '13905711009')
    await settle()
    expect(errorOf('staff-field-phone')).toBe('')
  })

  it('edits a person with the version read, 在岗 off to 停用', async () => {
    api.training.updateStaff.mockResolvedValue(person({ active: false, state: 'inactive', state_label: '已停用', version: 3 }))
    await mountPage(OFFICER())
    await click(all('training-staff-edit')[0])
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修改重点岗位人员')
    expect(($('staff-field-name') as HTMLInputElement).value).toBe('张强')
    await click($('staff-field-active'))
    await click($('staff-save'))
    expect(api.training.updateStaff).toHaveBeenCalledWith(1, {
      name: '张强',
      post: 'fire',
      phone: '13905711001',
      since: '2020-09-01',
      active: false,
      note: '',
      version: 2,
    })
  })

  it('says when the person was saved elsewhere first, and reads the list again', async () => {
    api.training.updateStaff.mockRejectedValue(apiError(409, [], '该人员信息刚被他人修改，请刷新后再试'))
    await mountPage(OFFICER())
    await click(all('training-staff-edit')[1])
    api.training.staff.mockClear()
    await click($('staff-save'))
    expect(document.querySelector('.el-message--error')?.textContent).toContain('刚被他人修改')
    expect(api.training.staff).toHaveBeenCalledWith(21)
  })

  it('opens the form in a drawer on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICER())
    await click($('training-staff-add'))
    const frame = $('training-staff-dialog')
    expect(frame?.classList.contains('el-drawer')).toBe(true)
    expect(frame?.querySelector('[data-test="staff-field-name"]')).not.toBeNull()
    expect(frame?.querySelector('[data-test="staff-save"]')).not.toBeNull()
  })
})
