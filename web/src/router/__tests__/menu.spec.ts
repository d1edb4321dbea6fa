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
    expect(menu.map((s) => s.group)).toEqual(['home', 'system'])
    expect(menu[1].items.map((i) => i.name)).toEqual(['audit'])
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
    expect(order).toEqual(['home', 'hazards', 'drills', 'education', 'system'])
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

  it('never lists routes that are not menu entries', () => {
    const all = buildMenu(layoutChildren, () => true).flatMap((s) => s.items.map((i) => i.name))
    expect(all).not.toContain('school-detail')
    expect(all).not.toContain('not-found')
    expect(all).not.toContain('profile')
    expect(all).not.toContain('drill-detail')
    expect(all).not.toContain('drill-edit')
  })
})
