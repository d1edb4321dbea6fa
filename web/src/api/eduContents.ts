// 1530提醒内容: the content library the suggested text of each 1530 session comes from, one text for
// each topic × age group. The text in force at a unit is its own edit, else that of the nearest
// bureau above it that edited it, else the shipped default; a bureau may edit its own (edu:content)
// and put it back (恢复默认), which brings back what it inherited. Types follow the API contract
// (snake_case).
import { http, request } from './http'

/** kindergarten 幼儿园, lower_primary 小学低年级, upper_primary 小学高年级, junior 初中, senior 高中. */
export type EduAgeGroup = 'kindergarten' | 'lower_primary' | 'upper_primary' | 'junior' | 'senior'

/** shipped 默认 (the shipped text), inherited (a higher bureau's edit), own (the unit's edit). */
export type EduContentSource = 'shipped' | 'inherited' | 'own'

export interface EduContentOption {
  code: string
  label: string
}

/** The text in force at the caller's unit for one topic and age group. */
export interface EduContentItem {
  /** drowning, fire, traffic, bullying, holiday_travel, fireworks, food, fraud, general. */
  topic: string
  topic_label: string
  age_group: EduAgeGroup | string
  age_group_label: string
  text: string
  source: EduContentSource | string
  /** The bureau whose edit is inherited, "" otherwise. */
  source_unit_name: string
  /** The shipped default, shown for reference. */
  shipped_text: string
  /** 0 unless the unit's own. */
  version: number
  updated_by: string
  updated_at: string
}

/** GET /api/v1/edu/1530/contents: every topic × age group (9 × 5) at the caller's unit. */
export interface EduContents {
  unit_id: number
  unit_name: string
  /** Whether the unit may edit its own texts (with edu:content). */
  can_edit: boolean
  topics: EduContentOption[]
  age_groups: EduContentOption[]
  items: EduContentItem[]
}

/** PUT /api/v1/edu/1530/contents. */
export interface EduContentUpdate {
  topic: string
  age_group: string
  /** 1–500 characters. */
  text: string
  /** The item's version as read; 0 when it was not the unit's own. */
  version: number
}

export interface EduContentKey {
  topic: string
  age_group: string
}

/** Where the library is read, edited and put back. */
export const EDU_CONTENTS_PATH = '/api/v1/edu/1530/contents'

export const eduContentsApi = {
  list: () => http.get<EduContents>(EDU_CONTENTS_PATH),
  /** The updated item; 422 names the field (text, topic, age_group), 409 edu_content.stale. */
  update: (input: EduContentUpdate) => http.put<EduContentItem>(EDU_CONTENTS_PATH, input),
  /** 恢复默认: drops the unit's own text; the item as it now stands (inherited or shipped). */
  reset: (key: EduContentKey) =>
    request<EduContentItem>('DELETE', EDU_CONTENTS_PATH, { query: { topic: key.topic, age_group: key.age_group } }),
}
