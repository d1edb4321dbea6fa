// The shared piece of the three calendar settings tables: useCalendarSection with its frame
// (CalendarSection.vue) and columns (CellColumn.vue), driven by a small section of days off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElTableColumn } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, type PropType } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { DayException, DayExceptionInput, UnitCalendar } from '@/api/calendar'
import { emptyCalendar, exceptionProblems, exceptionsBody, exceptionsForm, type ExceptionRow } from '../calendarHelpers'
import { useCalendarSection, type CalendarSection as Section } from '../useCalendarSection'
import CalendarSection from '../components/CalendarSection.vue'
import CellColumn from '../components/CellColumn.vue'

vi.setConfig({ testTimeout: 60_000 })

function me(permissions: string[]): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function calendar(): UnitCalendar {
  return {
    ...emptyCalendar(),
    unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
    exceptions: [{ date: '2026-11-20', school_day: false, reason: '秋季运动会', unit_id: 21 }],
    effective_exceptions: [
      { date: '2026-10-09', school_day: true, reason: '调课', unit_id: 1, unit_name: '示范区教育局' },
      { date: '2026-11-20', school_day: false, reason: '秋季运动会', unit_id: 21, unit_name: '示范区双桥小学' },
    ],
  }
}

/** A section of days off with a date and a reason column; `override` off: no 覆盖. */
const DaysOff = defineComponent({
  props: {
    unitId: { type: Number, required: true },
    calendar: { type: Object as PropType<UnitCalendar | null>, default: null },
    loader: { type: Function as PropType<() => Promise<UnitCalendar>>, required: true },
    reloadKey: { type: Number, required: true },
    put: { type: Function as PropType<(id: number, body: DayExceptionInput[]) => Promise<UnitCalendar>>, required: true },
    override: { type: Boolean, default: true },
  },
  emits: { saved: (_: UnitCalendar) => true },
  setup(props, { emit, expose }) {
    const s: Section<ExceptionRow, DayException> = useCalendarSection<ExceptionRow, DayExceptionInput[], DayException>(props, {
      list: 'exceptions',
      fields: ['date', 'school_day', 'reason'],
      put: (id, body) => props.put(id, body),
      toForm: exceptionsForm,
      toBody: exceptionsBody,
      problems: exceptionProblems,
      effective: (cal) => cal.effective_exceptions,
      blank: (rows) => ({ date: null, school_day: false, reason: `第 ${rows.length + 1} 条` }),
      override: props.override
        ? { what: (x) => x.date, same: (own, x) => own.date === x.date, row: (x) => ({ date: x.date, school_day: !x.school_day, reason: '' }) }
        : undefined,
      onSaved: (value) => emit('saved', value),
    })
    expose({ s })
    const cell = (field: 'date' | 'reason') =>
      h(CellColumn, { field, minWidth: 150 }, {
        default: (c: { index: number; label: string; test: string }) =>
          h('input', {
            'aria-label': c.label,
            'data-test': c.test,
            value: s.form.rows[c.index]?.[field] ?? '',
            onInput: (e: Event) => (s.form.rows[c.index][field] = (e.target as HTMLInputElement).value),
          }),
      })
    return () =>
      h(CalendarSection, { section: s } as never, {
        inherited: () => [h(ElTableColumn, { prop: 'date', label: '日期' }), h(ElTableColumn, { prop: 'reason', label: '事由' })],
        'after-inherited': () => h('p', { 'data-test': 'after-inherited' }, '之后'),
        default: () => [cell('date'), cell('reason')],
      })
  },
})

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountSection(permissions: string[], over: { override?: boolean; put?: ReturnType<typeof vi.fn> } = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me(permissions)
  const loader = vi.fn(async () => calendar())
  const put = over.put ?? vi.fn(async (_id: number, body: DayExceptionInput[]) => ({ ...calendar(), exceptions: body.map((x) => ({ ...x, unit_id: 21 })) }))
  const w = mount(DaysOff, {
    props: { unitId: 21, calendar: calendar(), loader, reloadKey: 0, put, override: over.override ?? true },
    global: { plugins: [ElementPlus, i18n, pinia] },
    attachTo: document.body,
  })
  await settle()
  return { w, loader, put }
}
const rowsOf = (w: Awaited<ReturnType<typeof mountSection>>['w']) =>
  (w.vm as unknown as { s: Section<ExceptionRow> }).s.form.rows.map((r) => ({ ...r }))

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('useCalendarSection with CalendarSection and CellColumn', () => {
  it('frames the section: heading, inherited rows with their unit and 覆盖, own rows with named cells', async () => {
    const { w, loader } = await mountSection(['calendar:read', 'calendar:write'])
    expect(loader).toHaveBeenCalledTimes(1)
    const section = w.find('[data-test="section-exceptions"]')
    expect(section.attributes('aria-labelledby')).toBe('calendar-section-exceptions')
    expect(section.find('h2').attributes('id')).toBe('calendar-section-exceptions')
    expect(section.find('h2').text()).toBe('放假调整')

    // Inherited: only the other unit's row, with 沿用 and 覆盖 named by its date.
    const inheritedTable = w.find('[data-test="exceptions-inherited"]')
    expect(inheritedTable.text()).toContain('2026-10-09')
    expect(inheritedTable.text()).not.toContain('2026-11-20')
    expect(inheritedTable.text()).toContain('沿用 示范区教育局')
    expect(w.find('[data-test="exceptions-override"]').attributes('aria-label')).toBe('覆盖 2026-10-09')
    expect(w.find('[data-test="after-inherited"]').exists()).toBe(true)

    // Own rows: each cell named for its row and field, and a 删除 per row.
    const date = w.find('[data-test="exceptions-0-date"]')
    expect(date.attributes('aria-label')).toBe('第 1 行 日期')
    expect((w.find('[data-test="exceptions-0-reason"]').element as HTMLInputElement).value).toBe('秋季运动会')
    expect(date.element.closest('.el-form-item')?.classList.contains('cell-item')).toBe(true)
    expect(w.find('[data-test="exceptions-table"]').text()).toContain('日期')
    expect(w.find('[data-test="exceptions-0-remove"]').attributes('aria-label')).toBe('删除第 1 行')
    for (const b of ['add', 'save', 'revert']) expect(w.find(`[data-test="exceptions-${b}"]`).exists()).toBe(true)
    expect(w.find('[data-test="exceptions-revert"]').attributes('disabled')).toBeDefined()
  })

  it('adds the empty row, overrides an inherited one once, removes rows, and undoes', async () => {
    const { w } = await mountSection(['calendar:read', 'calendar:write'])
    await w.find('[data-test="exceptions-add"]').trigger('click')
    expect(rowsOf(w)[1]).toEqual({ date: null, school_day: false, reason: '第 2 条' })
    await w.find('[data-test="exceptions-override"]').trigger('click')
    expect(rowsOf(w)[2]).toEqual({ date: '2026-10-09', school_day: false, reason: '' })
    await flushPromises()
    expect(w.find('[data-test="exceptions-override"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test="exceptions-revert"]').attributes('disabled')).toBeUndefined()

    await w.find('[data-test="exceptions-0-remove"]').trigger('click')
    expect(rowsOf(w).map((r) => r.reason)).toEqual(['第 2 条', ''])
    await w.find('[data-test="exceptions-revert"]').trigger('click')
    expect(rowsOf(w)).toEqual([{ date: '2026-11-20', school_day: false, reason: '秋季运动会' }])
  })

  it('puts client problems and the server’s errors in their cells, the rest above the table', async () => {
    const put = vi.fn(async () => {
      throw new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '字段无效',
          details: [
            { field: 'exceptions[0].reason', reason: '事由过长' },
            { field: 'exceptions[0]', reason: '与上级设置冲突' },
          ],
        },
        null,
      )
    })
    const { w } = await mountSection(['calendar:read', 'calendar:write'], { put })
    const errorOf = (test: string) => w.find(`[data-test="${test}"]`).element.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent

    await w.find('[data-test="exceptions-add"]').trigger('click')
    await w.find('[data-test="exceptions-1-reason"]').setValue('')
    await w.find('[data-test="exceptions-save"]').trigger('click')
    await settle()
    expect(put).not.toHaveBeenCalled()
    expect(errorOf('exceptions-1-date')).toContain('请填写日期')
    expect(errorOf('exceptions-1-reason')).toContain('请填写事由')

    await w.find('[data-test="exceptions-1-remove"]').trigger('click')
    await settle()
    expect(errorOf('exceptions-0-reason')).toBeFalsy() // removing a row clears the errors
    await w.find('[data-test="exceptions-save"]').trigger('click')
    await settle()
    expect(put).toHaveBeenCalledWith(21, [{ date: '2026-11-20', school_day: false, reason: '秋季运动会' }])
    expect(errorOf('exceptions-0-reason')).toContain('事由过长')
    expect(w.find('[data-test="exceptions-errors"]').text()).toContain('第 1 行：与上级设置冲突')
  })

  it('saves with the unit and reports it; reads again when the reload key changes', async () => {
    const { w, loader, put } = await mountSection(['calendar:read', 'calendar:write'])
    await w.find('[data-test="exceptions-save"]').trigger('click')
    await settle()
    expect(put).toHaveBeenCalledWith(21, [{ date: '2026-11-20', school_day: false, reason: '秋季运动会' }])
    expect(w.emitted('saved')).toHaveLength(1)
    await w.setProps({ reloadKey: 1 })
    await settle()
    expect(loader).toHaveBeenCalledTimes(2)
  })

  it('has no 覆盖 column where the section allows no override', async () => {
    const { w } = await mountSection(['calendar:read', 'calendar:write'], { override: false })
    expect(w.find('[data-test="exceptions-inherited"]').text()).toContain('沿用 示范区教育局')
    expect(w.find('[data-test="exceptions-override"]').exists()).toBe(false)
  })

  it('shows the rows read-only without calendar:write', async () => {
    const { w } = await mountSection(['calendar:read'])
    expect(w.find('[data-test="exceptions-0-date"]').exists()).toBe(true)
    for (const b of ['add', 'save', 'revert', 'override', '0-remove']) expect(w.find(`[data-test="exceptions-${b}"]`).exists()).toBe(false)
  })
})
