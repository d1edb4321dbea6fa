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
import { chinaToday } from '@/views/hazards/hazardHelpers'
import { addDays } from '../patrolHelpers'
import { answer, items, plan, record, slot } from './fixtures'

const api = vi.hoisted(() => ({
  patrols: {
    plans: vi.fn(),
    plan: vi.fn(),
    createPlan: vi.fn(),
    updatePlan: vi.fn(),
    removePlan: vi.fn(),
    schedule: vi.fn(),
    place: vi.fn(),
    records: vi.fn(),
    exportRecords: vi.fn(),
    record: vi.fn(),
    createRecord: vi.fn(),
    raiseHazard: vi.fn(),
  },
  schools: { list: vi.fn(), get: vi.fn() },
  checklists: { list: vi.fn(), get: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/patrols', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/patrols')>()
  return { ...real, patrolsApi: api.patrols }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/checklists', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/checklists')>()
  return { ...real, checklistsApi: api.checklists }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import PatrolFillForm from '../components/PatrolFillForm.vue'
import PatrolPlace from '../PatrolPlace.vue'
import PatrolRecordDetail from '../PatrolRecordDetail.vue'
import PatrolSchedule from '../PatrolSchedule.vue'
import PatrolPlanList from '../PatrolPlanList.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const OFFICER = ['patrol:read', 'patrol:manage', 'patrol:record', 'hazard:read', 'hazard:report', 'school:read', 'checklist:read']
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }

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

const Stub = defineComponent({ template: '<div />' })

function setup(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = {
    unit_kinds: [],
    school_stages: [],
    ownerships: [],
    location_types: [],
    department_kinds: [],
    key_place_kinds: [{ code: 'canteen', label: '食堂' }],
    scope_kinds: [],
    hazard_domains: [
      { code: 'fire', label: '消防安全' },
      { code: 'gas', label: '燃气安全' },
    ],
    hazard_levels: [],
    hazard_sources: [],
    hazard_states: [],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/patrols', name: 'patrols', component: Stub },
      { path: '/patrols/plans', name: 'patrol-plans', component: Stub },
      { path: '/patrols/records', name: 'patrol-records', component: Stub },
      { path: '/patrols/records/:id(\\d+)', name: 'patrol-record', component: Stub },
      { path: '/patrols/qr', name: 'patrol-qr', component: Stub },
      { path: '/patrol/place/:id(\\d+)', name: 'patrol-place', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  return { pinia, router }
}

async function mountPage(component: object, path: string, me: Me, props: Record<string, unknown> = {}) {
  const { pinia, router } = setup(me)
  await router.push(path)
  await router.isReady()
  const w = mount(component, { props, global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

/** Clicks a segmented button (its radio input) of an item's answer. */
async function choose(w: ReturnType<typeof mount>, test: string): Promise<void> {
  await w.find(`[data-test="${test}"] input`).setValue(true)
  await flushPromises()
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) {
    if (typeof group === 'function') group.mockReset()
    else for (const fn of Object.values(group)) fn.mockReset()
  }
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('PatrolFillForm', () => {
  const props = { planId: 5, items }

  it('checks every item before sending: the reasons at their items and in the summary', async () => {
    const { w } = await mountPage(PatrolFillForm, '/patrol/place/102', user(OFFICER), props)
    expect(w.findAll('[data-test^="item-C"]').map((x) => x.attributes('data-test'))).toEqual(['item-C01', 'item-C02', 'item-C03'])
    // The reading's limits and unit, and 须拍照 where it is.
    expect(w.find('[data-test="item-C02"] [data-test="item-limits"]').text()).toBe('要求：≥ 1.1 米')
    expect(w.find('[data-test="item-C02"] [data-test="item-photo-required"]').exists()).toBe(true)
    expect(w.find('[data-test="item-C01"] [data-test="item-photo-required"]').exists()).toBe(false)

    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.patrols.createRecord).not.toHaveBeenCalled()
    expect(w.find('[data-test="item-C01"] [data-test="item-error-value"]').text()).toBe('请选择检查结果')
    expect(w.find('[data-test="item-C02"] [data-test="item-error-value"]').text()).toBe('请填写读数')
    expect(w.find('[data-test="fill-errors"]').text()).toContain('第 1 项 C01：请选择检查结果')

    // A reading below the limit shows 不合格 as it is typed; without its photo the form says so.
    await choose(w, 'answer-C01-pass')
    expect(w.find('[data-test="item-C01"] [data-test="item-error-value"]').exists()).toBe(false)
    await w.find('[data-test="answer-C02"]').setValue('0.9')
    expect(w.find('[data-test="item-C02"] [data-test="item-failing"]').text()).toBe('不合格')
    await w.find('[data-test="answer-C03"]').setValue('值班人员在岗')
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.patrols.createRecord).not.toHaveBeenCalled()
    expect(w.find('[data-test="item-C02"] [data-test="item-error-photo"]').text()).toBe('此检查项须拍照')
    expect(w.find('[data-test="fill-errors"]').text()).toContain('第 2 项 C02：此检查项须拍照')
    expect(w.find('[data-test="fill-progress"]').text()).toContain('已填 3 / 3 项')
    expect(w.find('[data-test="fill-progress"]').text()).toContain('1 项不合格')
  })

  it('shows the server’s reasons at their items and keeps what was typed; then sends and emits the record', async () => {
    const { w } = await mountPage(PatrolFillForm, '/patrol/place/102', user(OFFICER), { ...props, shift: 2, date: '2026-12-07' })
    await choose(w, 'answer-C01-fail')
    await w.find('[data-test="answer-C01-note"]').setValue(' 软管老化 ')
    await w.find('[data-test="answer-C02-na"]').trigger('click')
    await w.find('[data-test="answer-C03"]').setValue('正常')
    await w.find('[data-test="fill-note"]').setValue('已通知后勤')
    api.patrols.createRecord.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '巡查记录有误',
          details: [
            { field: 'answers[0].photo', reason: '此检查项须拍照' },
            { field: 'answers', reason: '检查项 C03（值班情况）未填写' },
          ],
        },
        null,
      ),
    )
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.patrols.createRecord).toHaveBeenCalledWith({
      plan_id: 5,
      date: '2026-12-07',
      shift: 2,
      note: '已通知后勤',
      answers: [
        { item_key: 'C01', value: 'fail', note: '软管老化', file_ids: [] },
        { item_key: 'C02', value: 'na', note: '', file_ids: [] },
        { item_key: 'C03', value: '正常', note: '', file_ids: [] },
      ],
    })
    expect(w.find('[data-test="item-C01"] [data-test="item-error-photo"]').text()).toBe('此检查项须拍照')
    expect(w.find('[data-test="item-C03"] [data-test="item-error-other"]').text()).toBe('检查项 C03（值班情况）未填写')
    expect(w.find('[data-test="item-C01"]').classes()).toContain('invalid')
    const summary = w.find('[data-test="fill-errors"]').text()
    expect(summary).toContain('提交未通过，请修改以下 2 处')
    expect(summary).toContain('第 1 项 C01：此检查项须拍照')
    // What was typed stays.
    expect((w.find('[data-test="answer-C01-fail"] input').element as HTMLInputElement).checked).toBe(true)
    expect((w.find('[data-test="answer-C01-note"]').element as HTMLInputElement).value).toBe(' 软管老化 ')
    expect((w.find('[data-test="answer-C03"]').element as HTMLTextAreaElement).value).toBe('正常')

    api.patrols.createRecord.mockResolvedValueOnce(record())
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.patrols.createRecord).toHaveBeenCalledTimes(2)
    expect(w.emitted('saved')?.[0]).toEqual([record()])
    expect(w.find('[data-test="fill-errors"]').exists()).toBe(false)
  })
})

describe('PatrolPlace', () => {
  const place = {
    school_id: 21,
    school_name: '示范区双桥小学',
    key_place: { id: 102, name: '学生食堂', kind: 'canteen', kind_label: '食堂', building: '食堂' },
    plans: [{ ...plan, items, today: [slot()] }],
    can_record: true,
  }

  it('names the place and school, chooses the only plan and opens the record after saving', async () => {
    api.patrols.place.mockResolvedValue(place)
    const { w, router } = await mountPage(PatrolPlace, '/patrol/place/102', user(OFFICER))
    expect(api.patrols.place).toHaveBeenCalledWith(102)
    expect(w.find('[data-test="place-name"]').text()).toBe('学生食堂')
    // The building only when it says more than the kind.
    expect(w.find('[data-test="place-school"]').text()).toMatch(/^示范区双桥小学 · 食堂 · 今天 \d{4}-\d{2}-\d{2}$/)
    expect(w.find('[data-test="place-slot-5-0"]').text()).toBe('待巡查')
    expect(w.find('[data-test="patrol-fill"]').exists()).toBe(true)
    expect(w.find('[data-test="place-late"]').exists()).toBe(false)
    api.patrols.createRecord.mockResolvedValue(record({ id: 41 }))
    await choose(w, 'answer-C01-pass')
    await w.find('[data-test="answer-C02-na"]').trigger('click')
    await w.find('[data-test="answer-C03"]').setValue('正常')
    await w.find('[data-test="fill-submit"]').trigger('click')
    await flushPromises()
    expect(api.patrols.createRecord.mock.calls[0][0]).toMatchObject({ plan_id: 5 })
    expect(api.patrols.createRecord.mock.calls[0][0].date).toBeUndefined()
    expect(router.currentRoute.value.fullPath).toBe('/patrols/records/41')
  })

  it('asks for the plan when several run; a late entry says its day; a shift plan asks for the shift', async () => {
    api.patrols.place.mockResolvedValue({
      ...place,
      plans: [
        place.plans[0],
        {
          ...plan,
          id: 6,
          frequency: 'shift',
          shifts: ['12:00', '21:30'],
          items,
          today: [slot({ plan_id: 6, shift: 1, shift_time: '12:00', state: 'done', record_id: 39 }), slot({ plan_id: 6, shift: 2, shift_time: '21:30', state: 'upcoming' })],
        },
      ],
    })
    const yesterday = addDays(chinaToday(), -1)
    const { w } = await mountPage(PatrolPlace, `/patrol/place/102?plan_id=6&date=${yesterday}`, user(OFFICER))
    expect(w.find('[data-test="place-shifts"]').exists()).toBe(true)
    // The first shift not done.
    expect((w.find('[data-test="place-shift-2"] input').element as HTMLInputElement).checked).toBe(true)
    expect(w.find('[data-test="place-late"]').text()).toContain(`补录 ${yesterday} 的巡查`)
    await w.find('[data-test="place-shift-1"] input').setValue(true)
    await flushPromises()
    expect(w.find('[data-test="place-late"]').exists()).toBe(true)
  })

  it('shows the plans but no form without patrol:record, nor when the server says no', async () => {
    api.patrols.place.mockResolvedValue(place)
    const { w } = await mountPage(PatrolPlace, '/patrol/place/102', user(['patrol:read']))
    expect(w.find('[data-test="place-plans"]').exists()).toBe(true)
    expect(w.find('[data-test="patrol-fill"]').exists()).toBe(false)
    document.body.innerHTML = ''
    api.patrols.place.mockResolvedValue({ ...place, can_record: false })
    const again = await mountPage(PatrolPlace, '/patrol/place/102', user(OFFICER))
    expect(again.w.find('[data-test="place-plans"]').exists()).toBe(true)
    expect(again.w.find('[data-test="patrol-fill"]').exists()).toBe(false)
  })

  it('shows 不存在 for a place outside the scope', async () => {
    api.patrols.place.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '不存在', details: [] }, null))
    const { w } = await mountPage(PatrolPlace, '/patrol/place/999', user(OFFICER))
    expect(w.find('[data-test="patrol-place"]').exists()).toBe(false)
    expect(w.text()).toContain('不在您的管辖范围内')
  })
})

describe('PatrolRecordDetail', () => {
  it('shows verdicts and photos; raises a failed item with its domain and level preselected', async () => {
    api.patrols.record.mockResolvedValue(record())
    const { w } = await mountPage(PatrolRecordDetail, '/patrols/records/40', user(OFFICER))
    expect(w.find('[data-test="record-failed"]').text()).toBe('1 项不合格')
    const failed = w.find('[data-test="answer-C01"]')
    expect(failed.find('[data-test="answer-verdict"]').text()).toBe('不合格')
    expect(failed.find('[data-test="answer-photo"] img').attributes('src')).toBe('/api/v1/files/77')
    expect(w.find('[data-test="answer-C02"] [data-test="answer-raise"]').exists()).toBe(false)
    await failed.find('[data-test="answer-raise"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-test="raise-item"]')?.textContent).toContain('C01')
    api.patrols.raiseHazard.mockResolvedValue(record({ answers: [answer({ hazard_id: 88 })] }))
    api.patrols.record.mockResolvedValue(record({ answers: [answer({ hazard_id: 88 })] }))
    ;(document.querySelector('[data-test="raise-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    expect(api.patrols.raiseHazard).toHaveBeenCalledWith(40, { item_key: 'C01', domain: 'gas', level: 'major' })
    expect(w.find('[data-test="answer-C01"] [data-test="answer-hazard"]').attributes('href')).toBe('/hazards/88')
    expect(w.find('[data-test="answer-C01"] [data-test="answer-raise"]').exists()).toBe(false)
  })

  it('offers no 转为隐患 without hazard:report, nor when the server says no', async () => {
    api.patrols.record.mockResolvedValue(record())
    const { w } = await mountPage(PatrolRecordDetail, '/patrols/records/40', user(['patrol:read', 'patrol:record']))
    expect(w.find('[data-test="answer-raise"]').exists()).toBe(false)
    document.body.innerHTML = ''
    api.patrols.record.mockResolvedValue(record({ can_raise: false }))
    const again = await mountPage(PatrolRecordDetail, '/patrols/records/40', user(OFFICER))
    expect(again.w.find('[data-test="answer-raise"]').exists()).toBe(false)
  })
})

describe('PatrolSchedule', () => {
  it('filters from the home card’s link, marks 漏巡 red and offers 去巡查 for a due slot', async () => {
    api.patrols.schedule.mockResolvedValue({
      items: [slot({ state: 'missed', date: '2026-12-01' }), slot(), slot({ plan_id: 6, state: 'done', record_id: 40, place_name: '食堂燃气间' })],
    })
    const { w, router } = await mountPage(PatrolSchedule, '/patrols?state=due', user(OFFICER))
    expect(api.patrols.schedule).toHaveBeenCalledWith(expect.objectContaining({ state: 'due' }))
    const states = w.findAll('[data-test="row-state"]')
    expect(states.map((s) => s.text())).toEqual(['已巡查', '待巡查', '漏巡'])
    expect(states[2].classes()).toContain('el-tag--danger')
    expect(w.find('[data-test="slot-5-2026-12-08-0"] [data-test="slot-go"]').exists()).toBe(true)
    expect(w.find('[data-test="slot-6-2026-12-08-0"] [data-test="slot-record"]').attributes('href')).toBe('/patrols/records/40')
    await w.find('[data-test="slot-5-2026-12-08-0"] [data-test="slot-go"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/patrol/place/102?plan_id=5')
  })
})

describe('PatrolPlanList', () => {
  it('lists the plans; a plan with patrols is not removed: the page says so and offers its end date', async () => {
    api.patrols.plans.mockResolvedValue({ items: [plan, { ...plan, id: 6, frequency: 'shift', shifts: ['12:00', '21:30'] }], total: 2 })
    api.schools.get.mockResolvedValue({ id: 21, key_places: [{ id: 102, kind: 'canteen', name: '学生食堂', building: '食堂' }] })
    api.checklists.list.mockResolvedValue({ items: [], total: 0 })
    api.checklists.get.mockResolvedValue({ items })
    const { w } = await mountPage(PatrolPlanList, '/patrols/plans', user(OFFICER))
    expect(api.patrols.plans).toHaveBeenCalledWith({ active: true })
    expect(w.findAll('[data-test="row-frequency"]').map((x) => x.text())).toEqual(['每日', '每班次（12:00、21:30）'])
    api.patrols.removePlan.mockRejectedValue(
      new ApiError(
        409,
        {
          code: 'failed_precondition',
          message: '该计划已有 3 条巡查记录，不能删除；请设置结束日期停止该计划',
          details: [{ field: 'patrol_plan.has_records', reason: '该计划已有 3 条巡查记录，不能删除；请设置结束日期停止该计划' }],
        },
        null,
      ),
    )
    await w.find('[data-test="plan-5"] [data-test="row-delete"]').trigger('click')
    await flushPromises()
    expect(api.confirm).toHaveBeenCalledTimes(2)
    expect(api.confirm.mock.calls[1][0]).toBe('该计划已有 3 条巡查记录，不能删除；请设置结束日期停止该计划。已有的巡查记录会保留。现在修改该计划的结束日期吗？')
    // Accepted: the plan's dialog opens, its place loaded from the school.
    expect(document.querySelector('[data-test="patrol-plan-dialog"]')).not.toBeNull()
    expect(api.schools.get).toHaveBeenCalledWith(21)
  })

  it('gives the bureau a school filter and no 新建计划 without patrol:manage', async () => {
    api.patrols.plans.mockResolvedValue({ items: [plan], total: 1 })
    api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
    const { w } = await mountPage(PatrolPlanList, '/patrols/plans', user(['patrol:read', 'school:read'], BUREAU))
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-qr"]').exists()).toBe(true)
  })
})
