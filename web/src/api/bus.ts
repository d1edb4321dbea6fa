// 校车台账 (measure 16, 《校车安全管理条例》): each school's school-bus providers (校车服务单位), vehicles,
// drivers, bus monitors (照管人员) and routes, every record judged by the bus rules today (合格, 临期提醒
// or 不合格, with the reasons), and the district's figures by school (校车底数). Read with bus:read;
// recorded and edited with bus:manage (a school its own; 停用 is active false on an edit), each
// registry but the outings also imported from its template (bus:manage) and exported (bus:read) as a
// spreadsheet. A route whose vehicle or driver fails a rule today is refused on that field; an outing
// in a rented vehicle (出行用车) is judged the same way on the outing's own day. Types follow the API
// contract (snake_case); dates are YYYY-MM-DD, "" when not recorded.
import { download, http, type Download, type Page, type Query } from './http'
import { importFormatOf, uploadImport, type ImportReport } from './imports'

/** The six registries, as the API names them (outings: 出行用车). */
export type BusKind = 'routes' | 'vehicles' | 'drivers' | 'monitors' | 'providers' | 'outings'
/** The registries in the page's order (its tabs). */
export const BUS_KINDS: readonly BusKind[] = ['routes', 'vehicles', 'drivers', 'monitors', 'providers', 'outings']
/** The registries kept in spreadsheets (the outings are not): ?list= of the import, template and export. */
export type BusSheetKind = Exclude<BusKind, 'outings'>
export const BUS_SHEET_KINDS: readonly BusSheetKind[] = ['routes', 'vehicles', 'drivers', 'monitors', 'providers']
/** Whether a registry goes in and out of Excel (导入 / 导出). */
export const hasSheet = (kind: BusKind): kind is BusSheetKind => (BUS_SHEET_KINDS as readonly string[]).includes(kind)

/** The licence classes a school-bus driver may hold, the strictest first. */
export const BUS_LICENCE_CLASSES = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1'] as const
export type BusLicenceClass = (typeof BUS_LICENCE_CLASSES)[number]

export const BUS_NAME_MAX = 50
export const BUS_TEXT_MAX = 200
export const BUS_NOTE_MAX = 500
/** A vehicle's approved seats (核定载人数): 1 to 80. */
export const BUS_SEATS_MAX = 80
/** A route's riders (乘车学生): 0 to 200. */
export const BUS_RIDERS_MAX = 200

/**
 * The licence class a vehicle needs (《机动车驾驶证申领和使用规定》): more than 19 seats A1, 10–19
 * B1, fewer C1 — as the server's required_licence_class (the form's preview before saving).
 */
export function requiredLicenceClass(seats: number): BusLicenceClass {
  if (seats > 19) return 'A1'
  if (seats >= 10) return 'B1'
  return 'C1'
}

export type BusOutcome = 'pass' | 'warn' | 'fail' | 'na'
/** A record's state today: 合格, 临期提醒 (an expiry near) or 不合格 (a rule fails). */
export type BusState = 'pass' | 'warn' | 'fail'

/** One bus rule judged for a record today. */
export interface BusCheck {
  /** bus.permit, bus.inspection, bus.driver_age … */
  rule_id: string
  title: string
  outcome: BusOutcome | string
  /** 达标 / 提醒 / 未达标 / 不适用. */
  outcome_label: string
  /** 校车标牌已过期（2026-12-01）. */
  reason: string
}

/** What every record of the registry carries. */
export interface BusRecordBase {
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
  /** The bus rules judged today (none for a record not in use, a provider or a monitor). */
  checks: BusCheck[]
  state: BusState | string
  /** The caller holds bus:manage for the record's school. */
  can_edit: boolean
}

/** 校车服务单位. */
export interface BusProvider extends BusRecordBase {
  name: string
  /** 道路运输经营许可证号. */
  licence_no: string
  licence_until: string
  /** The school's contract with it runs to. */
  contract_until: string
  /** 联系人及电话. */
  contact: string
}

export interface BusVehicle extends BusRecordBase {
  provider_id: number | null
  provider_name: string
  /** As registered: 浙A52701. */
  plate: string
  /** 核定载人数. */
  seats: number
  /** The class its driver needs (from the seats). */
  required_licence_class: string
  /** 校车标牌号 and its validity. */
  permit_no: string
  permit_until: string
  /** The last safety inspection (安全技术检验). */
  inspected_on: string
  /** 承运人责任险 runs to. */
  insurance_until: string
  /** 卫星定位装置. */
  gps: boolean
  /** 租用车辆. */
  rented: boolean
}

/** The background check (背景审查) of a driver: each true disqualifies. */
export type BusDriverRecordFlag =
  'full_points_in_3_cycles' | 'fatal_accident_responsibility' | 'drink_driving' | 'overload_or_speeding_last_year' | 'criminal_record'
export const BUS_DRIVER_FLAGS: readonly BusDriverRecordFlag[] = [
  'full_points_in_3_cycles',
  'fatal_accident_responsibility',
  'drink_driving',
  'overload_or_speeding_last_year',
  'criminal_record',
]

export interface BusDriver extends BusRecordBase, Record<BusDriverRecordFlag, boolean> {
  provider_id: number | null
  provider_name: string
  name: string
  birth: string
  licence_class: BusLicenceClass | string
  /** The first issue of that class. */
  licence_since: string
  /** 校车驾驶资格. */
  bus_endorsement: boolean
  health_checked_on: string
}

/** 照管人员. */
export interface BusMonitor extends BusRecordBase {
  name: string
  /** 安全培训, "" when not trained. */
  trained_on: string
}

export interface BusRoute extends BusRecordBase {
  /** 双桥—河东线. */
  name: string
  /** 站点, in order. */
  stops: string
  /** HH:MM: the morning and afternoon departures, "" when not set. */
  leave_at: string
  return_at: string
  riders: number
  vehicle_id: number | null
  driver_id: number | null
  monitor_id: number | null
  vehicle_plate: string
  driver_name: string
  monitor_name: string
}

/**
 * 出行用车: an outing (春秋游、研学) in a vehicle registered at the school — usually one rented for it
 * (租用车辆) — with its driver and monitor. Its checks are the route's (bus.monitor, bus.capacity)
 * and the vehicle's and driver's bus rules judged on the outing's `date`, not today.
 */
export interface BusOuting extends BusRecordBase {
  /** 出行事由: 秋季研学旅行. */
  purpose: string
  /** 目的地. */
  destination: string
  /** The outing's day (China), YYYY-MM-DD. */
  date: string
  /** HH:MM: 出发 and 返回 (after the departure), "" when not set. */
  leave_at: string
  return_at: string
  riders: number
  vehicle_id: number | null
  driver_id: number | null
  monitor_id: number | null
  vehicle_plate: string
  driver_name: string
  monitor_name: string
}

export interface BusRecords {
  providers: BusProvider
  vehicles: BusVehicle
  drivers: BusDriver
  monitors: BusMonitor
  routes: BusRoute
  outings: BusOuting
}
export type BusRecord = BusRecords[BusKind]

export interface BusQuery {
  /** The school. */
  unit_id?: number
  /** Vehicles and drivers of a provider. */
  provider_id?: number
  /** Also those 已停用. */
  include_inactive?: boolean
  /** The name, plate or licence number contains (an outing: its purpose or destination). */
  q?: string
  page?: number
  page_size?: number
}

interface WriteBase {
  unit_id: number
  note: string
}
export interface BusProviderInput extends WriteBase {
  name: string
  licence_no: string
  licence_until: string
  contract_until: string
  contact: string
}
export interface BusVehicleInput extends WriteBase {
  provider_id: number | null
  plate: string
  seats: number
  permit_no: string
  permit_until: string
  inspected_on: string
  insurance_until: string
  gps: boolean
  rented: boolean
}
export interface BusDriverInput extends WriteBase, Record<BusDriverRecordFlag, boolean> {
  provider_id: number | null
  name: string
  birth: string
  licence_class: string
  licence_since: string
  bus_endorsement: boolean
  health_checked_on: string
}
export interface BusMonitorInput extends WriteBase {
  name: string
  trained_on: string
}
export interface BusRouteInput extends WriteBase {
  name: string
  stops: string
  leave_at: string
  return_at: string
  riders: number
  vehicle_id: number | null
  driver_id: number | null
  monitor_id: number | null
}

export interface BusOutingInput extends WriteBase {
  purpose: string
  destination: string
  date: string
  leave_at: string
  return_at: string
  riders: number
  /** Required (422 on the field otherwise), as the driver is. */
  vehicle_id: number | null
  driver_id: number | null
  monitor_id: number | null
}

/** POST /api/v1/bus/KIND: unit_id is the school. */
export interface BusInputs {
  providers: BusProviderInput
  vehicles: BusVehicleInput
  drivers: BusDriverInput
  monitors: BusMonitorInput
  routes: BusRouteInput
  outings: BusOutingInput
}
/** PUT /api/v1/bus/KIND/{id}: a record stays with its school; 409 bus.stale when `version` is stale. */
export type BusUpdate<K extends BusKind> = Omit<BusInputs[K], 'unit_id'> & { active: boolean; version: number }

/** One school's figures (the records in use). */
export interface BusSurveyCounts {
  providers: number
  vehicles: number
  drivers: number
  monitors: number
  routes: number
  riders: number
  failing_vehicles: number
  failing_drivers: number
  failing_routes: number
  /** Records with an expiry near (临期提醒). */
  warnings: number
}
export interface BusSurveySchool extends BusSurveyCounts {
  school_id: number
  school_name: string
}
/** GET /api/v1/bus/survey: the totals and every school in scope, the most failing first. */
export interface BusSurvey {
  total: BusSurveyCounts & { schools: number }
  schools: BusSurveySchool[]
}

const base = '/api/v1/bus'
export const BUS_SURVEY_EXPORT_PATH = `${base}/survey/export`

// ---- Each registry in and out of spreadsheets (?list=KIND) ----

/**
 * Where a registry is imported (POST, the file's bytes as the body; ?list=…&format=xlsx|csv). All or
 * nothing: each row adds a record to the school of its 学校代码, or updates that school's record of
 * the same key (a vehicle's 车牌号, a driver's 姓名 and 出生日期, a provider's 单位名称, a monitor's
 * 姓名, a route's 线路名称); a refused file is 422 with each row's problems by column.
 */
export const BUS_IMPORT_PATH = `${base}/import`
/** The blank template of a registry (?list=…): 校车车辆导入模板.xlsx … (bus:manage). */
export const BUS_TEMPLATE_PATH = `${base}/import-template`
/** A registry's records in use of every school in scope (?list=…), the template's columns: 校车车辆.xlsx … (bus:read). */
export const BUS_EXPORT_PATH = `${base}/export`

export const busListsApi = {
  template: (kind: BusSheetKind): Promise<Download> => download(BUS_TEMPLATE_PATH, { list: kind }),
  /** A refused import (422 with the report) is a result, not an error. */
  import: (kind: BusSheetKind, file: File): Promise<ImportReport> =>
    uploadImport(BUS_IMPORT_PATH, file, { format: importFormatOf(file.name), extra: { list: kind } }),
  export: (kind: BusSheetKind): Promise<Download> => download(BUS_EXPORT_PATH, { list: kind }),
}

export const busApi = {
  /** One registry's records, by school then name (plate); the outings newest day first. */
  list: <K extends BusKind>(kind: K, query: BusQuery = {}) => http.get<Page<BusRecords[K]>>(`${base}/${kind}`, { ...query } as Query),
  get: <K extends BusKind>(kind: K, id: number) => http.get<BusRecords[K]>(`${base}/${kind}/${id}`),
  /**
   * 201; 422 names the field (a route: vehicle_id or driver_id failing a rule today, riders over the
   * seats; an outing: the same judged on its date, and a new outing's date before today).
   */
  create: <K extends BusKind>(kind: K, input: BusInputs[K]) => http.post<BusRecords[K]>(`${base}/${kind}`, input),
  /** 409 bus.stale when `version` is stale; active false: 停用. */
  update: <K extends BusKind>(kind: K, id: number, input: BusUpdate<K>) => http.put<BusRecords[K]>(`${base}/${kind}/${id}`, input),
  survey: () => http.get<BusSurvey>(`${base}/survey`),
  /** The survey as 校车底数.xlsx. */
  exportSurvey: (): Promise<Download> => download(BUS_SURVEY_EXPORT_PATH),
}
