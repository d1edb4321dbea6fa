// One table of a unit's calendar settings (semesters, days off, dismissal times) as a settings
// form (useSettingsForm): its own 保存 and 撤销修改, client checks per cell, and the server's
// field errors — `terms[1].starts_on` lands in that cell, anything else (a whole row, the unit)
// is listed above the table naming the row. Beside it, the rows inherited from the units above
// (沿用 示范区教育局), which the unit may override one by one where the table allows it.
// Shown with components/CalendarSection.vue (the frame and both tables) and CellColumn.vue (a
// column of the unit's own rows); each section names only its columns, its empty row and what
// an override copies. Unit-tested in __tests__/useCalendarSection.spec.ts.
import { computed, watch, type ComputedRef, type InjectionKey } from 'vue'
import type { UnitCalendar } from '@/api/calendar'
import { problemMessages, useSettingsForm, type SettingsForm } from '@/composables/useSettingsForm'
import { useSessionStore } from '@/stores/session'
import { perm } from '@/utils/permissions'
import { cellKey, emptyCalendar, inherited, otherErrors, type RowProblem, type RowsForm, type SettingsList } from './calendarHelpers'
import { useCalendarLabels } from './useCalendarLabels'

/** The props of the three sections (SettingsPanel reads the unit's calendar once for them). */
export interface CalendarSectionProps {
  unitId: number
  /** The unit's calendar as last read or saved (null while it loads): what it inherits. */
  calendar: UnitCalendar | null
  /** The unit's calendar (shared by the three tables, read once). */
  loader: () => Promise<UnitCalendar>
  /** Changes when the tables are to read the calendar again (another unit). */
  reloadKey: number
}

/** An inherited row: an entry of the effective list, with the unit that set it. */
export interface InheritedRow {
  unit_id: number
  unit_name?: string
}

export interface CalendarSectionOptions<R, B, I extends InheritedRow> {
  list: SettingsList
  /** The table's columns (error paths naming another field are listed above it). */
  fields: readonly string[]
  put: (unitId: number, body: B) => Promise<UnitCalendar>
  toForm: (cal: UnitCalendar) => RowsForm<R>
  toBody: (form: RowsForm<R>) => B
  problems: (rows: readonly R[]) => RowProblem[]
  /** The effective list (the unit's own rows and the inherited ones), in the order to show. */
  effective: (cal: UnitCalendar) => readonly I[]
  /** What 添加一行 adds, given the rows there are. */
  blank: (rows: readonly R[]) => R
  /** Inherited rows the unit may override, each with 覆盖 (none: no such column). */
  override?: {
    /** How the 覆盖 button names the row (its aria-label). */
    what: (x: I) => string
    /** Whether the unit's own row already overrides it (覆盖 disabled). */
    same: (own: R, x: I) => boolean
    /** The unit's own row that 覆盖 adds. */
    row: (x: I) => R
  }
  onSaved: (cal: UnitCalendar) => void
}

/** What a section hands its frame (CalendarSection.vue) and columns (CellColumn.vue). */
export interface CalendarSection<R, I extends InheritedRow = InheritedRow> {
  list: SettingsList
  settings: SettingsForm<UnitCalendar, RowsForm<R>>
  /** The unit's own rows, as edited. */
  form: RowsForm<R>
  /** Errors without a cell, as sentences naming the row. */
  others: ComputedRef<string[]>
  /** The rows inherited from the units above. */
  inheritedRows: ComputedRef<I[]>
  /** The error of one cell, for `<el-form-item :error>`. */
  errorOf: (row: number, field: string) => string | undefined
  /** The name of a cell's control: 第 2 行 开学日期. */
  cellLabel: (row: number, field: string) => string
  /** The data-test of a cell: terms-1-starts_on. */
  cellTest: (row: number, field: string) => string
  add: (row: R) => void
  /** 添加一行. */
  addBlank: () => void
  remove: (index: number) => void
  /** Whether the inherited rows have 覆盖. */
  canOverride: boolean
  hasOwn: (x: I) => boolean
  override: (x: I) => void
  overrideWhat: (x: I) => string
  label: ReturnType<typeof useCalendarLabels>
  t: ReturnType<typeof useCalendarLabels>['t']
}

/** The section, for its columns (CellColumn.vue): provided by CalendarSection.vue. */
export const calendarSectionKey: InjectionKey<Pick<CalendarSection<unknown>, 'errorOf' | 'cellLabel' | 'cellTest'>> =
  Symbol('calendarSection')

export function useCalendarSection<R, B, I extends InheritedRow>(
  props: CalendarSectionProps,
  o: CalendarSectionOptions<R, B, I>,
): CalendarSection<R, I> {
  const session = useSessionStore()
  const label = useCalendarLabels()
  const { t } = label

  const problemText = (p: RowProblem): string =>
    p.kind === 'required'
      ? t('calendar.settings.problems.required', { field: label.field(p.field) })
      : t(`calendar.settings.problems.${p.kind}`)

  const settings: SettingsForm<UnitCalendar, RowsForm<R>> = useSettingsForm<UnitCalendar, RowsForm<R>, B>({
    get: () => props.loader(),
    put: (body) => o.put(props.unitId, body),
    toForm: o.toForm,
    toBody: o.toBody,
    defaults: emptyCalendar,
    canWrite: () => session.can(perm.calendarWrite),
    validate: (form) => problemMessages(o.problems(form.rows), (p) => p.key, problemText),
    onSaved: (value) => o.onSaved(value),
    immediate: false,
  })
  const form = settings.form
  watch(
    () => props.reloadKey,
    () => void settings.load(),
    { immediate: true },
  )

  const others = computed(() =>
    otherErrors(settings.errors, o.list, form.rows.length, o.fields).map((e) =>
      e.row === null
        ? t('calendar.settings.unitError', { field: label.field(e.field), reason: e.reason })
        : e.field
          ? t('calendar.settings.rowError', { row: e.row, field: label.field(e.field), reason: e.reason })
          : t('calendar.settings.rowOnly', { row: e.row, reason: e.reason }),
    ),
  )
  const inheritedRows = computed(() => (props.calendar ? inherited(o.effective(props.calendar), props.calendar.unit.id) : []))

  const errorOf = (row: number, field: string): string | undefined => settings.errors[cellKey(o.list, row, field)]
  const cellLabel = (row: number, field: string): string => t('calendar.settings.cellLabel', { row: row + 1, field: label.field(field) })
  const cellTest = (row: number, field: string): string => `${o.list}-${row}-${field}`

  /** Rows move when one is added or removed: the errors (which name rows) go. */
  function add(row: R): void {
    settings.clearErrors()
    form.rows.push(row)
  }
  function remove(index: number): void {
    settings.clearErrors()
    form.rows.splice(index, 1)
  }

  const ov = o.override
  return {
    list: o.list,
    settings,
    form,
    others,
    inheritedRows,
    errorOf,
    cellLabel,
    cellTest,
    add,
    addBlank: () => add(o.blank(form.rows)),
    remove,
    canOverride: ov !== undefined,
    hasOwn: (x) => (ov ? form.rows.some((r) => ov.same(r, x)) : false),
    override: (x) => {
      if (ov) add(ov.row(x))
    },
    overrideWhat: (x) => (ov ? ov.what(x) : ''),
    label,
    t,
  }
}
