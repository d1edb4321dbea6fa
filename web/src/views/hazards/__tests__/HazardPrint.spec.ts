import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { HazardDetail } from '@/api/hazards'

const api = vi.hoisted(() => ({ get: vi.fn() }))
vi.mock('@/api/hazards', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/hazards')>()
  return { ...real, hazardsApi: { get: api.get } }
})

import HazardPrint from '../HazardPrint.vue'

vi.setConfig({ testTimeout: 60_000 })

const base: HazardDetail = {
  id: 42,
  school_id: 21,
  school_name: '示范区双桥小学',
  building_id: null,
  key_place_id: null,
  place: '配电房',
  domain: 'electrical',
  domain_label: '用电安全',
  level: 'major',
  level_label: '重大隐患',
  title: '配电柜线缆裸露',
  description: '配电柜门未关，线缆外皮破损',
  found_at: '2026-11-30T08:00:00.000Z',
  found_by: 'school1_safety',
  found_by_name: '张安全',
  source: 'self_inspection',
  source_label: '学校自查',
  campaign_id: null,
  responsible: '',
  owner: 'school1_teacher',
  owner_name: '王芳',
  deadline: '2026-12-10',
  deadline_reason: '',
  interim_measures: '设置警示标识，禁止学生进入',
  five: { measures: '更换线缆', responsible: '王芳', funds: '2000 元', deadline: '12 月 10 日', contingency_plan: '断电预案' },
  state: 'closed',
  state_label: '已销号',
  rectifier: 'school1_teacher',
  rework_count: 0,
  reopen_count: 0,
  supervised: false,
  created_at: '2026-11-30T08:00:00.000Z',
  updated_at: '2026-12-03T08:00:00.000Z',
  closed_at: '2026-12-03T08:00:00.000Z',
  timeline: [
    { id: 1, at: '2026-11-30T08:00:00.000Z', actor: 'school1_safety', actor_name: '张安全', action: 'report', from_state: '', to_state: 'reported', note: '', signature: null, file_ids: [] },
    {
      id: 2,
      at: '2026-12-02T08:00:00.000Z',
      actor: 'school1_leader',
      actor_name: '李校长',
      action: 'approve',
      from_state: 'submitted',
      to_state: 'verified',
      note: '整改到位',
      signature: { id: 9, username: 'school1_leader', method: 'password', signed_at: '2026-12-02T08:00:00.000Z', content_hash: 'ab' },
      file_ids: [],
    },
    { id: 3, at: '2026-12-03T08:00:00.000Z', actor: 'safety_office', actor_name: '', action: 'close', from_state: 'verified', to_state: 'closed', note: '', signature: null, file_ids: [] },
  ],
  files: [],
  escalations: [],
  actions: [],
  default_deadline_days: 30,
  days_overdue: 0,
}

async function open(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/hazards/:id(\\d+)/print/:kind(notice|closeout)', name: 'hazard-print', component: HazardPrint },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: defineComponent({ template: '<div />' }) },
    ],
  })
  await router.push(path)
  const w = mount(defineComponent({ template: '<router-view />' }), { global: { plugins: [ElementPlus, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

beforeEach(() => {
  setActivePinia(createPinia())
  api.get.mockReset()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('HazardPrint', () => {
  it('prints the rectification notice with the deadline, the owner by name and the 五落实', async () => {
    api.get.mockResolvedValue(base)
    const w = await open('/hazards/42/print/notice')
    expect(api.get).toHaveBeenCalledWith(42)
    const sheet = w.find('[data-test="sheet-notice"]')
    expect(sheet.find('h2').text()).toBe('隐患整改通知书')
    expect(sheet.text()).toContain('YH-000042')
    expect(sheet.text()).toContain('示范区双桥小学：')
    expect(w.find('[data-test="sheet-deadline"]').text()).toBe('2026-12-10')
    expect(w.find('[data-test="sheet-owner"]').text()).toBe('王芳')
    expect(w.find('[data-test="sheet-found-by"]').text()).toBe('张安全')
    expect(w.find('[data-test="sheet-five"]').text()).toContain('断电预案')
    expect(sheet.text()).toContain('签收人（签字）')
  })

  it('prints the close-out sheet with each step, its actor by name and its signature', async () => {
    api.get.mockResolvedValue(base)
    const w = await open('/hazards/42/print/closeout')
    const rows = w.findAll('[data-test="sheet-step"]')
    expect(rows).toHaveLength(3)
    expect(rows[1].text()).toContain('验收通过')
    expect(rows[1].text()).toContain('李校长')
    expect(rows[1].text()).toContain('口令签字')
    // No display name: the account is printed.
    expect(rows[2].find('[data-test="sheet-step-actor"]').text()).toBe('safety_office')
    expect(w.find('[data-test="sheet-not-closed"]').exists()).toBe(false)
    expect(w.text()).toContain('验收人（签字）：李校长')
  })

  it('says a sheet of an open hazard is for checking only, without a five-in-place for a general one', async () => {
    api.get.mockResolvedValue({ ...base, level: 'general', state: 'rectifying', closed_at: null, timeline: base.timeline.slice(0, 1) })
    const w = await open('/hazards/42/print/closeout')
    expect(w.find('[data-test="sheet-not-closed"]').exists()).toBe(true)
    expect(w.find('[data-test="sheet-five"]').exists()).toBe(false)
  })

  it('shows not found for a hazard out of scope', async () => {
    api.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '隐患不存在', details: [] }, null))
    const w = await open('/hazards/42/print/notice')
    expect(w.find('[data-test="sheet-notice"]').exists()).toBe(false)
    expect(w.findComponent({ name: 'NotFoundPanel' }).exists()).toBe(true)
  })
})
