// 安全责任 as the API answers, modelled on the demo district's 示范区双桥小学 (id 21): the leader 张伟
// (党组织书记、校长, signed), the safety officer 赵敏 (分管安全副校长, signed before the template's second
// version: 待重签) and the teacher 周老师 (班主任, never signed); 三管三必须 with 食堂 not applicable, 教育
// 教学 owned by 周老师 (unsigned) and two gaps; three templates; 责任落实看板 of three schools; 安全述职
// of 2026 (three leaders, two rules not met) and of 2025 (a quieter year, nothing failed); the
// bureau's sections with their supervision items (one item's person no longer in post) and 措施覆盖
// (19/21: measure 3 without a section, measure 16 whose person left); 科室述职 of 基础教育科 in 2026 (two
// items, one person no longer in post; two pieces of work led, one with days not done) and in 2025
// (nothing led, no items).
import type { Me } from '@/api/auth'
import type {
  CoverageMeasure,
  DutyAreas,
  DutyBoard,
  DutyBoardRow,
  DutyList,
  DutyTemplate,
  DutyTemplates,
  DutyYear,
  SchoolDutyLists,
  SectionYear,
  SupervisionCoverage,
  SupervisionItem,
  SupervisionItems,
  SupervisionSection,
} from '@/api/duties'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }

export function user(permissions: string[], unit = SCHOOL, username = 'school1_leader', name = '张伟', id = 5): Me {
  return {
    user: { id, username, display_name: name },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

export const LEADER = () => user(['duty:read', 'duty:manage', 'school:read'])
export const TEACHER = () => user(['school:read'], undefined, 'school1_teacher', '周老师', 11)
export const OFFICE = () => user(['duty:read', 'duty:template', 'school:read'], BUREAU, 'safety_office', '钱主任', 2)
export const INSPECTOR = () => user(['duty:read', 'school:read'], BUREAU, 'inspector', '孙督查', 3)

export const POSTS = [
  { code: 'party_secretary', label: '党组织书记' },
  { code: 'principal', label: '校长' },
  { code: 'safety_vp', label: '分管安全副校长' },
  { code: 'class_teacher', label: '班主任' },
  { code: 'teacher', label: '教师' },
]

export const LEADER_CONTENT = [
  '张伟 安全工作职责清单',
  '【党组织书记（第 1 版）】',
  '1. 对学校安全工作负全面领导责任，落实党政同责、一岗双责、齐抓共管、失职追责',
  '2. 每学期至少主持召开一次党组织会议专题研究学校安全工作',
  '【校长（第 1 版）】',
  '3. 是学校安全工作第一责任人，对学校安全工作全面负责',
  '【本岗位补充职责】',
  '4. 每月带队检查一次学校食堂',
  '',
].join('\n')

export const TEACHER_CONTENT = [
  '周老师 安全工作职责清单',
  '【班主任（第 1 版）】',
  '1. 对本班学生安全教育和管理负直接责任',
  '2. 落实“1530”安全教育提醒：每天放学前1分钟、每周放学前5分钟、节假日放学前30分钟',
  '',
].join('\n')

export function dutyList(over: Partial<DutyList> = {}): DutyList {
  return {
    id: 1,
    unit_id: 21,
    unit_name: '示范区双桥小学',
    user_id: 5,
    holder_name: '张伟',
    posts: [POSTS[0], POSTS[1]],
    local_items: ['每月带队检查一次学校食堂'],
    version: 2,
    changed_on: '2026-11-02',
    signing: { list_version: 2, signature_id: 31, signed_on: '2026-11-03', signed_at: '2026-11-03T01:00:00Z' },
    state: 'signed',
    state_label: '已签订',
    state_reason: '已于 2026-11-03 签订',
    waiting_since: '',
    content: LEADER_CONTENT,
    can_sign: false,
    can_edit: true,
    ...over,
  }
}

export const officerList = (over: Partial<DutyList> = {}): DutyList =>
  dutyList({
    id: 2,
    user_id: 9,
    holder_name: '赵敏',
    posts: [POSTS[2]],
    local_items: [],
    version: 1,
    signing: { list_version: 1, signature_id: 32, signed_on: '2026-09-01', signed_at: '2026-09-01T01:00:00Z' },
    state: 'outdated',
    state_label: '待重签',
    state_reason: '分管安全副校长职责已更新为第 2 版，需重新签订',
    waiting_since: '2026-12-01',
    content: '赵敏 安全工作职责清单\n【分管安全副校长（第 2 版）】\n1. 协助校长具体负责学校安全管理工作\n',
    ...over,
  })

export const teacherList = (over: Partial<DutyList> = {}): DutyList =>
  dutyList({
    id: 3,
    user_id: 11,
    holder_name: '周老师',
    posts: [POSTS[3]],
    local_items: [],
    version: 1,
    changed_on: '2026-12-01',
    signing: null,
    state: 'unsigned',
    state_label: '未签订',
    state_reason: '尚未签订',
    waiting_since: '2026-12-01',
    content: TEACHER_CONTENT,
    ...over,
  })

export function schoolLists(over: Partial<SchoolDutyLists> = {}): SchoolDutyLists {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    lists: [dutyList(), officerList(), teacherList()],
    counts: { signed: 1, unsigned: 1, outdated: 1 },
    check: { outcome: 'warn', outcome_label: '提醒', reason: '2 份职责清单待签订（已签 1/3）' },
    can_edit: true,
    ...over,
  }
}

export const PEOPLE = [
  { user_id: 5, name: '张伟' },
  { user_id: 9, name: '赵敏' },
  { user_id: 11, name: '周老师' },
  { user_id: 12, name: '吴老师' },
]

export function areas(over: Partial<DutyAreas> = {}): DutyAreas {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    areas: [
      { area: 'teaching', label: '教育教学', applicable: true, owner_user_id: 11, owner_name: '周老师' },
      { area: 'student', label: '学生管理', applicable: true, owner_user_id: 9, owner_name: '赵敏' },
      { area: 'canteen', label: '食堂', applicable: false, owner_user_id: null, owner_name: '' },
      { area: 'lab', label: '实验室', applicable: true, owner_user_id: null, owner_name: '' },
    ],
    gaps: [
      { area: 'teaching', text: '教育教学负责人周老师的职责清单未签订' },
      { area: 'lab', text: '实验室未明确业务负责人' },
    ],
    check: { outcome: 'fail', outcome_label: '未达标', reason: '教育教学负责人周老师的职责清单未签订；实验室未明确业务负责人' },
    people: PEOPLE,
    version: 3,
    updated_by: 'school1_safety',
    can_edit: true,
    ...over,
  }
}

export function template(over: Partial<DutyTemplate> = {}): DutyTemplate {
  return {
    post: 'principal',
    post_label: '校长',
    items: ['是学校安全工作第一责任人，对学校安全工作全面负责', '组织隐患排查整改，对重大隐患挂账销号、签字压责'],
    version: 1,
    changed_on: '',
    updated_by: '',
    ...over,
  }
}

export function templates(over: Partial<DutyTemplates> = {}): DutyTemplates {
  return {
    templates: [
      template({ post: 'party_secretary', post_label: '党组织书记', items: ['对学校安全工作负全面领导责任'] }),
      template(),
      template({ post: 'safety_vp', post_label: '分管安全副校长', items: ['协助校长具体负责学校安全管理工作'], version: 2, changed_on: '2026-12-01', updated_by: 'safety_office' }),
    ],
    posts: POSTS,
    areas: [
      { code: 'teaching', label: '教育教学' },
      { code: 'canteen', label: '食堂' },
    ],
    can_edit: true,
    ...over,
  }
}

export function boardRow(over: Partial<DutyBoardRow> = {}): DutyBoardRow {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    lists: 3,
    signed: 1,
    unsigned: 1,
    outdated: 1,
    gaps: 2,
    signed_check: { outcome: 'warn', outcome_label: '提醒', reason: '2 份职责清单待签订（已签 1/3）' },
    areas_check: { outcome: 'fail', outcome_label: '未达标', reason: '实验室未明确业务负责人' },
    ...over,
  }
}

export function board(): DutyBoard {
  return {
    rows: [
      boardRow(),
      boardRow({
        unit_id: 22,
        unit_name: '示范区青石第2小学',
        lists: 2,
        signed: 2,
        unsigned: 0,
        outdated: 0,
        gaps: 0,
        signed_check: { outcome: 'pass', outcome_label: '达标', reason: '职责清单全部签订（2/2）' },
        areas_check: { outcome: 'pass', outcome_label: '达标', reason: '各业务领域均有负责人且已签订职责清单' },
      }),
      boardRow({
        unit_id: 42,
        unit_name: '示范区实验中学',
        lists: 0,
        signed: 0,
        unsigned: 0,
        outdated: 0,
        gaps: 9,
        signed_check: { outcome: 'fail', outcome_label: '未达标', reason: '尚未建立安全工作职责清单' },
        areas_check: null,
      }),
    ],
    totals: { schools: 3, lists: 5, signed: 3, schools_passing: 1 },
  }
}

export function dutyYear(over: Partial<DutyYear> = {}): DutyYear {
  return {
    unit_id: 21,
    unit_name: '示范区双桥小学',
    year: 2026,
    as_of: '2026-12-07',
    leaders: [
      { name: '张伟', posts: '党组织书记、校长', state: '已签订', signed_on: '2026-09-10' },
      { name: '赵敏', posts: '分管安全副校长', state: '待重签', signed_on: '2026-03-02' },
      { name: '钱副校长', posts: '其他校级领导', state: '未签订', signed_on: '' },
    ],
    lists: 5,
    lists_signed: 3,
    hazards: { found: 4, found_closed: 3, closed: 5 },
    drills: 6,
    training_sessions: 2,
    supervision: { orders: 2, answered: 1 },
    work: { due: 12, done: 9, done_late: 2, overdue: 1 },
    failing: [
      { rule_id: 'duty.areas', title: '三管三必须业务分工', measure: 1, periods: 1, last_reason: '食堂未明确业务负责人' },
      { rule_id: 'whistle.periodic', title: '学校按月定期报告（无风险时零报告）', measure: 5, periods: 5, last_reason: '2026年7月未报送定期报告' },
    ],
    ...over,
  }
}

export const dutyYear2025 = (over: Partial<DutyYear> = {}): DutyYear =>
  dutyYear({
    year: 2025,
    as_of: '2025-12-31',
    leaders: [],
    lists: 0,
    lists_signed: 0,
    hazards: { found: 1, found_closed: 1, closed: 1 },
    drills: 0,
    training_sessions: 1,
    supervision: { orders: 0, answered: 0 },
    work: { due: 0, done: 0, done_late: 0, overdue: 0 },
    failing: [],
    ...over,
  })

// ---- 科室监管事项 and 措施覆盖: the demo bureau's sections ----

export const SECTION_BASIC = { id: 3, name: '基础教育科', kind: 'section' }
/** The head of 基础教育科 (duty:read, no duty:template). */
export const SECTION_HEAD = () => user(['duty:read', 'school:read'], SECTION_BASIC, 'section_basic', '基础教育科 郑科长', 9)

export const SECTIONS: SupervisionSection[] = [
  { id: 2, name: '安全管理科', people: [{ user_id: 8, name: '安全管理科 刘科长' }] },
  {
    id: 3,
    name: '基础教育科',
    people: [
      { user_id: 9, name: '基础教育科 郑科长' },
      { user_id: 10, name: '基础教育科 王副科长' },
    ],
  },
  { id: 4, name: '学前教育科', people: [{ user_id: 12, name: '学前教育科 陈科长' }] },
]

// ---- 科室述职: 基础教育科's year ----

export function sectionYear(over: Partial<SectionYear> = {}): SectionYear {
  return {
    section_id: 3,
    section_name: '基础教育科',
    bureau_name: '示范区教育局',
    year: 2026,
    as_of: '2026-12-07',
    people: ['基础教育科 郑科长', '基础教育科 王副科长'],
    supervision: [
      { title: '指导督促小学落实安全主体责任', kind_label: '管学段（小学）', measures: '1、20、21', person: '基础教育科 郑科长', person_active: true },
      { title: '指导初中落实 1530 安全教育提醒', kind_label: '管学段（初中）', measures: '20', person: '基础教育科 赵副科长', person_active: false },
    ],
    measures: [1, 20, 21],
    led: [
      {
        item_id: 41,
        kind_label: '常规工作',
        title: '每月隐患排查报送',
        units: 2,
        figures: { due: 6, done: 1, done_late: 1, overdue: 4 },
      },
      {
        item_id: 37,
        kind_label: '重点事项',
        title: '秋季开学安全检查',
        units: 12,
        figures: { due: 12, done: 12, done_late: 0, overdue: 0 },
      },
    ],
    led_total: { due: 18, done: 13, done_late: 1, overdue: 4 },
    own: { due: 3, done: 0, done_late: 1, overdue: 2 },
    ...over,
  }
}

export const sectionYear2025 = (over: Partial<SectionYear> = {}): SectionYear =>
  sectionYear({
    year: 2025,
    as_of: '2025-12-31',
    supervision: [],
    measures: [],
    led: [],
    led_total: { due: 0, done: 0, done_late: 0, overdue: 0 },
    own: { due: 2, done: 2, done_late: 0, overdue: 0 },
    ...over,
  })

export function supervisionItem(over: Partial<SupervisionItem> = {}): SupervisionItem {
  return {
    id: 1,
    section_id: 3,
    section_name: '基础教育科',
    kind: 'stage',
    kind_label: '管学段',
    stage: 'primary',
    stage_label: '小学',
    title: '指导督促小学落实安全主体责任',
    detail: '每学期检查一次小学安全工作职责清单签订',
    measures: [1, 20, 21],
    post: '科长',
    person_user_id: 9,
    person_name: '基础教育科 郑科长',
    person_active: true,
    version: 1,
    updated_by: 'safety_office',
    updated_at: '2026-11-20T02:00:00Z',
    ...over,
  }
}

export const supervisionItemsList = (): SupervisionItem[] => [
  supervisionItem({
    id: 1,
    section_id: 2,
    section_name: '安全管理科',
    kind: 'business',
    kind_label: '管业务',
    stage: '',
    stage_label: '',
    title: '统筹全区学校安全隐患排查整改',
    detail: '',
    measures: [1, 6, 7, 8],
    person_user_id: 8,
    person_name: '安全管理科 刘科长',
  }),
  supervisionItem({ id: 2 }),
  supervisionItem({
    id: 3,
    title: '指导初中落实 1530 安全教育提醒',
    stage: 'junior',
    stage_label: '初中',
    detail: '',
    measures: [20],
    post: '副科长',
    person_user_id: 11,
    person_name: '基础教育科 赵副科长',
    person_active: false,
  }),
]

export function supervisionItems(over: Partial<SupervisionItems> = {}): SupervisionItems {
  return {
    bureau_id: 1,
    bureau_name: '示范区教育局',
    items: supervisionItemsList(),
    sections: SECTIONS,
    kinds: [
      { code: 'stage', label: '管学段' },
      { code: 'business', label: '管业务' },
    ],
    stages: [
      { code: 'kindergarten', label: '学前教育' },
      { code: 'primary', label: '小学' },
      { code: 'junior', label: '初中' },
      { code: 'senior', label: '普通高中' },
      { code: 'vocational', label: '中等职业学校' },
      { code: 'special', label: '特殊教育' },
    ],
    can_edit: true,
    ...over,
  }
}

const MEASURE_TITLES = [
  '压实学校安全主体责任',
  '细化教育部门监管责任',
  '建立部门联席会议，推动齐抓共管',
  '落实三防建设',
  '学校吹哨、部门报到',
  '优化隐患排查方式',
  '隐患动态清零',
  '提升隐患整改质量',
  '加强防溺水宣传教育',
  '强化联防联控',
  '开展火灾隐患排查',
  '畅通生命通道',
  '开展消防应急演练',
  '规范校内交通',
  '整治校园周边交通',
  '治理接送学生车辆',
  '加强安全监管能力培训',
  '加强监管机构和队伍建设',
  '健全应急处置机制',
  '落实 1530 教育提醒',
  '创新安全教育形式',
]

/** 措施覆盖 of the demo: every measure covered by 安全管理科 but 3 (no item) and 16 (its item's person left). */
export function coverage(over: Partial<SupervisionCoverage> = {}): SupervisionCoverage {
  const measures: CoverageMeasure[] = MEASURE_TITLES.map((title, i) => {
    const n = i + 1
    if (n === 3) return { number: n, title, sections: [], items: 0, unassigned: 0, covered: false }
    if (n === 16) return { number: n, title, sections: [{ id: 3, name: '基础教育科' }], items: 1, unassigned: 1, covered: false }
    return { number: n, title, sections: [{ id: 2, name: '安全管理科' }], items: n === 1 ? 2 : 1, unassigned: 0, covered: true }
  })
  return {
    bureau_id: 1,
    bureau_name: '示范区教育局',
    measures,
    sections: [
      { id: 2, name: '安全管理科', items: 6, unassigned: 0, measures: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21] },
      { id: 3, name: '基础教育科', items: 3, unassigned: 1, measures: [1, 16, 20] },
      { id: 4, name: '学前教育科', items: 0, unassigned: 0, measures: [] },
    ],
    covered: 19,
    total: 21,
    uncovered: [3, 16],
    unassigned: 1,
    ...over,
  }
}
