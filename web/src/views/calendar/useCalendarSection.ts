// One table of a unit's calendar settings (semesters, days off, dismissal times) as a settings
// form (useSettingsForm): its own 保存 and 撤销修改, client checks per cell, and the server's
// field errors — `terms[1].starts_on` lands in that cell, anything else (a whole row, the unit)
// is listed above the table naming the row.
import { computed } from 'vue'
import type { UnitCalendar } from '@/api/calendar'
import { problemMessages, useSettingsForm, type SettingsForm } from '@/composables/useSettingsForm'
import { useSessionStore } from '@/stores/session'
import { perm } from '@/utils/permissions'
import { cellKey, emptyCalendar, otherErrors, type RowProblem, type RowsForm, type SettingsList } from './calendarHelpers'
import { useCalendarLabels } from './useCalendarLabels'

export interface CalendarSectionOptions<R, B> {
  list: SettingsList
  /** The table's columns (error paths naming another field are listed above it). */
  fields: readonly string[]
  /** The unit's calendar (shared by the three tables, read once). */
  get: () => Promise<UnitCalendar>
  put: (body: B) => Promise<UnitCalendar>
  toForm: (cal: UnitCalendar) => RowsForm<R>
  toBody: (form: RowsForm<R>) => B
  problems: (rows: readonly R[]) => RowProblem[]
  onSaved: (cal: UnitCalendar) => void
}

export function useCalendarSection<R, B>(o: CalendarSectionOptions<R, B>) {
  const session = useSessionStore()
  const label = useCalendarLabels()
  const { t } = label

  const problemText = (p: RowProblem): string =>
    p.kind === 'required'
      ? t('calendar.settings.problems.required', { field: label.field(p.field) })
      : t(`calendar.settings.problems.${p.kind}`)

  const settings: SettingsForm<UnitCalendar, RowsForm<R>> = useSettingsForm<UnitCalendar, RowsForm<R>, B>({
    get: o.get,
    put: o.put,
    toForm: o.toForm,
    toBody: o.toBody,
    defaults: emptyCalendar,
    canWrite: () => session.can(perm.calendarWrite),
    validate: (form) => problemMessages(o.problems(form.rows), (p) => p.key, problemText),
    onSaved: (value) => o.onSaved(value),
    immediate: false,
  })

  /** Errors without a cell, as sentences naming the row. */
  const others = computed(() =>
    otherErrors(settings.errors, o.list, settings.form.rows.length, o.fields).map((e) =>
      e.row === null
        ? t('calendar.settings.unitError', { field: label.field(e.field), reason: e.reason })
        : e.field
          ? t('calendar.settings.rowError', { row: e.row, field: label.field(e.field), reason: e.reason })
          : t('calendar.settings.rowOnly', { row: e.row, reason: e.reason }),
    ),
  )

  const errorOf = (row: number, field: string): string | undefined => settings.errors[cellKey(o.list, row, field)]
  /** The name of a cell's control: 第 2 行 开学日期. */
  const cellLabel = (row: number, field: string): string => t('calendar.settings.cellLabel', { row: row + 1, field: label.field(field) })
  /** The data-test of a cell: terms-1-starts_on. */
  const cellTest = (row: number, field: string): string => `${o.list}-${row}-${field}`

  /** Rows move when one is added or removed: the errors (which name rows) go. */
  function add(row: R): void {
    settings.clearErrors()
    settings.form.rows.push(row)
  }
  function remove(index: number): void {
    settings.clearErrors()
    settings.form.rows.splice(index, 1)
  }

  return { settings, others, errorOf, cellLabel, cellTest, add, remove, label, t }
}
