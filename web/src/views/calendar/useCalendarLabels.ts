// The words of the calendar pages for codes and numbers: weekdays, grades, school years,
// semesters, day marks and duties (calendar.* in the locale files).
import { useI18n } from 'vue-i18n'
import type { DismissalInput } from '@/api/calendar'
import { dutyKind, type DayMark } from './calendarHelpers'

export function useCalendarLabels() {
  const { t, te } = useI18n()

  // Element Plus renders a table column's cell slot once with an empty row to see what it holds:
  // a code that is not a number is nothing.
  const isDay = (w: unknown): w is number => typeof w === 'number' && Number.isInteger(w) && w >= 1 && w <= 7
  /** 1 = Monday … 7 = Sunday: 一 … 日. */
  const weekdayShort = (w: number): string => (isDay(w) ? t(`calendar.month.weekdayShort[${w - 1}]`) : '')
  /** 星期一 … 星期日. */
  const weekdayLong = (w: number): string => (isDay(w) ? t(`calendar.month.weekdayLong[${w - 1}]`) : '')
  /** 0 = 每天, 1 = 周一 … 7 = 周日. */
  const weekday = (w: number): string =>
    w === 0 ? t('calendar.settings.everyDay') : isDay(w) ? t(`calendar.settings.weekday[${w - 1}]`) : ''
  /** 0 = 全校, else 3年级. */
  const grade = (g: number): string =>
    g === 0 ? t('calendar.settings.allGrades') : typeof g === 'number' ? t('calendar.settings.grade', { n: g }) : ''
  const schoolYear = (y: number): string => t('calendar.settings.schoolYear', { from: y, to: y + 1 })
  const term = (n: number): string => t(n === 1 ? 'calendar.settings.term1' : 'calendar.settings.term2')
  const mark = (m: DayMark): string => t(`calendar.mark.${m}`)
  const kind = (m: DayMark): string => t(`calendar.kind.${m}`)
  const duty = (code: string): string => t(`calendar.duty.${dutyKind(code)}`)
  /** 每天 16:30, 周五 15:40, 3年级 每天 16:10. */
  const dismissal = (d: DismissalInput): string => `${d.grade ? grade(d.grade) + ' ' : ''}${weekday(d.weekday)} ${d.time}`
  const field = (f: string): string => (te(`calendar.settings.fields.${f}`) ? t(`calendar.settings.fields.${f}`) : f)

  return { t, weekdayShort, weekdayLong, weekday, grade, schoolYear, term, mark, kind, duty, dismissal, field }
}
