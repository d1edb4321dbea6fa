import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { CalendarDay, CalendarMonth, UnitCalendar } from '@/api/calendar'

const api = vi.hoisted(() => ({
  calendar: {
    holidays: vi.fn(),
    putHolidays: vi.fn(),
    unit: vi.fn(),
    putTerms: vi.fn(),
    putExceptions: vi.fn(),
    putDismissals: vi.fn(),
    month: vi.fn(),
  },
  schools: { list: vi.fn() },
  units: { list: vi.fn(), listAll: vi.fn() },
}))

vi.mock('@/api/calendar', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/calendar')>()
  return { ...real, calendarApi: api.calendar }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools, unitsApi: api.units }
})

import CalendarView from '../CalendarView.vue'

vi.setConfig({ testTimeout: 60_000 })

function user(permissions: string[], unit = { id: 21, name: '示范区双桥小学', kind: 'school' }): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function day(date: string, weekday: number, over: Partial<CalendarDay> = {}): CalendarDay {
  return {
    date,
    weekday,
    kind: weekday >= 6 ? 'weekend' : 'school_day',
    name: '',
    holiday: '',
    makeup_workday: false,
    exception: false,
    term: '2026—2027学年第一学期',
    dismissal: weekday >= 6 ? null : '16:30',
    last_of_week: false,
    before_break: '',
    duties: weekday >= 6 ? [] : [{ code: 'edu.1530.daily', label: '放学前 1 分钟安全提醒', at: '16:29' }],
    ...over,
  }
}

/** January 2027 (1 January a Friday) with the year's holidays not loaded. */
function january(): CalendarMonth {
  const days: CalendarDay[] = []
  for (let d = 1; d <= 31; d++) {
    const weekday = ((4 + d - 1) % 7) + 1
    const date = `2027-01-${String(d).padStart(2, '0')}`
    days.push(
      d <= 22
        ? day(date, weekday, { kind: 'unknown', name: '2027 年节假日安排未导入', dismissal: null, duties: [] })
        : day(date, weekday, { kind: 'vacation', name: '寒假', term: '', dismissal: null, duties: [] }),
    )
  }
  return {
    school: { id: 21, name: '示范区双桥小学' },
    month: '2027-01',
    missing_years: [2027],
    terms: [{ school_year: 2026, term: 1, label: '2026—2027学年第一学期', starts_on: '2026-09-01', ends_on: '2027-01-22', unit_id: 1 }],
    dismissals: [
      { grade: 0, weekday: 0, time: '16:30', unit_id: 1 },
      { grade: 0, weekday: 5, time: '15:40', unit_id: 1 },
    ],
    days,
  }
}

function schoolCalendar(): UnitCalendar {
  return {
    unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
    terms: [],
    exceptions: [{ date: '2026-11-20', school_day: false, reason: '秋季运动会', unit_id: 21 }],
    dismissals: [],
    effective_terms: [
      { school_year: 2026, term: 1, label: '2026—2027学年第一学期', starts_on: '2026-09-01', ends_on: '2027-01-22', unit_id: 1, unit_name: '示范区教育局' },
    ],
    effective_exceptions: [{ date: '2026-11-20', school_day: false, reason: '秋季运动会', unit_id: 21, unit_name: '示范区双桥小学' }],
    effective_dismissals: [{ grade: 0, weekday: 0, time: '16:30', unit_id: 1, unit_name: '示范区教育局' }],
  }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a debounce. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountView(path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/calendar', name: 'calendar', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(CalendarView, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) for (const fn of Object.values(group)) fn.mockReset()
  api.calendar.month.mockResolvedValue(january())
  api.calendar.unit.mockResolvedValue(schoolCalendar())
  api.calendar.holidays.mockResolvedValue({ items: [] })
  api.schools.list.mockResolvedValue({ items: [], total: 0 })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('CalendarView: the month', () => {
  it('shows the school’s own month as a Monday-first grid with every day marked in words', async () => {
    const w = await mountView('/calendar?month=2027-01', user(['calendar:read']))
    expect(api.calendar.month).toHaveBeenCalledWith(21, '2027-01')
    expect(api.schools.list).not.toHaveBeenCalled()
    expect(w.find('[data-test="month-school"]').exists()).toBe(false)
    expect(w.find('[data-test="month-title"]').text()).toBe('示范区双桥小学 2027年1月')
    const grid = w.find('[data-test="month-grid"]')
    const first = grid.findAll('tbody tr')[0].findAll('td')
    expect(first.map((td) => td.find('button').exists())).toEqual([false, false, false, false, true, true, true])
    expect(w.find('[data-test="day-2027-01-04"]').text()).toContain('未知')
    expect(w.find('[data-test="day-2027-01-25"]').text()).toContain('假期')
    expect(w.find('[data-test="day-2027-01-25"]').text()).toContain('寒假')
    // The year's holidays are missing: said in so many words.
    expect(w.find('[data-test="missing-years"]').text()).toContain('2027 年节假日安排尚未导入')
    expect(w.find('[data-test="month-info"]').text()).toContain('每天 16:30；周五 15:40')
    // No settings without calendar:write.
    expect(w.find('[data-test="tab-settings"]').exists()).toBe(false)
  })

  it('moves a month back and forth', async () => {
    const w = await mountView('/calendar?month=2027-01', user(['calendar:read']))
    await w.find('[data-test="month-prev"]').trigger('click')
    await flushPromises()
    expect(api.calendar.month).toHaveBeenLastCalledWith(21, '2026-12')
    await w.find('[data-test="month-next"]').trigger('click')
    await w.find('[data-test="month-next"]').trigger('click')
    await flushPromises()
    expect(api.calendar.month).toHaveBeenLastCalledWith(21, '2027-02')
  })

  it('opens a day with its duties', async () => {
    const month = january()
    month.days[3] = day('2027-01-04', 1, { duties: [{ code: 'edu.1530.daily', label: '放学前 1 分钟安全提醒', at: '16:29' }] })
    api.calendar.month.mockResolvedValue(month)
    const w = await mountView('/calendar?month=2027-01', user(['calendar:read']))
    await w.find('[data-test="day-2027-01-04"]').trigger('click')
    await settle()
    const duties = document.querySelector('[data-test="day-duties"]')
    expect(duties?.textContent).toContain('16:29')
    expect(duties?.textContent).toContain('放学前 1 分钟安全提醒')
    expect(document.querySelector('[data-test="day-term"]')?.textContent).toBe('2026—2027学年第一学期')
  })

  it('lets a bureau user pick the school, starting at the first one', async () => {
    api.schools.list.mockResolvedValue({ items: [{ id: 22, name: '示范区青石第2小学' }], total: 1 })
    const w = await mountView('/calendar?month=2027-01', user(['calendar:read', 'school:read'], { id: 1, name: '示范区教育局', kind: 'bureau' }))
    expect(w.find('[data-test="month-school"]').exists()).toBe(true)
    expect(api.calendar.month).toHaveBeenCalledWith(22, '2027-01')
  })
})

describe('CalendarView: the settings', () => {
  it('shows what the school inherits and puts the server’s reasons next to their cells or in a list', async () => {
    api.calendar.putExceptions.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '字段 exceptions[0].reason 无效',
          details: [
            { field: 'exceptions[0].reason', reason: '事由过长' },
            { field: 'exceptions[0]', reason: '与上级设置冲突' },
          ],
        },
        null,
      ),
    )
    const w = await mountView('/calendar?tab=settings', user(['calendar:read', 'calendar:write']))
    expect(api.calendar.unit).toHaveBeenCalledTimes(1)
    expect(api.calendar.unit).toHaveBeenCalledWith(21)
    expect(w.find('[data-test="settings-unit-name"]').text()).toBe('示范区双桥小学')
    expect(w.find('[data-test="terms-inherited"]').text()).toContain('沿用 示范区教育局')
    expect(w.find('[data-test="dismissals-inherited"]').text()).toContain('16:30')
    expect(w.find('[data-test="exceptions-inherited"]').exists()).toBe(false) // its own, not inherited
    expect((w.find('[data-test="exceptions-0-reason"]').element as HTMLInputElement).value).toBe('秋季运动会')

    await w.find('[data-test="exceptions-save"]').trigger('click')
    await settle()
    expect(api.calendar.putExceptions).toHaveBeenCalledWith(21, [{ date: '2026-11-20', school_day: false, reason: '秋季运动会' }])
    const item = w.find('[data-test="exceptions-0-reason"]').element.closest('.el-form-item')
    expect(item?.querySelector('.el-form-item__error')?.textContent).toContain('事由过长')
    expect(w.find('[data-test="exceptions-errors"]').text()).toContain('第 1 行：与上级设置冲突')
  })

  it('checks a new row before sending it', async () => {
    const w = await mountView('/calendar?tab=settings', user(['calendar:read', 'calendar:write']))
    await w.find('[data-test="exceptions-add"]').trigger('click')
    await w.find('[data-test="exceptions-save"]').trigger('click')
    await settle()
    expect(api.calendar.putExceptions).not.toHaveBeenCalled()
    const item = w.find('[data-test="exceptions-1-reason"]').element.closest('.el-form-item')
    expect(item?.querySelector('.el-form-item__error')?.textContent).toContain('请填写事由')
  })

  it('saves the semesters and reloads the month', async () => {
    const saved = { ...schoolCalendar(), terms: [{ ...schoolCalendar().effective_terms[0], unit_id: 21 }] }
    api.calendar.putTerms.mockResolvedValue(saved)
    const w = await mountView('/calendar?tab=settings', user(['calendar:read', 'calendar:write']))
    const before = api.calendar.month.mock.calls.length
    await w.find('[data-test="terms-override"]').trigger('click')
    await w.find('[data-test="terms-save"]').trigger('click')
    await settle()
    expect(api.calendar.putTerms).toHaveBeenCalledWith(21, [{ school_year: 2026, term: 1, starts_on: '2026-09-01', ends_on: '2027-01-22' }])
    expect(api.calendar.month.mock.calls.length).toBe(before + 1)
  })
})
