import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  GATE_SUGGESTIONS,
  TRAFFIC_FORM_FIELDS,
  checkText,
  classText,
  chinaClock,
  emptyGateForm,
  emptyRefusalSearch,
  emptyTrafficForm,
  emptyTrafficSearch,
  ebikeState,
  gateCheckBody,
  gateProblems,
  gateSuggestions,
  gatesText,
  hoursProblem,
  hoursText,
  kindText,
  matchGates,
  parseGates,
  plateText,
  problemOf,
  recorderOf,
  refusalFilter,
  refusalTime,
  rowState,
  stateTagType,
  stateText,
  tabFromRoute,
  titleOf,
  trafficColumns,
  trafficCreateBody,
  trafficFilter,
  trafficSearchFromRoute,
  trafficToForm,
  trafficUpdateBody,
  unitFromRoute,
  unplacedTrafficErrors,
  validText,
  validityProblem,
  vehicleState,
} from '../trafficHelpers'
import { ebike, modifiedEbike, noPlateEbike, refusal, staffCar, uncheckedEbike, vanRefusal, vehicle, visitorCar } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('the tab and the search', () => {
  it('opens the tab of a link, 车辆 by default, and the school it names', () => {
    expect(tabFromRoute({ tab: 'ebikes' })).toBe('ebikes')
    expect(tabFromRoute({ tab: 'refusals' })).toBe('refusals')
    expect(tabFromRoute({ tab: 'buses' })).toBe('vehicles')
    expect(tabFromRoute({})).toBe('vehicles')
    expect(unitFromRoute({ unit_id: '21' })).toBe(21)
    for (const unit_id of ['0', '-1', 'x', '']) expect(unitFromRoute({ unit_id })).toBeUndefined()
  })

  it('reads the search form from a link and sends only what is set, the class only for vehicles', () => {
    expect(trafficSearchFromRoute({ unit_id: '21', vehicle_class: 'visitor', include_inactive: '1', q: '浙B' })).toEqual({
      unit_id: 21,
      vehicle_class: 'visitor',
      include_inactive: true,
      q: '浙B',
    })
    expect(trafficSearchFromRoute({ vehicle_class: 'bus' }).vehicle_class).toBe('')
    expect(trafficFilter('vehicles', emptyTrafficSearch())).toEqual({})
    const s = { unit_id: 21, vehicle_class: 'service' as const, include_inactive: true, q: ' 浙A ' }
    expect(trafficFilter('vehicles', s)).toEqual({ unit_id: 21, vehicle_class: 'service', include_inactive: true, q: '浙A' })
    expect(trafficFilter('ebikes', s)).toEqual({ unit_id: 21, include_inactive: true, q: '浙A' })
  })

  it('filters 门岗记录 by school, kind and days', () => {
    expect(refusalFilter(emptyRefusalSearch())).toEqual({})
    expect(refusalFilter({ unit_id: 21, kind: 'ebike', range: ['2026-12-01', '2026-12-07'] })).toEqual({
      unit_id: 21,
      kind: 'ebike',
      from: '2026-12-01',
      to: '2026-12-07',
    })
    expect(refusalFilter({ unit_id: undefined, kind: '', range: null })).toEqual({})
  })
})

describe('a record’s state', () => {
  it('shows a vehicle’s registration today: 有效, 未生效, 已过期, 已停用', () => {
    expect(vehicleState(vehicle())).toBe('valid')
    expect(vehicleState(visitorCar({ validity: 'pending' }))).toBe('pending')
    expect(vehicleState(visitorCar({ validity: 'expired' }))).toBe('expired')
    expect(vehicleState(vehicle({ active: false, validity: 'inactive' }))).toBe('inactive')
    expect(vehicleState(vehicle({ active: false }))).toBe('inactive')
    expect(['valid', 'pending', 'expired', 'inactive'].map((s) => stateText(t, 'vehicles', s as never))).toEqual(['有效', '未生效', '已过期', '已停用'])
    expect(['valid', 'pending', 'expired', 'inactive'].map((s) => stateTagType(s as never))).toEqual(['success', 'warning', 'danger', 'info'])
  })

  it('shows an e-bike as traffic.ebike judges it: 合格, 待检查, 不合格 with the reason, 已停用', () => {
    expect(ebikeState(ebike())).toBe('pass')
    expect(ebikeState(noPlateEbike())).toBe('fail')
    expect(ebikeState(uncheckedEbike())).toBe('due')
    expect(ebikeState(noPlateEbike({ active: false }))).toBe('inactive')
    expect(rowState('ebikes', modifiedEbike())).toBe('fail')
    expect(rowState('vehicles', staffCar())).toBe('valid')
    expect(['pass', 'due', 'fail', 'inactive'].map((s) => stateText(t, 'ebikes', s as never))).toEqual(['合格', '待检查', '不合格', '已停用'])
    expect(['pass', 'due', 'fail'].map((s) => stateTagType(s as never))).toEqual(['success', 'warning', 'danger'])
    // The reason of one that may not enter; none for one that passes, is out of use, or a vehicle.
    expect(problemOf('ebikes', noPlateEbike())).toBe('无号牌')
    expect(problemOf('ebikes', uncheckedEbike())).toBe('尚未做改装检查')
    expect(problemOf('ebikes', ebike())).toBe('')
    expect(problemOf('ebikes', noPlateEbike({ active: false }))).toBe('')
    expect(problemOf('vehicles', vehicle())).toBe('')
  })
})

describe('what a record shows', () => {
  it('titles a vehicle by its plate, an e-bike by its owner', () => {
    expect(titleOf('vehicles', vehicle())).toBe('浙A31012')
    expect(titleOf('ebikes', noPlateEbike())).toBe('李老师')
  })

  it('says the gates, hours and validity, every gate, all day or no limit when none', () => {
    expect(gatesText(t, ['北门', '南门'])).toBe('北门、南门')
    expect(gatesText(t, [])).toBe('所有校门')
    expect(hoursText(t, vehicle())).toBe('06:00—08:00')
    expect(hoursText(t, visitorCar())).toBe('全天')
    expect(validText(t, vehicle())).toBe('2026-09-08 至 2027-09-08')
    expect(validText(t, { valid_from: '2026-09-08', valid_until: '' })).toBe('2026-09-08 起')
    expect(validText(t, { valid_from: '', valid_until: '2026-12-12' })).toBe('至 2026-12-12')
    expect(validText(t, staffCar())).toBe('长期有效')
  })

  it('names a vehicle’s class by the server’s label, else its own', () => {
    expect(classText(t, vehicle())).toBe('服务车辆')
    expect(classText(t, { vehicle_class: 'visitor', vehicle_class_label: '' })).toBe('访客车辆')
    expect(classText(t, { vehicle_class: 'tractor', vehicle_class_label: '' })).toBe('tractor')
  })

  it('says an e-bike’s modification check', () => {
    expect(checkText(t, ebike())).toBe('2026-08-19 未改装')
    expect(checkText(t, modifiedEbike())).toBe('2026-10-24 已改装')
    expect(checkText(t, uncheckedEbike())).toBe('未检查')
  })

  it('gives each registry its columns', () => {
    const v = trafficColumns(t, 'vehicles')
    expect(v.map((c) => c.label)).toEqual(['类别', '车主或单位', '校门', '准入时段', '有效期'])
    expect(v.map((c) => c.text(vehicle()))).toEqual(['服务车辆', '食堂配送（绿源农产品公司）', '北门', '06:00—08:00', '2026-09-08 至 2027-09-08'])
    const e = trafficColumns(t, 'ebikes')
    expect(e.map((c) => c.label)).toEqual(['号牌', '校内牌照', '改装检查'])
    expect(e.map((c) => c.text(noPlateEbike()))).toEqual(['无号牌', '校101', '2026-10-18 未改装'])
    expect(e[1].text(ebike({ campus_plate: '' }))).toBe('未发放')
  })
})

describe('the form', () => {
  it('makes a vehicle’s body: the school, the text trimmed, the gates trimmed and each once, cleared pickers ""', () => {
    const f = emptyTrafficForm(21)
    Object.assign(f, {
      vehicle_class: 'visitor',
      plate: ' 浙b20014 ',
      owner: ' 区教育局 ',
      gates: [' 南门', '南门', '', '东门 '],
      from: null,
      to: null,
      valid_from: '2026-12-07',
      valid_until: '2026-12-10',
      note: ' 督导 ',
    })
    expect(trafficCreateBody('vehicles', f)).toEqual({
      unit_id: 21,
      vehicle_class: 'visitor',
      plate: '浙b20014',
      owner: '区教育局',
      gates: ['南门', '东门'],
      from: '',
      to: '',
      valid_from: '2026-12-07',
      valid_until: '2026-12-10',
      note: '督导',
    })
  })

  it('takes the gates as tags or as text split at commas and spaces', () => {
    expect(parseGates('北门, 南门，东门、西门 北门')).toEqual(['北门', '南门', '东门', '西门'])
    expect(parseGates(['  ', '北门'])).toEqual(['北门'])
    expect(parseGates('')).toEqual([])
    expect(parseGates(null)).toEqual([])
  })

  it('edits a record from its fields, with 在用 and the version read; only a checked e-bike is modified', () => {
    const v = trafficToForm('vehicles', vehicle({ note: '食堂' }))
    expect(v.gates).toEqual(['北门'])
    v.gates.push('东门')
    expect(vehicle().gates).toEqual(['北门'])
    v.active = false
    expect(trafficUpdateBody('vehicles', v, 2)).toEqual({
      vehicle_class: 'service',
      plate: '浙A31012',
      owner: '食堂配送（绿源农产品公司）',
      gates: ['北门', '东门'],
      from: '06:00',
      to: '08:00',
      valid_from: '2026-09-08',
      valid_until: '2027-09-08',
      note: '食堂',
      active: false,
      version: 2,
    })
    const e = trafficToForm('ebikes', modifiedEbike())
    expect(trafficUpdateBody('ebikes', e, 1)).toEqual({
      owner: '王老师',
      licence_plate: '浙杭810498',
      campus_plate: '校102',
      checked_on: '2026-10-24',
      modified: true,
      note: '',
      active: true,
      version: 1,
    })
    e.checked_on = null as unknown as string // a cleared date picker
    expect(trafficUpdateBody('ebikes', e, 1)).toMatchObject({ checked_on: '', modified: false })
    expect(Object.keys(trafficCreateBody('ebikes', trafficToForm('ebikes', ebike())))).toEqual(['unit_id', ...TRAFFIC_FORM_FIELDS.ebikes, 'note'])
  })

  it('checks the hours (both or neither, not equal) and a visitor’s last day', () => {
    expect(hoursProblem(t, { from: '', to: '' })).toBe('')
    expect(hoursProblem(t, { from: '07:00', to: '' })).toBe('准入时段须同时填写开始和结束时间')
    expect(hoursProblem(t, { from: null as unknown as string, to: '08:00' })).toBe('准入时段须同时填写开始和结束时间')
    expect(hoursProblem(t, { from: '07:00', to: '07:00' })).toBe('开始和结束时间不能相同')
    expect(hoursProblem(t, { from: '22:00', to: '06:00' })).toBe('')
    expect(validityProblem(t, { vehicle_class: 'visitor', valid_from: '2026-12-07', valid_until: '' })).toBe('访客车辆须填写有效期的最后一天')
    expect(validityProblem(t, { vehicle_class: 'staff', valid_from: '', valid_until: '' })).toBe('')
    expect(validityProblem(t, { vehicle_class: 'staff', valid_from: '2026-12-07', valid_until: '2026-12-01' })).toBe('有效期至不能早于有效期自')
  })

  it('lists the server’s reasons that no field of the form shows', () => {
    const errors = { gates: '请填写校门名称', unit_id: '学校不在管辖范围内', version: '版本已过期', licence_plate: '号牌太长' }
    expect(unplacedTrafficErrors('vehicles', errors)).toEqual([
      { field: 'version', reason: '版本已过期' },
      { field: 'licence_plate', reason: '号牌太长' },
    ])
    expect(unplacedTrafficErrors('ebikes', errors).map((e) => e.field)).toEqual(['gates', 'version'])
  })
})

describe('门岗记录 and 门岗核验', () => {
  it('says when a refusal was in China time, the plate or 无牌, the kind and who recorded it', () => {
    expect(chinaClock('2026-12-06T20:19:42Z')).toBe('04:19')
    expect(chinaClock('not a time')).toBe('')
    expect(refusalTime(refusal())).toBe('2026-12-07 08:19')
    expect(plateText(t, refusal())).toBe('校101')
    expect(plateText(t, refusal({ plate: '' }))).toBe('无牌')
    expect(kindText(t, 'vehicle')).toBe('机动车')
    expect(kindText(t, 'ebike')).toBe('电动自行车')
    expect(recorderOf(refusal())).toBe('安全干部')
    expect(recorderOf(vanRefusal())).toBe('demo')
  })

  it('suggests the usual gates, then those the school’s vehicles name, and those containing what is typed', () => {
    expect(GATE_SUGGESTIONS).toEqual(['南门', '北门', '东门', '西门'])
    const gates = gateSuggestions([vehicle(), staffCar(), visitorCar(), vehicle({ gates: ['后勤门', '北门'] })])
    expect(gates).toEqual(['南门', '北门', '东门', '西门', '后勤门'])
    expect(matchGates(gates, '北')).toEqual(['北门'])
    expect(matchGates(gates, ' ')).toEqual(gates)
    expect(matchGates(gates, '门').length).toBe(5)
  })

  it('checks the gate, and a vehicle’s plate, before asking; sends the fields trimmed', () => {
    const f = emptyGateForm()
    expect(f).toEqual({ kind: 'vehicle', gate: '', plate: '' })
    expect(gateProblems(t, f)).toEqual({ gate: '请填写校门', plate: '请填写车牌号' })
    expect(gateProblems(t, { kind: 'ebike', gate: '南门', plate: '' })).toEqual({})
    expect(gateCheckBody(21, { kind: 'ebike', gate: ' 南门 ', plate: ' 校101 ' })).toEqual({ unit_id: 21, kind: 'ebike', gate: '南门', plate: '校101' })
  })
})
