import { beforeEach, describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  emptyLessonForm,
  emptyLessonSearch,
  evidenceLink,
  lessonCreateBody,
  lessonFilter,
  lessonPresetFromRoute,
  lessonSearchFromRoute,
  lessonToForm,
  lessonUpdateBody,
  listError,
  observancesOn,
  openColumns,
  outcomeCounts,
  recordLink,
  scopeText,
  shortWindow,
  unplacedLessonErrors,
  windowText,
} from '../lessonHelpers'
import { TODAY, calendarItem, districtCalendar, lesson, observances, schoolCalendar } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('the records’ search', () => {
  it('sends only the filters set, the dates as from and to', () => {
    expect(lessonFilter(emptyLessonSearch())).toEqual({})
    expect(lessonFilter({ school_id: 21, theme: 'bullying', observance: undefined, range: ['2026-09-01', '2026-09-30'], q: '  班会 ' })).toEqual({
      school_id: 21,
      theme: 'bullying',
      from: '2026-09-01',
      to: '2026-09-30',
      q: '班会',
    })
  })

  it('takes the filters from a link, but not the theme and day of a record link', () => {
    expect(lessonSearchFromRoute({ school_id: '21', observance: 'fire_month', from: '2026-11-01', to: '2026-11-30' })).toEqual({
      school_id: 21,
      theme: '',
      observance: 'fire_month',
      range: ['2026-11-01', '2026-11-30'],
      q: '',
    })
    expect(lessonSearchFromRoute({ observance: 'nope', from: '2026-11-01' })).toEqual(emptyLessonSearch())
    expect(lessonSearchFromRoute({ record: '1', theme: 'bullying', observance: 'fire_month', school_id: '22' })).toEqual({
      ...emptyLessonSearch(),
      school_id: 22,
    })
  })

  it('says 全校 or how many classes', () => {
    expect(scopeText(t, { whole_school: true, class_ids: [] })).toBe('全校')
    expect(scopeText(t, { whole_school: false, class_ids: [7, 8, 9] })).toBe('3 个班')
  })
})

describe('the record form', () => {
  it('presets a new record from a link: the theme, a known day, a date not later than today', () => {
    expect(lessonPresetFromRoute({ theme: 'bullying' }, TODAY)).toBeNull()
    expect(lessonPresetFromRoute({ record: '1', theme: 'other', observance: 'fire_month', date: '2026-11-30', school_id: '22' }, TODAY)).toEqual({
      school_id: 22,
      theme: 'other',
      observance: 'fire_month',
      date: '2026-11-30',
    })
    expect(lessonPresetFromRoute({ record: '1', observance: 'sports_day', date: '2026-12-08' }, TODAY)).toEqual({})
  })

  it('offers the days and months whose window holds the date', () => {
    expect(observancesOn(observances(), '2026-11-09').map((o) => o.code)).toEqual(['fire_month'])
    expect(observancesOn(observances(), '2026-04-01').map((o) => o.code)).toEqual(['security_day'])
    expect(observancesOn(observances(), TODAY)).toEqual([])
    expect(observancesOn(undefined, '2026-11-09')).toEqual([])
  })

  it('sends the classes only when not the whole school, the day and photos only when given', () => {
    const f = { ...emptyLessonForm(TODAY, 21), theme: 'fire', title: ' 消防课 ', participants: 40, class_ids: [7] }
    expect(lessonCreateBody(f)).toEqual({
      school_id: 21,
      date: TODAY,
      theme: 'fire',
      title: '消防课',
      whole_school: true,
      participants: 40,
      speaker: '',
      materials: '',
      note: '',
    })
    expect(lessonCreateBody({ ...f, whole_school: false, observance: 'fire_month' }, [41])).toMatchObject({
      whole_school: false,
      class_ids: [7],
      observance: 'fire_month',
      file_ids: [41],
    })
  })

  it('sends an edit without the school, with the version read', () => {
    const body = lessonUpdateBody(lessonToForm(lesson()), 2)
    expect(body).toEqual({
      date: '2026-11-09',
      theme: 'fire',
      observance: 'fire_month',
      title: '消防安全进校园',
      whole_school: true,
      participants: 860,
      speaker: '消防救援站 李队长',
      materials: '',
      note: '',
      version: 2,
    })
  })

  it('places a list’s reasons at the list, and lists those no field shows', () => {
    const errors = { 'class_ids[1]': '班级 #8 不是本校的班级', title: '请填写活动名称', version: '缺少版本' }
    expect(listError(errors, 'class_ids')).toBe('班级 #8 不是本校的班级')
    expect(listError(errors, 'file_ids')).toBeUndefined()
    expect(unplacedLessonErrors(errors)).toEqual([{ field: 'version', reason: '缺少版本' }])
  })
})

describe('the education calendar', () => {
  it('says the windows in full and in short', () => {
    expect(windowText(t, { first: '2026-11-01', last: '2026-11-30' })).toBe('2026-11-01 至 2026-11-30')
    expect(windowText(t, { first: '2026-04-15', last: '2026-04-15' })).toBe('2026-04-15')
    expect(shortWindow({ first: '2026-11-01', last: '2026-11-30' })).toBe('11-01~11-30')
    expect(shortWindow({ first: '2026-09-01', last: '2027-01-22' })).toBe('26-09-01~27-01-22')
  })

  it('links 去记录 of an item not met whose window has begun, dated within the window', () => {
    expect(recordLink(calendarItem(), TODAY)).toEqual({
      name: 'edu-lessons',
      query: { record: '1', theme: 'other', observance: 'fire_month', date: '2026-11-30' },
    })
    expect(recordLink(calendarItem({ code: 'bullying_lesson', outcome: 'due', first: '2026-09-01', last: '2027-01-22' }), TODAY, 22)).toEqual({
      name: 'edu-lessons',
      query: { record: '1', theme: 'bullying', date: TODAY, school_id: '22' },
    })
    expect(recordLink(calendarItem({ outcome: 'pass' }), TODAY)).toBeNull()
    expect(recordLink(calendarItem({ outcome: 'na' }), TODAY)).toBeNull()
    // Not begun: nothing can be recorded for it yet.
    expect(recordLink(calendarItem({ outcome: 'due', first: '2027-03-01', last: '2027-03-31' }), TODAY)).toBeNull()
  })

  it('links 查看记录 to the school’s records of the item in its window', () => {
    expect(evidenceLink(calendarItem({ code: 'first_lesson', first: '2026-09-01', last: '2026-09-07' }), 21)).toEqual({
      name: 'edu-lessons',
      query: { school_id: '21', theme: 'first_lesson', from: '2026-09-01', to: '2026-09-07' },
    })
  })

  it('counts a school’s outcomes and lists a school’s items not met', () => {
    expect(outcomeCounts(schoolCalendar().items)).toEqual({ pass: 3, due: 1, fail: 2, na: 1 })
    const d = districtCalendar()
    expect(openColumns(d.schools[1], d.columns).map((o) => [o.column.key, o.outcome])).toEqual([
      ['first_lesson:2025-2', 'fail'],
      ['bullying_lesson:2026-1', 'due'],
      ['fire_month:2026', 'fail'],
    ])
    expect(openColumns(d.schools[2], d.columns)).toEqual([])
  })
})
