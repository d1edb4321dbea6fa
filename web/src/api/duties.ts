// 安全责任 (measures 1 and 2 of the school-safety plan): the district's duty templates per post
// (岗位职责模板, versioned: each change asks every list holding the post to be signed again), each
// person's duty list at their school (安全工作职责清单: the templates of their posts plus local items,
// 一岗双责) signed by the holder with their password (签字压责), the owners of a school's business
// areas (三管三必须) with the gaps the server finds, the bureau's 责任落实看板 with the rules
// duty.signed and duty.areas (both boards exported as .xlsx), and a school's year in safety for its
// leaders' annual report (安全述职, also as .xlsx). Read with duty:read, lists and areas
// written with duty:manage (a school's leader and safety officer), templates with duty:template (the
// bureau's safety office); a holder reads and signs their own list with a login only. Types follow
// the API contract (snake_case); dates are YYYY-MM-DD.
//
// 科室监管事项 (measure 2): the matters each section of the bureau oversees, by stage (管学段) or by
// business (管业务), each tied to the plan's measures and to a post and a person of the section, and
// 措施覆盖 — which of the plan's 21 measures a section oversees with its person in place. Read with
// duty:read by the users of the bureau and its sections (403 for anyone else), written with
// duty:template; each person reads their own items with a login only.
//
// 科室述职: a section's year for its head's annual report — its people, its supervision items and
// the measures they serve, the district's work it led and the work deployed to it (also as .xlsx).
// A section's user reads their own section; the bureau's users name one; a school is refused (403).
import { download, http, request, type Download } from './http'

/** A list's state: 已签订, 未签订 (never signed), 待重签 (signed before a change). */
export type DutyState = 'signed' | 'unsigned' | 'outdated'
export const DUTY_STATES: readonly DutyState[] = ['signed', 'unsigned', 'outdated']
/** 达标 / 待完成 / 提醒 / 未达标 / 不适用. */
export type DutyOutcome = 'pass' | 'due' | 'warn' | 'fail' | 'na'
/** The rules judging a school's duties, in the order the pages show them. */
export const DUTY_RULES = ['duty.signed', 'duty.areas'] as const

/** The server's limits (domain/duty/duty.hpp). */
export const DUTY_ITEMS_MAX = 40
export const DUTY_ITEM_CHARS_MAX = 200
export const DUTY_POSTS_MAX = 5

/** A post or an area, as the server offers it. */
export interface DutyOption {
  code: string
  label: string
}

/** A rule's verdict on a school. */
export interface DutyVerdict {
  outcome: DutyOutcome | string
  outcome_label: string
  reason: string
}

/** A post's duties (version 1 is the one shipped). */
export interface DutyTemplate {
  post: string
  post_label: string
  items: string[]
  version: number
  /** YYYY-MM-DD of the last change; "" as shipped. */
  changed_on: string
  updated_by: string
}

/** GET /duties/templates. */
export interface DutyTemplates {
  templates: DutyTemplate[]
  posts: DutyOption[]
  areas: DutyOption[]
  /** The caller holds duty:template. */
  can_edit: boolean
}

/** PUT /duties/templates/{post}: with the version read (409 duty.stale when changed since). */
export interface DutyTemplateInput {
  items: string[]
  version: number
}

/** What the holder signed: the list's version, the signature, when. */
export interface DutySigning {
  list_version: number
  signature_id: number
  signed_on: string
  signed_at: string
}

/** A person's duty list. */
export interface DutyList {
  id: number
  unit_id: number
  unit_name: string
  user_id: number
  holder_name: string
  posts: DutyOption[]
  /** 本岗位补充职责. */
  local_items: string[]
  version: number
  changed_on: string
  /** The last signature, if any (it may cover an older version: 待重签). */
  signing: DutySigning | null
  state: DutyState | string
  state_label: string
  /** 已于 2026-12-01 签订, 尚未签订, 校长职责已更新为第 2 版，需重新签订 … */
  state_reason: string
  /** YYYY-MM-DD since when it waits for a signature; "" when signed. */
  waiting_since: string
  /** The text the holder signs: the title, then each post's duties and the local ones, numbered. */
  content: string
  /** The caller is the holder and it is not signed as it stands. */
  can_sign: boolean
  /** The caller holds duty:manage over the school. */
  can_edit: boolean
}

/** GET /duties/lists: a school's lists, by holder. */
export interface SchoolDutyLists {
  unit_id: number
  unit_name: string
  lists: DutyList[]
  counts: { signed: number; unsigned: number; outdated: number }
  /** duty.signed today. */
  check: DutyVerdict | null
  can_edit: boolean
}

/** POST /duties/lists. */
export interface DutyListCreateInput {
  unit_id: number
  user_id: number
  posts: string[]
  local_items: string[]
}

/** PUT /duties/lists/{id}: with the version read (409 duty.stale). */
export interface DutyListUpdateInput {
  posts: string[]
  local_items: string[]
  version: number
}

/** POST /duties/lists/{id}/sign: the version read and the holder's password (or a TOTP code). */
export interface DutySignInput {
  version: number
  password?: string
  totp?: string
}

/** GET /duties/mine. */
export interface MyDuty {
  list: DutyList | null
}

/** A business area of a school and its owner (三管三必须). */
export interface DutyArea {
  area: string
  label: string
  /** false: the school has no such area (不涉及). */
  applicable: boolean
  owner_user_id: number | null
  owner_name: string
}

/** A gap the server finds: an area without an owner, an owner without a signed list … */
export interface DutyGap {
  /** "" for the safety office's oversight. */
  area: string
  text: string
}

/** A school's active account, for the owner's and the holder's choice. */
export interface DutyPerson {
  user_id: number
  name: string
}

/** GET /duties/areas/{unit_id}. */
export interface DutyAreas {
  unit_id: number
  unit_name: string
  /** Every area, in the server's order (those never written applicable, without an owner). */
  areas: DutyArea[]
  gaps: DutyGap[]
  /** duty.areas today. */
  check: DutyVerdict | null
  people: DutyPerson[]
  /** 0: never written. */
  version: number
  updated_by: string
  can_edit: boolean
}

/** PUT /duties/areas/{unit_id}: every area with the version read (409 duty.stale). */
export interface DutyAreasInput {
  version: number
  areas: { area: string; applicable: boolean; owner_user_id: number | null }[]
}

/** A school of 责任落实看板. */
export interface DutyBoardRow {
  unit_id: number
  unit_name: string
  lists: number
  signed: number
  unsigned: number
  outdated: number
  gaps: number
  signed_check: DutyVerdict | null
  areas_check: DutyVerdict | null
}

/** GET /duties/board. */
export interface DutyBoard {
  rows: DutyBoardRow[]
  totals: { schools: number; lists: number; signed: number; schools_passing: number }
}

/** A leader's duty list in 安全述职 (党组织书记, 校长, 分管安全副校长, 其他校级领导). */
export interface DutyYearLeader {
  name: string
  /** The posts joined: 党组织书记、校长. */
  posts: string
  /** The state as the server words it: 已签订, 未签订, 待重签. */
  state: string
  /** YYYY-MM-DD of the last signature; "" never signed. */
  signed_on: string
}

/** A school rule failed in a period that began in the year. */
export interface DutyYearFailing {
  rule_id: string
  title: string
  /** The plan's measure (1–21). */
  measure: number
  /** The periods failed in the year. */
  periods: number
  last_reason: string
}

/** GET /duties/year: a school's year in safety, for its leaders' annual report (述职). */
export interface DutyYear {
  unit_id: number
  unit_name: string
  year: number
  /** YYYY-MM-DD: today, or the year's last day for a past year. */
  as_of: string
  leaders: DutyYearLeader[]
  /** The school's duty lists, and those signed. */
  lists: number
  lists_signed: number
  /** Found in the year (of those closed by now), and closed in the year. */
  hazards: { found: number; found_closed: number; closed: number }
  drills: number
  training_sessions: number
  /** Supervision orders received in the year, and those answered. */
  supervision: { orders: number; answered: number }
  /** The district's work deployed to the school: due days of the year up to as_of, done on time, late, not done after the day. */
  work: { due: number; done: number; done_late: number; overdue: number }
  failing: DutyYearFailing[]
}

/** Due days of the year up to as_of: done on time, done late, not done after the day. */
export interface SectionYearFigures {
  due: number
  done: number
  done_late: number
  overdue: number
}

/** A supervision item of the section, as 科室述职 lists it. */
export interface SectionYearSupervision {
  title: string
  /** 管学段（小学） or 管业务. */
  kind_label: string
  /** The plan's measures it serves, joined: 1、5、8 ("" for none). */
  measures: string
  person: string
  /** false: the person's account is disabled or no longer in the section (不在岗). */
  person_active: boolean
}

/** A piece of the district's work the section led, with a due day in the year. */
export interface SectionYearLed {
  item_id: number
  kind_label: string
  title: string
  /** The units it was deployed to. */
  units: number
  /** Over its units. */
  figures: SectionYearFigures
}

/** GET /duties/year/section: a bureau section's year, for its head's annual report (科室述职). */
export interface SectionYear {
  section_id: number
  section_name: string
  bureau_name: string
  year: number
  /** YYYY-MM-DD: today, or the year's last day for a past year. */
  as_of: string
  /** The section's active accounts (display names). */
  people: string[]
  supervision: SectionYearSupervision[]
  /** The plan's measures (1–21) the supervision items serve, ascending. */
  measures: number[]
  /** The district's work the section led, the newest first. */
  led: SectionYearLed[]
  led_total: SectionYearFigures
  /** The district's work deployed to the section itself. */
  own: SectionYearFigures
}

/** 管学段 (by stage) or 管业务 (by business). */
export type SupervisionKind = 'stage' | 'business'

/** The server's limits of a supervision item (domain/duty/supervision.hpp). */
export const SUPERVISION_TITLE_MAX = 100
export const SUPERVISION_DETAIL_MAX = 500
export const SUPERVISION_POST_MAX = 20

/** A matter a section of the bureau oversees (监管事项). */
export interface SupervisionItem {
  id: number
  section_id: number
  section_name: string
  kind: SupervisionKind | string
  kind_label: string
  /** One of the stages for 管学段; "" for 管业务. */
  stage: string
  stage_label: string
  title: string
  detail: string
  /** The plan's measures it serves (1–21), ascending. */
  measures: number[]
  /** 科长, 副科长 … */
  post: string
  person_user_id: number
  person_name: string
  /** false: the person's account is disabled or no longer in the section (不在岗). */
  person_active: boolean
  version: number
  updated_by: string
  updated_at: string
}

/** A section of the bureau with its active accounts (the person's choice). */
export interface SupervisionSection {
  id: number
  name: string
  people: DutyPerson[]
}

/** GET /duties/supervision. */
export interface SupervisionItems {
  bureau_id: number
  bureau_name: string
  items: SupervisionItem[]
  sections: SupervisionSection[]
  kinds: DutyOption[]
  stages: DutyOption[]
  /** The caller holds duty:template. */
  can_edit: boolean
}

/** POST /duties/supervision (stage "" for 管业务). */
export interface SupervisionItemInput {
  section_id: number
  kind: string
  stage: string
  title: string
  detail: string
  measures: number[]
  post: string
  person_user_id: number
}

/** PUT /duties/supervision/{id}: with the version read (409 duty.stale). */
export interface SupervisionItemUpdate extends SupervisionItemInput {
  version: number
}

/** GET /duties/supervision/mine: the caller's own items. */
export interface MySupervisionItems {
  items: SupervisionItem[]
}

/** A section, as the coverage names it. */
export interface SupervisionSectionRef {
  id: number
  name: string
}

/** One of the plan's measures and the sections overseeing it. */
export interface CoverageMeasure {
  number: number
  title: string
  /** The sections with an item serving it. */
  sections: SupervisionSectionRef[]
  /** Its items, and of them those whose person is not in place. */
  items: number
  unassigned: number
  /** An item serving it has its person in place. */
  covered: boolean
}

/** A section's items and the measures they serve. */
export interface CoverageSection {
  id: number
  name: string
  items: number
  unassigned: number
  /** Ascending. */
  measures: number[]
}

/** GET /duties/supervision/coverage. */
export interface SupervisionCoverage {
  bureau_id: number
  bureau_name: string
  /** Every measure, 1–21 in order. */
  measures: CoverageMeasure[]
  /** Every section, with or without items. */
  sections: CoverageSection[]
  covered: number
  total: number
  uncovered: number[]
  /** Items whose person is not in place. */
  unassigned: number
}

const base = '/api/v1/duties'
/** 安全工作职责清单.xlsx of a school. */
export const DUTY_LISTS_EXPORT_PATH = `${base}/lists/export`
/** 责任落实看板.xlsx. */
export const DUTY_BOARD_EXPORT_PATH = `${base}/board/export`
/** 安全述职.xlsx of a school's year. */
export const DUTY_YEAR_EXPORT_PATH = `${base}/year/export`
/** 科室述职 of a section's year, and its workbook. */
export const SECTION_YEAR_PATH = `${base}/year/section`
export const SECTION_YEAR_EXPORT_PATH = `${base}/year/section/export`

/** 科室监管事项.xlsx. */
export const SUPERVISION_EXPORT_PATH = `${base}/supervision/export`
/** 方案措施覆盖情况.xlsx. */
export const SUPERVISION_COVERAGE_EXPORT_PATH = `${base}/supervision/coverage/export`
/** The import of supervision items (all or nothing, ?format=xlsx) and its template. */
export const SUPERVISION_IMPORT_PATH = `${base}/supervision/import`
export const SUPERVISION_TEMPLATE_PATH = `${base}/supervision/import-template`

/** The school (a school user's own without it) and the year (this year without it). */
const yearQuery = (unitId?: number, year?: number) => ({ unit_id: unitId || undefined, year: year || undefined })
/** The section (a section user's own without it) and the year (this year without it). */
const sectionYearQuery = (sectionId?: number, year?: number) => ({ section_id: sectionId || undefined, year: year || undefined })

export const dutiesApi = {
  templates: () => http.get<DutyTemplates>(`${base}/templates`),
  saveTemplate: (post: string, input: DutyTemplateInput) => http.put<DutyTemplate>(`${base}/templates/${encodeURIComponent(post)}`, input),
  /** A school's lists (unit_id: the bureau must pass it; a school user's own school without). */
  lists: (unitId?: number) => http.get<SchoolDutyLists>(`${base}/lists`, unitId ? { unit_id: unitId } : undefined),
  /** 安全工作职责清单.xlsx of a school. */
  exportLists: (unitId?: number): Promise<Download> => download(DUTY_LISTS_EXPORT_PATH, unitId ? { unit_id: unitId } : undefined),
  list: (id: number) => http.get<DutyList>(`${base}/lists/${id}`),
  createList: (input: DutyListCreateInput) => http.post<DutyList>(`${base}/lists`, input),
  updateList: (id: number, input: DutyListUpdateInput) => http.put<DutyList>(`${base}/lists/${id}`, input),
  /**
   * The holder signs the list as it stands. A wrong password is refused with the field password
   * (401 on this server, like a signed hazard step): it must not end the session.
   */
  sign: (id: number, input: DutySignInput) => request<DutyList>('POST', `${base}/lists/${id}/sign`, { body: input, allowUnauthenticated: true }),
  mine: () => http.get<MyDuty>(`${base}/mine`),
  areas: (unitId: number) => http.get<DutyAreas>(`${base}/areas/${unitId}`),
  saveAreas: (unitId: number, input: DutyAreasInput) => http.put<DutyAreas>(`${base}/areas/${unitId}`, input),
  board: () => http.get<DutyBoard>(`${base}/board`),
  /** 责任落实看板.xlsx. */
  exportBoard: (): Promise<Download> => download(DUTY_BOARD_EXPORT_PATH),
  /** 安全述职: a school's year (422 `year` before 2000 or after this year; 404 outside scope). */
  year: (unitId?: number, year?: number) => http.get<DutyYear>(`${base}/year`, yearQuery(unitId, year)),
  /** 安全述职.xlsx (sheets 安全述职 and 未达标规则). */
  yearExport: (unitId?: number, year?: number): Promise<Download> => download(DUTY_YEAR_EXPORT_PATH, yearQuery(unitId, year)),
  /**
   * 科室述职: a section's year (a section user's own without section_id — 404 naming another; the
   * bureau's users must name one: 422 `section_id`; 422 `year` outside 2000 to this year; 403 a school).
   */
  sectionYear: (sectionId?: number, year?: number) => http.get<SectionYear>(SECTION_YEAR_PATH, sectionYearQuery(sectionId, year)),
  /** 科室述职.xlsx (sheets 科室述职, 监管事项 and 牵头工作). */
  sectionYearExport: (sectionId?: number, year?: number): Promise<Download> => download(SECTION_YEAR_EXPORT_PATH, sectionYearQuery(sectionId, year)),
  /** 科室监管事项: the bureau's items, of one section when given (403 outside the bureau and its sections). */
  supervision: (sectionId?: number) => http.get<SupervisionItems>(`${base}/supervision`, sectionId ? { section_id: sectionId } : undefined),
  createSupervision: (input: SupervisionItemInput) => http.post<SupervisionItem>(`${base}/supervision`, input),
  updateSupervision: (id: number, input: SupervisionItemUpdate) => http.put<SupervisionItem>(`${base}/supervision/${id}`, input),
  /** At the version read (409 duty.stale when changed since). */
  deleteSupervision: (id: number, version: number) => request<void>('DELETE', `${base}/supervision/${id}`, { query: { version } }),
  /** The caller's own items (any login). */
  mySupervision: () => http.get<MySupervisionItems>(`${base}/supervision/mine`),
  /** 措施覆盖: the plan's measures by section. */
  coverage: () => http.get<SupervisionCoverage>(`${base}/supervision/coverage`),
  /** 科室监管事项.xlsx. */
  exportSupervision: (): Promise<Download> => download(SUPERVISION_EXPORT_PATH),
  /** 方案措施覆盖情况.xlsx. */
  exportCoverage: (): Promise<Download> => download(SUPERVISION_COVERAGE_EXPORT_PATH),
}
