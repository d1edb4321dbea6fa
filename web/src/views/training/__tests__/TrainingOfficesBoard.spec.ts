// 队伍建设看板: the totals (offices, members, 专职, 兼职, the schools not met), every unit — the bureau
// first, then the schools — with its type, its office (未登记 when none), its figures and, for a
// school, the verdict of staffing.office (a table on a desk, cards on a phone), each leading to its
// office; only those not met (the card, the checkbox, or ?fail=1); 导出 saves 安全监管机构.xlsx.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '@/i18n'
import { OFFICE, staffingBoard, staffingRow } from './fixtures'

const api = vi.hoisted(() => ({
  staffing: { office: vi.fn(), save: vi.fn(), board: vi.fn(), exportBoard: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/staffing', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/staffing')>()
  return { ...real, staffingApi: api.staffing }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import TrainingOfficesBoard from '../TrainingOfficesBoard.vue'
import { $, cell, mountBoard, settle, tableRows, type BoardRoutes } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const desk = window.innerWidth
const ROUTES: BoardRoutes = { board: ['/training/offices/board', 'training-offices-board'], school: ['/training/offices', 'training-office'] }
const mountPage = (path = '/training/offices/board') => mountBoard(TrainingOfficesBoard, OFFICE(), ROUTES, path)

const rows = () => tableRows('training-offices-board-table')
const rowOf = (id: number) => rows().find((r) => r.querySelector(`[data-test="training-offices-board-unit-${id}"]`))!
const units = () => rows().map((r) => r.querySelector('[data-test^="training-offices-board-unit-"]')?.textContent?.trim())

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.staffing), api.saveDownload]) fn.mockReset()
  api.staffing.board.mockResolvedValue(staffingBoard())
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('队伍建设看板', () => {
  it('shows the totals and every unit with its office, figures and verdict, each leading to its office', async () => {
    await mountPage()
    expect(api.staffing.board).toHaveBeenCalledTimes(1)
    const totals = [...document.querySelectorAll('[data-test^="training-offices-total-"]')].map((b) => b.textContent?.replace(/\s+/g, ''))
    expect(totals).toEqual(['已登记机构3', '机构人员9', '专职5', '兼职4', '未达标学校2'])
    expect([...document.querySelectorAll('[data-test="training-offices-board-table"] thead th')].map((th) => th.textContent?.trim())).toEqual([
      '单位',
      '类型',
      '机构名称',
      '人员',
      '专职',
      '兼职',
      '有资质',
      '人员配备情况',
    ])
    expect(units()).toEqual(['示范区教育局', '示范区双桥小学', '示范区青石第2小学', '示范区河西中学'])
    const bureau = rowOf(1)
    expect(cell(bureau, 'row-kind')).toBe('教育局')
    expect(cell(bureau, 'row-office')).toBe('安全管理科')
    expect(cell(bureau, 'row-members')).toBe('4')
    expect(cell(bureau, 'row-part_time')).toBe('0')
    expect(cell(bureau, 'row-check')).toBe('—')
    const school = rowOf(21)
    expect(cell(school, 'row-kind')).toBe('学校')
    expect(cell(school, 'row-members')).toBe('2')
    expect(cell(school, 'row-full_time')).toBe('0')
    expect(cell(school, 'row-part_time')).toBe('2')
    expect(cell(school, 'row-qualified')).toBe('1')
    expect(cell(school, 'row-check-outcome')).toBe('未达标')
    expect(cell(school, 'row-check-reason')).toBe('专职 0 人，少于 1 人')
    expect(school.querySelector('[data-test="row-check"]')?.getAttribute('data-outcome')).toBe('fail')
    expect(cell(rowOf(22), 'row-check-outcome')).toBe('达标')
    expect(cell(rowOf(42), 'row-office')).toBe('未登记')
    expect($('training-offices-board-unit-21')?.getAttribute('href')).toBe('/training/offices?unit_id=21')
    expect($('training-offices-board-unit-1')?.getAttribute('href')).toBe('/training/offices?unit_id=1')
    expect($('training-offices-board-unit-21')?.getAttribute('aria-label')).toBe('查看示范区双桥小学的安全监管机构')
  })

  it('keeps those not met, from the card, the checkbox or a link', async () => {
    const w = await mountPage()
    $('training-offices-total-failing')!.click()
    await settle()
    expect($('training-offices-total-failing')?.getAttribute('aria-pressed')).toBe('true')
    expect(units()).toEqual(['示范区双桥小学', '示范区河西中学'])
    // The totals stay the scope's.
    expect($('training-offices-total-offices')?.textContent).toContain('3')
    $('training-offices-total-failing')!.click()
    await settle()
    expect(rows()).toHaveLength(4)
    const box = $('training-offices-board-fail-only')?.querySelector('input') as HTMLInputElement
    box.click()
    await settle()
    expect(units()).toEqual(['示范区双桥小学', '示范区河西中学'])
    w.unmount()
    document.body.innerHTML = ''

    await mountPage('/training/offices/board?fail=1')
    expect(units()).toEqual(['示范区双桥小学', '示范区河西中学'])
  })

  it('says when no unit matches', async () => {
    api.staffing.board.mockResolvedValue({ rows: [staffingRow({ check: { outcome: 'pass', outcome_label: '达标', reason: '' } })], totals: { offices: 1, members: 2, full_time: 1 } })
    await mountPage('/training/offices/board?fail=1')
    expect($('training-offices-board-table')?.textContent).toContain('没有符合条件的单位')
  })

  it('exports the board as a spreadsheet', async () => {
    api.staffing.exportBoard.mockResolvedValue({ blob: new Blob(['x']), filename: '安全监管机构.xlsx' })
    await mountPage()
    $('training-offices-board-export')!.click()
    await settle()
    expect(api.staffing.exportBoard).toHaveBeenCalledTimes(1)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '安全监管机构.xlsx' })
  })

  it('shows a card a unit on a phone', async () => {
    window.innerWidth = 375
    await mountPage()
    const cards = [...document.querySelectorAll<HTMLElement>('[data-test="training-offices-board-row"]')]
    expect(cards).toHaveLength(4)
    expect(cards[1].querySelector('[data-test="training-offices-board-unit-21"]')?.getAttribute('href')).toBe('/training/offices?unit_id=21')
    expect(cell(cards[1], 'row-part_time')).toBe('2')
    expect(cell(cards[1], 'row-check-outcome')).toBe('未达标')
    expect(cards[0].querySelector('[data-test="row-check"]')).toBeNull()
    expect(cell(cards[3], 'row-office')).toBe('未登记')
    expect($('training-offices-board-table')).toBeNull()
  })
})
