// A school's security record and the bureau's board as the API answers them, for the specs.
import type { SchoolSecurity, SecurityBoard, SecurityRates } from '@/api/security'

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
