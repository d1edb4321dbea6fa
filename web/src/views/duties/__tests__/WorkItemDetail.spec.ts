// A work item: its kind, name, schedule, lead section, measures and units; its figures by today; its
// due days; each unit with its next day not done and that day's state (逾期未完成 red, 未到期 blue, 全部完成
// green), the most overdue first — a table on a desk, cards on a phone —; the units' reports; not
// found for an item not the bureau's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { OFFICE } from './fixtures'
import { workDetail } from './workFixtures'

const api = vi.hoisted(() => ({ work: { get: vi.fn() } }))

vi.mock('@/api/dutyWork', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/dutyWork')>()
  return { ...real, workApi: api.work }
})

import WorkItemDetail from '../WorkItemDetail.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const desk = window.innerWidth
const mounted: VueWrapper[] = []

async function mountPage(path = '/duties/work/1') {
  const at = await mountPageAt(
    WorkItemDetail,
    OFFICE(),
    [
      ['/duties/work/:id', 'duty-work-item'],
      ['/duties/work', 'duty-work'],
    ],
    path,
  )
  mounted.push(at.w)
  return at.w
}

const unitRow = (id: number) => $(`work-unit-${id}`)!
const unitCell = (id: number, test: string) => unitRow(id).querySelector(`[data-test="${test}"]`)?.textContent?.trim()

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.work.get.mockReset()
  api.work.get.mockResolvedValue(workDetail())
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('a work item', () => {
  it('shows the item, its figures, its due days, each unit’s progress and the reports', async () => {
    await mountPage()
    expect(api.work.get).toHaveBeenCalledWith(1)
    expect(text('work-title')).toBe('开学安全检查')
    expect(text('work-kind')).toBe('共性任务')
    expect(text('work-schedule').replace(/\s+/g, ' ')).toBe('每月25日 2026-07-01 至 2026-12-31')
    expect(text('work-lead')).toBe('安全管理科')
    expect(text('work-measures')).toBe('措施6、11')
    expect(text('work-targets-count')).toBe('3 个单位（学校 3 所，科室 0 个），点击查看名单')
    expect(text('work-targets')).toBe('示范区双桥小学、示范区实验中学、示范区城南幼儿园')
    expect(text('work-detail-text')).toBe('每月检查校舍、消防和食堂，报送检查记录')
    const totals = [...document.querySelectorAll('[data-test="work-totals"] [data-test^="work-total-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(totals).toEqual(['下达单位3', '已到期（期次）6', '按期完成3', '逾期完成1', '逾期未完成2', '逾期单位2', '完成率67%'])
    // The due days, those come marked.
    expect([...document.querySelectorAll('[data-test="work-dates"] li')].map((d) => d.classList.contains('past'))).toEqual([true, true, true, false, false, false])
    // The units, the most overdue first, as the server sends them.
    expect([...document.querySelectorAll('[data-test="work-units-table"] tbody tr')].map((r) => r.getAttribute('data-test'))).toEqual([
      'work-unit-22',
      'work-unit-21',
      'work-unit-23',
    ])
    expect(unitCell(22, 'unit-name')).toBe('示范区实验中学')
    expect(unitCell(22, 'unit-next')).toBe('2026-08-25')
    expect(unitCell(22, 'unit-state')).toBe('逾期未完成')
    expect(unitRow(22).querySelector('[data-test="unit-state"]')?.className).toContain('el-tag--danger')
    expect(unitCell(22, 'unit-overdue')).toBe('2')
    expect(unitCell(23, 'unit-state')).toBe('未到期')
    expect(unitRow(23).querySelector('[data-test="unit-state"]')?.className).toContain('el-tag--primary')
    // The reports, the latest first.
    expect([...document.querySelectorAll('[data-test="work-reports"] li')].map((r) => r.getAttribute('data-test'))).toEqual(['work-report-21-2026-08-25', 'work-report-21-2026-07-24'])
    expect(text('work-report-21-2026-08-25')).toContain('示范区双桥小学')
    expect(text('work-report-21-2026-08-25')).toContain('2026-08-25 到期，2026-08-27 完成')
    expect(text('work-report-21-2026-08-25')).toContain('逾期完成')
    expect(text('work-report-21-2026-07-24')).toContain('已检查')
    expect($('work-back')?.getAttribute('href')).toBe('/duties/work')
  })

  it('says 全部完成 for a unit with every day done, and no reports yet', async () => {
    const d = workDetail({ reports: [] })
    d.units[2].progress = { ...d.units[2].progress, next: null, next_state: null, next_state_label: '' }
    api.work.get.mockResolvedValue(d)
    await mountPage()
    expect(unitCell(23, 'unit-state')).toBe('全部完成')
    expect(unitCell(23, 'unit-next')).toBe('—')
    expect(text('work-reports-empty')).toBe('暂无完成报告')
  })

  it('shows a card a unit on a phone', async () => {
    window.innerWidth = 375
    await mountPage()
    expect($('work-units-table')).toBeNull()
    expect($('work-units-cards')).not.toBeNull()
    expect(unitCell(22, 'unit-state')).toBe('逾期未完成')
    expect(unitCell(22, 'unit-overdue')).toBe('2')
  })

  it('is not found for an item outside the bureau', async () => {
    api.work.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '工作不存在', details: [] }, null))
    await mountPage('/duties/work/99')
    expect($('work-title')).toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
  })
})
