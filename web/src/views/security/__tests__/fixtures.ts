// A school's security record, the bureau's board and the screening rounds as the API answers them,
// for the specs.
import type { SchoolSecurity, ScreeningRound, ScreeningRoundView, ScreeningView, SecurityBoard, SecurityRates } from '@/api/security'

export function securityRecord(over: Partial<SchoolSecurity> = {}): SchoolSecurity {
  return {
    school_id: 21,
    school_name: '示范区双桥小学',
    students: 850,
    staff: 60,
    boarding: false,
    boarders: 0,
    recorded: true,
    version: 3,
    updated_at: '2026-12-05T08:00:00+08:00',
    updated_by: 'zhang',
    has_canteen: true,
    perimeter: true,
    gate_controlled: true,
    visitor_register: true,
    gate_house_staffed: false,
    guards: [{ id: 1, name: '王建国', full_time: true, license_no: '鄂420100001', birth_date: '1968-03-02', employer: '某保安服务公司', shifts: '白班' }],
    alarms: [{ id: 4, location: '门卫室', linked_110: true, linked_bureau: false, last_test: '2026-11-20' }],
    video: { areas: ['gate', 'outside_gate', 'teaching'], retention_days: 30, open_fault_since: null, last_repair: '2026-10-02' },
    posts: [{ id: 7, gate: '南门', peak: 'morning', people: 3, kinds: ['police', 'guard', 'teacher'] }],
    patrols_per_day: 5,
    required_guards: 2,
    video_areas: [
      { code: 'gate', label: '校门', required: true },
      { code: 'outside_gate', label: '校门外', required: true },
      { code: 'teaching', label: '教学区', required: true },
      { code: 'gathering', label: '人员聚集区', required: true },
      { code: 'dormitory_entrance', label: '宿舍出入口', required: false },
      { code: 'canteen_kitchen', label: '食堂后厨', required: true },
    ],
    findings: [
      { rule: 'security.guards', title: '专职保安员配备数量', outcome: 'fail', outcome_label: '未达标', reason: '师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名' },
      { rule: 'security.guard_license', title: '保安员持证上岗、年龄符合要求', outcome: 'pass', outcome_label: '达标', reason: '保安员均持证上岗' },
      { rule: 'security.closed_campus', title: '校园封闭管理', outcome: 'fail', outcome_label: '未达标', reason: '门卫室未 24 小时值守' },
      { rule: 'security.alarm', title: '一键报警与公安联网并定期测试', outcome: 'pass', outcome_label: '达标', reason: '一键报警已联网并按期测试' },
      { rule: 'security.video', title: '视频监控覆盖、存储和故障修复', outcome: 'fail', outcome_label: '未达标', reason: '未覆盖人员聚集区、食堂后厨' },
      { rule: 'security.gate_duty', title: '上学放学高峰护学岗', outcome: 'fail', outcome_label: '未达标', reason: '放学高峰没有满员的护学岗' },
      { rule: 'security.patrol', title: '保安员每日巡查重点部位', outcome: 'pass', outcome_label: '达标', reason: '每天巡查 5 次，要求不少于 5 次' },
    ],
    indicators: { guards: false, closed_campus: false, alarm_video: false, gate_duty: false, all: false },
    can_edit: true,
    ...over,
  }
}

export function rates(all: number, screened = 36): SecurityRates {
  const r = (compliant: number) => ({ compliant, screened, permille: Math.floor((compliant * 1000) / screened) })
  return { all: r(all), guards: r(30), closed_campus: r(34), alarm_video: r(31), gate_duty: r(36) }
}

export function securityBoard(over: Partial<SecurityBoard> = {}): SecurityBoard {
  return {
    date: '2026-12-05',
    month: '2026-12',
    schools: 40,
    screened: 36,
    rates: rates(25),
    short: [
      {
        school_id: 21,
        school_name: '示范区双桥小学',
        indicators: { guards: false, closed_campus: true, alarm_video: true, gate_duty: true, all: false },
        reasons: [{ rule: 'security.guards', title: '专职保安员配备数量', reason: '师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名' }],
      },
    ],
    unscreened: [{ school_id: 14, school_name: '示范区幸福幼儿园' }],
    trend: [
      { month: '2026-11', rates: rates(20) },
      { month: '2026-12', rates: rates(25) },
    ],
    ...over,
  }
}

/** A screening round as the list answers it: 8 of 10 schools screened, 5 of them all four met. */
export function screeningRound(over: Partial<ScreeningRound> = {}): ScreeningRound {
  const r = (compliant: number, screened = 8) => ({ compliant, screened, permille: Math.floor((compliant * 1000) / screened) })
  return {
    id: 4,
    name: '2026年秋季四个100%逐校筛查',
    from: '2026-11-01',
    to: '2026-12-15',
    bureau_id: 1,
    bureau_name: '示范区教育局',
    window: 'open',
    created_by: 'safety_office',
    created_at: '2026-10-28T09:00:00+08:00',
    schools: 10,
    screened: 8,
    hazards_raised: 4,
    hazards_open: 3,
    rates: { all: r(5), guards: r(6), closed_campus: r(7), alarm_video: r(7), gate_duty: r(8) },
    ...over,
  }
}

/** A round's page: one school screened (专职保安 not met, a hazard raised), one not yet. */
export function screeningRoundView(over: Partial<ScreeningRoundView> = {}): ScreeningRoundView {
  return {
    ...screeningRound(),
    can_screen: false,
    rows: [
      {
        school_id: 21,
        school_name: '示范区双桥小学',
        screened: false,
        hazards: [],
      },
      {
        school_id: 22,
        school_name: '示范区实验中学',
        screened: true,
        screened_at: '2026-11-12T10:30:00+08:00',
        screened_by: 'school2_safety',
        indicators: { guards: false, closed_campus: true, alarm_video: true, gate_duty: true, all: false },
        reasons: '专职保安员配备数量：应配专职保安 3 名，现有 2 名，缺 1 名\n保安员每日巡查重点部位：每天巡查 3 次，要求不少于 5 次',
        hazards: [{ indicator: 'guards', hazard_id: 88, title: '四个100%筛查：专职保安未达标', state: 'pending_assign', state_label: '待交办' }],
      },
    ],
    ...over,
  }
}

/** One school's screening page, not screened yet, the school may screen now; today 专职保安 fails. */
export function screeningView(over: Partial<ScreeningView> = {}): ScreeningView {
  return {
    round: screeningRound({ schools: 1, screened: 0 }),
    school_id: 21,
    school_name: '示范区双桥小学',
    screened: false,
    evidence: [],
    hazards: [],
    current: {
      recorded: true,
      indicators: { guards: false, closed_campus: true, alarm_video: true, gate_duty: true, all: false },
      findings: [
        { rule: 'security.guards', title: '专职保安员配备数量', outcome: 'fail', reason: '师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名' },
        { rule: 'security.guard_license', title: '保安员持证上岗、年龄符合要求', outcome: 'pass', reason: '保安员均持证上岗' },
        { rule: 'security.closed_campus', title: '校园封闭管理', outcome: 'pass', reason: '封闭管理到位' },
        { rule: 'security.alarm', title: '一键报警与公安联网并定期测试', outcome: 'pass', reason: '一键报警已联网并按期测试' },
        { rule: 'security.video', title: '视频监控覆盖、存储和故障修复', outcome: 'pass', reason: '覆盖全部必需区域' },
        { rule: 'security.gate_duty', title: '上学放学高峰护学岗', outcome: 'pass', reason: '上学、放学高峰均有护学岗' },
        { rule: 'security.patrol', title: '保安员每日巡查重点部位', outcome: 'pass', reason: '每天巡查 5 次' },
      ],
    },
    can_screen: true,
    ...over,
  }
}

/** The same school once screened: the snapshot with evidence and the hazard raised. */
export function screenedView(over: Partial<ScreeningView> = {}): ScreeningView {
  const base = screeningView()
  return {
    ...base,
    round: screeningRound({ schools: 1, screened: 1 }),
    screened: true,
    screened_at: '2026-12-05T10:00:00+08:00',
    screened_by: 'school1_safety',
    indicators: { guards: false, closed_campus: true, alarm_video: true, gate_duty: true, all: false },
    reasons: '专职保安员配备数量：师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名',
    evidence: [
      { indicator: 'guards', label: '专职保安', note: '现有专职保安 1 名', files: [{ id: 501, name: '门卫.jpg', content_type: 'image/jpeg', size: 2048 }] },
      { indicator: 'closed_campus', label: '封闭管理', note: '围墙完整，门禁正常', files: [] },
      { indicator: 'alarm_video', label: '一键报警与视频监控', note: '', files: [{ id: 502, name: '监控室.png', content_type: 'image/png', size: 4096 }] },
      { indicator: 'gate_duty', label: '护学岗', note: '早晚高峰均有护学岗', files: [] },
    ],
    hazards: [{ indicator: 'guards', hazard_id: 91, title: '四个100%筛查：专职保安未达标', state: 'pending_assign', state_label: '待交办' }],
    can_screen: false,
    ...over,
  }
}
