// Drill plans (演练计划): the drills a school means to hold, each planned for a day and carried out
// when a drill is recorded from it (POST /api/v1/drills with plan_id). The status is the server's:
// done once recorded, overdue when its day has passed (China time), due within the next week,
// planned later. Types follow the API contract (DrillPlan, DrillPlanInput).
import { download, http, type Page, type Query } from './http'

export type DrillPlanStatus = 'planned' | 'due' | 'overdue' | 'done'
export const DRILL_PLAN_STATUSES: readonly DrillPlanStatus[] = ['planned', 'due', 'overdue', 'done']

export interface DrillPlan {
  id: number
  school_id: number
  school_name: string
  kind: string
  title: string
  /** YYYY-MM-DD. */
  date: string
  /** HH:MM, or empty. */
  start_time: string
  night: boolean
  whole_school: boolean
  scope_note: string
  commander: string
  note: string
  /** The drill recorded from the plan (status done). */
  drill_id: number | null
  status: DrillPlanStatus
  /** Whether the caller may change or remove it (drill:record, not done); absent from an older server. */
  can_edit?: boolean
  created_by: string
  created_at: string
  updated_at: string
}

/** The body of POST (with school_id) and PUT (without). */
export interface DrillPlanInput {
  school_id?: number
  kind: string
  /** Optional (empty: the plan is named by its day and kind). */
  title?: string
  /** YYYY-MM-DD, not before today for a new plan. */
  date: string
  start_time?: string
  night?: boolean
  whole_school?: boolean
  scope_note?: string
  commander: string
  note?: string
}

export type DrillPlanSort = 'date' | '-date' | 'school' | '-school'

export interface DrillPlanQuery {
  school_id?: number
  kind?: string
  /** YYYY-MM-DD, inclusive. */
  from?: string
  to?: string
  /** One or more statuses, comma-separated (due,overdue). */
  status?: string
  q?: string
  page?: number
  page_size?: number
  sort?: DrillPlanSort
}

function q(obj: object): Query {
  return obj as Query
}

export const drillPlansApi = {
  list: (query: DrillPlanQuery = {}) => http.get<Page<DrillPlan>>('/api/v1/drill-plans', q(query)),
  /** The filtered plans as 演练计划.xlsx (the filters only: no paging, no sort). */
  export: (query: DrillPlanQuery = {}) => {
    const { page: _p, page_size: _s, sort: _o, ...filters } = query
    void _p
    void _s
    void _o
    return download('/api/v1/drill-plans/export', q(filters))
  },
  get: (id: number) => http.get<DrillPlan>(`/api/v1/drill-plans/${id}`),
  /** 422 on `date` when it is before today. */
  create: (input: DrillPlanInput) => http.post<DrillPlan>('/api/v1/drill-plans', input),
  /** 409 drill_plan.done once a drill was recorded from the plan. */
  update: (id: number, input: DrillPlanInput) => http.put<DrillPlan>(`/api/v1/drill-plans/${id}`, input),
  /** 409 drill_plan.done once a drill was recorded from the plan. */
  remove: (id: number) => http.del(`/api/v1/drill-plans/${id}`),
}
