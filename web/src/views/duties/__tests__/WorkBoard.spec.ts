// 全区工作看板: the totals (items, days due, done, done late, overdue, the rate), every unit the most
// overdue first (a table on a desk, cards on a phone) leading to the items deployed to it, the figures
// by kind, the kind chosen read from the server; 导出 saves 全区工作.xlsx; 无权访问 when refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { OFFICE } from './fixtures'
import { workBoard } from './workFixtures'

const api = vi.hoisted(() => ({
  work: { board: vi.fn(), exportItems: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/dutyWork', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/dutyWork')>()
  return { ...real, workApi: api.work }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import WorkBoard from '../WorkBoard.vue'
import { $, cell, mountPageAt, settle, tableRows } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const desk = window.innerWidth
const mounted: VueWrapper[] = []
let router: Router

async function mountPage(path = '/duties/work/board') {
  const at = await mountPageAt(
    WorkBoard,
    OFFICE(),
    [
      ['/duties/work/board', 'duty-work-board'],
      ['/duties/work', 'duty-work'],
    ],
    path,
  )
  router = at.router
  mounted.push(at.w)
  return at.w
}

const rows = () => tableRows('work-board-table')
const units = () => rows().map((r) => r.querySelector('[data-test^="work-board-unit-"]')?.textContent?.trim())

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.work), api.saveDownload]) fn.mockReset()
  api.work.board.mockResolvedValue(workBoard())
  api.work.exportItems.mockResolvedValue({ blob: new Blob(['x']), filename: '全区工作.xlsx' })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('全区工作看板', () => {
  it('shows the totals, every unit the most overdue first leading to its items, and the figures by kind', async () => {
    await mountPage()
    expect(api.work.board).toHaveBeenCalledWith(undefined)
    const totals = [...document.querySelectorAll('[data-test="work-board-totals"] [data-test^="work-total-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(totals).toEqual(['工作项数3', '已到期（期次）9', '按期完成5', '逾期完成1', '逾期未完成3', '完成率67%'])
    expect([...document.querySelectorAll('[data-test="work-board-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '单位',
      '类型',
      '工作项数',
      '已到期',
      '按期完成',
      '逾期完成',
      '逾期未完成',
      '完成率',
    ])
    expect(units()).toEqual(['示范区实验中学', '基础教育科', '示范区双桥小学'])
    const first = rows()[0]
    expect(cell(first, 'row-kind')).toBe('学校')
    expect(cell(first, 'row-overdue')).toBe('2')
    expect(first.querySelector('[data-test="row-overdue"]')?.className).toBe('danger')
    expect(cell(first, 'row-rate')).toBe('33%')
    expect(cell(rows()[1], 'row-kind')).toBe('科室')
    expect(rows()[2].querySelector('[data-test="row-overdue"]')?.className).toBe('')
    const link = $('work-board-unit-22')!
    expect(link.getAttribute('href')).toBe('/duties/work?unit_id=22')
    expect(link.getAttribute('aria-label')).toBe('查看下达示范区实验中学的工作')
    const kinds = [...document.querySelectorAll('[data-test="work-board-kinds"] tbody tr')]
    expect(kinds.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual(['共性任务', '重点事项', '常规工作'])
    expect(kinds[0].querySelector('[data-test="kind-units-overdue"]')?.textContent).toBe('2')
    expect(kinds[1].querySelector('[data-test="kind-rate"]')?.textContent).toBe('—')
  })

  it('reads the board of the kind chosen (and of a link’s), and opens the items of that kind', async () => {
    const w = await mountPage('/duties/work/board?kind=routine')
    expect(api.work.board).toHaveBeenLastCalledWith('routine')
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'work-board-kind')!
    select.vm.$emit('update:modelValue', 'key')
    await settle()
    expect(api.work.board).toHaveBeenLastCalledWith('key')
    $('work-items-link')!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/duties/work?kind=key')
  })

  it('exports 全区工作.xlsx', async () => {
    await mountPage()
    $('work-board-export')!.click()
    await settle()
    expect(api.work.exportItems).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '全区工作.xlsx' })
  })

  it('shows a card a unit on a phone, its overdue days as a red tag', async () => {
    window.innerWidth = 375
    await mountPage()
    expect($('work-board-table')).toBeNull()
    const cards = [...document.querySelectorAll<HTMLElement>('[data-test="work-board-row"]')]
    expect(cards.map((c) => c.dataset.id)).toEqual(['22', '3', '21'])
    expect(cards[0].querySelector('[data-test="row-overdue-tag"]')?.textContent?.trim()).toBe('逾期 2 期')
    expect(cards[2].querySelector('[data-test="row-overdue-tag"]')).toBeNull()
    expect(cards[0].querySelector('[data-test="row-rate"]')?.textContent).toBe('33%')
    // The kinds as cards too: nothing to scroll sideways.
    expect($('work-board-kinds')).toBeNull()
    const kinds = [...document.querySelectorAll<HTMLElement>('[data-test="work-board-kinds-cards"] li')]
    expect(kinds.map((k) => k.dataset.test)).toEqual(['work-board-kind-common', 'work-board-kind-key', 'work-board-kind-routine'])
    expect(kinds[0].querySelector('[data-test="kind-units-overdue"]')?.textContent).toBe('2')
  })

  it('shows 无权访问 when the server refuses the unit', async () => {
    api.work.board.mockRejectedValue(new ApiError(403, { code: 'permission_denied', message: '全区工作由教育局及其内设科室部署和查看', details: [] }, null))
    await mountPage()
    expect($('forbidden')).not.toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
  })
})
