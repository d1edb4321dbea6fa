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
import type { DrillDetail } from '@/api/drills'
import { drill, plan } from './fixtures'

const api = vi.hoisted(() => ({
  drills: { kinds: vi.fn(), list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), raiseHazard: vi.fn() },
  plans: { list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn() },
  rules: { list: vi.fn(), get: vi.fn(), setParameters: vi.fn(), evaluate: vi.fn() },
  findings: { list: vi.fn(), export: vi.fn() },
  board: { get: vi.fn() },
  schools: { list: vi.fn(), get: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/drills', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/drills')>()
  return { ...real, drillsApi: api.drills }
})
vi.mock('@/api/drillPlans', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/drillPlans')>()
  return { ...real, drillPlansApi: api.plans }
})
vi.mock('@/api/rules', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/rules')>()
  return { ...real, rulesApi: api.rules, findingsApi: api.findings, ruleBoardApi: api.board }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import DrillPlanList from '../DrillPlanList.vue'
import DrillForm from '../DrillForm.vue'
import DrillDetailView from '../DrillDetail.vue'
import DrillHomeCard from '../components/DrillHomeCard.vue'
import { resetDrillKinds } from '../useDrillKinds'
import { resetRuleTitles } from '@/views/rules/useRuleTitles'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const SAFETY = ['drill:read', 'drill:record', 'rules:read', 'hazard:read', 'hazard:report', 'school:read']

function user(permissions: string[], unit = SCHOOL): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function detail(over: Partial<DrillDetail> = {}): DrillDetail {
  return { ...drill, findings: [], can_edit: true, ...over }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a 100 ms debounce. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = {
    unit_kinds: [],
    school_stages: [],
    ownerships: [],
    location_types: [],
    department_kinds: [],
    key_place_kinds: [],
    scope_kinds: [],
    hazard_domains: [],
    hazard_levels: [],
    hazard_sources: [],
    hazard_states: [],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/drills', name: 'drills', component: Stub },
      { path: '/drills/plans', name: 'drill-plans', component: Stub },
      { path: '/drills/new', name: 'drill-new', component: Stub },
      { path: '/drills/board', name: 'drill-board', component: Stub },
      { path: '/plan-board', name: 'plan-board', component: Stub },
      { path: '/drills/:id(\\d+)', name: 'drill-detail', component: Stub },
      { path: '/drills/:id(\\d+)/edit', name: 'drill-edit', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

function errorOf(test: string): string {
  const item = document.querySelector(`[data-test="${test}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

function input(test: string): HTMLInputElement {
  return document.querySelector(`[data-test="${test}"]`) as HTMLInputElement
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  resetDrillKinds()
  resetRuleTitles()
  for (const group of Object.values(api)) {
    if (typeof group === 'function') group.mockReset()
    else for (const fn of Object.values(group)) fn.mockReset()
  }
  api.drills.kinds.mockResolvedValue({
    items: [
      { code: 'fire', label: '消防疏散', evacuation: true },
      { code: 'attack', label: '防暴恐', evacuation: false },
    ],
  })
  api.plans.list.mockResolvedValue({
    items: [plan(), plan({ id: 6, title: '秋季地震演练', kind: 'attack', date: '2026-11-20', status: 'done', drill_id: 29 })],
    total: 2,
  })
  api.plans.get.mockResolvedValue(plan())
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
  api.schools.get.mockResolvedValue({ id: 21, buildings: [{ id: 31, name: '教学楼', floors: 5 }], key_places: [] })
  api.rules.list.mockResolvedValue({ items: [] })
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('DrillPlanList', () => {
  it('lists the school’s plans with their status; open ones recorded, edited, removed; a done one links its drill', async () => {
    const { w, router } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    expect(api.plans.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').text()).toBe('新建计划')
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    const rows = w.findAll('[data-test="table"] .el-table__body-wrapper tbody tr')
    expect(rows[0].text()).toContain('2026-12-18 10:00')
    expect(rows[0].find('[data-test="row-status"]').text()).toBe('本周待办')
    expect(rows[1].find('[data-test="row-status"]').text()).toBe('已完成')
    // The actions sit in the fixed column: find them anywhere on the page.
    const record = w.findAll('[data-test="row-record"]')
    expect(record.length).toBeGreaterThan(0)
    expect(record[0].attributes('aria-label')).toBe('按计划记录：2026-12-18 冬季消防疏散演练')
    expect(w.findAll('[data-test="row-drill"]')[0].attributes('href')).toBe('/drills/29')
    await record[0].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/drills/new?plan_id=5')
  })

  it('removes an open plan after asking', async () => {
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    api.plans.remove.mockResolvedValue(undefined)
    await w.findAll('[data-test="row-delete"]')[0].trigger('click')
    await flushPromises()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('2026-12-18 冬季消防疏散演练'))
    expect(api.plans.remove).toHaveBeenCalledWith(5)
  })

  it('filters from the home page’s link; the bureau picks a school; no 新建计划 without drill:record', async () => {
    const { w } = await mountPage(DrillPlanList, '/drills/plans?status=overdue', user(['drill:read', 'school:read'], BUREAU))
    expect(api.plans.list).toHaveBeenCalledWith({ status: 'overdue', page: 1, page_size: 10 })
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-record"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
  })

  it('shows cards on a phone, each with its actions', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const card = w.find('[data-test="plan-5"]')
    expect(card.find('h2').text()).toBe('2026-12-18 冬季消防疏散演练')
    expect(card.find('[data-test="row-status"]').text()).toBe('本周待办')
    expect(card.find('[data-test="row-record"]').exists()).toBe(true)
    const done = w.find('[data-test="plan-6"]')
    expect(done.find('[data-test="row-record"]').exists()).toBe(false)
    expect(done.find('[data-test="row-drill"]').attributes('href')).toBe('/drills/29')
  })

  it('creates a plan for the own school: checks first, then places the server’s reasons', async () => {
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    expect(input('plan-school_id').value).toBe('示范区双桥小学')
    expect(input('plan-school_id').disabled).toBe(true)
    ;(document.querySelector('[data-test="plan-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.plans.create).not.toHaveBeenCalled()
    // The title is optional; the commander is not.
    expect(errorOf('plan-title')).toBe('')
    expect(errorOf('plan-commander')).toBe('请填写总指挥')

    const title = input('plan-title')
    title.value = '冬季消防疏散演练'
    title.dispatchEvent(new Event('input'))
    const commander = input('plan-commander')
    commander.value = '黄丽华'
    commander.dispatchEvent(new Event('input'))
    api.plans.create.mockRejectedValue(
      new ApiError(422, { code: 'invalid_argument', message: '字段 date 无效', details: [{ field: 'date', reason: '不能早于今天' }] }, null),
    )
    ;(document.querySelector('[data-test="plan-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.plans.create).toHaveBeenCalledTimes(1)
    expect(api.plans.create.mock.calls[0][0]).toMatchObject({ school_id: 21, kind: 'fire', title: '冬季消防疏散演练', commander: '黄丽华', whole_school: true })
    expect(errorOf('plan-date')).toBe('不能早于今天')

    api.plans.create.mockResolvedValue(plan())
    ;(document.querySelector('[data-test="plan-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.plans.list).toHaveBeenCalledTimes(2)
  })

  it('offers no change of a plan the server says the user may not change', async () => {
    api.plans.list.mockResolvedValue({ items: [plan({ can_edit: false })], total: 1 })
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-delete"]').exists()).toBe(false)
  })

  it('closes the dialog and reloads when the plan was carried out meanwhile', async () => {
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    await w.findAll('[data-test="row-edit"]')[0].trigger('click')
    await flushPromises()
    api.plans.update.mockRejectedValue(
      new ApiError(
        409,
        { code: 'failed_precondition', message: '这个演练计划已按计划记录了演练，不能再修改', details: [{ field: 'drill_plan.done', reason: '这个演练计划已按计划记录了演练，不能再修改' }] },
        null,
      ),
    )
    ;(document.querySelector('[data-test="plan-save"]') as HTMLButtonElement).click()
    await settle()
    expect(api.plans.list).toHaveBeenCalledTimes(2)
    expect(document.querySelector('[data-test="plan-form-errors"]')).toBeNull()
  })

  it('edits an open plan without sending the school', async () => {
    const { w } = await mountPage(DrillPlanList, '/drills/plans', user(SAFETY))
    await w.findAll('[data-test="row-edit"]')[0].trigger('click')
    await flushPromises()
    expect(input('plan-title').value).toBe('冬季消防疏散演练')
    api.plans.update.mockResolvedValue(plan())
    ;(document.querySelector('[data-test="plan-save"]') as HTMLButtonElement).click()
    await settle()
    const [id, body] = api.plans.update.mock.calls[0]
    expect(id).toBe(5)
    expect(body).not.toHaveProperty('school_id')
    expect(body).toMatchObject({ title: '冬季消防疏散演练', date: '2026-12-18', start_time: '10:00' })
  })
})

describe('recording a drill from a plan', () => {
  it('fills the form in from the plan and sends plan_id', async () => {
    api.plans.get.mockResolvedValue(plan({ date: '2000-01-03', start_time: '09:30', whole_school: false, scope_note: '初一年级', night: true }))
    const { w, router } = await mountPage(DrillForm, '/drills/new?plan_id=5', user(SAFETY))
    expect(api.plans.get).toHaveBeenCalledWith(5)
    expect(w.find('[data-test="drill-form-plan"]').text()).toContain('按计划记录：2000-01-03 冬季消防疏散演练')
    expect(input('field-commander').value).toBe('黄丽华')
    expect(input('field-title').value).toBe('冬季消防疏散演练')
    expect(input('field-start_time').value).toBe('09:30')
    expect(input('field-scope_note').value).toBe('初一年级')
    expect((w.find('[data-test="field-date"] input').element as HTMLInputElement).value).toBe('2000-01-03')
    const students = w.find('[data-test="field-students"] input')
    await students.setValue('500')
    await students.trigger('change')
    api.drills.create.mockResolvedValue(detail({ id: 40, plan_id: 5 }))
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    expect(api.drills.create).toHaveBeenCalledTimes(1)
    expect(api.drills.create.mock.calls[0][0]).toMatchObject({
      school_id: 21,
      plan_id: 5,
      kind: 'fire',
      title: '冬季消防疏散演练',
      date: '2000-01-03',
      start_time: '09:30',
      night: true,
      whole_school: false,
      scope_note: '初一年级',
      commander: '黄丽华',
      students: 500,
    })
    expect(router.currentRoute.value.fullPath).toBe('/drills/40')
  })

  it('dates the drill today for a plan of a later day, and says so', async () => {
    api.plans.get.mockResolvedValue(plan({ date: '2999-12-31' }))
    const { w } = await mountPage(DrillForm, '/drills/new?plan_id=5', user(SAFETY))
    expect(w.find('[data-test="drill-form-plan-later"]').text()).toContain('2999-12-31')
    expect((w.find('[data-test="field-date"] input').element as HTMLInputElement).value).not.toBe('2999-12-31')
  })

  it('does not carry out a plan done already: it links its drill and sends no plan_id', async () => {
    api.plans.get.mockResolvedValue(plan({ status: 'done', drill_id: 29 }))
    const { w } = await mountPage(DrillForm, '/drills/new?plan_id=5', user(SAFETY))
    expect(w.find('[data-test="drill-form-plan"]').exists()).toBe(false)
    expect(w.find('[data-test="drill-form-plan-drill"]').attributes('href')).toBe('/drills/29')
    expect(input('field-commander').value).toBe('')
  })

  it('records without a plan that is not there', async () => {
    api.plans.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const { w } = await mountPage(DrillForm, '/drills/new?plan_id=99', user(SAFETY))
    expect(w.find('[data-test="drill-form-plan-missing"]').exists()).toBe(true)
  })

  it('fixes a bureau user’s school to the plan’s', async () => {
    const { w } = await mountPage(DrillForm, '/drills/new?plan_id=5', user(['drill:read', 'drill:record', 'school:read'], BUREAU))
    expect(input('field-school_id').value).toBe('示范区双桥小学')
    expect(input('field-school_id').disabled).toBe(true)
    expect(w.find('[data-test="drill-form-plan"]').exists()).toBe(true)
    expect(api.schools.get).toHaveBeenCalledWith(21)
  })

  it('the drill says it came from a plan and links the plan', async () => {
    api.drills.get.mockResolvedValue(detail({ plan_id: 5 }))
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    expect(w.find('[data-test="drill-from-plan"]').text()).toBe('来自演练计划')
    expect(w.find('[data-test="drill-plan-link"]').text()).toBe('2026-12-18 冬季消防疏散演练')
    expect(w.find('[data-test="drill-plan-link"]').attributes('href')).toBe('/drills/plans?school_id=21&from=2026-12-18&to=2026-12-18&status=done')
  })

  it('a drill without a plan says nothing of plans', async () => {
    api.drills.get.mockResolvedValue(detail({ plan_id: null }))
    const { w } = await mountPage(DrillDetailView, '/drills/29', user(SAFETY))
    expect(w.find('[data-test="drill-from-plan"]').exists()).toBe(false)
    expect(api.plans.get).not.toHaveBeenCalled()
  })
})

describe('the home card’s plans', () => {
  it('lists the school’s plans due or overdue, each with 按计划记录', async () => {
    api.findings.list.mockResolvedValue({ items: [], total: 0 })
    api.plans.list.mockResolvedValue({
      items: [plan({ id: 7, date: '2026-12-20', status: 'due' }), plan({ id: 8, date: '2026-11-30', status: 'overdue', title: '补做的演练' })],
      total: 2,
    })
    const { w } = await mountPage(DrillHomeCard, '/home', user(SAFETY))
    expect(api.plans.list).toHaveBeenCalledWith({ status: 'due,overdue', page_size: 20 })
    const rows = w.findAll('[data-test="home-drill-plans"] li')
    expect(rows.map((r) => r.attributes('data-test'))).toEqual(['home-plan-8', 'home-plan-7'])
    expect(rows[0].find('[data-test="home-plan-status"]').text()).toBe('已逾期')
    expect(rows[0].find('[data-test="home-plan-title"]').text()).toBe('补做的演练')
    expect(rows[1].find('[data-test="home-plan-date"]').text()).toBe('2026-12-20 10:00')
    expect(rows[1].find('[data-test="home-plan-record"]').attributes('href')).toBe('/drills/new?plan_id=7')
    expect(w.find('[data-test="home-drills-done"]').exists()).toBe(true)
  })

  it('says when no plan is due', async () => {
    api.findings.list.mockResolvedValue({ items: [], total: 0 })
    api.plans.list.mockResolvedValue({ items: [], total: 0 })
    const { w } = await mountPage(DrillHomeCard, '/home', user(SAFETY))
    expect(w.find('[data-test="home-plans-none"]').exists()).toBe(true)
  })

  it('keeps the plans when the rules do not answer', async () => {
    api.findings.list.mockRejectedValue(new ApiError(403, { code: 'forbidden', message: '无权', details: [] }, null))
    api.plans.list.mockResolvedValue({ items: [plan()], total: 1 })
    const { w } = await mountPage(DrillHomeCard, '/home', user(['drill:read', 'drill:record']))
    expect(api.findings.list).not.toHaveBeenCalled()
    expect(w.find('[data-test="home-plan-5"]').exists()).toBe(true)
    expect(w.find('[data-test="home-drills-done"]').exists()).toBe(false)
  })

  it('gives the bureau the plans overdue in scope, linking to them', async () => {
    api.board.get.mockResolvedValue({ date: '2026-12-04', rows: [], failing: [] })
    api.plans.list.mockResolvedValue({ items: [plan({ status: 'overdue' })], total: 3 })
    const { w } = await mountPage(DrillHomeCard, '/home', user(['rules:read', 'drill:read'], BUREAU))
    expect(api.plans.list).toHaveBeenCalledWith({ status: 'overdue', page_size: 1 })
    const link = w.find('[data-test="home-plans-overdue-link"]')
    expect(link.text()).toBe('已逾期的演练计划 3 项')
    expect(link.attributes('href')).toBe('/drills/plans?status=overdue')
  })
})
