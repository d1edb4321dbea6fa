// 1530完成情况: a school by class with the sessions not held, the district by school (lowest rate
// first, each opening the school), the totals and the by-kind cards, the period switch and the
// query it sends, the export, and cards on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_PERMS, OFFICER_PERMS, districtView, schoolView, user } from './fixtures'

const api = vi.hoisted(() => ({
  edu: { sessions: vi.fn(), topics: vi.fn(), checkIn: vi.fn(), completion: vi.fn(), exportCompletion: vi.fn() },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/edu', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/edu')>()
  return { ...real, edu1530Api: api.edu }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import Completion1530 from '../Completion1530.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })

async function mountPage(me: Me, path = '/edu/1530/completion') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/edu/1530/completion', name: 'edu-1530-completion', component: Stub }],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(Completion1530, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

const value = (w: VueWrapper, test: string) => w.find(`[data-test="${test}"] [data-test="stat-value"]`).text()

async function choosePeriod(w: VueWrapper, p: string): Promise<void> {
  await w.find(`[data-test="period-${p}"] input`).setValue(true)
  await flushPromises()
}

const OFFICER = () => user(OFFICER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.edu), api.schools.list, api.saveDownload]) fn.mockReset()
  api.edu.completion.mockImplementation(async (q: { school_id?: number }) => (q.school_id ? schoolView({ school_id: q.school_id }) : districtView()))
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('1530完成情况 of a school', () => {
  it('shows this week’s totals, the kinds, each class and the sessions not held', async () => {
    const w = await mountPage(OFFICER())
    expect(api.edu.completion).toHaveBeenCalledTimes(1)
    expect(api.edu.completion).toHaveBeenCalledWith({ period: 'week', school_id: 21 })
    // A school user picks no school.
    expect(w.find('[data-test="completion-school"]').exists()).toBe(false)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect(w.find('[data-test="completion-label"]').text()).toBe('示范区双桥小学 2026年第50周（2026-12-07 至 2026-12-11）')

    expect(value(w, 'total-due')).toBe('20')
    expect(value(w, 'total-done')).toBe('16')
    expect(value(w, 'total-late')).toBe('2')
    expect(value(w, 'total-missed')).toBe('2')
    expect(value(w, 'total-rate')).toBe('90%')
    expect(w.find('[data-test="kind-daily"] h3').text()).toBe('每日')
    expect(value(w, 'kind-daily')).toBe('87.5%')
    expect(w.find('[data-test="kind-weekly"] h3').text()).toBe('每周')
    expect(value(w, 'kind-weekly')).toBe('100%')
    expect(w.find('[data-test="kind-weekly"] [data-test="stat-count"]').text()).toBe('已完成 3 / 应开展 4')
    // Nothing due before a holiday this week.
    expect(w.find('[data-test="kind-holiday"] h3').text()).toBe('节假日')
    expect(value(w, 'kind-holiday')).toBe('—')

    const rows = w.findAll('[data-test="classes-table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="class-7"]').text()).toBe('三年级2班')
    expect(rows[0].text()).toContain('王芳')
    expect(rows[0].find('[data-test="class-due"]').text()).toBe('10')
    expect(rows[0].find('[data-test="class-rate"]').text()).toBe('100%')
    expect(rows[1].find('[data-test="class-8"]').text()).toBe('幼儿园大班')
    expect(rows[1].find('[data-test="class-missed"]').text()).toBe('2')
    expect(rows[1].find('[data-test="class-rate"]').text()).toBe('80%')

    expect(w.find('[data-test="missing-count"]').text()).toBe('2 条')
    const missing = w.findAll('[data-test="missing-table"] .el-table__body tbody tr')
    expect(missing).toHaveLength(2)
    expect(missing[0].text()).toContain('2026-12-08')
    expect(missing[0].text()).toContain('每日放学前1分钟')
  })

  it('switches the period: 本学期, then 自定义 once both days are chosen, then 本周 again', async () => {
    const w = await mountPage(OFFICER())
    await choosePeriod(w, 'semester')
    expect(api.edu.completion).toHaveBeenCalledTimes(2)
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'semester', school_id: 21 })

    await choosePeriod(w, 'custom')
    expect(api.edu.completion).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="completion-choose-range"]').text()).toBe('请选择起止日期')
    expect(w.find('[data-test="totals"]').exists()).toBe(false)
    expect(w.find('[data-test="completion-export"]').attributes('disabled')).toBeDefined()
    w.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await flushPromises()
    expect(api.edu.completion).toHaveBeenCalledTimes(3)
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'custom', from: '2026-11-01', to: '2026-11-30', school_id: 21 })

    await choosePeriod(w, 'week')
    expect(api.edu.completion).toHaveBeenCalledTimes(4)
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'week', school_id: 21 })
    expect(w.find('[data-test="completion-range"]').exists()).toBe(false)
  })

  it('exports the view shown with the same query', async () => {
    api.edu.exportCompletion.mockResolvedValue({ blob: new Blob(['x']), filename: '1530完成情况.xlsx' })
    const w = await mountPage(OFFICER())
    await choosePeriod(w, 'semester')
    await w.find('[data-test="completion-export"]').trigger('click')
    await flushPromises()
    expect(api.edu.exportCompletion).toHaveBeenCalledWith({ period: 'semester', school_id: 21 })
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('shows the classes and the sessions not held as cards on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="classes-table"]').exists()).toBe(false)
    expect(w.find('[data-test="missing-table"]').exists()).toBe(false)
    const card = w.find('[data-test="class-card-8"]')
    expect(card.find('h3').text()).toBe('幼儿园大班')
    expect(card.find('[data-test="class-rate"]').text()).toBe('80%')
    expect(card.find('[data-test="class-missed"]').text()).toBe('未开展 2')
    expect(w.findAll('[data-test="missing-cards"] li')).toHaveLength(2)
  })
})

describe('1530完成情况 of the district', () => {
  it('lists the schools lowest rate first, each opening its school, and goes back to the district', async () => {
    const w = await mountPage(OFFICE())
    expect(api.edu.completion).toHaveBeenCalledWith({ period: 'week' })
    expect(w.find('[data-test="completion-label"]').text()).toContain('全区各校')
    expect(value(w, 'total-rate')).toBe('90%')
    const rows = w.findAll('[data-test="schools-table"] .el-table__body tbody tr')
    expect(rows.map((r) => r.find('[data-test^="school-2"]').text())).toEqual(['示范区实验中学', '示范区双桥小学', '仁和幼儿园'])
    expect(rows[0].find('[data-test="school-rate"]').text()).toBe('75%')
    expect(rows[0].text()).toContain('4')
    expect(w.find('[data-test="completion-back"]').exists()).toBe(false)

    await rows[0].find('[data-test="school-22"]').trigger('click')
    await flushPromises()
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'week', school_id: 22 })
    expect(w.find('[data-test="classes-table"]').exists()).toBe(true)
    expect(w.find('[data-test="schools-table"]').exists()).toBe(false)

    await choosePeriod(w, 'semester')
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'semester', school_id: 22 })

    await w.find('[data-test="completion-back"]').trigger('click')
    await flushPromises()
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'semester' })
    expect(w.find('[data-test="schools-table"]').exists()).toBe(true)
  })

  it('picks a school from the list or a link', async () => {
    const w = await mountPage(OFFICE(), '/edu/1530/completion?school_id=21')
    expect(api.edu.completion).toHaveBeenCalledWith({ period: 'week', school_id: 21 })
    expect(api.schools.list).toHaveBeenCalled()
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'completion-school')!
    expect(select.props('modelValue')).toBe(21)
    select.vm.$emit('update:modelValue', 22)
    await flushPromises()
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'week', school_id: 22 })
    select.vm.$emit('update:modelValue', undefined)
    await flushPromises()
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'week' })
  })

  it('shows the schools as cards on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="schools-table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="school-cards"] li')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="school-22"]').text()).toBe('示范区实验中学')
    expect(cards[0].find('[data-test="school-rate"]').text()).toBe('75%')
    await cards[0].find('[data-test="school-22"]').trigger('click')
    await flushPromises()
    expect(api.edu.completion).toHaveBeenLastCalledWith({ period: 'week', school_id: 22 })
  })
})
