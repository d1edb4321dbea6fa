// 措施覆盖: 已覆盖 19/21 with the measures 无科室监管 and 责任人不在岗 counted; every measure with its
// sections, items and status (red when not covered, 只看未覆盖的措施 keeps those), opening its items;
// each section with its items and measures, opening its items; 导出; cards on a phone; 无权访问 when
// the server refuses the unit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { OFFICE, SECTION_HEAD, coverage } from './fixtures'

const api = vi.hoisted(() => ({
  duties: { coverage: vi.fn(), exportCoverage: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import SupervisionCoverage from '../SupervisionCoverage.vue'
import { $, mountPageAt, settle, tableRows, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

async function mountPage(me: Me) {
  const at = await mountPageAt(
    SupervisionCoverage,
    me,
    [
      ['/duties/supervision/coverage', 'duty-supervision-coverage'],
      ['/duties/supervision', 'duty-supervision'],
    ],
    '/duties/supervision/coverage',
  )
  router = at.router
  mounted.push(at.w)
  return at.w
}

const stat = (test: string) => $(test)?.querySelector('[data-test="stat-value"]')?.textContent?.trim()
const rowOf = (n: number) => $(`coverage-measure-${n}`)?.closest('tr') as HTMLElement
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.saveDownload]) fn.mockReset()
  api.duties.coverage.mockImplementation(async () => coverage())
  api.duties.exportCoverage.mockResolvedValue({ blob: new Blob(['x']), filename: '方案措施覆盖情况.xlsx' })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('措施覆盖', () => {
  it('counts the measures covered, those without a section and those whose person left', async () => {
    await mountPage(SECTION_HEAD())
    expect(stat('coverage-covered')).toBe('19/21')
    expect(text('coverage-covered')).toContain('已覆盖')
    expect(stat('coverage-none')).toBe('1')
    expect(stat('coverage-inactive')).toBe('1')
    expect(stat('coverage-items')).toBe('9')
    expect($('coverage-covered')?.className).toContain('stat--warning')
    expect($('coverage-none')?.className).toContain('stat--danger')
  })

  it('lists the 21 measures with their sections, items and status, red when not covered', async () => {
    await mountPage(OFFICE())
    expect(tableRows('coverage-measures-table')).toHaveLength(21)
    expect(text('coverage-measure-3')).toBe('措施 3 建立部门联席会议，推动齐抓共管')
    expect(text('coverage-status-3')).toBe('无科室监管')
    expect($('coverage-status-3')?.className).toContain('el-tag--danger')
    expect(within(rowOf(3), 'row-items')).toBe('0')
    expect(within(rowOf(3), 'row-sections')).toBe('—')
    expect(text('coverage-status-16')).toBe('责任人不在岗')
    expect($('coverage-status-16')?.className).toContain('el-tag--danger')
    expect(within(rowOf(16), 'row-sections')).toBe('基础教育科')
    expect(text('coverage-status-1')).toBe('已覆盖')
    expect($('coverage-status-1')?.className).toContain('el-tag--success')
    expect(within(rowOf(1), 'row-items')).toBe('2')
    expect($('coverage-measure-3')?.getAttribute('href')).toBe('/duties/supervision?measure=3')
    expect($('coverage-measure-3')?.getAttribute('aria-label')).toBe('查看措施 3 建立部门联席会议，推动齐抓共管的监管事项')

    await click($('coverage-uncovered-only')?.querySelector('input'))
    expect(tableRows('coverage-measures-table').map((r) => within(r, 'coverage-measure-3') || within(r, 'coverage-measure-16'))).toEqual([
      '措施 3 建立部门联席会议，推动齐抓共管',
      '措施 16 治理接送学生车辆',
    ])
  })

  it('lists each section with its items, those whose person left and its measures', async () => {
    await mountPage(OFFICE())
    const rows = tableRows('coverage-sections-table')
    expect(rows.map((r) => within(r, 'row-items'))).toEqual(['6', '3', '0'])
    expect(within(rows[1], 'coverage-section-3')).toBe('基础教育科')
    expect(within(rows[1], 'row-unassigned')).toBe('1')
    expect(within(rows[1], 'row-measures')).toBe('措施1、16、20')
    expect(within(rows[2], 'row-measures')).toBe('—')
    expect($('coverage-section-3')?.getAttribute('href')).toBe('/duties/supervision?section_id=3')
  })

  it('exports 方案措施覆盖情况.xlsx and opens 科室监管事项', async () => {
    await mountPage(OFFICE())
    await click($('coverage-export'))
    expect(api.duties.exportCoverage).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '方案措施覆盖情况.xlsx' })
    await click($('coverage-items-link'))
    expect(router.currentRoute.value.name).toBe('duty-supervision')
  })

  it('reads 21/21 in green once every measure is covered', async () => {
    const all = coverage()
    api.duties.coverage.mockResolvedValue({ ...all, measures: all.measures.map((m) => ({ ...m, covered: true, items: Math.max(1, m.items) })), covered: 21, uncovered: [] })
    await mountPage(OFFICE())
    expect(stat('coverage-covered')).toBe('21/21')
    expect($('coverage-covered')?.className).toContain('stat--success')
    expect(stat('coverage-none')).toBe('0')
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICE())
    expect($('coverage-measures-table')).toBeNull()
    expect($('coverage-sections-table')).toBeNull()
    const card = document.querySelector<HTMLElement>('[data-test="coverage-measure-card"][data-id="3"]')!
    expect(within(card, 'coverage-status-3')).toBe('无科室监管')
    expect(within(card, 'row-sections')).toBe('—')
    expect(document.querySelectorAll('[data-test="coverage-measure-card"]')).toHaveLength(21)
    expect(document.querySelectorAll('[data-test="coverage-section-card"]')).toHaveLength(3)
  })

  it('shows 无权访问 when the server refuses the unit', async () => {
    api.duties.coverage.mockRejectedValue(new ApiError(403, { code: 'permission_denied', message: '监管事项由教育局及其内设科室查看和维护', details: [] }, null))
    await mountPage(SECTION_HEAD())
    expect($('forbidden')).not.toBeNull()
    expect($('coverage-totals')).toBeNull()
  })
})
