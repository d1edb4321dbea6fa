// 校车台账: the five tabs (线路 first, also from a link), each registry's list (its columns, the state
// today — 合格 / 临期提醒 / 不合格 / 已停用 — and the failing and warning reasons), the search (keyword,
// 含已停用; the school for the bureau, kept across the tabs and taken from a link), who may register
// and edit, cards on a phone with the reasons under the title; the form — a route's vehicle, driver
// and monitor chosen among the school's records (plate and seats, name and licence class, those
// failing marked), the server's refusal shown at the vehicle field and gone once another is chosen,
// the payload; a bureau user choosing the school (its providers then offered), a vehicle's licence
// class shown from its seats; an edit with 在用 off and the version read, a conflict reloading;
// each registry in and out of Excel (导入 through the shared ImportDialog for bus:manage, all or
// nothing, the list reloaded after it; 导出 for bus:read); a record opened from a link (?id=);
// 出行用车 (the sixth tab): the outings with their day, purpose and destination, vehicle, driver and
// riders, the state judged on the day and said so, no spreadsheets; the outing form — its rented
// vehicles first and marked, a new outing not before today, the return after the departure, the
// server's refusal on the day at the vehicle and riders fields, the payload; an edit with the version.
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
import type { BusRecord } from '@/api/bus'
import {
  BUREAU,
  MANAGER_PERMS,
  READER_PERMS,
  TODAY,
  driver,
  expiredVehicle,
  monitor,
  outing,
  pastOuting,
  provider,
  rentedCoach,
  route,
  user,
  vehicle,
} from './fixtures'

const api = vi.hoisted(() => ({
  bus: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), survey: vi.fn(), exportSurvey: vi.fn() },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/bus', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/bus')>()
  return { ...real, busApi: api.bus }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import BusRegistry from '../BusRegistry.vue'
import ImportDialog from '@/components/ImportDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/bus') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/bus', name: 'bus', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(BusRegistry, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('bus-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const dialogTitle = () => $('bus-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}
const select = (w: VueWrapper, test: string) => component(w, 'ElSelect', test)
const optionLabels = (w: VueWrapper, test: string) =>
  select(w, test)
    .findAllComponents({ name: 'ElOption' })
    .map((o) => o.props('label'))

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function tick(test: string, checked: boolean): Promise<void> {
  const box = document.querySelector<HTMLInputElement>(`[data-test="${test}"] input`)
  expect(box, test).toBeTruthy()
  box!.checked = checked
  box!.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function openTab(w: VueWrapper, kind: string): Promise<void> {
  await w.find(`#tab-${kind}`).trigger('click')
  await settle()
}

const OFFICER = () => user(MANAGER_PERMS)
const OFFICE = () => user(MANAGER_PERMS, BUREAU, 'safety_office')
const INSPECTOR = () => user(READER_PERMS, BUREAU, 'inspector')
const desk = window.innerWidth

const RECORDS: Record<string, () => BusRecord[]> = {
  routes: () => [
    route(),
    route({
      id: 42,
      name: '双桥—河西线',
      stops: '',
      riders: 25,
      monitor_id: null,
      monitor_name: '',
      state: 'fail',
      checks: [{ rule_id: 'bus.monitor', title: '每条校车线路配备照管人员', outcome: 'fail', outcome_label: '未达标', reason: '未配备照管人员' }],
    }),
  ],
  vehicles: () => [vehicle(), expiredVehicle()],
  drivers: () => [driver(), driver({ id: 22, name: '李卫东', licence_class: 'B1', provider_id: null, provider_name: '' })],
  monitors: () => [monitor()],
  providers: () => [provider()],
  outings: () => [
    outing(),
    outing({
      id: 52,
      purpose: '春季研学旅行',
      destination: '湘湖景区',
      date: '2026-12-09',
      vehicle_id: 12,
      vehicle_plate: '浙A52702',
      riders: 25,
      state: 'fail',
      checks: [{ rule_id: 'bus.permit', title: '校车标牌在有效期内', outcome: 'fail', outcome_label: '未达标', reason: '校车标牌已过期（2026-11-30）' }],
    }),
    pastOuting(),
  ],
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.bus), api.schools.list, api.saveDownload]) fn.mockReset()
  api.bus.list.mockImplementation(async (kind: string) => {
    const items = RECORDS[kind]()
    return { items, total: items.length }
  })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('校车台账: the lists', () => {
  it('opens on 线路 with the six tabs: a school’s routes, their vehicle, driver, monitor and riders, the state and reasons', async () => {
    const w = await mountPage(OFFICER())
    expect(w.findAll('[data-test^="tab-"]').map((x) => x.text())).toEqual(['线路', '车辆', '驾驶人', '照管人员', '服务单位', '出行用车'])
    expect($('outings-note')).toBeNull()
    expect(api.bus.list).toHaveBeenCalledWith('routes', { page: 1, page_size: 10 })
    // A school's staff: no school column or filter.
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).toEqual([
      '线路名称',
      '状态',
      '发车时间',
      '车辆',
      '驾驶人',
      '照管人员',
      '乘车学生',
      '操作',
    ])
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(w.find('[data-test="add"]').text()).toBe('新增线路')

    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="row-name"]').text()).toBe('双桥—河东线')
    expect(rows[0].find('[data-test="row-sub"]').text()).toBe('河东村、青石桥、双桥小学')
    expect(rows[0].find('[data-test="row-times"]').text()).toBe('07:00 / 16:30')
    expect(rows[0].find('[data-test="row-vehicle"]').text()).toBe('浙A52701')
    expect(rows[0].find('[data-test="row-driver"]').text()).toBe('王建国')
    expect(rows[0].find('[data-test="row-monitor"]').text()).toBe('赵秀兰')
    expect(rows[0].find('[data-test="row-riders"]').text()).toBe('32')
    expect(rows[0].find('[data-test="row-state"]').text()).toBe('合格')
    expect(rows[0].find('[data-test="row-state"]').classes()).toContain('el-tag--success')
    expect(rows[0].find('[data-test="row-problems"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="row-monitor"]').text()).toBe('未安排')
    expect(rows[1].find('[data-test="row-state"]').text()).toBe('不合格')
    expect(rows[1].find('[data-test="row-problems"]').text()).toBe('未配备照管人员')
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(2)
  })

  it('shows the vehicles with their permits, a failing one with its reasons, a warning after the failure', async () => {
    const w = await mountPage(OFFICER())
    await openTab(w, 'vehicles')
    expect(api.bus.list).toHaveBeenLastCalledWith('vehicles', { page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').text()).toBe('新增车辆')
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads.slice(0, 4)).toEqual(['车牌号', '状态', '核定载人', '准驾车型要求'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows[0].find('[data-test="row-name"]').text()).toBe('浙A52701')
    expect(rows[0].find('[data-test="row-seats"]').text()).toBe('39 座')
    expect(rows[0].find('[data-test="row-state"]').text()).toBe('合格')
    expect(rows[1].find('[data-test="row-name"]').text()).toBe('浙A52702')
    expect(rows[1].find('[data-test="row-state"]').classes()).toContain('el-tag--danger')
    const problems = rows[1].findAll('[data-test="problem"]')
    expect(problems.map((p) => p.text())).toEqual(['校车标牌已过期（2026-11-30）', '安全技术检验将于 2026-12-20 到期'])
    expect(problems[0].attributes('title')).toBe('校车标牌在有效期内')
    expect(problems[0].classes()).toContain('problem--fail')
    expect(problems[1].classes()).toContain('problem--warn')

    await openTab(w, 'drivers')
    expect(w.findAll('[data-test="row-background"]').map((x) => x.text())).toEqual(['无不良记录', '无不良记录'])
    await openTab(w, 'monitors')
    expect(w.find('[data-test="row-trained_on"]').text()).toBe('2026-08-25')
    await openTab(w, 'providers')
    expect(w.find('[data-test="row-name"]').text()).toBe('示范区平安校车服务有限公司')
    expect(w.find('[data-test="add"]').text()).toBe('新增服务单位')
  })

  it('searches by keyword and 含已停用', async () => {
    const w = await mountPage(OFFICER())
    await tick('search-inactive', true)
    await type('search-q', ' 河东 ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.bus.list).toHaveBeenLastCalledWith('routes', { include_inactive: true, q: '河东', page: 1, page_size: 10 })
  })

  it('lets a reader without bus:manage read only; the bureau sees the school and keeps it across the tabs', async () => {
    const w = await mountPage(INSPECTOR())
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads[0]).toBe('学校')
    expect(heads).not.toContain('操作')
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.bus.list).toHaveBeenLastCalledWith('routes', { unit_id: 22, page: 1, page_size: 10 })
    await openTab(w, 'drivers')
    expect(api.bus.list).toHaveBeenLastCalledWith('drivers', { unit_id: 22, page: 1, page_size: 10 })
    expect(select(w, 'search-school_id').props('modelValue')).toBe(22)
  })

  it('takes the school and the tab from a link (校车底数’s school)', async () => {
    await mountPage(OFFICE(), '/bus?unit_id=21&tab=vehicles')
    expect(api.bus.list).toHaveBeenCalledWith('vehicles', { unit_id: 21, page: 1, page_size: 10 })
  })

  it('does not offer 修改 on a record the user may not edit', async () => {
    api.bus.list.mockResolvedValue({ items: [route({ can_edit: false })], total: 1 })
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
  })

  it('shows cards on a phone, the state by the title and the reasons under it', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER(), '/bus?tab=vehicles')
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(2)
    expect(cards[0].find('[data-test="card-name"]').text()).toBe('浙A52701')
    expect(cards[0].find('[data-test="card-state"]').text()).toBe('合格')
    expect(cards[0].find('[data-test="card-problems"]').exists()).toBe(false)
    expect(cards[0].find('[data-test="card-seats"]').text()).toBe('核定载人 39 座')
    expect(cards[1].find('[data-test="card-state"]').text()).toBe('不合格')
    expect(cards[1].find('[data-test="card-problems"]').text()).toContain('校车标牌已过期（2026-11-30）')
    // The reasons come right under the title, before the details.
    const order = [...cards[1].element.children].map((c) => c.getAttribute('data-test') ?? c.className)
    expect(order.indexOf('card-problems')).toBe(1)
    expect(cards[1].find('[data-test="row-edit"]').exists()).toBe(true)
  })
})

describe('校车台账: the form', () => {
  it('adds a route: the school’s vehicles, drivers and monitors to choose, the refusal at the vehicle, then saved', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect(dialogTitle()).toBe('登记校车线路')
    expect($('field-unit-fixed')?.textContent).toBe('示范区双桥小学')
    expect($('field-active')).toBeNull()
    for (const kind of ['vehicles', 'drivers', 'monitors']) {
      expect(api.bus.list).toHaveBeenCalledWith(kind, { unit_id: 21, page: 1, page_size: 500 })
    }
    expect(optionLabels(w, 'field-vehicle_id')).toEqual(['浙A52701（39座）', '浙A52702（19座）'])
    expect(optionLabels(w, 'field-driver_id')).toEqual(['王建国（A1）', '李卫东（B1）'])
    expect(optionLabels(w, 'field-monitor_id')).toEqual(['赵秀兰'])
    // The failing vehicle is marked among the choices.
    const options = select(w, 'field-vehicle_id').findAllComponents({ name: 'ElOption' })
    expect(options[1].text()).toContain('不合格')
    expect(options[0].text()).not.toContain('不合格')

    $('save')!.click()
    await settle()
    expect(api.bus.create).not.toHaveBeenCalled()
    expect(errorOf('field-name')).toBe('请填写线路名称')

    await type('field-name', ' 双桥—河西线 ')
    select(w, 'field-vehicle_id').vm.$emit('update:modelValue', 12)
    select(w, 'field-driver_id').vm.$emit('update:modelValue', 21)
    select(w, 'field-monitor_id').vm.$emit('update:modelValue', 31)
    component(w, 'ElInputNumber', 'field-riders').vm.$emit('update:modelValue', 15)
    await settle()
    expect($('seats-hint')?.textContent).toBe('乘车学生不得超过车辆核定载人数（浙A52702：19 座）')
    api.bus.create.mockRejectedValueOnce(
      new ApiError(
        422,
        { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'vehicle_id', reason: '车辆不符合校车条件：校车标牌已过期（2026-11-30）' }] },
        null,
      ),
    )
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenCalledWith('routes', {
      unit_id: 21,
      name: '双桥—河西线',
      stops: '',
      leave_at: '',
      return_at: '',
      riders: 15,
      vehicle_id: 12,
      driver_id: 21,
      monitor_id: 31,
      note: '',
    })
    expect(errorOf('field-vehicle_id')).toBe('车辆不符合校车条件：校车标牌已过期（2026-11-30）')
    expect(dialogOpen()).toBe(true)

    // Another vehicle: the reason goes; saved and listed again.
    select(w, 'field-vehicle_id').vm.$emit('update:modelValue', 11)
    await settle()
    expect(errorOf('field-vehicle_id')).toBeFalsy()
    api.bus.create.mockResolvedValue(route({ id: 43, name: '双桥—河西线' }))
    const loads = api.bus.list.mock.calls.filter((c) => c[0] === 'routes').length
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenLastCalledWith('routes', expect.objectContaining({ vehicle_id: 11, riders: 15 }))
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记')
    expect(dialogOpen()).toBe(false)
    expect(api.bus.list.mock.calls.filter((c) => c[0] === 'routes').length).toBe(loads + 1)
  })

  it('lists a reason no field shows above the form', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    await type('field-name', '双桥—河西线')
    api.bus.create.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'school', reason: '学校不在管辖范围内' }] }, null),
    )
    $('save')!.click()
    await settle()
    expect($('bus-errors')?.textContent).toContain('school：学校不在管辖范围内')
    void w
  })

  it('asks a bureau user for the school, then offers its providers; a vehicle’s licence class shows from its seats', async () => {
    const w = await mountPage(OFFICE(), '/bus?tab=vehicles')
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogTitle()).toBe('登记校车')
    expect(select(w, 'field-provider_id').props('disabled')).toBe(true)
    await type('field-plate', '浙a 52703')
    component(w, 'ElInputNumber', 'field-seats').vm.$emit('update:modelValue', 15)
    await settle()
    expect($('required-class')?.textContent).toBe('驾驶人须持 B1 或可以驾驶 B1 车型的驾驶证')
    $('save')!.click()
    await settle()
    expect(api.bus.create).not.toHaveBeenCalled()
    expect(errorOf('field-unit_id')).toBe('请选择学校')

    select(w, 'field-unit_id').vm.$emit('update:modelValue', 22)
    select(w, 'field-unit_id').vm.$emit('change', 22)
    await settle()
    expect(api.bus.list).toHaveBeenCalledWith('providers', { unit_id: 22, page: 1, page_size: 500 })
    expect(optionLabels(w, 'field-provider_id')).toEqual(['示范区平安校车服务有限公司'])
    select(w, 'field-provider_id').vm.$emit('update:modelValue', 1)
    await tick('field-rented', true)
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2027-09-30')
    await settle()
    api.bus.create.mockResolvedValue(vehicle({ id: 13, unit_id: 22 }))
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenCalledWith('vehicles', {
      unit_id: 22,
      provider_id: 1,
      plate: '浙a 52703',
      seats: 15,
      permit_no: '',
      permit_until: '2027-09-30',
      inspected_on: '',
      insurance_until: '',
      gps: true,
      rented: true,
      note: '',
    })
    expect(dialogOpen()).toBe(false)
  })

  it('records a driver’s background check; the birth and licence class are required', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=drivers')
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(
      select(w, 'field-licence_class')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'C1'])
    expect($('field-background')?.textContent).toContain('有饮酒后驾驶或者醉酒驾驶机动车记录')
    await type('field-name', '孙立')
    $('save')!.click()
    await settle()
    expect(api.bus.create).not.toHaveBeenCalled()
    expect(errorOf('field-birth')).toBe('请选择出生日期')
    expect(errorOf('field-licence_class')).toBe('请选择准驾车型')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '1980-02-02')
    select(w, 'field-licence_class').vm.$emit('update:modelValue', 'A1')
    await tick('field-bus_endorsement', true)
    await tick('field-drink_driving', true)
    await settle()
    api.bus.create.mockResolvedValue(driver({ id: 23, name: '孙立' }))
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenCalledWith(
      'drivers',
      expect.objectContaining({
        unit_id: 21,
        name: '孙立',
        birth: '1980-02-02',
        licence_class: 'A1',
        bus_endorsement: true,
        drink_driving: true,
        criminal_record: false,
      }),
    )
  })

  it('edits a monitor with 在用 off and the version read; a conflict reloads the list', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=monitors')
    await w.find('[data-test="row-edit"]').trigger('click')
    await settle()
    expect(dialogTitle()).toBe('修改照管人员')
    expect(($('field-name') as HTMLInputElement).value).toBe('赵秀兰')
    expect(component(w, 'ElSwitch', 'field-active').props('modelValue')).toBe(true)
    component(w, 'ElSwitch', 'field-active').vm.$emit('update:modelValue', false)
    await settle()
    api.bus.update.mockRejectedValueOnce(new ApiError(409, { code: 'bus.stale', message: '这条记录刚被他人修改，请刷新后再试', details: [] }, null))
    const loads = api.bus.list.mock.calls.length
    $('save')!.click()
    await settle()
    expect(api.bus.update).toHaveBeenCalledWith('monitors', 31, { name: '赵秀兰', trained_on: '2026-08-25', note: '', active: false, version: 2 })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这条记录刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(api.bus.list.mock.calls.length).toBe(loads + 1)
  })

  it('edits a route whose vehicle is no longer in use: it stays among the choices', async () => {
    api.bus.list.mockImplementation(async (kind: string) => {
      const items = kind === 'vehicles' ? [vehicle()] : kind === 'routes' ? [route({ vehicle_id: 19, vehicle_plate: '浙A00019' })] : RECORDS[kind]()
      return { items, total: items.length }
    })
    const w = await mountPage(OFFICER())
    await w.find('[data-test="row-edit"]').trigger('click')
    await settle()
    expect(dialogTitle()).toBe('修改校车线路')
    expect(optionLabels(w, 'field-vehicle_id')).toEqual(['浙A52701（39座）', '浙A00019'])
    expect(select(w, 'field-vehicle_id').props('modelValue')).toBe(19)
  })
})

describe('校车台账: in and out of Excel', () => {
  const fetchMock = vi.fn()
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  const xlsx = (name: string) =>
    new Response(new Blob(['x']), { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })
  const loadsOf = (kind: string) => api.bus.list.mock.calls.filter((c) => c[0] === kind && c[1]?.page_size !== 500).length

  async function pickFile(name: string): Promise<void> {
    const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
  }

  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('offers 导入 and 导出 on each tab to a holder of bus:manage, only 导出 to a reader', async () => {
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="import"]').text()).toBe('导入')
    expect(w.find('[data-test="export"]').text()).toBe('导出')
    await openTab(w, 'providers')
    expect(w.find('[data-test="import"]').exists()).toBe(true)
    w.unmount()
    document.body.innerHTML = ''

    const reader = await mountPage(INSPECTOR())
    expect(reader.find('[data-test="import"]').exists()).toBe(false)
    expect(reader.find('[data-test="export"]').exists()).toBe(true)
    expect(reader.findComponent(ImportDialog).exists()).toBe(false)
  })

  it.each([
    ['routes', '校车线路', '线路名称'],
    ['vehicles', '校车车辆', '车牌号'],
    ['drivers', '校车驾驶人', '姓名和出生日期'],
    ['monitors', '校车照管人员', '姓名'],
    ['providers', '校车服务单位', '单位名称'],
  ])('opens the import of %s: all or nothing, the list as the query of the upload and the template', async (kind, what, key) => {
    const w = await mountPage(OFFICER(), `/bus?tab=${kind}`)
    await w.find('[data-test="import"]').trigger('click')
    await settle()
    expect(w.findComponent(ImportDialog).props()).toMatchObject({
      modelValue: true,
      what,
      importPath: '/api/v1/bus/import',
      templatePath: '/api/v1/bus/import-template',
      templateQuery: { list: kind },
      extraQuery: { list: kind },
      allowUpdate: false,
      allowPartial: false,
      sendFormat: true,
    })
    expect($('import-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe(`导入${what}`)
    expect($('bus-import-note')?.textContent).toContain(`该校${key}相同的记录更新，其余新增`)
    expect(document.querySelectorAll('[data-test="import-dialog"] .el-checkbox')).toHaveLength(0)

    fetchMock.mockResolvedValueOnce(xlsx(`${what}导入模板.xlsx`))
    $('template')!.click()
    await settle()
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/bus/import-template?list=${kind}`)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('uploads the file with its list and format; a refused file lists its rows and writes nothing, a written one reloads the list', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=vehicles')
    const before = loadsOf('vehicles')
    await w.find('[data-test="import"]').trigger('click')
    await settle()
    await pickFile('校车车辆.xlsx')
    fetchMock.mockResolvedValueOnce(
      json({ rows: 2, created: 0, updated: 0, removed: 0, failed: 1, applied: false, errors: [{ row: 3, column: '车牌号', reason: '车牌号格式不正确' }] }, 422),
    )
    $('import-start')!.click()
    await settle()
    const [url, init] = fetchMock.mock.calls[0]
    expect(String(url).split('?')[0]).toBe('/api/v1/bus/import')
    expect(Object.fromEntries(new URLSearchParams(String(url).split('?')[1]))).toEqual({ list: 'vehicles', format: 'xlsx' })
    expect((init as RequestInit).method).toBe('POST')
    expect($('import-summary')?.textContent).toContain('共 1 行有错误，未写入任何数据')
    expect($('import-errors')?.textContent).toContain('车牌号格式不正确')
    expect(loadsOf('vehicles')).toBe(before)

    // A wrong header: refused as a whole, said in the dialog.
    fetchMock.mockResolvedValueOnce(
      json({ error: { code: 'invalid_argument', message: '请使用校车车辆导入模板', details: [{ field: 'file', reason: '请使用校车车辆导入模板' }] } }, 422),
    )
    $('import-start')!.click()
    await settle()
    expect($('import-summary')?.textContent).toContain('文件未通过检查，未写入任何数据')
    expect(loadsOf('vehicles')).toBe(before)

    fetchMock.mockResolvedValueOnce(json({ rows: 2, created: 1, updated: 1, removed: 0, failed: 0, applied: true, errors: [] }))
    await pickFile('校车车辆.csv')
    $('import-start')!.click()
    await settle()
    expect(Object.fromEntries(new URLSearchParams(String(fetchMock.mock.calls[2][0]).split('?')[1]))).toEqual({ list: 'vehicles', format: 'csv' })
    expect($('import-summary')?.textContent?.trim()).toBe('导入完成：新增 1 条，更新 1 条')
    expect(loadsOf('vehicles')).toBe(before + 1)
  })

  it('exports the tab’s registry of every school in scope, not the search', async () => {
    const w = await mountPage(INSPECTOR(), '/bus?tab=drivers&q=王')
    fetchMock.mockResolvedValueOnce(xlsx('校车驾驶人.xlsx'))
    await w.find('[data-test="export"]').trigger('click')
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v1/bus/export?list=drivers')
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
    expect(api.saveDownload.mock.calls[0][0].filename).toBe('校车驾驶人.xlsx')
  })
})

describe('校车台账: a record from a link', () => {
  it('opens the record’s form on the link’s tab (我的待办, the plan board), once', async () => {
    api.bus.get.mockResolvedValue(expiredVehicle())
    const w = await mountPage(OFFICER(), '/bus?tab=vehicles&id=12')
    expect(api.bus.get).toHaveBeenCalledWith('vehicles', 12)
    expect(dialogOpen()).toBe(true)
    expect(dialogTitle()).toBe('修改校车')
    expect(($('field-plate') as HTMLInputElement).value).toBe('浙A52702')
    $('cancel')?.click()
    await settle()

    // Another tab and back: the link is not followed again.
    await openTab(w, 'routes')
    await openTab(w, 'vehicles')
    expect(api.bus.get).toHaveBeenCalledTimes(1)
  })

  it('takes the school too (the bureau), and leaves a reader, or a record not theirs to edit, on the list', async () => {
    api.bus.get.mockResolvedValue(driver({ can_edit: false }))
    await mountPage(OFFICE(), '/bus?tab=drivers&unit_id=21&id=21')
    expect(api.bus.list).toHaveBeenCalledWith('drivers', { unit_id: 21, page: 1, page_size: 10 })
    expect(api.bus.get).toHaveBeenCalledWith('drivers', 21)
    expect(dialogOpen()).toBe(false)
    document.body.innerHTML = ''

    api.bus.get.mockClear()
    await mountPage(INSPECTOR(), '/bus?tab=drivers&unit_id=21&id=21')
    expect(api.bus.get).not.toHaveBeenCalled()
    expect($('bus-dialog')).toBeNull()
  })

  it('says so when the record is not found, and stays on the list', async () => {
    api.bus.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const w = await mountPage(OFFICER(), '/bus?tab=routes&id=99')
    expect(document.querySelector('.el-message--error')?.textContent).toContain('记录不存在')
    expect(dialogOpen()).toBe(false)
    expect(w.findAll('[data-test="table"] .el-table__body tbody tr')).toHaveLength(2)
  })
})

describe('校车台账: 出行用车', () => {
  const rentedFirst = () =>
    api.bus.list.mockImplementation(async (kind: string) => {
      const items = kind === 'vehicles' ? [vehicle(), expiredVehicle(), rentedCoach()] : RECORDS[kind]()
      return { items, total: items.length }
    })
  const timeSelects = (w: VueWrapper) => w.findAllComponents({ name: 'ElTimeSelect' })
  const datePicker = (w: VueWrapper) => w.findAllComponents({ name: 'ElDatePicker' })[0]

  it('lists the outings newest day first: the day, purpose and destination, vehicle, driver, riders, the state on the day with its reasons', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    expect(api.bus.list).toHaveBeenCalledWith('outings', { page: 1, page_size: 10 })
    expect(w.find('.el-tabs__item.is-active').text()).toBe('出行用车')
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).toEqual([
      '出行事由',
      '状态',
      '出行日期',
      '出发 / 返回',
      '车辆',
      '驾驶人',
      '照管人员',
      '乘车学生',
      '操作',
    ])
    expect(w.find('[data-test="add"]').text()).toBe('新增出行用车')
    expect($('outings-note')?.textContent).toContain('按出行当天核验')
    expect(($('search-q')?.querySelector('input') ?? ($('search-q') as HTMLInputElement)).getAttribute('placeholder')).toBe('出行事由或目的地')

    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows.map((r) => r.find('[data-test="row-name"]').text())).toEqual(['冬季社会实践活动', '春季研学旅行', '秋季研学旅行'])
    expect(rows[0].find('[data-test="row-sub"]').text()).toBe('前往 区青少年活动中心')
    expect(rows[0].find('[data-test="row-date"]').text()).toBe('2026-12-17')
    expect(rows[0].find('[data-test="row-times"]').text()).toBe('08:10 / 15:30')
    expect(rows[0].find('[data-test="row-vehicle"]').text()).toBe('浙A52701')
    expect(rows[0].find('[data-test="row-driver"]').text()).toBe('王建国')
    expect(rows[0].find('[data-test="row-monitor"]').text()).toBe('赵秀兰')
    expect(rows[0].find('[data-test="row-riders"]').text()).toBe('30')
    expect(rows[0].find('[data-test="row-state"]').text()).toBe('合格')
    expect(rows[1].find('[data-test="row-state"]').text()).toBe('不合格')
    expect(rows[1].find('[data-test="row-problems"]').text()).toBe('校车标牌已过期（2026-11-30）')
    expect(rows[2].find('[data-test="row-date"]').text()).toBe('2026-10-28')
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(3)
  })

  it('has no 导入 or 导出 (the outings are not kept in spreadsheets); a reader only reads them', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    expect(w.find('[data-test="import"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(false)
    expect(w.findComponent(ImportDialog).exists()).toBe(false)
    // Back on a registry kept in spreadsheets: both again.
    await openTab(w, 'routes')
    expect(w.find('[data-test="import"]').exists()).toBe(true)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    w.unmount()
    document.body.innerHTML = ''

    const reader = await mountPage(INSPECTOR(), '/bus?tab=outings&unit_id=21')
    expect(api.bus.list).toHaveBeenLastCalledWith('outings', { unit_id: 21, page: 1, page_size: 10 })
    expect(reader.find('[data-test="add"]').exists()).toBe(false)
    expect(reader.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(reader.find('[data-test="export"]').exists()).toBe(false)
    expect(reader.findAll('[data-test="table"] thead th').map((th) => th.text())[0]).toBe('学校')
  })

  it('searches the purpose or destination', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    await type('search-q', ' 研学 ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.bus.list).toHaveBeenLastCalledWith('outings', { q: '研学', page: 1, page_size: 10 })
  })

  it('shows cards on a phone: the purpose, the state and its reasons, the destination, the day, vehicle, driver and riders', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="card-name"]').text()).toBe('冬季社会实践活动')
    expect(cards[0].find('[data-test="card-sub"]').text()).toBe('前往 区青少年活动中心')
    expect(cards[0].find('[data-test="card-date"]').text()).toBe('出行日期 2026-12-17')
    expect(cards[0].find('[data-test="card-vehicle"]').text()).toBe('车辆 浙A52701')
    expect(cards[0].find('[data-test="card-driver"]').text()).toBe('驾驶人 王建国')
    expect(cards[0].find('[data-test="card-riders"]').text()).toBe('乘车学生 30')
    expect(cards[1].find('[data-test="card-state"]').text()).toBe('不合格')
    expect(cards[1].find('[data-test="card-problems"]').text()).toBe('校车标牌已过期（2026-11-30）')
    expect($('outings-note')).not.toBeNull()
  })

  it('adds an outing: rented vehicles first, the day not before today, the return after leaving, the refusal on the day at the vehicle, then saved', async () => {
    rentedFirst()
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect(dialogTitle()).toBe('登记出行用车')
    expect($('field-unit-fixed')?.textContent).toBe('示范区双桥小学')
    expect($('field-name')).toBeNull()
    expect($('field-stops')).toBeNull()
    expect($('field-active')).toBeNull()
    expect($('outing-hint')?.textContent).toContain('按出行当天核验')
    expect($('outing-vehicle-hint')?.textContent).toContain('租用车辆排在前面')
    for (const kind of ['vehicles', 'drivers', 'monitors']) {
      expect(api.bus.list).toHaveBeenCalledWith(kind, { unit_id: 21, page: 1, page_size: 500 })
    }
    expect(optionLabels(w, 'field-vehicle_id')).toEqual(['浙A6R001（45座，租用）', '浙A52701（39座）', '浙A52702（19座）'])
    expect(select(w, 'field-vehicle_id').findAllComponents({ name: 'ElOption' })[2].text()).toContain('不合格')
    expect(optionLabels(w, 'field-driver_id')).toEqual(['王建国（A1）', '李卫东（B1）'])
    expect(optionLabels(w, 'field-monitor_id')).toEqual(['赵秀兰'])
    // A new outing's day: today or later.
    const disabled = datePicker(w).props('disabledDate') as (d: Date) => boolean
    expect(disabled(new Date('2026-12-06T04:00:00Z'))).toBe(true)
    expect(disabled(new Date('2026-12-07T04:00:00Z'))).toBe(false)

    $('save')!.click()
    await settle()
    expect(api.bus.create).not.toHaveBeenCalled()
    expect(errorOf('field-purpose')).toBe('请填写出行事由')
    expect(errorOf('field-destination')).toBe('请填写目的地')
    expect(errorOf('field-date')).toBe('请选择出行日期')
    expect(errorOf('field-vehicle_id')).toBe('请选择出行车辆')
    expect(errorOf('field-driver_id')).toBe('请选择驾驶人')

    await type('field-purpose', ' 冬季研学 ')
    await type('field-destination', '市博物馆')
    datePicker(w).vm.$emit('update:modelValue', '2026-12-01')
    select(w, 'field-vehicle_id').vm.$emit('update:modelValue', 12)
    select(w, 'field-driver_id').vm.$emit('update:modelValue', 21)
    select(w, 'field-monitor_id').vm.$emit('update:modelValue', 31)
    component(w, 'ElInputNumber', 'field-riders').vm.$emit('update:modelValue', 12)
    timeSelects(w)[0].vm.$emit('update:modelValue', '15:00')
    timeSelects(w)[1].vm.$emit('update:modelValue', '08:00')
    await settle()
    expect($('seats-hint')?.textContent).toBe('乘车学生不得超过车辆核定载人数（浙A52702：19 座）')
    $('save')!.click()
    await settle()
    expect(api.bus.create).not.toHaveBeenCalled()
    expect(errorOf('field-date')).toBe('出行日期不能早于今天')
    expect(errorOf('field-return_at')).toBe('返回时间须晚于出发时间')

    datePicker(w).vm.$emit('update:modelValue', '2026-12-10')
    timeSelects(w)[0].vm.$emit('update:modelValue', '08:00')
    timeSelects(w)[1].vm.$emit('update:modelValue', '15:00')
    await settle()
    api.bus.create.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [{ field: 'vehicle_id', reason: '车辆在出行当天不符合校车条件：校车标牌已过期（2026-11-30）' }],
        },
        null,
      ),
    )
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenCalledWith('outings', {
      unit_id: 21,
      purpose: '冬季研学',
      destination: '市博物馆',
      date: '2026-12-10',
      leave_at: '08:00',
      return_at: '15:00',
      riders: 12,
      vehicle_id: 12,
      driver_id: 21,
      monitor_id: 31,
      note: '',
    })
    expect(errorOf('field-vehicle_id')).toBe('车辆在出行当天不符合校车条件：校车标牌已过期（2026-11-30）')
    expect(dialogOpen()).toBe(true)

    // The rented coach instead, with more riders than its seats: refused at the riders.
    select(w, 'field-vehicle_id').vm.$emit('update:modelValue', 13)
    component(w, 'ElInputNumber', 'field-riders').vm.$emit('update:modelValue', 50)
    await settle()
    expect(errorOf('field-vehicle_id')).toBeFalsy()
    api.bus.create.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'riders', reason: '乘车学生 50 人，超过核定载人数 45' }] }, null),
    )
    $('save')!.click()
    await settle()
    expect(errorOf('field-riders')).toBe('乘车学生 50 人，超过核定载人数 45')

    component(w, 'ElInputNumber', 'field-riders').vm.$emit('update:modelValue', 40)
    await settle()
    expect(errorOf('field-riders')).toBeFalsy()
    api.bus.create.mockResolvedValue(outing({ id: 53, purpose: '冬季研学', vehicle_id: 13, vehicle_plate: '浙A6R001' }))
    const loads = api.bus.list.mock.calls.filter((c) => c[0] === 'outings').length
    $('save')!.click()
    await settle()
    expect(api.bus.create).toHaveBeenLastCalledWith('outings', expect.objectContaining({ vehicle_id: 13, riders: 40 }))
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记')
    expect(dialogOpen()).toBe(false)
    expect(api.bus.list.mock.calls.filter((c) => c[0] === 'outings').length).toBe(loads + 1)
  })

  it('edits an outing already past with the version read: its day stays, 在用 says what 停用 means', async () => {
    const w = await mountPage(OFFICER(), '/bus?tab=outings')
    await w.findAll('[data-test="row-edit"]')[2].trigger('click')
    await settle()
    expect(dialogTitle()).toBe('修改出行用车')
    expect(($('field-purpose') as HTMLInputElement).value).toBe('秋季研学旅行')
    expect(datePicker(w).props('modelValue')).toBe('2026-10-28')
    expect(datePicker(w).props('disabledDate')).toBeUndefined()
    expect(select(w, 'field-vehicle_id').props('modelValue')).toBe(11)
    expect($('field-active')?.closest('.el-form-item')?.textContent).toContain('行程取消的，可停用')
    await type('field-destination', '市科技馆（新馆）')
    api.bus.update.mockResolvedValue(pastOuting({ destination: '市科技馆（新馆）', version: 2 }))
    $('save')!.click()
    await settle()
    expect(api.bus.update).toHaveBeenCalledWith('outings', 50, {
      purpose: '秋季研学旅行',
      destination: '市科技馆（新馆）',
      date: '2026-10-28',
      leave_at: '08:10',
      return_at: '15:30',
      riders: 36,
      vehicle_id: 11,
      driver_id: 21,
      monitor_id: 31,
      note: '',
      active: true,
      version: 1,
    })
    expect(dialogOpen()).toBe(false)
  })

  it('opens an outing from a link (?tab=outings&id=)', async () => {
    api.bus.get.mockResolvedValue(outing())
    await mountPage(OFFICER(), '/bus?tab=outings&id=51')
    expect(api.bus.get).toHaveBeenCalledWith('outings', 51)
    expect(dialogOpen()).toBe(true)
    expect(($('field-destination') as HTMLInputElement).value).toBe('区青少年活动中心')
  })
})
