// 校园交通's pure parts: the tab from a link, the search forms (the registries', 门岗记录's) and their
// API filters, a record's state as shown (a vehicle 有效 / 未生效 / 已过期 / 已停用, an e-bike 合格 /
// 待检查 / 不合格 / 已停用 with the reason), each registry's columns (also the cards' lines), the form
// of a record with its API bodies and the server's reasons no field shows, a refusal's line (the time
// in China, the plate or 无牌, the recorder), and the gate page's suggestions and body. Unit-tested
// in __tests__/trafficHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  TRAFFIC_KINDS,
  type CampusEbike,
  type CampusVehicle,
  type CampusVehicleClass,
  type GateCheckInput,
  type GateKind,
  type GateRefusal,
  type GateRefusalQuery,
  type TrafficInputs,
  type TrafficKind,
  type TrafficQuery,
  type TrafficRecord,
  type TrafficRecords,
  type TrafficUpdate,
} from '@/api/traffic'

type Translate = (key: string, named?: Record<string, unknown>) => string

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

function positive(v: LocationQuery[string] | undefined): number | undefined {
  const n = Number(one(v))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/** The page's tabs: the two registries, then 门岗记录. */
export type TrafficTab = TrafficKind | 'refusals'
export const TRAFFIC_TABS: readonly TrafficTab[] = [...TRAFFIC_KINDS, 'refusals']

/** The tab a link opens (/traffic?tab=ebikes), 车辆 by default. */
export function tabFromRoute(query: LocationQuery): TrafficTab {
  const tab = one(query.tab)
  return (TRAFFIC_TABS as readonly string[]).includes(tab) ? (tab as TrafficTab) : 'vehicles'
}

/** The school a link names (/traffic?unit_id=21), undefined when none. */
export const unitFromRoute = (query: LocationQuery): number | undefined => positive(query.unit_id)

// ---- The registries' search ----

export interface TrafficSearch {
  unit_id: number | undefined
  /** Vehicles only; "" all classes. */
  vehicle_class: CampusVehicleClass | ''
  include_inactive: boolean
  q: string
}

export const emptyTrafficSearch = (): TrafficSearch => ({ unit_id: undefined, vehicle_class: '', include_inactive: false, q: '' })

const isClass = (v: string): v is CampusVehicleClass => v === 'staff' || v === 'service' || v === 'visitor'

/** The search form from a link (/traffic?unit_id=21&vehicle_class=visitor&q=浙B). */
export function trafficSearchFromRoute(query: LocationQuery): TrafficSearch {
  const s = emptyTrafficSearch()
  s.unit_id = positive(query.unit_id)
  const cls = one(query.vehicle_class)
  s.vehicle_class = isClass(cls) ? cls : ''
  s.include_inactive = ['1', 'true'].includes(one(query.include_inactive))
  s.q = one(query.q)
  return s
}

/** The API filters of an applied form: only what is set (the class only for vehicles). */
export function trafficFilter(kind: TrafficKind, s: TrafficSearch): TrafficQuery {
  const q: TrafficQuery = {}
  if (typeof s.unit_id === 'number') q.unit_id = s.unit_id
  if (kind === 'vehicles' && s.vehicle_class) q.vehicle_class = s.vehicle_class
  if (s.include_inactive) q.include_inactive = true
  const text = s.q.trim()
  if (text) q.q = text
  return q
}

// ---- 门岗记录's search ----

export interface RefusalSearch {
  unit_id: number | undefined
  kind: GateKind | ''
  /** [from, to] (YYYY-MM-DD), empty for every day. */
  range: string[] | null
}

export const emptyRefusalSearch = (): RefusalSearch => ({ unit_id: undefined, kind: '', range: [] })

export function refusalFilter(s: RefusalSearch): GateRefusalQuery {
  const q: GateRefusalQuery = {}
  if (typeof s.unit_id === 'number') q.unit_id = s.unit_id
  if (s.kind) q.kind = s.kind
  const [from, to] = s.range ?? []
  if (from) q.from = from
  if (to) q.to = to
  return q
}

// ---- A record's state ----

/** What a vehicle's row says: its validity today, 已停用 for one out of use. */
export type VehicleState = 'valid' | 'pending' | 'expired' | 'inactive'
/** What an e-bike's row says: traffic.ebike today, 已停用 for one out of use. */
export type EbikeState = 'pass' | 'due' | 'fail' | 'inactive'
export type TrafficState = VehicleState | EbikeState

export function vehicleState(v: Pick<CampusVehicle, 'active' | 'validity'>): VehicleState {
  if (!v.active || v.validity === 'inactive') return 'inactive'
  return v.validity === 'pending' || v.validity === 'expired' ? v.validity : 'valid'
}

export function ebikeState(e: Pick<CampusEbike, 'active' | 'outcome'>): EbikeState {
  if (!e.active) return 'inactive'
  return e.outcome === 'fail' || e.outcome === 'due' ? e.outcome : 'pass'
}

export function rowState(kind: TrafficKind, r: TrafficRecord): TrafficState {
  return kind === 'vehicles' ? vehicleState(r as CampusVehicle) : ebikeState(r as CampusEbike)
}

/** 有效 / 未生效 / 已过期 / 已停用 for a vehicle, 合格 / 待检查 / 不合格 / 已停用 for an e-bike. */
export function stateText(t: Translate, kind: TrafficKind, s: TrafficState): string {
  return kind === 'vehicles' ? t(`traffic.validity.${s}`) : t(`traffic.outcome.${s}`)
}

export function stateTagType(s: TrafficState): 'success' | 'warning' | 'danger' | 'info' {
  if (s === 'fail' || s === 'expired') return 'danger'
  if (s === 'due' || s === 'pending') return 'warning'
  if (s === 'inactive') return 'info'
  return 'success'
}

/** Why an e-bike may not enter (无号牌, 已改装 …), "" for one that passes or is out of use. */
export function problemOf(kind: TrafficKind, r: TrafficRecord): string {
  if (kind !== 'ebikes') return ''
  const e = r as CampusEbike
  return ebikeState(e) === 'fail' || ebikeState(e) === 'due' ? e.reason : ''
}

// ---- What a record shows ----

/** A record's title in its row or card: a vehicle's plate, an e-bike's owner. */
export function titleOf(kind: TrafficKind, r: TrafficRecord): string {
  return kind === 'vehicles' ? (r as CampusVehicle).plate : (r as CampusEbike).owner
}

/** 北门、南门, or 所有校门 for none. */
export const gatesText = (t: Translate, gates: readonly string[]): string => (gates.length ? gates.join('、') : t('traffic.allGates'))

/** 06:00—08:00, or 全天 for none. */
export const hoursText = (t: Translate, v: Pick<CampusVehicle, 'from' | 'to'>): string => (v.from && v.to ? `${v.from}—${v.to}` : t('traffic.anyTime'))

/** 2026-09-08 至 2027-09-08, 2026-09-08 起, 至 2026-12-12, or 长期有效. */
export function validText(t: Translate, v: Pick<CampusVehicle, 'valid_from' | 'valid_until'>): string {
  if (v.valid_from && v.valid_until) return t('traffic.between', { from: v.valid_from, until: v.valid_until })
  if (v.valid_from) return t('traffic.since', { date: v.valid_from })
  if (v.valid_until) return t('traffic.until', { date: v.valid_until })
  return t('traffic.forever')
}

/** An e-bike's modification check: 2026-10-24 已改装, 2026-08-19 未改装, or 未检查. */
export function checkText(t: Translate, e: Pick<CampusEbike, 'checked_on' | 'modified'>): string {
  if (!e.checked_on) return t('traffic.notChecked')
  return t(e.modified ? 'traffic.checkedModified' : 'traffic.checkedClean', { date: e.checked_on })
}

/** 教职工车辆 / 服务车辆 / 访客车辆: the server's label, else the class's own. */
export function classText(t: Translate, v: Pick<CampusVehicle, 'vehicle_class' | 'vehicle_class_label'>): string {
  if (v.vehicle_class_label) return v.vehicle_class_label
  return isClass(v.vehicle_class) ? t(`traffic.vehicleClass.${v.vehicle_class}`) : (v.vehicle_class ?? '')
}

/** One column of a registry's table, also a line of its cards. */
export interface TrafficColumn {
  key: string
  label: string
  width: number
  text: (r: TrafficRecord) => string
}

function columns<K extends TrafficKind>(list: { key: string; label: string; width: number; text: (r: TrafficRecords[K]) => string }[]): TrafficColumn[] {
  return list.map((c) => ({ ...c, text: (r: TrafficRecord) => c.text(r as TrafficRecords[K]) }))
}

/** A registry's columns after its title and state. */
export function trafficColumns(t: Translate, kind: TrafficKind): TrafficColumn[] {
  const f = (k: string) => t(`traffic.field.${k}`)
  if (kind === 'vehicles') {
    return columns<'vehicles'>([
      { key: 'vehicle_class', label: f('vehicle_class'), width: 100, text: (r) => classText(t, r) },
      { key: 'owner', label: f('owner'), width: 170, text: (r) => r.owner },
      { key: 'gates', label: f('gates'), width: 110, text: (r) => gatesText(t, r.gates) },
      { key: 'hours', label: f('hours'), width: 120, text: (r) => hoursText(t, r) },
      { key: 'valid', label: f('valid'), width: 220, text: (r) => validText(t, r) },
    ])
  }
  return columns<'ebikes'>([
    { key: 'licence_plate', label: f('licence_plate'), width: 120, text: (r) => r.licence_plate || t('traffic.noLicencePlate') },
    { key: 'campus_plate', label: f('campus_plate'), width: 100, text: (r) => r.campus_plate || t('traffic.noCampusPlate') },
    { key: 'checked', label: f('checked_on'), width: 150, text: (r) => checkText(t, r) },
  ])
}

// ---- The record form ----

/** Every field of the two forms (a dialog edits one kind; the others stay unused). */
export interface TrafficForm {
  unit_id: number | null
  owner: string
  note: string
  active: boolean
  // vehicles
  vehicle_class: CampusVehicleClass | ''
  plate: string
  gates: string[]
  from: string
  to: string
  valid_from: string
  valid_until: string
  // e-bikes
  licence_plate: string
  campus_plate: string
  checked_on: string
  modified: boolean
}

export function emptyTrafficForm(unitId: number | null = null): TrafficForm {
  return {
    unit_id: unitId,
    owner: '',
    note: '',
    active: true,
    vehicle_class: '',
    plate: '',
    gates: [],
    from: '',
    to: '',
    valid_from: '',
    valid_until: '',
    licence_plate: '',
    campus_plate: '',
    checked_on: '',
    modified: false,
  }
}

/** The fields of each kind's form, as the API names them (also where the server's reasons show). */
export const TRAFFIC_FORM_FIELDS: Readonly<Record<TrafficKind, readonly (keyof TrafficForm)[]>> = {
  vehicles: ['vehicle_class', 'plate', 'owner', 'gates', 'from', 'to', 'valid_from', 'valid_until'],
  ebikes: ['owner', 'licence_plate', 'campus_plate', 'checked_on', 'modified'],
}

/** A record's form for an edit: its own fields over the empty form. */
export function trafficToForm(kind: TrafficKind, r: TrafficRecord): TrafficForm {
  const f = emptyTrafficForm(r.unit_id)
  const src = r as unknown as Record<string, unknown>
  const out = f as unknown as Record<string, unknown>
  for (const k of TRAFFIC_FORM_FIELDS[kind]) {
    const v = src[k]
    if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v
  }
  f.note = r.note
  f.active = r.active
  return f
}

/**
 * The gates as the API takes them: each trimmed, none blank, each once. Takes the tags of the form or
 * a text of gates split at commas (, ，、) and spaces.
 */
export function parseGates(v: readonly string[] | string | null | undefined): string[] {
  const parts = typeof v === 'string' ? v.split(/[,，、\s]+/) : (v ?? [])
  const out: string[] = []
  for (const p of parts) {
    const g = String(p).trim()
    if (g && !out.includes(g)) out.push(g)
  }
  return out
}

/** The text fields of a date or time picker: a cleared picker gives null, the API "". */
const picked = (v: unknown): string => (typeof v === 'string' ? v : '')

/** One kind's fields of a form as the API takes them: text trimmed, a cleared date or time "". */
function fieldsOf(kind: TrafficKind, f: TrafficForm): Record<string, unknown> {
  const note = f.note.trim()
  if (kind === 'vehicles') {
    return {
      vehicle_class: f.vehicle_class,
      plate: f.plate.trim(),
      owner: f.owner.trim(),
      gates: parseGates(f.gates),
      from: picked(f.from),
      to: picked(f.to),
      valid_from: picked(f.valid_from),
      valid_until: picked(f.valid_until),
      note,
    }
  }
  const checked = picked(f.checked_on)
  return {
    owner: f.owner.trim(),
    licence_plate: f.licence_plate.trim(),
    campus_plate: f.campus_plate.trim(),
    checked_on: checked,
    // Only a checked e-bike can be found modified.
    modified: checked ? f.modified : false,
    note,
  }
}

/** POST's body: the school and the kind's fields. */
export function trafficCreateBody<K extends TrafficKind>(kind: K, f: TrafficForm): TrafficInputs[K] {
  return { unit_id: f.unit_id ?? 0, ...fieldsOf(kind, f) } as unknown as TrafficInputs[K]
}

/** PUT's body, with 在用 (false: 停用) and the version read: 409 when another save came first. */
export function trafficUpdateBody<K extends TrafficKind>(kind: K, f: TrafficForm, version: number): TrafficUpdate<K> {
  return { ...fieldsOf(kind, f), active: f.active, version } as unknown as TrafficUpdate<K>
}

/** The server's reasons that no field of the kind's form shows (listed above the form instead). */
export function unplacedTrafficErrors(kind: TrafficKind, errors: Record<string, string>): { field: string; reason: string }[] {
  const shown: readonly string[] = [...TRAFFIC_FORM_FIELDS[kind], 'unit_id', 'note', 'active']
  return Object.entries(errors)
    .filter(([field]) => !shown.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}

/** The form's own check of the hours: both or neither, not equal; the reason, "" when fine. */
export function hoursProblem(t: Translate, f: Pick<TrafficForm, 'from' | 'to'>): string {
  const from = picked(f.from)
  const to = picked(f.to)
  if (!from && !to) return ''
  if (!from || !to) return t('traffic.required.hours')
  if (from === to) return t('traffic.required.sameHours')
  return ''
}

/** The form's own check of the validity: a visitor needs its last day, the last not before the first. */
export function validityProblem(t: Translate, f: Pick<TrafficForm, 'vehicle_class' | 'valid_from' | 'valid_until'>): string {
  const from = picked(f.valid_from)
  const until = picked(f.valid_until)
  if (f.vehicle_class === 'visitor' && !until) return t('traffic.required.validUntil')
  if (from && until && until < from) return t('traffic.required.validOrder')
  return ''
}

// ---- 门岗记录 ----

/** An instant's clock in China (UTC+8): 04:19. */
export function chinaClock(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? '' : new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16)
}

/** When a refusal was: its day in China and the clock (2026-12-07 04:19). */
export const refusalTime = (r: Pick<GateRefusal, 'on' | 'at'>): string => [r.on, chinaClock(r.at)].filter(Boolean).join(' ')

/** The plate read, or 无牌. */
export const plateText = (t: Translate, r: Pick<GateRefusal, 'plate'>): string => r.plate || t('traffic.noPlate')

/** 机动车 / 电动自行车. */
export const kindText = (t: Translate, kind: string): string => (kind === 'vehicle' || kind === 'ebike' ? t(`traffic.kind.${kind}`) : kind)

/** Who recorded it: the name, else the account. */
export const recorderOf = (r: Pick<GateRefusal, 'recorded_by' | 'recorded_by_name'>): string => r.recorded_by_name || r.recorded_by

// ---- 门岗核验 ----

/** The gates every school is offered (the usual names), before those its vehicles name. */
export const GATE_SUGGESTIONS: readonly string[] = ['南门', '北门', '东门', '西门']

/** The gates to suggest: the usual ones, then those the school's vehicles name, each once. */
export function gateSuggestions(vehicles: readonly Pick<CampusVehicle, 'gates'>[]): string[] {
  return parseGates([...GATE_SUGGESTIONS, ...vehicles.flatMap((v) => v.gates)])
}

/** The suggestions containing what is typed (all when nothing is). */
export function matchGates(gates: readonly string[], typed: string): string[] {
  const q = typed.trim()
  return q ? gates.filter((g) => g.includes(q)) : [...gates]
}

export interface GateForm {
  kind: GateKind
  gate: string
  plate: string
}

export const emptyGateForm = (): GateForm => ({ kind: 'vehicle', gate: '', plate: '' })

/** The check's body: the school, the kind, the gate and plate trimmed. */
export function gateCheckBody(unitId: number, f: GateForm): GateCheckInput {
  return { unit_id: unitId, kind: f.kind, gate: f.gate.trim(), plate: f.plate.trim() }
}

/** The form's own check before asking the server: the gate, and a vehicle's plate. */
export function gateProblems(t: Translate, f: GateForm): Partial<Record<'gate' | 'plate', string>> {
  const out: Partial<Record<'gate' | 'plate', string>> = {}
  if (!f.gate.trim()) out.gate = t('traffic.gate.required.gate')
  if (f.kind === 'vehicle' && !f.plate.trim()) out.plate = t('traffic.gate.required.plate')
  return out
}
