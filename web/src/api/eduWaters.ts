// 周边水域风险 (drowning prevention): the ponds, rivers, reservoirs and other water near each school
// — above all rural, township and urban-rural-fringe schools — with the measures in place at each
// (a warning sign, a fence or net, rescue gear, someone patrolling). A water missing a measure has
// gaps; within 1000 m of the school and missing one it is a priority (重点). A school records its
// own (edu:lessons), everyone with edu:read reads them, and the bureau sees by school where the
// gaps are (各校水域). Types follow the API contract (snake_case).
import { download, http, type Download, type Page, type Query } from './http'

export type WaterKind = 'pond' | 'river' | 'reservoir' | 'canal' | 'lake' | 'pit' | 'other'

/** The kinds of water with the server's labels, in the contract's order. */
export const WATER_KINDS: readonly { code: WaterKind; label: string }[] = [
  { code: 'pond', label: '池塘' },
  { code: 'river', label: '河流' },
  { code: 'reservoir', label: '水库' },
  { code: 'canal', label: '沟渠' },
  { code: 'lake', label: '湖泊' },
  { code: 'pit', label: '坑塘（采砂坑、废弃矿坑）' },
  { code: 'other', label: '其他水域' },
]

/** The four measures, in the order the server lists the gaps (警示牌, 护栏, 救生设施, 巡查). */
export type WaterMeasure = 'warning_sign' | 'fence' | 'rescue_gear' | 'patrol'
export const WATER_MEASURES: readonly WaterMeasure[] = ['warning_sign', 'fence', 'rescue_gear', 'patrol']

/** The school's location (城区 / 镇区 / 乡村 / 城乡结合部), "" when not recorded. */
export type SchoolLocationType = 'urban' | 'township' | 'rural' | 'fringe' | ''

/** The farthest a water is recorded from its school (metres). */
export const WATER_DISTANCE_MAX = 50000
/** Within this distance (metres) a water missing a measure is a priority (重点). */
export const WATER_PRIORITY_METERS = 1000
export const WATER_NAME_MAX = 50
export const WATER_LOCATION_MAX = 200
export const WATER_KEEPER_MAX = 50
export const WATER_NOTE_MAX = 500

export interface WaterRisk {
  id: number
  school_id: number
  school_name: string
  location_type: SchoolLocationType | string
  /** 城区 / 镇区 / 乡村 / 城乡结合部, "" when not recorded. */
  location_type_label: string
  /** 村东大塘, at most 50 characters. */
  name: string
  kind: WaterKind | string
  kind_label: string
  /** About how far from the school (0–50000 m). */
  distance_m: number
  /** 位置描述, at most 200 characters. */
  location: string
  warning_sign: boolean
  /** 护栏/围网. */
  fence: boolean
  rescue_gear: boolean
  /** Someone patrols it. */
  patrol: boolean
  /** 管理责任单位 (青石村委会), at most 50 characters. */
  keeper: string
  /** 最近核查日期, YYYY-MM-DD, never later than today. */
  checked_on: string
  note: string
  /** false: 已消除 (filled in, no longer there). */
  active: boolean
  /** The missing measures' labels in order: ["警示牌", "护栏"]. */
  gaps: string[]
  /** Within 1000 m of the school and missing a measure (重点). */
  priority: boolean
  updated_by: string
  updated_by_name: string
  updated_at: string
  version: number
  /** The caller holds edu:lessons (may edit and delete). */
  can_edit: boolean
}

export interface WaterRiskQuery {
  school_id?: number
  kind?: WaterKind | string
  /** Only those missing a measure. */
  gaps?: boolean
  /** Only the priorities (重点). */
  priority?: boolean
  /** The name, location or keeper contains. */
  q?: string
  /** Also those no longer there (active false). */
  include_inactive?: boolean
  page?: number
  page_size?: number
}

/** POST /api/v1/edu/waters. */
export interface WaterRiskInput {
  school_id: number
  name: string
  kind: WaterKind | string
  distance_m: number
  location: string
  warning_sign: boolean
  fence: boolean
  rescue_gear: boolean
  patrol: boolean
  keeper: string
  checked_on: string
  note: string
}

/** PUT /api/v1/edu/waters/{id}: a water stays with its school; 409 edu_water.stale when `version` is stale. */
export type WaterRiskUpdate = Omit<WaterRiskInput, 'school_id'> & { active: boolean; version: number }

/** One school's figures on the board (the waters in use). */
export interface WaterBoardSchool {
  school_id: number
  school_name: string
  location_type: SchoolLocationType | string
  location_type_label: string
  waters: number
  with_gaps: number
  priority: number
  /** The nearest water's distance (metres), null when none is recorded. */
  nearest_m: number | null
}

/**
 * GET /api/v1/edu/waters/board: every school in scope, the most priorities first, then the most with
 * gaps, then the rural, township and fringe schools with no water recorded (worth a look), then the rest.
 */
export interface WaterBoard {
  total: { schools: number; with_waters: number; waters: number; with_gaps: number; priority: number }
  schools: WaterBoardSchool[]
}

const waters = '/api/v1/edu/waters'
export const WATER_EXPORT_PATH = `${waters}/export`

export const eduWatersApi = {
  /** Nearest first within a school, the schools by name. */
  list: (query: WaterRiskQuery = {}) => http.get<Page<WaterRisk>>(waters, { ...query } as Query),
  /** The filtered waters as 周边水域风险.xlsx (no paging). */
  export: (query: WaterRiskQuery = {}): Promise<Download> => {
    const { page: _p, page_size: _s, ...filters } = query
    void _p
    void _s
    return download(WATER_EXPORT_PATH, filters as Query)
  },
  get: (id: number) => http.get<WaterRisk>(`${waters}/${id}`),
  /** 201; 422 names the field (school_id, name, kind, distance_m, location, keeper, checked_on, note). */
  create: (input: WaterRiskInput) => http.post<WaterRisk>(waters, input),
  /** 409 edu_water.stale when `version` is stale. */
  update: (id: number, input: WaterRiskUpdate) => http.put<WaterRisk>(`${waters}/${id}`, input),
  remove: (id: number) => http.del(`${waters}/${id}`),
  board: () => http.get<WaterBoard>(`${waters}/board`),
}
