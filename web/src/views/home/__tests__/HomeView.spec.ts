import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { HomeBoard } from '@/api/boards'
import type { MyTasks, TaskGroup } from '@/api/tasks'

const api = vi.hoisted(() => ({
  boards: { home: vi.fn() },
  tasks: { mine: vi.fn() },
}))

vi.mock('@/api/boards', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/boards')>()
  return { ...real, boardsApi: api.boards }
})
vi.mock('@/api/tasks', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/tasks')>()
  return { ...real, tasksApi: api.tasks }
})

import HomeView from '../HomeView.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }

function user(permissions: string[], unit = SCHOOL, scope: Me['scope']['kind'] = 'own_unit'): Me {
  return {
    user: { id: 8, username: 'someone', display_name: '张三' },
    unit,
    roles: [],
    permissions,
    scope: { kind: scope, unit_paths: ['/1/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function board(kind: string, unitName: string, total: number): HomeBoard {
  return {
    scope: { kind, unit_name: unitName },
    generated_at: '2026-12-05T09:00:00Z',
    schools: {
      total,
      boarding: 1,
      by_stage: [{ code: 'primary', label: '小学', count: total }],
      by_location_type: [{ code: 'urban', label: '城区', count: total }],
      by_ownership: [],
    },
  }
}

const assign: TaskGroup = {
  kind: 'hazard.assign',
  label: '待交办隐患',
  count: 12,
  overdue: 3,
  items: [
    { subject_type: 'hazard', subject_id: 41, title: '二楼消防通道堆放杂物', school_name: '第一小学', due: '2026-12-01', overdue: true },
    { subject_type: 'hazard', subject_id: 42, title: '围墙裂缝', school_name: '第二小学', due: '', overdue: false },
  ],
}
const verify: TaskGroup = { kind: 'hazard.verify', label: '待验收隐患', count: 0, overdue: 0, items: [] }
const late: TaskGroup = {
  kind: 'supervision.late',
  label: '逾期未回复督办单',
  count: 1,
  overdue: 1,
  items: [{ subject_type: 'hazard', subject_id: 43, title: '配电房线缆裸露', school_name: '仁和幼儿园', due: '2026-05-25', overdue: true, order_id: 12 }],
}
const whistles: TaskGroup = {
  kind: 'whistle.todo',
  label: '待学校确认的吹哨事项',
  count: 1,
  overdue: 0,
  items: [{ subject_type: 'whistle', subject_id: 7, title: '校门口流动摊贩', school_name: '示范区双桥小学', due: '', overdue: false }],
}

const tasks = (groups: TaskGroup[]): MyTasks => ({ generated_at: '2026-12-05T09:00:00Z', groups })

const Stub = defineComponent({ template: '<div />' })
const CARDS = ['SupervisionHomeCard', 'WhistleHomeCard', 'HazardHomeCards', 'PatrolHomeCard', 'CampaignHomeCard', 'SecurityHomeCard', 'DrillHomeCard']

async function mountHome(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/home', name: 'home', component: Stub },
      { path: '/hazards', name: 'hazards', component: Stub },
      { path: '/hazards/new', name: 'hazard-new', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/hazards/supervision', name: 'hazard-supervision', component: Stub },
      { path: '/whistles', name: 'whistles', component: Stub },
      { path: '/whistles/:id(\\d+)', name: 'whistle-detail', component: Stub },
      { path: '/system/audit', name: 'audit', component: Stub },
      { path: '/edu/1530', name: 'edu-1530', component: Stub },
    ],
  })
  await router.push('/home')
  await router.isReady()
  const stubs: Record<string, boolean> = { EChart: true }
  for (const c of CARDS) stubs[c] = true
  const w = mount(HomeView, { global: { plugins: [ElementPlus, i18n, pinia, router], stubs }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.boards.home.mockReset()
  api.tasks.mine.mockReset()
  api.boards.home.mockResolvedValue(board('unit_and_below', '示范区教育局', 40))
  api.tasks.mine.mockResolvedValue(tasks([assign, verify, late]))
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('我的待办 on the home page', () => {
  it('is the first card under the welcome line, each group with its count, overdue and records', async () => {
    const { w } = await mountHome(user(['hazard:read', 'hazard:assign', 'hazard:supervise'], BUREAU, 'unit_and_below'))
    expect(api.tasks.mine).toHaveBeenCalledTimes(1)
    const cards = w.findAll('.home > *')
    expect(cards[0].classes()).toContain('welcome')
    expect(cards[1].attributes('data-test')).toBe('my-tasks')
    // A section head's 我的监管事项 right under it (its own spec: views/duties/__tests__/SupervisionHomeCard.spec.ts).
    expect(cards[2].element.tagName.toLowerCase()).toBe('supervision-home-card-stub')
    const card = w.find('[data-test="my-tasks"]')
    expect(card.find('h2').text()).toBe('我的待办')

    const group = card.find('[data-test="task-group-hazard.assign"]')
    expect(group.find('h3').text()).toContain('待交办隐患')
    expect(group.find('[data-test="task-group-count"]').text()).toBe('12 项')
    expect(group.find('[data-test="task-group-overdue"]').text()).toBe('超期 3')
    expect(group.find('[data-test="task-group-all"]').attributes('href')).toBe('/hazards?state=reported')
    // The records as a list of real links, with the school (a bureau user), the due date and 超期.
    const items = group.findAll('ul > li[data-test="task-item"]')
    expect(items).toHaveLength(2)
    const first = items[0]
    expect(first.find('a[data-test="task-item-link"]').attributes('href')).toBe('/hazards/41')
    expect(first.find('[data-test="task-item-link"]').text()).toBe('二楼消防通道堆放杂物')
    expect(first.find('[data-test="task-item-school"]').text()).toBe('第一小学')
    expect(first.find('[data-test="task-item-due"]').text()).toBe('期限 2026-12-01')
    expect(first.find('[data-test="task-item-overdue"]').text()).toBe('超期')
    expect(items[1].find('[data-test="task-item-due"]').exists()).toBe(false)
    expect(items[1].find('[data-test="task-item-overdue"]').exists()).toBe(false)

    // A supervision item opens the order's hazard; 查看全部 the open orders.
    const sup = card.find('[data-test="task-group-supervision.late"]')
    expect(sup.find('[data-test="task-item-link"]').attributes('href')).toBe('/hazards/43')
    expect(sup.find('[data-test="task-group-all"]').attributes('href')).toBe('/hazards/supervision?state=open')

    // A group with nothing to do is folded into one line, with no list of its own.
    expect(card.find('section[data-test="task-group-hazard.verify"]').exists()).toBe(false)
    expect(card.find('[data-test="task-idle"]').text()).toContain('待验收隐患')
    expect(card.find('[data-test="my-tasks-none"]').exists()).toBe(false)
  })

  it('opens a whistle from its item and the to-do list from 查看全部; no school names for a school user', async () => {
    api.boards.home.mockResolvedValue(board('own_unit', '示范区双桥小学', 1))
    api.tasks.mine.mockResolvedValue(tasks([whistles]))
    const { w } = await mountHome(user(['whistle:read']))
    const group = w.find('[data-test="task-group-whistle.todo"]')
    expect(group.find('[data-test="task-item-link"]').attributes('href')).toBe('/whistles/7')
    expect(group.find('[data-test="task-group-all"]').attributes('href')).toBe('/whistles?todo=1')
    expect(group.find('[data-test="task-item-school"]').exists()).toBe(false)
    expect(group.find('[data-test="task-group-overdue"]').exists()).toBe(false)
  })

  it('opens the 1530 page from a class teacher’s 今日1530安全提醒, its items and 查看全部', async () => {
    api.boards.home.mockResolvedValue(board('own_unit', '示范区双桥小学', 1))
    api.tasks.mine.mockResolvedValue(
      tasks([
        {
          kind: 'edu.1530',
          label: '今日1530安全提醒',
          count: 1,
          overdue: 0,
          items: [{ subject_type: 'class', subject_id: 7, title: '三年级2班 每日放学前1分钟', school_name: '示范区双桥小学', due: '2026-12-07', overdue: false }],
        },
      ]),
    )
    const { w } = await mountHome(user(['edu:read', 'edu:checkin']))
    const group = w.find('[data-test="task-group-edu.1530"]')
    expect(group.find('[data-test="task-group-label"]').text()).toBe('今日1530安全提醒')
    expect(group.find('[data-test="task-group-count"]').text()).toBe('1 项')
    expect(group.find('[data-test="task-item-link"]').attributes('href')).toBe('/edu/1530')
    expect(group.find('[data-test="task-item-link"]').text()).toBe('三年级2班 每日放学前1分钟')
    expect(group.find('[data-test="task-group-all"]').attributes('href')).toBe('/edu/1530')
  })

  it('says 暂无待办 when every group is empty, and when there are none', async () => {
    api.tasks.mine.mockResolvedValue(tasks([verify]))
    const { w } = await mountHome(user(['hazard:read', 'hazard:verify']))
    expect(w.find('[data-test="my-tasks-none"]').text()).toBe('暂无待办')
    expect(w.find('[data-test="task-item"]').exists()).toBe(false)
    expect(w.find('[data-test="task-idle"]').exists()).toBe(false)

    api.tasks.mine.mockResolvedValue(tasks([]))
    const none = await mountHome(user(['hazard:read'], BUREAU, 'all'))
    expect(none.w.find('[data-test="my-tasks-none"]').text()).toBe('暂无待办')
    expect(none.w.find('[data-test="my-tasks-auditor"]').exists()).toBe(false)
  })

  it('leads the audit administrator’s groups to the audit log', async () => {
    api.boards.home.mockResolvedValue({ scope: { kind: 'all', unit_name: '示范区教育局' }, schools: null, generated_at: '2026-12-05T09:00:00Z' })
    api.tasks.mine.mockResolvedValue(
      tasks([
        { kind: 'audit.refused', label: '近 7 天被拒绝的操作', count: 0, overdue: 0, items: [] },
        {
          kind: 'audit.accounts',
          label: '近 7 天账号、角色与安全策略变更',
          count: 1,
          overdue: 0,
          items: [{ subject_type: 'audit', subject_id: 176, title: 'policy.update：min_length=8', school_name: 'secadmin', due: '2026-12-05', overdue: false }],
        },
        { kind: 'audit.verify', label: '日志链校验：尚未校验', count: 1, overdue: 0, items: [] },
      ]),
    )
    const { w } = await mountHome(user(['audit:read', 'audit:export'], BUREAU, 'all'))
    const accounts = w.find('[data-test="task-group-audit.accounts"]')
    expect(accounts.find('[data-test="task-item-link"]').attributes('href')).toBe('/system/audit')
    expect(accounts.find('[data-test="task-group-all"]').attributes('href')).toBe('/system/audit')
    const verify = w.find('[data-test="task-group-audit.verify"]')
    expect(verify.text()).toContain('日志链校验：尚未校验')
    expect(verify.find('[data-test="task-group-all"]').attributes('href')).toBe('/system/audit')
    expect(w.find('[data-test="task-idle"]').text()).toContain('近 7 天被拒绝的操作')
    expect(w.find('[data-test="my-tasks-auditor"]').exists()).toBe(false)
  })

  it('points the audit administrator, who has no groups, at the audit log', async () => {
    api.boards.home.mockResolvedValue({ scope: { kind: 'all', unit_name: '示范区教育局' }, schools: null, generated_at: '2026-12-05T09:00:00Z' })
    api.tasks.mine.mockResolvedValue(tasks([]))
    const { w } = await mountHome(user(['audit:read', 'audit:export'], BUREAU, 'all'))
    const hint = w.find('[data-test="my-tasks-auditor"]')
    expect(hint.text()).toContain('审计管理员的待办：请在审计日志中查看近期敏感操作与日志链校验')
    expect(hint.find('a[data-test="my-tasks-audit-link"]').attributes('href')).toBe('/system/audit')
    expect(w.find('[data-test="my-tasks-none"]').exists()).toBe(false)
  })

  it('shows the loading state, then an error with 重试 that loads again', async () => {
    let fail: (e: unknown) => void = () => {}
    api.tasks.mine.mockReturnValueOnce(new Promise((_, reject) => (fail = reject)))
    const { w } = await mountHome(user(['hazard:read']))
    expect(w.find('[data-test="my-tasks-loading"]').text()).toBe('正在加载待办…')
    expect(w.find('[data-test="my-tasks"]').attributes('aria-busy')).toBe('true')
    fail(new ApiError(500, { code: 'internal', message: 'x', details: [] }, null))
    await flushPromises()
    expect(w.find('[data-test="my-tasks-loading"]').exists()).toBe(false)
    expect(w.find('[data-test="my-tasks-error"]').text()).toContain('待办加载失败')
    await w.find('[data-test="my-tasks-retry"]').trigger('click')
    await flushPromises()
    expect(api.tasks.mine).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="my-tasks-error"]').exists()).toBe(false)
    expect(w.find('[data-test="task-group-hazard.assign"]').exists()).toBe(true)
  })
})

describe('上报隐患 on the home page', () => {
  it('is a large link to the report form for a school user who may report', async () => {
    api.boards.home.mockResolvedValue(board('own_unit', '示范区双桥小学', 1))
    const { w } = await mountHome(user(['hazard:read', 'hazard:report']))
    const link = w.find('a[data-test="home-report"]')
    expect(link.text()).toBe('上报隐患')
    expect(link.attributes('href')).toBe('/hazards/new')
  })

  it('is not there without hazard:report, nor for the bureau', async () => {
    const teacher = await mountHome(user(['hazard:read', 'hazard:rectify']))
    expect(teacher.w.find('[data-test="home-report"]').exists()).toBe(false)
    const bureau = await mountHome(user(['hazard:read', 'hazard:report'], BUREAU, 'unit_and_below'))
    expect(bureau.w.find('[data-test="home-report"]').exists()).toBe(false)
  })
})

describe('the school numbers on the home page', () => {
  it('are shown for the bureau', async () => {
    const { w } = await mountHome(user(['school:read'], BUREAU, 'unit_and_below'))
    expect(w.find('[data-test="card-total"]').text()).toContain('40')
    expect(w.find('[data-test="chart-stage"]').exists()).toBe(true)
    expect(w.find('[data-test="chart-location"]').exists()).toBe(true)
  })

  it('are hidden for the users of one school (no counts, no charts, no empty notice)', async () => {
    api.boards.home.mockResolvedValue(board('own_unit', '示范区双桥小学', 1))
    const { w } = await mountHome(user(['school:read']))
    expect(w.find('[data-test="home-scope"]').text()).toContain('示范区双桥小学')
    expect(w.find('[data-test="card-total"]').exists()).toBe(false)
    expect(w.find('[data-test="chart-stage"]').exists()).toBe(false)
    expect(w.find('[data-test="chart-location"]').exists()).toBe(false)
    expect(w.find('.el-empty').exists()).toBe(false)
  })
})
