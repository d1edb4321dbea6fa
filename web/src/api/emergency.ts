// 应急处置 (measure 19): each school's emergency command structure (应急指挥体系: 总指挥, 副总指挥 and the
// groups for evacuation, rescue, communication, logistics and first aid, each person with a phone),
// its minimal emergency unit (最小应急单元: security guards, staff and volunteers from the shops
// nearby), what its emergency card shows (the duty phone, the gathering point, the police station,
// the nearest hospital) and its emergency plans (应急预案, each with the day it was last revised, the
// day it must be revised again and, if uploaded, its document). One record per school, written
// whole. The rules emergency.command, emergency.unit and emergency.plan judge it (达标, 未达标, or
// 提醒 for a plan falling due for revision). Read with emergency:read; written with
// emergency:manage (a school its own). The bureau sees every school's state (应急体系总览) and
// exports it. The people of the setups go in and out of Excel (应急人员): the template and the
// import with emergency:manage, all or nothing — each school named by its 学校代码 has each list
// (名单: 应急指挥体系, 最小应急单元) with rows in the file replaced by them, the other list, the card
// and the plans kept; the export (emergency:read) gives every person of the setups in scope, in the
// template's columns. Types follow the API contract (snake_case); dates are YYYY-MM-DD.
import { download, http, type Download } from './http'

/** 达标, 未达标, 提醒 (a plan falling due for revision soon). */
export type EmergencyOutcome = 'pass' | 'fail' | 'warn'
/** A school in 应急体系总览: 未建立, 未达标, 达标. */
export type EmergencyState = 'none' | 'incomplete' | 'complete'
export const EMERGENCY_STATES: readonly EmergencyState[] = ['none', 'incomplete', 'complete']
/** The rules judging a setup, in the order the page shows them. */
export const EMERGENCY_RULES = ['emergency.command', 'emergency.unit', 'emergency.plan'] as const

/** The server's limits (domain/emergency/emergency.hpp). */
export const EMERGENCY_PEOPLE_MAX = 60
export const EMERGENCY_PLANS_MAX = 20
export const EMERGENCY_NAME_MAX = 20
export const EMERGENCY_POST_MAX = 40
export const EMERGENCY_TEXT_MAX = 100
export const EMERGENCY_PHONE_MAX = 20

/** A choice of a list (a role, a plan's kind), as the server offers it. */
export interface EmergencyOption {
  code: string
  label: string
}

export interface EmergencyOptions {
  /** 总指挥, 副总指挥, 疏散引导组, 抢险救援组, 通讯联络组, 后勤保障组, 医疗救护组 (the card's order). */
  command_roles: EmergencyOption[]
  /** 保安员, 教职工, 周边商户志愿者. */
  unit_roles: EmergencyOption[]
  /** 综合应急预案, 专项应急预案, 现场处置方案. */
  plan_kinds: EmergencyOption[]
}

/** A person of the command structure or of the minimal emergency unit. */
export interface EmergencyMember {
  role: string
  /** Read only (ignored when sent back). */
  role_label?: string
  name: string
  /** 职务, or the shop a volunteer keeps. */
  post: string
  /** A mobile number (11 digits) or a fixed line (0571-87654321); "" for none. */
  phone: string
}

/** An emergency plan. */
export interface EmergencyPlan {
  title: string
  kind: string
  kind_label?: string
  /** YYYY-MM-DD: the day it was issued or last revised (not after today). */
  revised_on: string
  /** Read only: the day it must be revised again ("" when unknown), and whether that day has passed. */
  review_by?: string
  overdue?: boolean
  /** The document (POST /api/v1/files first), null for none. */
  file_id: number | null
  /** Read only. */
  file_name?: string
}

/** What is written (PUT's body, also part of what is read). */
export interface EmergencySetupInput {
  /** The version read, 0 for a school without a setup; 409 emergency.stale when another save came first. */
  version: number
  command: EmergencyMember[]
  unit: EmergencyMember[]
  /** 学校应急值班电话. */
  duty_phone: string
  /** 紧急疏散集合点. */
  gathering_point: string
  /** 属地派出所（含电话）. */
  police_station: string
  /** 就近医院（含电话）. */
  hospital: string
  plans: EmergencyPlan[]
}

/** One rule's verdict on the setup as it stands today. */
export interface EmergencyCheck {
  rule: string
  title: string
  outcome: EmergencyOutcome | string
  outcome_label: string
  reason: string
}

/** GET /api/v1/emergency/setups/{unit_id}: a school's setup (version 0: none yet, the lists empty). */
export interface EmergencySetup extends EmergencySetupInput {
  unit_id: number
  unit_name: string
  updated_by: string
  updated_by_name: string
  /** ISO instant, null when not written yet. */
  updated_at: string | null
  checks: EmergencyCheck[]
  /** The caller holds emergency:manage. */
  can_edit: boolean
  options: EmergencyOptions
}

/** A verdict of a school in the overview. */
export interface EmergencyVerdict {
  outcome: EmergencyOutcome | string
  outcome_label: string
  reason: string
}

/** A school of 应急体系总览. */
export interface EmergencyOverviewRow {
  unit_id: number
  unit_name: string
  state: EmergencyState | string
  state_label: string
  command: EmergencyVerdict
  unit: EmergencyVerdict
  plan: EmergencyVerdict
  /** The first 总指挥's name, "" for none. */
  commander: string
  /** The people of the command structure. */
  command_people: number
  guards: number
  staff: number
  volunteers: number
  plans: number
  updated_at: string | null
}

/** GET /api/v1/emergency/setups: every school in scope (of a state, if asked), and the counts of all. */
export interface EmergencyOverview {
  items: EmergencyOverviewRow[]
  counts: Record<EmergencyState, number>
}

const setups = '/api/v1/emergency/setups'
/** 应急体系总览 as a spreadsheet (emergency:read): 应急体系.xlsx. */
export const EMERGENCY_EXPORT_PATH = `${setups}/export`

const people = '/api/v1/emergency/people'
/** 应急人员导入模板.xlsx (emergency:manage): 学校代码, 学校名称, 名单, 职责, 姓名, 职务或单位, 联系电话. */
export const EMERGENCY_PEOPLE_TEMPLATE_PATH = `${people}/import-template`
/** POST the file's bytes (?format=xlsx|csv), all or nothing: the shared ImportDialog's report. */
export const EMERGENCY_PEOPLE_IMPORT_PATH = `${people}/import`
/** 应急人员.xlsx (emergency:read): every person of the setups in scope, the template's columns. */
export const EMERGENCY_PEOPLE_EXPORT_PATH = `${people}/export`

export const emergencyApi = {
  get: (unitId: number) => http.get<EmergencySetup>(`${setups}/${unitId}`),
  /** The whole setup; 422 names the field (unit[3].phone, plans[0].revised_on …), 409 emergency.stale. */
  save: (unitId: number, input: EmergencySetupInput) => http.put<EmergencySetup>(`${setups}/${unitId}`, input),
  overview: (state?: EmergencyState) => http.get<EmergencyOverview>(setups, state ? { state } : undefined),
  /** 应急体系.xlsx. */
  export: (): Promise<Download> => download(EMERGENCY_EXPORT_PATH),
  /** 应急人员导入模板.xlsx. */
  peopleTemplate: (): Promise<Download> => download(EMERGENCY_PEOPLE_TEMPLATE_PATH),
  /** 应急人员.xlsx. */
  exportPeople: (): Promise<Download> => download(EMERGENCY_PEOPLE_EXPORT_PATH),
}
