import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  DRILL_SORT_FIELDS,
  apiTime,
  currentFindings,
  drillFilter,
  drillInput,
  filesError,
  drillName,
  drillToForm,
  durationText,
  emptyDrillForm,
  emptySearch,
  evacuationSeconds,
  outcomeTagType,
  parseTime,
  problemError,
  searchFromRoute,
  sortFindings,
  sortParam,
  timesProblem,
  unplacedErrors,
  versionText,
  type Translate,
} from '../drillHelpers'
import { drill, finding } from './fixtures'

const t: Translate = (key, named) => i18n.global.t(key, named ?? {})

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('the list’s search', () => {
  it('sends only the filters that are set, dates as they are', () => {
    expect(drillFilter(emptySearch())).toEqual({})
    expect(drillFilter({ school_id: 21, kind: 'fire', range: ['2026-09-01', '2026-12-31'], q: ' 秋季 ' })).toEqual({
      school_id: 21,
      kind: 'fire',
      from: '2026-09-01',
      to: '2026-12-31',
      q: '秋季',
    })
  })

  it('reads the filters of a link and ignores what is not one', () => {
    expect(searchFromRoute({ school_id: '21', kind: 'night', from: '2026-09-01', to: '2026-12-31', q: '演练' })).toEqual({
      school_id: 21,
      kind: 'night',
      range: ['2026-09-01', '2026-12-31'],
      q: '演练',
    })
    expect(searchFromRoute({ school_id: 'x', from: '2026-09-01' })).toEqual(emptySearch())
  })

  it('sorts by date, school and kind', () => {
    expect(sortParam('date', 'descending')).toBe('-date')
    expect(sortParam('school_name', 'ascending')).toBe('school')
    expect(sortParam('students', 'ascending')).toBeUndefined()
    expect(Object.keys(DRILL_SORT_FIELDS)).toEqual(['date', 'school_name', 'kind'])
  })
})

describe('times', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(parseTime('10:48:00')).toBe(38880)
    expect(parseTime('10:48')).toBe(38880)
    expect(parseTime('9:05:07')).toBe(9 * 3600 + 5 * 60 + 7)
    expect(parseTime('24:00:00')).toBeNull()
    expect(parseTime('10:60')).toBeNull()
    expect(parseTime('')).toBeNull()
    expect(parseTime(null)).toBeNull()
  })

  it('writes times as the API takes them', () => {
    expect(apiTime('10:00', true)).toBe('10:00:00')
    expect(apiTime('9:05:07', true)).toBe('09:05:07')
    expect(apiTime('09:55:00', false)).toBe('09:55')
    expect(apiTime(' 25:00 ', true)).toBe('25:00')
  })

  it('counts the evacuation from the signal to all out', () => {
    expect(evacuationSeconds('10:48:00', '10:49:11')).toBe(71)
    expect(evacuationSeconds('10:59:30', '11:01:15')).toBe(105)
    expect(evacuationSeconds('10:48:00', '10:48:00')).toBeNull()
    expect(evacuationSeconds('10:48:00', '10:47:00')).toBeNull()
    expect(evacuationSeconds('10:48:00', null)).toBeNull()
  })

  it('asks for both times or neither, all-out after the signal', () => {
    expect(timesProblem(null, null)).toBe('')
    expect(timesProblem('10:00:00', null)).toBe('both')
    expect(timesProblem('', '10:00:00')).toBe('both')
    expect(timesProblem('10:00:00', '09:59:59')).toBe('order')
    expect(timesProblem('10:00:00', '10:00:00')).toBe('order')
    expect(timesProblem('10:00:00', '10:01:45')).toBe('')
  })

  it('says how long it took, with minutes past one', () => {
    expect(durationText(t, 45)).toBe('用时 45 秒')
    expect(durationText(t, 105)).toBe('用时 105 秒（1 分 45 秒）')
    i18n.global.locale.value = 'en-US'
    expect(durationText(t, 105)).toBe('Took 105 s (1 min 45 s)')
  })
})

describe('the record form', () => {
  it('starts today, by day, announced, the whole school, for the own school', () => {
    const f = emptyDrillForm('2026-12-04', 21)
    expect(f).toMatchObject({ school_id: 21, kind: 'fire', date: '2026-12-04', night: false, announced: true, whole_school: true, headcount_ok: true })
    expect(f.problems).toEqual([])
  })

  it('sends the school when recording, not when editing, and only the optional fields filled', () => {
    const f = emptyDrillForm('2026-12-04', 21)
    f.commander = ' 张老师 '
    f.students = 500
    expect(drillInput(f, true)).toEqual({
      school_id: 21,
      kind: 'fire',
      date: '2026-12-04',
      night: false,
      announced: true,
      evacuation: true,
      whole_school: true,
      commander: '张老师',
      students: 500,
      staff: 0,
      headcount_ok: true,
      injuries: 0,
      problems: [],
    })
    expect(drillInput(f, false)).not.toHaveProperty('school_id')
  })

  it('sends the notes only when they apply, the times and problems as typed', () => {
    const f = emptyDrillForm('2026-12-04', 21)
    f.scope_note = '初一年级'
    f.headcount_note = '少 1 人'
    f.signal_time = '10:00'
    f.all_out_time = '10:01:45'
    f.start_time = '09:55'
    f.building_id = 32
    f.title = ' 冬季演练 '
    f.actions = ' 清理楼梯 '
    f.problems = [
      { text: ' 楼梯口堵塞 ', hazard_id: null },
      { text: '广播不清', hazard_id: 7 },
    ]
    let body = drillInput(f, true)
    expect(body).not.toHaveProperty('scope_note')
    expect(body).not.toHaveProperty('headcount_note')
    expect(body).toMatchObject({
      signal_time: '10:00:00',
      all_out_time: '10:01:45',
      start_time: '09:55',
      building_id: 32,
      title: '冬季演练',
      actions: '清理楼梯',
      problems: ['楼梯口堵塞', '广播不清'],
    })
    f.whole_school = false
    f.headcount_ok = false
    body = drillInput(f, true)
    expect(body.scope_note).toBe('初一年级')
    expect(body.headcount_note).toBe('少 1 人')
  })

  it('edits a record as it was read', () => {
    const f = drillToForm(drill)
    expect(f.problems).toEqual(drill.problems)
    expect(f.building_id).toBe(31)
    const body = drillInput(f, false)
    expect(body).toMatchObject({
      kind: 'fire',
      date: '2026-10-16',
      start_time: '10:46',
      signal_time: '10:48:00',
      all_out_time: '10:49:11',
      commander: '黄丽华',
      students: 1120,
      staff: 86,
      problems: ['二楼楼梯口堆放杂物', '广播声音偏小'],
      actions: '清理楼梯口',
    })
    // A record without times or building edits as empty ones.
    const bare = drillToForm({ ...drill, start_time: '', signal_time: '', all_out_time: '', building_id: null })
    expect(bare.start_time).toBeNull()
    expect(bare.signal_time).toBeNull()
    expect(bare.building_id).toBeUndefined()
  })
})

describe('the photos', () => {
  it('sends the uploaded files as file_ids, and nothing when there are none', () => {
    const f = drillToForm(drill)
    expect(drillInput(f, false, [7, 9]).file_ids).toEqual([7, 9])
    expect(drillInput(f, false)).not.toHaveProperty('file_ids')
    expect(drillInput(f, true, [])).not.toHaveProperty('file_ids')
  })

  it('shows the server’s reason for a file beside the photos, not above the form', () => {
    expect(filesError({ 'file_ids[1]': '文件已被使用' })).toBe('文件已被使用')
    expect(filesError({ file_ids: '最多 20 个' })).toBe('最多 20 个')
    expect(filesError({ date: '不能晚于今天' })).toBeUndefined()
    expect(unplacedErrors({ 'file_ids[0]': '文件已被使用', file_ids: 'x' })).toEqual([])
  })
})

describe('the server’s reasons', () => {
  it('finds a problem row’s reason under either name', () => {
    expect(problemError({ 'problems[1].text': '不能为空' }, 1)).toBe('不能为空')
    expect(problemError({ 'problems[2]': '过长' }, 2)).toBe('过长')
    expect(problemError({ 'problems[1].text': '不能为空' }, 0)).toBeUndefined()
  })

  it('lists the reasons no field shows', () => {
    expect(
      unplacedErrors({ date: '不能晚于今天', 'problems[0].text': '不能为空', problems: '最多 50 个', rules: '？', 'five.x': 'y' }),
    ).toEqual([
      { field: 'rules', reason: '？' },
      { field: 'five.x', reason: 'y' },
    ])
  })
})

describe('findings', () => {
  it('colours each outcome, with its word beside', () => {
    expect(outcomeTagType('pass')).toBe('success')
    expect(outcomeTagType('due')).toBe('warning')
    expect(outcomeTagType('fail')).toBe('danger')
    expect(outcomeTagType('na')).toBe('info')
    expect(outcomeTagType('other')).toBe('info')
  })

  it('names the rule and parameter versions', () => {
    expect(versionText(t, { rule_version: 1, params_version: 2 })).toBe('规则第 1 版 · 参数第 2 版')
    expect(versionText(t, { rule_version: 1, params_version: 0 })).toBe('规则第 1 版 · 参数第 0 版（默认值）')
  })

  it('puts the record’s own finding first', () => {
    const list = [finding({ id: 1 }), finding({ id: 2, rule_id: 'drill.time', subject_type: 'drill', period_label: '' }), finding({ id: 3 })]
    expect(sortFindings(list).map((f) => f.id)).toEqual([2, 1, 3])
  })

  it('keeps the school’s findings whose period holds today', () => {
    const list = [
      finding({ id: 1 }),
      finding({ id: 2, period_key: '2026-11', period_first: '2026-11-01', period_last: '2026-11-30', outcome: 'fail' }),
      finding({ id: 3, rule_id: 'drill.night_boarding', period_key: '2026', period_first: '2026-01-01', period_last: '2026-12-31' }),
      finding({ id: 4, subject_type: 'drill', period_first: '', period_last: '' }),
    ]
    expect(currentFindings(list, '2026-12-04').map((f) => f.id)).toEqual([1, 3])
    expect(currentFindings(list, '2026-11-30').map((f) => f.id)).toEqual([2, 3])
  })

  it('names a drill by its date and kind, or its title', () => {
    expect(drillName(t, drill)).toBe('2026-10-16 消防疏散演练')
    expect(drillName(t, { ...drill, title: '秋季演练', night: true })).toBe('2026-10-16 秋季演练（夜间）')
  })
})
