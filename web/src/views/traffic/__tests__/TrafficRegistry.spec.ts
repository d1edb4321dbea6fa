// 校园交通: the three tabs (车辆 first, also from a link), the vehicles (plate, state today — 有效 / 未生效
// / 已过期 / 已停用 — class, owner, gates, hours, validity) and e-bikes (owner, 合格 / 待检查 / 不合格 with
// the reason, the plates and the check), the search (keyword, 含已停用, the class for vehicles; the
// school for the bureau, kept across the tabs), 门岗记录 (time, gate, plate or 无牌, kind, reason,
// recorder; filtered by kind and days), who may register and edit, cards on a phone; the form — a
// vehicle's gates as tags and hours as two times, the visitor's last day asked, the server's reason
// at its field, the payload; a bureau user choosing the school; an e-bike's modified only once
// checked; an edit with 在用 off and the version read, a conflict reloading; the vehicles and e-bikes in
// and out of Excel (导入 through the shared ImportDialog for traffic:manage, all or nothing, the list
// reloaded after it; 导出 for traffic:read; neither on 门岗记录).
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
import type { TrafficRecord } from '@/api/traffic'
import {
  BUREAU,
  MANAGER_PERMS,
  READER_PERMS,
  TODAY,
  ebike,
  modifiedEbike,
  noPlateEbike,
  refusal,
  staffCar,
  uncheckedEbike,
  user,
  vanRefusal,
  vehicle,
  visitorCar,
} from './fixtures'

const api = vi.hoisted(() => ({
  traffic: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), check: vi.fn(), refusals: vi.fn() },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/traffic', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/traffic')>()
  return { ...real, trafficApi: api.traffic }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import TrafficRegistry from '../TrafficRegistry.vue'
import ImportDialog from '@/components/ImportDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/traffic') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/traffic', name: 'traffic-campus', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(TrafficRegistry, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('traffic-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const dialogTitle = () => $('traffic-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}
const select = (w: VueWrapper, test: string) => component(w, 'ElSelect', test)

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

async function openTab(w: VueWrapper, tab: string): Promise<void> {
  await w.find(`#tab-${tab}`).trigger('click')
  await settle()
}

const OFFICER = () => user(MANAGER_PERMS)
const OFFICE = () => user(['traffic:read', 'traffic:manage', 'school:read'], BUREAU, 'safety_office')
const INSPECTOR = () => user(READER_PERMS, BUREAU, 'inspector')
const desk = window.innerWidth

const RECORDS: Record<string, () => TrafficRecord[]> = {
  vehicles: () => [vehicle(), staffCar(), visitorCar({ validity: 'expired' }), staffCar({ id: 12, plate: '浙A81011', owner: '陈老师', active: false, validity: 'inactive' })],
  ebikes: () => [ebike(), noPlateEbike(), modifiedEbike(), uncheckedEbike()],
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.traffic), api.schools.list, api.saveDownload]) fn.mockReset()
  api.traffic.list.mockImplementation(async (kind: string) => {
    const items = RECORDS[kind]()
    return { items, total: items.length }
  })
  api.traffic.refusals.mockResolvedValue({ items: [refusal(), refusal({ id: 8, plate: '', reason: '电动自行车不得进入：无号牌，未登记' }), vanRefusal()], total: 3 })
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

describe('校园交通: the lists', () => {
  it('opens on 车辆 with the three tabs: the plate, the state today, class, owner, gates, hours and validity', async () => {
    const w = await mountPage(OFFICER())
    expect(w.findAll('[data-test^="tab-"]').map((x) => x.text())).toEqual(['车辆', '电动自行车', '门岗记录'])
    expect(api.traffic.list).toHaveBeenCalledWith('vehicles', { page: 1, page_size: 10 })
    // A school's staff: no school column or filter.
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).toEqual([
      '车牌号',
      '状态',
      '类别',
      '车主或单位',
      '校门',
      '准入时段',
      '有效期',
      '操作',
    ])
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(w.find('[data-test="search-vehicle_class"]').exists()).toBe(true)
    expect(w.find('[data-test="add"]').text()).toBe('新增车辆')

    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(4)
    expect(rows[0].find('[data-test="row-name"]').text()).toBe('浙A31012')
    expect(rows[0].find('[data-test="row-vehicle_class"]').text()).toBe('服务车辆')
    expect(rows[0].find('[data-test="row-owner"]').text()).toBe('食堂配送（绿源农产品公司）')
    expect(rows[0].find('[data-test="row-gates"]').text()).toBe('北门')
    expect(rows[0].find('[data-test="row-hours"]').text()).toBe('06:00—08:00')
    expect(rows[0].find('[data-test="row-valid"]').text()).toBe('2026-09-08 至 2027-09-08')
    expect(rows.map((r) => r.find('[data-test="row-state"]').text())).toEqual(['有效', '有效', '已过期', '已停用'])
    expect(rows[0].find('[data-test="row-state"]').classes()).toContain('el-tag--success')
    expect(rows[2].find('[data-test="row-state"]').classes()).toContain('el-tag--danger')
    expect(rows[2].find('[data-test="row-gates"]').text()).toBe('所有校门')
    expect(rows[2].find('[data-test="row-hours"]').text()).toBe('全天')
    expect(w.findAll('[data-test="row-reason"]')).toHaveLength(0)
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(4)
  })

  it('shows the e-bikes with their state and the reason of one that may not enter', async () => {
    const w = await mountPage(OFFICER())
    await openTab(w, 'ebikes')
    expect(api.traffic.list).toHaveBeenLastCalledWith('ebikes', { page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').text()).toBe('新增电动自行车')
    expect(w.find('[data-test="search-vehicle_class"]').exists()).toBe(false)
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).toEqual(['车主', '状态', '号牌', '校内牌照', '改装检查', '操作'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows.map((r) => r.find('[data-test="row-name"]').text())).toEqual(['张老师', '李老师', '王老师', '赵老师'])
    expect(rows.map((r) => r.find('[data-test="row-state"]').text())).toEqual(['合格', '不合格', '不合格', '待检查'])
    expect(rows.map((r) => r.find('[data-test="row-reason"]').exists() ? r.find('[data-test="row-reason"]').text() : '')).toEqual([
      '',
      '无号牌',
      '已改装',
      '尚未做改装检查',
    ])
    expect(rows[1].find('[data-test="row-licence_plate"]').text()).toBe('无号牌')
    expect(rows[1].find('[data-test="row-campus_plate"]').text()).toBe('校101')
    expect(rows[3].find('[data-test="row-state"]').classes()).toContain('el-tag--warning')
    expect(rows[3].find('[data-test="row-checked"]').text()).toBe('未检查')
  })

  it('searches by class, keyword and 含已停用', async () => {
    const w = await mountPage(OFFICER())
    select(w, 'search-vehicle_class').vm.$emit('update:modelValue', 'visitor')
    await tick('search-inactive', true)
    await type('search-q', ' 浙B ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.traffic.list).toHaveBeenLastCalledWith('vehicles', { vehicle_class: 'visitor', include_inactive: true, q: '浙B', page: 1, page_size: 10 })
  })

  it('lets a reader without traffic:manage read only; the bureau sees the school and keeps it across the tabs', async () => {
    const w = await mountPage(INSPECTOR())
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads[0]).toBe('学校')
    expect(heads).not.toContain('操作')
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.traffic.list).toHaveBeenLastCalledWith('vehicles', { unit_id: 22, page: 1, page_size: 10 })
    await openTab(w, 'ebikes')
    expect(api.traffic.list).toHaveBeenLastCalledWith('ebikes', { unit_id: 22, page: 1, page_size: 10 })
    await openTab(w, 'refusals')
    expect(api.traffic.refusals).toHaveBeenLastCalledWith({ unit_id: 22, page: 1, page_size: 10 })
    expect(select(w, 'search-school_id').props('modelValue')).toBe(22)
  })

  it('takes the school and the tab from a link', async () => {
    await mountPage(OFFICE(), '/traffic?unit_id=21&tab=ebikes')
    expect(api.traffic.list).toHaveBeenCalledWith('ebikes', { unit_id: 21, page: 1, page_size: 10 })
  })

  it('does not offer 修改 on a record the user may not edit', async () => {
    api.traffic.list.mockResolvedValue({ items: [vehicle({ can_edit: false })], total: 1 })
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
  })

  it('shows cards on a phone, the state by the title and the reason under it', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER(), '/traffic?tab=ebikes')
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(4)
    expect(cards[1].find('[data-test="card-name"]').text()).toBe('李老师')
    expect(cards[1].find('[data-test="card-state"]').text()).toBe('不合格')
    expect(cards[1].find('[data-test="card-reason"]').text()).toBe('无号牌')
    expect(cards[1].find('[data-test="card-licence_plate"]').text()).toBe('号牌 无号牌')
    expect(cards[0].find('[data-test="card-reason"]').exists()).toBe(false)
    const order = [...cards[1].element.children].map((c) => c.getAttribute('data-test') ?? c.className)
    expect(order.indexOf('card-reason')).toBe(1)
    expect(cards[1].find('[data-test="row-edit"]').exists()).toBe(true)
  })
})

describe('校园交通: 门岗记录', () => {
  it('lists the refusals newest first: time in China, gate, plate or 无牌, kind, reason and recorder; filtered by kind and days', async () => {
    const w = await mountPage(OFFICER(), '/traffic?tab=refusals')
    expect(api.traffic.refusals).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).toEqual(['时间', '校门', '车牌号', '车辆类型', '拒入原因', '记录人'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="row-at"]').text()).toBe('2026-12-07 08:19')
    expect(rows[0].find('[data-test="row-gate"]').text()).toBe('南门')
    expect(rows[0].find('[data-test="row-plate"]').text()).toBe('校101')
    expect(rows[0].find('[data-test="row-kind"]').text()).toBe('电动自行车')
    expect(rows[0].find('[data-test="row-reason"]').text()).toBe('电动自行车不得进入：无号牌')
    expect(rows[0].find('[data-test="row-recorded_by"]').text()).toBe('安全干部')
    expect(rows[1].find('[data-test="row-plate"]').text()).toBe('无牌')
    expect(rows[2].find('[data-test="row-kind"]').text()).toBe('机动车')
    expect(rows[2].find('[data-test="row-recorded_by"]').text()).toBe('demo')

    select(w, 'search-kind').vm.$emit('update:modelValue', 'ebike')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', ['2026-12-01', '2026-12-07'])
    await flushPromises()
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.traffic.refusals).toHaveBeenLastCalledWith({ kind: 'ebike', from: '2026-12-01', to: '2026-12-07', page: 1, page_size: 10 })
  })

  it('shows a card per refusal on a phone, the plate and gate as its title', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICE(), '/traffic?tab=refusals')
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="card-plate"]').text()).toBe('校101')
    expect(cards[0].find('[data-test="card-gate"]').text()).toBe('南门')
    expect(cards[0].find('[data-test="card-kind"]').text()).toBe('电动自行车')
    expect(cards[0].find('[data-test="card-reason"]').text()).toBe('电动自行车不得进入：无号牌')
    expect(cards[0].find('[data-test="card-school"]').text()).toBe('示范区双桥小学')
    expect(cards[1].find('[data-test="card-plate"]').text()).toBe('无牌')
  })
})

describe('校园交通: the form', () => {
  it('adds a vehicle: the class, plate, owner, gates as tags and the hours; the visitor’s last day asked; the server’s reason at its field', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect(dialogTitle()).toBe('登记校内车辆')
    expect($('field-unit-fixed')?.textContent).toBe('示范区双桥小学')
    expect($('field-active')).toBeNull()
    expect(
      select(w, 'field-gates')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['南门', '北门', '东门', '西门'])

    $('save')!.click()
    await settle()
    expect(api.traffic.create).not.toHaveBeenCalled()
    expect(errorOf('field-plate')).toBe('请填写车牌号')
    expect(errorOf('field-owner')).toBe('请填写车主或单位')
    expect($('field-vehicle_class')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('请选择车辆类别')

    component(w, 'ElRadioGroup', 'field-vehicle_class').vm.$emit('update:modelValue', 'visitor')
    await type('field-plate', '浙b20014')
    await type('field-owner', ' 区教育局 ')
    select(w, 'field-gates').vm.$emit('update:modelValue', ['南门', ' 后勤门 '])
    w.findAllComponents({ name: 'ElTimeSelect' })[0].vm.$emit('update:modelValue', '08:00')
    await settle()
    expect($('visitor-hint')?.textContent).toContain('访客车辆须填写有效期至，最长 31 天')
    $('save')!.click()
    await settle()
    expect(api.traffic.create).not.toHaveBeenCalled()
    expect(errorOf('field-to')).toBe('准入时段须同时填写开始和结束时间')
    expect(errorOf('field-valid_until')).toBe('访客车辆须填写有效期的最后一天')

    w.findAllComponents({ name: 'ElTimeSelect' })[1].vm.$emit('update:modelValue', '17:00')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2026-12-07')
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', '2027-02-01')
    await settle()
    api.traffic.create.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'valid_until', reason: '访客车辆的有效期不能超过 31 天' }] }, null),
    )
    $('save')!.click()
    await settle()
    expect(api.traffic.create).toHaveBeenCalledWith('vehicles', {
      unit_id: 21,
      vehicle_class: 'visitor',
      plate: '浙b20014',
      owner: '区教育局',
      gates: ['南门', '后勤门'],
      from: '08:00',
      to: '17:00',
      valid_from: '2026-12-07',
      valid_until: '2027-02-01',
      note: '',
    })
    expect(errorOf('field-valid_until')).toBe('访客车辆的有效期不能超过 31 天')
    expect(dialogOpen()).toBe(true)

    // Another last day: the reason goes; saved and listed again.
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', '2026-12-10')
    await settle()
    expect(errorOf('field-valid_until')).toBeFalsy()
    api.traffic.create.mockResolvedValue(visitorCar({ id: 15 }))
    const loads = api.traffic.list.mock.calls.length
    $('save')!.click()
    await settle()
    expect(api.traffic.create).toHaveBeenLastCalledWith('vehicles', expect.objectContaining({ valid_until: '2026-12-10' }))
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已登记')
    expect(dialogOpen()).toBe(false)
    expect(api.traffic.list.mock.calls.length).toBe(loads + 1)
  })

  it('lists a reason no field shows above the form', async () => {
    const w = await mountPage(OFFICER(), '/traffic?tab=ebikes')
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    await type('field-owner', '孙老师')
    api.traffic.create.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'school', reason: '学校不在管辖范围内' }] }, null),
    )
    $('save')!.click()
    await settle()
    expect($('traffic-errors')?.textContent).toContain('school：学校不在管辖范围内')
  })

  it('asks a bureau user for the school (the schools in scope), then registers the e-bike there; modified only once checked', async () => {
    const w = await mountPage(OFFICE(), '/traffic?tab=ebikes')
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogTitle()).toBe('登记电动自行车')
    await type('field-owner', '孙老师')
    $('save')!.click()
    await settle()
    expect(api.traffic.create).not.toHaveBeenCalled()
    expect(errorOf('field-unit_id')).toBe('请选择学校')
    expect(
      select(w, 'field-unit_id')
        .findAllComponents({ name: 'ElOption' })
        .map((o) => o.props('label')),
    ).toEqual(['示范区双桥小学', '示范区实验中学'])
    select(w, 'field-unit_id').vm.$emit('update:modelValue', 22)
    await type('field-licence_plate', ' 浙杭123456 ')
    await type('field-campus_plate', '校200')
    expect(component(w, 'ElCheckbox', 'field-modified').props('disabled')).toBe(true)
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', '2026-12-01')
    await settle()
    expect(component(w, 'ElCheckbox', 'field-modified').props('disabled')).toBe(false)
    await tick('field-modified', true)
    api.traffic.create.mockResolvedValue(ebike({ id: 20, unit_id: 22 }))
    $('save')!.click()
    await settle()
    expect(api.traffic.create).toHaveBeenCalledWith('ebikes', {
      unit_id: 22,
      owner: '孙老师',
      licence_plate: '浙杭123456',
      campus_plate: '校200',
      checked_on: '2026-12-01',
      modified: true,
      note: '',
    })
    expect(dialogOpen()).toBe(false)
  })

  it('edits a vehicle with 在用 off and the version read; a conflict reloads the list', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="row-edit"]').trigger('click')
    await settle()
    expect(dialogTitle()).toBe('修改校内车辆')
    expect(($('field-plate') as HTMLInputElement).value).toBe('浙A31012')
    expect(select(w, 'field-gates').props('modelValue')).toEqual(['北门'])
    component(w, 'ElSwitch', 'field-active').vm.$emit('update:modelValue', false)
    await settle()
    api.traffic.update.mockRejectedValueOnce(new ApiError(409, { code: 'traffic.stale', message: '这条记录刚被他人修改，请刷新后再试', details: [] }, null))
    const loads = api.traffic.list.mock.calls.length
    $('save')!.click()
    await settle()
    expect(api.traffic.update).toHaveBeenCalledWith('vehicles', 13, {
      vehicle_class: 'service',
      plate: '浙A31012',
      owner: '食堂配送（绿源农产品公司）',
      gates: ['北门'],
      from: '06:00',
      to: '08:00',
      valid_from: '2026-09-08',
      valid_until: '2027-09-08',
      note: '',
      active: false,
      version: 1,
    })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这条记录刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(api.traffic.list.mock.calls.length).toBe(loads + 1)
  })
})

describe('校园交通: in and out of Excel', () => {
  const fetchMock = vi.fn()
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  const xlsx = (name: string) =>
    new Response(new Blob(['x']), { status: 200, headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })
  const loadsOf = (kind: string) => api.traffic.list.mock.calls.filter((c) => c[0] === kind).length

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

  it('offers 导入 and 导出 on 车辆 and 电动自行车 to a holder of traffic:manage, not on 门岗记录; only 导出 to a reader', async () => {
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="import"]').text()).toBe('导入')
    expect(w.find('[data-test="export"]').text()).toBe('导出')
    await openTab(w, 'ebikes')
    expect(w.find('[data-test="import"]').exists()).toBe(true)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    await openTab(w, 'refusals')
    expect(w.find('[data-test="import"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(false)
    w.unmount()
    document.body.innerHTML = ''

    const reader = await mountPage(INSPECTOR())
    expect(reader.find('[data-test="import"]').exists()).toBe(false)
    expect(reader.find('[data-test="export"]').exists()).toBe(true)
    expect(reader.findComponent(ImportDialog).exists()).toBe(false)
    await openTab(reader, 'ebikes')
    expect(reader.find('[data-test="export"]').exists()).toBe(true)
  })

  it.each([
    ['vehicles', '校内车辆', '车牌号', '校内车辆导入模板.xlsx'],
    ['ebikes', '电动自行车', '车主和号牌', '电动自行车导入模板.xlsx'],
  ])('opens the import of %s: all or nothing, the list as the query of the upload and the template', async (kind, what, key, template) => {
    const w = await mountPage(OFFICER(), `/traffic?tab=${kind}`)
    await w.find('[data-test="import"]').trigger('click')
    await settle()
    expect(w.findComponent(ImportDialog).props()).toMatchObject({
      modelValue: true,
      what,
      importPath: '/api/v1/traffic/import',
      templatePath: '/api/v1/traffic/import-template',
      templateQuery: { list: kind },
      extraQuery: { list: kind },
      allowUpdate: false,
      allowPartial: false,
      sendFormat: true,
    })
    expect($('import-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe(`导入${what}`)
    expect($('traffic-import-note')?.textContent).toContain(`该校${key}相同的记录更新，其余新增`)
    expect(document.querySelectorAll('[data-test="import-dialog"] .el-checkbox')).toHaveLength(0)

    fetchMock.mockResolvedValueOnce(xlsx(template))
    $('template')!.click()
    await settle()
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/traffic/import-template?list=${kind}`)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
    expect(api.saveDownload.mock.calls[0][0].filename).toBe(template)
  })

  it('uploads the e-bikes with their list and format; a refused file lists its rows and writes nothing, a written one reloads the list', async () => {
    const w = await mountPage(OFFICER(), '/traffic?tab=ebikes')
    const before = loadsOf('ebikes')
    await w.find('[data-test="import"]').trigger('click')
    await settle()
    await pickFile('电动自行车.xlsx')
    fetchMock.mockResolvedValueOnce(
      json({ rows: 1, created: 0, updated: 0, removed: 0, failed: 1, applied: false, errors: [{ row: 2, column: '已改装', reason: '须为 是 或 否' }] }, 422),
    )
    $('import-start')!.click()
    await settle()
    const [url, init] = fetchMock.mock.calls[0]
    expect(String(url).split('?')[0]).toBe('/api/v1/traffic/import')
    expect(Object.fromEntries(new URLSearchParams(String(url).split('?')[1]))).toEqual({ list: 'ebikes', format: 'xlsx' })
    expect((init as RequestInit).method).toBe('POST')
    expect($('import-summary')?.textContent).toContain('共 1 行有错误，未写入任何数据')
    expect($('import-errors')?.textContent).toContain('已改装')
    expect($('import-errors')?.textContent).toContain('须为 是 或 否')
    expect(loadsOf('ebikes')).toBe(before)

    fetchMock.mockResolvedValueOnce(json({ rows: 2, created: 1, updated: 1, removed: 0, failed: 0, applied: true, errors: [] }))
    await pickFile('电动自行车.csv')
    $('import-start')!.click()
    await settle()
    expect(Object.fromEntries(new URLSearchParams(String(fetchMock.mock.calls[1][0]).split('?')[1]))).toEqual({ list: 'ebikes', format: 'csv' })
    expect($('import-summary')?.textContent?.trim()).toBe('导入完成：新增 1 条，更新 1 条')
    expect(loadsOf('ebikes')).toBe(before + 1)
  })

  it.each([
    ['vehicles', '校内车辆.xlsx'],
    ['ebikes', '电动自行车.xlsx'],
  ])('exports the %s of every school in scope, not the search', async (kind, name) => {
    const w = await mountPage(INSPECTOR(), `/traffic?tab=${kind}&q=王`)
    fetchMock.mockResolvedValueOnce(xlsx(name))
    await w.find('[data-test="export"]').trigger('click')
    await settle()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(String(fetchMock.mock.calls[0][0])).toBe(`/api/v1/traffic/export?list=${kind}`)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
    expect(api.saveDownload.mock.calls[0][0].filename).toBe(name)
  })
})
