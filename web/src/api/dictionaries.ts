import { http } from './http'

export interface DictEntry {
  code: string
  label: string
}

export interface PermissionEntry extends DictEntry {
  group: string
}

export interface Dictionaries {
  unit_kinds: DictEntry[]
  school_stages: DictEntry[]
  ownerships: DictEntry[]
  location_types: DictEntry[]
  department_kinds: DictEntry[]
  key_place_kinds: DictEntry[]
  scope_kinds: DictEntry[]
  /** Hazard ledger (optional: a server without the ledger omits them). */
  hazard_domains?: DictEntry[]
  hazard_levels?: DictEntry[]
  hazard_sources?: DictEntry[]
  hazard_states?: DictEntry[]
  /** 吹哨报到 (optional: a server without whistles omits them). */
  whistle_categories?: DictEntry[]
  whistle_places?: DictEntry[]
  whistle_severities?: DictEntry[]
  whistle_states?: DictEntry[]
  whistle_assignment_states?: DictEntry[]
  /** Checklists: how an item is answered (pass_fail, number, text). */
  checklist_answers?: DictEntry[]
  permissions: PermissionEntry[]
}

export type DictName = Exclude<keyof Dictionaries, 'permissions'>

export const dictionariesApi = {
  all: () => http.get<Dictionaries>('/api/v1/dictionaries'),
}
