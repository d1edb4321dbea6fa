import type { Me } from '@/api/auth'
import type {
  EduClass,
  EduCompletion,
  EduDistrictCompletionView,
  EduSchoolCompletionView,
  EduSession,
  EduSessions,
} from '@/api/edu'

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
