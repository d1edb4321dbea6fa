// Pure helpers of the checklist pages (检查表; unit-tested in __tests__/checklistHelpers.spec.ts):
// the list's search as a query, the applicability and a number item's limits in words, the items
// grouped by where they are checked, the versions of a template, the edit form ↔ a template ↔ the
// request body, the item list's editing (add, remove, move) and the server's field errors by item.
import type { ChecklistApplies, ChecklistItem, ChecklistQuery, ChecklistTemplate, ChecklistTemplateDetail, ChecklistTemplateInput } from '@/api/checklists'

export type Translate = (key: string, named?: Record<string, unknown>) => string
/** A dictionary's label of a code (the dict store's `label`). */
export type LabelOf = (dict: 'school_stages' | 'location_types', code: string) => string

// ---- The list's search form ----

export interface ChecklistSearch {
  q: string
}

export function emptyChecklistSearch(): ChecklistSearch {
  return { q: '' }
}

/** The API filter of a search form (only what is set). */
export function checklistFilter(s: ChecklistSearch): ChecklistQuery {
  const q = s.q.trim()
  return q ? { q } : {}
}

// ---- Words ----

/** 第 3 版. */
export function versionLabel(t: Translate, version: number): string {
  return t('checklist.version', { n: version })
}

/**
 * Which schools a template applies to, in words: 全部学校 when it says nothing; otherwise its
 * stages, location types and boarding condition, e.g. 小学、初中 · 乡村 · 仅寄宿制学校.
 */
export function applicabilityText(t: Translate, applies: ChecklistApplies | null | undefined, label: LabelOf): string {
  const parts: string[] = []
  const stages = applies?.stages ?? []
  const places = applies?.location_types ?? []
  if (stages.length) parts.push(stages.map((s) => label('school_stages', s)).join(t('checklist.listSeparator')))
  if (places.length) parts.push(places.map((l) => label('location_types', l)).join(t('checklist.listSeparator')))
  if (applies?.boarding === true) parts.push(t('checklist.applies.boardingOnly'))
  if (applies?.boarding === false) parts.push(t('checklist.applies.dayOnly'))
  return parts.length ? parts.join(' · ') : t('checklist.applies.all')
}

function num(n: number): string {
  // 1.4 stays 1.4; 0.30000000000000004 reads 0.3.
  return String(Number(n.toPrecision(12)))
}

/**
 * The limits of a number item: ≥ 1.4 米, ≤ 30 分钟, 1～3 个; empty for other answers or without
 * limits.
 */
export function limitText(t: Translate, item: Pick<ChecklistItem, 'answer' | 'min' | 'max' | 'unit'>): string {
  if (item.answer !== 'number') return ''
  const unit = item.unit.trim()
  const hasMin = item.min !== null && item.min !== undefined
  const hasMax = item.max !== null && item.max !== undefined
  let text = ''
  if (hasMin && hasMax) text = t('checklist.limit.between', { min: num(item.min as number), max: num(item.max as number) })
  else if (hasMin) text = t('checklist.limit.min', { min: num(item.min as number) })
  else if (hasMax) text = t('checklist.limit.max', { max: num(item.max as number) })
  else return unit
  return unit ? `${text} ${unit}` : text
}

// ---- Items by where they are checked ----

export interface PlaceGroup {
  /** The key place kind, '' for the whole school. */
  place: string
  label: string
  /** The items with their 0-based position in the template. */
  items: { index: number; item: ChecklistItem }[]
}

/**
 * The items grouped by 检查部位, the groups in the order their first item comes (the template's
 * order within a group). With `grouped` false, one group holding every item in order.
 */
export function groupByPlace(items: readonly ChecklistItem[], grouped = true, allLabel = ''): PlaceGroup[] {
  if (!grouped) return [{ place: '*', label: allLabel, items: items.map((item, index) => ({ item, index })) }]
  const groups: PlaceGroup[] = []
  items.forEach((item, index) => {
    const place = item.place_kind ?? ''
    let g = groups.find((x) => x.place === place)
    if (!g) {
      g = { place, label: item.place_kind_label, items: [] }
      groups.push(g)
    }
    g.items.push({ item, index })
  })
  return groups
}

// ---- Versions ----

/** The newest version number among a template's versions (and the one shown). */
export function newestVersion(versions: readonly Pick<ChecklistTemplate, 'version'>[], shown?: Pick<ChecklistTemplate, 'version'>): number {
  return Math.max(shown?.version ?? 0, ...versions.map((v) => v.version))
}

/** The newest version's record, when the versions hold it. */
export function newestOf<T extends Pick<ChecklistTemplate, 'version' | 'latest'>>(versions: readonly T[]): T | undefined {
  return versions.find((v) => v.latest) ?? [...versions].sort((a, b) => b.version - a.version)[0]
}

/** Whether a saved template is a new version of the one edited (the server answers another id). */
export function isNewVersion(edited: Pick<ChecklistTemplate, 'id'>, saved: Pick<ChecklistTemplate, 'id'>): boolean {
  return edited.id !== saved.id
}

// ---- The edit form ----

export type Boarding = 'any' | 'boarding' | 'day'

export interface ItemForm {
  /** A key for the list's rendering only (not sent). */
  uid: number
  key: string
  text: string
  domain: string
  /** '' for the whole school. */
  place_kind: string
  answer: string
  min: number | null
  max: number | null
  unit: string
  photo_required: boolean
  failure_level: string
  basis: string
}

export interface ChecklistForm {
  /** Only for a new template; empty: the server makes one. */
  code: string
  name: string
  description: string
  stages: string[]
  location_types: string[]
  boarding: Boarding
  items: ItemForm[]
}

let uidSeq = 0
function nextUid(): number {
  return ++uidSeq
}

export function boardingOf(b: boolean | null | undefined): Boarding {
  return b === true ? 'boarding' : b === false ? 'day' : 'any'
}

export function boardingValue(b: Boarding): boolean | null {
  return b === 'boarding' ? true : b === 'day' ? false : null
}

/**
 * The next free item key after the list's last one: D08 → D09, A9 → A10, 1 → 2; A01 for an empty
 * list or one whose keys end in no number. Never one already taken.
 */
export function nextKey(keys: readonly string[]): string {
  const taken = new Set(keys)
  let prefix = 'A'
  let width = 2
  let n = 1
  for (let i = keys.length - 1; i >= 0; i--) {
    const m = /^(.*?)(\d+)$/.exec(keys[i])
    if (!m) continue
    prefix = m[1]
    width = m[2].length
    const numbers = keys.map((k) => /^(.*?)(\d+)$/.exec(k)).filter((x): x is RegExpExecArray => !!x && x[1] === prefix).map((x) => Number(x[2]))
    n = Math.max(...numbers) + 1
    break
  }
  for (;;) {
    const key = `${prefix}${String(n).padStart(width, '0')}`
    if (!taken.has(key)) return key
    n++
  }
}

/** A new item following the list: the next key, the last item's hazard domain and place. */
export function blankItem(items: readonly ItemForm[]): ItemForm {
  const last = items.length ? items[items.length - 1] : undefined
  return {
    uid: nextUid(),
    key: nextKey(items.map((i) => i.key)),
    text: '',
    domain: last?.domain ?? '',
    place_kind: last?.place_kind ?? '',
    answer: 'pass_fail',
    min: null,
    max: null,
    unit: '',
    photo_required: false,
    failure_level: 'general',
    basis: '',
  }
}

/** Adds a blank item at the end; answers its index. */
export function addItem(items: ItemForm[]): number {
  items.push(blankItem(items))
  return items.length - 1
}

/** Removes the item at `index` (nothing outside the list). */
export function removeItem(items: ItemForm[], index: number): boolean {
  if (index < 0 || index >= items.length) return false
  items.splice(index, 1)
  return true
}

/** Moves the item at `index` by `delta` (−1 up, +1 down); false when it cannot move. */
export function moveItem(items: ItemForm[], index: number, delta: number): boolean {
  const to = index + delta
  if (index < 0 || index >= items.length || to < 0 || to >= items.length || delta === 0) return false
  const [item] = items.splice(index, 1)
  items.splice(to, 0, item)
  return true
}

export function emptyChecklistForm(): ChecklistForm {
  const form: ChecklistForm = { code: '', name: '', description: '', stages: [], location_types: [], boarding: 'any', items: [] }
  addItem(form.items)
  return form
}

function itemToForm(i: ChecklistItem): ItemForm {
  return {
    uid: nextUid(),
    key: i.key,
    text: i.text,
    domain: i.domain,
    place_kind: i.place_kind ?? '',
    answer: i.answer,
    min: i.min,
    max: i.max,
    unit: i.unit,
    photo_required: i.photo_required,
    failure_level: i.failure_level,
    basis: i.basis,
  }
}

export function templateToForm(t: ChecklistTemplateDetail): ChecklistForm {
  return {
    code: t.code,
    name: t.name,
    description: t.description,
    stages: [...t.applies.stages],
    location_types: [...t.applies.location_types],
    boarding: boardingOf(t.applies.boarding),
    items: t.items.map(itemToForm),
  }
}

/**
 * The request body. The code goes only for a new template and only when typed; the limits and the
 * unit only for a number item (the server refuses them on others); no place is the whole school.
 */
export function checklistInput(f: ChecklistForm, creating: boolean): ChecklistTemplateInput {
  const input: ChecklistTemplateInput = {
    name: f.name.trim(),
    description: f.description.trim(),
    applies: { stages: [...f.stages], location_types: [...f.location_types], boarding: boardingValue(f.boarding) },
    items: f.items.map((i) => {
      const number = i.answer === 'number'
      return {
        key: i.key.trim(),
        text: i.text.trim(),
        domain: i.domain,
        place_kind: i.place_kind || null,
        answer: i.answer,
        min: number && typeof i.min === 'number' ? i.min : null,
        max: number && typeof i.max === 'number' ? i.max : null,
        unit: number ? i.unit.trim() : '',
        photo_required: i.photo_required,
        failure_level: i.failure_level,
        basis: i.basis.trim(),
      }
    }),
  }
  const code = f.code.trim()
  if (creating && code) input.code = code
  return input
}

// ---- The server's reasons ----

/** The fields of an item the form shows an error beside (the API's names). */
export const ITEM_FIELDS = ['key', 'text', 'domain', 'place_kind', 'answer', 'min', 'max', 'unit', 'photo_required', 'failure_level', 'basis'] as const
export type ItemField = (typeof ITEM_FIELDS)[number]

/** The template's own fields the form shows an error beside. */
export const CHECKLIST_FORM_FIELDS: readonly string[] = ['code', 'name', 'description', 'applies.stages', 'applies.location_types', 'applies.boarding', 'items']

/** The server's reason for an item's field: items[2].text. */
export function itemError(errors: Record<string, string>, index: number, field: ItemField): string | undefined {
  return errors[`items[${index}].${field}`]
}

/** The reasons naming a field of the item (for its heading: 第 3 项有 2 处需修改). */
export function itemErrorCount(errors: Record<string, string>, index: number): number {
  const prefix = `items[${index}]`
  return Object.keys(errors).filter((k) => k === prefix || k.startsWith(`${prefix}.`)).length
}

/** The server's errors that no field shows (listed above the form, naming the field). */
export function unplacedChecklistErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  const item = new RegExp(`^items\\[\\d+\\]\\.(${ITEM_FIELDS.join('|')})$`)
  return Object.entries(errors)
    .filter(([field]) => !CHECKLIST_FORM_FIELDS.includes(field) && !item.test(field))
    .map(([field, reason]) => ({ field, reason }))
}
