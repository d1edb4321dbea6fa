// 交通安全一校一策's pure parts: the editor's form (each list's rows with a key of their own) from a
// guide and the PUT body from the form (text trimmed, the read-only labels and keys left out, a
// sent need as it was sent), a new row of each list, the peaks following their gate when it is
// renamed or removed, the server's reasons by field (several for one field joined), those no field
// of the editor shows, the state's tag, the overview's filter from a link, and what the paper for
// the parents shows. Unit-tested in __tests__/guideHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import { ApiError } from '@/api/http'
import {
  GUIDE_STATES,
  type GuideGate,
  type GuideInput,
  type GuideNeed,
  type GuidePeak,
  type GuidePost,
  type GuideState,
  type GuideZone,
  type TrafficGuide,
} from '@/api/traffic'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** The guide's lists, as the API names them (also the field paths of its reasons: peaks[0].to). */
export type GuideList = 'gates' | 'peaks' | 'zones' | 'posts' | 'needs'
export const GUIDE_LISTS: readonly GuideList[] = ['gates', 'peaks', 'zones', 'posts', 'needs']
/** The guide's texts. */
export type GuideText = 'separation' | 'police_unit' | 'police_duty' | 'early_arrival' | 'after_school'
export const GUIDE_TEXTS: readonly GuideText[] = ['separation', 'police_unit', 'police_duty', 'early_arrival', 'after_school']

/** Each list's fields the editor shows (a need's whistle is shown, not edited). */
export const GUIDE_FIELDS: Readonly<Record<GuideList, readonly string[]>> = {
  gates: ['name', 'use', 'hours'],
  peaks: ['grade', 'kind', 'from', 'to', 'gate'],
  zones: ['kind', 'name', 'location'],
  posts: ['place', 'from', 'to', 'people'],
  needs: ['kind', 'location', 'description'],
}

/** A row of the editor: the API's fields and a key of its own (for Vue, never sent). */
export type Row<T> = T & { uid: number }

export interface GuideForm {
  gates: Row<GuideGate>[]
  peaks: Row<GuidePeak>[]
  zones: Row<GuideZone>[]
  posts: Row<GuidePost>[]
  needs: Row<GuideNeed>[]
  separation: string
  police_unit: string
  police_duty: string
  early_arrival: string
  after_school: string
}

export interface GuideRows {
  gates: GuideGate
  peaks: GuidePeak
  zones: GuideZone
  posts: GuidePost
  needs: GuideNeed
}

let uidSeq = 0
const keyed = <T extends object>(row: T): Row<T> => ({ ...row, uid: ++uidSeq })

export function emptyGuideForm(): GuideForm {
  return { gates: [], peaks: [], zones: [], posts: [], needs: [], separation: '', police_unit: '', police_duty: '', early_arrival: '', after_school: '' }
}

/** A new row of a list: blank texts, the first choice of each kind. */
export function newRow<L extends GuideList>(list: L): Row<GuideRows[L]> {
  const rows: GuideRows = {
    gates: { name: '', use: 'both', hours: '' },
    peaks: { grade: '', kind: 'arrival', from: '', to: '', gate: '' },
    zones: { kind: 'drop_off', name: '', location: '' },
    posts: { place: '', from: '', to: '', people: '' },
    needs: { kind: 'sign', location: '', description: '', whistle_id: null },
  }
  return keyed(rows[list]) as Row<GuideRows[L]>
}

/** The editor's form of a guide as read. */
export function guideToForm(g: TrafficGuide): GuideForm {
  return {
    gates: (g.gates ?? []).map((x) => keyed({ name: x.name, use: x.use, hours: x.hours ?? '' })),
    peaks: (g.peaks ?? []).map((x) => keyed({ grade: x.grade, kind: x.kind, from: x.from, to: x.to, gate: x.gate ?? '' })),
    zones: (g.zones ?? []).map((x) => keyed({ kind: x.kind, name: x.name, location: x.location ?? '' })),
    posts: (g.posts ?? []).map((x) => keyed({ place: x.place, from: x.from, to: x.to, people: x.people ?? '' })),
    needs: (g.needs ?? []).map((x) => keyed({ kind: x.kind, location: x.location, description: x.description ?? '', whistle_id: x.whistle_id ?? null })),
    separation: g.separation ?? '',
    police_unit: g.police_unit ?? '',
    police_duty: g.police_duty ?? '',
    early_arrival: g.early_arrival ?? '',
    after_school: g.after_school ?? '',
  }
}

/**
 * The rows of a form read again (after a save, a publication) keep the keys of the rows they
 * replace, row by row: the same rows are not drawn anew.
 */
export function keepRowKeys(from: GuideForm, to: GuideForm): GuideForm {
  for (const list of GUIDE_LISTS) {
    const before = from[list]
    to[list].forEach((row, i) => {
      if (i < before.length) row.uid = before[i].uid
    })
  }
  return to
}

/** A time picker's value as the API takes it: a cleared picker gives null, the API "". */
const picked = (v: unknown): string => (typeof v === 'string' ? v : '')
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/**
 * PUT's body: the version read and the whole guide — texts trimmed, the labels and the rows' keys
 * left out. A need already sent goes back exactly as it was read (the server refuses it edited).
 */
export function guideBody(f: GuideForm, version: number): GuideInput {
  return {
    version,
    gates: f.gates.map((x) => ({ name: text(x.name), use: x.use, hours: text(x.hours) })),
    peaks: f.peaks.map((x) => ({ grade: text(x.grade), kind: x.kind, from: picked(x.from), to: picked(x.to), gate: text(x.gate) })),
    zones: f.zones.map((x) => ({ kind: x.kind, name: text(x.name), location: text(x.location) })),
    posts: f.posts.map((x) => ({ place: text(x.place), from: picked(x.from), to: picked(x.to), people: text(x.people) })),
    needs: f.needs.map((x) =>
      x.whistle_id
        ? { kind: x.kind, location: x.location, description: x.description, whistle_id: x.whistle_id }
        : { kind: x.kind, location: text(x.location), description: text(x.description), whistle_id: null },
    ),
    separation: text(f.separation),
    police_unit: text(f.police_unit),
    police_duty: text(f.police_duty),
    early_arrival: text(f.early_arrival),
    after_school: text(f.after_school),
  }
}

/** What the form would save, to compare with what was read (unsaved changes). */
export const formSnapshot = (f: GuideForm): string => JSON.stringify(guideBody(f, 0))

/** The gates a peak may name: those of the form with a name, each once. */
export function gateNames(gates: readonly Pick<GuideGate, 'name'>[]): string[] {
  const out: string[] = []
  for (const g of gates) {
    const n = text(g.name)
    if (n && !out.includes(n)) out.push(n)
  }
  return out
}

/**
 * The peaks follow their gate: a gate renamed (the same row, another name) renames it in the
 * peaks naming it; a gate gone leaves them naming none. `before` and `after` are the gates' names
 * in row order, before and after the change.
 */
export function followGateNames(peaks: Pick<GuidePeak, 'gate'>[], before: readonly string[], after: readonly string[]): void {
  const names = (list: readonly string[]) => list.map((n) => n.trim())
  const was = names(before)
  const now = names(after)
  if (was.length === now.length) {
    for (let i = 0; i < was.length; i++) {
      const from = was[i]
      const to = now[i]
      if (!from || from === to || now.includes(from)) continue
      for (const p of peaks) if (p.gate === from) p.gate = to
    }
    return
  }
  for (const p of peaks) if (p.gate && was.includes(p.gate) && !now.includes(p.gate)) p.gate = ''
}

// ---- The server's reasons ----

/** A refusal of a write as the editor shows it. */
export type GuideFailure =
  /** 422: the reasons by field (one field's several reasons joined). */
  | { kind: 'fields'; errors: Record<string, string> }
  /** 409 traffic.stale: saved elsewhere since it was read. */
  | { kind: 'stale'; message: string }
  /** 409 traffic.guide.no_needs: nothing left to send. */
  | { kind: 'noNeeds'; message: string }
  | { kind: 'other' }

export function guideFailure(e: unknown): GuideFailure {
  if (!(e instanceof ApiError)) return { kind: 'other' }
  const first = e.details[0]?.field ?? ''
  if (e.status === 409 && first === 'traffic.guide.no_needs') return { kind: 'noNeeds', message: e.message }
  if (e.status === 409) return { kind: 'stale', message: e.message }
  if (e.status !== 422 || e.details.length === 0) return { kind: 'other' }
  const errors: Record<string, string> = {}
  for (const d of e.details) {
    if (!d.field || !d.reason) continue
    errors[d.field] = errors[d.field] && !errors[d.field].includes(d.reason) ? `${errors[d.field]}；${d.reason}` : d.reason
  }
  return Object.keys(errors).length ? { kind: 'fields', errors } : { kind: 'other' }
}

/** A row's field path (peaks[0].to); without a field, the row's own (needs[0]). */
export const rowPath = (list: GuideList, i: number, field?: string): string => `${list}[${i}]${field ? `.${field}` : ''}`

/** How many of the server's reasons are about a row. */
export function rowErrorCount(errors: Record<string, string>, list: GuideList, i: number): number {
  const p = rowPath(list, i)
  return Object.keys(errors).filter((k) => k === p || k.startsWith(`${p}.`)).length
}

/** Whether the editor shows a field's reason: a list, a row, a row's field, or a text. */
export function placedField(field: string): boolean {
  if ((GUIDE_TEXTS as readonly string[]).includes(field) || (GUIDE_LISTS as readonly string[]).includes(field)) return true
  const m = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(field)
  if (!m || !(GUIDE_LISTS as readonly string[]).includes(m[1])) return false
  return !m[3] || GUIDE_FIELDS[m[1] as GuideList].includes(m[3])
}

/** The server's reasons no field of the editor shows (listed above it instead). */
export function unplacedGuideErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !placedField(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- What the pages show ----

export const isGuideState = (v: string): v is GuideState => (GUIDE_STATES as readonly string[]).includes(v)

/** 本学期已发布 green; 未制定 red; 未发布, 修改未发布 and 非本学期发布 orange. */
export function guideTagType(state: string): 'success' | 'warning' | 'danger' | 'info' {
  if (state === 'current') return 'success'
  if (state === 'none') return 'danger'
  if (state === 'draft' || state === 'changed' || state === 'outdated') return 'warning'
  return 'info'
}

/** The state's label: the server's, else the console's own. */
export const guideStateText = (t: Translate, state: string, label?: string): string =>
  label || (isGuideState(state) ? t(`traffic.guide.state.${state}`) : state)

/** The overview's filter from a link (/traffic/guides?state=none), "" for every state. */
export function guideStateFromRoute(query: LocationQuery): GuideState | '' {
  const raw = Array.isArray(query.state) ? query.state[0] : query.state
  return typeof raw === 'string' && isGuideState(raw) ? raw : ''
}

/** 07:00—07:50, "" when neither is set. */
export const spanText = (x: { from: string; to: string }): string => (x.from || x.to ? `${x.from}—${x.to}` : '')

/** A label of a code of a list: the row's own (as read), else the console's. */
export function codeLabel(t: Translate, group: 'use' | 'peak' | 'zone' | 'need', code: string, label?: string): string {
  if (label) return label
  const key = `traffic.guide.${group}.${code}`
  const out = t(key)
  return out === key ? code : out
}

/** The zones the parents are told of: where to stop, wait and meet the bus (not the staff's parking). */
export const parentZones = <T extends Pick<GuideZone, 'kind'>>(zones: readonly T[]): T[] => zones.filter((z) => z.kind !== 'parking')

/** The needs of a form not yet sent (saved or not). */
export const unsentNeeds = (needs: readonly Pick<GuideNeed, 'whistle_id'>[]): number => needs.filter((n) => !n.whistle_id).length
