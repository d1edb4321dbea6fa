// 我的待办: the caller's groups of work (hazards to assign, rectify, verify or close, supervision
// orders to answer or close, whistles to handle, a class teacher's 1530 reminders of today; for the audit administrator the refused
// operations, account and policy changes and the log chain to verify), each with its count, how
// many are past due and its most urgent records.
import { http } from './http'

/**
 * An audit entry (the audit administrator's groups) opens the audit log; a school (the bureau's
 * ranking of schools by overdue and major hazards) opens that school's overdue hazards; a class
 * (a class teacher's 1530 reminders of today) opens the teacher's 1530 page; a 联防联控 task
 * (edu_joint_task: a department's to report, the bureau's overdue) opens the task; a school bus,
 * driver or route (bus_vehicle, bus_driver, bus_route: 校车待处理) opens it on 校车台账; a school's
 * 一校一策 (traffic_guide: 一校一策待处理) opens the guide; a school's 应急体系 (emergency_setup:
 * 应急体系待完善) opens its setup; a school's key-post staff due for training (training_staff: 培训待办)
 * open its 重点岗位人员; a school's safety office short of staff (safety_office: 安全监管机构待充实) opens
 * its 安全监管机构; one of the plan's measures no section of the bureau covers (supervision_coverage,
 * the measure's number: 方案措施待落实监管科室) opens 措施覆盖; a work item of 全区“一盘棋” (work_item: a
 * unit's due soon or overdue, the bureau's with units overdue) opens 本单位工作, or the item; a request
 * to read a school's students' records (minors_grant: 未成年人信息查阅待审批) opens 未成年人信息查阅 on 待我审批.
 */
export type TaskSubject =
  | 'hazard'
  | 'whistle'
  | 'audit'
  | 'school'
  | 'class'
  | 'edu_calendar'
  | 'edu_letter'
  | 'edu_class'
  | 'edu_joint_task'
  | 'bus_vehicle'
  | 'bus_driver'
  | 'bus_route'
  | 'traffic_guide'
  | 'emergency_setup'
  | 'training_staff'
  | 'safety_office'
  | 'supervision_coverage'
  | 'work_item'
  | 'minors_grant'

export interface TaskItem {
  subject_type: TaskSubject | string
  subject_id: number
  title: string
  school_name: string
  /** YYYY-MM-DD, or '' when the record has no due date. */
  due: string
  overdue: boolean
  /** The supervision order, on the items of the supervision groups (subject_type 'hazard'). */
  order_id?: number
}

export type TaskKind =
  | 'hazard.assign'
  | 'hazard.rectify'
  | 'hazard.verify'
  | 'hazard.close'
  | 'hazard.schools'
  | 'hazard.today'
  | 'supervision.reply'
  | 'supervision.close'
  | 'supervision.late'
  | 'whistle.todo'
  | 'audit.refused'
  | 'audit.accounts'
  | 'audit.verify'
  | 'edu.1530'
  | 'edu.drowning'
  | 'edu.lessons'
  | 'edu.letters'
  /** 联防联控任务待报告: a department's tasks not reported yet (items: edu_joint_task). */
  | 'edu.joint'
  /** 联防联控任务逾期未报告: the bureau's tasks with departments past the due day (items: edu_joint_task). */
  | 'edu.joint.overdue'
  /** 校车待处理: a school's vehicles, drivers and routes failing a bus rule or expiring (items: bus_vehicle, bus_driver, bus_route). */
  | 'bus.checks'
  /**
   * 一校一策待处理: a school's 交通安全一校一策 not published this semester (or changed since), or its
   * road-facility needs not sent to the traffic police (items: traffic_guide, the school's id).
   */
  | 'traffic.guide'
  /**
   * 应急体系待完善: a school's emergency setup failing a rule of measure 19 (command structure,
   * minimal emergency unit, plans) or with a plan falling due for revision (items: emergency_setup,
   * the school's id).
   */
  | 'emergency.setup'
  /**
   * 培训待办: a school's key-post staff overdue or falling due for rotation training, or the
   * holiday security training not held (items: training_staff, the school's id).
   */
  | 'training.due'
  /**
   * 安全监管机构待充实: the school's safety office failing staffing.office — too few members, or too
   * few full time (items: safety_office, the school's id).
   */
  | 'staffing.office'
  /**
   * 方案措施待落实监管科室: the bureau's measures of the plan no section covers with its person in
   * place (items: supervision_coverage, the measure's number).
   */
  | 'duty.coverage'
  /** 全区工作待完成: a school's or a section's due days of 全区“一盘棋” due soon or overdue (items: work_item, the day as due). */
  | 'duty.work'
  /** 全区工作有单位逾期: the bureau's work items with units overdue (items: work_item). */
  | 'duty.work.overdue'
  /**
   * 未成年人信息查阅待审批: a school leader's requests from above to read the school's students'
   * records, waiting for a decision (items: minors_grant, the grant's id).
   */
  | 'minors.grants'

export interface TaskGroup {
  kind: TaskKind | string
  label: string
  count: number
  /** How many of the group's records are past due. */
  overdue: number
  /** The most urgent records first, at most 5. */
  items: TaskItem[]
}

export interface MyTasks {
  generated_at: string
  /** Only the groups the caller's permissions give; a group with nothing to do is still listed. */
  groups: TaskGroup[]
}

export const tasksApi = {
  mine: () => http.get<MyTasks>('/api/v1/me/tasks'),
}
