import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  BUS_FORM_FIELDS,
  busColumns,
  busCreateBody,
  busFilter,
  busSearchFromRoute,
  busToForm,
  busRecordRoute,
  busUpdateBody,
  countTone,
  driverChoice,
  driverRecordText,
  emptyBusForm,
  emptyBusSearch,
  kindFromRoute,
  kindOfSubject,
  outingVehicleChoices,
  problemsOf,
  recordIdFromRoute,
  recordName,
  requiredClassOf,
  rowState,
  stateTagType,
  stateText,
  subtitleOf,
  surveyRowState,
  timesText,
  titleOf,
  unplacedBusErrors,
  vehicleChoice,
} from '../busHelpers'
import { driver, expiredVehicle, monitor, outing, provider, rentedCoach, route, survey, vehicle } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('the tab and the search', () => {
  it('opens the tab of a link, 线路 by default', () => {
    expect(kindFromRoute({ tab: 'drivers' })).toBe('drivers')
    expect(kindFromRoute({ tab: 'outings' })).toBe('outings')
    expect(kindFromRoute({ tab: 'buses' })).toBe('routes')
    expect(kindFromRoute({})).toBe('routes')
  })

  it('reads the record a link opens: a positive id, none else', () => {
    expect(recordIdFromRoute({ tab: 'vehicles', id: '12' })).toBe(12)
    expect(recordIdFromRoute({ id: ['7', '8'] })).toBe(7)
    for (const id of ['0', '-3', '1.5', 'x', '']) expect(recordIdFromRoute({ id })).toBeUndefined()
    expect(recordIdFromRoute({})).toBeUndefined()
  })

  it('links a record named by its subject (我的待办, rule findings) to its tab, the school when given, the record by id', () => {
    expect(kindOfSubject('bus_vehicle')).toBe('vehicles')
    expect(kindOfSubject('bus_driver')).toBe('drivers')
    expect(kindOfSubject('bus_route')).toBe('routes')
    expect(kindOfSubject('bus_monitor')).toBe('monitors')
    expect(kindOfSubject('bus_provider')).toBe('providers')
    expect(kindOfSubject('bus_outing')).toBe('outings')
    expect(kindOfSubject('school')).toBeUndefined()
    expect(kindOfSubject('toString')).toBeUndefined()
    expect(busRecordRoute('bus_vehicle', 12)).toEqual({ name: 'bus', query: { tab: 'vehicles', id: '12' } })
    expect(busRecordRoute('bus_route', 41, 21)).toEqual({ name: 'bus', query: { tab: 'routes', unit_id: '21', id: '41' } })
    expect(busRecordRoute('bus_driver', 22, 0)).toEqual({ name: 'bus', query: { tab: 'drivers', id: '22' } })
    expect(busRecordRoute('bus_outing', 51)).toEqual({ name: 'bus', query: { tab: 'outings', id: '51' } })
    expect(busRecordRoute('hazard', 12)).toBeUndefined()
    expect(busRecordRoute('bus_vehicle', 0)).toBeUndefined()
    expect(busRecordRoute('bus_vehicle', 1.5)).toBeUndefined()
  })

  it('reads the school, the keyword and 含已停用 from a link, and sends only what is set', () => {
    expect(busSearchFromRoute({ unit_id: '21', include_inactive: '1', q: '浙A' })).toEqual({ unit_id: 21, include_inactive: true, q: '浙A' })
    expect(busSearchFromRoute({ unit_id: 'x', include_inactive: '0' })).toEqual(emptyBusSearch())
    expect(busFilter(emptyBusSearch())).toEqual({})
    expect(busFilter({ unit_id: 21, include_inactive: true, q: ' 王 ' })).toEqual({ unit_id: 21, include_inactive: true, q: '王' })
    expect(busFilter({ unit_id: undefined, include_inactive: false, q: '  ' })).toEqual({})
  })
})

describe('a record’s state and reasons', () => {
  it('says 合格, 临期提醒, 不合格 or 已停用, in colour', () => {
    expect(rowState(vehicle())).toBe('pass')
    expect(rowState(expiredVehicle())).toBe('fail')
    expect(rowState(vehicle({ state: 'warn' }))).toBe('warn')
    expect(rowState(expiredVehicle({ active: false }))).toBe('inactive')
    expect(['pass', 'warn', 'fail', 'inactive'].map((s) => stateText(t, s as 'pass'))).toEqual(['合格', '临期提醒', '不合格', '已停用'])
    expect(['pass', 'warn', 'fail', 'inactive'].map((s) => stateTagType(s as 'pass'))).toEqual(['success', 'warning', 'danger', 'info'])
  })

  it('lists the failing rules’ reasons, then those warning; none for one passing or out of use', () => {
    expect(problemsOf(expiredVehicle())).toEqual([
      { rule_id: 'bus.permit', outcome: 'fail', title: '校车标牌在有效期内', text: '校车标牌已过期（2026-11-30）' },
      { rule_id: 'bus.inspection', outcome: 'warn', title: '校车每 6 个月进行一次机动车安全技术检验', text: '安全技术检验将于 2026-12-20 到期' },
    ])
    // No reason given: the rule's title says what fails.
    expect(
      problemsOf({ checks: [{ rule_id: 'bus.monitor', title: '每条校车线路配备照管人员', outcome: 'fail', outcome_label: '未达标', reason: '' }] })[0].text,
    ).toBe('每条校车线路配备照管人员')
    expect(problemsOf(vehicle())).toEqual([])
    expect(problemsOf(expiredVehicle({ active: false }))).toEqual([])
  })
})

describe('what a record shows', () => {
  it('titles a vehicle by its plate, the others by name, and names it in messages', () => {
    expect(titleOf('vehicles', vehicle())).toBe('浙A52701')
    expect(titleOf('routes', route())).toBe('双桥—河东线')
    expect(titleOf('providers', provider())).toBe('示范区平安校车服务有限公司')
    expect(recordName(t, 'routes', route())).toBe('校车线路“双桥—河东线”')
    expect(titleOf('outings', outing())).toBe('冬季社会实践活动')
    expect(recordName(t, 'outings', outing())).toBe('出行用车“冬季社会实践活动”')
  })

  it('gives each registry its columns', () => {
    const texts = (kind: Parameters<typeof busColumns>[1], r: Parameters<ReturnType<typeof busColumns>[number]['text']>[0]) =>
      busColumns(t, kind).map((c) => `${c.label}:${c.text(r)}`)
    expect(texts('routes', route())).toEqual(['发车时间:07:00 / 16:30', '车辆:浙A52701', '驾驶人:王建国', '照管人员:赵秀兰', '乘车学生:32'])
    expect(texts('routes', route({ monitor_id: null, monitor_name: '' }))[3]).toBe('照管人员:未安排')
    expect(texts('vehicles', expiredVehicle({ insurance_until: '' }))).toEqual([
      '核定载人:19 座',
      '准驾车型要求:B1',
      '服务单位:示范区平安校车服务有限公司',
      '校车标牌有效期:2026-11-30',
      '安全技术检验:2026-06-20',
      '承运人责任险:—',
    ])
    expect(texts('drivers', driver())).toEqual([
      '准驾车型:A1',
      '出生日期:1978-05-12',
      '初次领证:2005-03-01',
      '校车驾驶资格:有',
      '背景审查:无不良记录',
      '最近体检:2026-03-10',
      '服务单位:示范区平安校车服务有限公司',
    ])
    expect(texts('monitors', monitor({ trained_on: '' }))).toEqual(['安全培训:未培训'])
    expect(texts('outings', outing())).toEqual([
      '出行日期:2026-12-17',
      '出发 / 返回:08:10 / 15:30',
      '车辆:浙A52701',
      '驾驶人:王建国',
      '照管人员:赵秀兰',
      '乘车学生:30',
    ])
    expect(texts('outings', outing({ leave_at: '', return_at: '', monitor_id: null, monitor_name: '' }))).toEqual([
      '出行日期:2026-12-17',
      '出发 / 返回:—',
      '车辆:浙A52701',
      '驾驶人:王建国',
      '照管人员:未安排',
      '乘车学生:30',
    ])
    expect(texts('providers', provider())).toEqual([
      '许可证号:浙交运管许可杭字330100000001号',
      '许可证有效期:2028-06-30',
      '合同到期:2027-08-31',
      '联系人及电话:张强 13800000000',
    ])
  })

  it('spells out a driver’s background, a route’s times and a vehicle’s line', () => {
    expect(driverRecordText(t, driver({ drink_driving: true, criminal_record: true }))).toBe('饮酒/醉酒驾驶、犯罪记录')
    expect(timesText({ leave_at: '07:00', return_at: '' })).toBe('07:00 / —')
    expect(timesText({ leave_at: '', return_at: '' })).toBe('—')
    expect(subtitleOf(t, 'routes', route())).toBe('河东村、青石桥、双桥小学')
    expect(subtitleOf(t, 'vehicles', vehicle({ rented: true, gps: false }))).toBe('租用车辆、无卫星定位')
    expect(subtitleOf(t, 'vehicles', vehicle())).toBe('')
    expect(subtitleOf(t, 'outings', outing())).toBe('前往 区青少年活动中心')
  })

  it('offers vehicles by plate and seats and drivers by licence class, with their state', () => {
    expect(vehicleChoice(t, expiredVehicle())).toEqual({ value: 12, label: '浙A52702（19座）', state: 'fail' })
    expect(driverChoice(t, driver())).toEqual({ value: 21, label: '王建国（A1）', state: 'pass' })
  })

  it('offers an outing the rented vehicles first, marked 租用, then the school’s own in order', () => {
    expect(outingVehicleChoices(t, [vehicle(), expiredVehicle(), rentedCoach()])).toEqual([
      { value: 13, label: '浙A6R001（45座，租用）', state: 'pass' },
      { value: 11, label: '浙A52701（39座）', state: 'pass' },
      { value: 12, label: '浙A52702（19座）', state: 'fail' },
    ])
    expect(outingVehicleChoices(t, [])).toEqual([])
  })

  it('tells the licence class a vehicle needs from its seats', () => {
    expect([39, 20, 19, 10, 9, 0, null, undefined].map(requiredClassOf)).toEqual(['A1', 'A1', 'B1', 'B1', 'C1', '', '', ''])
  })
})

describe('the form', () => {
  it('makes a route’s body: the school, the fields trimmed, empty counts 0', () => {
    const f = emptyBusForm(21)
    Object.assign(f, { name: ' 双桥—河西线 ', stops: ' 河西村 ', leave_at: '07:10', vehicle_id: 11, driver_id: 21, note: ' 新开 ' })
    expect(busCreateBody('routes', f)).toEqual({
      unit_id: 21,
      name: '双桥—河西线',
      stops: '河西村',
      leave_at: '07:10',
      return_at: '',
      riders: 0,
      vehicle_id: 11,
      driver_id: 21,
      monitor_id: null,
      note: '新开',
    })
  })

  it('edits a record from its fields, with 在用 and the version read', () => {
    const f = busToForm('drivers', driver({ note: '老驾驶员' }))
    expect(f.unit_id).toBe(21)
    expect(f.name).toBe('王建国')
    expect(f.bus_endorsement).toBe(true)
    f.active = false
    f.birth = null as unknown as string // a cleared date picker
    expect(busUpdateBody('drivers', f, 2)).toEqual({
      provider_id: 1,
      name: '王建国',
      birth: '',
      licence_class: 'A1',
      licence_since: '2005-03-01',
      bus_endorsement: true,
      full_points_in_3_cycles: false,
      fatal_accident_responsibility: false,
      drink_driving: false,
      overload_or_speeding_last_year: false,
      criminal_record: false,
      health_checked_on: '2026-03-10',
      note: '老驾驶员',
      active: false,
      version: 2,
    })
    const v = busToForm('vehicles', vehicle())
    expect(busUpdateBody('vehicles', v, 3)).toEqual({
      provider_id: 1,
      plate: '浙A52701',
      seats: 39,
      permit_no: 'XC2026-001',
      permit_until: '2027-09-30',
      inspected_on: '2026-09-01',
      insurance_until: '2027-08-31',
      gps: true,
      rented: false,
      note: '',
      active: true,
      version: 3,
    })
    expect(Object.keys(busCreateBody('monitors', busToForm('monitors', monitor())))).toEqual(['unit_id', ...BUS_FORM_FIELDS.monitors, 'note'])
    expect(busCreateBody('providers', busToForm('providers', provider())).name).toBe('示范区平安校车服务有限公司')
  })

  it('makes an outing’s body and edits one: its day, times, riders and parts, with the version read', () => {
    const f = emptyBusForm(21)
    Object.assign(f, { purpose: ' 冬季社会实践活动 ', destination: ' 区青少年活动中心 ', date: '2026-12-10', riders: 30, vehicle_id: 12, driver_id: 21 })
    expect(busCreateBody('outings', f)).toEqual({
      unit_id: 21,
      purpose: '冬季社会实践活动',
      destination: '区青少年活动中心',
      date: '2026-12-10',
      leave_at: '',
      return_at: '',
      riders: 30,
      vehicle_id: 12,
      driver_id: 21,
      monitor_id: null,
      note: '',
    })
    const e = busToForm('outings', outing())
    expect(e.name).toBe('')
    e.date = null as unknown as string // a cleared date picker
    expect(busUpdateBody('outings', e, 1)).toEqual({
      purpose: '冬季社会实践活动',
      destination: '区青少年活动中心',
      date: '',
      leave_at: '08:10',
      return_at: '15:30',
      riders: 30,
      vehicle_id: 11,
      driver_id: 21,
      monitor_id: 31,
      note: '',
      active: true,
      version: 1,
    })
    // Its reasons show at its fields; a route's name does not.
    expect(unplacedBusErrors('outings', { date: '出行日期不能早于今天', riders: '超员', name: 'x' })).toEqual([{ field: 'name', reason: 'x' }])
  })

  it('lists the server’s reasons that no field of the form shows', () => {
    const errors = { vehicle_id: '车辆不符合校车条件：校车标牌已过期（2026-11-30）', unit_id: '学校不在管辖范围内', version: '版本已过期' }
    expect(unplacedBusErrors('routes', errors)).toEqual([{ field: 'version', reason: '版本已过期' }])
    expect(unplacedBusErrors('monitors', errors).map((e) => e.field)).toEqual(['vehicle_id', 'version'])
  })
})

describe('the survey', () => {
  it('says what a school’s row is: failing, expiring, nothing registered, or all well', () => {
    const [failing, warning, empty] = survey().schools
    expect(surveyRowState(failing)).toBe('fail')
    expect(surveyRowState(warning)).toBe('warn')
    expect(surveyRowState(empty)).toBe('empty')
    expect(surveyRowState({ ...warning, warnings: 0 })).toBe('ok')
  })

  it('colours the failing counts red and the warnings orange when above 0', () => {
    expect(countTone('failing_vehicles', 1)).toBe('danger')
    expect(countTone('failing_routes', 0)).toBe('')
    expect(countTone('warnings', 2)).toBe('warning')
    expect(countTone('vehicles', 3)).toBe('')
  })
})
