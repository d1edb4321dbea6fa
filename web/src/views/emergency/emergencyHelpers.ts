// 应急体系's pure parts: the editor's form (each list's rows with a key of their own) from a setup and
// the PUT body from the form (texts trimmed, the read-only labels, review days, file names and keys
// left out), a new row of each list (the first role nobody fills yet), the server's reasons by field
// (several for one field joined) and those no field of the editor shows, the tags of an outcome and
// of a school's state, the overview's filter from a link, a choice's label, and what the emergency
// card shows (each role with its people, in the server's order). Unit-tested in
// __tests__/emergencyHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  EMERGENCY_STATES,
  type EmergencyMember,
  type EmergencyOption,
  type EmergencyOptions,
  type EmergencyPlan,
  type EmergencySetup,
  type EmergencySetupInput,
  type EmergencyState,
} from '@/api/emergency'
import { keepKeys, keyed, type Row } from '@/components/formRows'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** The setup's lists, as the API names them (also the field paths of its reasons: unit[3].phone). */
export type EmergencyList = 'command' | 'unit' | 'plans'
export const EMERGENCY_LISTS: readonly EmergencyList[] = ['command', 'unit', 'plans']
/** The emergency card's facts. */
export type EmergencyText = 'duty_phone' | 'gathering_point' | 'police_station' | 'hospital'
export const EMERGENCY_TEXTS: readonly EmergencyText[] = ['duty_phone', 'gathering_point', 'police_station', 'hospital']

/** Each list's fields the editor shows. */
export const EMERGENCY_FIELDS: Readonly<Record<EmergencyList, readonly string[]>> = {
  command: ['role', 'name', 'post', 'phone'],
  unit: ['role', 'name', 'post', 'phone'],
  plans: ['title', 'kind', 'revised_on', 'file_id'],
}

/** A row of the editor: the API's fields and a key of its own (for Vue, never sent). */
export type { Row }

/** A plan of the editor: its document's name kept to show it (never sent). */
export interface PlanRow {
  title: string
  kind: string
  revised_on: string
  file_id: number | null
  file_name: string
  /** As read: shown, not edited (a plan revised since shows the server's answer after saving). */
  review_by: string
  overdue: boolean
}

export interface EmergencyForm {
  command: Row<EmergencyMember>[]
  unit: Row<EmergencyMember>[]
  plans: Row<PlanRow>[]
  duty_phone: string
  gathering_point: string
  police_station: string
  hospital: string
}

export function emptyEmergencyForm(): EmergencyForm {
  return { command: [], unit: [], plans: [], duty_phone: '', gathering_point: '', police_station: '', hospital: '' }
}

/** The roles a list's people take: the command structure's or the minimal emergency unit's. */
export const rolesOf = (options: EmergencyOptions | undefined, list: 'command' | 'unit'): EmergencyOption[] =>
  (list === 'command' ? options?.command_roles : options?.unit_roles) ?? []

/** The first role of `roles` nobody of `people` takes yet, else the first role ("" without roles). */
export function nextRole(roles: readonly EmergencyOption[], people: readonly Pick<EmergencyMember, 'role'>[]): string {
  const taken = new Set(people.map((p) => p.role))
  return (roles.find((r) => !taken.has(r.code)) ?? roles[0])?.code ?? ''
}

/** A new person: the first role still empty. */
export function newMember(roles: readonly EmergencyOption[], people: readonly Pick<EmergencyMember, 'role'>[]): Row<EmergencyMember> {
  return keyed({ role: nextRole(roles, people), name: '', post: '', phone: '' })
}

/** A new plan: the overall plan when there is none yet, else the first kind after it. */
export function newPlan(kinds: readonly EmergencyOption[], plans: readonly Pick<EmergencyPlan, 'kind'>[]): Row<PlanRow> {
  const kind = plans.some((p) => p.kind === kinds[0]?.code) ? (kinds[1] ?? kinds[0])?.code : kinds[0]?.code
  return keyed({ title: '', kind: kind ?? '', revised_on: '', file_id: null, file_name: '', review_by: '', overdue: false })
}

const member = (x: EmergencyMember): Row<EmergencyMember> => keyed({ role: x.role, name: x.name, post: x.post ?? '', phone: x.phone ?? '' })

/** The editor's form of a setup as read. */
export function setupToForm(s: EmergencySetup): EmergencyForm {
  return {
    command: (s.command ?? []).map(member),
    unit: (s.unit ?? []).map(member),
    plans: (s.plans ?? []).map((p) =>
      keyed({
        title: p.title,
        kind: p.kind,
        revised_on: p.revised_on ?? '',
        file_id: p.file_id ?? null,
        file_name: p.file_name ?? '',
        review_by: p.review_by ?? '',
        overdue: !!p.overdue,
      }),
    ),
    duty_phone: s.duty_phone ?? '',
    gathering_point: s.gathering_point ?? '',
    police_station: s.police_station ?? '',
    hospital: s.hospital ?? '',
  }
}

/**
 * The rows of a form read again (after a save) keep the keys of the rows they replace, row by row:
 * the same rows are not drawn anew.
 */
export function keepRowKeys(from: EmergencyForm, to: EmergencyForm): EmergencyForm {
  for (const list of EMERGENCY_LISTS) keepKeys<Row<object>>(from[list], to[list])
  return to
}

/** A picker's value as the API takes it: a cleared picker gives null, the API "". */
const picked = (v: unknown): string => (typeof v === 'string' ? v : '')
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
const person = (x: EmergencyMember): EmergencyMember => ({ role: picked(x.role), name: text(x.name), post: text(x.post), phone: text(x.phone) })

/** PUT's body: the version read and the whole setup — texts trimmed, labels, names and keys left out. */
export function setupBody(f: EmergencyForm, version: number): EmergencySetupInput {
  return {
    version,
    command: f.command.map(person),
    unit: f.unit.map(person),
    duty_phone: text(f.duty_phone),
    gathering_point: text(f.gathering_point),
    police_station: text(f.police_station),
    hospital: text(f.hospital),
    plans: f.plans.map((p) => ({
      title: text(p.title),
      kind: picked(p.kind),
      revised_on: picked(p.revised_on),
      file_id: typeof p.file_id === 'number' && p.file_id > 0 ? p.file_id : null,
    })),
  }
}

/** What the form would save, to compare with what was read (unsaved changes). */
export const formSnapshot = (f: EmergencyForm): string => JSON.stringify(setupBody(f, 0))

// ---- The server's reasons ----

// The refusal of a save and the rows' field paths are the shared ones (utils/fieldErrors).
export { fieldFailure as emergencyFailure, rowErrorCount, rowPath, type FieldFailure as EmergencyFailure } from '@/utils/fieldErrors'

/** Whether the editor shows a field's reason: a list, a row, a row's field, or a fact of the card. */
export function placedField(field: string): boolean {
  if ((EMERGENCY_TEXTS as readonly string[]).includes(field) || (EMERGENCY_LISTS as readonly string[]).includes(field)) return true
  const m = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (!m || !(EMERGENCY_LISTS as readonly string[]).includes(m[1])) return false
  return !m[3] || EMERGENCY_FIELDS[m[1] as EmergencyList].includes(m[3])
}

/** The server's reasons no field of the editor shows (listed above it instead). */
export function unplacedErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !placedField(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- What the pages show ----

type TagType = 'success' | 'warning' | 'danger' | 'info'

/** 达标 green, 提醒 orange, 未达标 red. */
export function outcomeTagType(outcome: string): TagType {
  if (outcome === 'pass') return 'success'
  if (outcome === 'warn') return 'warning'
  if (outcome === 'fail') return 'danger'
  return 'info'
}

/** An outcome's label: the server's, else the console's own. */
export function outcomeText(t: Translate, outcome: string, label?: string): string {
  if (label) return label
  const key = `emergency.outcome.${outcome}`
  const out = t(key)
  return out === key ? outcome : out
}

export const isEmergencyState = (v: string): v is EmergencyState => (EMERGENCY_STATES as readonly string[]).includes(v)

/** 达标 green, 未达标 orange, 未建立 red. */
export function stateTagType(state: string): TagType {
  if (state === 'complete') return 'success'
  if (state === 'incomplete') return 'warning'
  if (state === 'none') return 'danger'
  return 'info'
}

/** A state's label: the server's, else the console's own. */
export const stateText = (t: Translate, state: string, label?: string): string =>
  label || (isEmergencyState(state) ? t(`emergency.state.${state}`) : state)

/** The overview's filter from a link (/emergency/setups?state=none), "" for every state. */
export function stateFromRoute(query: LocationQuery): EmergencyState | '' {
  const raw = Array.isArray(query.state) ? query.state[0] : query.state
  return typeof raw === 'string' && isEmergencyState(raw) ? raw : ''
}

/** A choice's label: the row's own (as read), else the server's options', else the code. */
export function optionLabel(options: readonly EmergencyOption[], code: string, label?: string): string {
  if (label) return label
  return options.find((o) => o.code === code)?.label ?? code
}

/** A role of the card with its people. */
export interface CardGroup {
  role: string
  label: string
  people: EmergencyMember[]
}

/**
 * The card's groups: each role of `roles` that has someone named, in the roles' order, with its
 * people as entered; a role the options do not know comes last under its own label.
 */
export function cardGroups(people: readonly EmergencyMember[], roles: readonly EmergencyOption[]): CardGroup[] {
  const named = people.filter((p) => p.name.trim() !== '')
  const out: CardGroup[] = []
  const codes = [...roles.map((r) => r.code), ...named.map((p) => p.role).filter((c) => !roles.some((r) => r.code === c))]
  for (const code of new Set(codes)) {
    const of = named.filter((p) => p.role === code)
    if (of.length) out.push({ role: code, label: optionLabel(roles, code, of[0].role_label), people: of })
  }
  return out
}
