// 校车台账's records as the API answers, modelled on the demo district's 示范区双桥小学 (id 21): the
// provider 示范区平安校车服务有限公司, the buses 浙A52701 (39 seats, valid) and 浙A52702 (19 seats, its
// 校车标牌 expired), the drivers 王建国 (A1) and 李卫东 (B1), the monitor 赵秀兰, the route 双桥—河东线 and the
// outings on 浙A52701: 冬季社会实践活动 to come (2026-12-17) and 秋季研学旅行 behind (2026-10-28).
import type { Me } from '@/api/auth'
import type { BusCheck, BusDriver, BusMonitor, BusOuting, BusProvider, BusRoute, BusSurvey, BusVehicle } from '@/api/bus'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
export const MANAGER_PERMS = ['bus:read', 'bus:manage', 'school:read']
export const READER_PERMS = ['bus:read', 'school:read']
export const TODAY = '2026-12-07'

export function user(permissions: string[], unit = SCHOOL, username = 'school1_safety'): Me {
  return {
    user: { id: 9, username, display_name: '赵敏' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const meta = {
  unit_id: 21,
  unit_name: '示范区双桥小学',
  active: true,
  note: '',
  updated_by: 'school1_safety',
  updated_at: '2026-11-20T02:00:00Z',
  version: 2,
  checks: [] as BusCheck[],
  state: 'pass',
  can_edit: true,
}

export const pass = (rule_id: string, title: string, reason = ''): BusCheck => ({ rule_id, title, outcome: 'pass', outcome_label: '达标', reason })

export function provider(over: Partial<BusProvider> = {}): BusProvider {
  return {
    ...meta,
    id: 1,
    name: '示范区平安校车服务有限公司',
    licence_no: '浙交运管许可杭字330100000001号',
    licence_until: '2028-06-30',
    contract_until: '2027-08-31',
    contact: '张强 13800000000',
    ...over,
  }
}

export function vehicle(over: Partial<BusVehicle> = {}): BusVehicle {
  return {
    ...meta,
    id: 11,
    provider_id: 1,
    provider_name: '示范区平安校车服务有限公司',
    plate: '浙A52701',
    seats: 39,
    required_licence_class: 'A1',
    permit_no: 'XC2026-001',
    permit_until: '2027-09-30',
    inspected_on: '2026-09-01',
    insurance_until: '2027-08-31',
    gps: true,
    rented: false,
    checks: [
      pass('bus.inspection', '校车每 6 个月进行一次机动车安全技术检验', '安全技术检验在有效期内（至 2027-03-01）'),
      pass('bus.permit', '校车标牌在有效期内', '校车标牌有效（至 2027-09-30）'),
    ],
    ...over,
  }
}

/** 浙A52702: its 校车标牌 expired, its inspection due within the month. */
export function expiredVehicle(over: Partial<BusVehicle> = {}): BusVehicle {
  return vehicle({
    id: 12,
    plate: '浙A52702',
    seats: 19,
    required_licence_class: 'B1',
    permit_until: '2026-11-30',
    inspected_on: '2026-06-20',
    state: 'fail',
    checks: [
      {
        rule_id: 'bus.inspection',
        title: '校车每 6 个月进行一次机动车安全技术检验',
        outcome: 'warn',
        outcome_label: '提醒',
        reason: '安全技术检验将于 2026-12-20 到期',
      },
      { rule_id: 'bus.permit', title: '校车标牌在有效期内', outcome: 'fail', outcome_label: '未达标', reason: '校车标牌已过期（2026-11-30）' },
    ],
    ...over,
  })
}

export function driver(over: Partial<BusDriver> = {}): BusDriver {
  return {
    ...meta,
    id: 21,
    provider_id: 1,
    provider_name: '示范区平安校车服务有限公司',
    name: '王建国',
    birth: '1978-05-12',
    licence_class: 'A1',
    licence_since: '2005-03-01',
    bus_endorsement: true,
    full_points_in_3_cycles: false,
    fatal_accident_responsibility: false,
    drink_driving: false,
    overload_or_speeding_last_year: false,
    criminal_record: false,
    health_checked_on: '2026-03-10',
    checks: [
      pass('bus.driver_age', '校车驾驶人年龄在 25 至 60 周岁之间', '现年 48 周岁'),
      pass('bus.driver_experience', '校车驾驶人具有相应准驾车型三年以上驾驶经历，驾驶证签注准许驾驶校车', 'A1 驾龄满 3 年，已签注准许驾驶校车'),
      pass('bus.driver_record', '校车驾驶人无严重交通违法和犯罪记录，体检在有效期内', '体检在有效期内（至 2027-03-10）'),
    ],
    ...over,
  }
}

export function monitor(over: Partial<BusMonitor> = {}): BusMonitor {
  return { ...meta, id: 31, name: '赵秀兰', trained_on: '2026-08-25', ...over }
}

export function route(over: Partial<BusRoute> = {}): BusRoute {
  return {
    ...meta,
    id: 41,
    name: '双桥—河东线',
    stops: '河东村、青石桥、双桥小学',
    leave_at: '07:00',
    return_at: '16:30',
    riders: 32,
    vehicle_id: 11,
    driver_id: 21,
    monitor_id: 31,
    vehicle_plate: '浙A52701',
    driver_name: '王建国',
    monitor_name: '赵秀兰',
    checks: [
      pass('bus.monitor', '每条校车线路配备照管人员', '已配备照管人员'),
      pass('bus.capacity', '线路乘车学生不超过校车核定载人数', '乘车学生 32 人，核定载人数 39'),
    ],
    ...over,
  }
}

/** 冬季社会实践活动 to 区青少年活动中心 in 10 days, on 浙A52701 with 王建国 and 赵秀兰: passes on its day. */
export function outing(over: Partial<BusOuting> = {}): BusOuting {
  return {
    ...meta,
    id: 51,
    version: 1,
    purpose: '冬季社会实践活动',
    destination: '区青少年活动中心',
    date: '2026-12-17',
    leave_at: '08:10',
    return_at: '15:30',
    riders: 30,
    vehicle_id: 11,
    driver_id: 21,
    monitor_id: 31,
    vehicle_plate: '浙A52701',
    driver_name: '王建国',
    monitor_name: '赵秀兰',
    checks: [
      pass('bus.monitor', '每条校车线路配备照管人员', '已配备照管人员'),
      pass('bus.capacity', '线路乘车学生不超过校车核定载人数', '乘车学生 30 人，核定载人数 39'),
      pass('bus.permit', '校车标牌在有效期内', '校车标牌有效（至 2027-09-30）'),
      pass('bus.driver_age', '校车驾驶人年龄在 25 至 60 周岁之间', '届时 48 周岁'),
    ],
    ...over,
  }
}

/** 秋季研学旅行 to 市科技馆, 40 days ago, 36 riders. */
export const pastOuting = (over: Partial<BusOuting> = {}): BusOuting =>
  outing({ id: 50, purpose: '秋季研学旅行', destination: '市科技馆', date: '2026-10-28', riders: 36, ...over })

/** A coach rented for outings (租用车辆), 45 seats. */
export const rentedCoach = (over: Partial<BusVehicle> = {}): BusVehicle =>
  vehicle({ id: 13, plate: '浙A6R001', seats: 45, rented: true, provider_id: null, provider_name: '', ...over })

export function survey(over: Partial<BusSurvey> = {}): BusSurvey {
  return {
    total: {
      schools: 3,
      providers: 2,
      vehicles: 3,
      drivers: 3,
      monitors: 2,
      routes: 2,
      riders: 50,
      failing_vehicles: 1,
      failing_drivers: 0,
      failing_routes: 0,
      warnings: 2,
    },
    schools: [
      {
        school_id: 21,
        school_name: '示范区双桥小学',
        providers: 1,
        vehicles: 2,
        drivers: 2,
        monitors: 1,
        routes: 1,
        riders: 32,
        failing_vehicles: 1,
        failing_drivers: 0,
        failing_routes: 0,
        warnings: 1,
      },
      {
        school_id: 24,
        school_name: '青石镇中心小学',
        providers: 1,
        vehicles: 1,
        drivers: 1,
        monitors: 1,
        routes: 1,
        riders: 18,
        failing_vehicles: 0,
        failing_drivers: 0,
        failing_routes: 0,
        warnings: 1,
      },
      {
        school_id: 23,
        school_name: '仁和幼儿园',
        providers: 0,
        vehicles: 0,
        drivers: 0,
        monitors: 0,
        routes: 0,
        riders: 0,
        failing_vehicles: 0,
        failing_drivers: 0,
        failing_routes: 0,
        warnings: 0,
      },
    ],
    ...over,
  }
}
