// 应急体系 as the API answers, modelled on the demo district's 示范区双桥小学 (id 21): a school without a
// setup (version 0, the lists empty, every check 未达标), and one set up (version 3) — 王建国 总指挥, a
// deputy and one person in each of the four groups; a minimal emergency unit of 1 保安员 and 2 教职工
// but no 周边商户志愿者 (emergency.unit 未达标); the overall plan with its PDF and a special plan past its
// revision day — and 应急体系总览 of three schools, one in each state.
import type { Me } from '@/api/auth'
import type { EmergencyOverview, EmergencyOverviewRow, EmergencySetup } from '@/api/emergency'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }

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

export const OPTIONS: EmergencySetup['options'] = {
  command_roles: [
    { code: 'commander', label: '总指挥' },
    { code: 'deputy', label: '副总指挥' },
    { code: 'evacuation', label: '疏散引导组' },
    { code: 'rescue', label: '抢险救援组' },
    { code: 'communication', label: '通讯联络组' },
    { code: 'logistics', label: '后勤保障组' },
    { code: 'medical', label: '医疗救护组' },
  ],
  unit_roles: [
    { code: 'guard', label: '保安员' },
    { code: 'staff', label: '教职工' },
    { code: 'volunteer', label: '周边商户志愿者' },
  ],
  plan_kinds: [
    { code: 'overall', label: '综合应急预案' },
    { code: 'special', label: '专项应急预案' },
    { code: 'onsite', label: '现场处置方案' },
  ],
}

const empty: EmergencySetup = {
  unit_id: 21,
  unit_name: '示范区双桥小学',
  command: [],
  unit: [],
  duty_phone: '',
  gathering_point: '',
  police_station: '',
  hospital: '',
  plans: [],
  version: 0,
  updated_by: '',
  updated_by_name: '',
  updated_at: null,
  checks: [
    { rule: 'emergency.command', title: '应急指挥体系：总指挥和各工作组人员明确', outcome: 'fail', outcome_label: '未达标', reason: '尚未建立应急指挥体系' },
    { rule: 'emergency.unit', title: '最小应急单元：保安员、教职工、周边志愿者人数和联系方式', outcome: 'fail', outcome_label: '未达标', reason: '尚未组建最小应急单元' },
    { rule: 'emergency.plan', title: '应急预案齐全并按期修订', outcome: 'fail', outcome_label: '未达标', reason: '尚未登记应急预案' },
  ],
  can_edit: true,
  options: OPTIONS,
}

/** No setup yet. */
export const newSetup = (over: Partial<EmergencySetup> = {}): EmergencySetup => ({ ...JSON.parse(JSON.stringify(empty)), ...over })

const person = (role: string, role_label: string, name: string, post: string, phone: string) => ({ role, role_label, name, post, phone })

/** Set up (version 3): the command passes, the unit lacks volunteers, a special plan is overdue. */
export function setup(over: Partial<EmergencySetup> = {}): EmergencySetup {
  return {
    ...newSetup(),
    command: [
      person('commander', '总指挥', '王建国', '校长', '13905710001'),
      person('deputy', '副总指挥', '李春梅', '副校长', '13905710002'),
      person('evacuation', '疏散引导组', '张伟', '德育主任', '13905710003'),
      person('rescue', '抢险救援组', '刘强', '总务主任', '13905710004'),
      person('communication', '通讯联络组', '陈静', '办公室主任', '0571-87650002'),
      person('logistics', '后勤保障组', '周敏', '后勤', '13905710006'),
    ],
    unit: [
      person('guard', '保安员', '孙海', '门卫', '13905710007'),
      person('staff', '教职工', '吴芳', '体育教师', '13905710008'),
      person('staff', '教职工', '郑磊', '班主任', ''),
    ],
    duty_phone: '0571-87650001',
    gathering_point: '田径场',
    police_station: '城关派出所 0571-87650110',
    hospital: '区人民医院 0571-87650120',
    plans: [
      {
        title: '学校突发事件综合应急预案',
        kind: 'overall',
        kind_label: '综合应急预案',
        revised_on: '2026-03-02',
        review_by: '2027-03-02',
        overdue: false,
        file_id: 5,
        file_name: '综合应急预案.pdf',
      },
      {
        title: '消防安全专项应急预案',
        kind: 'special',
        kind_label: '专项应急预案',
        revised_on: '2025-09-01',
        review_by: '2026-09-01',
        overdue: true,
        file_id: null,
        file_name: '',
      },
    ],
    version: 3,
    updated_by: 'school1_safety',
    updated_by_name: '赵敏',
    updated_at: '2026-12-06T02:30:00Z',
    checks: [
      {
        rule: 'emergency.command',
        title: '应急指挥体系：总指挥和各工作组人员明确',
        outcome: 'pass',
        outcome_label: '达标',
        reason: '总指挥已明确；疏散引导组 1 人，抢险救援组 1 人，通讯联络组 1 人，后勤保障组 1 人',
      },
      {
        rule: 'emergency.unit',
        title: '最小应急单元：保安员、教职工、周边志愿者人数和联系方式',
        outcome: 'fail',
        outcome_label: '未达标',
        reason: '周边商户志愿者 0 人，少于 1 人；1 人无有效联系电话',
      },
      { rule: 'emergency.plan', title: '应急预案齐全并按期修订', outcome: 'fail', outcome_label: '未达标', reason: '《消防安全专项应急预案》应于 2026-09-01 前修订' },
    ],
    ...over,
  }
}

const verdict = (outcome: string, reason: string) => ({ outcome, outcome_label: { pass: '达标', fail: '未达标', warn: '提醒' }[outcome] ?? outcome, reason })

export function overviewRow(over: Partial<EmergencyOverviewRow> = {}): EmergencyOverviewRow {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    state: 'incomplete',
    state_label: '未达标',
    command: verdict('pass', '总指挥已明确；疏散引导组 1 人，抢险救援组 1 人，通讯联络组 1 人，后勤保障组 1 人'),
    unit: verdict('fail', '周边商户志愿者 0 人，少于 1 人'),
    plan: verdict('warn', '《学校突发事件综合应急预案》须于 2027-01-02 前修订'),
    commander: '王建国',
    command_people: 6,
    guards: 1,
    staff: 2,
    volunteers: 0,
    plans: 2,
    updated_at: '2026-12-06T02:30:00Z',
    ...over,
  }
}

/** Three schools: 示范区双桥小学 未达标, 示范区青石第2小学 达标, 示范区河西中学 未建立. */
export function overview(items?: EmergencyOverviewRow[]): EmergencyOverview {
  const rows = items ?? [
    overviewRow(),
    overviewRow({
      unit_id: 22,
      unit_name: '示范区青石第2小学',
      state: 'complete',
      state_label: '达标',
      commander: '赵刚',
      command_people: 9,
      guards: 2,
      staff: 3,
      volunteers: 1,
      plans: 3,
      unit: verdict('pass', '保安员 2 人，教职工 3 人，周边商户志愿者 1 人，均有联系电话'),
      plan: verdict('pass', '3 份应急预案，均在修订期内'),
    }),
    overviewRow({
      unit_id: 42,
      unit_name: '示范区河西中学',
      state: 'none',
      state_label: '未建立',
      commander: '',
      command_people: 0,
      guards: 0,
      staff: 0,
      volunteers: 0,
      plans: 0,
      updated_at: null,
      command: verdict('fail', '尚未建立应急指挥体系'),
      unit: verdict('fail', '尚未组建最小应急单元'),
      plan: verdict('fail', '尚未登记应急预案'),
    }),
  ]
  return { items: rows, counts: { none: 38, incomplete: 1, complete: 1 } }
}
