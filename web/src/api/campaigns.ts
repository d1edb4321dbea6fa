// Inspection campaigns (专项行动, measures 6, 7 and 12): the bureau deploys a campaign to its
// schools with checklists and two windows, each school inspects itself place by place and
// submits, inspection teams inspect the schools assigned to them, the bureau feeds back and the
// school replies, and the campaign is evaluated and closed. Types follow docs/campaigns.md and
// the Campaign* schemas of docs/api/openapi.yaml.
import { download, http, type Page, type Query } from './http'
import type { ChecklistItem } from './checklists'
import type { StoredFile } from './files'
import type { Hazard } from './hazards'

export type CampaignState = 'open' | 'closed'
/** 未开始, 自查中, 已提交. */
export type CampaignSchoolState = 'not_started' | 'in_progress' | 'submitted'
export const CAMPAIGN_SCHOOL_STATES: readonly CampaignSchoolState[] = ['not_started', 'in_progress', 'submitted']

export interface CampaignWeights {
  completion: number
  self_found: number
  no_missed: number
  rectified: number
  closed: number
}
export const WEIGHT_PARTS: readonly (keyof CampaignWeights)[] = ['completion', 'self_found', 'no_missed', 'rectified', 'closed']
/** 30 / 20 / 20 / 20 / 10. */
export const DEFAULT_WEIGHTS: Readonly<CampaignWeights> = { completion: 30, self_found: 20, no_missed: 20, rectified: 20, closed: 10 }

export interface CampaignTargets {
  stages?: string[]
  location_types?: string[]
  boarding?: boolean | null
  cluster_ids?: number[]
  school_ids?: number[]
}

export interface CampaignInput {
  name: string
  level?: 'bureau' | 'city'
  /** Hazard domain codes. */
  domains: string[]
  /** Checklist versions (1–20). */
  template_ids: number[]
  description?: string
  targets?: CampaignTargets
  self_from: string
  self_to: string
  inspect_from: string
  inspect_to: string
  weights?: CampaignWeights
}

export interface Campaign extends CampaignInput {
  id: number
  level_label: string
  domain_labels: string[]
  state: CampaignState | string
  state_label: string
  summary: string
  owner_unit_id: number
  owner_name: string
  created_by: string
  created_at: string
  closed_at: string | null
  school_count: number
  submitted_count: number
}

export interface CampaignTeam {
  id: number
  campaign_id: number
  name: string
  kind: 'bureau' | 'city' | string
  kind_label: string
  /** Usernames. */
  members: string[]
  school_ids: number[]
}

export interface CampaignRoles {
  manage: boolean
  inspect: boolean
  fill: boolean
  school_id: number | null
  team_ids: number[]
}

export interface CampaignView extends Campaign {
  templates: { id: number; code: string; name: string; version: number }[]
  teams: CampaignTeam[]
  roles: CampaignRoles
}

export interface CampaignSchool {
  school_id: number
  school_name: string
  state: CampaignSchoolState | string
  state_label: string
  team_id: number | null
  team_name: string
  started_at: string
  submitted_at: string
  sheets: number
  failed: number
}

export interface CampaignAnswer extends ChecklistItem {
  item_key: string
  value: string
  verdict: 'pass' | 'fail' | 'na' | string
  verdict_label: string
  note: string
  file_ids: number[]
  hazard_id: number | null
}

export interface CampaignSheet {
  id: number
  campaign_id: number
  school_id: number
  school_name: string
  /** self, or the inspection's kind: bureau | city. */
  kind: 'self' | 'bureau' | 'city' | string
  kind_label: string
  team_id: number | null
  template_id: number
  template_name: string
  template_version: number
  key_place_id: number | null
  place_name: string
  place_kind: string
  place_kind_label: string
  filled_by: string
  username: string
  filled_at: string
  note: string
  failed: number
  /** Item keys flagged 自查未发现. */
  missed: string[]
  answers: CampaignAnswer[]
  files?: StoredFile[]
}

export interface CampaignMessage {
  id: number
  school_id: number
  school_name: string
  kind: 'feedback' | 'reply' | string
  kind_label: string
  text: string
  deadline: string | null
  author: string
  username: string
  at: string
}

/** A sheet the school owes: one checklist at one place (key_place_id null: the whole school). */
export interface CampaignDue {
  template_id: number
  template_name: string
  key_place_id: number | null
  place_name: string
  place_kind: string
  place_kind_label: string
  /** The school's own sheet once filled. */
  sheet_id: number | null
  items: ChecklistItem[]
}

export interface CampaignSchoolView {
  target: CampaignSchool
  due: CampaignDue[]
  sheets: CampaignSheet[]
  messages: CampaignMessage[]
  can_fill: boolean
  can_inspect: boolean
  can_feedback: boolean
  can_reply: boolean
}

export interface CampaignBoard {
  schools: number
  by_state: Record<CampaignSchoolState, number>
  failed: { domain: string; domain_label: string; place_kind: string; place_kind_label: string; items: number }[]
  hazards_open: number
  hazards_closed: number
  missed: number
}

export interface CampaignScore {
  rank: number
  school_id: number
  school_name: string
  total: number
  completion: number
  self_found: number
  no_missed: number
  rectified: number
  closed: number
  hazards: number
  self_hazards: number
  missed: number
  open: number
}

export interface CampaignEvaluation {
  weights: CampaignWeights
  /** Ranked schools, best first (one school's evaluation: that school only). */
  scores: CampaignScore[]
  /** How many schools are ranked. */
  ranked: number
}

/** The bureau's mark of a hazard as a typical problem (典型问题), shown at the video meeting. */
export interface CampaignTypical {
  note: string
  marked_by: string
  marked_at: string
}

/** A hazard the campaign's sheets raised, with its mark (null: not typical) and its photos. */
export interface CampaignHazard {
  hazard: Hazard
  typical: CampaignTypical | null
  photos: StoredFile[]
}

export interface CampaignQuery {
  state?: CampaignState
  page?: number
  page_size?: number
}

export interface CampaignAnswerInput {
  item_key: string
  value: string
  note: string
  file_ids: number[]
}

export interface CampaignSheetInput {
  school_id: number
  kind: 'self' | 'inspection'
  template_id: number
  /** Omitted for the whole school. */
  key_place_id?: number
  note: string
  answers: CampaignAnswerInput[]
}

export interface CampaignMessageInput {
  school_id: number
  kind: 'feedback' | 'reply'
  text: string
  deadline?: string
}

export interface CampaignTeamInput {
  name: string
  kind: 'bureau' | 'city'
  members: string[]
}

function q(obj: object): Query {
  return obj as Query
}

export const campaignsApi = {
  list: (query: CampaignQuery = {}) => http.get<Page<Campaign>>('/api/v1/campaigns', q(query)),
  /** 422 naming the field (domains[1], self_to, weights.completion, targets …); nothing stored then. */
  deploy: (input: CampaignInput) => http.post<CampaignView>('/api/v1/campaigns', input),
  get: (id: number) => http.get<CampaignView>(`/api/v1/campaigns/${id}`),
  schools: (id: number) => http.get<{ items: CampaignSchool[]; total: number }>(`/api/v1/campaigns/${id}/schools`),
  school: (id: number, schoolId: number) => http.get<CampaignSchoolView>(`/api/v1/campaigns/${id}/schools/${schoolId}`),
  /** 409 campaign.sheets_missing lists the places left; campaign.submitted once submitted. */
  submit: (id: number, schoolId: number) => http.post<CampaignSchool>(`/api/v1/campaigns/${id}/schools/${schoolId}/submit`),
  createTeam: (id: number, input: CampaignTeamInput) => http.post<CampaignTeam>(`/api/v1/campaigns/${id}/teams`, input),
  /** Without team_id the schools are unassigned. */
  assign: (id: number, schoolIds: number[], teamId?: number) =>
    http.post<{ items: CampaignSchool[]; total: number }>(`/api/v1/campaigns/${id}/assignments`, {
      school_ids: schoolIds,
      ...(teamId ? { team_id: teamId } : {}),
    }),
  fillSheet: (id: number, input: CampaignSheetInput) => http.post<CampaignSheet>(`/api/v1/campaigns/${id}/sheets`, input),
  sheet: (sheetId: number) => http.get<CampaignSheet>(`/api/v1/campaign-sheets/${sheetId}`),
  message: (id: number, input: CampaignMessageInput) => http.post<CampaignMessage>(`/api/v1/campaigns/${id}/messages`, input),
  board: (id: number) => http.get<CampaignBoard>(`/api/v1/campaigns/${id}/board`),
  evaluation: (id: number) => http.get<CampaignEvaluation>(`/api/v1/campaigns/${id}/evaluation`),
  /** One school's score and its rank among all the campaign's schools; 404 for whoever does not see the school. */
  schoolEvaluation: (id: number, schoolId: number) => http.get<CampaignEvaluation>(`/api/v1/campaigns/${id}/schools/${schoolId}/evaluation`),
  exportEvaluation: (id: number) => download(`/api/v1/campaigns/${id}/evaluation/export`),
  /** Oldest first; `typical`: only the typical problems, in the briefing's order (the server's). */
  hazards: (id: number, typical = false) =>
    http.get<{ items: CampaignHazard[]; total: number }>(`/api/v1/campaigns/${id}/hazards`, typical ? { typical: true } : {}),
  /** Marks (or re-marks, replacing the note) a hazard of the campaign; 422 names `note` or `hazard_id`. */
  markTypical: (id: number, hazardId: number, note: string) =>
    http.put<CampaignHazard>(`/api/v1/campaigns/${id}/typical/${hazardId}`, { note }),
  /** 404 when the hazard is not marked. */
  unmarkTypical: (id: number, hazardId: number) => http.del(`/api/v1/campaigns/${id}/typical/${hazardId}`),
  /** 典型问题通报.xlsx. */
  exportBriefing: (id: number) => download(`/api/v1/campaigns/${id}/briefing/export`),
  close: (id: number, summary: string) => http.post<CampaignView>(`/api/v1/campaigns/${id}/close`, { summary }),
}
