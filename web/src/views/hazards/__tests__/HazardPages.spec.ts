import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import type { Hazard, HazardDetail } from '@/api/hazards'

const api = vi.hoisted(() => ({
  hazards: { list: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), transition: vi.fn() },
  notifications: { list: vi.fn(), read: vi.fn(), readAll: vi.fn() },
  schools: { list: vi.fn(), get: vi.fn() },
  whistles: { list: vi.fn(), create: vi.fn() },
  supervision: { list: vi.fn(), reply: vi.fn(), close: vi.fn() },
}))

vi.mock('@/api/hazards', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/hazards')>()
  return { ...real, hazardsApi: api.hazards, supervisionApi: api.supervision }
})
vi.mock('@/api/notifications', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/notifications')>()
  return { ...real, notificationsApi: api.notifications }
})
vi.mock('@/api/whistles', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/whistles')>()
  return { ...real, whistlesApi: api.whistles }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import HazardList from '../HazardList.vue'
import HazardDetailView from '../HazardDetail.vue'
import SupervisionList from '../SupervisionList.vue'
import NotificationBell from '@/components/NotificationBell.vue'

vi.setConfig({ testTimeout: 60_000 })

const hazard: Hazard = {
  id: 5,
  school_id: 21,
  school_name: '示范区双桥小学',
  building_id: 33,
  key_place_id: 54,
  place: '食堂 学生食堂',
  domain: 'fire',
  domain_label: '消防安全',
  level: 'general',
  level_label: '一般隐患',
  title: '灭火器过期',
  description: '后厨两具灭火器过期',
  found_at: '2026-11-30T08:00:00.000Z',
  found_by: 'school1_safety',
  source: 'self_inspection',
  source_label: '学校自查',
  campaign_id: null,
  responsible: '',
  owner: 'school1_teacher',
  deadline: '2020-01-01',
  deadline_reason: '',
  interim_measures: '',
  five: { measures: '', responsible: '', funds: '', deadline: '', contingency_plan: '' },
  state: 'submitted',
  state_label: '待验收',
  rectifier: 'school1_teacher',
  rework_count: 0,
  reopen_count: 0,
  supervised: true,
  created_at: '2026-11-30T08:00:00.000Z',
  updated_at: '2026-11-30T09:00:00.000Z',
  closed_at: null,
}

function detail(over: Partial<HazardDetail> = {}): HazardDetail {
  return {
    ...hazard,
    timeline: [
      { id: 1, at: '2026-11-30T08:00:00.000Z', actor: 'school1_safety', action: 'report', from_state: '', to_state: 'reported', note: '', signature: null, file_ids: [1] },
      {
        id: 2,
        at: '2026-11-30T08:10:00.000Z',
        actor: 'school1_safety',
        action: 'assign',
        from_state: 'reported',
        to_state: 'assigned',
        note: '责任人 school1_teacher，期限 2026-12-07',
        signature: { id: 9, username: 'school1_safety', method: 'password', signed_at: '2026-11-30T08:10:00.000Z', content_hash: 'abcdef0123456789' },
        file_ids: [],
      },
    ],
    files: [{ id: 1, name: 'a.png', content_type: 'image/png', size: 10, sha256: 'x', url: '/api/v1/files/1' }],
    escalations: [{ rule: 'hazard.overdue.bureau', target: 'bureau', supervision: true, reason: '已超过整改期限 9 天', fired_at: '2026-11-30T09:00:00.000Z' }],
    actions: ['approve', 'reject'],
    default_deadline_days: 7,
    days_overdue: 9,
    ...over,
  }
}

function user(permissions: string[], unit = { id: 21, name: '示范区双桥小学', kind: 'school' }): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit,
    roles: [{ code: 'school_safety_officer', name: '学校安全干部' }],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a 100 ms debounce and opens popovers on a timer. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  useDictStore().data = {
    unit_kinds: [],
    school_stages: [],
    ownerships: [],
    location_types: [],
    department_kinds: [],
    key_place_kinds: [],
    scope_kinds: [],
    hazard_domains: [{ code: 'fire', label: '消防安全' }],
    hazard_levels: [
      { code: 'general', label: '一般隐患' },
      { code: 'major', label: '重大隐患' },
    ],
    hazard_sources: [{ code: 'self_inspection', label: '学校自查' }],
    whistle_categories: [{ code: 'traffic', label: '道路交通' }],
    whistle_places: [{ code: 'around', label: '校园周边' }],
    whistle_severities: [{ code: 'general', label: '一般' }],
    hazard_states: [
      { code: 'reported', label: '已上报' },
      { code: 'submitted', label: '待验收' },
      { code: 'closed', label: '已销号' },
    ],
    permissions: [],
  }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/hazards', name: 'hazards', component: Stub },
      { path: '/hazards/new', name: 'hazard-new', component: Stub },
      { path: '/hazards/supervision', name: 'hazard-supervision', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
      { path: '/hazards/:id(\\d+)/print/:kind(notice|closeout)', name: 'hazard-print', component: Stub },
      { path: '/drills/:id(\\d+)', name: 'drill-detail', component: Stub },
      { path: '/patrols/records/:id(\\d+)', name: 'patrol-record', component: Stub },
      { path: '/whistles/:id(\\d+)', name: 'whistle-detail', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of Object.values(api)) for (const fn of Object.values(group)) fn.mockReset()
  api.hazards.list.mockResolvedValue({ items: [hazard], total: 1 })
  api.hazards.get.mockResolvedValue(detail())
  api.schools.list.mockResolvedValue({ items: [], total: 0 })
  api.notifications.list.mockResolvedValue({ items: [], total: 0, unread: 0 })
  api.whistles.list.mockResolvedValue({ items: [], total: 0 })
  api.supervision.list.mockResolvedValue({ items: [], total: 0 })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('HazardList', () => {
  it('takes its filters from the link and shows overdue days and the supervised tag', async () => {
    const { w } = await mountPage(HazardList, '/hazards?overdue=true&state=submitted', user(['hazard:read', 'hazard:report']))
    // 仅看超期: the most overdue first.
    expect(api.hazards.list).toHaveBeenCalledWith({ state: 'submitted', overdue: true, page: 1, page_size: 10, sort: 'deadline' })
    const table = w.find('[data-test="table"]')
    expect(table.text()).toContain('灭火器过期')
    expect(table.text()).toContain('待验收')
    expect(w.find('[data-test="row-overdue"]').text()).toMatch(/超期 \d+ 天/)
    expect(table.text()).toContain('督办')
    expect(w.find('[data-test="add"]').exists()).toBe(true)
    // A school user has no school filter (and asks for no school list).
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(api.schools.list).not.toHaveBeenCalled()
  })

  it('仅看超期 sorts by deadline, the most overdue first, unless the user sorts by a column', async () => {
    const { w } = await mountPage(HazardList, '/hazards', user(['hazard:read']))
    expect(api.hazards.list).toHaveBeenLastCalledWith({ page: 1, page_size: 10 })
    await w.find('[data-test="search-overdue"] input').setValue(true)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.hazards.list).toHaveBeenLastCalledWith({ overdue: true, page: 1, page_size: 10, sort: 'deadline' })
    // A column the user sorts by wins.
    w.findComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop: 'found_at', order: 'descending' })
    await flushPromises()
    expect(api.hazards.list).toHaveBeenLastCalledWith({ overdue: true, page: 1, page_size: 10, sort: '-found_at' })
    // Unsorted again: back to the deadline.
    w.findComponent({ name: 'ElTable' }).vm.$emit('sort-change', { prop: 'found_at', order: null })
    await flushPromises()
    expect(api.hazards.list).toHaveBeenLastCalledWith({ overdue: true, page: 1, page_size: 10, sort: 'deadline' })
  })

  it('hides the report button without hazard:report and offers the school filter to the bureau', async () => {
    const { w } = await mountPage(HazardList, '/hazards', user(['hazard:read', 'school:read'], { id: 1, name: '示范区教育局', kind: 'bureau' }))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(true)
    expect(api.schools.list).toHaveBeenCalled()
  })
})

describe('HazardList on a phone', () => {
  afterEach(() => {
    window.innerWidth = 1024
  })

  it('shows a card per hazard: the title opening it, state, level, school, deadline overdue in red, found by', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(HazardList, '/hazards', user(['hazard:read', 'hazard:report']))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(1)
    const title = cards[0].find('[data-test="card-title"]')
    expect(title.text()).toBe('灭火器过期')
    expect(title.attributes('href')).toBe('/hazards/5')
    expect(cards[0].find('[data-test="row-state"]').text()).toBe('待验收')
    expect(cards[0].text()).toContain('一般隐患')
    expect(cards[0].text()).toContain('示范区双桥小学')
    expect(cards[0].text()).toContain('整改期限 2020-01-01')
    expect(cards[0].find('[data-test="row-overdue"]').classes()).toContain('overdue')
    expect(cards[0].text()).toContain('发现人 school1_safety')
    // The filters start folded behind 筛选.
    expect(w.find('[data-test="toggle-search"]').text()).toBe('筛选')
  })
})

describe('SupervisionList on a phone', () => {
  afterEach(() => {
    window.innerWidth = 1024
  })

  it('shows a card per order: the hazard’s title opening it, state, school, rule and reason, 回复 for the school', async () => {
    window.innerWidth = 375
    api.supervision.list.mockResolvedValue({
      items: [
        {
          id: 3,
          hazard_id: 5,
          hazard_title: '灭火器过期',
          school_id: 21,
          school_name: '示范区双桥小学',
          rule: 'hazard.overdue.bureau',
          reason: '已超过整改期限 9 天',
          deadline: '2026-12-10',
          state: 'open',
          reply: '',
          replied_by: '',
          replied_at: null,
          created_at: '2026-11-30T09:00:00.000Z',
          closed_at: null,
          closed_by: '',
        },
      ],
      total: 1,
    })
    const { w } = await mountPage(SupervisionList, '/hazards/supervision', user(['hazard:read', 'hazard:reply']))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(1)
    const title = cards[0].find('[data-test="card-title"]')
    expect(title.text()).toBe('灭火器过期')
    expect(title.attributes('href')).toBe('/hazards/5')
    expect(cards[0].text()).toContain('示范区双桥小学')
    expect(cards[0].text()).toContain('已超过整改期限 9 天')
    expect(cards[0].find('.list-card__actions [data-test="row-reply"]').exists()).toBe(true)
    expect(cards[0].find('[data-test="row-close"]').exists()).toBe(false)
  })
})

describe('HazardDetail', () => {
  function phone(matches: boolean) {
    window.matchMedia = ((query: string) => ({
      matches,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    })) as unknown as typeof window.matchMedia
  }
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia
  })

  it('on a phone: the photos above the facts, the buttons in a bar at the bottom, after everything', async () => {
    phone(true)
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'hazard:verify']))
    const card = w.find('[data-test="hazard-detail"]').element
    const order = Array.from(card.querySelectorAll('[data-test="hazard-photos"], [data-test="hazard-info"], [data-test="timeline"], [data-test="action-bar"]')).map(
      (e) => e.getAttribute('data-test'),
    )
    expect(order).toEqual(['hazard-photos', 'hazard-info', 'timeline', 'action-bar'])
    const bar = w.find('[data-test="action-bar"]')
    expect(bar.classes()).toContain('action-bar--sticky')
    expect(bar.find('[data-test="actions"] [data-test="action-approve"]').exists()).toBe(true)
    // The print links stay at the top, out of the bar.
    expect(bar.find('[data-test="print-notice-link"]').exists()).toBe(false)
    expect(w.find('[data-test="record-links"] [data-test="print-notice-link"]').exists()).toBe(true)
  })

  it('on a phone, no bar when the user has no button to press', async () => {
    phone(true)
    api.hazards.get.mockResolvedValue(detail({ actions: [] }))
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    expect(w.find('[data-test="hazard-photos"]').exists()).toBe(true)
    expect(w.find('[data-test="action-bar"]').exists()).toBe(false)
  })

  it('on a desk: the buttons and links first, the photos after the facts, no sticky bar', async () => {
    phone(false)
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'hazard:verify']))
    const card = w.find('[data-test="hazard-detail"]').element
    const order = Array.from(card.querySelectorAll('[data-test="hazard-photos"], [data-test="hazard-info"], [data-test="action-bar"]')).map((e) =>
      e.getAttribute('data-test'),
    )
    expect(order).toEqual(['action-bar', 'hazard-info', 'hazard-photos'])
    expect(w.find('[data-test="action-bar"]').classes()).not.toContain('action-bar--sticky')
    expect(w.find('[data-test="actions"] [data-test="print-notice-link"]').exists()).toBe(true)
  })

  it('shows the record, escalations, the signed timeline and one button per allowed action', async () => {
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'hazard:verify']))
    expect(api.hazards.get).toHaveBeenCalledWith(5)
    expect(w.find('[data-test="hazard-state"]').text()).toBe('待验收')
    expect(w.find('[data-test="hazard-overdue"]').text()).toBe('超期 9 天')
    expect(w.find('[data-test="escalation"]').text()).toContain('超期督办（教育局）')
    expect(w.findAll('[data-test="timeline-item"]')).toHaveLength(2)
    expect(w.find('[data-test="event-signature"]').text()).toContain('school1_safety 签字（密码）')
    expect(w.findAll('[data-test="event-file"]')).toHaveLength(1)
    expect(w.find('[data-test="action-approve"]').exists()).toBe(true)
    expect(w.find('[data-test="action-reject"]').exists()).toBe(true)
    expect(w.find('[data-test="action-close"]').exists()).toBe(false)
    expect(w.find('[data-test="edit"]').exists()).toBe(false) // no hazard:assign
  })

  it('links the drill record a hazard was raised from', async () => {
    api.hazards.get.mockResolvedValue(detail({ source: 'drill', origin_type: 'drill', origin_id: 29 }))
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'drill:read']))
    const link = w.find('[data-test="hazard-origin"]')
    expect(link.text()).toBe('演练记录')
    expect(link.attributes('href')).toBe('/drills/29')
    expect(w.find('[data-test="hazard-info"]').text()).toContain('来源')
    // Without drill:read the origin is named, not linked.
    const other = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    expect(other.w.find('[data-test="hazard-origin"]').element.tagName).toBe('SPAN')
    // A hazard reported directly has no origin.
    api.hazards.get.mockResolvedValue(detail())
    const plain = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'drill:read']))
    expect(plain.w.find('[data-test="hazard-origin"]').exists()).toBe(false)
  })

  it('links the patrol a hazard was raised from', async () => {
    api.hazards.get.mockResolvedValue(detail({ source: 'patrol', origin_type: 'patrol_record', origin_id: 41 }))
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'patrol:read']))
    const link = w.find('[data-test="hazard-origin"]')
    expect(link.text()).toBe('巡查记录')
    expect(link.attributes('href')).toBe('/patrols/records/41')
    // Without patrol:read the origin is named, not linked.
    const other = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    expect(other.w.find('[data-test="hazard-origin"]').element.tagName).toBe('SPAN')
    expect(other.w.find('[data-test="hazard-origin"]').text()).toBe('巡查记录')
  })

  it('names a 四个100% screening as the origin, and the rules’ closing as 规则复核销号', async () => {
    const closed = detail({ source: 'screening', origin_type: 'security_screening', origin_id: 17, state: 'closed', actions: [] })
    closed.timeline.push({ id: 3, at: '2026-12-01T00:05:00.000Z', actor: 'rules-engine', action: 'rule_close', from_state: 'assigned', to_state: 'closed', note: '', signature: null, file_ids: [] })
    api.hazards.get.mockResolvedValue(closed)
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    expect(w.find('[data-test="hazard-origin"]').text()).toBe('四个100%筛查')
    const items = w.findAll('[data-test="timeline-item"]')
    expect(items).toHaveLength(3)
    expect(items[2].find('[data-test="event-action"]').text()).toBe('规则复核销号')
    expect(items[2].find('.el-timeline-item__node--success').exists()).toBe(true)
  })

  it('names people by display name beside the account, and links the printable notice and close-out sheet', async () => {
    const d = detail({ found_by_name: '张安全', owner_name: '王芳' })
    d.timeline[0] = { ...d.timeline[0], actor_name: '张安全' }
    d.timeline[1] = { ...d.timeline[1], actor_name: '' }
    api.hazards.get.mockResolvedValue(d)
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    expect(w.find('[data-test="hazard-found-by"]').text()).toBe('张安全（school1_safety）')
    expect(w.text()).toContain('王芳（school1_teacher）')
    const actors = w.findAll('[data-test="event-actor"]').map((a) => a.text())
    expect(actors[0]).toBe('张安全（school1_safety）')
    expect(actors[1]).toBe(d.timeline[1].actor) // no display name: the account alone
    expect(w.find('[data-test="print-notice-link"]').attributes('href')).toBe('/hazards/5/print/notice')
    expect(w.find('[data-test="print-closeout-link"]').attributes('href')).toBe('/hazards/5/print/closeout')
  })

  it('names the supervision steps: the school’s reply and the closing of the order, and drops 挂牌督办', async () => {
    const d = detail({ supervised: false })
    d.timeline.push(
      { id: 3, at: '2026-12-01T00:05:00.000Z', actor: 'school1_leader', action: 'supervision_reply', from_state: '', to_state: '', note: '已更换灭火器', signature: null, file_ids: [] },
      { id: 4, at: '2026-12-02T00:05:00.000Z', actor: 'safety_office', action: 'supervision_close', from_state: '', to_state: '', note: '', signature: null, file_ids: [] },
    )
    api.hazards.get.mockResolvedValue(d)
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read']))
    const items = w.findAll('[data-test="timeline-item"]')
    expect(items).toHaveLength(4)
    expect(items[2].find('[data-test="event-action"]').text()).toBe('学校回复督办单')
    expect(items[2].text()).toContain('已更换灭火器')
    expect(items[2].find('.el-timeline-item__node--warning').exists()).toBe(true)
    expect(items[3].find('[data-test="event-action"]').text()).toBe('督办单办结')
    expect(items[3].find('.el-timeline-item__node--success').exists()).toBe(true)
    expect(w.find('[data-test="hazard-supervised"]').exists()).toBe(false)
    // The supervision escalation is past now: no longer red.
    const escalations = w.find('[data-test="escalations"]')
    expect(escalations.find('.el-alert--info').exists()).toBe(true)
    expect(escalations.find('.el-alert--error').exists()).toBe(false)
    expect(escalations.text()).toContain('（督办单已办结）')
  })

  it('links the whistle a hazard came from, and asks for no whistle of it', async () => {
    api.hazards.get.mockResolvedValue(detail({ source: 'whistle', origin_type: 'whistle', origin_id: 12 }))
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'whistle:read', 'whistle:raise']))
    const link = w.find('[data-test="hazard-origin"]')
    expect(link.text()).toBe('吹哨事项 #12')
    expect(link.attributes('href')).toBe('/whistles/12')
    expect(api.whistles.list).not.toHaveBeenCalled()
    expect(w.find('[data-test="to-whistle"]').exists()).toBe(false)
  })

  it('turns an open hazard into a whistle (转为吹哨), the form filled in, then opens the whistle', async () => {
    const { w, router } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'whistle:read', 'whistle:raise']))
    expect(api.whistles.list).toHaveBeenCalledWith({ hazard_id: 5, page: 1, page_size: 1 })
    expect(w.find('[data-test="hazard-whistle"]').exists()).toBe(false)
    await w.find('[data-test="to-whistle"]').trigger('click')
    await settle()
    const body = document.body
    expect(body.querySelector<HTMLInputElement>('[data-test="field-school"]')!.value).toBe('示范区双桥小学')
    expect(body.querySelector<HTMLInputElement>('[data-test="field-title"]')!.value).toBe('灭火器过期')
    expect(body.querySelector<HTMLTextAreaElement>('[data-test="field-description"]')!.value).toBe('后厨两具灭火器过期')
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'field-category')!
    select.vm.$emit('update:modelValue', 'traffic')
    const location = body.querySelector<HTMLInputElement>('[data-test="field-location"]')!
    location.value = '校门外'
    location.dispatchEvent(new Event('input'))
    api.whistles.create.mockResolvedValue({ id: 44 })
    body.querySelector<HTMLElement>('[data-test="raise-submit"]')!.click()
    await settle()
    expect(api.whistles.create).toHaveBeenCalledWith({
      school_id: 21,
      title: '灭火器过期',
      description: '后厨两具灭火器过期',
      category: 'traffic',
      place: 'around',
      location: '校门外',
      severity: 'general',
      interim_measures: '',
      file_ids: [],
      hazard_id: 5,
    })
    expect(router.currentRoute.value.fullPath).toBe('/whistles/44')
  })

  it('links 已转为吹哨 #N instead of the button once a whistle exists; no button without whistle:raise or when closed', async () => {
    api.whistles.list.mockResolvedValue({ items: [{ id: 44 }], total: 1 })
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'whistle:read', 'whistle:raise']))
    const link = w.find('[data-test="hazard-whistle"]')
    expect(link.text()).toBe('已转为吹哨 #44')
    expect(link.attributes('href')).toBe('/whistles/44')
    expect(w.find('[data-test="to-whistle"]').exists()).toBe(false)

    api.whistles.list.mockResolvedValue({ items: [], total: 0 })
    const reader = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'whistle:read']))
    expect(reader.w.find('[data-test="to-whistle"]').exists()).toBe(false)
    api.hazards.get.mockResolvedValue(detail({ state: 'closed', state_label: '已销号', actions: [] }))
    const closed = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'whistle:read', 'whistle:raise']))
    expect(closed.w.find('[data-test="to-whistle"]').exists()).toBe(false)
  })

  it('shows "not found" for a hazard outside the scope (404)', async () => {
    api.hazards.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '隐患不存在或不在您的管辖范围内', details: [] }, null))
    const { w } = await mountPage(HazardDetailView, '/hazards/99', user(['hazard:read']))
    expect(w.find('[data-test="not-found"]').exists()).toBe(true)
    expect(w.find('[data-test="hazard-info"]').exists()).toBe(false)
  })

  it('signs a step with the password; a wrong one shows at the field, then the step goes through', async () => {
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'hazard:verify']))
    await w.find('[data-test="action-reject"]').trigger('click')
    await flushPromises()
    const body = document.body
    // reject needs a reason: the client asks before calling the server
    body.querySelector<HTMLInputElement>('[data-test="field-password"]')!.value = 'pw'
    body.querySelector<HTMLInputElement>('[data-test="field-password"]')!.dispatchEvent(new Event('input'))
    body.querySelector<HTMLElement>('[data-test="confirm"]')!.click()
    await flushPromises()
    expect(api.hazards.transition).not.toHaveBeenCalled()

    const reason = body.querySelector<HTMLTextAreaElement>('textarea[data-test="field-reason"]')!
    reason.value = '灭火器未张贴检查卡'
    reason.dispatchEvent(new Event('input'))
    api.hazards.transition.mockRejectedValueOnce(
      new ApiError(401, { code: 'unauthenticated', message: '密码不正确，签字未生效', details: [{ field: 'password', reason: '密码不正确，签字未生效' }] }, null),
    )
    body.querySelector<HTMLElement>('[data-test="confirm"]')!.click()
    await settle()
    expect(api.hazards.transition).toHaveBeenCalledWith(5, { action: 'reject', reason: '灭火器未张贴检查卡', password: 'pw' })
    expect(body.querySelector('[data-test="action-dialog"]')!.textContent).toContain('密码不正确，签字未生效')

    api.hazards.transition.mockResolvedValueOnce(detail({ state: 'rectifying', state_label: '整改中', actions: [] }))
    const pw = body.querySelector<HTMLInputElement>('[data-test="field-password"]')!
    expect(pw.value).toBe('') // cleared after every attempt
    pw.value = 'right'
    pw.dispatchEvent(new Event('input'))
    body.querySelector<HTMLElement>('[data-test="confirm"]')!.click()
    await flushPromises()
    expect(api.hazards.transition).toHaveBeenLastCalledWith(5, { action: 'reject', reason: '灭火器未张贴检查卡', password: 'right' })
    expect(w.find('[data-test="hazard-state"]').text()).toBe('整改中')
    expect(w.find('[data-test="action-reject"]').exists()).toBe(false)
  })

  it('shows a refused close of a major hazard as an alert naming the missing five', async () => {
    api.hazards.get.mockResolvedValue(detail({ level: 'major', level_label: '重大隐患', state: 'verified', actions: ['close'] }))
    const { w } = await mountPage(HazardDetailView, '/hazards/5', user(['hazard:read', 'hazard:close', 'hazard:assign']))
    expect(w.find('[data-test="hazard-five"]').exists()).toBe(true)
    await w.find('[data-test="action-close"]').trigger('click')
    await flushPromises()
    const body = document.body
    expect(body.querySelector('[data-test="close-five"]')!.textContent).toContain('未填写')
    expect(body.querySelector('[data-test="edit-five"]')).not.toBeNull()
    api.hazards.transition.mockRejectedValueOnce(
      new ApiError(
        409,
        {
          code: 'failed_precondition',
          message: '重大隐患须“五落实”齐全方可销号',
          details: [
            { field: 'hazard.major_five', reason: '五落实不完整' },
            { field: 'five.measures', reason: '重大隐患须落实整改措施' },
          ],
        },
        null,
      ),
    )
    const pw = body.querySelector<HTMLInputElement>('[data-test="field-password"]')!
    pw.value = 'pw'
    pw.dispatchEvent(new Event('input'))
    body.querySelector<HTMLElement>('[data-test="confirm"]')!.click()
    await flushPromises()
    const alert = body.querySelector('[data-test="dialog-alert"]')!
    expect(alert.textContent).toContain('重大隐患须“五落实”齐全方可销号')
    expect(alert.textContent).toContain('整改措施：重大隐患须落实整改措施')
  })
})

describe('NotificationBell', () => {
  it('shows the unread count, opens the hazard of a notification and marks all read', async () => {
    // The server's state: three unread, one of them listed.
    let unread = 3
    const listed = { id: 4, kind: 'assigned', title: '隐患已交办给您', body: '【示范区双桥小学】灭火器过期', object_type: 'hazard', object_id: '5', created_at: '2026-11-30T08:10:00.000Z', read_at: null as string | null }
    api.notifications.list.mockImplementation(async (q: { unread?: boolean }) =>
      q.unread ? { items: [], total: unread, unread } : { items: [{ ...listed }], total: 1, unread },
    )
    api.notifications.read.mockImplementation(async () => {
      unread--
      listed.read_at = '2026-11-30T09:00:00.000Z'
      return { changed: 1 }
    })
    api.notifications.readAll.mockImplementation(async () => {
      const changed = unread
      unread = 0
      return { changed }
    })
    const { w, router } = await mountPage(NotificationBell, '/home', user(['hazard:read']))
    expect(api.notifications.list).toHaveBeenCalledWith({ unread: true, page: 1, page_size: 1 })
    expect(w.find('[data-test="bell-count"]').text()).toBe('3')

    await w.find('[data-test="bell"]').trigger('click')
    await settle()
    const item = document.body.querySelector<HTMLElement>('[data-test="bell-item"]')!
    expect(item.textContent).toContain('隐患已交办给您')
    item.click()
    await flushPromises()
    expect(api.notifications.read).toHaveBeenCalledWith(4)
    expect(router.currentRoute.value.fullPath).toBe('/hazards/5')
    expect(w.find('[data-test="bell-count"]').text()).toBe('2')

    await w.find('[data-test="bell"]').trigger('click')
    await settle()
    document.body.querySelector<HTMLElement>('[data-test="bell-read-all"]')!.click()
    await flushPromises()
    expect(api.notifications.readAll).toHaveBeenCalled()
    expect(w.find('[data-test="bell-count"]').exists()).toBe(false)
  })
})
