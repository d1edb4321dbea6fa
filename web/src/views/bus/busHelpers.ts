// 校车台账's pure parts: the tab, the record to open and the search form from a link and their API
// filters, the link to a record from elsewhere (我的待办, the plan board's findings), a record's
// state as shown (合格 / 临期提醒 / 不合格 / 已停用) and the reasons of its failing and warning rules,
// each registry's columns (also the cards' lines), the form of a record with its API bodies and the
// server's reasons no field shows, the route and outing forms' choices (plate and seats — an outing's
// rented vehicles first, marked 租用 — name and licence class), and the survey's totals and rows. Unit-tested in __tests__/busHelpers.spec.ts.
import type { LocationQuery, RouteLocationRaw } from 'vue-router'
import {
  BUS_DRIVER_FLAGS,
  BUS_KINDS,
  requiredLicenceClass,
  type BusCheck,
  type BusDriver,
  type BusInputs,
  type BusKind,
  type BusMonitor,
  type BusOuting,
  type BusProvider,
  type BusQuery,
  type BusRecord,
  type BusRecords,
  type BusRoute,
  type BusSurveyCounts,
  type BusSurveySchool,
  type BusUpdate,
  type BusVehicle,
} from '@/api/bus'

type Translate = (key: string, named?: Record<string, unknown>) => string

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positive(v: LocationQuery[string] | undefined): number | undefined {
  const n = Number(one(v))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

const isKind = (v: string): v is BusKind => (BUS_KINDS as readonly string[]).includes(v)

/** The tab a link opens (/bus?tab=vehicles), 线路 by default. */
export function kindFromRoute(query: LocationQuery): BusKind {
  const tab = one(query.tab)
  return isKind(tab) ? tab : 'routes'
}

/** The record a link opens on its tab (/bus?tab=vehicles&id=12), undefined when none. */
export function recordIdFromRoute(query: LocationQuery): number | undefined {
  return positive(query.id)
}

/** The registry of a record by the subject the server names it with (rule findings, 我的待办). */
const SUBJECT_KINDS: Readonly<Record<string, BusKind>> = {
  bus_route: 'routes',
  bus_vehicle: 'vehicles',
  bus_driver: 'drivers',
  bus_monitor: 'monitors',
  bus_provider: 'providers',
  bus_outing: 'outings',
}

/** bus_vehicle → vehicles …; undefined for a subject not of the registry. */
export function kindOfSubject(subjectType: string): BusKind | undefined {
  return Object.prototype.hasOwnProperty.call(SUBJECT_KINDS, subjectType) ? SUBJECT_KINDS[subjectType] : undefined
}

/**
 * The page of a record from elsewhere: 校车台账 on the record's tab, the school searched when given
 * (the bureau's link), the record opened by id — /bus?tab=vehicles&unit_id=21&id=12. Undefined for a
 * subject not of the registry or an id that is none.
 */
export function busRecordRoute(subjectType: string, id: number, unitId?: number): RouteLocationRaw | undefined {
  const tab = kindOfSubject(subjectType)
  if (!tab || !Number.isInteger(id) || id <= 0) return undefined
  const query: Record<string, string> = { tab }
  if (unitId !== undefined && Number.isInteger(unitId) && unitId > 0) query.unit_id = String(unitId)
  query.id = String(id)
  return { name: 'bus', query }
}

// ---- The list ----

export interface BusSearch {
  unit_id: number | undefined
  include_inactive: boolean
  q: string
}

export const emptyBusSearch = (): BusSearch => ({ unit_id: undefined, include_inactive: false, q: '' })

/** The search form from a link (/bus?unit_id=21&q=浙A). */
export function busSearchFromRoute(query: LocationQuery): BusSearch {
  const s = emptyBusSearch()
  s.unit_id = positive(query.unit_id)
  s.include_inactive = ['1', 'true'].includes(one(query.include_inactive))
  s.q = one(query.q)
  return s
}

/** The API filters of an applied form: only what is set. */
export function busFilter(s: BusSearch): BusQuery {
  const q: BusQuery = {}
  if (typeof s.unit_id === 'number') q.unit_id = s.unit_id
  if (s.include_inactive) q.include_inactive = true
  const text = s.q.trim()
  if (text) q.q = text
  return q
}

// ---- A record's state and reasons ----

/** What a row says: its state today, or 已停用 (a record out of use is not judged). */
export type BusRowState = 'pass' | 'warn' | 'fail' | 'inactive'

export function rowState(r: Pick<BusRecord, 'active' | 'state'>): BusRowState {
  if (!r.active) return 'inactive'
  return r.state === 'fail' || r.state === 'warn' ? r.state : 'pass'
}

export const stateText = (t: Translate, s: BusRowState): string => t(`bus.state.${s}`)

export function stateTagType(s: BusRowState): 'success' | 'warning' | 'danger' | 'info' {
  if (s === 'fail') return 'danger'
  if (s === 'warn') return 'warning'
  if (s === 'inactive') return 'info'
  return 'success'
}

export interface BusProblem {
  rule_id: string
  outcome: 'fail' | 'warn'
  /** The rule (校车标牌在有效期内). */
  title: string
  /** What is wrong, as the server says it (校车标牌已过期（2026-12-01）); the rule's title when none. */
  text: string
}

/** The failing rules' reasons, then those warning. */
export function problemsOf(r: { checks: readonly BusCheck[]; active?: boolean }): BusProblem[] {
  if (r.active === false) return []
  const of = (outcome: 'fail' | 'warn') =>
    r.checks.filter((c) => c.outcome === outcome).map((c) => ({ rule_id: c.rule_id, outcome, title: c.title, text: c.reason || c.title }))
  return [...of('fail'), ...of('warn')]
}

// ---- What a record is called and shows ----

/** A record's title in its row or card: the vehicle's plate, an outing's purpose, anyone else's name. */
export function titleOf(kind: BusKind, r: BusRecord): string {
  if (kind === 'vehicles') return (r as BusVehicle).plate
  if (kind === 'outings') return (r as BusOuting).purpose
  return (r as BusProvider | BusDriver | BusMonitor | BusRoute).name
}

/** A date as shown: — when not recorded. */
export const dateText = (d: string | null | undefined): string => d || '—'

const yesNo = (t: Translate, v: boolean): string => (v ? t('bus.yes') : t('bus.no'))

/** The background check of a driver as shown: 无不良记录, or the flags set (饮酒/醉酒驾驶、犯罪记录). */
export function driverRecordText(t: Translate, d: Pick<BusDriver, (typeof BUS_DRIVER_FLAGS)[number]>): string {
  const set = BUS_DRIVER_FLAGS.filter((f) => d[f]).map((f) => t(`bus.flag.${f}`))
  return set.length ? set.join('、') : t('bus.cleanRecord')
}

/** 07:00 / 16:30: a route's departures (an outing's departure and return), — for one not set. */
export function timesText(r: Pick<BusRoute, 'leave_at' | 'return_at'>): string {
  if (!r.leave_at && !r.return_at) return '—'
  return `${r.leave_at || '—'} / ${r.return_at || '—'}`
}

/** One column of a registry's table, also a line of its cards. */
export interface BusColumn {
  key: string
  label: string
  width: number
  text: (r: BusRecord) => string
}

function columns<K extends BusKind>(list: { key: string; label: string; width: number; text: (r: BusRecords[K]) => string }[]): BusColumn[] {
  return list.map((c) => ({ ...c, text: (r: BusRecord) => c.text(r as BusRecords[K]) }))
}

/** A registry's columns after its title (the name or plate), before the state. */
export function busColumns(t: Translate, kind: BusKind): BusColumn[] {
  const f = (k: string) => t(`bus.field.${k}`)
  switch (kind) {
    case 'routes':
      return columns<'routes'>([
        { key: 'times', label: f('times'), width: 120, text: timesText },
        { key: 'vehicle', label: f('vehicle'), width: 110, text: (r) => r.vehicle_plate || t('bus.none') },
        { key: 'driver', label: f('driver'), width: 100, text: (r) => r.driver_name || t('bus.none') },
        { key: 'monitor', label: f('monitor'), width: 100, text: (r) => r.monitor_name || t('bus.none') },
        { key: 'riders', label: f('riders'), width: 90, text: (r) => String(r.riders) },
      ])
    case 'vehicles':
      return columns<'vehicles'>([
        { key: 'seats', label: f('seats'), width: 90, text: (r) => t('bus.seatsOf', { n: r.seats }) },
        { key: 'required_licence_class', label: f('required_licence_class'), width: 100, text: (r) => r.required_licence_class || '—' },
        { key: 'provider', label: f('provider'), width: 150, text: (r) => r.provider_name || '—' },
        { key: 'permit_until', label: f('permit_until'), width: 120, text: (r) => dateText(r.permit_until) },
        { key: 'inspected_on', label: f('inspected_on'), width: 120, text: (r) => dateText(r.inspected_on) },
        { key: 'insurance_until', label: f('insurance_until'), width: 120, text: (r) => dateText(r.insurance_until) },
      ])
    case 'drivers':
      return columns<'drivers'>([
        { key: 'licence_class', label: f('licence_class'), width: 90, text: (r) => r.licence_class || '—' },
        { key: 'birth', label: f('birth'), width: 110, text: (r) => dateText(r.birth) },
        { key: 'licence_since', label: f('licence_since'), width: 110, text: (r) => dateText(r.licence_since) },
        { key: 'bus_endorsement', label: f('bus_endorsement'), width: 100, text: (r) => yesNo(t, r.bus_endorsement) },
        { key: 'background', label: f('background'), width: 140, text: (r) => driverRecordText(t, r) },
        { key: 'health_checked_on', label: f('health_checked_on'), width: 110, text: (r) => dateText(r.health_checked_on) },
        { key: 'provider', label: f('provider'), width: 150, text: (r) => r.provider_name || '—' },
      ])
    case 'monitors':
      return columns<'monitors'>([{ key: 'trained_on', label: f('trained_on'), width: 120, text: (r) => r.trained_on || t('bus.notTrained') }])
    case 'providers':
      return columns<'providers'>([
        { key: 'licence_no', label: f('licence_no'), width: 150, text: (r) => r.licence_no || '—' },
        { key: 'licence_until', label: f('licence_until'), width: 120, text: (r) => dateText(r.licence_until) },
        { key: 'contract_until', label: f('contract_until'), width: 120, text: (r) => dateText(r.contract_until) },
        { key: 'contact', label: f('contact'), width: 150, text: (r) => r.contact || '—' },
      ])
    case 'outings':
      return columns<'outings'>([
        { key: 'date', label: f('date'), width: 110, text: (r) => dateText(r.date) },
        { key: 'times', label: f('outingTimes'), width: 120, text: timesText },
        { key: 'vehicle', label: f('vehicle'), width: 110, text: (r) => r.vehicle_plate || t('bus.none') },
        { key: 'driver', label: f('driver'), width: 100, text: (r) => r.driver_name || t('bus.none') },
        { key: 'monitor', label: f('monitor'), width: 100, text: (r) => r.monitor_name || t('bus.none') },
        { key: 'riders', label: f('riders'), width: 90, text: (r) => String(r.riders) },
      ])
  }
}

/** The line under a title: a route's stops, an outing's destination (前往 市科技馆), a vehicle rented (租用车辆). */
export function subtitleOf(t: Translate, kind: BusKind, r: BusRecord): string {
  if (kind === 'routes') return (r as BusRoute).stops
  if (kind === 'outings') return t('bus.destinationOf', { place: (r as BusOuting).destination })
  if (kind === 'vehicles') {
    const v = r as BusVehicle
    return [v.rented ? t('bus.field.rented') : '', v.gps ? '' : t('bus.noGps')].filter(Boolean).join('、')
  }
  return ''
}

// ---- The route form's choices ----

export interface BusChoice {
  value: number
  label: string
  state: BusRowState
}

/** A vehicle to put on a route: 浙A52701（39座）. */
export const vehicleChoice = (t: Translate, v: BusVehicle): BusChoice => ({
  value: v.id,
  label: t('bus.vehicleChoice', { plate: v.plate, n: v.seats }),
  state: rowState(v),
})

/**
 * The vehicles to choose for an outing: those rented (租用车辆, the usual choice) first and marked —
 * 浙A52703（45座，租用） — then the school's own, each group in the registry's order.
 */
export function outingVehicleChoices(t: Translate, vehicles: readonly BusVehicle[]): BusChoice[] {
  const rented = vehicles.filter((v) => v.rented)
  const own = vehicles.filter((v) => !v.rented)
  return [
    ...rented.map((v) => ({ ...vehicleChoice(t, v), label: t('bus.vehicleChoiceRented', { plate: v.plate, n: v.seats }) })),
    ...own.map((v) => vehicleChoice(t, v)),
  ]
}

/** A driver to put on a route: 王建国（A1）. */
export const driverChoice = (t: Translate, d: BusDriver): BusChoice => ({
  value: d.id,
  label: t('bus.driverChoice', { name: d.name, licence: d.licence_class }),
  state: rowState(d),
})

export const monitorChoice = (m: BusMonitor): BusChoice => ({ value: m.id, label: m.name, state: rowState(m) })

// ---- The record form ----

/** Every field of the six forms (a dialog edits one kind; the others stay unused). */
export interface BusForm {
  unit_id: number | null
  name: string
  note: string
  active: boolean
  // providers
  licence_no: string
  licence_until: string
  contract_until: string
  contact: string
  // vehicles and drivers
  provider_id: number | null
  // vehicles
  plate: string
  seats: number | null | undefined
  permit_no: string
  permit_until: string
  inspected_on: string
  insurance_until: string
  gps: boolean
  rented: boolean
  // drivers
  birth: string
  licence_class: string
  licence_since: string
  bus_endorsement: boolean
  full_points_in_3_cycles: boolean
  fatal_accident_responsibility: boolean
  drink_driving: boolean
  overload_or_speeding_last_year: boolean
  criminal_record: boolean
  health_checked_on: string
  // monitors
  trained_on: string
  // routes (and outings: the times, riders, vehicle, driver and monitor)
  stops: string
  leave_at: string
  return_at: string
  riders: number | null | undefined
  vehicle_id: number | null
  driver_id: number | null
  monitor_id: number | null
  // outings
  purpose: string
  destination: string
  date: string
}

export function emptyBusForm(unitId: number | null = null): BusForm {
  return {
    unit_id: unitId,
    name: '',
    note: '',
    active: true,
    licence_no: '',
    licence_until: '',
    contract_until: '',
    contact: '',
    provider_id: null,
    plate: '',
    seats: undefined,
    permit_no: '',
    permit_until: '',
    inspected_on: '',
    insurance_until: '',
    gps: true,
    rented: false,
    birth: '',
    licence_class: '',
    licence_since: '',
    bus_endorsement: false,
    full_points_in_3_cycles: false,
    fatal_accident_responsibility: false,
    drink_driving: false,
    overload_or_speeding_last_year: false,
    criminal_record: false,
    health_checked_on: '',
    trained_on: '',
    stops: '',
    leave_at: '',
    return_at: '',
    riders: undefined,
    vehicle_id: null,
    driver_id: null,
    monitor_id: null,
    purpose: '',
    destination: '',
    date: '',
  }
}

/** The fields of each kind's form, as the API names them (also where the server's reasons show). */
export const BUS_FORM_FIELDS: Readonly<Record<BusKind, readonly (keyof BusForm)[]>> = {
  providers: ['name', 'licence_no', 'licence_until', 'contract_until', 'contact'],
  vehicles: ['provider_id', 'plate', 'seats', 'permit_no', 'permit_until', 'inspected_on', 'insurance_until', 'gps', 'rented'],
  drivers: ['provider_id', 'name', 'birth', 'licence_class', 'licence_since', 'bus_endorsement', ...BUS_DRIVER_FLAGS, 'health_checked_on'],
  monitors: ['name', 'trained_on'],
  routes: ['name', 'stops', 'leave_at', 'return_at', 'riders', 'vehicle_id', 'driver_id', 'monitor_id'],
  outings: ['purpose', 'destination', 'date', 'leave_at', 'return_at', 'riders', 'vehicle_id', 'driver_id', 'monitor_id'],
}

/** A record's form for an edit: its own fields over the empty form. */
export function busToForm(kind: BusKind, r: BusRecord): BusForm {
  const f = emptyBusForm(r.unit_id)
  const src = r as unknown as Record<string, unknown>
  const out = f as unknown as Record<string, unknown>
  for (const k of BUS_FORM_FIELDS[kind]) {
    if (src[k] !== undefined) out[k] = src[k]
  }
  f.note = r.note
  f.active = r.active
  return f
}

const DATE_FIELDS: readonly (keyof BusForm)[] = [
  'licence_until',
  'contract_until',
  'permit_until',
  'inspected_on',
  'insurance_until',
  'birth',
  'licence_since',
  'health_checked_on',
  'trained_on',
  'date',
]
const COUNT_FIELDS: readonly (keyof BusForm)[] = ['seats', 'riders']

/** One kind's fields of a form as the API takes them: text trimmed, a cleared date "", a count 0 when empty. */
function fieldsOf(kind: BusKind, f: BusForm): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of BUS_FORM_FIELDS[kind]) {
    const v = f[k]
    if (COUNT_FIELDS.includes(k)) out[k] = typeof v === 'number' ? v : 0
    else if (DATE_FIELDS.includes(k) || k === 'leave_at' || k === 'return_at') out[k] = typeof v === 'string' ? v : ''
    else if (typeof v === 'string') out[k] = v.trim()
    else out[k] = v ?? null
  }
  out.note = f.note.trim()
  return out
}

/** POST's body: the school and the kind's fields. */
export function busCreateBody<K extends BusKind>(kind: K, f: BusForm): BusInputs[K] {
  return { unit_id: f.unit_id ?? 0, ...fieldsOf(kind, f) } as unknown as BusInputs[K]
}

/** PUT's body, with 在用 (false: 停用) and the version read: 409 when another save came first. */
export function busUpdateBody<K extends BusKind>(kind: K, f: BusForm, version: number): BusUpdate<K> {
  return { ...fieldsOf(kind, f), active: f.active, version } as unknown as BusUpdate<K>
}

/** The server's reasons that no field of the kind's form shows (listed above the form instead). */
export function unplacedBusErrors(kind: BusKind, errors: Record<string, string>): { field: string; reason: string }[] {
  const shown: readonly string[] = [...BUS_FORM_FIELDS[kind], 'unit_id', 'note', 'active']
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}

/** The licence class a vehicle of these seats needs, "" before the seats are typed. */
export const requiredClassOf = (seats: number | null | undefined): string => (typeof seats === 'number' && seats > 0 ? requiredLicenceClass(seats) : '')

/** How a record is named in messages: 线路“双桥—河东线”. */
export const recordName = (t: Translate, kind: BusKind, r: BusRecord): string => t('bus.nameOf', { what: t(`bus.what.${kind}`), name: titleOf(kind, r) })

// ---- The survey ----

/** The survey's totals in the board's order. */
export const SURVEY_TOTAL_KEYS = [
  'schools',
  'vehicles',
  'drivers',
  'routes',
  'riders',
  'failing_vehicles',
  'failing_drivers',
  'failing_routes',
  'warnings',
] as const
export type SurveyTotalKey = (typeof SURVEY_TOTAL_KEYS)[number]

/** The per-school table's counts after the school, in order. */
export const SURVEY_COLUMNS: readonly (keyof BusSurveyCounts)[] = [
  'providers',
  'vehicles',
  'drivers',
  'monitors',
  'routes',
  'riders',
  'failing_vehicles',
  'failing_drivers',
  'failing_routes',
  'warnings',
]

/** A count that is a problem when above 0: the failing ones (red) and the warnings (orange). */
export function countTone(key: string, n: number): 'danger' | 'warning' | '' {
  if (n <= 0) return ''
  if (key.startsWith('failing_')) return 'danger'
  if (key === 'warnings') return 'warning'
  return ''
}

/** What a school's row says: something fails, an expiry is near, nothing registered, or all well. */
export type SurveyRowState = 'fail' | 'warn' | 'empty' | 'ok'

export function surveyRowState(
  s: Pick<BusSurveySchool, 'failing_vehicles' | 'failing_drivers' | 'failing_routes' | 'warnings' | 'vehicles' | 'routes'>,
): SurveyRowState {
  if (s.failing_vehicles + s.failing_drivers + s.failing_routes > 0) return 'fail'
  if (s.warnings > 0) return 'warn'
  if (s.vehicles === 0 && s.routes === 0) return 'empty'
  return 'ok'
}
