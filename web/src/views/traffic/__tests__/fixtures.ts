// 校园交通's records as the API answers, modelled on the demo district's 示范区双桥小学 (id 21): the
// canteen van 浙A31012 (食堂配送（绿源农产品公司）, 北门 06:00—08:00), the staff cars at 南门 06:30—20:00,
// a visitor car valid this week; the e-bikes of 张老师 (校100, passes), 李老师 (校101, no licence plate),
// 王老师 (校102, modified) and 赵老师 (校103, not checked); the refusals at its gates.
import type { Me } from '@/api/auth'
import type { CampusEbike, CampusVehicle, GateRefusal } from '@/api/traffic'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
export const MANAGER_PERMS = ['traffic:read', 'traffic:manage', 'traffic:gate', 'school:read']
export const READER_PERMS = ['traffic:read', 'school:read']
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
  updated_by: 'demo',
  updated_at: '2026-12-06T20:19:18Z',
  version: 1,
  can_edit: true,
}

export function vehicle(over: Partial<CampusVehicle> = {}): CampusVehicle {
  return {
    ...meta,
    id: 13,
    vehicle_class: 'service',
    vehicle_class_label: '服务车辆',
    plate: '浙A31012',
    owner: '食堂配送（绿源农产品公司）',
    gates: ['北门'],
    from: '06:00',
    to: '08:00',
    valid_from: '2026-09-08',
    valid_until: '2027-09-08',
    validity: 'valid',
    ...over,
  }
}

export function staffCar(over: Partial<CampusVehicle> = {}): CampusVehicle {
  return vehicle({
    id: 11,
    vehicle_class: 'staff',
    vehicle_class_label: '教职工车辆',
    plate: '浙A81010',
    owner: '李老师',
    gates: ['南门'],
    from: '06:30',
    to: '20:00',
    valid_from: '',
    valid_until: '',
    ...over,
  })
}

export function visitorCar(over: Partial<CampusVehicle> = {}): CampusVehicle {
  return vehicle({
    id: 14,
    vehicle_class: 'visitor',
    vehicle_class_label: '访客车辆',
    plate: '浙B20013',
    owner: '区教育局督导检查',
    gates: [],
    from: '',
    to: '',
    valid_from: '2026-12-06',
    valid_until: '2026-12-12',
    ...over,
  })
}

export function ebike(over: Partial<CampusEbike> = {}): CampusEbike {
  return {
    ...meta,
    id: 16,
    owner: '张老师',
    licence_plate: '浙杭169869',
    campus_plate: '校100',
    checked_on: '2026-08-19',
    modified: false,
    outcome: 'pass',
    outcome_label: '达标',
    reason: '有号牌和校内牌照，已检查未改装',
    ...over,
  }
}

/** 李老师's: no licence plate. */
export const noPlateEbike = (over: Partial<CampusEbike> = {}): CampusEbike =>
  ebike({ id: 17, owner: '李老师', licence_plate: '', campus_plate: '校101', checked_on: '2026-10-18', outcome: 'fail', outcome_label: '未达标', reason: '无号牌', ...over })

/** 王老师's: found modified. */
export const modifiedEbike = (over: Partial<CampusEbike> = {}): CampusEbike =>
  ebike({ id: 18, owner: '王老师', licence_plate: '浙杭810498', campus_plate: '校102', checked_on: '2026-10-24', modified: true, outcome: 'fail', outcome_label: '未达标', reason: '已改装', ...over })

/** 赵老师's: not checked for modification yet. */
export const uncheckedEbike = (over: Partial<CampusEbike> = {}): CampusEbike =>
  ebike({ id: 19, owner: '赵老师', licence_plate: '浙杭558732', campus_plate: '校103', checked_on: '', outcome: 'due', outcome_label: '待完成', reason: '尚未做改装检查', ...over })

export function refusal(over: Partial<GateRefusal> = {}): GateRefusal {
  return {
    id: 25,
    unit_id: 21,
    unit_name: '示范区双桥小学',
    kind: 'ebike',
    gate: '南门',
    plate: '校101',
    subject_id: 17,
    reason: '电动自行车不得进入：无号牌',
    on: '2026-12-07',
    at: '2026-12-07T00:19:42Z',
    recorded_by: 'school1_safety',
    recorded_by_name: '安全干部',
    ...over,
  }
}

/** The demo's older refusal of the canteen van, out of its hours, recorded by the demo. */
export const vanRefusal = (over: Partial<GateRefusal> = {}): GateRefusal =>
  refusal({
    id: 7,
    kind: 'vehicle',
    gate: '北门',
    plate: '浙A31012',
    subject_id: 13,
    reason: '服务车辆只能在 06:00—08:00 进入',
    on: '2026-11-19',
    at: '2026-11-18T18:19:18Z',
    recorded_by: 'demo',
    recorded_by_name: '',
    ...over,
  })
