// FormRows' fields beyond a text (a longer text, a time, a switch), a locked row shown as text only
// to be removed, the data-test names of a row, and the reasons a change clears (a time's pair too).
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { h, reactive } from 'vue'
import { i18n } from '@/i18n'
import FormRows, { type RowColumn } from '../FormRows.vue'

const COLUMNS: RowColumn[] = [
  { key: 'kind', label: '类别', kind: 'select', options: [{ value: 'light', label: '信号灯' }], clearable: true, span: 6, text: (r) => (r.kind === 'light' ? '信号灯' : '') },
  { key: 'from', label: '开始', kind: 'time', span: 4, pairedWith: 'to' },
  { key: 'to', label: '结束', kind: 'time', span: 4, pairedWith: 'from' },
  { key: 'description', label: '说明', kind: 'textarea', max: 200, span: 10 },
]

function mountRows(props: Record<string, unknown> = {}) {
  const rows = reactive([
    { uid: 1, kind: 'light', from: '07:00', to: '07:30', description: '路口', whistle_id: 9 },
    { uid: 2, kind: '', from: '', to: '', description: '' },
  ])
  const w = mount(FormRows, {
    props: {
      list: 'needs',
      test: 'needs',
      rowTest: 'needs',
      rows,
      columns: COLUMNS,
      errors: { 'needs[1].from': '结束须晚于开始', 'needs[1].to': '结束须晚于开始', 'needs[0].description': 'x' },
      max: 5,
      rowTitle: (n: number) => `需求 ${n}`,
      addText: '添加需求',
      emptyText: '暂无需求',
      locked: (r: Record<string, unknown>) => typeof r.whistle_id === 'number',
      ...props,
    },
    slots: { locked: ({ index }: { index: number }) => h('span', { 'data-test': `needs-${index}-sent` }, '已报送') },
    global: { plugins: [ElementPlus, i18n] },
  })
  return { w, rows }
}

describe('FormRows', () => {
  it('names a row by rowTest, shows a locked row as text with its slot, the others as fields', () => {
    const { w } = mountRows()
    expect(w.find('[data-test="needs-rows"]').exists()).toBe(true)
    const locked = w.get('[data-test="needs-0"]')
    expect(locked.classes()).toContain('row--locked')
    expect(locked.get('[data-test="needs-0-sent"]').text()).toBe('已报送')
    expect(locked.get('[data-test="needs-0-kind"]').text()).toBe('信号灯')
    expect(locked.get('[data-test="needs-0-from"]').text()).toBe('07:00')
    expect(locked.find('input, textarea').exists()).toBe(false)
    expect(locked.find('[data-test="needs-0-remove"]').exists()).toBe(true)
    const open = w.get('[data-test="needs-1"]')
    expect(open.get('[data-test="needs-1-description"]').element.tagName).toBe('TEXTAREA')
    expect(open.find('[data-test="needs-1-from"]').exists()).toBe(true)
    expect(open.get('[data-test="needs-1-problems"]').text()).toBe(i18n.global.t('common.rows.problems', { n: 2 }))
    expect(w.get('[data-test="needs-add"]').text()).toBe('添加需求')
  })

  it('names rows <test>-row-N unless told otherwise', () => {
    const { w } = mountRows({ rowTest: undefined, test: 'guide-needs' })
    expect(w.find('[data-test="guide-needs-row-1-description"]').exists()).toBe(true)
    expect(w.find('[data-test="guide-needs-add"]').exists()).toBe(true)
  })

  it('clears the reasons a change made stale: a time clears its pair too', async () => {
    const { w, rows } = mountRows()
    await w.get('[data-test="needs-1-description"]').setValue('人行道')
    expect(rows[1].description).toBe('人行道')
    const time = w.findAllComponents({ name: 'ElTimeSelect' })[0]
    time.vm.$emit('update:modelValue', '08:00')
    time.vm.$emit('change', '08:00')
    expect(rows[1].from).toBe('08:00')
    const cleared = w.emitted('clear') ?? []
    expect(cleared.at(-1)).toEqual([['needs[1].from', 'needs[1].to']])
  })
})
