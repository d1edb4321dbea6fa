import type { Me } from '@/api/auth'
import type {
  EduClass,
  EduCompletion,
  EduDistrictCompletionView,
  EduSchoolCompletionView,
  EduSession,
  EduSessions,
} from '@/api/edu'
import type {
  EduCalendarItem,
  EduDistrictCalendar,
  EduLesson,
  EduLessonDetail,
  EduObservance,
  EduSchoolCalendar,
  EduTheme,
  EduThemes,
} from '@/api/eduLessons'
import type { EduContentItem, EduContentOption, EduContents } from '@/api/eduContents'
import type { EduLetter, EduLetterBoard, EduLetterClass, EduLetterReceipt, PublicLetter } from '@/api/eduLetters'
import type { WaterBoard, WaterRisk } from '@/api/eduWaters'
import type { DrowningCampaign, DrowningDistrictBoard, DrowningSchoolBoard, DrowningWarningItem, DrowningWarnings } from '@/api/eduDrowning'
import type { JointDepartment, JointReport, JointTask } from '@/api/eduJoint'

export const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
export const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
export const TEACHER_PERMS = ['edu:read', 'edu:checkin']
export const OFFICER_PERMS = ['edu:read', 'edu:classes', 'edu:checkin', 'school:read']
export const BUREAU_PERMS = ['edu:read', 'edu:classes', 'school:read']

export function user(permissions: string[], unit = SCHOOL, username = 'school1_teacher'): Me {
  return {
    user: { id: 9, username, display_name: '王芳' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

export const TODAY = '2026-12-07'

export function session(over: Partial<EduSession> = {}): EduSession {
  return {
    class_id: 7,
    class_name: '2班',
    grade: 3,
    school_id: 21,
    school_name: '示范区双桥小学',
    date: TODAY,
    kind: 'daily',
    rule: 'edu.1530.daily',
    kind_label: '每日放学前1分钟',
    minutes_before: 1,
    at: '15:59',
    occasion: '',
    state: 'due',
    state_label: '今日待完成',
    topic: 'traffic',
    topic_label: '交通安全',
    text: '放学路上走人行道，过马路看红绿灯。',
    can_check_in: true,
    checkin: null,
    ...over,
  }
}

export function sessions(items: EduSession[], over: Partial<EduSessions> = {}): EduSessions {
  return { today: TODAY, late_days: 3, items, ...over }
}

export function eduClass(over: Partial<EduClass> = {}): EduClass {
  return {
    id: 7,
    school_id: 21,
    school_name: '示范区双桥小学',
    grade: 3,
    name: '2班',
    teacher: 'school1_teacher',
    teacher_name: '王芳',
    students: 45,
    active: true,
    version: 4,
    ...over,
  }
}

export const completion = (due: number, done: number, late: number, missed: number): EduCompletion => ({
  due,
  done,
  late,
  missed,
  rate: due ? (done + late) / due : 0,
})

export function schoolView(over: Partial<EduSchoolCompletionView> = {}): EduSchoolCompletionView {
  return {
    scope: 'school',
    school_id: 21,
    school_name: '示范区双桥小学',
    from: '2026-12-07',
    to: '2026-12-11',
    label: '2026年第50周',
    totals: completion(20, 16, 2, 2),
    by_kind: { daily: completion(16, 13, 1, 2), weekly: completion(4, 3, 1, 0), holiday: completion(0, 0, 0, 0) },
    classes: [
      { class_id: 7, class_name: '2班', grade: 3, teacher: 'school1_teacher', teacher_name: '王芳', ...completion(10, 9, 1, 0) },
      { class_id: 8, class_name: '幼儿园大班', grade: 0, teacher: '', teacher_name: '', ...completion(10, 7, 1, 2) },
    ],
    missing: [
      { class_id: 8, class_name: '幼儿园大班', grade: 0, date: '2026-12-08', kind: 'daily', kind_label: '每日放学前1分钟' },
      { class_id: 8, class_name: '幼儿园大班', grade: 0, date: '2026-12-07', kind: 'daily', kind_label: '每日放学前1分钟' },
    ],
    ...over,
  }
}

export function districtView(over: Partial<EduDistrictCompletionView> = {}): EduDistrictCompletionView {
  return {
    scope: 'district',
    from: '2026-12-07',
    to: '2026-12-11',
    label: '2026年第50周',
    totals: completion(60, 50, 4, 6),
    by_kind: { daily: completion(48, 40, 3, 5), weekly: completion(12, 10, 1, 1), holiday: completion(0, 0, 0, 0) },
    schools: [
      { school_id: 22, school_name: '示范区实验中学', classes: 4, ...completion(20, 14, 1, 5) },
      { school_id: 21, school_name: '示范区双桥小学', classes: 2, ...completion(20, 16, 2, 2) },
      { school_id: 23, school_name: '仁和幼儿园', classes: 2, ...completion(20, 20, 0, 0) },
    ],
    ...over,
  }
}

// ---- Safety education records and the education calendar ----

export const RECORDER_PERMS = [...OFFICER_PERMS, 'edu:lessons']
export const BUREAU_RECORDER_PERMS = [...BUREAU_PERMS, 'edu:lessons']

export const THEMES: EduTheme[] = [
  { code: 'first_lesson', label: '开学安全第一课' },
  { code: 'bullying', label: '防欺凌' },
  { code: 'fire', label: '消防安全' },
  { code: 'other', label: '其他' },
]

export function observances(year = 2026): EduObservance[] {
  return [
    { code: 'safety_day', label: '全国中小学生安全教育日', note: `3月最后一个星期一，${year}-03-30`, day: `${year}-03-30`, first: `${year}-03-01`, last: `${year}-03-31` },
    { code: 'security_day', label: '全民国家安全教育日', note: '4月15日', day: `${year}-04-15`, first: `${year}-04-01`, last: `${year}-04-30` },
    { code: 'production_month', label: '安全生产月', note: '6月，6月16日安全宣传咨询日', day: `${year}-06-01`, first: `${year}-06-01`, last: `${year}-06-30` },
    { code: 'fire_month', label: '消防宣传月', note: '11月，11月9日全国消防日', day: `${year}-11-01`, first: `${year}-11-01`, last: `${year}-11-30` },
  ]
}

export const themes = (year = 2026): EduThemes => ({ year, themes: THEMES, observances: observances(year) })

export function lesson(over: Partial<EduLesson> = {}): EduLesson {
  return {
    id: 5,
    school_id: 21,
    school_name: '示范区双桥小学',
    date: '2026-11-09',
    theme: 'fire',
    theme_label: '消防安全',
    observance: 'fire_month',
    observance_label: '消防宣传月',
    title: '消防安全进校园',
    whole_school: true,
    class_ids: [],
    participants: 860,
    speaker: '消防救援站 李队长',
    materials: '',
    note: '',
    recorded_by: 'school1_safety',
    recorded_by_name: '赵敏',
    created_at: '2026-11-09T08:00:00Z',
    updated_at: '2026-11-09T08:00:00Z',
    version: 2,
    ...over,
  }
}

export function lessonDetail(over: Partial<EduLessonDetail> = {}): EduLessonDetail {
  return { ...lesson(), class_names: [], files: [], can_edit: true, ...over }
}

export function calendarItem(over: Partial<EduCalendarItem> = {}): EduCalendarItem {
  return {
    key: 'fire_month:2026',
    code: 'fire_month',
    rule: 'edu.days',
    label: '消防宣传月',
    note: '11月，11月9日全国消防日',
    first: '2026-11-01',
    last: '2026-11-30',
    outcome: 'fail',
    outcome_label: '未达标',
    reason: '消防宣传月（11月，11月9日全国消防日）需开展活动 1 次，已记录 0 次',
    evidence: [],
    ...over,
  }
}

/** 示范区双桥小学's 2026: by first day, as the server sends them. */
export function schoolCalendar(over: Partial<EduSchoolCalendar> = {}): EduSchoolCalendar {
  return {
    year: 2026,
    today: TODAY,
    school: true,
    school_id: 21,
    school_name: '示范区双桥小学',
    items: [
      calendarItem({
        key: 'first_lesson:2025-2',
        code: 'first_lesson',
        rule: 'edu.first_lesson',
        label: '开学安全第一课',
        note: '2025—2026学年第二学期',
        first: '2026-02-24',
        last: '2026-03-02',
        reason: '须在 2026-02-24 至 2026-03-02 上好开学安全第一课，尚未记录',
      }),
      calendarItem({
        key: 'bullying_lesson:2025-2',
        code: 'bullying_lesson',
        rule: 'edu.bullying_lesson',
        label: '防欺凌专题教育',
        note: '2025—2026学年第二学期',
        first: '2026-02-24',
        last: '2026-07-10',
        outcome: 'pass',
        outcome_label: '达标',
        reason: '2025—2026学年第二学期需开展防欺凌专题教育 1 次，已记录 2 次：2026-03-12、2026-05-20',
        evidence: [3, 4],
      }),
      calendarItem({
        key: 'safety_day:2026',
        code: 'safety_day',
        label: '全国中小学生安全教育日',
        note: '3月最后一个星期一，2026-03-30',
        first: '2026-03-01',
        last: '2026-03-31',
        outcome: 'pass',
        outcome_label: '达标',
        reason: '全国中小学生安全教育日需开展活动 1 次，已记录 1 次：2026-03-30',
        evidence: [2],
      }),
      calendarItem({
        key: 'security_day:2026',
        code: 'security_day',
        label: '全民国家安全教育日',
        note: '4月15日',
        first: '2026-04-01',
        last: '2026-04-30',
        outcome: 'na',
        outcome_label: '不适用',
        reason: '全民国家安全教育日所在月份没有上学日',
      }),
      calendarItem({
        key: 'first_lesson:2026-1',
        code: 'first_lesson',
        rule: 'edu.first_lesson',
        label: '开学安全第一课',
        note: '2026—2027学年第一学期',
        first: '2026-09-01',
        last: '2026-09-07',
        outcome: 'pass',
        outcome_label: '达标',
        reason: '须在 2026-09-01 至 2026-09-07 上好开学安全第一课，已记录 1 次：2026-09-01',
        evidence: [6],
      }),
      calendarItem({
        key: 'bullying_lesson:2026-1',
        code: 'bullying_lesson',
        rule: 'edu.bullying_lesson',
        label: '防欺凌专题教育',
        note: '2026—2027学年第一学期',
        first: '2026-09-01',
        last: '2027-01-22',
        outcome: 'due',
        outcome_label: '待完成',
        reason: '2026—2027学年第一学期需开展防欺凌专题教育 1 次，已记录 0 次',
      }),
      calendarItem(),
    ],
    ...over,
  }
}

export function districtCalendar(over: Partial<EduDistrictCalendar> = {}): EduDistrictCalendar {
  const columns = schoolCalendar().items.map(({ key, code, label, note, first, last }) => ({ key, code, label, note, first, last }))
  const cells = (outcomes: string[]) => Object.fromEntries(columns.map((c, i) => [c.key, outcomes[i]]))
  return {
    year: 2026,
    today: TODAY,
    school: false,
    columns,
    schools: [
      { school_id: 22, school_name: '示范区实验中学', pass: 2, due: 1, fail: 3, cells: cells(['fail', 'pass', 'fail', 'na', 'pass', 'due', 'fail']) },
      { school_id: 21, school_name: '示范区双桥小学', pass: 3, due: 1, fail: 2, cells: cells(['fail', 'pass', 'pass', 'na', 'pass', 'due', 'fail']) },
      { school_id: 23, school_name: '仁和幼儿园', pass: 6, due: 0, fail: 0, cells: cells(['pass', 'pass', 'pass', 'na', 'pass', 'pass', 'pass']) },
    ],
    ...over,
  }
}

// ---- The 1530 reminder texts ----

/** A section of the district: inherits the bureau's edits, edits its own with edu:content. */
export const SECTION = { id: 3, name: '示范区第一学区', kind: 'section' }
export const CONTENT_PERMS = [...BUREAU_PERMS, 'edu:content']

export const CONTENT_TOPICS: EduContentOption[] = [
  { code: 'drowning', label: '防溺水' },
  { code: 'fire', label: '消防安全' },
  { code: 'traffic', label: '交通安全' },
  { code: 'bullying', label: '防欺凌' },
  { code: 'holiday_travel', label: '假期出行' },
  { code: 'fireworks', label: '烟花爆竹' },
  { code: 'food', label: '食品安全' },
  { code: 'fraud', label: '防诈骗' },
  { code: 'general', label: '综合安全' },
]

export const AGE_GROUPS: EduContentOption[] = [
  { code: 'kindergarten', label: '幼儿园' },
  { code: 'lower_primary', label: '小学低年级' },
  { code: 'upper_primary', label: '小学高年级' },
  { code: 'junior', label: '初中' },
  { code: 'senior', label: '高中' },
]

/** The shipped text of a topic and age group, as the fixtures word it. */
export const shippedText = (topic: string, age: string): string => `${topic}/${age}：系统默认的提醒内容。`

export function contentItem(topic: string, age: string, over: Partial<EduContentItem> = {}): EduContentItem {
  return {
    topic,
    topic_label: CONTENT_TOPICS.find((o) => o.code === topic)?.label ?? topic,
    age_group: age,
    age_group_label: AGE_GROUPS.find((o) => o.code === age)?.label ?? age,
    text: shippedText(topic, age),
    source: 'shipped',
    source_unit_name: '',
    shipped_text: shippedText(topic, age),
    version: 0,
    updated_by: '',
    updated_at: '',
    ...over,
  }
}

/** The 45 texts at 示范区第一学区: 防溺水·小学低年级 the bureau's, 交通安全·初中 the section's own, the rest shipped. */
export function contents(over: Partial<EduContents> = {}): EduContents {
  const items = CONTENT_TOPICS.flatMap((tp) =>
    AGE_GROUPS.map((ag) => {
      if (tp.code === 'drowning' && ag.code === 'lower_primary') {
        return contentItem(tp.code, ag.code, {
          text: '不到河边、水塘边玩耍，发现同伴落水要大声呼救。',
          source: 'inherited',
          source_unit_name: '示范区教育局',
          updated_by: 'safety_office',
          updated_at: '2026-11-20T01:00:00Z',
        })
      }
      if (tp.code === 'traffic' && ag.code === 'junior') {
        return contentItem(tp.code, ag.code, {
          text: '骑自行车不载人、不逆行，过路口下车推行。',
          source: 'own',
          version: 3,
          updated_by: 'section_basic',
          updated_at: '2026-12-01T02:30:00Z',
        })
      }
      return contentItem(tp.code, ag.code)
    }),
  )
  return { unit_id: 3, unit_name: '示范区第一学区', can_edit: true, topics: CONTENT_TOPICS, age_groups: AGE_GROUPS, items, ...over }
}

// ---- Letters to the parents ----

export function letter(over: Partial<EduLetter> = {}): EduLetter {
  return {
    id: 5,
    school_id: 21,
    school_name: '示范区双桥小学',
    school_year: 2026,
    term: 1,
    term_label: '2026—2027学年第一学期',
    title: '寒假安全致家长的一封信',
    body: '各位家长：\n寒假将至，请注意以下安全事项：\n一、防溺水……',
    closes_on: '2027-01-20',
    status: 'published',
    published_at: '2026-12-01T02:00:00Z',
    created_by: 'school1_safety',
    created_by_name: '赵敏',
    created_at: '2026-11-30T08:00:00Z',
    updated_at: '2026-12-01T02:00:00Z',
    version: 3,
    classes: 2,
    expected: 90,
    received: 27,
    rate: 0.3,
    can_edit: true,
    ...over,
  }
}

export function letterClass(over: Partial<EduLetterClass> = {}): EduLetterClass {
  return {
    class_id: 7,
    class_name: '三年级2班',
    grade: 3,
    teacher: 'school1_teacher',
    teacher_name: '王芳',
    students: 45,
    received: 27,
    rate: 0.6,
    token: 'tok7AbC',
    ...over,
  }
}

export function receipt(over: Partial<EduLetterReceipt> = {}): EduLetterReceipt {
  return {
    id: 1,
    class_id: 7,
    class_name: '三年级2班',
    student_name: '张三',
    relation: 'mother',
    relation_label: '母亲',
    at: '2026-12-02T01:30:00Z',
    ...over,
  }
}

export const RELATIONS = [
  { code: 'father', label: '父亲' },
  { code: 'mother', label: '母亲' },
  { code: 'grandparent', label: '祖父母/外祖父母' },
  { code: 'guardian', label: '其他监护人' },
]

export function publicLetter(over: Partial<PublicLetter> = {}): PublicLetter {
  return {
    school_name: '示范区双桥小学',
    class_name: '三年级2班',
    title: '寒假安全致家长的一封信',
    body: '各位家长：\n寒假将至，请注意以下安全事项：\n一、防溺水……',
    term_label: '2026—2027学年第一学期',
    published_at: '2026-12-01T02:00:00Z',
    closes_on: '2027-01-20',
    open: true,
    relations: RELATIONS,
    ...over,
  }
}

export function letterBoard(over: Partial<EduLetterBoard> = {}): EduLetterBoard {
  return {
    school_year: 2026,
    term: 1,
    term_label: '2026—2027学年第一学期',
    total: { schools: 3, with_letter: 2, expected: 1200, received: 900, rate: 0.75 },
    schools: [
      { school_id: 23, school_name: '仁和幼儿园', letters: 0, expected: 0, received: 0, rate: null },
      { school_id: 22, school_name: '示范区实验中学', letters: 1, expected: 700, received: 420, rate: 0.6 },
      { school_id: 21, school_name: '示范区双桥小学', letters: 2, expected: 500, received: 480, rate: 0.96 },
    ],
    ...over,
  }
}

// ---- Water near the schools ----

/** 村东大塘: a pond 300 m from 示范区双桥小学 with a warning sign only — 重点. */
export function water(over: Partial<WaterRisk> = {}): WaterRisk {
  return {
    id: 3,
    school_id: 21,
    school_name: '示范区双桥小学',
    location_type: 'rural',
    location_type_label: '乡村',
    name: '村东大塘',
    kind: 'pond',
    kind_label: '池塘',
    distance_m: 300,
    location: '学校东侧青石村村口',
    warning_sign: true,
    fence: false,
    rescue_gear: false,
    patrol: false,
    keeper: '青石村委会',
    checked_on: '2026-11-20',
    note: '',
    active: true,
    gaps: ['护栏', '救生设施', '巡查'],
    priority: true,
    updated_by: 'school1_safety',
    updated_by_name: '赵敏',
    updated_at: '2026-11-20T02:00:00Z',
    version: 2,
    can_edit: true,
    ...over,
  }
}

export function waterBoard(over: Partial<WaterBoard> = {}): WaterBoard {
  return {
    total: { schools: 4, with_waters: 2, waters: 5, with_gaps: 3, priority: 2 },
    schools: [
      { school_id: 21, school_name: '示范区双桥小学', location_type: 'rural', location_type_label: '乡村', waters: 3, with_gaps: 2, priority: 2, nearest_m: 300 },
      { school_id: 22, school_name: '示范区实验中学', location_type: 'fringe', location_type_label: '城乡结合部', waters: 2, with_gaps: 1, priority: 0, nearest_m: 1800 },
      { school_id: 24, school_name: '青石镇中心小学', location_type: 'township', location_type_label: '镇区', waters: 0, with_gaps: 0, priority: 0, nearest_m: null },
      { school_id: 23, school_name: '仁和幼儿园', location_type: 'urban', location_type_label: '城区', waters: 0, with_gaps: 0, priority: 0, nearest_m: null },
    ],
    ...over,
  }
}

// ---- Drowning warnings ----

/** The six-no rules for the class's age group, as the content library says them. */
export const SIX_NO =
  '防溺水“六不”：不私自下水游泳；不擅自与他人结伴游泳；不在无家长或教师带领的情况下游泳；不到无安全设施、无救援人员的水域游泳；不到不熟悉的水域游泳；不熟悉水性的学生不擅自下水施救。'

/** 三年级2班's warning day today (the last school day of the week), due. */
export function warning(over: Partial<DrowningWarningItem> = {}): DrowningWarningItem {
  return {
    class_id: 7,
    class_name: '2班',
    grade: 3,
    grade_label: '三年级',
    school_id: 21,
    school_name: '示范区双桥小学',
    date: TODAY,
    reasons: ['weekend'],
    reason_labels: ['周末前'],
    occasion: '',
    campaigns: [],
    state: 'due',
    state_label: '今日待完成',
    via: '',
    checkin_id: null,
    text: SIX_NO,
    can_give: true,
    warning: null,
    ...over,
  }
}

export function warnings(items: DrowningWarningItem[], over: Partial<DrowningWarnings> = {}): DrowningWarnings {
  return { today: TODAY, late_days: 7, items, ...over }
}

/** 汛期防溺水专项预警 of the bureau: all schools, running over TODAY. */
export function drowningCampaign(over: Partial<DrowningCampaign> = {}): DrowningCampaign {
  return {
    id: 4,
    unit_id: 1,
    unit_name: '示范区教育局',
    title: '汛期防溺水专项预警',
    text: '近期连续降雨，河道、水塘水位上涨，放学后不到河边、水塘边玩耍。',
    from: '2026-12-01',
    to: '2026-12-10',
    location_types: [],
    location_type_labels: [],
    created_by: 'safety_office',
    created_by_name: '李强',
    created_at: '2026-12-01T01:00:00Z',
    can_delete: true,
    ...over,
  }
}

export function drowningDistrict(over: Partial<DrowningDistrictBoard> = {}): DrowningDistrictBoard {
  return {
    scope: 'district',
    from: '2026-12-07',
    to: '2026-12-11',
    label: '2026年第50周',
    totals: completion(40, 30, 4, 6),
    high_risk: completion(30, 22, 3, 5),
    other: completion(10, 8, 1, 1),
    schools: [
      { school_id: 21, school_name: '示范区双桥小学', location_type: 'rural', location_type_label: '乡村', high_risk: true, classes: 2, days: 3, ...completion(6, 3, 1, 2) },
      { school_id: 23, school_name: '仁和幼儿园', location_type: 'urban', location_type_label: '城区', high_risk: false, classes: 2, days: 1, ...completion(2, 2, 0, 0) },
      { school_id: 25, school_name: '示范区新校', location_type: '', location_type_label: '', high_risk: false, classes: 0, days: 0, ...completion(0, 0, 0, 0) },
    ],
    ...over,
  }
}

/** 示范区双桥小学, a rural school (重点): 3 warning days this week, 2 of them not given by 幼儿园大班. */
export function drowningSchool(over: Partial<DrowningSchoolBoard> = {}): DrowningSchoolBoard {
  return {
    scope: 'school',
    school_id: 21,
    school_name: '示范区双桥小学',
    location_type: 'rural',
    location_type_label: '乡村',
    high_risk_school: true,
    days: 3,
    from: '2026-12-07',
    to: '2026-12-11',
    label: '2026年第50周',
    totals: completion(6, 3, 1, 2),
    high_risk: completion(6, 3, 1, 2),
    other: completion(0, 0, 0, 0),
    classes: [
      { class_id: 7, class_name: '2班', grade: 3, grade_label: '三年级', teacher: 'school1_teacher', teacher_name: '王芳', ...completion(3, 2, 1, 0) },
      { class_id: 8, class_name: '幼儿园大班', grade: 0, grade_label: '幼儿园/未分年级', teacher: '', teacher_name: '', ...completion(3, 1, 0, 2) },
    ],
    missing: [
      { class_id: 8, class_name: '幼儿园大班', grade: 0, grade_label: '幼儿园/未分年级', date: '2026-12-09' },
      { class_id: 8, class_name: '幼儿园大班', grade: 0, grade_label: '幼儿园/未分年级', date: '2026-12-08' },
    ],
    ...over,
  }
}

// ---- 联防联控 ----

/** A department's liaison: edu:joint and the whistle permissions, no edu:read. */
export const DEPT1 = { id: 31, name: '示范区公安分局', kind: 'department' }
export const DEPT2 = { id: 32, name: '示范区交警大队', kind: 'department' }
export const LIAISON_PERMS = ['department:read', 'region:read', 'whistle:read', 'whistle:respond', 'edu:joint']

/** 示范区公安分局's report: 12 waters patrolled, 8 signs, 2 fences, 1 hazard. */
export function jointReport(over: Partial<JointReport> = {}): JointReport {
  return {
    id: 5,
    text: '巡查河道、水塘 12 处，新设警示标志 8 块。',
    patrolled: 12,
    signs: 8,
    fences: 2,
    hazards: 1,
    by: 'dept1_liaison',
    by_name: '联络员',
    at: '2026-07-02T01:30:00Z',
    on: '2026-07-02',
    ...over,
  }
}

/** 示范区公安分局, not reported yet. */
export function jointDepartment(over: Partial<JointDepartment> = {}): JointDepartment {
  return {
    department_id: 31,
    name: '示范区公安分局',
    kind: 'police',
    kind_label: '公安',
    state: 'pending',
    state_label: '待报告',
    report: null,
    ...over,
  }
}

/** 暑期水域巡查 of the bureau, for 示范区公安分局 and 示范区交警大队, neither reported. */
export function jointTask(over: Partial<JointTask> = {}): JointTask {
  return {
    id: 12,
    unit_id: 1,
    unit_name: '示范区教育局',
    title: '暑期水域巡查',
    text: '每周巡查辖区河道、水塘，在危险水域设置警示标志。',
    kinds: ['patrol', 'signs'],
    kind_labels: ['巡查水域', '设置警示标志'],
    due_on: '2026-07-10',
    created_by: 'safety_office',
    created_by_name: '周科长',
    created_at: '2026-07-01T00:00:00Z',
    departments: [jointDepartment(), jointDepartment({ department_id: 32, name: '示范区交警大队', kind: 'traffic_police', kind_label: '交警' })],
    reported: 0,
    overdue: 0,
    can_report: false,
    can_delete: true,
    ...over,
  }
}
