import { describe, expect, it } from 'vitest'
import { buildMenu } from '../menu'
import { layoutChildren } from '../routes'
import { perm } from '@/utils/permissions'

function canWith(perms: string[]) {
  const set = new Set(perms)
  return (p: string | string[] | undefined) => !p || (Array.isArray(p) ? p : [p]).some((x) => set.has(x))
}

describe('sidebar menu', () => {
  it('shows only the items whose permission the user holds', () => {
    const menu = buildMenu(layoutChildren, canWith([perm.auditRead, perm.auditExport]))
    // 我的职责清单 needs only a login (its unit, a school, is not known here: it shows).
    expect(menu.map((s) => s.group)).toEqual(['home', 'duties', 'system'])
    expect(menu[1].items.map((i) => i.name)).toEqual(['duty-mine'])
    // 未成年人信息查阅: the auditor reads its yearly report.
    expect(menu[2].items.map((i) => i.name)).toEqual(['minors', 'audit'])
    expect(buildMenu(layoutChildren, canWith([perm.auditRead, perm.auditExport]), 'bureau').map((s) => s.group)).toEqual(['home', 'system'])
  })

  it('groups items in the order of the spec and hides empty groups', () => {
    const menu = buildMenu(
      layoutChildren,
      canWith([perm.schoolRead, perm.unitRead, perm.departmentRead, perm.userRead, perm.roleRead]),
    )
    const system = menu.find((s) => s.group === 'system')
    expect(system?.items.map((i) => i.name)).toEqual(['org', 'schools', 'departments', 'users', 'roles'])
    expect(menu.find((s) => s.group === 'hazards')).toBeUndefined()
  })

  it('shows the rules catalog under 系统管理 to whoever holds the hazard ledger or the calendar', () => {
    const names = (perms: string[]) => buildMenu(layoutChildren, canWith(perms)).flatMap((s) => s.items.map((i) => i.name))
    expect(names([perm.hazardRead])).toContain('rules')
    expect(names([perm.calendarRead])).toContain('rules')
    expect(names([perm.regionRead, perm.departmentRead])).not.toContain('rules') // 部门联络员
    expect(names([perm.auditRead])).not.toContain('rules')
    const system = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.schoolRead])).find((s) => s.group === 'system')
    expect(system?.items.map((i) => i.name)).toEqual(['schools', 'rules'])
  })

  it('groups the drills under 应急演练: the records and plans for readers, 记录演练 for recorders, the boards and the year plan for rules:read', () => {
    const drills = (perms: string[]) => buildMenu(layoutChildren, canWith(perms)).find((s) => s.group === 'drills')?.items.map((i) => i.name)
    expect(drills([perm.drillRead])).toEqual(['drills', 'drill-plans'])
    expect(drills([perm.drillRead, perm.drillRecord, perm.rulesRead])).toEqual(['drills', 'drill-plans', 'drill-new', 'drill-board', 'plan-board', 'plan'])
    expect(drills([perm.rulesRead])).toEqual(['drill-board', 'plan-board', 'plan'])
    expect(drills([perm.hazardRead])).toBeUndefined()
    const order = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.drillRead, perm.calendarRead])).map((s) => s.group)
    expect(order).toEqual(['home', 'hazards', 'drills', 'education', 'duties', 'system'])
  })

  it('lists 检查表 under 隐患排查 for checklist:read, after the ledger’s pages', () => {
    const hazards = (perms: string[]) => buildMenu(layoutChildren, canWith(perms)).find((s) => s.group === 'hazards')?.items.map((i) => i.name)
    expect(hazards([perm.checklistRead])).toEqual(['checklists'])
    expect(hazards([perm.hazardRead, perm.checklistRead, perm.checklistManage])).toEqual([
      'hazards',
      'hazard-supervision',
      'hazard-board',
      'hazard-rules',
      'checklists',
    ])
    expect(hazards([perm.drillRead])).toBeUndefined()
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    for (const page of ['checklist-new', 'checklist-detail', 'checklist-edit']) expect(all).not.toContain(page)
  })

  it('lists 日常巡查’s tasks, plans and records under 隐患排查 for patrol:read, after the checklists', () => {
    const hazards = (perms: string[]) => buildMenu(layoutChildren, canWith(perms)).find((s) => s.group === 'hazards')?.items.map((i) => i.name)
    expect(hazards([perm.patrolRead])).toEqual(['patrols', 'patrol-plans', 'patrol-records'])
    expect(hazards([perm.checklistRead, perm.patrolRead, perm.patrolRecord])).toEqual(['checklists', 'patrols', 'patrol-plans', 'patrol-records'])
    expect(hazards([perm.patrolRecord])).toBeUndefined()
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    for (const page of ['patrol-record', 'patrol-place', 'patrol-qr']) expect(all).not.toContain(page)
  })

  it('lists 四个100% under its group: the own record for a school’s staff, the board for the bureau, 筛查轮次 for both', () => {
    const screening = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'screening')?.items.map((i) => i.name)
    expect(screening([perm.securityRead, perm.securityRecord], 'school')).toEqual(['security', 'security-rounds'])
    expect(screening([perm.securityRead], 'bureau')).toEqual(['security-board', 'security-rounds'])
    expect(screening([perm.securityRead])).toEqual(['security', 'security-board', 'security-rounds'])
    expect(screening([perm.hazardRead], 'school')).toBeUndefined()
    const order = buildMenu(layoutChildren, canWith([perm.campaignRead, perm.securityRead, perm.drillRead]), 'bureau').map((s) => s.group)
    expect(order).toEqual(['home', 'campaigns', 'screening', 'drills', 'system'])
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    for (const page of ['security-record', 'security-round', 'security-screening']) expect(all).not.toContain(page)
  })

  it('lists 吹哨报到 for whistle:read: 吹哨事项 for all, 定期报告 for schools and the bureau, 部门统计 for the bureau, 派送规则 for whistle:route', () => {
    const whistle = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'whistle')?.items.map((i) => i.name)
    expect(whistle([perm.whistleRead, perm.whistleRaise], 'school')).toEqual(['whistles', 'whistle-reports'])
    expect(whistle([perm.whistleRead, perm.whistleRespond], 'department')).toEqual(['whistles'])
    expect(whistle([perm.whistleRead], 'section')).toEqual(['whistles', 'whistle-stats', 'whistle-report-board'])
    expect(whistle([perm.whistleRead, perm.whistleRoute], 'bureau')).toEqual(['whistles', 'whistle-stats', 'whistle-report-board', 'whistle-routes'])
    expect(whistle([perm.hazardRead], 'bureau')).toBeUndefined()
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    expect(all).not.toContain('whistle-detail')
  })

  it('lists 1530安全提醒 and 安全教育 under 1530与安全教育: the check-in for edu:checkin, the completion, the reminder texts, the records, the education calendar, the letters to the parents, the water nearby and the drowning warnings for edu:read, the classes but for a school’s teachers', () => {
    const education = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'education')?.items.map((i) => i.name)
    // A class teacher: their reminders, the completion, the reminder texts, the records, the
    // education calendar, the letters (their classes' links) and the water near the school to
    // read, not the classes (nothing to edit there).
    expect(education([perm.eduRead, perm.eduCheckin], 'school')).toEqual([
      'edu-1530',
      'edu-1530-completion',
      'edu-1530-contents',
      'edu-lessons',
      'edu-calendar',
      'edu-letters',
      'edu-waters',
      'edu-drowning',
    ])
    // A school's safety officer: all of them, then the school calendar.
    expect(education([perm.eduRead, perm.eduClasses, perm.eduCheckin, perm.eduLessons, perm.calendarRead], 'school')).toEqual([
      'edu-1530',
      'edu-1530-completion',
      'edu-1530-contents',
      'edu-classes',
      'edu-lessons',
      'edu-calendar',
      'edu-letters',
      'edu-waters',
      'edu-drowning',
      'calendar',
    ])
    // The bureau's safety office and a section, who check nothing in.
    expect(education([perm.eduRead, perm.eduClasses, perm.eduLessons, perm.eduContent], 'bureau')).toEqual([
      'edu-1530-completion',
      'edu-1530-contents',
      'edu-classes',
      'edu-lessons',
      'edu-calendar',
      'edu-letters',
      'edu-waters',
      'edu-drowning',
      'edu-joint',
    ])
    expect(education([perm.eduRead], 'section')).toEqual([
      'edu-1530-completion',
      'edu-1530-contents',
      'edu-classes',
      'edu-lessons',
      'edu-calendar',
      'edu-letters',
      'edu-waters',
      'edu-drowning',
      'edu-joint',
    ])
    // 联防联控: for edu:read or edu:joint (a department's liaison, who reads nothing else here), not
    // in a school's menu (a school is given no tasks).
    expect(education([perm.eduJoint], 'department')).toEqual(['edu-joint'])
    expect(education([perm.eduJoint])).toEqual(['edu-joint'])
    expect(education([perm.eduRead, perm.eduJoint], 'department')).toContain('edu-joint')
    // Recording or editing texts alone opens no page: the records and texts are read with edu:read.
    expect(education([perm.eduLessons], 'school')).toBeUndefined()
    expect(education([perm.eduContent], 'bureau')).toBeUndefined()
    expect(education([perm.hazardRead], 'school')).toBeUndefined()
    const order = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.eduRead, perm.eduCheckin]), 'school').map((s) => s.group)
    // 责任清单: a school's staff find 我的职责清单 there.
    expect(order).toEqual(['home', 'hazards', 'education', 'duties'])
  })

  it('lists 校车台账 under 交通与校车 for bus:read, and 校车底数 for the units above the schools', () => {
    const traffic = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'traffic')?.items.map((i) => i.name)
    expect(traffic([perm.busRead, perm.busManage], 'school')).toEqual(['bus'])
    expect(traffic([perm.busRead, perm.busManage], 'bureau')).toEqual(['bus', 'bus-survey'])
    expect(traffic([perm.busRead], 'section')).toEqual(['bus', 'bus-survey'])
    expect(traffic([perm.busRead])).toEqual(['bus', 'bus-survey'])
    // Registering alone opens no page: the registry is read with bus:read.
    expect(traffic([perm.busManage], 'school')).toBeUndefined()
    expect(traffic([perm.eduRead, perm.hazardRead], 'school')).toBeUndefined()
    const order = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.eduRead, perm.busRead]), 'bureau').map((s) => s.group)
    expect(order).toEqual(['home', 'hazards', 'education', 'traffic', 'system'])
  })

  it('lists 校园交通 under 交通与校车 for traffic:read, after the bus pages, and 门岗核验 for traffic:gate', () => {
    const traffic = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'traffic')?.items.map((i) => i.name)
    expect(traffic([perm.trafficRead, perm.trafficManage, perm.trafficGate], 'school')).toEqual(['traffic-campus', 'traffic-gate', 'traffic-guide'])
    expect(traffic([perm.busRead, perm.busManage, perm.trafficRead, perm.trafficManage, perm.trafficGate], 'school')).toEqual([
      'bus',
      'traffic-campus',
      'traffic-gate',
      'traffic-guide',
    ])
    expect(traffic([perm.busRead, perm.trafficRead, perm.trafficManage], 'bureau')).toEqual(['bus', 'bus-survey', 'traffic-campus', 'traffic-guide', 'traffic-guides'])
    expect(traffic([perm.trafficRead], 'section')).toEqual(['traffic-campus', 'traffic-guide', 'traffic-guides'])
    // Registering alone opens no page: the registry is read with traffic:read.
    expect(traffic([perm.trafficManage], 'school')).toBeUndefined()
    expect(traffic([perm.trafficGate], 'school')).toEqual(['traffic-gate'])
    const order = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.trafficRead]), 'bureau').map((s) => s.group)
    expect(order).toEqual(['home', 'hazards', 'traffic', 'system'])
  })

  it('lists 一校一策 for traffic:read, and 一校一策总览 for the units above the schools; never the paper for the parents', () => {
    const traffic = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'traffic')?.items.map((i) => i.name) ?? []
    expect(traffic([perm.trafficRead], 'school')).toEqual(['traffic-campus', 'traffic-guide'])
    for (const unit of ['bureau', 'section']) expect(traffic([perm.trafficRead], unit), unit).toEqual(['traffic-campus', 'traffic-guide', 'traffic-guides'])
    expect(traffic([perm.trafficManage, perm.whistleRaise], 'school')).toEqual([])
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    expect(all).not.toContain('traffic-guide-print')
  })

  it('lists 应急体系 under 培训与应急 for emergency:read, and 应急体系总览 for the units above the schools; never the card', () => {
    const training = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'training')?.items.map((i) => i.name) ?? []
    expect(training([perm.emergencyRead], 'school')).toEqual(['emergency-setup'])
    expect(training([perm.emergencyRead, perm.emergencyManage], 'school')).toEqual(['emergency-setup'])
    for (const unit of ['bureau', 'section']) expect(training([perm.emergencyRead], unit), unit).toEqual(['emergency-setup', 'emergency-setups'])
    // Writing alone opens no page: the setup is read with emergency:read.
    expect(training([perm.emergencyManage], 'school')).toEqual([])
    const order = buildMenu(layoutChildren, canWith([perm.hazardRead, perm.trafficRead, perm.emergencyRead]), 'bureau').map((s) => s.group)
    expect(order).toEqual(['home', 'hazards', 'traffic', 'training', 'system'])
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    expect(all).not.toContain('emergency-card')
  })

  it('lists 重点岗位人员, 培训记录 and 安全监管机构 under 培训与应急 for training:read, and 轮训看板 and 队伍建设看板 for the units above the schools', () => {
    const training = (perms: string[], unit?: string) =>
      buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'training')?.items.map((i) => i.name) ?? []
    expect(training([perm.trainingRead], 'school')).toEqual(['training-staff', 'training-sessions', 'training-office'])
    expect(training([perm.trainingRead, perm.trainingManage], 'school')).toEqual(['training-staff', 'training-sessions', 'training-office'])
    for (const unit of ['bureau', 'section']) {
      expect(training([perm.trainingRead], unit), unit).toEqual(['training-staff', 'training-sessions', 'training-board', 'training-office', 'training-offices-board'])
    }
    // Writing alone opens no page: the staff and sessions are read with training:read.
    expect(training([perm.trainingManage], 'school')).toEqual([])
    expect(training([perm.emergencyRead, perm.trainingRead], 'bureau')).toEqual([
      'emergency-setup',
      'emergency-setups',
      'training-staff',
      'training-sessions',
      'training-board',
      'training-office',
      'training-offices-board',
    ])
  })

  it('never lists routes that are not menu entries', () => {
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    expect(all).not.toContain('school-detail')
    expect(all).not.toContain('not-found')
    expect(all).not.toContain('profile')
    expect(all).not.toContain('drill-detail')
    expect(all).not.toContain('drill-edit')
    expect(all).not.toContain('edu-letter')
    expect(all).not.toContain('parent-letter')
  })
})

// The demo roles' permissions and units, as the server grants them (xiaoan demo).
const demoRoles: Record<string, { unit: string; perms: string[] }> = {
  sysadmin: {
    unit: 'bureau',
    perms: ['calendar:holidays', 'calendar:read', 'department:read', 'department:write', 'region:read', 'region:write', 'school:export', 'school:import',
      'school:read', 'school:write', 'unit:read', 'unit:write', 'user:read', 'user:write'],
  },
  secadmin: { unit: 'bureau', perms: ['policy:read', 'policy:write', 'role:read', 'role:write', 'user:read'] },
  auditor: { unit: 'bureau', perms: ['audit:export', 'audit:read'] },
  safety_office: {
    unit: 'bureau',
    perms: ['calendar:read', 'calendar:write', 'campaign:inspect', 'campaign:manage', 'campaign:read', 'checklist:manage', 'checklist:read',
      'department:read', 'drill:read', 'drill:record', 'hazard:assign', 'hazard:configure', 'hazard:read', 'hazard:reopen', 'hazard:report',
      'hazard:supervise', 'hazard:verify', 'patrol:manage', 'patrol:read', 'region:read', 'rules:configure', 'rules:read', 'school:export',
      'school:import', 'school:read', 'school:write', 'security:read', 'security:record', 'unit:read', 'whistle:read', 'whistle:route',
      'edu:read', 'edu:classes', 'edu:lessons', 'edu:content', 'bus:read', 'bus:manage', 'traffic:read', 'traffic:manage', 'emergency:read',
      'emergency:manage', 'training:read', 'training:manage'],
  },
  section_basic: {
    unit: 'section',
    perms: ['calendar:read', 'campaign:read', 'checklist:read', 'department:read', 'drill:read', 'hazard:read', 'patrol:read', 'region:read',
      'rules:read', 'school:export', 'school:read', 'security:read', 'unit:read', 'whistle:read', 'edu:read', 'bus:read', 'traffic:read',
      'emergency:read', 'training:read'],
  },
  inspector: {
    unit: 'bureau',
    perms: ['calendar:read', 'campaign:inspect', 'campaign:read', 'checklist:read', 'department:read', 'drill:read', 'hazard:read', 'hazard:report',
      'hazard:supervise', 'hazard:verify', 'patrol:read', 'region:read', 'rules:read', 'school:read', 'security:read', 'unit:read', 'whistle:read',
      'edu:read', 'bus:read', 'traffic:read', 'emergency:read', 'training:read'],
  },
  school1_safety: {
    unit: 'school',
    perms: ['calendar:read', 'calendar:write', 'campaign:fill', 'campaign:read', 'checklist:read', 'drill:read', 'drill:record', 'hazard:assign',
      'hazard:read', 'hazard:rectify', 'hazard:reply', 'hazard:report', 'hazard:verify', 'patrol:manage', 'patrol:read', 'patrol:record',
      'region:read', 'rules:read', 'school:export', 'school:read', 'security:read', 'security:record', 'whistle:raise', 'whistle:read',
      'edu:read', 'edu:classes', 'edu:checkin', 'edu:lessons', 'bus:read', 'bus:manage', 'traffic:read', 'traffic:manage', 'traffic:gate',
      'emergency:read', 'emergency:manage', 'training:read', 'training:manage'],
  },
  school1_leader: {
    unit: 'school',
    perms: ['calendar:read', 'calendar:write', 'campaign:fill', 'campaign:read', 'checklist:read', 'drill:read', 'drill:record', 'hazard:assign',
      'hazard:close', 'hazard:read', 'hazard:rectify', 'hazard:reply', 'hazard:report', 'hazard:verify', 'patrol:manage', 'patrol:read',
      'patrol:record', 'region:read', 'rules:read', 'school:export', 'school:read', 'school:write', 'security:read', 'security:record',
      'whistle:raise', 'whistle:read', 'edu:read', 'edu:classes', 'edu:checkin', 'edu:lessons', 'bus:read', 'bus:manage',
      'traffic:read', 'traffic:manage', 'traffic:gate', 'emergency:read', 'emergency:manage', 'training:read', 'training:manage',
      'minors:grant'],
  },
  school1_teacher: {
    unit: 'school',
    perms: ['calendar:read', 'campaign:read', 'checklist:read', 'drill:read', 'hazard:read', 'hazard:rectify', 'hazard:report', 'patrol:read',
      'patrol:record', 'region:read', 'school:read', 'edu:read', 'edu:checkin', 'emergency:read'],
  },
  dept1_liaison: { unit: 'department', perms: ['department:read', 'region:read', 'whistle:read', 'whistle:respond', 'edu:joint'] },
}

describe('sidebar per demo role', () => {
  const sidebar = (who: string) => {
    const r = demoRoles[who]
    return buildMenu(layoutChildren, canWith(r.perms), r.unit)
  }
  const names = (who: string) => sidebar(who).flatMap((s) => s.items.map((i) => i.name))
  const titles = (who: string) => sidebar(who).flatMap((s) => s.items.map((i) => i.title))

  it('gives a class teacher 上报隐患 and 我的隐患, and no rules, organisation tree or bureau boards', () => {
    const items = sidebar('school1_teacher').find((s) => s.group === 'hazards')?.items ?? []
    expect(items.map((i) => i.name).slice(0, 2)).toEqual(['hazards', 'hazard-new'])
    expect(items[0].title).toBe('hazard.menu.mine')
    // 我的隐患 opens the ledger filtered to the hazards the teacher found, owns or rectified.
    expect(items[0].path).toBe('/hazards?mine=true')
    const all = names('school1_teacher')
    for (const page of ['hazard-rules', 'rules', 'org', 'hazard-board', 'hazard-supervision', 'drill-board', 'plan-board', 'security-board', 'whistle-stats']) {
      expect(all, page).not.toContain(page)
    }
    expect(titles('school1_teacher')).not.toContain('hazard.menu.list')
  })

  it('keeps the ledger, its supervision, board and rules for a school’s safety officer, without the organisation tree', () => {
    const all = names('school1_safety')
    for (const page of ['hazards', 'hazard-new', 'hazard-supervision', 'hazard-board', 'hazard-rules', 'rules', 'security']) expect(all, page).toContain(page)
    expect(all).not.toContain('org')
    expect(all).not.toContain('security-board')
    expect(sidebar('school1_safety')[1].items[0].title).toBe('hazard.menu.list')
  })

  it('keeps the bureau’s pages for the bureau', () => {
    const office = names('safety_office')
    for (const page of ['hazards', 'hazard-supervision', 'hazard-board', 'hazard-rules', 'org', 'rules', 'security-board', 'whistle-stats']) {
      expect(office, page).toContain(page)
    }
    expect(titles('safety_office')).not.toContain('hazard.menu.mine')
    const section = names('section_basic')
    for (const page of ['hazards', 'hazard-supervision', 'hazard-board', 'hazard-rules', 'org', 'rules']) expect(section, page).toContain(page)
    expect(section).not.toContain('hazard-new')
  })

  it('gives the school’s staff and the bureau the safety education records and calendar, a section too', () => {
    const education = (who: string) => sidebar(who).find((s) => s.group === 'education')?.items.map((i) => i.name) ?? []
    for (const who of ['school1_teacher', 'school1_safety', 'safety_office', 'section_basic']) {
      expect(education(who), who).toContain('edu-lessons')
      expect(education(who), who).toContain('edu-calendar')
    }
    expect(education('school1_teacher')).toEqual([
      'edu-1530',
      'edu-1530-completion',
      'edu-1530-contents',
      'edu-lessons',
      'edu-calendar',
      'edu-letters',
      'edu-waters',
      'edu-drowning',
      'calendar',
    ])
    // The letters to the parents: the school's staff and the bureau (its 各校回执率), not a department.
    for (const who of ['school1_teacher', 'school1_safety', 'safety_office', 'section_basic']) expect(education(who), who).toContain('edu-letters')
    expect(names('dept1_liaison')).not.toContain('edu-letters')
    expect(names('dept1_liaison')).not.toContain('edu-lessons')
    // The water near the schools: the school's staff and the bureau (its 各校水域), not a department.
    for (const who of ['school1_teacher', 'school1_safety', 'safety_office', 'section_basic']) expect(education(who), who).toContain('edu-waters')
    expect(names('dept1_liaison')).not.toContain('edu-waters')
    // The drowning warnings' completion and campaigns: the school's staff and the bureau, not a department.
    for (const who of ['school1_teacher', 'school1_safety', 'safety_office', 'section_basic']) expect(education(who), who).toContain('edu-drowning')
    expect(names('dept1_liaison')).not.toContain('edu-drowning')
    // 联防联控: the bureau issues and follows the tasks, a department reports; a school has none.
    for (const who of ['safety_office', 'section_basic', 'dept1_liaison']) expect(names(who), who).toContain('edu-joint')
    for (const who of ['school1_teacher', 'school1_safety']) expect(names(who), who).not.toContain('edu-joint')
    const office = education('safety_office')
    expect(office.indexOf('edu-joint')).toBe(office.indexOf('edu-drowning') + 1)
  })

  it('gives 校车台账 to the school’s leader and safety officer and to the bureau, 校车底数 to the bureau only; not to a teacher or a department', () => {
    const traffic = (who: string) => sidebar(who).find((s) => s.group === 'traffic')?.items.map((i) => i.name) ?? []
    expect(traffic('school1_safety')).toContain('bus')
    expect(traffic('school1_leader')).toContain('bus')
    expect(traffic('safety_office').slice(0, 2)).toEqual(['bus', 'bus-survey'])
    expect(traffic('inspector').slice(0, 2)).toEqual(['bus', 'bus-survey'])
    expect(traffic('section_basic').slice(0, 2)).toEqual(['bus', 'bus-survey'])
    for (const who of ['school1_safety', 'school1_leader']) expect(traffic(who), who).not.toContain('bus-survey')
    for (const who of ['school1_teacher', 'dept1_liaison', 'sysadmin', 'secadmin', 'auditor']) {
      expect(names(who), who).not.toContain('bus')
      expect(names(who), who).not.toContain('bus-survey')
    }
    expect(titles('safety_office')).toEqual(expect.arrayContaining(['bus.menu.registry', 'bus.menu.survey']))
  })

  it('gives 校园交通 to the school’s leader and safety officer and to the bureau, 门岗核验 to the school’s leader and safety officer only; neither to a teacher or a department', () => {
    const traffic = (who: string) => sidebar(who).find((s) => s.group === 'traffic')?.items.map((i) => i.name) ?? []
    expect(traffic('school1_safety')).toEqual(['bus', 'traffic-campus', 'traffic-gate', 'traffic-guide'])
    expect(traffic('school1_leader')).toEqual(['bus', 'traffic-campus', 'traffic-gate', 'traffic-guide'])
    expect(traffic('safety_office')).toEqual(['bus', 'bus-survey', 'traffic-campus', 'traffic-guide', 'traffic-guides'])
    expect(traffic('inspector')).toEqual(['bus', 'bus-survey', 'traffic-campus', 'traffic-guide', 'traffic-guides'])
    expect(traffic('section_basic')).toEqual(['bus', 'bus-survey', 'traffic-campus', 'traffic-guide', 'traffic-guides'])
    for (const who of ['school1_teacher', 'dept1_liaison', 'sysadmin', 'secadmin', 'auditor']) {
      expect(names(who), who).not.toContain('traffic-campus')
      expect(names(who), who).not.toContain('traffic-gate')
      expect(names(who), who).not.toContain('traffic-guide')
      expect(names(who), who).not.toContain('traffic-guides')
    }
    // 一校一策总览 is the bureau's.
    for (const who of ['school1_safety', 'school1_leader']) expect(names(who), who).not.toContain('traffic-guides')
    expect(titles('school1_safety')).toEqual(expect.arrayContaining(['traffic.menu.registry', 'traffic.menu.gate']))
    expect(titles('safety_office')).toContain('traffic.menu.registry')
    expect(titles('safety_office')).not.toContain('traffic.menu.gate')
  })

  it('gives 应急体系 to the school’s staff and to the bureau, 应急体系总览 to the bureau only; not to a department or the administrators', () => {
    const training = (who: string) => sidebar(who).find((s) => s.group === 'training')?.items.map((i) => i.name) ?? []
    for (const who of ['school1_safety', 'school1_leader']) {
      expect(training(who), who).toEqual(['emergency-setup', 'training-staff', 'training-sessions', 'training-office'])
    }
    expect(training('school1_teacher')).toEqual(['emergency-setup'])
    for (const who of ['safety_office', 'section_basic', 'inspector']) {
      expect(training(who), who).toEqual([
        'emergency-setup',
        'emergency-setups',
        'training-staff',
        'training-sessions',
        'training-board',
        'training-office',
        'training-offices-board',
      ])
    }
    for (const who of ['dept1_liaison', 'sysadmin', 'secadmin', 'auditor']) expect(training(who), who).toEqual([])
    expect(titles('school1_teacher')).toContain('emergency.menu.setup')
  })

  it('gives 重点岗位人员, 培训记录 and 安全监管机构 to the school’s leader and safety officer and to the bureau, 轮训看板 and 队伍建设看板 to the bureau only', () => {
    expect(titles('school1_safety')).toEqual(expect.arrayContaining(['training.menu.staff', 'training.menu.sessions', 'training.menu.office']))
    expect(titles('school1_safety')).not.toContain('training.menu.board')
    expect(titles('school1_safety')).not.toContain('training.menu.officesBoard')
    expect(titles('safety_office')).toEqual(
      expect.arrayContaining(['training.menu.staff', 'training.menu.sessions', 'training.menu.board', 'training.menu.office', 'training.menu.officesBoard']),
    )
    for (const who of ['school1_teacher', 'dept1_liaison', 'sysadmin', 'secadmin', 'auditor']) {
      for (const page of ['training-staff', 'training-sessions', 'training-board', 'training-office', 'training-offices-board']) {
        expect(names(who), `${who} ${page}`).not.toContain(page)
      }
    }
  })

  it('puts 未成年人信息查阅 under 系统管理 for the bureau, a school’s leader and the auditor, not a school’s other staff', () => {
    for (const who of ['safety_office', 'section_basic', 'inspector', 'school1_leader', 'auditor']) expect(names(who), who).toContain('minors')
    for (const who of ['school1_safety', 'school1_teacher', 'sysadmin', 'secadmin', 'dept1_liaison']) expect(names(who), who).not.toContain('minors')
    const system = sidebar('school1_leader').find((s) => s.group === 'system')?.items ?? []
    expect(system.find((i) => i.name === 'minors')).toEqual({ name: 'minors', path: '/minors', title: 'minors.menu.title', icon: 'Hide' })
  })

  it('gives the three administrators and a department only their own pages', () => {
    expect(names('sysadmin')).toEqual(['home', 'calendar', 'org', 'schools', 'departments', 'rules', 'users'])
    expect(names('secadmin')).toEqual(['home', 'users', 'roles', 'policy'])
    expect(names('auditor')).toEqual(['home', 'minors', 'audit'])
    expect(names('dept1_liaison')).toEqual(['home', 'whistles', 'edu-joint', 'departments'])
  })
})
