// 应急体系总览: the schools of each state (a card each, choosing one filters on it — as the 状态 filter
// does, also from a link), every school with its state, 总指挥, people, plans and the three rules'
// verdicts with their reasons, each leading to its setup; 导出 saves the spreadsheet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { BUREAU, overview, overviewRow, user } from './fixtures'

const api = vi.hoisted(() => ({
  emergency: { get: vi.fn(), save: vi.fn(), overview: vi.fn(), export: vi.fn(), peopleTemplate: vi.fn(), exportPeople: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/emergency', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/emergency')>()
  return { ...real, emergencyApi: api.emergency }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import EmergencySetups from '../EmergencySetups.vue'
import { $, cell, mountBoard, settle, tableRows, text, type BoardRoutes } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const ROUTES: BoardRoutes = { board: ['/emergency/setups', 'emergency-setups'], school: ['/emergency', 'emergency-setup'] }
const mountPage = (path = '/emergency/setups') => mountBoard(EmergencySetups, user(['emergency:read', 'emergency:manage', 'school:read'], BUREAU, 'safety_office'), ROUTES, path)

const rows = () => tableRows('emergency-setups-table')
const rowOf = (id: number) => rows().find((r) => r.querySelector(`[data-test="emergency-setups-school-${id}"]`))!

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.emergency), api.saveDownload]) fn.mockReset()
  api.emergency.overview.mockImplementation(async (state?: string) => {
    const all = overview()
    return state ? { ...all, items: all.items.filter((r) => r.state === state) } : all
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('应急体系总览', () => {
  it('counts the schools of each state and lists every school with its figures and verdicts', async () => {
    await mountPage()
    expect(api.emergency.overview).toHaveBeenCalledWith(undefined)
    const counts = [...document.querySelectorAll('[data-test^="emergency-count-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(counts).toEqual(['未建立38', '未达标1', '达标1'])
    expect([...document.querySelectorAll('[data-test="emergency-setups-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '学校',
      '状态',
      '总指挥',
      '指挥体系人数',
      '保安员',
      '教职工',
      '志愿者',
      '预案',
      '指挥体系',
      '应急单元',
      '预案情况',
    ])
    expect(rows()).toHaveLength(3)
    const school = rowOf(21)
    expect(cell(school, 'row-state')).toBe('未达标')
    expect(cell(school, 'row-commander')).toBe('王建国')
    expect(cell(school, 'row-command-people')).toBe('6')
    expect(cell(school, 'row-guards')).toBe('1')
    expect(cell(school, 'row-staff')).toBe('2')
    expect(cell(school, 'row-volunteers')).toBe('0')
    expect(cell(school, 'row-plans')).toBe('2')
    expect(cell(school, 'row-command-outcome')).toBe('达标')
    expect(cell(school, 'row-unit-outcome')).toBe('未达标')
    expect(cell(school, 'row-unit-reason')).toBe('周边商户志愿者 0 人，少于 1 人')
    expect(cell(school, 'row-plan-outcome')).toBe('提醒')
    expect(school.querySelector('[data-test="row-plan"]')?.getAttribute('data-outcome')).toBe('warn')
    // A school without a setup: no figures.
    const none = rowOf(42)
    expect(cell(none, 'row-state')).toBe('未建立')
    expect(cell(none, 'row-commander')).toBe('—')
    expect(cell(none, 'row-guards')).toBe('—')
    expect(cell(none, 'row-plan-reason')).toBe('尚未登记应急预案')
    // Each school leads to its setup.
    expect($('emergency-setups-school-21')?.getAttribute('href')).toBe('/emergency?unit_id=21')
    expect($('emergency-setups-school-21')?.getAttribute('aria-label')).toBe('查看示范区双桥小学的应急体系')
  })

  it('filters on a state chosen from its card (again: every state), from the filter, or from a link', async () => {
    const w = await mountPage()
    $('emergency-count-none')!.click()
    await settle()
    expect(api.emergency.overview).toHaveBeenLastCalledWith('none')
    expect($('emergency-count-none')?.getAttribute('aria-pressed')).toBe('true')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['未建立'])
    // The counts stay those of every school.
    expect(text('emergency-count-complete')).toContain('1')
    $('emergency-count-none')!.click()
    await settle()
    expect(api.emergency.overview).toHaveBeenLastCalledWith(undefined)
    expect(rows()).toHaveLength(3)

    component(w, 'ElSelect', 'emergency-setups-state').vm.$emit('update:modelValue', 'complete')
    await settle()
    expect(api.emergency.overview).toHaveBeenLastCalledWith('complete')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['达标'])
    expect($('emergency-count-complete')?.getAttribute('aria-pressed')).toBe('true')
    w.unmount()
    document.body.innerHTML = ''

    api.emergency.overview.mockClear()
    await mountPage('/emergency/setups?state=incomplete')
    expect(api.emergency.overview).toHaveBeenCalledWith('incomplete')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['未达标'])
  })

  it('says when no school matches', async () => {
    api.emergency.overview.mockResolvedValue({ items: [], counts: { none: 0, incomplete: 0, complete: 0 } })
    await mountPage()
    expect(document.querySelector('[data-test="emergency-setups-table"]')?.textContent).toContain('没有符合条件的学校')
  })

  it('exports the overview as a spreadsheet', async () => {
    api.emergency.export.mockResolvedValue({ blob: new Blob(['x']), filename: '应急体系.xlsx' })
    await mountPage()
    $('emergency-export')!.click()
    await settle()
    expect(api.emergency.export).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '应急体系.xlsx' })
  })

  it('uses the server’s labels of a state and an outcome', async () => {
    api.emergency.overview.mockResolvedValue(
      overview([overviewRow({ state: 'complete', state_label: '已达标', unit: { outcome: 'pass', outcome_label: '合格', reason: '保安员 2 人' } })]),
    )
    await mountPage()
    expect(cell(rows()[0], 'row-state')).toBe('已达标')
    expect(cell(rows()[0], 'row-unit-outcome')).toBe('合格')
  })
})
