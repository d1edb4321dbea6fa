// 轮训看板: the district's totals, every school with its key-post staff, overdue, due soon, last session
// and the two rules' verdicts (a table on a desk, cards on a phone), each leading to its staff; the
// schools with someone overdue (the 逾期未训 card, the checkbox, or ?overdue=1); 导出 saves 轮训看板.xlsx.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { OFFICE, board, boardRow } from './fixtures'

const api = vi.hoisted(() => ({
  training: { board: vi.fn(), exportBoard: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/training', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/training')>()
  return { ...real, trainingApi: api.training }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import TrainingBoard from '../TrainingBoard.vue'
import { $, cell, mountBoard, settle, tableRows, type BoardRoutes } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const desk = window.innerWidth
const ROUTES: BoardRoutes = { board: ['/training/board', 'training-board'], school: ['/training/staff', 'training-staff'] }
const mountPage = (path = '/training/board') => mountBoard(TrainingBoard, OFFICE(), ROUTES, path)

const rows = () => tableRows('training-board-table')
const rowOf = (id: number) => rows().find((r) => r.querySelector(`[data-test="training-board-school-${id}"]`))!
const schools = () => rows().map((r) => r.querySelector('[data-test^="training-board-school-"]')?.textContent?.trim())

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.training), api.saveDownload]) fn.mockReset()
  api.training.board.mockResolvedValue(board())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('轮训看板', () => {
  it('shows the totals and every school with its figures and verdicts, each leading to its staff', async () => {
    await mountPage()
    expect(api.training.board).toHaveBeenCalledTimes(1)
    const totals = [...document.querySelectorAll('[data-test^="training-total-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(totals).toEqual(['学校3', '重点岗位人员8', '逾期未训1', '即将到期1'])
    expect([...document.querySelectorAll('[data-test="training-board-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '学校',
      '人员',
      '逾期',
      '即将到期',
      '最近培训',
      '重点岗位轮训',
      '假期安保培训',
    ])
    expect(rows()).toHaveLength(3)
    const school = rowOf(21)
    expect(cell(school, 'row-staff')).toBe('3')
    expect(cell(school, 'row-overdue')).toBe('1')
    expect(cell(school, 'row-due_soon')).toBe('1')
    expect(cell(school, 'row-last')).toBe('2026-11-20')
    expect(cell(school, 'row-rotation-outcome')).toBe('未达标')
    expect(cell(school, 'row-rotation-reason')).toBe('1 人逾期未参加轮训：张强（消防安全）')
    expect(cell(school, 'row-holiday-outcome')).toBe('达标')
    expect(school.querySelector('[data-test="row-rotation"]')?.getAttribute('data-outcome')).toBe('fail')
    expect(cell(rowOf(22), 'row-holiday-outcome')).toBe('提醒')
    expect(cell(rowOf(42), 'row-last')).toBe('无')
    expect(cell(rowOf(42), 'row-rotation-outcome')).toBe('不适用')
    expect($('training-board-school-21')?.getAttribute('href')).toBe('/training/staff?unit_id=21')
    expect($('training-board-school-21')?.getAttribute('aria-label')).toBe('查看示范区双桥小学的重点岗位人员')
  })

  it('keeps the schools with someone overdue, from the card, the checkbox or a link', async () => {
    const w = await mountPage()
    $('training-total-overdue')!.click()
    await settle()
    expect($('training-total-overdue')?.getAttribute('aria-pressed')).toBe('true')
    expect(schools()).toEqual(['示范区双桥小学'])
    // The totals stay the district's.
    expect($('training-total-schools')?.textContent).toContain('3')
    $('training-total-overdue')!.click()
    await settle()
    expect(rows()).toHaveLength(3)
    const box = $('training-board-overdue-only')?.querySelector('input') as HTMLInputElement
    box.click()
    await settle()
    expect(schools()).toEqual(['示范区双桥小学'])
    w.unmount()
    document.body.innerHTML = ''

    await mountPage('/training/board?overdue=1')
    expect(schools()).toEqual(['示范区双桥小学'])
  })

  it('says when no school matches', async () => {
    api.training.board.mockResolvedValue(board([boardRow({ overdue: 0 })]))
    await mountPage('/training/board?overdue=1')
    expect($('training-board-table')?.textContent).toContain('没有符合条件的学校')
  })

  it('exports the board as a spreadsheet', async () => {
    api.training.exportBoard.mockResolvedValue({ blob: new Blob(['x']), filename: '轮训看板.xlsx' })
    await mountPage()
    $('training-board-export')!.click()
    await settle()
    expect(api.training.exportBoard).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '轮训看板.xlsx' })
  })

  it('shows a card a school on a phone', async () => {
    window.innerWidth = 375
    await mountPage()
    const cards = [...document.querySelectorAll<HTMLElement>('[data-test="training-board-row"]')]
    expect(cards).toHaveLength(3)
    expect(cards[0].querySelector('[data-test="training-board-school-21"]')?.getAttribute('href')).toBe('/training/staff?unit_id=21')
    expect(cell(cards[0], 'row-overdue')).toBe('1')
    expect(cell(cards[0], 'row-rotation-outcome')).toBe('未达标')
    expect($('training-board-table')).toBeNull()
  })
})
