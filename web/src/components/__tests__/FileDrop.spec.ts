import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import FileDrop from '../FileDrop.vue'

function mountDrop() {
  return mount(FileDrop, {
    props: { file: null, accept: '.json', drop: '拖到此处', removeLabel: (name: string) => `删除文件 ${name}`, fileTest: 'the-file' },
    slots: { tip: '只收 JSON' },
    global: { plugins: [ElementPlus, i18n] },
  })
}

async function pick(w: ReturnType<typeof mountDrop>, file: File): Promise<void> {
  const input = w.find('input[type=file]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('FileDrop', () => {
  it('gives the chosen file; a second one replaces it (the area holds one)', async () => {
    const w = mountDrop()
    expect(w.find('input[type=file]').attributes('accept')).toBe('.json')
    expect(w.text()).toContain('拖到此处')
    expect(w.find('.el-upload__tip').text()).toBe('只收 JSON')
    const a = new File(['{}'], 'a.json', { type: 'application/json' })
    const b = new File(['{}'], 'b.json', { type: 'application/json' })
    await pick(w, a)
    await pick(w, b)
    expect(w.emitted('choose')?.map(([f]) => (f as File).name)).toEqual(['a.json', 'b.json'])
  })

  it('shows the page’s file with a named 删除, which asks to remove it; null empties the area', async () => {
    const w = mountDrop()
    expect(w.find('[data-test="the-file"]').exists()).toBe(false)
    const a = new File(['{}'], 'a.json')
    await pick(w, a)
    await w.setProps({ file: a })
    const line = w.find('[data-test="the-file"]')
    expect(line.text()).toContain('a.json')
    expect(line.find('button').attributes('aria-label')).toBe('删除文件 a.json')
    await line.find('button').trigger('click')
    expect(w.emitted('remove')).toHaveLength(1)
    await w.setProps({ file: null })
    expect(w.find('[data-test="the-file"]').exists()).toBe(false)
    await pick(w, new File(['{}'], 'c.json'))
    expect(w.emitted('choose')?.map(([f]) => (f as File).name)).toEqual(['a.json', 'c.json'])
  })
})
