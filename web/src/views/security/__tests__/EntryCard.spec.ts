import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import EntryCard from '../components/EntryCard.vue'

function card(problems: number) {
  return mount(EntryCard, {
    props: { title: '第 2 名保安员', problems, removeLabel: '删除第 2 名保安员', testId: 'guards-1' },
    slots: { default: '<input data-test="guards-1-name" />' },
    global: { plugins: [ElementPlus, i18n] },
  })
}

describe('EntryCard', () => {
  it('is an item named by its test id, with its title, its remove button and its fields', async () => {
    const w = card(0)
    const li = w.get('li.row-card')
    expect(li.attributes('data-test')).toBe('guards-1')
    expect(w.get('h4.row-title').text()).toBe('第 2 名保安员')
    expect(w.find('.row-problems').exists()).toBe(false)
    expect(w.find('[data-test="guards-1-name"]').exists()).toBe(true)
    const remove = w.get('[data-test="guards-1-remove"]')
    expect(remove.attributes('aria-label')).toBe('删除第 2 名保安员')
    await remove.trigger('click')
    expect(w.emitted('remove')).toHaveLength(1)
  })

  it('counts the server’s reasons against the entry in its title', () => {
    const w = card(2)
    expect(w.get('.row-problems').text()).toBe(i18n.global.t('security.record.rowProblems', { n: 2 }))
  })
})
