import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  areasBody,
  areasSnapshot,
  areasToForm,
  boardRows,
  checkLines,
  checkListForm,
  dutyYearFromRoute,
  dutyYearOptions,
  dutyYears,
  failingFromRoute,
  isFailing,
  leaderState,
  leaderStateText,
  lineTexts,
  linesOf,
  listCreateBody,
  listFromRoute,
  listToForm,
  listUpdateBody,
  newLine,
  outcomeTagType,
  outcomeText,
  parseContent,
  placeAreaErrors,
  placeListErrors,
  postsText,
  stateFromRoute,
  stateTagType,
  stateText,
} from '../dutyHelpers'
import { LEADER_CONTENT, areas, board, dutyList } from './fixtures'

const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})

describe('安全责任 helpers', () => {
  it('colours a list’s state and a verdict, with the server’s words first', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(['signed', 'outdated', 'unsigned', 'other'].map(stateTagType)).toEqual(['success', 'warning', 'danger', 'info'])
    expect(stateText(t, 'outdated')).toBe('待重签')
    expect(stateText(t, 'unsigned', '未签订')).toBe('未签订')
    expect(stateText(t, 'odd')).toBe('odd')
    expect(['pass', 'warn', 'due', 'fail', 'na'].map(outcomeTagType)).toEqual(['success', 'warning', 'warning', 'danger', 'info'])
    expect(outcomeText(t, 'fail')).toBe('未达标')
    expect(outcomeText(t, 'pass', '达标')).toBe('达标')
    expect(postsText([{ code: 'principal', label: '校长' }, { code: 'x', label: '' }])).toBe('校长、x')
  })

  it('cuts the signed text into its title, each post’s heading and its numbered duties', () => {
    const c = parseContent(LEADER_CONTENT)
    expect(c.title).toBe('张伟 安全工作职责清单')
    expect(c.sections.map((s) => s.heading)).toEqual(['党组织书记（第 1 版）', '校长（第 1 版）', '本岗位补充职责'])
    expect(c.sections[0].items).toEqual([
      { n: 1, text: '对学校安全工作负全面领导责任，落实党政同责、一岗双责、齐抓共管、失职追责' },
      { n: 2, text: '每学期至少主持召开一次党组织会议专题研究学校安全工作' },
    ])
    expect(c.sections[2].items).toEqual([{ n: 4, text: '每月带队检查一次学校食堂' }])
    // A line of another shape stays in its section, unnumbered; nothing is dropped.
    const odd = parseContent('标题\n【校长】\n1. 甲\n补充说明\n')
    expect(odd.sections[0].items).toEqual([
      { n: 1, text: '甲' },
      { n: 0, text: '补充说明' },
    ])
    expect(parseContent('1. 只有一条').sections).toEqual([{ heading: '', items: [{ n: 1, text: '只有一条' }] }])
    expect(parseContent('')).toEqual({ title: '', sections: [] })
  })

  it('checks the lines: none blank, too long or twice; at least one when required', () => {
    expect(checkLines(t, 'items', [], true)).toEqual({ items: '请至少填写一条职责' })
    expect(checkLines(t, 'local_items', [], false)).toEqual({})
    const lines = [newLine(' 甲 '), newLine('  '), newLine('甲'), newLine('长'.repeat(201))]
    expect(checkLines(t, 'items', lines, true)).toEqual({
      'items[1]': '请填写这条职责，或删除这一行',
      'items[2]': '这条职责重复',
      'items[3]': '每条职责不超过 200 字',
    })
    expect(lineTexts(linesOf([' 甲 ', '乙']))).toEqual(['甲', '乙'])
    const [a, b] = linesOf(['x', 'y'])
    expect(a.uid).not.toBe(b.uid)
  })

  it('builds a list’s form and its bodies, and checks the holder and the posts', () => {
    const f = listToForm(dutyList())
    expect(f.user_id).toBe(5)
    expect(f.posts).toEqual(['party_secretary', 'principal'])
    expect(f.local.map((l) => l.text)).toEqual(['每月带队检查一次学校食堂'])
    f.posts.push('principal')
    f.local.push(newLine(' 分管食堂 '))
    expect(listUpdateBody(f, 2)).toEqual({ posts: ['party_secretary', 'principal'], local_items: ['每月带队检查一次学校食堂', '分管食堂'], version: 2 })
    expect(listCreateBody({ user_id: 12, posts: ['teacher'], local: [] }, 21)).toEqual({ unit_id: 21, user_id: 12, posts: ['teacher'], local_items: [] })
    expect(checkListForm(t, { user_id: null, posts: [], local: [newLine('')] }, true)).toEqual({
      user_id: '请选择责任人',
      posts: '请选择至少一个岗位',
      'local_items[0]': '请填写这条职责，或删除这一行',
    })
    expect(checkListForm(t, { user_id: null, posts: ['teacher'], local: [] }, false)).toEqual({})
  })

  it('places the server’s reasons of a list at its fields', () => {
    expect(
      placeListErrors({
        user_id: '该人员已有职责清单',
        'posts[1]': '岗位不存在',
        posts: '岗位不能超过 5 个',
        'local_items[2]': '这条职责重复',
        unit_id: '学校不存在',
      }),
    ).toEqual({
      placed: { user_id: '该人员已有职责清单', posts: '岗位不存在；岗位不能超过 5 个', 'local_items[2]': '这条职责重复' },
      others: [{ field: 'unit_id', reason: '学校不存在' }],
    })
  })

  it('builds the areas’ body (an area not applicable without an owner) and tells a change', () => {
    const rows = areasToForm(areas())
    expect(rows[2]).toEqual({ area: 'canteen', label: '食堂', applicable: false, owner_user_id: null, owner_name: '' })
    const before = areasSnapshot(rows)
    rows[0].applicable = false
    expect(areasSnapshot(rows)).not.toBe(before)
    expect(areasBody(rows, 3)).toEqual({
      version: 3,
      areas: [
        { area: 'teaching', applicable: false, owner_user_id: null },
        { area: 'student', applicable: true, owner_user_id: 9 },
        { area: 'canteen', applicable: false, owner_user_id: null },
        { area: 'lab', applicable: true, owner_user_id: null },
      ],
    })
    expect(placeAreaErrors({ 'areas[3].owner_user_id': '负责人须为本校在岗人员', version: '版本不对' })).toEqual({
      rows: { 3: '负责人须为本校在岗人员' },
      others: ['版本不对'],
    })
  })

  it('reads the links’ filters and keeps the board’s schools short of a rule', () => {
    expect(listFromRoute({ list: '12' })).toBe(12)
    expect(listFromRoute({ list: 'x' })).toBeUndefined()
    expect(listFromRoute({})).toBeUndefined()
    expect(stateFromRoute({ state: 'unsigned' })).toBe('unsigned')
    expect(stateFromRoute({ state: 'gone' })).toBe('')
    expect(failingFromRoute({ failing: '1' })).toBe(true)
    expect(failingFromRoute({ failing: ['true'] })).toBe(true)
    expect(failingFromRoute({})).toBe(false)
    const rows = board().rows
    expect(rows.map(isFailing)).toEqual([true, false, true])
    expect(boardRows(rows, true).map((r) => r.unit_id)).toEqual([21, 42])
    expect(boardRows(rows, false)).toHaveLength(3)
  })

  it('offers 安全述职’s years, reads a link’s year and tells a leader’s state', () => {
    expect(dutyYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020])
    expect(dutyYears(2020)).toEqual([2020])
    expect(dutyYears(2019)).toEqual([2019])
    expect(dutyYearOptions(2026, 2024)).toEqual(dutyYears(2026))
    expect(dutyYearOptions(2026, 2012)).toEqual([...dutyYears(2026), 2012])
    expect(dutyYearFromRoute({ year: '2025' }, 2026)).toBe(2025)
    expect(dutyYearFromRoute({ year: ['2001'] }, 2026)).toBe(2001)
    expect(dutyYearFromRoute({ year: '2027' }, 2026)).toBe(2026)
    expect(dutyYearFromRoute({ year: '1999' }, 2026)).toBe(2026)
    expect(dutyYearFromRoute({ year: '25' }, 2026)).toBe(2026)
    expect(dutyYearFromRoute({}, 2026)).toBe(2026)
    expect(['已签订', '未签订', '待重签', 'signed', '作废'].map(leaderState)).toEqual(['signed', 'unsigned', 'outdated', 'signed', ''])
    expect(['已签订', '待重签', '未签订', ''].map((s) => stateTagType(leaderState(s)))).toEqual(['success', 'warning', 'danger', 'info'])
    i18n.global.locale.value = 'zh-CN'
    expect(leaderStateText(t, '待重签')).toBe('待重签')
    expect(leaderStateText(t, 'outdated')).toBe('待重签')
  })
})
