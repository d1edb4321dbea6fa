// 责任落实看板: the district's totals, every school with its lists signed, unsigned and to sign again,
// its 三管三必须 gaps and both verdicts (a table on a desk, cards on a phone), each leading to its
// 职责清单; the schools short of a rule (the checkbox, or ?failing=1); 导出 saves 责任落实看板.xlsx.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { OFFICE, board } from './fixtures'

const api = vi.hoisted(() => ({
  duties: { board: vi.fn(), exportBoard: vi.fn() },
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

import DutyBoard from '../DutyBoard.vue'
import { $, cell, mountBoard, settle, tableRows, type BoardRoutes } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const desk = window.innerWidth
const ROUTES: BoardRoutes = { board: ['/duties/board', 'duty-board'], school: ['/duties/lists', 'duty-lists'] }
const mountPage = (path = '/duties/board') => mountBoard(DutyBoard, OFFICE(), ROUTES, path)

const rows = () => tableRows('duty-board-table')
const rowOf = (id: number) => rows().find((r) => r.querySelector(`[data-test="duty-board-school-${id}"]`))!
const schools = () => rows().map((r) => r.querySelector('[data-test^="duty-board-school-"]')?.textContent?.trim())

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.duties), api.saveDownload]) fn.mockReset()
  api.duties.board.mockResolvedValue(board())
  api.duties.exportBoard.mockResolvedValue({ blob: new Blob(['x']), filename: '责任落实看板.xlsx' })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('责任落实看板', () => {
  it('shows the totals and every school with its figures and verdicts, each leading to its lists', async () => {
    await mountPage()
    expect(api.duties.board).toHaveBeenCalledTimes(1)
    const totals = [...document.querySelectorAll('[data-test^="duty-total-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(totals).toEqual(['学校3', '职责清单5', '已签订3', '两项均达标1'])
    expect([...document.querySelectorAll('[data-test="duty-board-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '学校',
      '清单',
      '已签订',
      '未签订',
      '待重签',
      '分工缺口',
      '职责清单签订',
      '三管三必须',
    ])
    expect(rows()).toHaveLength(3)
    const school = rowOf(21)
    expect(cell(school, 'row-lists')).toBe('3')
    expect(cell(school, 'row-signed')).toBe('1')
    expect(cell(school, 'row-unsigned')).toBe('1')
    expect(cell(school, 'row-outdated')).toBe('1')
    expect(cell(school, 'row-gaps')).toBe('2')
    expect(school.querySelector('[data-test="row-unsigned"]')?.className).toContain('danger')
    expect(cell(school, 'row-signed_check-outcome')).toBe('提醒')
    expect(cell(school, 'row-signed_check-reason')).toBe('2 份职责清单待签订（已签 1/3）')
    expect(cell(school, 'row-areas_check-outcome')).toBe('未达标')
    expect(school.querySelector('[data-test="row-areas_check"]')?.getAttribute('data-outcome')).toBe('fail')
    expect(cell(rowOf(22), 'row-signed_check-outcome')).toBe('达标')
    // A verdict the server did not give: 不适用.
    expect(cell(rowOf(42), 'row-areas_check-outcome')).toBe('不适用')
    expect($('duty-board-school-21')?.getAttribute('href')).toBe('/duties/lists?unit_id=21')
    expect($('duty-board-school-21')?.getAttribute('aria-label')).toBe('查看示范区双桥小学的职责清单')
  })

  it('keeps the schools short of a rule, from the checkbox or a link', async () => {
    await mountPage()
    $('duty-board-failing-only')!.querySelector('input')!.click()
    await settle()
    expect(schools()).toEqual(['示范区双桥小学', '示范区实验中学'])
    document.body.innerHTML = ''
    await mountPage('/duties/board?failing=1')
    expect(schools()).toEqual(['示范区双桥小学', '示范区实验中学'])
  })

  it('exports the board as 责任落实看板.xlsx', async () => {
    await mountPage()
    $('duty-board-export')!.click()
    await settle()
    expect(api.duties.exportBoard).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '责任落实看板.xlsx' })
  })

  it('shows a card a school on a phone', async () => {
    window.innerWidth = 375
    await mountPage()
    expect($('duty-board-table')).toBeNull()
    const cards = [...document.querySelectorAll<HTMLElement>('[data-test="duty-board-row"]')]
    expect(cards).toHaveLength(3)
    expect(cell(cards[0], 'row-unsigned')).toBe('1')
    expect(cell(cards[0], 'row-areas_check-outcome')).toBe('未达标')
    expect(cards[0].querySelector('[data-test="duty-board-school-21"]')?.getAttribute('href')).toBe('/duties/lists?unit_id=21')
  })
})
