// The organisation model: regions (行政区划), units (教育局、内设科室、学区 …), outside departments
// (相关部门) and schools with their buildings and key places; plus the school roster's
// import/export. Types follow docs/api/openapi.yaml (components/schemas).
import { download, http, type Download, type Page, type Query } from './http'
import { uploadImport, type ImportOptions, type ImportReport } from './imports'

// ---- Enumerations (codes; labels come from the dictionaries) ----

export type UnitKind = 'bureau' | 'section' | 'school' | 'department' | 'cluster'
/** The kinds POST /api/v1/units accepts. */
export type OrgUnitKind = 'bureau' | 'section' | 'cluster'
export type SchoolStage =
  | 'kindergarten'
  | 'primary'
  | 'junior'
  | 'senior'
  | 'nine_year'
  | 'twelve_year'
  | 'vocational'
  | 'special'
export type Ownership = 'public' | 'private'
export type LocationType = 'urban' | 'township' | 'rural' | 'fringe'
export type DepartmentKind =
  | 'police'
  | 'traffic_police'
  | 'fire_rescue'
  | 'emergency'
  | 'natural_resources'
  | 'agriculture'
  | 'water'
  | 'market_regulation'
  | 'health'
  | 'urban_management'
  | 'other'
export type KeyPlaceKind =
  | 'dormitory'
  | 'canteen'
  | 'library'
  | 'gym'
  | 'lab'
  | 'gas'
  | 'power'
  | 'special_equipment'
  | 'storeroom'
  | 'hazmat_store'
  | 'training_base'
  | 'school_gate'
export type RegionLevel = 'province' | 'city' | 'county'
export type FileFormat = 'xlsx' | 'csv'

// ---- Regions ----

export interface Region {
  code: string
  name: string
  parent_code: string | null
  level: RegionLevel
  created_at: string
  updated_at: string
}

export interface RegionInput {
  code: string
  name: string
  parent_code?: string | null
}

export interface RegionRenameInput {
  name: string
}

// ---- Units and departments ----

export interface Unit {
  id: number
  kind: UnitKind
  name: string
  code: string | null
  region_code: string
  parent_id: number | null
  /** "/<root id>/…/<own id>/" */
  path: string
  department_kind: DepartmentKind | null
  contact_person: string
  phone: string
  address: string
  created_at: string
  updated_at: string
}

export interface Department extends Unit {
  kind: 'department'
  department_kind: DepartmentKind
}

export interface UnitInput {
  kind: OrgUnitKind
  name: string
  region_code: string
  parent_id?: number | null
  code?: string | null
  contact_person?: string
  phone?: string
  address?: string
}

export interface UnitUpdateInput {
  name: string
  code?: string | null
  contact_person?: string
  phone?: string
  address?: string
}

export interface DepartmentInput {
  name: string
  region_code: string
  parent_id?: number | null
  department_kind: DepartmentKind
  code?: string | null
  contact_person?: string
  phone?: string
  address?: string
}

export interface DepartmentUpdateInput {
  name: string
  department_kind: DepartmentKind
  code?: string | null
  contact_person?: string
  phone?: string
  address?: string
}

export type UnitSort = 'name' | '-name' | 'code' | '-code' | 'kind' | '-kind' | 'created_at' | '-created_at'

export interface UnitQuery {
  kind?: UnitKind
  parent_id?: number
  region_code?: string
  q?: string
  page?: number
  page_size?: number
  sort?: UnitSort
}

export interface DepartmentQuery {
  region_code?: string
  q?: string
  page?: number
  page_size?: number
  sort?: UnitSort
}

// ---- Schools ----

export interface Building {
  id: number
  name: string
  floors: number
}

export interface KeyPlace {
  id: number
  kind: KeyPlaceKind
  name: string
  /** Name of the building it is in. */
  building: string | null
}

export interface School {
  id: number
  code: string | null
  name: string
  region_code: string
  /** The bureau (主管教育局). */
  parent_id: number | null
  path: string
  stage: SchoolStage
  ownership: Ownership
  boarding: boolean
  boarders: number
  /** School buses it uses (own or rented): drill.school_bus applies above 0. */
  school_buses: number
  location_type: LocationType
  students: number
  staff: number
  address: string
  phone: string
  principal: string
  cluster_id: number | null
  cluster_name: string | null
  /** Empty in list responses. */
  buildings: Building[]
  /** Empty in list responses. */
  key_places: KeyPlace[]
  created_at: string
  updated_at: string
}

export interface BuildingInput {
  id?: number
  name: string
  floors: number
}

export interface KeyPlaceInput {
  id?: number
  kind: KeyPlaceKind
  name: string
  building?: string | null
}

export interface SchoolInput {
  code: string
  name: string
  region_code: string
  /** Required on POST, ignored on PUT. */
  parent_id?: number | null
  stage: SchoolStage
  ownership: Ownership
  location_type: LocationType
  boarding?: boolean
  boarders?: number
  /** 0–500. */
  school_buses?: number
  students?: number
  staff?: number
  address?: string
  phone?: string
  principal?: string
  cluster_id?: number | null
  buildings?: BuildingInput[]
  key_places?: KeyPlaceInput[]
}

export type SchoolSort =
  | 'name'
  | '-name'
  | 'code'
  | '-code'
  | 'stage'
  | '-stage'
  | 'students'
  | '-students'
  | 'staff'
  | '-staff'
  | 'created_at'
  | '-created_at'

/** The filters of the school list (and of its export). */
export interface SchoolFilter {
  q?: string
  stage?: SchoolStage
  ownership?: Ownership
  location_type?: LocationType
  boarding?: boolean
  cluster_id?: number
  region_code?: string
}

export interface SchoolQuery extends SchoolFilter {
  page?: number
  page_size?: number
  sort?: SchoolSort
}

// ---- Helpers ----

/** The largest page the server hands out. */
export const MAX_PAGE_SIZE = 500

/** Reads every page of a list endpoint (for trees and pickers that need the whole list). */
export async function fetchAll<T>(
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  maxPages = 100,
): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; page <= maxPages; page++) {
    const res = await fetchPage(page, MAX_PAGE_SIZE)
    out.push(...res.items)
    if (res.items.length < MAX_PAGE_SIZE || out.length >= res.total) break
  }
  return out
}

/** A typed query object as the http layer's Query (drops nothing: empty values are skipped there). */
function q(obj: object): Query {
  return obj as Query
}

export const SCHOOL_IMPORT_PATH = '/api/v1/schools/import'
export const SCHOOL_TEMPLATE_PATH = '/api/v1/schools/import-template'
export const SCHOOL_EXPORT_PATH = '/api/v1/schools/export'

// ---- Clients ----

export const regionsApi = {
  list: () => http.get<Page<Region>>('/api/v1/regions'),
  get: (code: string) => http.get<Region>(`/api/v1/regions/${encodeURIComponent(code)}`),
  create: (input: RegionInput) => http.post<Region>('/api/v1/regions', input),
  rename: (code: string, input: RegionRenameInput) =>
    http.put<Region>(`/api/v1/regions/${encodeURIComponent(code)}`, input),
  remove: (code: string) => http.del(`/api/v1/regions/${encodeURIComponent(code)}`),
}

export const unitsApi = {
  list: (query: UnitQuery = {}) => http.get<Page<Unit>>('/api/v1/units', q(query)),
  /** Every unit matching the filter, all pages. */
  listAll: (query: Omit<UnitQuery, 'page' | 'page_size'> = {}) =>
    fetchAll((page, page_size) => unitsApi.list({ ...query, page, page_size })),
  get: (id: number) => http.get<Unit>(`/api/v1/units/${id}`),
  create: (input: UnitInput) => http.post<Unit>('/api/v1/units', input),
  update: (id: number, input: UnitUpdateInput) => http.put<Unit>(`/api/v1/units/${id}`, input),
  remove: (id: number) => http.del(`/api/v1/units/${id}`),
}

export const departmentsApi = {
  list: (query: DepartmentQuery = {}) => http.get<Page<Department>>('/api/v1/departments', q(query)),
  listAll: (query: Omit<DepartmentQuery, 'page' | 'page_size'> = {}) =>
    fetchAll((page, page_size) => departmentsApi.list({ ...query, page, page_size })),
  get: (id: number) => http.get<Department>(`/api/v1/departments/${id}`),
  create: (input: DepartmentInput) => http.post<Department>('/api/v1/departments', input),
  update: (id: number, input: DepartmentUpdateInput) =>
    http.put<Department>(`/api/v1/departments/${id}`, input),
  remove: (id: number) => http.del(`/api/v1/departments/${id}`),
}

export const schoolsApi = {
  list: (query: SchoolQuery = {}) => http.get<Page<School>>('/api/v1/schools', q(query)),
  get: (id: number) => http.get<School>(`/api/v1/schools/${id}`),
  create: (input: SchoolInput) => http.post<School>('/api/v1/schools', input),
  update: (id: number, input: SchoolInput) => http.put<School>(`/api/v1/schools/${id}`, input),
  remove: (id: number) => http.del(`/api/v1/schools/${id}`),
  /** Every school matching the filters (page and page_size are ignored by the server). */
  export: (filter: SchoolFilter & { sort?: SchoolSort }, format: FileFormat = 'xlsx'): Promise<Download> =>
    download(SCHOOL_EXPORT_PATH, q({ ...filter, format })),
  template: (format: FileFormat = 'xlsx'): Promise<Download> => download(SCHOOL_TEMPLATE_PATH, { format }),
  import: (file: Blob, opts: ImportOptions): Promise<ImportReport> => uploadImport(SCHOOL_IMPORT_PATH, file, opts),
}
