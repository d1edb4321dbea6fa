import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { PlanBoard, YearPlan } from '@/api/plan'

const api = vi.hoisted(() => ({
  year: { get: vi.fn(), put: vi.fn(), remove: vi.fn(), export: vi.fn(), import: vi.fn() },
  board: { board: vi.fn(), trend: vi.fn() },
  confirm: vi.fn(),
  save: vi.fn(),
}))

vi.mock('@/api/plan', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/plan')>()
  return { ...real, yearPlanApi: api.year, planApi: api.board }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.save }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import YearPlanView from '../YearPlan.vue'
import PlanBoardView from '../PlanBoard.vue'

vi.setConfig({ testTimeout: 60_000 })

const BUREAU = { id: 2, name: '示范区教育局', kind: 'bureau' }

function user(permissions: string[], unit = BUREAU): Me {
  return {
    user: { id: 3, username: 'safety_office', display_name: '安全科' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'unit_and_below', unit_paths: ['/1/2/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function yearPlan(over: Partial<YearPlan> = {}): YearPlan {
  return {
    year: 2026,
    source: 'shipped',
    unit_id: null,
    unit_name: '',
    title: '中小学校园安全规范落实年工作方案',
    loaded_by: '',
    loaded_at: '',
    can_load: true,
    actions: [
      {
        number: 1,
        title: '学校安全责任压实行动',
        measures: [
          { number: 1, title: '落实学校安全主体责任', rules: [] },
          { number: 13, title: '强化消防实战型应急演练', rules: [{ id: 'drill.monthly', title: '每个教学月应急疏散演练', subject: 'school' }] },
        ],
      },
    ],
    ...over,
  }
}

const Stub = defineComponent({ template: '<div />' })

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plan/year', name: 'plan', component: Stub },
      { path: '/plan-board', name: 'plan-board', component: Stub },
      { path: '/rules', name: 'rules', component: Stub },
      { path: '/drills', name: 'drills', component: Stub },
      { path: '/drills/:id(\\d+)', name: 'drill-detail', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router], stubs: { EChart: true } }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) {
    if (typeof group === 'function') group.mockReset()
    else for (const fn of Object.values(group)) fn.mockReset()
  }
  api.year.get.mockResolvedValue(yearPlan())
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('the year plan page', () => {
  it('shows the shipped plan’s actions, measures and rules, and lets a bureau export and import it', async () => {
    const { w } = await mountPage(YearPlanView, '/plan/year?year=2026', user(['rules:read', 'rules:configure']))
    expect(api.year.get).toHaveBeenCalledWith(2026)
    expect(w.find('[data-test="plan-title"]').text()).toBe('中小学校园安全规范落实年工作方案')
    expect(w.find('[data-test="plan-owner"]').text()).toBe('内置计划')
    expect(w.find('[data-test="plan-counts"]').text()).toBe('1 项行动 · 2 项措施 · 1 条规则 · 1 项措施暂无规则')
    expect(w.find('[data-test="year-action-1"]').text()).toBe('行动 1 学校安全责任压实行动')
    expect(w.find('[data-test="year-measure-13"]').text()).toBe('措施 13 强化消防实战型应急演练')
    expect(w.find('[data-test="year-rules-1"]').text()).toBe('暂无规则')
    expect(w.find('[data-test="year-rule-drill.monthly"]').text()).toContain('每个教学月应急疏散演练')
    expect(w.find('[data-test="plan-export"]').exists()).toBe(true)
    expect(w.find('[data-test="plan-import"]').exists()).toBe(true)
    expect(w.find('[data-test="plan-restore"]').exists()).toBe(false)

    api.year.export.mockResolvedValue({ blob: new Blob(['x']), filename: '年度计划.xlsx' })
    await w.find('[data-test="plan-export"]').trigger('click')
    await flushPromises()
    expect(api.year.export).toHaveBeenCalledWith(2026)
    expect(api.save).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '年度计划.xlsx' })

    await w.find('[data-test="plan-import"]').trigger('click')
    await flushPromises()
    expect(document.querySelector('[data-test="import-dialog"]')).not.toBeNull()
    expect(document.querySelector('[data-test="plan-import-hint"]')?.textContent).toContain('行动序号')
    // All or nothing: neither switch is offered.
    expect(document.querySelectorAll('[data-test="import-dialog"] .el-checkbox')).toHaveLength(0)
  })

  it('imports a plan: format and title sent, a refused file listed in the dialog, an applied one reloads', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    try {
      const { w } = await mountPage(YearPlanView, '/plan/year?year=2026', user(['rules:read', 'rules:configure']))
      await w.find('[data-test="plan-import"]').trigger('click')
      await flushPromises()
      const input = document.querySelector('[data-test="import-dialog"] input[type=file]') as HTMLInputElement
      Object.defineProperty(input, 'files', { value: [new File(['行动序号'], '计划.csv', { type: 'text/csv' })], configurable: true })
      input.dispatchEvent(new Event('change'))
      await flushPromises()
      const title = document.querySelector('[data-test="plan-import-title"]') as HTMLInputElement
      title.value = '示范区2026年安全工作计划'
      title.dispatchEvent(new Event('input'))
      await flushPromises()

      // A wrong header: refused as a whole, said in the dialog with the field.
      fetchMock.mockResolvedValueOnce(
        new Response(
          JSON.stringify({ error: { code: 'invalid_argument', message: '第 1 行第 1 列应为“行动序号”', details: [{ field: 'file', reason: '第 1 行第 1 列应为“行动序号”' }] } }),
          { status: 422, headers: { 'Content-Type': 'application/json' } },
        ),
      )
      ;(document.querySelector('[data-test="import-start"]') as HTMLButtonElement).click()
      await flushPromises()
      const url = String(fetchMock.mock.calls[0][0])
      expect(url).toMatch(/^\/api\/v1\/plans\/2026\/import\?/)
      const query = new URLSearchParams(url.split('?')[1])
      expect(Object.fromEntries(query)).toEqual({ title: '示范区2026年安全工作计划', format: 'csv' })
      expect(document.querySelector('[data-test="import-summary"]')?.textContent).toContain('文件未通过检查，未写入任何数据')
      expect(document.querySelector('[data-test="import-errors"]')?.textContent).toContain('第 1 行第 1 列应为“行动序号”')

      // Rows refused: the report's rows stay listed.
      fetchMock.mockResolvedValueOnce(
        new Response(JSON.stringify({ rows: 3, created: 0, updated: 0, failed: 1, applied: false, errors: [{ row: 3, column: '规则编号', reason: '没有规则 drill.bogus' }] }), {
          status: 422,
          headers: { 'Content-Type': 'application/json' },
        }),
      )
      ;(document.querySelector('[data-test="import-start"]') as HTMLButtonElement).click()
      await flushPromises()
      expect(document.querySelector('[data-test="import-summary"]')?.textContent).toContain('共 1 行有错误')
      expect(document.querySelector('[data-test="import-errors"]')?.textContent).toContain('没有规则 drill.bogus')
      expect(api.year.get).toHaveBeenCalledTimes(1)

      fetchMock.mockResolvedValueOnce(
        new Response(JSON.stringify({ rows: 3, created: 3, updated: 0, failed: 0, applied: true, errors: [] }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      )
      ;(document.querySelector('[data-test="import-start"]') as HTMLButtonElement).click()
      await flushPromises()
      expect(document.querySelector('[data-test="import-summary"]')?.textContent).toContain('导入完成')
      expect(api.year.get).toHaveBeenCalledTimes(2)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('names the bureau’s own plan and restores the shipped one after asking', async () => {
    api.year.get.mockResolvedValue(
      yearPlan({ source: 'loaded', unit_id: 2, unit_name: '示范区教育局', title: '示范区2026年安全工作计划', loaded_by: '安全科 周科长', loaded_at: '2026-03-01T02:00:00Z' }),
    )
    const { w } = await mountPage(YearPlanView, '/plan/year', user(['rules:read', 'rules:configure']))
    expect(w.find('[data-test="plan-owner"]').text()).toBe('本局计划')
    expect(w.find('[data-test="plan-loaded"]').text()).toMatch(/^示范区教育局 · 安全科 周科长 于 2026-03-01 \d\d:00:00 导入$/)
    api.year.remove.mockResolvedValue(undefined)
    api.year.get.mockResolvedValue(yearPlan())
    await w.find('[data-test="plan-restore"]').trigger('click')
    await flushPromises()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('恢复使用内置计划'))
    expect(api.year.remove).toHaveBeenCalledWith(expect.any(Number))
    expect(w.find('[data-test="plan-owner"]').text()).toBe('内置计划')
  })

  it('gives a reader an upper bureau’s plan to read and export, nothing to load', async () => {
    api.year.get.mockResolvedValue(yearPlan({ source: 'loaded', unit_id: 1, unit_name: '示范市教育局', can_load: false }))
    const { w } = await mountPage(YearPlanView, '/plan/year', user(['rules:read'], { id: 21, name: '示范区双桥小学', kind: 'school' }))
    expect(w.find('[data-test="plan-owner"]').text()).toBe('示范市教育局计划')
    // Exporting is reading.
    expect(w.find('[data-test="plan-export"]').exists()).toBe(true)
    expect(w.find('[data-test="plan-import"]').exists()).toBe(false)
    expect(w.find('[data-test="plan-restore"]').exists()).toBe(false)
  })

  it('asks for another year', async () => {
    const { w } = await mountPage(YearPlanView, '/plan/year', user(['rules:read']))
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'plan-year')
    const next = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1
    select?.vm.$emit('update:modelValue', next)
    select?.vm.$emit('change', next)
    await flushPromises()
    expect(api.year.get).toHaveBeenLastCalledWith(next)
  })

  it('shows the actions as sections on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(YearPlanView, '/plan/year', user(['rules:read']))
    expect(w.find('[data-test="plan-table"]').exists()).toBe(false)
    expect(w.find('[data-test="plan-sections"] h3').text()).toBe('行动 1 学校安全责任压实行动')
    expect(w.find('[data-test="year-measure-13"]').element.tagName).toBe('H4')
  })
})

describe('the plan board names its plan', () => {
  function board(over: Partial<PlanBoard> = {}): PlanBoard {
    return {
      date: '2026-12-04',
      schools: 40,
      plan: { year: 2026, source: 'loaded', title: '示范区2026年安全工作计划', unit_name: '示范区教育局' },
      actions: [
        {
          number: 1,
          title: '本局行动',
          measures: [{ number: 105, title: '本局措施', has_rules: false, school_rules: [], record_rules: [], schools_failing: 0, schools_judged: 0 }],
        },
      ],
      ...over,
    }
  }

  it('with its title, whose it is and a link to it; measures numbered as the plan does', async () => {
    api.board.board.mockResolvedValue(board())
    api.board.trend.mockResolvedValue({ year: 2026, months: [] })
    const { w } = await mountPage(PlanBoardView, '/plan-board?measure=105', user(['rules:read']))
    expect(w.find('[data-test="plan-follows-title"]').text()).toBe('示范区2026年安全工作计划')
    expect(w.find('[data-test="plan-follows-source"]').text()).toBe('示范区教育局导入')
    expect(w.find('[data-test="plan-follows-link"]').attributes('href')).toMatch(/^\/plan\/year(\?year=2026)?$/)
    expect(w.find('[data-test="plan-measure-105"] [data-test="measure-no-rules"]').text()).toBe('暂无规则')
  })

  it('without a plan named (an older server), as before', async () => {
    api.board.board.mockResolvedValue(board({ plan: undefined }))
    api.board.trend.mockResolvedValue({ year: 2026, months: [] })
    const { w } = await mountPage(PlanBoardView, '/plan-board', user(['rules:read']))
    expect(w.find('[data-test="plan-follows"]').exists()).toBe(false)
    expect(w.find('[data-test="plan-measure-105"]').exists()).toBe(true)
  })
})
