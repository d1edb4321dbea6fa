// 责任清单 in the sidebar: 我的职责清单 for everyone of a school (a teacher holds no duty:* permission),
// 职责清单, 三管三必须, 岗位职责模板 and 安全述职 for duty:read, 责任落实看板 for the units above the schools,
// 科室述职, 科室监管事项, 措施覆盖, 全区工作 and 全区工作看板 for the bureau and its sections only (not a cluster, a
// school or a department), 本单位工作 for the schools and the sections the bureau deploys its work to.
import { describe, expect, it } from 'vitest'
import { buildMenu } from '../menu'
import { layoutChildren } from '../routes'
import { perm } from '@/utils/permissions'

function canWith(perms: string[]) {
  const set = new Set(perms)
  return (p: string | string[] | undefined) => !p || (Array.isArray(p) ? p : [p]).some((x) => set.has(x))
}

const duties = (perms: string[], unit: string) => buildMenu(layoutChildren, canWith(perms), unit).find((s) => s.group === 'duties')?.items.map((i) => i.name) ?? []

describe('sidebar menu: 责任清单', () => {
  it('gives a school’s teacher 我的职责清单 only, and its leaders and safety officer the school’s lists too', () => {
    expect(duties([perm.hazardRead], 'school')).toEqual(['duty-mine'])
    expect(duties([perm.dutyRead, perm.dutyManage], 'school')).toEqual(['duty-mine', 'duty-lists', 'duty-areas', 'duty-templates', 'duty-year', 'duty-work-mine'])
  })

  it('gives the bureau the lists, the areas, the templates, 安全述职, 科室述职, 责任落实看板, 科室监管事项, 措施覆盖 and 全区工作, without 我的职责清单', () => {
    const office = ['duty-lists', 'duty-areas', 'duty-templates', 'duty-year', 'duty-year-section', 'duty-board', 'duty-supervision', 'duty-supervision-coverage', 'duty-work', 'duty-work-board']
    expect(duties([perm.dutyRead, perm.dutyTemplate], 'bureau')).toEqual(office)
    // A section is given work too: 本单位工作.
    expect(duties([perm.dutyRead], 'section')).toEqual([...office, 'duty-work-mine'])
    // A cluster oversees its schools, not the bureau's sections.
    expect(duties([perm.dutyRead], 'cluster')).toEqual(['duty-lists', 'duty-areas', 'duty-templates', 'duty-year', 'duty-board'])
    expect(duties([perm.hazardRead], 'bureau')).toEqual([])
    // Writing alone opens no page: the lists are read with duty:read.
    expect(duties([perm.dutyTemplate], 'bureau')).toEqual([])
    expect(duties([perm.whistleRespond], 'department')).toEqual([])
  })

  it('keeps 科室述职, 科室监管事项, 措施覆盖 and 全区工作 from a school and a department, even with duty:read', () => {
    for (const unit of ['school', 'department']) {
      const items = duties([perm.dutyRead, perm.dutyManage], unit)
      for (const name of ['duty-year-section', 'duty-supervision', 'duty-supervision-coverage', 'duty-work', 'duty-work-board']) expect(items, unit).not.toContain(name)
    }
    // 本单位工作 is not a department's, nor a cluster's, nor the bureau's own.
    for (const unit of ['department', 'cluster', 'bureau']) expect(duties([perm.dutyRead], unit), unit).not.toContain('duty-work-mine')
    expect(duties([perm.hazardRead], 'school')).not.toContain('duty-work-mine')
  })

  it('puts 责任清单 after 培训与应急, with its icons', () => {
    const order = buildMenu(layoutChildren, canWith([perm.trainingRead, perm.dutyRead]), 'school').map((s) => s.group)
    expect(order.slice(-2)).toEqual(['training', 'duties'])
    const items = buildMenu(layoutChildren, canWith([perm.dutyRead]), 'bureau').find((s) => s.group === 'duties')?.items ?? []
    expect(items.map((i) => [i.path, i.icon, i.title])).toEqual([
      ['/duties/lists', 'Files', 'duties.menu.lists'],
      ['/duties/areas', 'Operation', 'duties.menu.areas'],
      ['/duties/templates', 'Notebook', 'duties.menu.templates'],
      ['/duties/year', 'Memo', 'duties.menu.year'],
      ['/duties/year/section', 'Postcard', 'duties.menu.sectionYear'],
      ['/duties/board', 'DataBoard', 'duties.menu.board'],
      ['/duties/supervision', 'Finished', 'duties.menu.supervision'],
      ['/duties/supervision/coverage', 'PieChart', 'duties.menu.coverage'],
      ['/duties/work', 'Flag', 'duties.menu.work'],
      ['/duties/work/board', 'TrendCharts', 'duties.menu.workBoard'],
    ])
  })
})
