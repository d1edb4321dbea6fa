// 科室监管事项 and 措施覆盖's pure parts: the measures and kind as shown, the filters from a link, the
// item's form and bodies, the console's checks, the server's reasons placed, the people and measures
// offered, a measure's coverage status.
import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  checkSupervisionForm,
  coverageCounts,
  coverageRows,
  coverageStatus,
  coverageTagType,
  emptySupervisionForm,
  itemsServing,
  kindText,
  measureChoices,
  measureFromRoute,
  measuresText,
  personChoices,
  placeSupervisionErrors,
  sectionFromRoute,
  supervisionBody,
  supervisionToForm,
  supervisionUpdateBody,
} from '../supervisionHelpers'
import { SECTIONS, coverage, supervisionItem, supervisionItemsList } from './fixtures'

i18n.global.locale.value = 'zh-CN'
const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('what the pages show', () => {
  it('writes the measures as 措施1、5、8, and — for none', () => {
    expect(measuresText(t, [1, 5, 8])).toBe('措施1、5、8')
    expect(measuresText(t, [20])).toBe('措施20')
    expect(measuresText(t, [])).toBe('—')
  })

  it('writes the kind with its stage for 管学段', () => {
    expect(kindText(t, supervisionItem())).toBe('管学段·小学')
    expect(kindText(t, { kind: 'business', kind_label: '管业务', stage: '', stage_label: '' })).toBe('管业务')
    expect(kindText(t, { kind: 'stage', kind_label: '', stage: 'junior', stage_label: '' })).toBe('stage·junior')
  })
})

describe('links', () => {
  it('reads the section and the measure a link keeps', () => {
    expect(sectionFromRoute({ section_id: '3' })).toBe(3)
    expect(sectionFromRoute({ section_id: ['4', '5'] })).toBe(4)
    for (const bad of ['0', '-1', 'x', '']) expect(sectionFromRoute({ section_id: bad }), bad).toBeUndefined()
    expect(sectionFromRoute({})).toBeUndefined()
    expect(measureFromRoute({ measure: '16' })).toBe(16)
    for (const bad of ['0', '22', '1.5', 'x']) expect(measureFromRoute({ measure: bad }), bad).toBeUndefined()
    expect(measureFromRoute({})).toBeUndefined()
  })

  it('keeps the items serving a measure', () => {
    const items = supervisionItemsList()
    expect(itemsServing(items, 20).map((i) => i.id)).toEqual([2, 3])
    expect(itemsServing(items, 3)).toEqual([])
    expect(itemsServing(items, undefined)).toHaveLength(3)
  })
})

describe('the measures and people offered', () => {
  it('offers the 21 measures with the server’s titles, else the console’s names', () => {
    const plain = measureChoices(t)
    expect(plain).toHaveLength(21)
    expect(plain[0]).toEqual({ value: 1, label: '措施 1 压实学校安全主体责任' })
    const titled = measureChoices(t, coverage().measures)
    expect(titled[2]).toEqual({ value: 3, label: '措施 3 建立部门联席会议，推动齐抓共管' })
    expect(titled.map((m) => m.value)).toEqual(plain.map((m) => m.value))
  })

  it('offers the people of the section chosen, an item’s own person kept when they left', () => {
    expect(personChoices(SECTIONS, 3).map((p) => p.name)).toEqual(['基础教育科 郑科长', '基础教育科 王副科长'])
    expect(personChoices(SECTIONS, null)).toEqual([])
    const left = supervisionItem({ person_user_id: 11, person_name: '基础教育科 赵副科长', person_active: false })
    expect(personChoices(SECTIONS, 3, left).map((p) => [p.user_id, p.inactive])).toEqual([
      [9, false],
      [10, false],
      [11, true],
    ])
    // Another section chosen: its own people only.
    expect(personChoices(SECTIONS, 2, left).map((p) => p.user_id)).toEqual([8])
    expect(personChoices(SECTIONS, 3, supervisionItem()).map((p) => p.user_id)).toEqual([9, 10])
  })
})

describe('the item’s form', () => {
  it('sends the fields trimmed, the stage only for 管学段, the measures once each in order', () => {
    const f = { ...emptySupervisionForm(2), kind: 'business', stage: 'primary', title: ' 建立部门联席会议 ', detail: ' ', measures: [16, 3, 16], post: ' 科长 ', person_user_id: 8 }
    expect(supervisionBody(f)).toEqual({
      section_id: 2,
      kind: 'business',
      stage: '',
      title: '建立部门联席会议',
      detail: '',
      measures: [3, 16],
      post: '科长',
      person_user_id: 8,
    })
    const i = supervisionItem()
    const form = supervisionToForm(i)
    expect(form).toEqual({ section_id: 3, kind: 'stage', stage: 'primary', title: i.title, detail: i.detail, measures: [1, 20, 21], post: '科长', person_user_id: 9 })
    expect(supervisionUpdateBody(form, 4)).toMatchObject({ stage: 'primary', measures: [1, 20, 21], version: 4 })
  })

  it('checks each required field, the stage for 管学段 and the lengths', () => {
    expect(checkSupervisionForm(t, emptySupervisionForm())).toEqual({
      section_id: '请选择科室',
      kind: '请选择类别',
      title: '请填写监管事项',
      measures: '请选择至少一项对应措施',
      post: '请填写岗位',
      person_user_id: '请选择责任人',
    })
    const ok = supervisionToForm(supervisionItem())
    expect(checkSupervisionForm(t, ok)).toEqual({})
    expect(checkSupervisionForm(t, { ...ok, stage: '' })).toEqual({ stage: '请选择学段' })
    expect(checkSupervisionForm(t, { ...ok, kind: 'business', stage: '' })).toEqual({})
    expect(checkSupervisionForm(t, { ...ok, title: '事'.repeat(101), post: '岗'.repeat(21), detail: '说'.repeat(501) })).toEqual({
      title: '不超过 100 字',
      post: '不超过 20 字',
      detail: '不超过 500 字',
    })
  })

  it('places the server’s reasons at their fields, a measure’s at the measures, others apart', () => {
    expect(
      placeSupervisionErrors({
        person_user_id: '责任人应为安全管理科的在用账号',
        'measures[1]': '措施编号应为 1–21',
        measures: '措施不能重复',
        stage: '管学段须选择学段',
        bureau: '教育局不存在',
      }),
    ).toEqual({
      placed: { person_user_id: '责任人应为安全管理科的在用账号', measures: '措施编号应为 1–21；措施不能重复', stage: '管学段须选择学段' },
      others: [{ field: 'bureau', reason: '教育局不存在' }],
    })
  })
})

describe('措施覆盖', () => {
  it('tells 已覆盖, 无科室监管 and 责任人不在岗 apart, and counts them', () => {
    expect(coverageStatus({ covered: true, items: 2 })).toBe('covered')
    expect(coverageStatus({ covered: false, items: 0 })).toBe('none')
    expect(coverageStatus({ covered: false, items: 1 })).toBe('inactive')
    expect(coverageTagType('covered')).toBe('success')
    expect(coverageTagType('none')).toBe('danger')
    expect(coverageTagType('inactive')).toBe('danger')
    const c = coverage()
    expect(coverageCounts(c.measures)).toEqual({ covered: 19, none: 1, inactive: 1 })
    expect(coverageRows(c.measures, true).map((m) => m.number)).toEqual([3, 16])
    expect(coverageRows(c.measures, false)).toHaveLength(21)
  })
})
