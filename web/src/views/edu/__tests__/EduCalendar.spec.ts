// 安全教育日历: a school's items of the year by date with their outcome tags, windows, reasons and
// records, 去记录 (the record form's link with its theme, day and date) for holders of edu:lessons,
// the year switch; the district as a matrix of schools by item with their counts, each opening the
// school's calendar; and one card per school listing what it has still to do on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_RECORDER_PERMS, RECORDER_PERMS, TEACHER_PERMS, TODAY, districtCalendar, schoolCalendar, user } from './fixtures'

const api = vi.hoisted(() => ({
  lessons: { themes: vi.fn(), list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), calendar: vi.fn() },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/eduLessons', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduLessons')>()
  return { ...real, eduLessonsApi: api.lessons }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import EduCalendar from '../EduCalendar.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })

async function mountPage(me: Me, path = '/edu/calendar'): Promise<{ w: VueWrapper; router: Router }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/calendar', name: 'edu-calendar', component: Stub },
      { path: '/edu/lessons', name: 'edu-lessons', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(EduCalendar, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const OFFICER = () => user(RECORDER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_RECORDER_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth

const item = (w: VueWrapper, key: string) => w.find(`[data-test="item-${key}"]`)
const tag = (w: VueWrapper, key: string) => item(w, key).find('[data-test="item-outcome"]')

beforeEach(() => {
  // Today in China is 2026-12-07 (only the clock is faked).
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.lessons), api.schools.list]) fn.mockReset()
  api.lessons.calendar.mockImplementation(async (q: { school_id?: number; year?: number }) =>
    q.school_id ? schoolCalendar({ school_id: q.school_id, year: q.year ?? 2026 }) : districtCalendar({ year: q.year ?? 2026 }),
  )
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('安全教育日历 of a school', () => {
  it('lists the year’s items by date with their outcome, window, day and reason', async () => {
    const { w } = await mountPage(OFFICER())
    expect(api.lessons.calendar).toHaveBeenCalledTimes(1)
    expect(api.lessons.calendar).toHaveBeenCalledWith({ school_id: 21, year: 2026 })
    expect(w.find('[data-test="calendar-school"]').exists()).toBe(false)
    expect(w.find('[data-test="year"]').text()).toBe('2026年')
    expect(w.find('[data-test="calendar-title"]').text()).toBe('示范区双桥小学 2026年安全教育日历')
    expect(w.find('[data-test="calendar-counts"]').text()).toBe('达标 3 项，待完成 1 项，未达标 2 项')

    const keys = w.findAll('[data-test="calendar-items"] > li').map((li) => li.attributes('data-test'))
    expect(keys).toEqual([
      'item-first_lesson:2025-2',
      'item-bullying_lesson:2025-2',
      'item-safety_day:2026',
      'item-security_day:2026',
      'item-first_lesson:2026-1',
      'item-bullying_lesson:2026-1',
      'item-fire_month:2026',
    ])
    // The outcome as a coloured tag: 达标 success, 待完成 warning, 未达标 danger, 不适用 info.
    const tags: [string, string, string][] = [
      ['first_lesson:2025-2', '未达标', 'danger'],
      ['bullying_lesson:2025-2', '达标', 'success'],
      ['security_day:2026', '不适用', 'info'],
      ['bullying_lesson:2026-1', '待完成', 'warning'],
      ['fire_month:2026', '未达标', 'danger'],
    ]
    for (const [key, text, type] of tags) {
      expect(tag(w, key).text(), key).toBe(text)
      expect(tag(w, key).classes(), key).toContain(`el-tag--${type}`)
    }
    const fire = item(w, 'fire_month:2026')
    expect(fire.find('[data-test="item-label"]').text()).toBe('消防宣传月')
    expect(fire.find('[data-test="item-window"]').text()).toBe('2026-11-01 至 2026-11-30')
    expect(fire.find('[data-test="item-note"]').text()).toBe('11月，11月9日全国消防日')
    expect(fire.find('[data-test="item-reason"]').text()).toBe('消防宣传月（11月，11月9日全国消防日）需开展活动 1 次，已记录 0 次')
    expect(item(w, 'bullying_lesson:2026-1').find('[data-test="item-note"]').text()).toBe('2026—2027学年第一学期')
  })

  it('links the records that count to the list, by theme or day and window', async () => {
    const { w } = await mountPage(OFFICER())
    const bullying = item(w, 'bullying_lesson:2025-2').find('[data-test="item-evidence"]')
    expect(bullying.text()).toBe('查看记录（2）')
    expect(bullying.attributes('href')).toBe('/edu/lessons?school_id=21&theme=bullying&from=2026-02-24&to=2026-07-10')
    expect(item(w, 'safety_day:2026').find('[data-test="item-evidence"]').attributes('href')).toBe(
      '/edu/lessons?school_id=21&observance=safety_day&from=2026-03-01&to=2026-03-31',
    )
    expect(item(w, 'fire_month:2026').find('[data-test="item-evidence"]').exists()).toBe(false)
  })

  it('offers 去记录 for what is not met yet, to the record form with its theme, day and a date it counts on', async () => {
    const { w, router } = await mountPage(OFFICER())
    // Met or not applicable: nothing to record.
    for (const key of ['bullying_lesson:2025-2', 'safety_day:2026', 'security_day:2026', 'first_lesson:2026-1']) {
      expect(item(w, key).find('[data-test="item-record"]').exists(), key).toBe(false)
    }
    const record = async (key: string) => {
      const button = item(w, key).find('[data-test="item-record"]')
      expect(button.text()).toBe('去记录')
      await button.trigger('click')
      await flushPromises()
      return { name: router.currentRoute.value.name, query: router.currentRoute.value.query }
    }
    // A day's month over: dated its last day.
    expect(await record('fire_month:2026')).toEqual({
      name: 'edu-lessons',
      query: { record: '1', theme: 'other', observance: 'fire_month', date: '2026-11-30' },
    })
    // A term still running: today.
    expect(await record('bullying_lesson:2026-1')).toEqual({ name: 'edu-lessons', query: { record: '1', theme: 'bullying', date: TODAY } })
    expect(await record('first_lesson:2025-2')).toEqual({ name: 'edu-lessons', query: { record: '1', theme: 'first_lesson', date: '2026-03-02' } })
  })

  it('offers no 去记录 to a reader without edu:lessons', async () => {
    const { w } = await mountPage(user(TEACHER_PERMS))
    expect(w.findAll('[data-test="calendar-items"] > li')).toHaveLength(7)
    expect(w.find('[data-test="item-record"]').exists()).toBe(false)
    expect(w.find('[data-test="item-evidence"]').exists()).toBe(true)
  })

  it('goes back and forth a year', async () => {
    const { w } = await mountPage(OFFICER())
    await w.find('[data-test="year-prev"]').trigger('click')
    await flushPromises()
    expect(api.lessons.calendar).toHaveBeenLastCalledWith({ school_id: 21, year: 2025 })
    expect(w.find('[data-test="year"]').text()).toBe('2025年')
    await w.find('[data-test="year-next"]').trigger('click')
    await w.find('[data-test="year-next"]').trigger('click')
    await flushPromises()
    expect(api.lessons.calendar).toHaveBeenLastCalledWith({ school_id: 21, year: 2027 })
    expect(w.find('[data-test="calendar-title"]').text()).toBe('示范区双桥小学 2027年安全教育日历')
  })
})

describe('安全教育日历 of the district', () => {
  it('shows the schools by item with their counts, most failures first, and opens a school', async () => {
    const { w, router } = await mountPage(OFFICE())
    expect(api.lessons.calendar).toHaveBeenCalledWith({ school_id: undefined, year: 2026 })
    const heads = w.findAll('[data-test="calendar-matrix"] thead th').map((th) => th.text())
    expect(heads.slice(0, 4)).toEqual(['学校', '达标', '待完成', '未达标'])
    expect(heads.slice(4)).toEqual([
      '开学安全第一课02-24~03-02',
      '防欺凌专题教育02-24~07-10',
      '全国中小学生安全教育日03-01~03-31',
      '全民国家安全教育日04-01~04-30',
      '开学安全第一课09-01~09-07',
      '防欺凌专题教育26-09-01~27-01-22',
      '消防宣传月11-01~11-30',
    ])
    const rows = w.findAll('[data-test="calendar-matrix"] .el-table__body-wrapper tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="school-22"]').text()).toBe('示范区实验中学')
    expect(rows[0].find('[data-test="school-pass"]').text()).toBe('2')
    expect(rows[0].find('[data-test="school-due"]').text()).toBe('1')
    expect(rows[0].find('[data-test="school-fail"]').text()).toBe('3')
    const cell = rows[0].find('[data-test="cell-safety_day:2026"]')
    expect(cell.text()).toBe('未达标')
    expect(cell.classes()).toContain('el-tag--danger')
    expect(rows[0].find('[data-test="cell-bullying_lesson:2026-1"]').text()).toBe('待完成')
    expect(rows[1].find('[data-test="cell-safety_day:2026"]').text()).toBe('达标')
    expect(rows[1].find('[data-test="cell-safety_day:2026"]').classes()).toContain('el-tag--success')
    expect(rows[2].find('[data-test="school-fail"]').text()).toBe('0')

    await rows[0].find('[data-test="school-22"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('edu-calendar')
    expect(router.currentRoute.value.query).toEqual({ school_id: '22', year: '2026' })
    expect(api.lessons.calendar).toHaveBeenLastCalledWith({ school_id: 22, year: 2026 })
    expect(w.find('[data-test="calendar-matrix"]').exists()).toBe(false)
    expect(w.findAll('[data-test="calendar-items"] > li')).toHaveLength(7)
    // The bureau's 去记录 names the school.
    await w.find('[data-test="item-fire_month:2026"] [data-test="item-record"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ record: '1', theme: 'other', observance: 'fire_month', date: '2026-11-30', school_id: '22' })
  })

  it('opens a school’s calendar from a link, and goes back to the district', async () => {
    const { w, router } = await mountPage(OFFICE(), '/edu/calendar?school_id=22&year=2025')
    expect(api.lessons.calendar).toHaveBeenCalledWith({ school_id: 22, year: 2025 })
    expect(w.find('[data-test="year"]').text()).toBe('2025年')
    await w.find('[data-test="calendar-back"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ year: '2025' })
    expect(api.lessons.calendar).toHaveBeenLastCalledWith({ school_id: undefined, year: 2025 })
    expect(w.find('[data-test="calendar-matrix"]').exists()).toBe(true)
  })

  it('shows one card per school listing what it has still to do on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(OFFICE())
    expect(w.find('[data-test="calendar-matrix"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="school-cards"] > li')
    expect(cards.map((c) => c.attributes('data-test'))).toEqual(['school-card-22', 'school-card-21', 'school-card-23'])
    const first = w.find('[data-test="school-card-22"]')
    expect(first.findAll('[data-test^="school-"]').map((s) => s.text())).toEqual(['示范区实验中学', '达标 2', '待完成 1', '未达标 3'])
    const open = first.findAll('.open-list > li').map((li) => Array.from(li.element.children, (e) => e.textContent?.trim()).join(' '))
    expect(open).toEqual([
      '未达标 开学安全第一课 02-24~03-02',
      '未达标 全国中小学生安全教育日 03-01~03-31',
      '待完成 防欺凌专题教育 26-09-01~27-01-22',
      '未达标 消防宣传月 11-01~11-30',
    ])
    expect(w.find('[data-test="school-card-21"] [data-test="open-safety_day:2026"]').exists()).toBe(false)
    expect(w.find('[data-test="school-card-23"] [data-test="all-passed"]').text()).toBe('全部达标')
  })
})
