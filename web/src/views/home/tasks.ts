// Where 我的待办 leads (pure, unit-tested): an item opens its record, a group's 查看全部 opens the
// list filtered on the group's records. The audit administrator's groups (audit.*: refused
// operations, account and policy changes, the log chain to verify) lead to the audit log; a class
// teacher's 1530 reminders of today (edu.1530) and drowning warnings to give or record late
// (edu.drowning, items of subject edu_class) to their 1530 page; a school's safety education
// still to do (edu.lessons) to its education calendar; the parent letters short of receipts
// (edu.letters) to the letter, or the list of letters; the 联防联控 tasks — a department's still to
// report (edu.joint) and the bureau's with departments overdue (edu.joint.overdue), items of subject
// edu_joint_task — to the task, or the list of tasks; a school's buses, drivers and routes failing
// or expiring (bus.checks, items of subject bus_vehicle, bus_driver, bus_route) to 校车台账 on the
// record's tab with the record open, or the registry; a school's 交通安全一校一策 not published this
// semester or with needs not sent to the police (traffic.guide, items of subject traffic_guide: the
// school's id) to the school's guide; a school's 应急体系 failing a rule of measure 19 or with a plan
// falling due (emergency.setup, items of subject emergency_setup: the school's id) to its setup; a
// school's key-post staff due for training (training.due, items of subject training_staff: the
// school's id) to its 重点岗位人员; a school's safety office short of staff (staffing.office, items of
// subject safety_office: the school's id) to its 安全监管机构; the user's own duty list to sign (duty.sign,
// items of subject duty_list) to 我的职责清单, a school's lists waiting for a signature (duty.pending,
// items of subject duty_list: the list's id) to its 职责清单 with the list open, and its business areas
// without an owner or an owner's list unsigned (duty.areas, items of subject duty_areas: the school's
// id) to its 三管三必须; the bureau's measures no section covers (duty.coverage, items of subject
// supervision_coverage: the measure's number) to 措施覆盖; a school's or a section's work of 全区“一盘棋”
// due soon or overdue (duty.work, items of subject work_item: the item's id) to 本单位工作, and the
// bureau's work with units overdue (duty.work.overdue) to the item, its units' progress; a school
// leader's requests from above to read the school's students' records (minors.grants, items of
// subject minors_grant) to 未成年人信息查阅 on its 待我审批 tab.
import type { RouteLocationRaw } from 'vue-router'
import type { TaskGroup, TaskItem } from '@/api/tasks'
import { busRecordRoute } from '@/views/bus/busHelpers'

/** Whether a group is a class teacher's 1530 reminders (edu.1530, and any edu.* added later). */
const isEdu = (kind: string | undefined): boolean => !!kind && kind.startsWith('edu.')
/** A school's safety education still to do (the education calendar's open and missed items). */
const LESSONS = 'edu.lessons'
/** The classes of the school's open parent letters still short of receipts. */
const LETTERS = 'edu.letters'
/**
 * 联防联控: a department's tasks still to report (edu.joint), the bureau's tasks with departments
 * overdue (edu.joint.overdue), and any edu.joint.* added later — not a teacher's 1530 page.
 */
const isJoint = (kind: string | undefined): boolean => kind === 'edu.joint' || (!!kind && kind.startsWith('edu.joint.'))
/** The subject of the 联防联控 groups' items: the task. */
const JOINT_TASK = 'edu_joint_task'
/** 校车待处理 (bus.checks), and any bus.* added later: 校车台账. */
const isBus = (kind: string | undefined): boolean => !!kind && kind.startsWith('bus.')
/** 一校一策待处理: the school's guide; its items' subject is the school. */
const GUIDE = 'traffic.guide'
const GUIDE_SUBJECT = 'traffic_guide'
/** 应急体系待完善: the school's emergency setup; its items' subject is the school. */
const EMERGENCY = 'emergency.setup'
const EMERGENCY_SUBJECT = 'emergency_setup'
/** 培训待办: the school's key-post staff (the due list); its items' subject is the school. */
const TRAINING = 'training.due'
const TRAINING_SUBJECT = 'training_staff'
/** 安全监管机构待充实: the school's safety office; its items' subject is the school. */
const OFFICE = 'staffing.office'
const OFFICE_SUBJECT = 'safety_office'
/** 签订安全工作职责清单: the user's own list; its item's subject is the list. */
const DUTY_SIGN = 'duty.sign'
/** 职责清单待签订: the school's lists waiting for a signature; its items' subject is each list. */
const DUTY_PENDING = 'duty.pending'
const DUTY_LIST_SUBJECT = 'duty_list'
/** 三管三必须待明确: the school's business areas; its items' subject is the school. */
const DUTY_AREAS = 'duty.areas'
const DUTY_AREAS_SUBJECT = 'duty_areas'
/** 方案措施待落实监管科室: the plan's measures no section covers; its items' subject is the measure. */
const DUTY_COVERAGE = 'duty.coverage'
const DUTY_COVERAGE_SUBJECT = 'supervision_coverage'
/** 全区工作待完成: the unit's due days due soon or overdue; its items' subject is the work item. */
const DUTY_WORK = 'duty.work'
/** 全区工作有单位逾期: the bureau's items with units overdue; its items' subject is the work item. */
const DUTY_WORK_OVERDUE = 'duty.work.overdue'
const WORK_SUBJECT = 'work_item'
/** 未成年人信息查阅待审批: the grants waiting for the school leader; its items' subject is the grant. */
const MINORS_GRANTS = 'minors.grants'
const MINORS_GRANT_SUBJECT = 'minors_grant'
const minorsApprove = (): RouteLocationRaw => ({ name: 'minors', query: { tab: 'approve' } })

/**
 * The record an item opens: a hazard (supervision items too: the order's hazard), a whistle, a
 * school's overdue hazards, for an audit entry the audit log, a 联防联控 task (edu.joint*, subject
 * edu_joint_task) the task, for a 1530 reminder (an item of another edu.* group, whatever its
 * subject: a class, a session) the teacher's 1530 page, or a school bus, driver or route failing or
 * expiring (bus.checks) that record on 校车台账.
 */
export function itemRoute(item: TaskItem, group?: Pick<TaskGroup, 'kind'>): RouteLocationRaw | null {
  const id = String(item.subject_id)
  // 未成年人信息查阅待审批: the requests waiting, 同意 and 拒绝 on each.
  if (group?.kind === MINORS_GRANTS || item.subject_type === MINORS_GRANT_SUBJECT) return minorsApprove()
  // 安全教育待完成: the school's education calendar, with its 去记录 buttons.
  if (group?.kind === LESSONS || item.subject_type === 'edu_calendar') return { name: 'edu-calendar', query: { school_id: id } }
  // 家长信回执未齐: the letter, its classes and their receipts.
  if (group?.kind === LETTERS || item.subject_type === 'edu_letter') return { name: 'edu-letter', params: { id } }
  // 联防联控任务待报告 / 逾期未报告: the task, its departments and the report form.
  if (isJoint(group?.kind) || item.subject_type === JOINT_TASK) return { name: 'edu-joint-task', params: { id } }
  if (isEdu(group?.kind) || item.subject_type === 'class' || isEdu(item.subject_type)) return { name: 'edu-1530' }
  // 校车待处理: the vehicle, driver or route on its tab, its form open.
  const bus = busRecordRoute(item.subject_type, item.subject_id)
  if (bus) return bus
  // 一校一策待处理: the school's guide (to publish, or its needs to send).
  if (item.subject_type === GUIDE_SUBJECT || group?.kind === GUIDE) {
    return item.subject_id > 0 ? { name: 'traffic-guide', query: { unit_id: id } } : { name: 'traffic-guide' }
  }
  // 应急体系待完善: the school's command structure, minimal emergency unit and plans.
  if (item.subject_type === EMERGENCY_SUBJECT || group?.kind === EMERGENCY) {
    return item.subject_id > 0 ? { name: 'emergency-setup', query: { unit_id: id } } : { name: 'emergency-setup' }
  }
  // 培训待办: the school's key-post staff, the overdue first.
  if (item.subject_type === TRAINING_SUBJECT || group?.kind === TRAINING) {
    return item.subject_id > 0 ? { name: 'training-staff', query: { unit_id: id } } : { name: 'training-staff' }
  }
  // 安全监管机构待充实: the school's safety office, its members to add.
  if (item.subject_type === OFFICE_SUBJECT || group?.kind === OFFICE) {
    return item.subject_id > 0 ? { name: 'training-office', query: { unit_id: id } } : { name: 'training-office' }
  }
  // 职责清单待签订: the school's lists with the waiting one open; 签订安全工作职责清单: the user's own.
  if (group?.kind === DUTY_PENDING) return item.subject_id > 0 ? { name: 'duty-lists', query: { list: id } } : { name: 'duty-lists' }
  if (group?.kind === DUTY_SIGN || item.subject_type === DUTY_LIST_SUBJECT) return { name: 'duty-mine' }
  // 三管三必须待明确: the school's business areas, their gaps on top.
  if (item.subject_type === DUTY_AREAS_SUBJECT || group?.kind === DUTY_AREAS) {
    return item.subject_id > 0 ? { name: 'duty-areas', query: { unit_id: id } } : { name: 'duty-areas' }
  }
  // 方案措施待落实监管科室: 措施覆盖, the measures not covered in red.
  if (item.subject_type === DUTY_COVERAGE_SUBJECT || group?.kind === DUTY_COVERAGE) return { name: 'duty-supervision-coverage' }
  // 全区工作待完成: the unit's own work, 报告完成 on each card; 全区工作有单位逾期: the item, its units' progress.
  if (group?.kind === DUTY_WORK) return { name: 'duty-work-mine' }
  if (group?.kind === DUTY_WORK_OVERDUE || item.subject_type === WORK_SUBJECT) {
    return item.subject_id > 0 ? { name: 'duty-work-item', params: { id } } : { name: 'duty-work' }
  }
  if (item.subject_type === 'hazard') return { name: 'hazard-detail', params: { id } }
  if (item.subject_type === 'whistle') return { name: 'whistle-detail', params: { id } }
  if (item.subject_type === 'audit') return { name: 'audit' }
  // A school of the bureau's ranking: its overdue hazards, the most overdue first.
  if (item.subject_type === 'school') return { name: 'hazards', query: { school_id: id, overdue: 'true' } }
  // An item of 校车待处理 the page cannot open by itself: the registry.
  if (isBus(group?.kind)) return { name: 'bus' }
  return null
}

/** The hazard ledger's state filter (?state=, comma-separated) of each hazard group. */
const HAZARD_STATES: Readonly<Record<string, string>> = {
  'hazard.assign': 'reported',
  'hazard.rectify': 'assigned,rectifying',
  'hazard.verify': 'submitted',
  'hazard.close': 'verified',
}

/** The supervision orders' state filter (?state=) of each supervision group. */
const ORDER_STATES: Readonly<Record<string, string>> = {
  'supervision.reply': 'open',
  'supervision.close': 'replied',
  'supervision.late': 'open',
}

/** The list a group's 查看全部 opens, filtered on the group's records; null for a kind not known. */
export function groupRoute(group: Pick<TaskGroup, 'kind'>): RouteLocationRaw | null {
  const kind = group.kind
  if (Object.prototype.hasOwnProperty.call(HAZARD_STATES, kind)) return { name: 'hazards', query: { state: HAZARD_STATES[kind] } }
  if (Object.prototype.hasOwnProperty.call(ORDER_STATES, kind)) {
    return { name: 'hazard-supervision', query: { state: ORDER_STATES[kind] } }
  }
  if (kind === 'whistle.todo') return { name: 'whistles', query: { todo: '1' } }
  // The bureau's groups: the board ranks the schools; today's reports are the newest first.
  if (kind === 'hazard.schools') return { name: 'hazard-board' }
  if (kind === 'hazard.today') return { name: 'hazards', query: { sort: '-found_at' } }
  if (kind.startsWith('hazard.')) return { name: 'hazards' }
  if (kind.startsWith('supervision.')) return { name: 'hazard-supervision' }
  if (kind.startsWith('whistle.')) return { name: 'whistles' }
  if (kind.startsWith('audit.')) return { name: 'audit' }
  if (kind === LESSONS) return { name: 'edu-calendar' }
  if (kind === LETTERS) return { name: 'edu-letters' }
  if (isJoint(kind)) return { name: 'edu-joint' }
  // 今日1530安全提醒: the teacher's page, today's reminders on top.
  if (isEdu(kind)) return { name: 'edu-1530' }
  // 校车待处理: the registry, on its first tab (线路).
  if (isBus(kind)) return { name: 'bus' }
  if (kind === GUIDE) return { name: 'traffic-guide' }
  if (kind === EMERGENCY) return { name: 'emergency-setup' }
  if (kind === TRAINING) return { name: 'training-staff' }
  if (kind === OFFICE) return { name: 'training-office' }
  if (kind === DUTY_SIGN) return { name: 'duty-mine' }
  if (kind === DUTY_PENDING) return { name: 'duty-lists' }
  if (kind === DUTY_AREAS) return { name: 'duty-areas' }
  if (kind === DUTY_COVERAGE) return { name: 'duty-supervision-coverage' }
  if (kind === DUTY_WORK) return { name: 'duty-work-mine' }
  if (kind === DUTY_WORK_OVERDUE) return { name: 'duty-work-board' }
  if (kind === MINORS_GRANTS) return minorsApprove()
  return null
}

/** The groups with something to do, in the server's order, and those with nothing (shown folded). */
export function splitGroups(groups: readonly TaskGroup[]): { busy: TaskGroup[]; idle: TaskGroup[] } {
  return { busy: groups.filter((g) => g.count > 0), idle: groups.filter((g) => g.count <= 0) }
}
