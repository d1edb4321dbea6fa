// 安全责任's pure parts: the tags of a list's state and of a rule's outcome, the signed text cut into
// its posts and numbered duties, the editable lines of duties (a template's, a list's local ones)
// with the console's own checks and the server's reasons placed at them, the list's form (from a list
// as read, the POST and PUT bodies), the areas' form (三管三必须: from the set as read, the PUT body,
// a snapshot to tell a change), the filters from a link, the board's schools falling short, and
// 安全述职's years and leaders' states. Unit-tested in __tests__/dutyHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import {
  DUTY_ITEM_CHARS_MAX,
  DUTY_STATES,
  type DutyAreas,
  type DutyAreasInput,
  type DutyBoardRow,
  type DutyList,
  type DutyListCreateInput,
  type DutyListUpdateInput,
  type DutyState,
} from '@/api/duties'

type Translate = (key: string, named?: Record<string, unknown>) => string
type TagType = 'success' | 'warning' | 'danger' | 'info'

// ---- What the pages show ----

/** 已签订 green, 待重签 orange, 未签订 red. */
export function stateTagType(state: string): TagType {
  if (state === 'signed') return 'success'
  if (state === 'outdated') return 'warning'
  if (state === 'unsigned') return 'danger'
  return 'info'
}

export const isDutyState = (v: string): v is DutyState => (DUTY_STATES as readonly string[]).includes(v)

/** A state's label: the server's, else the console's own. */
export const stateText = (t: Translate, state: string, label?: string): string => label || (isDutyState(state) ? t(`duties.state.${state}`) : state)

/** 达标 green, 待完成 and 提醒 orange, 未达标 red, 不适用 grey. */
export function outcomeTagType(outcome: string): TagType {
  if (outcome === 'pass') return 'success'
  if (outcome === 'due' || outcome === 'warn') return 'warning'
  if (outcome === 'fail') return 'danger'
  return 'info'
}

const OUTCOMES = ['pass', 'due', 'warn', 'fail', 'na']

/** An outcome's label: the server's, else the console's own. */
export const outcomeText = (t: Translate, outcome: string, label?: string): string =>
  label || (OUTCOMES.includes(outcome) ? t(`duties.outcome.${outcome}`) : outcome)

/** The posts of a list, joined (校长、分管安全副校长). */
export const postsText = (posts: readonly { code: string; label: string }[]): string => posts.map((p) => p.label || p.code).join('、')

// ---- The signed text ----

export interface ContentItem {
  /** The number the text gives it (0 for a line without one). */
  n: number
  text: string
}

export interface ContentSection {
  /** 校长（第 1 版）, 本岗位补充职责 … ("" for lines before any heading). */
  heading: string
  items: ContentItem[]
}

export interface DutyContent {
  /** The text's first line (张伟 安全工作职责清单), "" when it has none. */
  title: string
  sections: ContentSection[]
}

/**
 * The text the holder signs, as the pages show it: its title, then each 【heading】 with the
 * numbered duties under it ("3. …"). A line of another shape stays, unnumbered, in its section, so
 * nothing signed goes unseen.
 */
export function parseContent(content: string): DutyContent {
  const out: DutyContent = { title: '', sections: [] }
  let current: ContentSection | null = null
  const section = (heading: string): ContentSection => {
    const s: ContentSection = { heading, items: [] }
    out.sections.push(s)
    return s
  }
  for (const raw of (content ?? '').split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const heading = /^【(.+)】$/.exec(line)
    if (heading) {
      current = section(heading[1].trim())
      continue
    }
    const item = /^(\d+)[.、．]\s*(.*)$/.exec(line)
    if (!item && !current && out.sections.length === 0 && !out.title) {
      out.title = line
      continue
    }
    current ??= section('')
    current.items.push(item ? { n: Number(item[1]), text: item[2] } : { n: 0, text: line })
  }
  return out
}

// ---- Lines of duties ----

/** One editable duty (a template's, a list's local one); `uid` keys its row. */
export interface DutyLine {
  uid: number
  text: string
}

let uid = 0
export const newLine = (text = ''): DutyLine => ({ uid: ++uid, text })
export const linesOf = (items: readonly string[]): DutyLine[] => items.map((x) => newLine(x))
/** The lines as sent: each trimmed, in order (one a line: the server's reasons name them by index). */
export const lineTexts = (lines: readonly DutyLine[]): string[] => lines.map((l) => l.text.trim())

/** A line's field path (items[2]). */
export const linePath = (list: string, i: number): string => `${list}[${i}]`

/** The console's own checks of the lines: none blank, none too long, none twice; at least one when `required`. */
export function checkLines(t: Translate, list: string, lines: readonly DutyLine[], required: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  if (required && lines.length === 0) out[list] = t('duties.lines.required')
  const seen = new Set<string>()
  lines.forEach((l, i) => {
    const text = l.text.trim()
    if (!text) out[linePath(list, i)] = t('duties.lines.blank')
    else if ([...text].length > DUTY_ITEM_CHARS_MAX) out[linePath(list, i)] = t('duties.lines.tooLong', { max: DUTY_ITEM_CHARS_MAX })
    else if (seen.has(text)) out[linePath(list, i)] = t('duties.lines.twice')
    seen.add(text)
  })
  return out
}

// ---- A list's form ----

export interface ListForm {
  /** The holder (a new list only); null until chosen. */
  user_id: number | null
  posts: string[]
  local: DutyLine[]
}

/** The fields the list's form shows; a reason of another field goes above the form. */
export const LIST_FIELDS: readonly string[] = ['user_id', 'posts', 'local_items']

export const emptyListForm = (): ListForm => ({ user_id: null, posts: [], local: [] })

export function listToForm(l: DutyList): ListForm {
  return { user_id: l.user_id, posts: l.posts.map((p) => p.code), local: linesOf(l.local_items) }
}

export function listCreateBody(f: ListForm, unitId: number): DutyListCreateInput {
  return { unit_id: unitId, user_id: f.user_id ?? 0, posts: [...new Set(f.posts)], local_items: lineTexts(f.local) }
}

export function listUpdateBody(f: ListForm, version: number): DutyListUpdateInput {
  return { posts: [...new Set(f.posts)], local_items: lineTexts(f.local), version }
}

/** The console's own checks of a list: a holder for a new one, at least one post, the local lines. */
export function checkListForm(t: Translate, f: ListForm, creating: boolean): Record<string, string> {
  const out: Record<string, string> = {}
  if (creating && !f.user_id) out.user_id = t('duties.lists.required.user')
  if (f.posts.length === 0) out.posts = t('duties.lists.required.posts')
  return { ...out, ...checkLines(t, 'local_items', f.local, false) }
}

/**
 * The server's reasons placed at the list's form: a post's (posts[1]) at the posts, a local line's
 * (local_items[2]) at its line, the holder's at the holder; others listed above the form.
 */
export function placeListErrors(errors: Record<string, string>): { placed: Record<string, string>; others: { field: string; reason: string }[] } {
  const placed: Record<string, string> = {}
  const others: { field: string; reason: string }[] = []
  const put = (at: string, reason: string) => {
    const had = placed[at]
    if (!had) placed[at] = reason
    else if (!had.split('；').includes(reason)) placed[at] = `${had}；${reason}`
  }
  for (const [field, reason] of Object.entries(errors)) {
    if (field === 'user_id' || field === 'local_items' || /^local_items\[\d+\]$/.test(field)) put(field, reason)
    else if (field === 'posts' || /^posts\[\d+\]/.test(field)) put('posts', reason)
    else others.push({ field, reason })
  }
  return { placed, others }
}

// ---- 三管三必须 ----

export interface AreaRow {
  area: string
  label: string
  applicable: boolean
  /** null: nobody named. */
  owner_user_id: number | null
  owner_name: string
}

export const AREAS = 'areas'

export const areasToForm = (a: DutyAreas): AreaRow[] =>
  a.areas.map((x) => ({ area: x.area, label: x.label, applicable: x.applicable, owner_user_id: x.owner_user_id ?? null, owner_name: x.owner_name }))

/** The PUT body: every area, an area 不涉及 sent without an owner. */
export function areasBody(rows: readonly AreaRow[], version: number): DutyAreasInput {
  return {
    version,
    areas: rows.map((r) => ({ area: r.area, applicable: r.applicable, owner_user_id: r.applicable && r.owner_user_id ? r.owner_user_id : null })),
  }
}

/** What the form would send, to tell whether it changed since read. */
export const areasSnapshot = (rows: readonly AreaRow[]): string => JSON.stringify(areasBody(rows, 0).areas)

/** An area's reason (areas[3].owner_user_id, areas[3].area, areas[3]) by its row's index; others apart. */
export function placeAreaErrors(errors: Record<string, string>): { rows: Record<number, string>; others: string[] } {
  const rows: Record<number, string> = {}
  const others: string[] = []
  for (const [field, reason] of Object.entries(errors)) {
    const m = /^areas\[(\d+)\]/.exec(field)
    if (m) {
      const i = Number(m[1])
      rows[i] = rows[i] && !rows[i].split('；').includes(reason) ? `${rows[i]}；${reason}` : reason
    } else others.push(reason)
  }
  return { rows, others }
}

// ---- Links ----

const first = (v: LocationQuery[string]): string | undefined => {
  const raw = Array.isArray(v) ? v[0] : v
  return typeof raw === 'string' ? raw : undefined
}

/** The list a link opens (?list=12, 我的待办's 职责清单待签订). */
export function listFromRoute(query: LocationQuery): number | undefined {
  const n = Number(first(query.list))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/** The lists' state a link keeps (?state=unsigned), "" for all. */
export function stateFromRoute(query: LocationQuery): DutyState | '' {
  const raw = first(query.state)
  return raw && isDutyState(raw) ? raw : ''
}

/** The board's filter from a link (?failing=1). */
export function failingFromRoute(query: LocationQuery): boolean {
  const raw = first(query.failing)
  return raw === '1' || raw === 'true'
}

// ---- The board ----

/** A school short of either rule (anything but 达标 counts). */
export const isFailing = (r: Pick<DutyBoardRow, 'signed_check' | 'areas_check'>): boolean =>
  (r.signed_check?.outcome ?? 'na') !== 'pass' || (r.areas_check?.outcome ?? 'na') !== 'pass'

/** The board's schools: all, or those short of a rule. */
export const boardRows = (rows: readonly DutyBoardRow[], failingOnly: boolean): DutyBoardRow[] => (failingOnly ? rows.filter(isFailing) : [...rows])

// ---- 安全述职 ----

/** The first year 安全述职 offers (the platform's first). */
export const DUTY_YEAR_FIRST = 2020

/** The years offered: this year first, back to 2020. */
export function dutyYears(current: number, first = DUTY_YEAR_FIRST): number[] {
  const out: number[] = []
  for (let y = current; y >= Math.min(first, current); y--) out.push(y)
  return out
}

/**
 * The year a link names (?year=2025), else this year: the server reads 2000 up to this year; a
 * year outside stays this year.
 */
export function dutyYearFromRoute(query: LocationQuery, current: number): number {
  const raw = first(query.year)
  if (!raw || !/^\d{4}$/.test(raw)) return current
  const y = Number(raw)
  return y >= 2000 && y <= current ? y : current
}

/** The years the picker offers: those of `dutyYears`, and a year from a link before them. */
export const dutyYearOptions = (current: number, year: number): number[] => {
  const list = dutyYears(current)
  return list.includes(year) ? list : [...list, year]
}

/** A leader's list state as 安全述职 words it (已签订, 未签订, 待重签; or a state's code). */
const LEADER_STATES: Record<string, DutyState> = { 已签订: 'signed', 未签订: 'unsigned', 待重签: 'outdated' }
export const leaderState = (state: string): DutyState | '' => LEADER_STATES[state] ?? (isDutyState(state) ? state : '')

/** A leader's state: the server's words, or the console's for a code. */
export const leaderStateText = (t: Translate, state: string): string => (isDutyState(state) ? t(`duties.state.${state}`) : state)
