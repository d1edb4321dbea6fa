// Checklist templates (检查表): the lists of check items that self-inspections, inspections and
// patrols are filled from. The district's shipped templates (系统内置) and a bureau's own, each
// versioned: editing the items or the schools a template applies to writes a new version (a new
// id, version + 1), a name or description change corrects the version in place. Shipped templates
// are copied (复制为本单位) before they are revised. Types follow the API contract
// (ChecklistTemplate, ChecklistItem, ChecklistTemplateInput).
import { download, http, type Page, type Query } from './http'
import type { ImportReport } from './imports'

export type ChecklistAnswer = 'pass_fail' | 'number' | 'text'
export type FailureLevel = 'general' | 'major'

/** Which schools a template applies to: empty lists and no boarding condition mean every school. */
export interface ChecklistApplies {
  /** School stage codes (dictionary school_stages). */
  stages: string[]
  /** Location type codes (dictionary location_types). */
  location_types: string[]
  /** true: boarding schools only; false: day schools only; null: any. */
  boarding: boolean | null
}

export interface ChecklistItem {
  /** Stable within the template across versions: "F01". */
  key: string
  text: string
  /** Hazard domain code (dictionary hazard_domains). */
  domain: string
  domain_label: string
  /** Key place kind code (dictionary key_place_kinds), or null for the whole school. */
  place_kind: string | null
  /** 全校 when place_kind is null. */
  place_kind_label: string
  answer: ChecklistAnswer | string
  answer_label: string
  /** Limits of a number answer (null otherwise or when open). */
  min: number | null
  max: number | null
  unit: string
  photo_required: boolean
  failure_level: FailureLevel | string
  failure_level_label: string
  basis: string
}

export interface ChecklistTemplate {
  id: number
  /** Stable across versions: "fire.dormitory". */
  code: string
  version: number
  name: string
  description: string
  applies: ChecklistApplies
  shipped: boolean
  owner_unit_id: number | null
  /** 系统内置 for a shipped template. */
  owner_name: string
  created_by: string
  created_at: string
  item_count: number
  /** Whether this is the newest version of its code. */
  latest: boolean
  /** Whether the caller may revise it (checklist:manage, its unit's own, newest version). */
  can_edit: boolean
  /** Present on GET /checklist-templates/{id} and on writes, absent from lists. */
  items?: ChecklistItem[]
}

export interface ChecklistTemplateDetail extends ChecklistTemplate {
  items: ChecklistItem[]
}

/** An item as sent: the labels are the server's to give. */
export interface ChecklistItemInput {
  key: string
  text: string
  domain: string
  place_kind: string | null
  answer: string
  min: number | null
  max: number | null
  unit: string
  photo_required: boolean
  failure_level: string
  basis: string
}

/** The body of POST (code optional: generated when omitted) and PUT (code ignored). */
export interface ChecklistTemplateInput {
  code?: string
  name: string
  description: string
  applies: ChecklistApplies
  items: ChecklistItemInput[]
}

export interface ChecklistQuery {
  q?: string
  code?: string
  /** With code: every version of that template, oldest first. */
  all_versions?: boolean
  page?: number
  page_size?: number
}

/** The answer of an import: the template written when it was applied. */
export interface ChecklistImportReport extends ImportReport {
  template?: ChecklistTemplate
}

function q(obj: object): Query {
  return obj as Query
}

/** Where a spreadsheet of items is imported (POST, the file's bytes as the body; ?name= or ?template_id=). */
export const CHECKLIST_IMPORT_PATH = '/api/v1/checklist-templates/import'
/** The blank import template (.xlsx). */
export const CHECKLIST_TEMPLATE_PATH = '/api/v1/checklist-templates/import-template'

export function checklistExportPath(id: number): string {
  return `/api/v1/checklist-templates/${id}/export`
}

export const checklistsApi = {
  /** The newest version of each template (or every version of one code with all_versions). */
  list: (query: ChecklistQuery = {}) => http.get<Page<ChecklistTemplate>>('/api/v1/checklist-templates', q(query)),
  /** Every version of one template, oldest first. */
  versions: (code: string) =>
    http.get<Page<ChecklistTemplate>>('/api/v1/checklist-templates', { code, all_versions: true, page: 1, page_size: 100 }),
  get: (id: number) => http.get<ChecklistTemplateDetail>(`/api/v1/checklist-templates/${id}`),
  create: (input: ChecklistTemplateInput) => http.post<ChecklistTemplateDetail>('/api/v1/checklist-templates', input),
  /**
   * Items or applicability changed: answers the new version (another id, version + 1); only name or
   * description: the same version corrected. 409 checklist.shipped / checklist.not_latest, 403 for
   * another unit's template.
   */
  update: (id: number, input: ChecklistTemplateInput) => http.put<ChecklistTemplateDetail>(`/api/v1/checklist-templates/${id}`, input),
  /** A copy owned by the caller's unit (version 1); the name defaults to "<name>（<unit>）". */
  copy: (id: number, name?: string) =>
    http.post<ChecklistTemplateDetail>(`/api/v1/checklist-templates/${id}/copy`, name ? { name } : {}),
  /** The items as 检查表.xlsx (the same columns as the import). */
  export: (id: number) => download(checklistExportPath(id)),
}
