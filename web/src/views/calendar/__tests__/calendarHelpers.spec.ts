import { describe, expect, it } from 'vitest'
import type { CalendarDay, UnitCalendar } from '@/api/calendar'
import {
  DAY_MARKS,
  MARK_TAG,
  dayMark,
  dayName,
  dayOf,
  dismissalProblems,
  dismissalsBody,
  dismissalsForm,
  dutyKind,
  exceptionProblems,
  exceptionsBody,
  holidayOfField,
  inherited,
  isMonth,
  monthGrid,
  monthOf,
  nextTerm,
  otherErrors,
  parseHolidayFile,
  parsePath,
  schoolYearOf,
  schoolYearOptions,
  shiftMonth,
  termProblems,
  termsBody,
  termsForm,
  timeOptions,
  validTime,
} from '../calendarHelpers'

/** The days of a month as the server gives them (only date and weekday matter here). */
function monthDays(year: number, month: number): { date: string; weekday: number }[] {
  const out = []
  for (let d = 1; d <= new Date(year, month, 0).getDate(); d++) {
    const date = new Date(year, month - 1, d)
    out.push({ date: dayOf(date), weekday: date.getDay() === 0 ? 7 : date.getDay() })
  }
  return out
}

function day(over: Partial<CalendarDay>): CalendarDay {
  return {
    date: '2026-10-12',
    weekday: 1,
    kind: 'school_day',
    name: '',
    holiday: '',
    makeup_workday: false,
    exception: false,
    term: '2026—2027学年第一学期',
    dismissal: '16:30',
    last_of_week: false,
    before_break: '',
    duties: [],
    ...over,
  }
}

describe('months', () => {
  it('moves across years and tells a month from anything else', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-10', -2)).toBe('2026-08')
    expect(shiftMonth('2026-10', 0)).toBe('2026-10')
    expect(shiftMonth('2026-10', 27)).toBe('2029-01')
    expect(shiftMonth('nonsense', 1)).toBe('nonsense')
    expect(isMonth('2026-10')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-1')).toBe(false)
    expect(isMonth(['2026-10'])).toBe(false)
    expect(monthOf(new Date(2026, 11, 3))).toBe('2026-12')
    expect(dayOf(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

describe('monthGrid', () => {
  it('starts on Monday: October 2026 (1 October a Thursday) has three blanks before it', () => {
    const weeks = monthGrid(monthDays(2026, 10))
    expect(weeks).toHaveLength(5)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null])
    expect(weeks[0][3]?.date).toBe('2026-10-01')
    expect(weeks[0][6]?.date).toBe('2026-10-04') // a Sunday closes the row
    expect(weeks[4][5]?.date).toBe('2026-10-31')
    expect(weeks[4][6]).toBeNull()
  })

  it('needs no blank before a month starting on Monday, and six rows when a month spills over', () => {
    const june = monthGrid(monthDays(2026, 6)) // 1 June 2026 is a Monday
    expect(june[0][0]?.date).toBe('2026-06-01')
    expect(june.flat().filter((d) => d === null)).toHaveLength(5)
    const august = monthGrid(monthDays(2026, 8)) // 1 August 2026 is a Saturday, 31 days
    expect(august).toHaveLength(6)
    expect(august[0].filter((d) => d === null)).toHaveLength(5)
    expect(august[5][0]?.date).toBe('2026-08-31')
  })

  it('keeps every day once and in order; an empty month has no rows', () => {
    const days = monthDays(2027, 2)
    expect(monthGrid(days).flat().filter((d) => d !== null)).toEqual(days)
    expect(monthGrid([])).toEqual([])
  })
})

describe('day marks', () => {
  it('splits school days into ordinary, make-up (调休) and extra days; other kinds are their own mark', () => {
    expect(dayMark(day({}))).toBe('school_day')
    expect(dayMark(day({ makeup_workday: true, holiday: '国庆节', name: '国庆节调休上课' }))).toBe('makeup')
    expect(dayMark(day({ exception: true, name: '补课' }))).toBe('extra')
    expect(dayMark(day({ kind: 'day_off', exception: true, name: '秋季运动会' }))).toBe('day_off')
    for (const kind of ['weekend', 'holiday', 'vacation', 'unknown'] as const) expect(dayMark(day({ kind }))).toBe(kind)
  })

  it('gives every mark a colour, days off and holidays the danger colour', () => {
    for (const m of DAY_MARKS) expect(MARK_TAG[m]).toBeTruthy()
    expect(MARK_TAG.day_off).toBe('danger')
    expect(MARK_TAG.holiday).toBe('danger')
    expect(MARK_TAG.school_day).toBe('primary')
    expect(new Set(DAY_MARKS).size).toBe(8)
  })

  it('names a make-up day as one even when the server does not', () => {
    expect(dayName(day({ makeup_workday: true, holiday: '国庆节', name: '国庆节调休上课' }))).toBe('国庆节调休上课')
    expect(dayName(day({ makeup_workday: true, holiday: '劳动节', name: '' }))).toBe('劳动节调休上课')
    expect(dayName(day({ kind: 'holiday', holiday: '国庆节', name: '国庆节' }))).toBe('国庆节')
    expect(dayName(day({}))).toBe('')
  })

  it('tells the 1530 duties apart by their code', () => {
    expect(dutyKind('edu.1530.daily')).toBe('daily')
    expect(dutyKind('edu.1530.weekly')).toBe('weekly')
    expect(dutyKind('edu.1530.holiday')).toBe('holiday')
    expect(dutyKind('edu.other')).toBe('other')
  })
})

describe('dismissal times', () => {
  it('offers every five minutes from 10:00 to 21:00 and keeps a time set otherwise', () => {
    const times = timeOptions()
    expect(times[0]).toBe('10:00')
    expect(times.at(-1)).toBe('21:00')
    expect(times).toContain('15:40')
    expect(times).toHaveLength(133)
    expect(timeOptions(5, ['16:32', null, 'bad'])).toContain('16:32')
    expect(timeOptions(5, ['16:32'])).toHaveLength(134)
  })

  it('accepts HH:MM within the server’s range only', () => {
    expect(validTime('16:30')).toBe(true)
    expect(validTime('21:00')).toBe(true)
    expect(validTime('09:59')).toBe(false)
    expect(validTime('21:01')).toBe(false)
    expect(validTime('9:30')).toBe(false)
    expect(validTime(null)).toBe(false)
  })

  it('sorts the rows (every grade and every day first) and sends them as they are shown', () => {
    const form = dismissalsForm({
      dismissals: [
        { grade: 0, weekday: 5, time: '15:40', unit_id: 1 },
        { grade: 3, weekday: 0, time: '16:10', unit_id: 1 },
        { grade: 0, weekday: 0, time: '16:30', unit_id: 1 },
      ],
    })
    expect(form.rows).toEqual([
      { grade: 0, weekday: 0, time: '16:30' },
      { grade: 0, weekday: 5, time: '15:40' },
      { grade: 3, weekday: 0, time: '16:10' },
    ])
    expect(dismissalsBody(form)).toEqual(form.rows)
  })

  it('finds missing and invalid times and a grade and weekday set twice', () => {
    const problems = dismissalProblems([
      { grade: 0, weekday: 0, time: '16:30' },
      { grade: 0, weekday: 0, time: null },
      { grade: 2, weekday: 5, time: '08:00' },
    ])
    expect(problems.map((p) => [p.key, p.kind])).toEqual([
      ['dismissals[1].time', 'required'],
      ['dismissals[1].weekday', 'duplicate'],
      ['dismissals[2].time', 'time'],
    ])
  })
})

describe('semesters', () => {
  it('counts a school year from August', () => {
    expect(schoolYearOf('2026-09-01')).toBe(2026)
    expect(schoolYearOf('2027-01-22')).toBe(2026)
    expect(schoolYearOf('2026-03-02')).toBe(2025)
    expect(schoolYearOptions('2026-12-03')).toEqual([2024, 2025, 2026, 2027, 2028, 2029])
    expect(schoolYearOptions('2026-12-03', [2020, null])).toContain(2020)
  })

  it('proposes the semester after the last row, or the one of today', () => {
    expect(nextTerm([{ school_year: 2026, term: 1 }], '2026-12-03')).toEqual({ school_year: 2026, term: 2 })
    expect(nextTerm([{ school_year: 2025, term: 2 }], '2026-12-03')).toEqual({ school_year: 2026, term: 1 })
    expect(nextTerm([], '2026-12-03')).toEqual({ school_year: 2026, term: 1 })
    expect(nextTerm([], '2027-03-01')).toEqual({ school_year: 2026, term: 2 })
  })

  it('maps the unit’s semesters to rows and back, in order', () => {
    const cal: Pick<UnitCalendar, 'terms'> = {
      terms: [
        { school_year: 2025, term: 2, label: '2025—2026学年第二学期', starts_on: '2026-03-02', ends_on: '2026-07-10', unit_id: 1 },
        { school_year: 2026, term: 1, label: '2026—2027学年第一学期', starts_on: '2026-09-01', ends_on: '2027-01-22', unit_id: 1 },
      ],
    }
    const form = termsForm(cal)
    expect(form.rows[1]).toEqual({ school_year: 2026, term: 1, starts_on: '2026-09-01', ends_on: '2027-01-22' })
    expect(termsBody(form)).toEqual(cal.terms.map(({ school_year, term, starts_on, ends_on }) => ({ school_year, term, starts_on, ends_on })))
  })

  it('finds empty cells, an end before the start and a semester twice, keyed by the server’s paths', () => {
    const problems = termProblems([
      { school_year: 2026, term: 1, starts_on: '2026-09-01', ends_on: '2027-01-22' },
      { school_year: 2026, term: 1, starts_on: '2027-02-20', ends_on: '2027-02-01' },
      { school_year: null, term: null, starts_on: null, ends_on: null },
    ])
    expect(problems.map((p) => [p.key, p.kind, p.row])).toEqual([
      ['terms[1].ends_on', 'order', 2],
      ['terms[1].term', 'duplicate', 2],
      ['terms[2].school_year', 'required', 3],
      ['terms[2].term', 'required', 3],
      ['terms[2].starts_on', 'required', 3],
      ['terms[2].ends_on', 'required', 3],
    ])
  })
})

describe('days off', () => {
  it('needs a date once and a reason, and sends the reason trimmed', () => {
    const rows = [
      { date: '2026-11-20', school_day: false, reason: '秋季运动会' },
      { date: '2026-11-20', school_day: true, reason: ' ' },
      { date: null, school_day: false, reason: '考试' },
    ]
    expect(exceptionProblems(rows).map((p) => [p.key, p.kind])).toEqual([
      ['exceptions[1].date', 'duplicate'],
      ['exceptions[1].reason', 'required'],
      ['exceptions[2].date', 'required'],
    ])
    expect(exceptionsBody({ rows: [{ date: '2026-10-16', school_day: false, reason: ' 教师培训 ' }] })).toEqual([
      { date: '2026-10-16', school_day: false, reason: '教师培训' },
    ])
  })
})

describe('server errors', () => {
  it('reads a field path', () => {
    expect(parsePath('terms[1].starts_on')).toEqual({ list: 'terms', row: 1, field: 'starts_on' })
    expect(parsePath('exceptions[0]')).toEqual({ list: 'exceptions', row: 0, field: '' })
    expect(parsePath('holidays[1].workdays[0]')).toBeNull()
    expect(parsePath('unit_id')).toBeNull()
  })

  it('keeps the errors with a cell in the table and lists the rest naming the row', () => {
    const errors = {
      'terms[0].starts_on': '与 2026—2027学年第一学期的日期重叠',
      'terms[1]': '学期重复',
      'terms[5].ends_on': '行不存在',
      'terms[0].label': '未知字段',
      unit_id: '只能为教育局、片区或学校设置校历',
    }
    expect(otherErrors(errors, 'terms', 2, ['school_year', 'term', 'starts_on', 'ends_on'])).toEqual([
      { key: 'terms[1]', row: 2, field: '', reason: '学期重复' },
      { key: 'terms[5].ends_on', row: 6, field: 'ends_on', reason: '行不存在' },
      { key: 'terms[0].label', row: 1, field: 'label', reason: '未知字段' },
      { key: 'unit_id', row: null, field: 'unit_id', reason: '只能为教育局、片区或学校设置校历' },
    ])
  })

  it('separates what the unit set from what it inherits', () => {
    const list = [
      { date: '2026-11-20', unit_id: 21 },
      { date: '2026-12-31', unit_id: 1 },
    ]
    expect(inherited(list, 21)).toEqual([{ date: '2026-12-31', unit_id: 1 }])
    expect(inherited(list, 1)).toEqual([{ date: '2026-11-20', unit_id: 21 }])
  })
})

describe('holiday notice files', () => {
  it('reads the shape of data/holidays/2026.json (a byte-order mark too)', () => {
    const text = '\uFEFF' + JSON.stringify({ year: 2027, title: '通知', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }] })
    const parsed = parseHolidayFile(text)
    expect('input' in parsed && parsed.input.year).toBe(2027)
  })

  it('refuses what is not a notice, saying why', () => {
    expect(parseHolidayFile('{year: 2027')).toEqual({ problem: 'json' })
    expect(parseHolidayFile('[1, 2]')).toEqual({ problem: 'shape' })
    expect(parseHolidayFile('{"year": "2027", "holidays": []}')).toEqual({ problem: 'year' })
    expect(parseHolidayFile('{"year": 2027.5, "holidays": []}')).toEqual({ problem: 'year' })
    expect(parseHolidayFile('{"year": 2027, "title": "x"}')).toEqual({ problem: 'shape' })
  })

  it('names the holiday a refused field belongs to', () => {
    const input = { year: 2027, title: 't', holidays: [{ name: '元旦', from: '', to: '' }, { name: '春节', from: '', to: '' }] }
    expect(holidayOfField('holidays[1].workdays[0]', input)).toBe('春节')
    expect(holidayOfField('holidays[0].from', input)).toBe('元旦')
    expect(holidayOfField('holidays[7].name', input)).toBe('')
    expect(holidayOfField('title', input)).toBe('')
    expect(holidayOfField('holidays[0]', null)).toBe('')
  })
})
