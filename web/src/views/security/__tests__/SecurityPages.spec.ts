import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { SecurityInput } from '@/api/security'
import { screeningRound, securityBoard, securityRecord } from './fixtures'

const api = vi.hoisted(() => ({
  security: { get: vi.fn(), save: vi.fn(), board: vi.fn(), export: vi.fn(), rounds: vi.fn() },
  saveDownload: vi.fn(),
}))

vi.mock('@/api/security', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/security')>()
  return { ...real, securityApi: api.security }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})

import SecurityRecord from '../SecurityRecord.vue'
import SecurityBoard from '../SecurityBoard.vue'
import SecurityHomeCard from '../components/SecurityHomeCard.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const OFFICER = ['security:read', 'security:record']

function user(permissions: string[], unit = SCHOOL): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a 100 ms debounce. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/security/schools/:id(\\d+)', name: 'security-record', component: Stub },
      { path: '/security/board', name: 'security-board', component: Stub },
      { path: '/home', name: 'home', component: Stub },
      { path: '/security/rounds', name: 'security-rounds', component: Stub },
      { path: '/security/rounds/:id(\\d+)', name: 'security-round', component: Stub },
      { path: '/security/rounds/:id(\\d+)/schools/:schoolId(\\d+)', name: 'security-screening', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router], stubs: { EChart: true } }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

/** The error text of the form item around a field. */
function errorOf(test: string): string {
  const item = document.querySelector(`[data-test="${test}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.security)) fn.mockReset()
  api.saveDownload.mockReset()
  api.security.get.mockResolvedValue(securityRecord())
  api.security.board.mockResolvedValue(securityBoard())
  api.security.rounds.mockResolvedValue({ items: [], can_open: false })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('SecurityRecord', () => {
  it('shows the four indicators with the reason of every rule, and the record as lists', async () => {
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    expect(api.security.get).toHaveBeenCalledWith(21)
    expect(w.find('[data-test="security-school"]').text()).toBe('示范区双桥小学')
    expect(w.find('[data-test="security-size"]').text()).toContain('应配专职保安 2 名')
    expect(w.find('[data-test="indicator-all"]').text()).toBe('四个100%：未达标')
    const guards = w.find('[data-test="indicator-guards"]')
    expect(guards.find('[data-test="indicator-state"]').text()).toBe('未达标')
    expect(guards.findAll('li').map((l) => l.attributes('data-test'))).toEqual(['finding-security.guards', 'finding-security.guard_license', 'finding-security.patrol'])
    expect(guards.find('[data-test="finding-security.guards"] [data-test="finding-reason"]').text()).toContain('缺 1 名')
    expect(w.find('[data-test="indicator-closed_campus"]').text()).toContain('门卫室未 24 小时值守')
    // The record itself.
    expect(w.find('[data-test="view-guard"]').text()).toContain('王建国')
    expect(w.find('[data-test="view-guard"]').text()).toContain('证号 鄂420100001')
    expect(w.find('[data-test="view-uncovered"]').text()).toContain('人员聚集区、食堂后厨')
    expect(w.find('[data-test="view-post"]').text()).toContain('上学高峰')
    expect(w.find('[data-test="view-post"]').text()).toContain('公安民警、保安员、教师')
    expect(w.find('[data-test="security-form"]').exists()).toBe(false)
    expect(w.find('[data-test="security-edit"]').text()).toBe('修改台账')
    expect(w.find('[data-test="security-to-board"]').exists()).toBe(false)
  })

  it('offers no editing to a reader; the bureau gets the way to the board', async () => {
    api.security.get.mockResolvedValue(securityRecord({ can_edit: false }))
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(['security:read'], BUREAU))
    expect(w.find('[data-test="security-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="security-to-board"]').attributes('href')).toBe('/security/board')
  })

  it('adds a guard and saves the whole record with the version read; the indicators follow', async () => {
    const after = securityRecord({
      version: 4,
      guards: [
        ...securityRecord().guards,
        { id: 2, name: '李强', full_time: true, license_no: '鄂420100002', birth_date: null, employer: '', shifts: '' },
      ],
      indicators: { guards: true, closed_campus: false, alarm_video: false, gate_duty: false, all: false },
    })
    api.security.save.mockResolvedValue(after)
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    await w.find('[data-test="security-edit"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="security-form"]').exists()).toBe(true)
    expect((w.find('[data-test="guards-0-name"]').element as HTMLInputElement).value).toBe('王建国')
    await w.find('[data-test="guards-add"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="guards-1"] h4').text()).toContain('第 2 名保安员')
    expect(w.find('[data-test="guards-1-name"]').attributes('aria-label')).toBe('第 2 名保安员 姓名')
    await w.find('[data-test="guards-1-name"]').setValue(' 李强 ')
    await w.find('[data-test="guards-1-license_no"]').setValue('鄂420100002')
    await w.find('[data-test="security-save"]').trigger('click')
    await settle()
    expect(api.security.save).toHaveBeenCalledTimes(1)
    const [id, body] = api.security.save.mock.calls[0] as [number, SecurityInput]
    expect(id).toBe(21)
    expect(body.version).toBe(3)
    expect(body.guards).toHaveLength(2)
    expect(body.guards[0].id).toBe(1)
    expect(body.guards[1]).toEqual({ name: '李强', full_time: true, license_no: '鄂420100002', birth_date: null, employer: '', shifts: '' })
    expect(body.posts[0].id).toBe(7)
    // Saved: back to the record, with the indicators as the server judged them.
    expect(w.find('[data-test="security-form"]').exists()).toBe(false)
    expect(w.find('[data-test="indicator-guards"] [data-test="indicator-state"]').text()).toBe('达标')
    expect(w.findAll('[data-test="view-guard"]')).toHaveLength(2)
  })

  it('checks the names before sending, and places the server’s reasons beside their fields', async () => {
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    await w.find('[data-test="security-edit"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="guards-add"]').trigger('click')
    await w.find('[data-test="posts-add"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="security-save"]').trigger('click')
    await settle()
    expect(api.security.save).not.toHaveBeenCalled()
    expect(errorOf('guards-1-name')).toBe('请填写保安员姓名')
    expect(errorOf('posts-1-gate')).toBe('请填写校门')

    await w.find('[data-test="guards-1-name"]').setValue('李强')
    await w.find('[data-test="posts-1-gate"]').setValue('北门')
    api.security.save.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '台账未通过检查',
          details: [
            { field: 'guards[1].birth_date', reason: '保安员须年满 16 周岁' },
            { field: 'posts[0].kinds[0]', reason: '没有这类人员' },
            { field: 'video.retention_days', reason: '须在 0 到 3650 天之间' },
            { field: 'alarms[0].id', reason: '不是本校已登记的条目' },
          ],
        },
        null,
      ),
    )
    await w.find('[data-test="security-save"]').trigger('click')
    await settle()
    expect(api.security.save).toHaveBeenCalledTimes(1)
    expect(errorOf('guards-1-birth_date')).toBe('保安员须年满 16 周岁')
    expect(errorOf('posts-0-kinds')).toBe('没有这类人员')
    expect(errorOf('field-retention_days')).toBe('须在 0 到 3650 天之间')
    expect(w.find('[data-test="guards-1"] h4').text()).toContain('1 处需修改')
    expect(w.find('[data-test="security-errors"]').text()).toContain('alarms[0].id：不是本校已登记的条目')
    // Removing a row makes the row numbers stale: the reasons go.
    await w.find('[data-test="guards-0-remove"]').trigger('click')
    await settle()
    expect(w.find('[data-test="security-errors"]').exists()).toBe(false)
    expect(errorOf('posts-0-kinds')).toBe('')
  })

  it('says when another save came first and reloads', async () => {
    api.security.save.mockRejectedValue(new ApiError(409, { code: 'aborted', message: '台账已被修改，请刷新后重试', details: [] }, null))
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    await w.find('[data-test="security-edit"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="security-save"]').trigger('click')
    await settle()
    expect(w.find('[data-test="security-stale"]').exists()).toBe(true)
    expect(w.find('[data-test="security-save"]').attributes('disabled')).toBeDefined()
    api.security.get.mockResolvedValue(securityRecord({ version: 5 }))
    await w.find('[data-test="security-reload"]').trigger('click')
    await settle()
    expect(api.security.get).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="security-stale"]').exists()).toBe(false)
    expect(w.find('[data-test="security-form"]').exists()).toBe(true)
  })

  it('opens a record never filled in straight in the form, with the required areas marked', async () => {
    api.security.get.mockResolvedValue(
      securityRecord({
        recorded: false,
        version: 0,
        has_canteen: false,
        guards: [],
        alarms: [],
        posts: [],
        patrols_per_day: 0,
        video: { areas: [], retention_days: 0, open_fault_since: null, last_repair: null },
      }),
    )
    const { w } = await mountPage(SecurityRecord, '/security/schools/21', user(OFFICER))
    expect(w.find('[data-test="security-not-recorded"]').text()).toContain('本校尚未填报安防台账')
    expect(w.find('[data-test="security-form"]').exists()).toBe(true)
    expect(w.find('[data-test="area-gate"]').text()).toContain('必需')
    expect(w.find('[data-test="area-dormitory_entrance"]').text()).not.toContain('必需')
    // No canteen: its kitchen is not required until the switch says there is one.
    expect(w.find('[data-test="area-canteen_kitchen"]').text()).not.toContain('必需')
    await w.find('[data-test="field-has_canteen"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="area-canteen_kitchen"]').text()).toContain('必需')
  })

  it('says not found for a school out of scope', async () => {
    api.security.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const { w } = await mountPage(SecurityRecord, '/security/schools/99', user(['security:read'], BUREAU))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
  })
})

describe('SecurityBoard', () => {
  it('shows the five rates with 四个100% first, the schools short with their reasons, and those not recorded', async () => {
    const { w } = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    expect(api.security.board).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/))
    expect(w.find('[data-test="board-screened"]').text()).toBe('已填报 36 / 40 所')
    const rates = w.findAll('[data-test="board-rates"] > li')
    expect(rates.map((r) => r.attributes('data-test'))).toEqual(['rate-all', 'rate-guards', 'rate-closed_campus', 'rate-alarm_video', 'rate-gate_duty'])
    expect(rates[0].find('[data-test="rate-value"]').text()).toBe('69.4%')
    expect(rates[0].find('[data-test="rate-count"]').text()).toBe('25 / 36 所达标')
    expect(rates[0].find('[role="progressbar"]').attributes('aria-label')).toBe('四个100% 69.4%')
    expect(rates[4].find('[data-test="rate-value"]').text()).toBe('100%')
    const row = w.find('[data-test="short"] tbody tr')
    expect(row.find('[data-test="short-school"]').attributes('href')).toBe('/security/schools/21')
    expect(row.findAll('[data-test="short-indicator"]').map((x) => x.text())).toEqual(['专职保安：未达标'])
    expect(row.find('[data-test="short-reason"]').text()).toBe('专职保安员配备数量：师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名')
    expect(w.find('[data-test="unscreened-14"]').attributes('href')).toBe('/security/schools/14')
    expect(w.findAll('[data-test="trend-table"] tbody tr')).toHaveLength(2)
  })

  it('shows the trend by round: each round’s 四个100% rate and the four, linking to the round', async () => {
    const older = screeningRound({ id: 3, name: '2026年春季逐校筛查', from: '2026-04-01', to: '2026-04-30', window: 'ended', screened: 40, schools: 40 })
    const none = { compliant: 0, screened: 0, permille: 0 }
    const newer = screeningRound({ id: 4, screened: 0, rates: { all: none, guards: none, closed_campus: none, alarm_video: none, gate_duty: none } })
    api.security.board.mockResolvedValue(securityBoard({ rounds: [older, newer] }))
    const { w } = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    const rows = w.findAll('[data-test="rounds-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="round-name"]').attributes('href')).toBe('/security/rounds/3')
    expect(rows[0].find('[data-test="round-rate-all"]').text()).toBe('62.5%')
    expect(rows[0].find('[data-test="round-rate-gate_duty"]').text()).toBe('100%')
    expect(rows[0].text()).toContain('2026-04-01 至 2026-04-30')
    // A round nobody screened yet says nothing.
    expect(rows[1].find('[data-test="round-rate-all"]').text()).toBe('—')
    // An older server: no rounds.
    api.security.board.mockResolvedValue(securityBoard())
    const again = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    expect(again.w.find('[data-test="no-rounds"]').text()).toBe('暂无筛查轮次')
  })

  it('reloads for another day and exports the board', async () => {
    api.security.export.mockResolvedValue({ blob: new Blob(['x']), filename: '四个100%.xlsx' })
    const { w } = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    await w.find('[data-test="board-export"]').trigger('click')
    await flushPromises()
    expect(api.security.export).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/))
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '四个100%.xlsx' })
  })

  it('says when every school recorded meets all four, and lists cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    expect(w.find('.el-table[data-test="short"]').exists()).toBe(false)
    expect(w.find('[data-test="short-21"] [data-test="short-school"]').text()).toBe('示范区双桥小学')
    api.security.board.mockResolvedValue(securityBoard({ short: [], unscreened: [] }))
    const again = await mountPage(SecurityBoard, '/security/board', user(['security:read'], BUREAU))
    expect(again.w.find('[data-test="no-short"]').exists()).toBe(true)
    expect(again.w.find('[data-test="no-unscreened"]').exists()).toBe(true)
  })
})

describe('the home card', () => {
  it('shows a school its four indicators at a glance', async () => {
    const { w } = await mountPage(SecurityHomeCard, '/home', user(OFFICER))
    expect(api.security.get).toHaveBeenCalledWith(21)
    expect(w.find('[data-test="home-security-all"]').text()).toContain('未达标')
    expect(w.find('[data-test="home-security-guards"]').text()).toBe('专职保安未达标')
    expect(w.find('[data-test="home-security-link"]').attributes('href')).toBe('/security/schools/21')
    expect(w.find('[data-test="home-security-link"]').text()).toBe('查看台账')
  })

  it('lists the open rounds the school is not yet screened in, for those who screen', async () => {
    api.security.rounds.mockResolvedValue({
      items: [
        screeningRound({ id: 4, schools: 1, screened: 0 }),
        screeningRound({ id: 3, name: '已筛查的轮次', schools: 1, screened: 1 }),
        screeningRound({ id: 2, name: '未开始的轮次', window: 'not_open', schools: 1, screened: 0 }),
      ],
      can_open: false,
    })
    const { w } = await mountPage(SecurityHomeCard, '/home', user(OFFICER))
    const links = w.findAll('[data-test^="home-round-"]')
    expect(links.map((l) => l.text())).toEqual(['2026年秋季四个100%逐校筛查'])
    expect(links[0].attributes('href')).toBe('/security/rounds/4/schools/21')
    expect(w.find('[data-test="home-rounds"]').text()).toContain('截至 2026-12-15')
    // A reader (no security:record) is not asked to screen.
    api.security.rounds.mockClear()
    const reader = await mountPage(SecurityHomeCard, '/home', user(['security:read']))
    expect(api.security.rounds).not.toHaveBeenCalled()
    expect(reader.w.find('[data-test="home-rounds"]').exists()).toBe(false)
  })

  it('says a school has not filled its record yet, with the way to fill it', async () => {
    api.security.get.mockResolvedValue(securityRecord({ recorded: false, version: 0 }))
    const { w } = await mountPage(SecurityHomeCard, '/home', user(OFFICER))
    expect(w.find('[data-test="home-security-not-recorded"]').text()).toBe('尚未填报安防台账')
    expect(w.find('[data-test="home-security-link"]').text()).toBe('去填报')
  })

  it('sums up the board for the bureau', async () => {
    const { w } = await mountPage(SecurityHomeCard, '/home', user(['security:read'], BUREAU))
    expect(api.security.get).not.toHaveBeenCalled()
    expect(w.find('[data-test="home-security-rate"]').text()).toBe('69.4%（25 / 36 所），未填报 1 所')
    expect(w.find('[data-test="home-security-board-link"]').attributes('href')).toBe('/security/board')
  })

  it('shows nothing without security:read, or when the API does not answer', async () => {
    const { w } = await mountPage(SecurityHomeCard, '/home', user(['drill:read']))
    expect(api.security.get).not.toHaveBeenCalled()
    expect(w.html()).not.toContain('home-security')
    api.security.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: 'x', details: [] }, null))
    const again = await mountPage(SecurityHomeCard, '/home', user(OFFICER))
    expect(again.w.find('[data-test="home-security"]').exists()).toBe(false)
  })
})
