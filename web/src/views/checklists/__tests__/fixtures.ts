// Records of the checklist pages' tests, as the server sends them.
import type { ChecklistItem, ChecklistTemplate, ChecklistTemplateDetail } from '@/api/checklists'
import type { Dictionaries } from '@/api/dictionaries'

export function item(over: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    key: 'D01',
    text: '疏散通道、安全出口畅通，无堵塞、锁闭',
    domain: 'fire',
    domain_label: '消防安全',
    place_kind: 'dormitory',
    place_kind_label: '学生宿舍',
    answer: 'pass_fail',
    answer_label: '合格/不合格/不适用',
    min: null,
    max: null,
    unit: '',
    photo_required: true,
    failure_level: 'major',
    failure_level_label: '重大隐患',
    basis: '《中华人民共和国消防法》第二十八条',
    ...over,
  }
}

/** The shipped 学生宿舍消防安全检查表 (boarding schools only), four of its items. */
export function shipped(over: Partial<ChecklistTemplateDetail> = {}): ChecklistTemplateDetail {
  return {
    id: 1,
    code: 'fire.dormitory',
    version: 1,
    name: '学生宿舍消防安全检查表',
    description: '寄宿制学校学生宿舍的日常防火巡查和专项检查。',
    applies: { stages: [], location_types: [], boarding: true },
    shipped: true,
    owner_unit_id: null,
    owner_name: '系统内置',
    created_by: 'system',
    created_at: '2026-12-01T02:00:00.000Z',
    item_count: 4,
    latest: true,
    can_edit: false,
    items: [
      item(),
      item({
        key: 'D02',
        text: '宿舍内无违规使用大功率电器',
        domain: 'electrical',
        domain_label: '用电安全',
        photo_required: false,
        failure_level: 'general',
        failure_level_label: '一般隐患',
        basis: '',
      }),
      item({
        key: 'P01',
        text: '消防车通道畅通',
        place_kind: null,
        place_kind_label: '全校',
        photo_required: false,
      }),
      item({
        key: 'D08',
        text: '疏散楼梯净宽度',
        answer: 'number',
        answer_label: '数值',
        min: 1.1,
        max: null,
        unit: '米',
        photo_required: false,
        failure_level: 'general',
        failure_level_label: '一般隐患',
      }),
    ],
    ...over,
  }
}

/** The bureau's own copy, at version `version`. */
export function own(version = 1, over: Partial<ChecklistTemplateDetail> = {}): ChecklistTemplateDetail {
  return shipped({
    id: 10 + version,
    code: 'u1.fire.dormitory',
    version,
    name: '学生宿舍消防安全检查表（示范区教育局）',
    shipped: false,
    owner_unit_id: 1,
    owner_name: '示范区教育局',
    created_by: 'safety_office',
    latest: true,
    can_edit: true,
    ...over,
  })
}

/** A template as a list row (no items). */
export function row(t: ChecklistTemplateDetail, over: Partial<ChecklistTemplate> = {}): ChecklistTemplate {
  const { items, ...rest } = t
  return { ...rest, item_count: items.length, ...over }
}

export const dictionaries: Dictionaries = {
  unit_kinds: [],
  school_stages: [
    { code: 'primary', label: '小学' },
    { code: 'junior', label: '初中' },
  ],
  ownerships: [],
  location_types: [
    { code: 'urban', label: '城区' },
    { code: 'rural', label: '乡村' },
  ],
  department_kinds: [],
  key_place_kinds: [
    { code: 'dormitory', label: '学生宿舍' },
    { code: 'canteen', label: '食堂' },
  ],
  scope_kinds: [],
  hazard_domains: [
    { code: 'fire', label: '消防安全' },
    { code: 'electrical', label: '用电安全' },
  ],
  hazard_levels: [
    { code: 'general', label: '一般隐患' },
    { code: 'major', label: '重大隐患' },
  ],
  hazard_sources: [],
  hazard_states: [],
  checklist_answers: [
    { code: 'pass_fail', label: '合格/不合格/不适用' },
    { code: 'number', label: '数值' },
    { code: 'text', label: '文字' },
  ],
  permissions: [],
}
