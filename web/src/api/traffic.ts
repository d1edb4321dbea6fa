// 校内交通 (measure 14): each school's campus vehicles by class (教职工车辆, 服务车辆, 访客车辆) with the
// gates, hours and days they may enter, its e-bikes (电动自行车) with their licence and campus plates
// (校内牌照) and modification check (judged by the rule traffic.ebike: 合格, 待检查 or 不合格 with the
// reason), the gate's check of a plate (门岗核验) and the refusals it records (门岗拒入记录). Read
// with traffic:read; registered and edited with traffic:manage (a school its own; 停用 is active
// false on an edit); checked at the gate with traffic:gate (a school's leader and safety officer).
// The vehicles and the e-bikes also go in and out of Excel: imported from their template
// (traffic:manage) and exported (traffic:read), as the school-bus registries are.
// Types follow the API contract (snake_case); dates are YYYY-MM-DD and hours HH:MM, "" when not set.
import { download, http, type Download, type Page, type Query } from './http'
import { importFormatOf, uploadImport, type ImportReport } from './imports'

/** The two registries, as the API names them. */
export type TrafficKind = 'vehicles' | 'ebikes'
export const TRAFFIC_KINDS: readonly TrafficKind[] = ['vehicles', 'ebikes']

/** 车辆类别: 教职工车辆, 服务车辆 (deliveries, canteen suppliers, maintenance), 访客车辆. */
export type CampusVehicleClass = 'staff' | 'service' | 'visitor'
export const CAMPUS_VEHICLE_CLASSES: readonly CampusVehicleClass[] = ['staff', 'service', 'visitor']

/** A vehicle's registration today (China time): 有效, 未生效 (before valid_from), 已过期, 已停用. */
export type CampusValidity = 'valid' | 'pending' | 'expired' | 'inactive'
/** An e-bike judged by traffic.ebike today: 达标, 待完成 (not checked for modification yet), 未达标. */
export type EbikeOutcome = 'pass' | 'fail' | 'due'
/** What the gate checks: 机动车 or 电动自行车. */
export type GateKind = 'vehicle' | 'ebike'
export const GATE_KINDS: readonly GateKind[] = ['vehicle', 'ebike']

export const TRAFFIC_OWNER_MAX = 50
export const TRAFFIC_PLATE_MAX = 20
export const TRAFFIC_GATE_MAX = 20
/** A vehicle may name at most this many gates (none: every gate). */
export const TRAFFIC_GATES_MAX = 10
export const TRAFFIC_NOTE_MAX = 500
/** A visitor's pass (访客车辆) lasts at most this many days, counting both ends. */
export const VISITOR_PASS_MAX_DAYS = 31

/** What every record of the two registries carries. */
export interface TrafficRecordBase {
  id: number
  /** The school that keeps it. */
  unit_id: number
  unit_name: string
  /** false: 已停用. */
  active: boolean
  note: string
  updated_by: string
  updated_at: string
  version: number
  /** The caller holds traffic:manage for the record's school. */
  can_edit: boolean
}

/** 校内车辆: a vehicle registered to enter a school, with the gates, hours and days it may. */
export interface CampusVehicle extends TrafficRecordBase {
  vehicle_class: CampusVehicleClass | string
  /** 教职工车辆 / 服务车辆 / 访客车辆. */
  vehicle_class_label: string
  /** Normalised: 浙A12345. */
  plate: string
  /** 车主或单位. */
  owner: string
  /** The gates it may use; empty: every gate. */
  gates: string[]
  /** HH:MM, both or neither ("" any time); `from` after `to` is a window across midnight. */
  from: string
  to: string
  /** The first and last valid day, "" for none (a visitor's pass has an end, at most 31 days). */
  valid_from: string
  valid_until: string
  validity: CampusValidity | string
}

/** 电动自行车: an e-bike registered at a school. */
export interface CampusEbike extends TrafficRecordBase {
  /** 车主. */
  owner: string
  /** 号牌 registered with the police, "" when it has none. */
  licence_plate: string
  /** 校内牌照, "" when not issued. */
  campus_plate: string
  /** 改装检查, "" when not checked. */
  checked_on: string
  /** Found modified (已改装) at that check. */
  modified: boolean
  outcome: EbikeOutcome | string
  /** 达标 / 未达标 / 待完成. */
  outcome_label: string
  /** 无号牌 / 已改装 / 未发放校内牌照 / 尚未做改装检查 …; what passes for one that passes. */
  reason: string
}

export interface TrafficRecords {
  vehicles: CampusVehicle
  ebikes: CampusEbike
}
export type TrafficRecord = TrafficRecords[TrafficKind]

export interface TrafficQuery {
  /** The school. */
  unit_id?: number
  /** Vehicles of one class. */
  vehicle_class?: CampusVehicleClass
  /** Also those 已停用. */
  include_inactive?: boolean
  /** The plate or owner contains (an e-bike: the owner, licence or campus plate). */
  q?: string
  page?: number
  page_size?: number
}

interface WriteBase {
  unit_id: number
  note: string
}
export interface CampusVehicleInput extends WriteBase {
  vehicle_class: CampusVehicleClass
  plate: string
  owner: string
  gates: string[]
  from: string
  to: string
  valid_from: string
  valid_until: string
}
export interface CampusEbikeInput extends WriteBase {
  owner: string
  licence_plate: string
  campus_plate: string
  checked_on: string
  modified: boolean
}

/** POST /api/v1/traffic/KIND: unit_id is the school. */
export interface TrafficInputs {
  vehicles: CampusVehicleInput
  ebikes: CampusEbikeInput
}
/** PUT /api/v1/traffic/KIND/{id}: a record stays with its school; 409 traffic.stale when `version` is stale. */
export type TrafficUpdate<K extends TrafficKind> = Omit<TrafficInputs[K], 'unit_id'> & { active: boolean; version: number }

/** 门岗核验: the plate read at a school's gate (optional for an e-bike without one). */
export interface GateCheckInput {
  unit_id: number
  kind: GateKind
  gate: string
  plate: string
}

/** 门岗拒入记录: an entry refused at a school's gate. */
export interface GateRefusal {
  id: number
  unit_id: number
  unit_name: string
  kind: GateKind | string
  gate: string
  /** The plate read, "" for an e-bike without one. */
  plate: string
  /** The registration the plate matched, null when none did. */
  subject_id: number | null
  reason: string
  /** The day in China (YYYY-MM-DD). */
  on: string
  /** The instant (ISO, UTC). */
  at: string
  recorded_by: string
  recorded_by_name: string
}

/** The gate's answer: 200 allowed (nothing recorded), 201 refused with the refusal recorded. */
export interface GateCheckDecision {
  allowed: boolean
  /** 电动自行车准许进入 / 电动自行车不得进入：无号牌 / 未登记的车辆 / 服务车辆只能走北门 … */
  reason: string
  subject_id: number | null
  refusal: GateRefusal | null
}

export interface GateRefusalQuery {
  unit_id?: number
  kind?: GateKind
  /** The first and last day (China), included. */
  from?: string
  to?: string
  page?: number
  page_size?: number
}

const base = '/api/v1/traffic'

// ---- The vehicles and the e-bikes in and out of spreadsheets (?list=vehicles|ebikes) ----

/**
 * Where a list is imported (POST, the file's bytes as the body; ?list=…&format=xlsx|csv). All or
 * nothing: each row adds a record to the school of its 学校代码, or updates that school's record with
 * the same key (a vehicle's 车牌号, an e-bike's 车主 and 号牌); a refused file is 422 with each row's
 * problems by column (traffic:manage).
 */
export const TRAFFIC_IMPORT_PATH = `${base}/import`
/** The blank template of a list (?list=…): 校内车辆导入模板.xlsx, 电动自行车导入模板.xlsx (traffic:manage). */
export const TRAFFIC_TEMPLATE_PATH = `${base}/import-template`
/** A list's records in use of every school in scope (?list=…), the template's columns: 校内车辆.xlsx, 电动自行车.xlsx (traffic:read). */
export const TRAFFIC_EXPORT_PATH = `${base}/export`

export const trafficListsApi = {
  template: (kind: TrafficKind): Promise<Download> => download(TRAFFIC_TEMPLATE_PATH, { list: kind }),
  /** A refused import (422 with the report) is a result, not an error. */
  import: (kind: TrafficKind, file: File): Promise<ImportReport> =>
    uploadImport(TRAFFIC_IMPORT_PATH, file, { format: importFormatOf(file.name), extra: { list: kind } }),
  export: (kind: TrafficKind): Promise<Download> => download(TRAFFIC_EXPORT_PATH, { list: kind }),
}

export const trafficApi = {
  /** One registry's records, by school then plate (vehicles) or owner (e-bikes). */
  list: <K extends TrafficKind>(kind: K, query: TrafficQuery = {}) => http.get<Page<TrafficRecords[K]>>(`${base}/${kind}`, { ...query } as Query),
  get: <K extends TrafficKind>(kind: K, id: number) => http.get<TrafficRecords[K]>(`${base}/${kind}/${id}`),
  /** 201; 422 names the field. */
  create: <K extends TrafficKind>(kind: K, input: TrafficInputs[K]) => http.post<TrafficRecords[K]>(`${base}/${kind}`, input),
  /** 409 traffic.stale when `version` is stale; active false: 停用. */
  update: <K extends TrafficKind>(kind: K, id: number, input: TrafficUpdate<K>) => http.put<TrafficRecords[K]>(`${base}/${kind}/${id}`, input),
  /** 门岗核验 (traffic:gate): allowed, or refused and recorded; 422 names the field (gate, plate, kind, unit_id). */
  check: (input: GateCheckInput) => http.post<GateCheckDecision>(`${base}/gate-checks`, input),
  /** 门岗拒入记录, newest first. */
  refusals: (query: GateRefusalQuery = {}) => http.get<Page<GateRefusal>>(`${base}/gate-refusals`, { ...query } as Query),
}

// ---- 交通安全一校一策 (measure 15) ----
// Each school's guide for arrival and dismissal: its gates, the peaks per grade, the drop-off and
// waiting zones, 人车分流, the 护学岗 posts, the police's peak duty (公安交警高峰勤务), the arrangements
// for early arrivals and against gathering after school, and the road facilities asked of the
// traffic police (周边交通设施需求, sent as one whistle). Read with traffic:read; written and
// published with traffic:manage (a school its own); the needs sent with traffic:manage and
// whistle:raise (can_send_needs). The rule traffic.guide asks for one published each semester.

/** The guide's state: 未制定, 未发布, 修改未发布, 非本学期发布, 本学期已发布. */
export type GuideState = 'none' | 'draft' | 'changed' | 'outdated' | 'current'
export const GUIDE_STATES: readonly GuideState[] = ['none', 'draft', 'changed', 'outdated', 'current']

/** 行人通道, 车辆通道, 人车共用. */
export type GateUse = 'people' | 'vehicles' | 'both'
export const GATE_USES: readonly GateUse[] = ['people', 'vehicles', 'both']
/** 入校, 放学. */
export type PeakKind = 'arrival' | 'dismissal'
export const PEAK_KINDS: readonly PeakKind[] = ['arrival', 'dismissal']
/** 临时停靠区, 家长等候区, 停车区, 校车停靠区. */
export type ZoneKind = 'drop_off' | 'waiting' | 'parking' | 'bus'
export const ZONE_KINDS: readonly ZoneKind[] = ['drop_off', 'waiting', 'parking', 'bus']
/** 交通标志, 交通标线, 人行横道, 减速带, 信号灯, 隔离护栏, 其他设施. */
export type NeedKind = 'sign' | 'marking' | 'crossing' | 'speed_hump' | 'signal' | 'fence' | 'other'
export const NEED_KINDS: readonly NeedKind[] = ['sign', 'marking', 'crossing', 'speed_hump', 'signal', 'fence', 'other']

/** At most this many rows in each list (gates, peaks, zones, posts). */
export const GUIDE_ROWS_MAX = 30
/** At most this many road-facility needs (they all go in one whistle). */
export const GUIDE_NEEDS_MAX = 10
/** A gate's name and hours, a grade, a zone's name and place, a post's place, the police unit. */
export const GUIDE_NAME_MAX = 40
/** A post's people (上岗人员). */
export const GUIDE_PEOPLE_MAX = 80
/** A measure (人车分流, 高峰勤务, 提前到校, 放学不聚集). */
export const GUIDE_TEXT_MAX = 500
/** A need's description. */
export const GUIDE_NEED_MAX = 150

/** 校门. */
export interface GuideGate {
  name: string
  use: GateUse | string
  /** Read only (ignored when sent back). */
  use_label?: string
  /** 开放时间, free text ("07:00—08:00，16:30—17:30"). */
  hours: string
}
/** 上下学高峰: one grade's arrival or dismissal. */
export interface GuidePeak {
  grade: string
  kind: PeakKind | string
  kind_label?: string
  /** HH:MM; `to` after `from`. */
  from: string
  to: string
  /** One of the guide's gates, "" for none named. */
  gate: string
}
/** 接送区域. */
export interface GuideZone {
  kind: ZoneKind | string
  kind_label?: string
  name: string
  location: string
}
/** 护学岗. */
export interface GuidePost {
  place: string
  from: string
  to: string
  /** Who stands there (names, or 家长志愿者 …). */
  people: string
}
/** 周边交通设施需求: a road facility asked of the traffic police. */
export interface GuideNeed {
  kind: NeedKind | string
  kind_label?: string
  location: string
  description: string
  /** The whistle it was sent in (学校吹哨), null while not sent: a sent need may be removed, not edited. */
  whistle_id: number | null
}

/** What is written (PUT's body, also part of what is read). */
export interface GuideInput {
  /** The version read, 0 for a guide not written yet; 409 traffic.stale when another save came first. */
  version: number
  gates: GuideGate[]
  peaks: GuidePeak[]
  zones: GuideZone[]
  /** 人车分流措施. */
  separation: string
  posts: GuidePost[]
  /** 交警中队 / 派出所. */
  police_unit: string
  /** 公安交警高峰勤务安排. */
  police_duty: string
  /** 提前到校学生的安排. */
  early_arrival: string
  /** 放学后不聚集的措施. */
  after_school: string
  needs: GuideNeed[]
}

/** GET /api/v1/traffic/guides/{unit_id}: a school's guide (version 0: not written yet). */
export interface TrafficGuide extends GuideInput {
  unit_id: number
  unit_name: string
  /** YYYY-MM-DD, "" when never published. */
  published_on: string
  published_by: string
  published_by_name: string
  published_version: number
  updated_by: string
  /** ISO instant, null when not written yet. */
  updated_at: string | null
  state: GuideState | string
  state_label: string
  /** The semester judged: 2026—2027学年第一学期. */
  term_label: string
  /** The needs not yet sent to the police. */
  unsent_needs: number
  /** The caller holds traffic:manage. */
  can_edit: boolean
  /** The caller may send the needs (traffic:manage and whistle:raise) and some are left to send. */
  can_send_needs: boolean
}

/** A school of 一校一策总览. */
export interface GuideOverviewRow {
  unit_id: number
  unit_name: string
  state: GuideState | string
  state_label: string
  term_label: string
  published_on: string
  /** 校门, 护学岗, 设施需求 and those sent to the police. */
  gates: number
  posts: number
  needs: number
  needs_sent: number
}

/** GET /api/v1/traffic/guides: every school in scope (of a state, if asked), and the counts of all. */
export interface GuideOverview {
  items: GuideOverviewRow[]
  counts: Record<GuideState, number>
}

const guides = `${base}/guides`
/** 一校一策总览 as a spreadsheet (traffic:read). */
export const GUIDES_EXPORT_PATH = `${guides}/export`

export const trafficGuideApi = {
  get: (unitId: number) => http.get<TrafficGuide>(`${guides}/${unitId}`),
  /** The whole guide; 422 names the field (gates[1].name, peaks[0].to …), 409 traffic.stale. */
  save: (unitId: number, input: GuideInput) => http.put<TrafficGuide>(`${guides}/${unitId}`, input),
  /** Publishes the version read; 422 names what publishing needs (gates, peaks, posts, separation, police_duty). */
  publish: (unitId: number, version: number) => http.post<TrafficGuide>(`${guides}/${unitId}/publish`, { version }),
  /** Sends every need not sent yet as one whistle (学校吹哨); 409 traffic.guide.no_needs when none is left. */
  sendNeeds: (unitId: number, version: number) => http.post<TrafficGuide>(`${guides}/${unitId}/needs/whistle`, { version }),
  overview: (state?: GuideState) => http.get<GuideOverview>(guides, state ? { state } : undefined),
  /** 交通安全一校一策.xlsx. */
  export: (): Promise<Download> => download(GUIDES_EXPORT_PATH),
}
