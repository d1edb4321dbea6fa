import { describe, expect, it } from 'vitest'
import type { TaskGroup } from '@/api/tasks'
import { groupRoute, itemRoute, splitGroups } from '../tasks'

const group = (kind: string, count: number): TaskGroup => ({ kind, label: kind, count, overdue: 0, items: [] })

describe('我的待办 links', () => {
  it('opens a hazard, a supervision order’s hazard and a whistle', () => {
    const base = { title: 't', school_name: 's', due: '', overdue: false }
    expect(itemRoute({ ...base, subject_type: 'hazard', subject_id: 41 })).toEqual({ name: 'hazard-detail', params: { id: '41' } })
    expect(itemRoute({ ...base, subject_type: 'hazard', subject_id: 43, order_id: 12 })).toEqual({
      name: 'hazard-detail',
      params: { id: '43' },
    })
    expect(itemRoute({ ...base, subject_type: 'whistle', subject_id: 7 })).toEqual({ name: 'whistle-detail', params: { id: '7' } })
    expect(itemRoute({ ...base, subject_type: 'audit', subject_id: 176 })).toEqual({ name: 'audit' })
    expect(itemRoute({ ...base, subject_type: 'school', subject_id: 21 })).toEqual({ name: 'hazards', query: { school_id: '21', overdue: 'true' } })
    expect(itemRoute({ ...base, subject_type: 'drill', subject_id: 1 })).toBeNull()
  })

  it('opens each group’s list with its filter', () => {
    expect(groupRoute(group('hazard.assign', 1))).toEqual({ name: 'hazards', query: { state: 'reported' } })
    expect(groupRoute(group('hazard.rectify', 1))).toEqual({ name: 'hazards', query: { state: 'assigned,rectifying' } })
    expect(groupRoute(group('hazard.verify', 1))).toEqual({ name: 'hazards', query: { state: 'submitted' } })
    expect(groupRoute(group('hazard.close', 1))).toEqual({ name: 'hazards', query: { state: 'verified' } })
    expect(groupRoute(group('supervision.reply', 1))).toEqual({ name: 'hazard-supervision', query: { state: 'open' } })
    expect(groupRoute(group('supervision.close', 1))).toEqual({ name: 'hazard-supervision', query: { state: 'replied' } })
    expect(groupRoute(group('supervision.late', 1))).toEqual({ name: 'hazard-supervision', query: { state: 'open' } })
    expect(groupRoute(group('whistle.todo', 1))).toEqual({ name: 'whistles', query: { todo: '1' } })
    expect(groupRoute(group('hazard.schools', 1))).toEqual({ name: 'hazard-board' })
    expect(groupRoute(group('hazard.today', 1))).toEqual({ name: 'hazards', query: { sort: '-found_at' } })
    expect(groupRoute(group('audit.verify', 1))).toEqual({ name: 'audit' })
    expect(groupRoute(group('audit.refused', 1))).toEqual({ name: 'audit' })
    // A kind added later still leads to its list, unfiltered; an unknown area to none.
    expect(groupRoute(group('hazard.reopen', 1))).toEqual({ name: 'hazards' })
    expect(groupRoute(group('drill.due', 1))).toBeNull()
  })

  it('leads a class teacher’s 今日1530安全提醒 to the 1530 page, from 查看全部 and from each item', () => {
    const edu: TaskGroup = { kind: 'edu.1530', label: '今日1530安全提醒', count: 2, overdue: 0, items: [] }
    expect(groupRoute(edu)).toEqual({ name: 'edu-1530' })
    // A kind added later to the same area still leads there.
    expect(groupRoute(group('edu.late', 1))).toEqual({ name: 'edu-1530' })
    const base = { title: '三年级2班 每日放学前1分钟', school_name: '示范区双桥小学', due: '2026-12-07', overdue: false }
    // Whatever the subject of the group's items (a class, a session), they open the page.
    expect(itemRoute({ ...base, subject_type: 'class', subject_id: 7 })).toEqual({ name: 'edu-1530' })
    // A school's safety education still to do opens its education calendar.
    const lessons: TaskGroup = { kind: 'edu.lessons', label: '安全教育待完成', count: 1, overdue: 0, items: [] }
    expect(groupRoute(lessons)).toEqual({ name: 'edu-calendar' })
    expect(itemRoute({ ...base, subject_type: 'edu_calendar', subject_id: 22 }, lessons)).toEqual({
      name: 'edu-calendar',
      query: { school_id: '22' },
    })
    // A letter still short of receipts opens the letter; the group, the school's letters.
    const letters: TaskGroup = { kind: 'edu.letters', label: '家长信回执未齐', count: 2, overdue: 0, items: [] }
    expect(groupRoute(letters)).toEqual({ name: 'edu-letters' })
    expect(itemRoute({ ...base, subject_type: 'edu_letter', subject_id: 9 }, letters)).toEqual({ name: 'edu-letter', params: { id: '9' } })
    expect(itemRoute({ ...base, subject_type: 'edu_letter', subject_id: 9 })).toEqual({ name: 'edu-letter', params: { id: '9' } })
    expect(itemRoute({ ...base, subject_type: 'edu.session', subject_id: 7 })).toEqual({ name: 'edu-1530' })
    expect(itemRoute({ ...base, subject_type: 'session', subject_id: 7 }, edu)).toEqual({ name: 'edu-1530' })
    // Other groups' items are not affected by the group given.
    expect(itemRoute({ ...base, subject_type: 'hazard', subject_id: 41 }, group('hazard.rectify', 1))).toEqual({ name: 'hazard-detail', params: { id: '41' } })
  })

  it('leads a class teacher’s 防溺水提醒 (edu.drowning) to the 1530 page, where the warnings are given, from 查看全部 and from each item', () => {
    const drowning: TaskGroup = { kind: 'edu.drowning', label: '防溺水提醒', count: 2, overdue: 1, items: [] }
    expect(groupRoute(drowning)).toEqual({ name: 'edu-1530' })
    const today = { subject_type: 'edu_class', subject_id: 7, title: '2班 防溺水提醒', school_name: '示范区双桥小学', due: '2026-06-05', overdue: false }
    const late = { ...today, title: '2班 防溺水提醒（待补录）', due: '2026-06-04', overdue: true }
    expect(itemRoute(today, drowning)).toEqual({ name: 'edu-1530' })
    expect(itemRoute(late, drowning)).toEqual({ name: 'edu-1530' })
  })

  it('leads 联防联控 (edu.joint, edu.joint.overdue) to the joint task page, not the 1530 page: the list from 查看全部, the task from each item', () => {
    const todo: TaskGroup = { kind: 'edu.joint', label: '联防联控任务待报告', count: 1, overdue: 0, items: [] }
    const overdue: TaskGroup = { kind: 'edu.joint.overdue', label: '联防联控任务逾期未报告', count: 1, overdue: 1, items: [] }
    expect(groupRoute(todo)).toEqual({ name: 'edu-joint' })
    expect(groupRoute(overdue)).toEqual({ name: 'edu-joint' })
    // A kind added later to the same area still leads there; other edu.* kinds keep theirs.
    expect(groupRoute(group('edu.joint.soon', 1))).toEqual({ name: 'edu-joint' })
    expect(groupRoute(group('edu.jointly', 1))).toEqual({ name: 'edu-1530' })
    expect(groupRoute(group('edu.drowning', 1))).toEqual({ name: 'edu-1530' })
    const item = { subject_type: 'edu_joint_task', subject_id: 12, title: '暑期水域巡查', school_name: '示范区教育局', due: '2026-07-10', overdue: false }
    expect(itemRoute(item, todo)).toEqual({ name: 'edu-joint-task', params: { id: '12' } })
    expect(itemRoute({ ...item, title: '暑期水域巡查（2 个单位未报告）', overdue: true }, overdue)).toEqual({ name: 'edu-joint-task', params: { id: '12' } })
    // By its subject alone, too (no group given).
    expect(itemRoute(item)).toEqual({ name: 'edu-joint-task', params: { id: '12' } })
    // The 1530 groups are not affected.
    expect(itemRoute({ ...item, subject_type: 'edu_class', subject_id: 7 }, group('edu.drowning', 1))).toEqual({ name: 'edu-1530' })
  })

  it('leads 校车待处理 (bus.checks) to 校车台账: each vehicle, driver or route on its tab with its form open, 查看全部 to the registry', () => {
    const bus: TaskGroup = { kind: 'bus.checks', label: '校车待处理', count: 3, overdue: 2, items: [] }
    expect(groupRoute(bus)).toEqual({ name: 'bus' })
    // A kind added later to the same area still leads there.
    expect(groupRoute(group('bus.expiring', 1))).toEqual({ name: 'bus' })
    const base = { title: '校车 浙A52702：校车标牌已过期（2026-11-30）', school_name: '示范区双桥小学', due: '', overdue: true }
    expect(itemRoute({ ...base, subject_type: 'bus_vehicle', subject_id: 12 }, bus)).toEqual({ name: 'bus', query: { tab: 'vehicles', id: '12' } })
    const driver = { ...base, title: '校车驾驶人 李卫东：体检将于 2026-12-20 到期', overdue: false, subject_type: 'bus_driver', subject_id: 22 }
    expect(itemRoute(driver, bus)).toEqual({ name: 'bus', query: { tab: 'drivers', id: '22' } })
    expect(itemRoute({ ...base, title: '校车线路 双桥—河西线：未配备照管人员', subject_type: 'bus_route', subject_id: 42 }, bus)).toEqual({
      name: 'bus',
      query: { tab: 'routes', id: '42' },
    })
    // By its subject alone, too (no group given).
    expect(itemRoute({ ...base, subject_type: 'bus_vehicle', subject_id: 12 })).toEqual({ name: 'bus', query: { tab: 'vehicles', id: '12' } })
    // A subject the page does not know, or no id: the registry.
    expect(itemRoute({ ...base, subject_type: 'bus_stop', subject_id: 5 }, bus)).toEqual({ name: 'bus' })
    expect(itemRoute({ ...base, subject_type: 'bus_vehicle', subject_id: 0 }, bus)).toEqual({ name: 'bus' })
    // Other subjects keep their pages.
    expect(itemRoute({ ...base, subject_type: 'hazard', subject_id: 41 }, bus)).toEqual({ name: 'hazard-detail', params: { id: '41' } })
    expect(itemRoute({ ...base, subject_type: 'drill', subject_id: 1 })).toBeNull()
  })

  it('leads 一校一策待处理 (traffic.guide) to the school’s guide, from 查看全部 and from each item', () => {
    const base = { title: '交通安全一校一策未发布（2026—2027学年第一学期）', school_name: '示范区双桥小学', due: '', overdue: false }
    const guide: TaskGroup = { kind: 'traffic.guide', label: '一校一策待处理', count: 2, overdue: 0, items: [] }
    expect(groupRoute(guide)).toEqual({ name: 'traffic-guide' })
    expect(itemRoute({ ...base, subject_type: 'traffic_guide', subject_id: 21 }, guide)).toEqual({ name: 'traffic-guide', query: { unit_id: '21' } })
    const needs = { ...base, title: '有 1 项交通设施需求尚未报送交警', subject_type: 'traffic_guide', subject_id: 21 }
    expect(itemRoute(needs)).toEqual({ name: 'traffic-guide', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'traffic_guide', subject_id: 0 }, guide)).toEqual({ name: 'traffic-guide' })
    // Other groups of the traffic area are not the guide's.
    expect(groupRoute(group('traffic.ebikes', 1))).toBeNull()
  })

  it('leads 应急体系待完善 (emergency.setup) to the school’s setup, from 查看全部 and from each item', () => {
    const base = { title: '最小应急单元：保安员、教职工、周边志愿者人数和联系方式：周边商户志愿者 0 人，少于 1 人', school_name: '示范区双桥小学', due: '', overdue: true }
    const setup: TaskGroup = { kind: 'emergency.setup', label: '应急体系待完善', count: 1, overdue: 1, items: [] }
    expect(groupRoute(setup)).toEqual({ name: 'emergency-setup' })
    expect(itemRoute({ ...base, subject_type: 'emergency_setup', subject_id: 21 }, setup)).toEqual({ name: 'emergency-setup', query: { unit_id: '21' } })
    // By its subject alone, too (no group given).
    expect(itemRoute({ ...base, subject_type: 'emergency_setup', subject_id: 21 })).toEqual({ name: 'emergency-setup', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'emergency_setup', subject_id: 0 }, setup)).toEqual({ name: 'emergency-setup' })
    // Other groups of the area are not the setup's.
    expect(groupRoute(group('emergency.drills', 1))).toBeNull()
  })

  it('leads 培训待办 (training.due) to the school’s key-post staff, from 查看全部 and from each item', () => {
    const base = { title: '重点岗位人员 1 人逾期未参加轮训：张强（消防安全）', school_name: '示范区双桥小学', due: '', overdue: true }
    const due: TaskGroup = { kind: 'training.due', label: '培训待办', count: 1, overdue: 1, items: [] }
    expect(groupRoute(due)).toEqual({ name: 'training-staff' })
    expect(itemRoute({ ...base, subject_type: 'training_staff', subject_id: 21 }, due)).toEqual({ name: 'training-staff', query: { unit_id: '21' } })
    // By its subject alone, too (no group given).
    expect(itemRoute({ ...base, subject_type: 'training_staff', subject_id: 21 })).toEqual({ name: 'training-staff', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'training_staff', subject_id: 0 }, due)).toEqual({ name: 'training-staff' })
    // Other groups of the area are not the due list's.
    expect(groupRoute(group('training.sessions', 1))).toBeNull()
  })

  it('leads 安全监管机构待充实 (staffing.office) to the school’s safety office, from 查看全部 and from each item', () => {
    const base = { title: '学校安全监管机构人员配备：专职 0 人，少于 1 人', school_name: '示范区双桥小学', due: '', overdue: true }
    const office: TaskGroup = { kind: 'staffing.office', label: '安全监管机构待充实', count: 1, overdue: 1, items: [] }
    expect(groupRoute(office)).toEqual({ name: 'training-office' })
    expect(itemRoute({ ...base, subject_type: 'safety_office', subject_id: 21 }, office)).toEqual({ name: 'training-office', query: { unit_id: '21' } })
    // By its subject alone, too (no group given).
    expect(itemRoute({ ...base, subject_type: 'safety_office', subject_id: 21 })).toEqual({ name: 'training-office', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'safety_office', subject_id: 0 }, office)).toEqual({ name: 'training-office' })
    // Other groups of the area are not the office's.
    expect(groupRoute(group('staffing.board', 1))).toBeNull()
  })

  it('leads 未成年人信息查阅待审批 (minors.grants) to the 待我审批 tab, from 查看全部 and from each item', () => {
    const waiting: TaskGroup = { kind: 'minors.grants', label: '未成年人信息查阅待审批', count: 1, overdue: 0, items: [] }
    const item = { subject_type: 'minors_grant', subject_id: 5, title: '安全科 周科长申请查阅家长回执名单', school_name: '示范区双桥小学', due: '', overdue: false }
    expect(groupRoute(waiting)).toEqual({ name: 'minors', query: { tab: 'approve' } })
    expect(itemRoute(item, waiting)).toEqual({ name: 'minors', query: { tab: 'approve' } })
    expect(itemRoute(item)).toEqual({ name: 'minors', query: { tab: 'approve' } })
    expect(groupRoute(group('minors.report', 1))).toBeNull()
  })

  it('folds the groups with nothing to do, keeping the server’s order', () => {
    const { busy, idle } = splitGroups([group('hazard.assign', 0), group('hazard.verify', 3), group('whistle.todo', 1)])
    expect(busy.map((g) => g.kind)).toEqual(['hazard.verify', 'whistle.todo'])
    expect(idle.map((g) => g.kind)).toEqual(['hazard.assign'])
  })
})
