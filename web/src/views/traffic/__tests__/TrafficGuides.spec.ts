// 一校一策总览: the schools of each state (a card each, choosing one filters on it — as the 状态 filter
// does, also from a link), every school with its state, semester, day published, gates, 护学岗 and
// needs sent of all, each leading to its guide; 导出 saves the spreadsheet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { BUREAU, user } from './fixtures'
import { overview, overviewRow } from './guideFixtures'

const api = vi.hoisted(() => ({
  guides: { get: vi.fn(), save: vi.fn(), publish: vi.fn(), sendNeeds: vi.fn(), overview: vi.fn(), export: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/traffic', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/traffic')>()
  return { ...real, trafficGuideApi: api.guides }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import TrafficGuides from '../TrafficGuides.vue'
import { $, cell, mountBoard, settle, tableRows, text, type BoardRoutes } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const ROUTES: BoardRoutes = { board: ['/traffic/guides', 'traffic-guides'], school: ['/traffic/guide', 'traffic-guide'] }
const mountPage = (path = '/traffic/guides') => mountBoard(TrafficGuides, user(['traffic:read', 'traffic:manage', 'school:read'], BUREAU, 'safety_office'), ROUTES, path)

const rows = () => tableRows('table')

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.guides), api.saveDownload]) fn.mockReset()
  api.guides.overview.mockImplementation(async (state?: string) => {
    const all = overview()
    return state ? { ...all, items: all.items.filter((r) => r.state === state) } : all
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('一校一策总览', () => {
  it('counts the schools of each state and lists every school with its guide’s figures', async () => {
    await mountPage()
    expect(api.guides.overview).toHaveBeenCalledWith(undefined)
    const counts = [...document.querySelectorAll('[data-test^="count-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(counts).toEqual(['未制定38', '未发布1', '修改未发布0', '非本学期发布0', '本学期已发布1'])
    expect([...document.querySelectorAll('[data-test="table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '学校',
      '状态',
      '学期',
      '发布日期',
      '校门',
      '护学岗',
      '设施需求',
    ])
    expect(rows()).toHaveLength(3)
    const school = rows().find((r) => r.querySelector('[data-test="guides-school-21"]'))!
    expect(cell(school, 'row-state')).toBe('本学期已发布')
    expect(cell(school, 'row-term')).toBe('2026—2027学年第一学期')
    expect(cell(school, 'row-published')).toBe('2026-12-07')
    expect(cell(school, 'row-gates')).toBe('2')
    expect(cell(school, 'row-posts')).toBe('1')
    expect(cell(school, 'row-needs')).toBe('已报送 1 / 共 2')
    // A school asking for no facility: —; not published: —.
    const none = rows().find((r) => r.querySelector('[data-test="guides-school-42"]'))!
    expect(cell(none, 'row-state')).toBe('未制定')
    expect(cell(none, 'row-needs')).toBe('—')
    expect(cell(none, 'row-published')).toBe('—')
    // Each school leads to its guide.
    expect($('guides-school-21')?.getAttribute('href')).toBe('/traffic/guide?unit_id=21')
    expect($('guides-school-21')?.getAttribute('aria-label')).toBe('查看示范区双桥小学的一校一策')
  })

  it('filters on a state chosen from its card (again: every state), from the filter, or from a link', async () => {
    const w = await mountPage()
    $('count-none')!.click()
    await settle()
    expect(api.guides.overview).toHaveBeenLastCalledWith('none')
    expect($('count-none')?.getAttribute('aria-pressed')).toBe('true')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['未制定'])
    // The counts stay those of every school.
    expect(text('count-current')).toContain('1')
    $('count-none')!.click()
    await settle()
    expect(api.guides.overview).toHaveBeenLastCalledWith(undefined)
    expect(rows()).toHaveLength(3)

    component(w, 'ElSelect', 'guides-state').vm.$emit('update:modelValue', 'draft')
    await settle()
    expect(api.guides.overview).toHaveBeenLastCalledWith('draft')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['未发布'])
    expect($('count-draft')?.getAttribute('aria-pressed')).toBe('true')
    w.unmount()
    document.body.innerHTML = ''

    api.guides.overview.mockClear()
    await mountPage('/traffic/guides?state=current')
    expect(api.guides.overview).toHaveBeenCalledWith('current')
    expect(rows().map((r) => cell(r, 'row-state'))).toEqual(['本学期已发布'])
  })

  it('says when no school matches', async () => {
    api.guides.overview.mockResolvedValue({ ...overview([]), counts: { none: 0, draft: 0, changed: 0, outdated: 0, current: 0 } })
    await mountPage()
    expect(document.querySelector('[data-test="table"]')?.textContent).toContain('没有符合条件的学校')
  })

  it('exports the overview as a spreadsheet', async () => {
    api.guides.export.mockResolvedValue({ blob: new Blob(['x']), filename: '交通安全一校一策.xlsx' })
    await mountPage()
    $('export')!.click()
    await settle()
    expect(api.guides.export).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '交通安全一校一策.xlsx' })
  })

  it('uses the server’s label of a state', async () => {
    api.guides.overview.mockResolvedValue(overview([overviewRow({ state: 'outdated', state_label: '非本学期发布', published_on: '2026-05-01' })]))
    await mountPage()
    expect(cell(rows()[0], 'row-state')).toBe('非本学期发布')
  })
})
