import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import type { Hazard } from '@/api/hazards'

const api = vi.hoisted(() => ({ list: vi.fn() }))
vi.mock('@/api/hazards', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/hazards')>()
  return { ...real, hazardsApi: { ...real.hazardsApi, list: api.list } }
})

import SchoolHazards from '../SchoolHazards.vue'

vi.setConfig({ testTimeout: 60_000 })

function hz(id: number, state: Hazard['state'], deadline: string | null, title: string): Hazard {
  return { id, school_id: 21, title, state, state_label: '', level: 'general', level_label: '一般隐患', deadline } as unknown as Hazard
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('SchoolHazards', () => {
  it('lists the open hazards first, then the closed, each a link, and links the filtered ledger', async () => {
    api.list.mockImplementation(async (q: { state: string }) =>
      q.state === 'closed'
        ? { items: [hz(3, 'closed', '2026-01-01', '已处理的插座')], total: 5 }
        : { items: [hz(1, 'assigned', '2020-01-02', '楼梯扶手松动'), hz(2, 'reported', null, '灭火器过期')], total: 2 },
    )
    const Stub = defineComponent({ template: '<div />' })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: Stub },
        { path: '/hazards', name: 'hazards', component: Stub },
        { path: '/hazards/:id', name: 'hazard-detail', component: Stub },
      ],
    })
    i18n.global.locale.value = 'zh-CN'
    const w = mount(SchoolHazards, { props: { schoolId: 21 }, global: { plugins: [ElementPlus, i18n, createPinia(), router] } })
    await flushPromises()
    expect(api.list).toHaveBeenCalledWith(expect.objectContaining({ school_id: 21, state: 'reported,assigned,rectifying,submitted,verified', sort: 'deadline', page_size: 10 }))
    expect(api.list).toHaveBeenCalledWith(expect.objectContaining({ school_id: 21, state: 'closed', page_size: 8 }))
    const links = w.findAll('[data-test="school-hazard-link"]')
    expect(links.map((a) => a.text())).toEqual(['楼梯扶手松动', '灭火器过期', '已处理的插座'])
    expect(links[0].attributes('href')).toBe('/hazards/1')
    const rows = w.findAll('.el-table__body tr')
    expect(rows[0].text()).toContain('已交办')
    expect(rows[0].text()).toContain('2020-01-02')
    expect(rows[0].text()).toContain('逾期')
    expect(rows[2].text()).toContain('已销号')
    expect(w.text()).toContain('未销号 2 项，共 7 项')
    expect(w.find('[data-test="school-hazards-all"]').attributes('href')).toBe('/hazards?school_id=21')
    w.unmount()
  })
})
