// 我的监管事项 on the home board: a section head's own items, each with its kind and measures, and
// 查看全部 to 科室监管事项; nothing for one who has none, and not asked by a school's staff.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import type { Me } from '@/api/auth'
import { LEADER, OFFICE, SECTION_HEAD, supervisionItem } from './fixtures'

const api = vi.hoisted(() => ({ duties: { mySupervision: vi.fn() } }))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})

import SupervisionHomeCard from '../components/SupervisionHomeCard.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []

async function mountCard(me: Me) {
  const at = await mountPageAt(
    SupervisionHomeCard,
    me,
    [
      ['/home', 'home'],
      ['/duties/supervision', 'duty-supervision'],
    ],
    '/home',
  )
  mounted.push(at.w)
  await settle()
  return at.w
}

const items = () => [...document.querySelectorAll<HTMLElement>('[data-test="home-my-supervision-item"]')]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.duties.mySupervision.mockReset()
  api.duties.mySupervision.mockResolvedValue({
    items: [supervisionItem({ id: 2 }), supervisionItem({ id: 4, kind: 'business', kind_label: '管业务', stage: '', stage_label: '', title: '督促校外培训机构落实安全管理', measures: [10] })],
  })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
})

describe('我的监管事项', () => {
  it('lists a section head’s own items with their kind and measures, and leads to 科室监管事项', async () => {
    await mountCard(SECTION_HEAD())
    expect(api.duties.mySupervision).toHaveBeenCalledTimes(1)
    expect($('home-my-supervision')?.querySelector('h2')?.textContent).toBe('我的监管事项')
    expect(items().map((i) => within(i, 'home-my-supervision-title'))).toEqual(['指导督促小学落实安全主体责任', '督促校外培训机构落实安全管理'])
    expect(items().map((i) => within(i, 'home-my-supervision-measures'))).toEqual(['措施1、20、21', '措施10'])
    expect(items().map((i) => within(i, 'home-my-supervision-kind'))).toEqual(['管学段·小学', '管业务'])
    expect($('home-my-supervision-link')?.getAttribute('href')).toBe('/duties/supervision')
    expect(text('home-my-supervision-link')).toBe('查看全部')
  })

  it('is not there for one who has no items, nor when the API does not answer', async () => {
    api.duties.mySupervision.mockResolvedValue({ items: [] })
    await mountCard(OFFICE())
    expect(api.duties.mySupervision).toHaveBeenCalledTimes(1)
    expect($('home-my-supervision')).toBeNull()
    mounted.splice(0).forEach((w) => w.unmount())

    api.duties.mySupervision.mockRejectedValue(new Error('network'))
    await mountCard(SECTION_HEAD())
    expect($('home-my-supervision')).toBeNull()
  })

  it('is not asked by a school’s staff (their accounts hold no items)', async () => {
    await mountCard(LEADER())
    expect(api.duties.mySupervision).not.toHaveBeenCalled()
    expect($('home-my-supervision')).toBeNull()
  })
})
