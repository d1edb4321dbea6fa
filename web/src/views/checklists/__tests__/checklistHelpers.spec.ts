import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  addItem,
  applicabilityText,
  blankItem,
  boardingOf,
  boardingValue,
  checklistFilter,
  checklistInput,
  emptyChecklistForm,
  groupByPlace,
  isNewVersion,
  itemError,
  itemErrorCount,
  limitText,
  moveItem,
  newestOf,
  newestVersion,
  nextKey,
  removeItem,
  templateToForm,
  unplacedChecklistErrors,
  versionLabel,
  type ItemForm,
  type LabelOf,
} from '../checklistHelpers'
import { own, shipped } from './fixtures'

i18n.global.locale.value = 'zh-CN'
const t = (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
const labels: Record<string, string> = { primary: '小学', junior: '初中', rural: '乡村', urban: '城区' }
const label: LabelOf = (_dict, code) => labels[code] ?? code

describe('words', () => {
  it('names a version', () => {
    expect(versionLabel(t, 3)).toBe('第 3 版')
  })

  it('says 全部学校 for a template that names no schools', () => {
    expect(applicabilityText(t, { stages: [], location_types: [], boarding: null }, label)).toBe('全部学校')
    expect(applicabilityText(t, undefined, label)).toBe('全部学校')
  })

  it('lists the stages, the location types and the boarding condition in Chinese', () => {
    expect(applicabilityText(t, { stages: ['primary', 'junior'], location_types: ['rural'], boarding: true }, label)).toBe(
      '小学、初中 · 乡村 · 仅寄宿制学校',
    )
    expect(applicabilityText(t, { stages: [], location_types: [], boarding: false }, label)).toBe('仅走读学校')
    expect(applicabilityText(t, { stages: ['primary'], location_types: [], boarding: null }, label)).toBe('小学')
  })

  it('gives a number item’s limits with the unit', () => {
    expect(limitText(t, { answer: 'number', min: 1.4, max: null, unit: '米' })).toBe('≥ 1.4 米')
    expect(limitText(t, { answer: 'number', min: null, max: 30, unit: '分钟' })).toBe('≤ 30 分钟')
    expect(limitText(t, { answer: 'number', min: 1, max: 3, unit: '个' })).toBe('1～3 个')
    expect(limitText(t, { answer: 'number', min: 0, max: null, unit: '' })).toBe('≥ 0')
    expect(limitText(t, { answer: 'number', min: 0.1 + 0.2, max: null, unit: '米' })).toBe('≥ 0.3 米')
  })

  it('gives no limits for other answers', () => {
    expect(limitText(t, { answer: 'pass_fail', min: null, max: null, unit: '' })).toBe('')
    expect(limitText(t, { answer: 'text', min: 1, max: 2, unit: '米' })).toBe('')
  })
})

describe('items by where they are checked', () => {
  it('groups by place in the order the places first come, keeping each item’s position', () => {
    const groups = groupByPlace(shipped().items)
    expect(groups.map((g) => [g.place, g.label, g.items.map((x) => x.item.key)])).toEqual([
      ['dormitory', '学生宿舍', ['D01', 'D02', 'D08']],
      ['', '全校', ['P01']],
    ])
    expect(groups[0].items.map((x) => x.index)).toEqual([0, 1, 3])
  })

  it('keeps the template’s order in one group when not grouped', () => {
    const groups = groupByPlace(shipped().items, false, '全部检查项')
    expect(groups).toHaveLength(1)
    expect(groups[0].label).toBe('全部检查项')
    expect(groups[0].items.map((x) => x.item.key)).toEqual(['D01', 'D02', 'P01', 'D08'])
  })
})

describe('versions', () => {
  it('finds the newest version', () => {
    const versions = [own(1, { latest: false }), own(3), own(2, { latest: false })]
    expect(newestVersion(versions)).toBe(3)
    expect(newestVersion([], own(4))).toBe(4)
    expect(newestOf(versions)?.id).toBe(13)
    expect(newestOf([own(1, { latest: false }), own(2, { latest: false })])?.version).toBe(2)
  })

  it('tells a new version from a correction in place', () => {
    expect(isNewVersion({ id: 11 }, { id: 12 })).toBe(true)
    expect(isNewVersion({ id: 11 }, { id: 11 })).toBe(false)
  })
})

describe('the item list', () => {
  function items(...keys: string[]): ItemForm[] {
    return keys.map((key, i) => ({ ...blankItem([]), uid: i + 100, key, text: `检查 ${key}` }))
  }

  it('numbers a new item after the last one', () => {
    expect(nextKey(['D01', 'D02', 'D08'])).toBe('D09')
    expect(nextKey(['A9'])).toBe('A10')
    expect(nextKey(['1', '2'])).toBe('3')
    expect(nextKey([])).toBe('A01')
    expect(nextKey(['甲'])).toBe('A01')
    // After the last numbered key's prefix, never a key that is taken.
    expect(nextKey(['F01', 'D01', 'F03', 'X'])).toBe('F04')
    expect(nextKey(['A01', 'A02', 'C', 'A03'])).toBe('A04')
  })

  it('adds an item like the last one: the next key, its domain and place', () => {
    const list = items('D01', 'D02')
    list[1].domain = 'electrical'
    list[1].place_kind = 'dormitory'
    expect(addItem(list)).toBe(2)
    expect(list[2]).toMatchObject({ key: 'D03', text: '', domain: 'electrical', place_kind: 'dormitory', answer: 'pass_fail', failure_level: 'general' })
    expect(new Set(list.map((i) => i.uid)).size).toBe(3)
  })

  it('removes an item', () => {
    const list = items('D01', 'D02', 'D03')
    expect(removeItem(list, 1)).toBe(true)
    expect(list.map((i) => i.key)).toEqual(['D01', 'D03'])
    expect(removeItem(list, 5)).toBe(false)
    expect(removeItem(list, -1)).toBe(false)
    expect(list).toHaveLength(2)
  })

  it('moves an item up and down, not past either end', () => {
    const list = items('D01', 'D02', 'D03')
    expect(moveItem(list, 2, -1)).toBe(true)
    expect(list.map((i) => i.key)).toEqual(['D01', 'D03', 'D02'])
    expect(moveItem(list, 0, 1)).toBe(true)
    expect(list.map((i) => i.key)).toEqual(['D03', 'D01', 'D02'])
    expect(moveItem(list, 0, -1)).toBe(false)
    expect(moveItem(list, 2, 1)).toBe(false)
    expect(list.map((i) => i.key)).toEqual(['D03', 'D01', 'D02'])
  })
})

describe('the form', () => {
  it('starts a new template with one blank item A01 for all schools', () => {
    const f = emptyChecklistForm()
    expect(f.items.map((i) => i.key)).toEqual(['A01'])
    expect(f.boarding).toBe('any')
    expect(checklistInput(f, true).applies).toEqual({ stages: [], location_types: [], boarding: null })
  })

  it('maps boarding both ways', () => {
    expect([boardingOf(true), boardingOf(false), boardingOf(null)]).toEqual(['boarding', 'day', 'any'])
    expect([boardingValue('boarding'), boardingValue('day'), boardingValue('any')]).toEqual([true, false, null])
  })

  it('sends back what it read, the labels left to the server', () => {
    const tpl = shipped()
    const body = checklistInput(templateToForm(tpl), false)
    expect(body).not.toHaveProperty('code')
    expect(body.name).toBe('学生宿舍消防安全检查表')
    expect(body.applies).toEqual({ stages: [], location_types: [], boarding: true })
    expect(body.items[0]).toEqual({
      key: 'D01',
      text: '疏散通道、安全出口畅通，无堵塞、锁闭',
      domain: 'fire',
      place_kind: 'dormitory',
      answer: 'pass_fail',
      min: null,
      max: null,
      unit: '',
      photo_required: true,
      failure_level: 'major',
      basis: '《中华人民共和国消防法》第二十八条',
    })
    expect(body.items[2].place_kind).toBeNull()
    expect(body.items[3]).toMatchObject({ answer: 'number', min: 1.1, max: null, unit: '米' })
  })

  it('drops limits and unit from an item that is no longer a number, and trims', () => {
    const f = templateToForm(shipped())
    f.items[3].answer = 'pass_fail'
    f.items[0].text = '  疏散通道畅通  '
    f.name = ' 宿舍检查 '
    const body = checklistInput(f, false)
    expect(body.items[3]).toMatchObject({ answer: 'pass_fail', min: null, max: null, unit: '' })
    expect(body.items[0].text).toBe('疏散通道畅通')
    expect(body.name).toBe('宿舍检查')
  })

  it('sends a code only for a new template, and only when typed', () => {
    const f = emptyChecklistForm()
    expect(checklistInput(f, true)).not.toHaveProperty('code')
    f.code = ' dorm.night '
    expect(checklistInput(f, true).code).toBe('dorm.night')
    expect(checklistInput(f, false)).not.toHaveProperty('code')
  })
})

describe('the server’s reasons', () => {
  const errors = {
    name: '请填写检查表名称',
    'items[2].text': '请填写检查内容',
    'items[0].max': '上限不能小于下限',
    'items[0].unit': '数值类检查项须填写单位',
    'applies.stages': '“x”不是学段',
    'applies.stages[0]': '须为字符串',
    'items[1]': '须为对象',
    code: '已被使用',
  }

  it('places an item’s reason at its field', () => {
    expect(itemError(errors, 2, 'text')).toBe('请填写检查内容')
    expect(itemError(errors, 0, 'max')).toBe('上限不能小于下限')
    expect(itemError(errors, 1, 'text')).toBeUndefined()
    expect(itemErrorCount(errors, 0)).toBe(2)
    expect(itemErrorCount(errors, 1)).toBe(1)
    expect(itemErrorCount(errors, 3)).toBe(0)
  })

  it('lists what no field shows', () => {
    expect(unplacedChecklistErrors(errors)).toEqual([
      { field: 'applies.stages[0]', reason: '须为字符串' },
      { field: 'items[1]', reason: '须为对象' },
    ])
  })
})

describe('the list’s search', () => {
  it('sends the keyword only when typed', () => {
    expect(checklistFilter({ q: '' })).toEqual({})
    expect(checklistFilter({ q: '  宿舍 ' })).toEqual({ q: '宿舍' })
  })
})
