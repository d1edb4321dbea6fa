// 岗位职责模板: a card a post with its version and its duties numbered; 修订 for duty:template (a dialog
// on a desk, a drawer on a phone): the lines checked, published with the version read as the next
// version (已发布第 N 版，持有该岗位的职责清单需重新签订), the server's reasons at their lines, a revision
// that came second read again; read only without duty:template.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { LEADER, OFFICE, template, templates } from './fixtures'

const api = vi.hoisted(() => ({
  duties: { templates: vi.fn(), saveTemplate: vi.fn() },
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})

import DutyTemplates from '../DutyTemplates.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []
const desk = window.innerWidth

async function mountPage(me: Me) {
  const at = await mountPageAt(DutyTemplates, me, [['/duties/templates', 'duty-templates']], '/duties/templates')
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const within = (el: Element, test: string) => el.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? ''
const cardOf = (post: string) => document.querySelector<HTMLElement>(`[data-test="duty-template"][data-post="${post}"]`)!

async function click(el: HTMLElement | null | undefined, what = 'element'): Promise<void> {
  expect(el, what).toBeTruthy()
  el!.click()
  await settle()
}

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('textarea') ? found : found?.querySelector('textarea')) as HTMLTextAreaElement
  expect(el, test).toBeTruthy()
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

const lineValue = (i: number) => {
  const found = $(`duty-template-item-${i}`)
  return ((found?.matches('textarea') ? found : found?.querySelector('textarea')) as HTMLTextAreaElement | null)?.value
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.duties)) fn.mockReset()
  api.duties.templates.mockImplementation(async () => templates())
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('岗位职责模板', () => {
  it('shows a card a post: its version, when it was revised and its duties numbered', async () => {
    await mountPage(OFFICE())
    expect(all('duty-template').map((c) => within(c, 'duty-template-post'))).toEqual(['党组织书记', '校长', '分管安全副校长'])
    expect(within(cardOf('principal'), 'duty-template-version')).toBe('第 1 版')
    expect(within(cardOf('principal'), 'duty-template-changed')).toBe('初始版本 · 2 条职责')
    expect(within(cardOf('safety_vp'), 'duty-template-version')).toBe('第 2 版')
    expect(within(cardOf('safety_vp'), 'duty-template-changed')).toBe('2026-12-01 由 safety_office 修订 · 1 条职责')
    expect([...cardOf('principal').querySelectorAll('[data-test="duty-template-item-text"]')].map((i) => i.textContent?.replace(/\s+/g, ''))).toEqual([
      '1.是学校安全工作第一责任人，对学校安全工作全面负责',
      '2.组织隐患排查整改，对重大隐患挂账销号、签字压责',
    ])
    expect(all('duty-template-edit')).toHaveLength(3)
    expect(all('duty-template-edit')[1].getAttribute('aria-label')).toBe('修订校长职责')
  })

  it('revises a post: the lines checked, published as the next version with the version read', async () => {
    api.duties.saveTemplate.mockResolvedValue(
      template({ items: ['是学校安全工作第一责任人，对学校安全工作全面负责', '每学期组织一次全校安全检查'], version: 2, changed_on: '2026-12-07', updated_by: 'safety_office' }),
    )
    await mountPage(OFFICE())
    await click(cardOf('principal').querySelector<HTMLElement>('[data-test="duty-template-edit"]'))
    expect($('duty-template-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('修订校长职责')
    expect(text('duty-template-hint')).toContain('发布后为第 2 版')
    expect([lineValue(0), lineValue(1)]).toEqual(['是学校安全工作第一责任人，对学校安全工作全面负责', '组织隐患排查整改，对重大隐患挂账销号、签字压责'])
    // Nothing changed: nothing to publish.
    await click($('duty-template-save'))
    expect(api.duties.saveTemplate).not.toHaveBeenCalled()
    // A blank line and a line twice are refused.
    await click($('duty-template-item-add'))
    await click($('duty-template-save'))
    expect(text('duty-template-item-error-2')).toBe('请填写这条职责，或删除这一行')
    await type('duty-template-item-2', '是学校安全工作第一责任人，对学校安全工作全面负责')
    await click($('duty-template-save'))
    expect(text('duty-template-item-error-2')).toBe('这条职责重复')
    await type('duty-template-item-2', '每学期组织一次全校安全检查')
    await click($('duty-template-item-remove-1'))
    await click($('duty-template-save'))
    expect(api.duties.saveTemplate).toHaveBeenCalledWith('principal', {
      items: ['是学校安全工作第一责任人，对学校安全工作全面负责', '每学期组织一次全校安全检查'],
      version: 1,
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已发布第 2 版，持有该岗位的职责清单需重新签订')
    expect(within(cardOf('principal'), 'duty-template-version')).toBe('第 2 版')
    expect(within(cardOf('principal'), 'duty-template-changed')).toBe('2026-12-07 由 safety_office 修订 · 2 条职责')
  })

  it('shows the server’s reasons at their lines, and reads the templates again after a revision that came second', async () => {
    api.duties.saveTemplate.mockRejectedValue(new ApiError(422, { code: 'invalid_argument', message: '请修改', details: [{ field: 'items[0]', reason: '职责不能超过 200 字' }] }, null))
    await mountPage(OFFICE())
    await click(cardOf('party_secretary').querySelector<HTMLElement>('[data-test="duty-template-edit"]'))
    await type('duty-template-item-0', '对学校安全工作负全面领导责任（修订）')
    await click($('duty-template-save'))
    expect(text('duty-template-item-error-0')).toBe('职责不能超过 200 字')

    api.duties.saveTemplate.mockRejectedValue(new ApiError(409, { code: 'duty.stale', message: '已被修改', details: [] }, null))
    api.duties.templates.mockClear()
    await click($('duty-template-save'))
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('该岗位职责刚被他人修订')
    expect(api.duties.templates).toHaveBeenCalledTimes(1)
  })

  it('opens the revision in a drawer on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICE())
    await click(all('duty-template-edit')[0])
    const frame = $('duty-template-dialog')
    expect(frame?.classList.contains('el-drawer')).toBe(true)
    expect(frame?.querySelector('[data-test="duty-template-item-0"]')).not.toBeNull()
  })

  it('is read only without duty:template', async () => {
    api.duties.templates.mockResolvedValue(templates({ can_edit: false }))
    await mountPage(LEADER())
    expect($('duty-template-edit')).toBeNull()
    expect(text('duty-templates-readonly')).toContain('由教育局安全管理部门统一修订')
    expect(all('duty-template')).toHaveLength(3)
  })
})
