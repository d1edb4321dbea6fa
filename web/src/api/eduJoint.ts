// 联防联控 (measure 10 of the plan: joint drowning prevention): the bureau's safety office gives the
// member departments (natural resources, agriculture, emergency management, water …) their tasks
// for the season — patrol the water, set up warning signs and fences, rescue gear, publicity — with
// a day to report by (edu:content issues and withdraws them); each department's liaison reports
// back what was done with four counts and photos of the site (edu:joint; a later report replaces
// the earlier one's text and counts, its photos add to those already attached); the bureau sees who
// has reported. Read with edu:read (the bureau: the tasks issued in its scope) or
// edu:joint (a department: the tasks given to it); a school sees none. Types follow the API
// contract (snake_case).
import type { StoredFile } from './files'
import { http } from './http'

/** What a task asks of the departments, with the server's labels, in the contract's order. */
export type JointKindCode = 'patrol' | 'signs' | 'fences' | 'rescue' | 'publicity' | 'other'
export const JOINT_KINDS: readonly { code: JointKindCode; label: string }[] = [
  { code: 'patrol', label: '巡查水域' },
  { code: 'signs', label: '设置警示标志' },
  { code: 'fences', label: '设置防护设施' },
  { code: 'rescue', label: '配备救生设施' },
  { code: 'publicity', label: '宣传提醒' },
  { code: 'other', label: '其他' },
]

/**
 * Where a department stands on a task: reported by the due day (reported) or after it (late);
 * not yet, while the due day has not passed (pending) or once it has (overdue).
 */
export type JointState = 'pending' | 'reported' | 'late' | 'overdue'
export const JOINT_STATES: readonly { code: JointState; label: string }[] = [
  { code: 'pending', label: '待报告' },
  { code: 'reported', label: '已报告' },
  { code: 'late', label: '逾期报告' },
  { code: 'overdue', label: '逾期未报告' },
]

/** A report's four counts, with the server's labels and units, in the form's order. */
export type JointCountKey = 'patrolled' | 'signs' | 'fences' | 'hazards'
export const JOINT_COUNTS: readonly { key: JointCountKey; label: string }[] = [
  { key: 'patrolled', label: '巡查水域（处）' },
  { key: 'signs', label: '警示标志（块）' },
  { key: 'fences', label: '防护设施（处）' },
  { key: 'hazards', label: '发现隐患（处）' },
]

export const JOINT_TITLE_MAX = 60
export const JOINT_TEXT_MAX = 2000
export const JOINT_REPORT_MAX = 1000
/** The most departments one task goes to. */
export const JOINT_DEPARTMENTS_MAX = 50
/** The largest count a report may give (each of the four). */
export const JOINT_COUNT_MAX = 100000

/** A department's report on a task (one per department; a later one replaces it, its photos add up). */
export interface JointReport {
  id: number
  /** 工作情况: what was done. */
  text: string
  /** Water bodies patrolled (处). */
  patrolled: number
  /** Warning signs set up or repaired (块). */
  signs: number
  /** Fences or nets built or repaired (处). */
  fences: number
  /** Hazards found and handed over (处). */
  hazards: number
  by: string
  by_name: string
  /** ISO instant. */
  at: string
  /** The China date it was made (YYYY-MM-DD), compared with the task's due_on. */
  on: string
  /** 现场照片, those of every report the department made; only in a task read alone (GET {id}, the report's answer), not in the list. */
  files?: StoredFile[]
}

/** One member department of a task, in the order the bureau gave them. */
export interface JointDepartment {
  department_id: number
  name: string
  /** The department's kind (natural_resources, agriculture, police …). */
  kind: string
  /** 自然资源, 农业农村, 应急管理, 水利, 公安, 交警 … */
  kind_label: string
  state: JointState | string
  /** 待报告, 已报告, 逾期报告, 逾期未报告. */
  state_label: string
  report: JointReport | null
}

export interface JointTask {
  id: number
  /** The issuing bureau. */
  unit_id: number
  unit_name: string
  title: string
  /** 任务要求. */
  text: string
  kinds: (JointKindCode | string)[]
  /** In the order of `kinds`. */
  kind_labels: string[]
  /** Report by (YYYY-MM-DD). */
  due_on: string
  created_by: string
  created_by_name: string
  created_at: string
  departments: JointDepartment[]
  /** Departments that reported, on time or late. */
  reported: number
  /** Departments past the due day without a report. */
  overdue: number
  /** The caller is a department of this task (edu:joint): it may report. */
  can_report: boolean
  /** The issuing bureau (edu:content) while no department has reported. */
  can_delete: boolean
}

/** POST /api/v1/edu/joint-tasks. */
export interface JointTaskInput {
  /** At most 60 characters. */
  title: string
  /** At most 2000 characters. */
  text: string
  /** At least one, no repeats. */
  kinds: string[]
  /** Not before today. */
  due_on: string
  /** Unit ids of departments, 1 to 50. */
  department_ids: number[]
}

/** PUT /api/v1/edu/joint-tasks/{id}/report. */
export interface JointReportInput {
  /** 工作情况, required, at most 1000 characters. */
  text: string
  patrolled: number
  signs: number
  fences: number
  hazards: number
  /** Photos uploaded first (POST /api/v1/files); they add to those already on the report. 422 names file_ids[i]. */
  file_ids?: number[]
}

const base = '/api/v1/edu/joint-tasks'

export const eduJointApi = {
  /** The bureau: the tasks issued in its scope; a department: those given to it. Newest first, at most 200. */
  list: () => http.get<{ items: JointTask[] }>(base),
  /** 404 when the task is not the caller's to see. */
  get: (id: number) => http.get<JointTask>(`${base}/${id}`),
  /** 201; 422 names the field (title, text, kinds, due_on, department_ids). */
  create: (input: JointTaskInput) => http.post<JointTask>(base, input),
  /** 204; 409 edu_joint.reported once a department has reported. */
  remove: (id: number) => http.del(`${base}/${id}`),
  /** The caller's department reports (or replaces its report); 422 names the field. */
  report: (id: number, input: JointReportInput) => http.put<JointTask>(`${base}/${id}/report`, input),
}
