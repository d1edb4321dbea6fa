import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { i18n, messages } from '@/i18n'
import { layoutChildren, routes } from '@/router/routes'
import { documentTitle, useDocumentMeta } from '../useDocumentMeta'

const Blank = defineComponent({ render: () => h('div') })

/** The app's routes with blank pages, in memory. */
function makeRouter() {
  const children = layoutChildren.map((r) => ({ path: r.path, name: r.name, meta: r.meta, component: Blank }))
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', meta: { title: 'login.title', public: true }, component: Blank },
      { path: '/', component: RouterView, children },
    ],
  })
}

const Root = defineComponent({
  setup() {
    useDocumentMeta()
    return () => h(RouterView)
  },
})

/** A message by its dotted key in one locale's messages. */
function lookup(locale: 'zh-CN' | 'en-US', key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages[locale])
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('the document title and language', () => {
  it('titles a page "<page> · 校安"', () => {
    expect(documentTitle('隐患台账', '校安')).toBe('隐患台账 · 校安')
    expect(documentTitle('', '校安')).toBe('校安')
  })

  it('follows the route and the chosen language', async () => {
    const router = makeRouter()
    await router.push('/hazards')
    const w = mount(Root, { global: { plugins: [router, i18n] } })
    await nextTick()
    expect(document.title).toBe('隐患台账 · 校安')
    expect(document.documentElement.lang).toBe('zh-CN')

    await router.push('/system/schools')
    await nextTick()
    expect(document.title).toBe('学校管理 · 校安')
    await router.push('/login')
    await nextTick()
    expect(document.title).toBe('登录 · 校安')

    i18n.global.locale.value = 'en-US'
    await nextTick()
    expect(document.documentElement.lang).toBe('en-US')
    expect(document.title).toBe(`${String(lookup('en-US', 'login.title'))} · Xiaoan`)
    w.unmount()
  })

  it('gives every page of the console a title of its own, in both languages', () => {
    const all = [...routes.filter((r) => r.meta?.title), ...layoutChildren]
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const titles = all.map((r) => {
        const key = r.meta?.title
        expect(key, `${String(r.name)} has meta.title`).toBeTruthy()
        const text = lookup(locale, key as string)
        expect(typeof text, `${locale} ${key}`).toBe('string')
        return text
      })
      expect(new Set(titles).size, `${locale}: ${titles.join(', ')}`).toBe(titles.length)
    }
  })
})
