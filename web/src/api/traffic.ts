// 校内交通 (measure 14): each school's campus vehicles by class (教职工车辆, 服务车辆, 访客车辆) with the
// gates, hours and days they may enter, its e-bikes (电动自行车) with their licence and campus plates
// (校内牌照) and modification check (judged by the rule traffic.ebike: 合格, 待检查 or 不合格 with the
// reason), the gate's check of a plate (门岗核验) and the refusals it records (门岗拒入记录). Read
// with traffic:read; registered and edited with traffic:manage (a school its own; 停用 is active
// false on an edit); checked at the gate with traffic:gate (a school's leader and safety officer).
// Types follow the API contract (snake_case); dates are YYYY-MM-DD and hours HH:MM, "" when not set.
import { http, type Page, type Query } from './http'

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
