// 安全监管机构's pure parts: the unit a page opens (the link's, else the user's own bureau or school),
// the units to pick among (the user's own bureau, the unit on screen, the schools), the editor's form
// from an office as read (each member a row with a key of its own) and the PUT body from it (texts
// trimmed, keys left out), a new member, the server's reasons no field of the editor shows, the
// type of a unit, the part-time count, and 队伍建设看板's filter (只看未达标, also from a link: ?fail=1)
// and its units. Unit-tested in __tests__/officeHelpers.spec.ts.
import type { LocationQuery } from 'vue-router'
import type { OfficeCounts, OfficeMember, SafetyOffice, SafetyOfficeInput, StaffingBoardRow } from '@/api/staffing'
import { keyed, type Row } from '@/components/formRows'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** A unit as the pages know it (the session's unit, an option of the picker). */
export interface OfficeUnit {
  id: number
  name: string
  kind?: string
}

/** The kinds of unit with a safety office. */
export const OFFICE_UNIT_KINDS: readonly string[] = ['bureau', 'school']

/** The unit the page opens: the link's (?unit_id=), else the user's own bureau or school, else none. */
export function officeUnitOf(linked: number | undefined, own: OfficeUnit | null | undefined): number | undefined {
  if (linked) return linked
  return own && own.kind && OFFICE_UNIT_KINDS.includes(own.kind) ? own.id : undefined
}

/**
 * The units a bureau user picks among: their own bureau first, then the unit on screen when it is
 * another bureau (opened from 队伍建设看板), then the schools; each once.
 */
export function officeUnitOptions(own: OfficeUnit | null | undefined, shown: OfficeUnit | null | undefined, schools: readonly OfficeUnit[]): OfficeUnit[] {
  const out: OfficeUnit[] = []
  const add = (u: OfficeUnit) => {
    if (!out.some((o) => o.id === u.id)) out.push({ id: u.id, name: u.name })
  }
  if (own?.kind === 'bureau') add(own)
  if (shown?.kind === 'bureau') add(shown)
  for (const s of schools) add(s)
  return out
}

// ---- The editor ----

/** The members' list, as the API names it (also the field paths of its reasons: members[2].phone). */
export const MEMBERS = 'members'
/** A member's fields the editor shows. */
export const MEMBER_FIELDS: readonly (keyof OfficeMember)[] = ['name', 'post', 'full_time', 'qualifications', 'phone']

export interface OfficeForm {
  name: string
  members: Row<OfficeMember>[]
}

export const emptyOfficeForm = (): OfficeForm => ({ name: '', members: [] })

/** A new member: part time until switched. */
export const newOfficeMember = (): Row<OfficeMember> => keyed({ name: '', post: '', full_time: false, qualifications: '', phone: '' })

/** The editor's form of an office as read. */
export function officeToForm(o: SafetyOffice): OfficeForm {
  return {
    name: o.name ?? '',
    members: (o.members ?? []).map((m) =>
      keyed({ name: m.name, post: m.post ?? '', full_time: !!m.full_time, qualifications: m.qualifications ?? '', phone: m.phone ?? '' }),
    ),
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** PUT's body: the version read and the whole office — texts trimmed, the rows' keys left out. */
export function officeBody(f: OfficeForm, version: number): SafetyOfficeInput {
  return {
    version,
    name: text(f.name),
    members: f.members.map((m) => ({
      name: text(m.name),
      post: text(m.post),
      full_time: m.full_time === true,
      qualifications: text(m.qualifications),
      phone: text(m.phone),
    })),
  }
}

/** What the form would save, to compare with what was read (unsaved changes). */
export const officeSnapshot = (f: OfficeForm): string => JSON.stringify(officeBody(f, 0))

/** Whether the editor shows a field's reason: the office's name, the members, a member or its field. */
export function placedOfficeField(field: string): boolean {
  if (field === 'name' || field === MEMBERS) return true
  const m = /^members\[(\d+)\](?:\.(\w+))?$/.exec(field)
  return !!m && (!m[2] || (MEMBER_FIELDS as readonly string[]).includes(m[2]))
}

/** The server's reasons no field of the editor shows (listed above it instead). */
export function unplacedOfficeErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !placedOfficeField(field))
    .map(([field, reason]) => ({ field, reason }))
}

// ---- What the pages show ----

/** 教育局 / 学校. */
export const unitKindText = (t: Translate, kind: string): string => (OFFICE_UNIT_KINDS.includes(kind) ? t(`training.office.kind.${kind}`) : kind)

/** 兼职: the members not full time. */
export const partTime = (c: Pick<OfficeCounts, 'members' | 'full_time'>): number => Math.max(0, c.members - c.full_time)

/** A unit whose office fails staffing.office. */
export const failing = (r: Pick<StaffingBoardRow, 'check'>): boolean => r.check?.outcome === 'fail'

/** 队伍建设看板's filter from a link (?fail=1). */
export function failFromRoute(query: LocationQuery): boolean {
  const raw = Array.isArray(query.fail) ? query.fail[0] : query.fail
  return raw === '1' || raw === 'true'
}

/** 队伍建设看板's units: all, or those failing staffing.office (the schools short of staff). */
export const officeBoardRows = (rows: readonly StaffingBoardRow[], failOnly: boolean): StaffingBoardRow[] =>
  failOnly ? rows.filter(failing) : [...rows]
