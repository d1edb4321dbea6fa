// The scaffolding of a school's record page (the bureau's picker, not found, the hint to pick, the
// head, 刷新 on a save that came second) and the rules' verdicts shown at its top.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { h } from 'vue'
import { i18n } from '@/i18n'
import SchoolRecordPage from '../SchoolRecordPage.vue'
import RuleChecks from '../RuleChecks.vue'
import RuleCheck from '../RuleCheck.vue'

const PICKER = { id: 'rec-school', label: '学校', placeholder: '请选择学校', test: 'rec-school' }
const tagType = (o: string) => (o === 'pass' ? 'success' : o === 'fail' ? 'danger' : 'info')
const outcomeLabel = (o: string, l?: string) => l || { pass: '达标', fail: '未达标' }[o] || o

async function mountPage(props: Record<string, unknown>) {
  const w = mount(SchoolRecordPage, {
    props: {
      test: 'rec',
      canPick: true,
      picker: PICKER,
      options: [{ id: 21, name: '双桥小学' }],
      notFound: false,
      pickHint: '请先选择学校',
      loading: false,
      loaded: true,
      unitId: 21,
      refreshText: '刷新',
      ...props,
    },
    slots: { head: () => h('h2', { 'data-test': 'rec-name' }, '双桥小学'), default: () => h('p', { 'data-test': 'rec-body' }, '正文') },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('SchoolRecordPage', () => {
  it('shows the picker to the bureau, the head and the page once the record is read', async () => {
    const w = await mountPage({})
    expect(w.get('[data-test="rec-page"]').classes()).toContain('rec-page')
    expect(w.get('label[for="rec-school"]').text()).toBe('学校')
    expect(w.find('[data-test="rec-school"]').exists()).toBe(true)
    expect(w.get('[data-test="rec-head"] [data-test="rec-name"]').text()).toBe('双桥小学')
    expect(w.get('[data-test="rec-body"]').text()).toBe('正文')
    expect(w.find('[data-test="rec-stale"]').exists()).toBe(false)
    w.unmount()
  })

  it('hides the picker from a school; says not found, or to pick a school first', async () => {
    const school = await mountPage({ canPick: false })
    expect(school.find('[data-test="rec-school"]').exists()).toBe(false)
    school.unmount()
    const missing = await mountPage({ notFound: true })
    expect(missing.find('[data-test="rec-head"]').exists()).toBe(false)
    expect(missing.find('[data-test="rec-body"]').exists()).toBe(false)
    missing.unmount()
    const none = await mountPage({ unitId: undefined, loaded: false })
    expect(none.get('[data-test="rec-pick"]').text()).toContain('请先选择学校')
    none.unmount()
    const own = await mountPage({ unitId: undefined, loaded: false, pickTest: 'own-pick' })
    expect(own.find('[data-test="own-pick"]').exists()).toBe(true)
    own.unmount()
  })

  it('says a save came second, with 刷新', async () => {
    const w = await mountPage({ stale: '已被他人修改，请刷新' })
    expect(w.get('[data-test="rec-stale"]').text()).toContain('已被他人修改，请刷新')
    await w.get('[data-test="rec-refresh"]').trigger('click')
    expect(w.emitted('refresh')).toHaveLength(1)
    w.unmount()
  })
})

describe('RuleChecks', () => {
  it('shows each rule with its outcome, title and reason', () => {
    const w = mount(RuleChecks, {
      props: {
        checks: [
          { rule: 'emergency.command', outcome: 'pass', title: '指挥体系', reason: '已建立' },
          { rule: 'emergency.plan', outcome: 'fail', outcome_label: '不合格', title: '预案情况', reason: '缺少预案' },
        ],
        title: '检查结果',
        hint: '按已保存的内容判断',
        titleId: 'checks-title',
        test: 'checks',
        itemTest: 'check',
        tagType,
        outcomeLabel,
      },
      global: { plugins: [ElementPlus, i18n] },
    })
    expect(w.get('[data-test="checks"]').attributes('aria-labelledby')).toBe('checks-title')
    const plan = w.get('[data-test="check-emergency.plan"]')
    expect(plan.attributes('data-outcome')).toBe('fail')
    expect(plan.get('[data-test="check-emergency.plan-outcome"]').text()).toBe('不合格')
    expect(plan.get('[data-test="check-emergency.plan-reason"]').text()).toBe('缺少预案')
    expect(plan.get('.check-title').text()).toBe('预案情况')
    expect(w.get('[data-test="check-emergency.command-outcome"]').text()).toBe('达标')
  })

  it('shows one verdict on its own', () => {
    const w = mount(RuleCheck, {
      props: { check: { outcome: 'pass', reason: '共 3 人' }, title: '机构配备', test: 'office-check', tagType, outcomeLabel },
      global: { plugins: [ElementPlus, i18n] },
    })
    expect(w.get('[data-test="office-check-outcome"]').text()).toBe('达标')
    expect(w.get('[data-test="office-check-reason"]').text()).toBe('共 3 人')
  })
})
