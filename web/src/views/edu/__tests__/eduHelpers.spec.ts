import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  checkinInput,
  checkinTime,
  classFilter,
  classTitle,
  completionQuery,
  classToForm,
  createBody,
  emptyClassForm,
  studentsOf,
  studentsText,
  emptyClassSearch,
  gradeLabel,
  gradeOptions,
  isDone,
  kindLabel,
  rateStatus,
  rateText,
  schoolsByRate,
  sessionSections,
  updateBody,
} from '../eduHelpers'
import { TODAY, completion, districtView, eduClass, session } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

describe('grades and class names', () => {
  it('names the grades: 0 as 幼儿园/未分年级, 1..12 as 一年级…高三', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(gradeLabel(t, 0)).toBe('幼儿园/未分年级')
    expect(gradeLabel(t, 1)).toBe('一年级')
    expect(gradeLabel(t, 6)).toBe('六年级')
    expect(gradeLabel(t, 9)).toBe('九年级')
    expect(gradeLabel(t, 10)).toBe('高一')
    expect(gradeLabel(t, 12)).toBe('高三')
    expect(gradeLabel(t, 13)).toBe('13')
    expect(gradeLabel(t, undefined)).toBe('')
    expect(gradeOptions(t)).toHaveLength(13)
    expect(gradeOptions(t)[3]).toEqual({ value: 3, label: '三年级' })
  })

  it('puts the grade before a class name that does not say it', () => {
    expect(classTitle(t, 3, '2班')).toBe('三年级2班')
    expect(classTitle(t, 3, '三年级2班')).toBe('三年级2班')
    expect(classTitle(t, 0, '大班')).toBe('大班')
    expect(classTitle(t, 10, '1班')).toBe('高一1班')
  })

  it('says the kind with the server’s label, else its own', () => {
    expect(kindLabel(t, 'weekly', '每周最后一个上学日放学前5分钟')).toBe('每周最后一个上学日放学前5分钟')
    expect(kindLabel(t, 'holiday')).toBe('节假日前放学前30分钟')
    expect(kindLabel(t, 'daily', '')).toBe('每日放学前1分钟')
    expect(kindLabel(t, 'other')).toBe('other')
  })
})

describe('the teacher’s page', () => {
  it('cuts the sessions into today’s, those to record late and those missed', () => {
    const today = session()
    const late = session({ date: '2026-12-04', state: 'missed', state_label: '未开展', can_check_in: true })
    const missed = session({ date: '2026-11-30', state: 'missed', state_label: '未开展', can_check_in: false })
    const s = sessionSections([today, late, missed], TODAY)
    expect(s.today).toEqual([today])
    expect(s.late).toEqual([late])
    expect(s.missed).toEqual([missed])
    // A late one just recorded here stays in its section.
    const recorded = { ...late, state: 'late', can_check_in: false, checkin: { id: 1, topic: 'fire', topic_label: '消防安全', note: '', by: 'a', by_name: '王芳', at: '2026-12-07T01:10:00Z', on: TODAY, file_ids: [] } }
    expect(sessionSections([recorded], TODAY).late).toEqual([recorded])
    expect(isDone(recorded)).toBe(true)
    expect(isDone(today)).toBe(false)
  })

  it('says when a check-in was made, in China', () => {
    const checkin = { id: 1, topic: 'fire', topic_label: '消防安全', note: '', by: 'a', by_name: '王芳', at: '2026-12-07T07:58:00Z', on: TODAY, file_ids: [] }
    expect(checkinTime({ date: TODAY, checkin })).toBe('15:58')
    expect(checkinTime({ date: '2026-12-04', checkin })).toBe('12-07 15:58')
    expect(checkinTime({ date: TODAY, checkin: null })).toBe('')
  })

  it('builds the check-in body from the session, the form and the photos', () => {
    expect(checkinInput(session(), { topic: 'drowning', note: '  防溺水  ' }, [41, 42])).toEqual({
      class_id: 7,
      date: TODAY,
      kind: 'daily',
      topic: 'drowning',
      note: '防溺水',
      file_ids: [41, 42],
    })
    expect(checkinInput(session({ kind: 'weekly' }), { topic: '', note: '' }, [])).toEqual({
      class_id: 7,
      date: TODAY,
      kind: 'weekly',
      topic: 'traffic',
      note: '',
      file_ids: [],
    })
  })
})

describe('classes', () => {
  it('sends only the filters that are set', () => {
    expect(classFilter(emptyClassSearch())).toEqual({})
    expect(classFilter({ school_id: 21, grade: 0, q: ' 2班 ', include_inactive: true })).toEqual({ school_id: 21, grade: 0, q: '2班', include_inactive: true })
    expect(classFilter({ school_id: undefined, grade: '', q: '', include_inactive: false })).toEqual({})
  })

  it('builds the create and update bodies, the version going back', () => {
    const f = { school_id: 21, grade: 3, name: ' 2班 ', teacher: 'school1_teacher', students: 45, active: false }
    expect(createBody(f)).toEqual({ school_id: 21, grade: 3, name: '2班', teacher: 'school1_teacher', students: 45 })
    expect(updateBody(f, eduClass().version)).toEqual({ grade: 3, name: '2班', teacher: 'school1_teacher', students: 45, active: false, version: 4 })
  })

  it('sends 班级人数 as a whole number 0–200, 0 when not given, and shows an unknown size as —', () => {
    expect(studentsOf({ students: undefined })).toBe(0)
    expect(studentsOf({ students: null })).toBe(0)
    expect(studentsOf({ students: 38.6 })).toBe(39)
    expect(studentsOf({ students: 250 })).toBe(200)
    expect(studentsOf({ students: -3 })).toBe(0)
    expect(classToForm(eduClass({ students: 0 })).students).toBeUndefined()
    expect(classToForm(eduClass({ students: 42 })).students).toBe(42)
    expect(emptyClassForm(21).students).toBeUndefined()
    expect(studentsText(0)).toBe('—')
    expect(studentsText(42)).toBe('42')
  })
})

describe('completion', () => {
  it('asks for the period, the custom days and the school', () => {
    expect(completionQuery({ period: 'week', range: null, schoolId: undefined })).toEqual({ period: 'week' })
    expect(completionQuery({ period: 'semester', range: ['2026-12-01', '2026-12-02'], schoolId: 21 })).toEqual({ period: 'semester', school_id: 21 })
    expect(completionQuery({ period: 'custom', range: ['2026-11-01', '2026-11-30'], schoolId: undefined })).toEqual({
      period: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(completionQuery({ period: 'custom', range: null, schoolId: 21 })).toBeNull()
  })

  it('shows a rate in percent, — when nothing is due', () => {
    expect(rateText(0.9)).toBe('90%')
    expect(rateText(0.875)).toBe('87.5%')
    expect(rateText(1, 20)).toBe('100%')
    expect(rateText(0, 0)).toBe('—')
    expect(rateStatus(0.96, 10)).toBe('success')
    expect(rateStatus(0.85, 10)).toBe('warning')
    expect(rateStatus(0.5, 10)).toBe('exception')
    expect(rateStatus(0, 0)).toBeUndefined()
  })

  it('orders the schools lowest rate first, nothing due last', () => {
    const rows = [...districtView().schools].reverse()
    rows.push({ school_id: 24, school_name: '新建小学', classes: 0, ...completion(0, 0, 0, 0) })
    expect(schoolsByRate(rows).map((r) => r.school_id)).toEqual([22, 21, 23, 24])
  })
})
