// Drills (应急演练, measure 13): drill records of the schools in scope, judged by the drill rules
// on the school calendar (the findings come back with every record), and a record's problems
// raised as hazards (演练发现). Types follow docs/api/openapi.yaml (Drill, DrillInput, DrillDetail).
import { download, http, type Page, type Query } from './http'
import type { StoredFile } from './files'
import type { RuleFinding } from './rules'

export type DrillKindCode = 'fire' | 'earthquake' | 'attack' | 'school_bus' | 'other'

/** GET /api/v1/drill-kinds: the kinds with their Chinese label and whether they evacuate by default. */
export interface DrillKind {
  code: DrillKindCode | string
  label: string
  evacuation: boolean
}

/** A problem found in the drill; `hazard_id` once it was raised as a hazard. */
export interface DrillProblem {
  text: string
  hazard_id: number | null
}

export interface Drill {
  id: number
  school_id: number
  school_name: string
  kind: DrillKindCode | string
  kind_label: string
  title: string
  /** YYYY-MM-DD. */
  date: string
  /** HH:MM, or empty. */
  start_time: string
  night: boolean
  /** Announced beforehand (false: 突击演练). */
  announced: boolean
  evacuation: boolean
  whole_school: boolean
  scope_note: string
  building_id: number | null
  /** The building's name, empty when none was given. */
  building: string
  /** Floors of the building judged (the school's tallest when none was given). */
  floors: number
  commander: string
  students: number
  staff: number
  /** HH:MM:SS, or empty. */
  signal_time: string
  all_out_time: string
  /** From the signal to all out; null without both times. */
  evacuation_seconds: number | null
  headcount_ok: boolean
  headcount_note: string
  injuries: number
  problems: DrillProblem[]
  actions: string
  recorded_by: string
  /** The drill plan it carried out (演练计划), or null (absent from an older server). */
  plan_id?: number | null
  created_at: string
  updated_at: string
}

export interface DrillDetail extends Drill {
  /** drill.time on the record and the school's findings for the periods its date falls in. */
  findings: RuleFinding[]
  /** Photos and documents of the drill (absent from an older server). */
  files?: StoredFile[]
  can_edit: boolean
}

/** The body of POST (with school_id) and PUT (without). */
export interface DrillInput {
  school_id?: number
  kind: string
  title?: string
  date: string
  start_time?: string
  night: boolean
  announced: boolean
  evacuation?: boolean
  whole_school: boolean
  scope_note?: string
  building_id?: number
  commander: string
  students: number
  staff: number
  signal_time?: string
  all_out_time?: string
  headcount_ok: boolean
  headcount_note?: string
  injuries: number
  problems: string[]
  actions?: string
  /** Files uploaded first (POST /api/v1/files) to attach; an edit adds them to those attached. */
  file_ids?: number[]
  /** POST only: the drill plan this drill carries out (the plan becomes done). */
  plan_id?: number
}

export type DrillSort = 'date' | '-date' | 'school' | '-school' | 'kind' | '-kind'

export interface DrillQuery {
  school_id?: number
  kind?: string
  /** YYYY-MM-DD, inclusive. */
  from?: string
  to?: string
  q?: string
  page?: number
  page_size?: number
  sort?: DrillSort
}

export interface RaiseHazardInput {
  /** The problem, 0-based. */
  index: number
  domain: string
  level?: 'general' | 'major'
}

function q(obj: object): Query {
  return obj as Query
}

export const drillsApi = {
  kinds: () => http.get<{ items: DrillKind[] }>('/api/v1/drill-kinds'),
  list: (query: DrillQuery = {}) => http.get<Page<Drill>>('/api/v1/drills', q(query)),
  /** The filtered drills as a spreadsheet (no paging, no sort: the export refuses other parameters). */
  export: (query: DrillQuery = {}) => {
    const { page: _p, page_size: _s, sort: _o, ...filters } = query
    void _p
    void _s
    void _o
    return download('/api/v1/drills/export', q(filters))
  },
  get: (id: number) => http.get<DrillDetail>(`/api/v1/drills/${id}`),
  create: (input: DrillInput) => http.post<DrillDetail>('/api/v1/drills', input),
  update: (id: number, input: DrillInput) => http.put<DrillDetail>(`/api/v1/drills/${id}`, input),
  /** 409 drill.has_hazards when a problem was raised as a hazard. */
  remove: (id: number) => http.del(`/api/v1/drills/${id}`),
  /** Needs drill:record and hazard:report; 409 when the problem was raised already. */
  raiseHazard: (id: number, input: RaiseHazardInput) => http.post<DrillDetail>(`/api/v1/drills/${id}/hazards`, input),
}
