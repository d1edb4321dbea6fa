import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
import { i18n } from '@/i18n'
import PhotoThumb from '../PhotoThumb.vue'

const LIST = ['/api/v1/files/7', '/api/v1/files/8']

/** A page giving the thumbnail its size with a class of its own scoped style (data-v-page). */
const Page = defineComponent({
  __scopeId: 'data-v-page',
  setup() {
    return () =>
      h('div', { class: 'photos' }, [
        h(PhotoThumb, { src: LIST[1], name: '配电箱.png', list: LIST, class: 'thumb', 'data-test': 'the-photo' }),
        h('button', { type: 'button', 'data-test': 'elsewhere' }, '别处'),
      ])
  },
})

let style: HTMLStyleElement | null = null

async function mountPage() {
  // The page's scoped rule, as the compiler writes it.
  style = document.createElement('style')
  style.textContent = '.thumb[data-v-page] { width: 96px; height: 96px; border: 1px solid rgb(220, 223, 230); }'
  document.head.appendChild(style)
  const w = mount(Page, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}

afterEach(() => {
  style?.remove()
  style = null
  document.body.innerHTML = ''
})

describe('PhotoThumb', () => {
  it('is one element, the button: the page’s class, data-test and scoped style land on the thumbnail', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await mountPage()
    const thumb = w.findComponent(PhotoThumb)
    const button = w.find('[data-test="the-photo"]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(thumb.vm.$el).toBe(button.element)
    expect(button.classes()).toEqual(expect.arrayContaining(['photo-thumb', 'thumb']))
    expect(button.attributes('data-v-page')).toBeDefined()
    expect(button.attributes('aria-label')).toBe('查看照片 配电箱.png')
    const css = getComputedStyle(button.element)
    expect([css.width, css.height]).toEqual(['96px', '96px'])
    expect(button.find('img').attributes('alt')).toBe('配电箱.png')

    // Open, the viewer is shown over the page; the thumbnail stays the one root, the page's
    // class and data-test on it only.
    await button.trigger('click')
    await flushPromises()
    const viewer = document.querySelector('.el-image-viewer__wrapper') as HTMLElement
    expect(viewer).not.toBeNull()
    expect(button.element.contains(viewer)).toBe(false)
    expect(thumb.vm.$el).toBe(button.element)
    expect(document.querySelectorAll('[data-test="the-photo"]')).toHaveLength(1)
    expect(document.querySelectorAll('.thumb')).toHaveLength(1)
    expect(viewer.querySelector('img')?.getAttribute('alt')).toBe('照片 2 / 2')
  })

  it('opens with the keyboard and gives the focus back to the thumbnail once closed with Escape', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await mountPage()
    const button = w.find('[data-test="the-photo"]')
    ;(button.element as HTMLButtonElement).focus()
    // Enter and Space press a button: the browser clicks it.
    await button.trigger('click')
    await flushPromises()
    expect(document.querySelector('.el-image-viewer__wrapper')).not.toBeNull()
    ;(document.querySelector('[data-test="elsewhere"]') as HTMLButtonElement).focus()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
    await flushPromises()
    expect(document.querySelector('.el-image-viewer__wrapper')).toBeNull()
    expect(document.activeElement).toBe(button.element)
  })
})
