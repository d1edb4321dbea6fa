// Pure helpers of the school pages: the search form → list query, a school ↔ the edit form ↔ the
// request body, and the client-side checks the server would make anyway.
import type {
  KeyPlaceKind,
  LocationType,
  Ownership,
  School,
  SchoolFilter,
  SchoolInput,
  SchoolQuery,
  SchoolSort,
  SchoolStage,
} from '@/api/org'
import { toSort } from '@/composables/listQuery'

// ---- The list's search form ----

export interface SchoolSearch {
  q: string
  stage: SchoolStage | ''
  ownership: Ownership | ''
  location_type: LocationType | ''
  /** '' = either, 'true' boarding, 'false' day school. */
  boarding: '' | 'true' | 'false'
  cluster_id: number | null
}

export function emptySearch(): SchoolSearch {
  return { q: '', stage: '', ownership: '', location_type: '', boarding: '', cluster_id: null }
}

/** Only the filters that are set: the server refuses nothing here, but empty means "any". */
export function schoolFilter(s: SchoolSearch): SchoolFilter {
  const out: SchoolFilter = {}
  const q = s.q.trim()
  if (q) out.q = q
  if (s.stage) out.stage = s.stage
  if (s.ownership) out.ownership = s.ownership
  if (s.location_type) out.location_type = s.location_type
  if (s.boarding) out.boarding = s.boarding === 'true'
  if (s.cluster_id !== null && s.cluster_id !== undefined) out.cluster_id = s.cluster_id
  return out
}

export function schoolQuery(s: SchoolSearch, page: number, pageSize: number, sort?: SchoolSort): SchoolQuery {
  const out: SchoolQuery = { ...schoolFilter(s), page, page_size: pageSize }
  if (sort) out.sort = sort
  return out
}

/** The columns the list sorts by (the API's `sort` names). */
export const SCHOOL_SORT_FIELDS = ['name', 'code', 'stage', 'students', 'staff', 'created_at'] as const

/** el-table's sort-change (prop, 'ascending' | 'descending' | null) → the `sort` parameter. */
export function sortParam(prop: string | null | undefined, order: string | null | undefined): SchoolSort | undefined {
  return toSort<SchoolSort>(prop, order, SCHOOL_SORT_FIELDS)
}

// ---- The edit form ----

export interface BuildingRow {
  name: string
  floors: number
}

export interface KeyPlaceRow {
  kind: KeyPlaceKind | ''
  name: string
  building: string | null
}

export interface SchoolForm {
  code: string
  name: string
  region_code: string
  parent_id: number | null
  stage: SchoolStage | ''
  ownership: Ownership | ''
  location_type: LocationType | ''
  boarding: boolean
  boarders: number
  school_buses: number
  students: number
  staff: number
  address: string
  phone: string
  principal: string
  cluster_id: number | null
  buildings: BuildingRow[]
  key_places: KeyPlaceRow[]
}

export function emptySchoolForm(): SchoolForm {
  return {
    code: '',
    name: '',
    region_code: '',
    parent_id: null,
    stage: '',
    ownership: '',
    location_type: '',
    boarding: false,
    boarders: 0,
    school_buses: 0,
    students: 0,
    staff: 0,
    address: '',
    phone: '',
    principal: '',
    cluster_id: null,
    buildings: [],
    key_places: [],
  }
}

export function schoolToForm(s: School): SchoolForm {
  return {
    code: s.code ?? '',
    name: s.name,
    region_code: s.region_code,
    parent_id: s.parent_id,
    stage: s.stage,
    ownership: s.ownership,
    location_type: s.location_type,
    boarding: s.boarding,
    boarders: s.boarders,
    // An older server without the field: 0, as the server's default.
    school_buses: s.school_buses ?? 0,
    students: s.students,
    staff: s.staff,
    address: s.address,
    phone: s.phone,
    principal: s.principal,
    cluster_id: s.cluster_id,
    buildings: s.buildings.map((b) => ({ name: b.name, floors: b.floors })),
    key_places: s.key_places.map((k) => ({ kind: k.kind, name: k.name, building: k.building })),
  }
}

/**
 * The request body: every SchoolInput field and nothing else (the server refuses unknown
 * fields). `parent_id` only on create — the server ignores it on PUT. Call after validation:
 * the enumerations are then set.
 */
export function formToInput(f: SchoolForm, creating: boolean): SchoolInput {
  const input: SchoolInput = {
    code: f.code.trim(),
    name: f.name.trim(),
    region_code: f.region_code.trim(),
    stage: f.stage as SchoolStage,
    ownership: f.ownership as Ownership,
    location_type: f.location_type as LocationType,
    boarding: f.boarding,
    boarders: f.boarding ? f.boarders : 0,
    // Always sent: a PUT without it would set it back to 0.
    school_buses: f.school_buses,
    students: f.students,
    staff: f.staff,
    address: f.address.trim(),
    phone: f.phone.trim(),
    principal: f.principal.trim(),
    cluster_id: f.cluster_id ?? null,
    buildings: f.buildings.map((b) => ({ name: b.name.trim(), floors: b.floors })),
    key_places: f.key_places.map((k) => ({
      kind: k.kind as KeyPlaceKind,
      name: k.name.trim(),
      building: k.building ? k.building : null,
    })),
  }
  if (creating) input.parent_id = f.parent_id
  return input
}

/** The boarding rule of SchoolInput.boarders, as an i18n key of the problem ('' = fine). */
export function boardersProblem(f: Pick<SchoolForm, 'boarding' | 'boarders' | 'students'>): string {
  if (!f.boarding) return ''
  if (!(f.boarders > 0)) return 'org.school.boardersPositive'
  if (f.boarders > f.students) return 'org.school.boardersTooMany'
  return ''
}

/** Building names must be unique within a school: the indexes of the repeats. */
export function duplicateBuildings(rows: readonly BuildingRow[]): number[] {
  const seen = new Set<string>()
  const out: number[] = []
  rows.forEach((b, i) => {
    const n = b.name.trim()
    if (!n) return
    if (seen.has(n)) out.push(i)
    seen.add(n)
  })
  return out
}

/** The server's name of a nested field, as it appears in error details. */
export function nestedField(list: 'buildings' | 'key_places', index: number, field: string): string {
  return `${list}[${index}].${field}`
}

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]+$/
export const PHONE_PATTERN = /^[0-9+ -]*$/
