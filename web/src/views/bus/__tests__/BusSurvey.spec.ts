// 校车底数: the totals as stat cards (the failing ones red, the warnings orange), the schools in the
// server's order with their counts (a school with a failure highlighted), a school leading to its
// 校车台账 (/bus?unit_id=…) from its name or its row, 导出 saving 校车底数.xlsx, cards on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { BUREAU, READER_PERMS, survey, user } from './fixtures'

const api = vi.hoisted(() => ({
  bus: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), survey: vi.fn(), exportSurvey: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/bus', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/bus')>()
  return { ...real, busApi: api.bus }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import BusSurvey from '../BusSurvey.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 100))
  await flushPromises()
}

let router: Router

async function mountPage() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = user(READER_PERMS, BUREAU, 'safety_office')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/bus/survey', name: 'bus-survey', component: Stub },
      { path: '/bus', name: 'bus', component: Stub },
    ],
  })
  await router.push('/bus/survey')
  await router.isReady()
  const w = mount(BusSurvey, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.bus), api.saveDownload]) fn.mockReset()
  api.bus.survey.mockResolvedValue(survey())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('校车底数', () => {
  it('shows the totals, the failing counts red and the warnings orange', async () => {
    const w = await mountPage()
    expect(api.bus.survey).toHaveBeenCalledTimes(1)
    const stats = w.findAll('[data-test="survey-total"] > li')
    expect(stats.map((s) => `${s.find('.stat-title').text()} ${s.find('[data-test="stat-value"]').text()}`)).toEqual([
      '学校 3',
      '车辆 3',
      '驾驶人 3',
      '线路 2',
      '乘车学生 50',
      '不合格车辆 1',
      '不合格驾驶人 0',
      '不合格线路 0',
      '临期提醒 2',
    ])
    expect(w.find('[data-test="total-failing_vehicles"]').classes()).toContain('danger')
    expect(w.find('[data-test="total-failing_drivers"]').classes()).not.toContain('danger')
    expect(w.find('[data-test="total-warnings"]').classes()).toContain('warning')
  })

  it('lists the schools in the server’s order, the failing one highlighted, each leading to its registry', async () => {
    const w = await mountPage()
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads).toEqual(['学校', '服务单位', '车辆', '驾驶人', '照管人员', '线路', '乘车学生', '不合格车辆', '不合格驾驶人', '不合格线路', '临期提醒'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="survey-school-21"]').text()).toBe('示范区双桥小学')
    expect(rows[0].find('[data-test="survey-school-21"]').attributes('href')).toBe('/bus?unit_id=21')
    expect(rows[0].classes()).toContain('survey-row--fail')
    expect(rows[0].find('[data-test="cell-failing_vehicles"]').text()).toBe('1')
    expect(rows[0].find('[data-test="cell-failing_vehicles"]').classes()).toContain('danger')
    expect(rows[0].find('[data-test="cell-riders"]').text()).toBe('32')
    expect(rows[1].classes()).toContain('survey-row--warn')
    expect(rows[2].classes()).toContain('survey-row--empty')

    await rows[1].trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/bus?unit_id=24')
    await w.find('[data-test="survey-school-21"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/bus?unit_id=21')
  })

  it('exports 校车底数.xlsx', async () => {
    const w = await mountPage()
    api.bus.exportSurvey.mockResolvedValue({ blob: new Blob(['x']), filename: '校车底数.xlsx' })
    await w.find('[data-test="export"]').trigger('click')
    await settle()
    expect(api.bus.exportSurvey).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith(expect.objectContaining({ filename: '校车底数.xlsx' }))
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已导出 校车底数.xlsx')
  })

  it('shows cards at 375 px, each a link to the school’s registry', async () => {
    window.innerWidth = 375
    const w = await mountPage()
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].classes()).toContain('card--fail')
    expect(cards[0].find('[data-test="cell-failing_vehicles"]').text()).toBe('不合格车辆 1')
    expect(cards[0].find('[data-test="survey-school-21"]').attributes('href')).toBe('/bus?unit_id=21')
  })

  it('says when there is no school, and shows the server’s error', async () => {
    api.bus.survey.mockResolvedValueOnce(survey({ schools: [] }))
    const w = await mountPage()
    expect(w.find('[data-test="survey-empty"]').text()).toBe('暂无学校')
    api.bus.survey.mockRejectedValueOnce(new ApiError(403, { code: 'forbidden', message: '没有权限', details: [] }, null))
    await (w.vm as unknown as { load(): Promise<void> }).load()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('没有权限')
  })
})
