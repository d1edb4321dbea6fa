// Records of the patrol pages' tests, as the server sends them.
import type { ChecklistItem } from '@/api/checklists'
import type { PatrolAnswer, PatrolPlan, PatrolRecord, PatrolSlot } from '@/api/patrols'

export function item(over: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    key: 'C01',
    text: '燃气管道、阀门、连接软管无老化、破损、泄漏',
    domain: 'gas',
    domain_label: '燃气安全',
    place_kind: 'canteen',
    place_kind_label: '食堂',
    answer: 'pass_fail',
    answer_label: '合格/不合格/不适用',
    min: null,
    max: null,
    unit: '',
    photo_required: false,
    failure_level: 'major',
    failure_level_label: '重大隐患',
    basis: '',
    ...over,
  }
}

/** Three items: pass/fail, a reading of at least 1.1 米 with a photo, and text. */
export const items: ChecklistItem[] = [
  item(),
  item({ key: 'C02', text: '疏散楼梯净宽度', domain: 'fire', answer: 'number', min: 1.1, max: null, unit: '米', photo_required: true, failure_level: 'general' }),
  item({ key: 'C03', text: '值班情况', domain: 'fire', answer: 'text', failure_level: 'general' }),
]

export const plan: PatrolPlan = {
  id: 5,
  school_id: 21,
  school_name: '示范区双桥小学',
  key_place_id: 102,
  place_name: '学生食堂',
  place_kind: 'canteen',
  template_id: 2,
  template_code: 'fire.canteen',
  template_name: '食堂消防与燃气安全检查表',
  template_version: 1,
  frequency: 'daily',
  shifts: [],
  school_days_only: true,
  patroller: '食堂管理员',
  starts_on: '2026-12-01',
  ends_on: null,
  note: '',
  created_by: 'school1_safety',
  created_at: '2026-12-01T01:00:00Z',
  can_edit: true,
}

export function slot(over: Partial<PatrolSlot> = {}): PatrolSlot {
  return {
    plan_id: 5,
    school_id: 21,
    school_name: '示范区双桥小学',
    key_place_id: 102,
    place_name: '学生食堂',
    place_kind: 'canteen',
    template_name: '食堂消防与燃气安全检查表',
    patroller: '食堂管理员',
    frequency: 'daily',
    date: '2026-12-08',
    shift: 0,
    shift_time: '',
    due_by: '2026-12-08',
    state: 'due',
    record_id: null,
    ...over,
  }
}

export function answer(over: Partial<PatrolAnswer> = {}): PatrolAnswer {
  return {
    item_key: 'C01',
    text: '燃气管道、阀门、连接软管无老化、破损、泄漏',
    domain: 'gas',
    answer: 'pass_fail',
    unit: '',
    min: null,
    max: null,
    photo_required: false,
    failure_level: 'major',
    value: 'fail',
    verdict: 'fail',
    note: '软管老化',
    file_ids: [77],
    hazard_id: null,
    ...over,
  }
}

export function record(over: Partial<PatrolRecord> = {}): PatrolRecord {
  return {
    id: 40,
    plan_id: 5,
    school_id: 21,
    school_name: '示范区双桥小学',
    key_place_id: 102,
    place_name: '学生食堂',
    place_kind: 'canteen',
    template_id: 2,
    template_name: '食堂消防与燃气安全检查表',
    template_version: 1,
    date: '2026-12-08',
    shift: 0,
    shift_time: '',
    patrolled_at: '2026-12-08T02:00:00Z',
    patroller: '安全干部',
    username: 'school1_safety',
    note: '',
    failed: 1,
    answers: [answer(), answer({ item_key: 'C02', text: '燃气泄漏报警装置完好', value: 'pass', verdict: 'pass', note: '', file_ids: [] })],
    files: [{ id: 77, name: 'hose.png', content_type: 'image/png', size: 100, sha256: 'x', url: '/api/v1/files/77' }],
    can_raise: true,
    ...over,
  }
}
