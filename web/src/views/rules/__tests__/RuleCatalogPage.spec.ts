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
import type { Rule, RuleDetail } from '@/api/rules'
import SearchSelect from '@/components/SearchSelect.vue'

const api = vi.hoisted(() => ({ rules: { list: vi.fn(), get: vi.fn(), setParameters: vi.fn() } }))

vi.mock('@/api/rules', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/rules')>()
  return { ...real, rulesApi: api.rules }
})

import RuleCatalog from '../RuleCatalog.vue'

vi.setConfig({ testTimeout: 60_000 })

function user(permissions: string[]): Me {
  return {
    user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
    unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

function rule(id: string, title: string, params: Rule['params']): Rule {
  return {
    id,
    version: 1,
    module: 'hazard',
    measure: 8,
    title,
    subject: 'hazard',
    period: 'record',
    period_label: '每条记录',
    source: '规范落实年方案措施 8',
    configure_path: '/api/v1/hazard-rules',
    engine_values: false,
    params_version: 0,
    params_unit_id: 0,
    params,
  }
}

const catalog = (): Rule[] => [
  rule('hazard.deadline', '隐患默认整改期限', [
    { key: 'general_days', label: '一般隐患默认整改期限', unit: '天', min: 1, max: 365, default: 7, value: 2, help: '交办时默认的整改期限' },
  ]),
  rule('hazard.overdue', '隐患超期未整改逐级提醒', [
    { key: 'overdue_leader_days', label: '超期几天后提醒学校领导', unit: '天', min: 0, max: 60, default: 3, value: 3, help: '' },
    { key: 'overdue_bureau_days', label: '超期几天后由教育局督办', unit: '天', min: 0, max: 90, default: 7, value: 7, help: '' },
  ]),
  rule('hazard.major', '重大隐患一律挂牌督办', []),
]

const Stub = defineComponent({ template: '<div />' })

async function mountPage(path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/rules', name: 'rules', component: Stub },
      { path: '/hazards/rules', name: 'hazard-rules', component: Stub, meta: { perm: 'hazard:read' } },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(RuleCatalog, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.rules.list.mockReset()
  api.rules.get.mockReset()
  api.rules.setParameters.mockReset()
  api.rules.list.mockImplementation(async (measure?: number) => ({
    items: measure === undefined || measure === 8 ? catalog() : [],
  }))
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('RuleCatalog on a desk', () => {
  it('lists every rule with its measure, period, values in force, source and a link to its page', async () => {
    const w = await mountPage('/rules', user(['hazard:read', 'calendar:read']))
    expect(api.rules.list).toHaveBeenCalledWith(undefined)
    const table = w.find('[data-test="table"]')
    expect(table.exists()).toBe(true)
    expect(w.find('[data-test="rule-cards"]').exists()).toBe(false)
    expect(table.findAll('tbody tr')).toHaveLength(3)
    const overdue = table.findAll('tbody tr')[1]
    expect(overdue.find('[data-test="rule-hazard.overdue"]').text()).toBe('hazard.overdue')
    expect(overdue.text()).toContain('隐患超期未整改逐级提醒')
    expect(overdue.text()).toContain('措施 8 提升隐患整改质量')
    expect(overdue.text()).toContain('每条记录')
    expect(overdue.text()).toContain('规范落实年方案措施 8')
    expect(w.find('[data-test="param-hazard.overdue.overdue_bureau_days"]').text()).toBe('超期几天后由教育局督办：7 天')
    // A value changed from its default says what the default is, and is marked.
    const changed = w.find('[data-test="param-hazard.deadline.general_days"]')
    expect(changed.text()).toContain('一般隐患默认整改期限：2 天（默认 7）')
    expect(changed.text()).toContain('交办时默认的整改期限')
    expect(changed.find('.param-value').classes()).toContain('changed')
    expect(w.find('[data-test="param-hazard.overdue.overdue_leader_days"] .param-value').classes()).not.toContain('changed')
    // 去配置 leads to the hazard rules page; a rule without parameters has nothing to configure.
    const links = w.findAll('[data-test="row-configure"]')
    expect(links).toHaveLength(2)
    expect(links[0].attributes('href')).toBe('/hazards/rules')
    expect(links[0].text()).toBe('去配置')
    expect(links[0].attributes('aria-label')).toBe('去配置：隐患默认整改期限')
    expect(table.findAll('tbody tr')[2].text()).toContain('无可配置参数')
  })

  it('offers no link to a page the user may not open', async () => {
    const w = await mountPage('/rules', user(['calendar:read']))
    expect(w.findAll('tbody tr')).toHaveLength(3)
    expect(w.find('[data-test="row-configure"]').exists()).toBe(false)
  })

  it('filters by measure, says when a measure has no rules yet, and resets', async () => {
    const w = await mountPage('/rules', user(['hazard:read']))
    const select = w.findComponent(SearchSelect)
    const labels = (select.props() as unknown as { options: { label: string }[] }).options.map((o) => o.label)
    expect(labels).toHaveLength(21)
    expect(labels[12]).toBe('措施 13 消防应急演练')
    select.vm.$emit('update:modelValue', 13)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.rules.list).toHaveBeenLastCalledWith(13)
    expect(w.findAll('tbody tr')).toHaveLength(0)
    expect(w.find('[data-test="rules-empty"]').text()).toBe('该措施的规则尚未上线')
    await w.find('[data-test="reset"]').trigger('click')
    await flushPromises()
    expect(api.rules.list).toHaveBeenLastCalledWith(undefined)
    expect(w.findAll('tbody tr')).toHaveLength(3)
  })

  it('takes the measure from a link', async () => {
    const w = await mountPage('/rules?measure=8', user(['hazard:read']))
    expect(api.rules.list).toHaveBeenCalledWith(8)
    expect(w.findAll('tbody tr')).toHaveLength(3)
    await mountPage('/rules?measure=99', user(['hazard:read']))
    expect(api.rules.list).toHaveBeenLastCalledWith(undefined)
  })
})

describe('RuleCatalog on a phone', () => {
  it('shows the rules as cards, and the empty text', async () => {
    window.innerWidth = 375
    const w = await mountPage('/rules', user(['hazard:read']))
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="rule-cards"] li.rule-card')
    expect(cards).toHaveLength(3)
    expect(cards[1].attributes('data-test')).toBe('rule-hazard.overdue')
    expect(cards[1].find('h2').text()).toBe('隐患超期未整改逐级提醒')
    expect(cards[1].text()).toContain('措施 8 提升隐患整改质量')
    expect(cards[1].find('[data-test="param-hazard.overdue.overdue_bureau_days"]').text()).toBe('超期几天后由教育局督办：7 天')
    expect(cards[0].text()).toContain('2 天（默认 7）')
    expect(cards[1].find('[data-test="row-configure"]').attributes('href')).toBe('/hazards/rules')
    expect(cards[2].find('[data-test="row-configure"]').exists()).toBe(false)

    w.findComponent(SearchSelect).vm.$emit('update:modelValue', 13)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="rules-empty"]').text()).toBe('该措施的规则尚未上线')
    expect(w.findAll('li.rule-card')).toHaveLength(0)
  })
})

describe('RuleCatalog and the engine’s own values', () => {
  /** drill.monthly: values the engine keeps, version 1 in force at the bureau. */
  function monthly(value = 1, version = 1): Rule {
    return {
      ...rule('drill.monthly', '每个教学月应急疏散演练（幼儿园每季度）', [
        { key: 'min_count', label: '中小学每个教学月至少几次', unit: '次', min: 1, max: 5, default: 1, value, help: '' },
      ]),
      module: 'drill',
      measure: 13,
      subject: 'school',
      period: 'month',
      period_label: '每个教学月',
      configure_path: '/api/v1/rules/drill.monthly/parameters',
      engine_values: true,
      params_version: version,
      params_unit_id: 1,
    }
  }
  function withHistory(r: Rule): RuleDetail {
    return {
      ...r,
      history: [
        { unit_id: 1, version: 1, values: { min_count: 1 }, note: '按上级要求', changed_by: 'safety_office', changed_at: '2026-12-01T02:00:00.000Z' },
      ],
    }
  }

  beforeEach(() => {
    api.rules.list.mockImplementation(async () => ({ items: [...catalog(), monthly()] }))
    api.rules.get.mockImplementation(async () => withHistory(monthly()))
  })

  it('shows the version in force; rules:configure edits it as a new version, the server’s reason at its field', async () => {
    const w = await mountPage('/rules', user(['hazard:read', 'rules:read', 'rules:configure']))
    expect(w.find('[data-test="params-version-drill.monthly"]').text()).toBe('参数第 1 版')
    // The hazard rules keep their page; the drill rule opens the dialog.
    expect(w.findAll('[data-test="row-configure"]')).toHaveLength(2)
    const edit = w.find('[data-test="row-edit-params"]')
    expect(edit.text()).toBe('编辑参数')
    expect(edit.attributes('aria-label')).toBe('编辑参数：每个教学月应急疏散演练（幼儿园每季度）')
    await edit.trigger('click')
    await flushPromises()
    expect(api.rules.get).toHaveBeenCalledWith('drill.monthly')
    const dialog = document.querySelector('[data-test="params-dialog"]')!
    expect(dialog.querySelector('[data-test="params-history"]')?.textContent).toContain('按上级要求')
    expect(dialog.querySelector('[data-test="params-history"]')?.textContent).toContain('中小学每个教学月至少几次：1 次')
    // Unchanged: nothing is sent.
    ;(dialog.querySelector('[data-test="params-save"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api.rules.setParameters).not.toHaveBeenCalled()

    const input = dialog.querySelector<HTMLInputElement>('[data-test="param-input-min_count"] input')!
    input.value = '2'
    input.dispatchEvent(new Event('input'))
    input.dispatchEvent(new Event('change'))
    const note = dialog.querySelector<HTMLTextAreaElement>('[data-test="params-note"]')!
    note.value = ' 加密演练 '
    note.dispatchEvent(new Event('input'))
    await flushPromises()
    api.rules.setParameters.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '字段 values.min_count 无效', details: [{ field: 'values.min_count', reason: '须在 1 到 5 之间' }] }, null),
    )
    ;(dialog.querySelector('[data-test="params-save"]') as HTMLButtonElement).click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150))
    expect(api.rules.setParameters).toHaveBeenCalledWith('drill.monthly', { min_count: 2 }, '加密演练')
    expect(dialog.textContent).toContain('须在 1 到 5 之间')

    api.rules.setParameters.mockResolvedValueOnce({ ...withHistory(monthly(2, 2)) })
    api.rules.list.mockImplementation(async () => ({ items: [...catalog(), monthly(2, 2)] }))
    ;(dialog.querySelector('[data-test="params-save"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(api.rules.setParameters).toHaveBeenCalledTimes(2)
    // The catalog reloads with the new version.
    expect(w.find('[data-test="params-version-drill.monthly"]').text()).toBe('参数第 2 版')
  })

  it('lets the others read the versions, and offers nothing while the defaults are in force', async () => {
    const w = await mountPage('/rules', user(['hazard:read', 'rules:read']))
    expect(w.find('[data-test="row-edit-params"]').exists()).toBe(false)
    await w.find('[data-test="row-params-history"]').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-test="params-dialog"]')!
    expect(dialog.querySelector('[data-test="params-history"]')?.textContent).toContain('safety_office')
    expect(dialog.querySelector('[data-test="param-input-min_count"]')).toBeNull()
    expect(dialog.querySelector('[data-test="params-save"]')).toBeNull()

    api.rules.list.mockImplementation(async () => ({ items: [...catalog(), monthly(1, 0)] }))
    const fresh = await mountPage('/rules', user(['hazard:read', 'rules:read']))
    expect(fresh.find('[data-test="params-version-drill.monthly"]').text()).toBe('默认参数')
    expect(fresh.find('[data-test="row-params-history"]').exists()).toBe(false)
  })
})

describe('RuleCatalog with the hazard rules kept by the engine', () => {
  function engineHazard(version = 0): Rule {
    return {
      ...catalog()[1],
      configure_path: '/api/v1/rules/hazard.overdue/parameters',
      engine_values: true,
      params_version: version,
      params_unit_id: version > 0 ? 1 : 0,
    }
  }

  beforeEach(() => {
    api.rules.list.mockImplementation(async () => ({ items: [engineHazard()] }))
    api.rules.get.mockImplementation(async () => ({ ...engineHazard(), history: [] }))
  })

  it('edits them in the dialog, district-wide, with rules:configure and hazard:configure', async () => {
    const w = await mountPage('/rules', user(['hazard:read', 'hazard:configure', 'rules:read', 'rules:configure']))
    expect(w.find('[data-test="row-configure"]').exists()).toBe(false)
    await w.find('[data-test="row-edit-params"]').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-test="params-dialog"]')!
    expect(dialog.querySelector('[data-test="params-district"]')?.textContent).toContain('全区')
    expect(dialog.querySelector('[data-test="param-input-overdue_bureau_days"]')).not.toBeNull()
    expect(dialog.querySelector('[data-test="params-save"]')).not.toBeNull()
  })

  it('offers only the versions without hazard:configure', async () => {
    api.rules.list.mockImplementation(async () => ({ items: [engineHazard(1)] }))
    const w = await mountPage('/rules', user(['hazard:read', 'rules:read', 'rules:configure']))
    expect(w.find('[data-test="row-edit-params"]').exists()).toBe(false)
    expect(w.find('[data-test="row-params-history"]').exists()).toBe(true)
    api.rules.list.mockImplementation(async () => ({ items: [engineHazard(0)] }))
    const fresh = await mountPage('/rules', user(['hazard:read', 'rules:read', 'rules:configure']))
    expect(fresh.find('[data-test="row-params-history"]').exists()).toBe(false)
  })
})

