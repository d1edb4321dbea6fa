// 安全培训 as the API answers, modelled on the demo district's 示范区双桥小学 (id 21): four key-post
// staff — 张强 (消防安全) overdue, 李娜 (实验室) due soon, 王磊 (安保) trained this year, 赵丽 (实习实训) no
// longer in post —, training.rotation 未达标 and training.holiday 达标; two sessions (a holiday security
// training with 王磊 and 30 others, a topic session); and 轮训看板 of three schools. 安全监管机构: the
// school's office without a full-time member, the bureau's, and 队伍建设看板 of the bureau and three
// schools.
import type { Me } from '@/api/auth'
import type { TrainingBoard, TrainingBoardRow, TrainingSession, TrainingSessionList, TrainingStaff, TrainingStaffList } from '@/api/training'
import type { SafetyOffice, StaffingBoard, StaffingBoardRow } from '@/api/staffing'

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

export const OFFICER = () => user(['training:read', 'training:manage', 'school:read'])
export const TEACHER = () => user(['training:read', 'school:read'], undefined, 'school1_teacher')
export const OFFICE = () => user(['training:read', 'training:manage', 'school:read'], BUREAU, 'safety_office')

export const POSTS = [
  { code: 'fire', label: '消防安全' },
  { code: 'construction', label: '基建工程' },
  { code: 'lab', label: '实验室' },
  { code: 'practice', label: '实习实训' },
  { code: 'security', label: '安保' },
]

export const KINDS = [
  { code: 'rotation', label: '重点岗位轮训' },
  { code: 'holiday', label: '假期安保培训（突发冲撞、侵害处置）' },
  { code: 'topic', label: '专题安全培训' },
]

export function person(over: Partial<TrainingStaff> = {}): TrainingStaff {
  return {
    id: 1,
    unit_id: 21,
    name: '张强',
    post: 'fire',
    post_label: '消防安全',
    phone: '13905711001',
    since: '2020-09-01',
    active: true,
    note: '',
    version: 2,
    last_trained_on: '2025-06-10',
    last_session_id: 3,
    last_session_title: '2025年重点岗位安全轮训',
    due_by: '2026-06-10',
    state: 'overdue',
    state_label: '逾期',
    ...over,
  }
}

export function staffList(over: Partial<TrainingStaffList> = {}): TrainingStaffList {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    can_edit: true,
    today: '2026-12-07',
    interval_months: 12,
    items: [
      person(),
      person({
        id: 2,
        name: '李娜',
        post: 'lab',
        post_label: '实验室',
        phone: '',
        last_trained_on: '2025-12-20',
        last_session_title: '实验室安全专题培训',
        due_by: '2026-12-20',
        state: 'due_soon',
        state_label: '即将到期',
        note: '兼任化学教研组长',
      }),
      person({
        id: 3,
        name: '王磊',
        post: 'security',
        post_label: '安保',
        last_trained_on: '2026-11-20',
        last_session_id: 8,
        last_session_title: '寒假安保培训',
        due_by: '2027-11-20',
        state: 'ok',
        state_label: '正常',
      }),
      person({
        id: 4,
        name: '赵丽',
        post: 'practice',
        post_label: '实习实训',
        active: false,
        last_trained_on: '',
        last_session_id: null,
        last_session_title: '',
        due_by: '',
        state: 'inactive',
        state_label: '已停用',
      }),
    ],
    posts: POSTS,
    checks: [
      {
        rule: 'training.rotation',
        title: '重点岗位人员每年至少参加一次安全轮训',
        outcome: 'fail',
        outcome_label: '未达标',
        reason: '1 人逾期未参加轮训：张强（消防安全）',
      },
      { rule: 'training.holiday', title: '假期前开展安保人员突发冲撞、侵害处置培训', outcome: 'pass', outcome_label: '达标', reason: '2026-11-20 已开展寒假安保培训' },
    ],
    ...over,
  }
}

export function session(over: Partial<TrainingSession> = {}): TrainingSession {
  return {
    id: 8,
    unit_id: 21,
    unit_name: '示范区双桥小学',
    title: '寒假安保培训',
    kind: 'holiday',
    kind_label: '假期安保培训（突发冲撞、侵害处置）',
    held_on: '2026-11-20',
    hours: 1.5,
    trainer: '城关派出所 李警官',
    place: '学校报告厅',
    staff_ids: [3],
    attendees: [{ id: 3, name: '王磊', post_label: '安保' }],
    other_count: 30,
    note: '',
    created_by: 'school1_safety',
    created_by_name: '赵敏',
    created_at: '2026-11-20T08:00:00Z',
    ...over,
  }
}

export function sessionList(over: Partial<TrainingSessionList> = {}): TrainingSessionList {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    can_edit: true,
    items: [
      session(),
      session({
        id: 5,
        title: '实验室安全专题培训',
        kind: 'topic',
        kind_label: '专题安全培训',
        held_on: '2025-12-20',
        hours: 2,
        trainer: '',
        place: '',
        staff_ids: [2],
        attendees: [{ id: 2, name: '李娜', post_label: '实验室' }],
        other_count: 0,
      }),
    ],
    kinds: KINDS,
    ...over,
  }
}

const verdict = (outcome: string, reason: string) => ({ outcome, outcome_label: { pass: '达标', fail: '未达标', warn: '提醒', na: '不适用' }[outcome] ?? outcome, reason })

export function boardRow(over: Partial<TrainingBoardRow> = {}): TrainingBoardRow {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    staff: 3,
    overdue: 1,
    due_soon: 1,
    last_session_on: '2026-11-20',
    rotation: verdict('fail', '1 人逾期未参加轮训：张强（消防安全）'),
    holiday: verdict('pass', '2026-11-20 已开展寒假安保培训'),
    ...over,
  }
}

/** Three schools: 示范区双桥小学 with one overdue, 示范区青石第2小学 all trained, 示范区河西中学 without staff. */
export function board(rows?: TrainingBoardRow[]): TrainingBoard {
  return {
    today: '2026-12-07',
    rows: rows ?? [
      boardRow(),
      boardRow({
        unit_id: 22,
        unit_name: '示范区青石第2小学',
        staff: 5,
        overdue: 0,
        due_soon: 0,
        last_session_on: '2026-10-08',
        rotation: verdict('pass', '5 人均在轮训周期内'),
        holiday: verdict('warn', '寒假前须开展安保培训'),
      }),
      boardRow({
        unit_id: 42,
        unit_name: '示范区河西中学',
        staff: 0,
        overdue: 0,
        due_soon: 0,
        last_session_on: '',
        rotation: verdict('na', '尚未登记重点岗位人员'),
        holiday: verdict('fail', '尚未开展假期安保培训'),
      }),
    ],
    totals: { schools: 3, staff: 8, overdue: 1, due_soon: 1 },
  }
}

// ---- 安全监管机构 ----

/**
 * 示范区双桥小学's safety office as the demo writes it: 安全办公室, a head (part time, the vice
 * principal) and 总务主任 (part time, 消防设施操作员) — no one full time, staffing.office 未达标.
 */
export function office(over: Partial<SafetyOffice> = {}): SafetyOffice {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    unit_kind: 'school',
    name: '安全办公室',
    members: [
      { name: '韩宏伟', post: '安全办主任（分管副校长兼）', full_time: false, qualifications: '', phone: '13705711071' },
      { name: '杨丽萍', post: '总务主任', full_time: false, qualifications: '消防设施操作员（中级）', phone: '' },
    ],
    counts: { members: 2, full_time: 0, qualified: 1 },
    version: 3,
    updated_by: 'school1_safety',
    updated_at: '2026-11-02T02:30:00Z',
    check: verdict('fail', '专职 0 人，少于 1 人'),
    can_edit: true,
    ...over,
  }
}

/** The bureau's 安全管理科: four full-time members, no verdict (the rule judges schools). */
export const bureauOffice = (over: Partial<SafetyOffice> = {}): SafetyOffice =>
  office({
    unit_id: 1,
    unit_name: '示范区教育局',
    unit_kind: 'bureau',
    name: '安全管理科',
    members: [
      { name: '周建军', post: '科长', full_time: true, qualifications: '注册安全工程师', phone: '13705712001' },
      { name: '朱淑芬', post: '专职安全员', full_time: true, qualifications: '', phone: '' },
    ],
    counts: { members: 2, full_time: 2, qualified: 1 },
    check: null,
    ...over,
  })

export function staffingRow(over: Partial<StaffingBoardRow> = {}): StaffingBoardRow {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    unit_kind: 'school',
    office_name: '安全办公室',
    counts: { members: 2, full_time: 0, qualified: 1 },
    check: verdict('fail', '专职 0 人，少于 1 人'),
    ...over,
  }
}

/** The bureau, then three schools: 双桥 short of full-time staff, 青石 达标, 河西 without an office. */
export function staffingBoard(rows?: StaffingBoardRow[]): StaffingBoard {
  return {
    rows: rows ?? [
      staffingRow({ unit_id: 1, unit_name: '示范区教育局', unit_kind: 'bureau', office_name: '安全管理科', counts: { members: 4, full_time: 4, qualified: 2 }, check: null }),
      staffingRow(),
      staffingRow({
        unit_id: 22,
        unit_name: '示范区青石第2小学',
        office_name: '安全保卫处',
        counts: { members: 3, full_time: 1, qualified: 2 },
        check: verdict('pass', '安全保卫处 3 人，其中专职 1 人'),
      }),
      staffingRow({ unit_id: 42, unit_name: '示范区河西中学', office_name: '', counts: { members: 0, full_time: 0, qualified: 0 }, check: verdict('fail', '尚未登记安全监管机构人员') }),
    ],
    totals: { offices: 3, members: 9, full_time: 5 },
  }
}
