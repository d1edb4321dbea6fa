// 防溺水提醒 on the class teacher's 1530 page: the cards (class, day, reasons, occasion, campaigns,
// the text to say folded when long, the state), 已提醒 with its confirmation (an optional note) and
// the body sent, the card afterwards (已提醒 with the time, 已补录 for an earlier day), a 1530
// check-in that counted, the missed ones as a short list, the one line when there is nothing, the
// server's refusals, and the phone width — apart from the 1530 sessions' cards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import { SIX_NO, TEACHER_PERMS, TODAY, drowningCampaign, session, sessions, user, warning, warnings } from './fixtures'

const api = vi.hoisted(() => ({
  edu: { sessions: vi.fn(), topics: vi.fn(), checkIn: vi.fn(), completion: vi.fn(), exportCompletion: vi.fn() },
  classes: { list: vi.fn() },
  drowning: { warnings: vi.fn(), give: vi.fn() },
}))

vi.mock('@/api/edu', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/edu')>()
  return { ...real, edu1530Api: api.edu, eduClassesApi: api.classes }
})
vi.mock('@/api/eduDrowning', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduDrowning')>()
  return { ...real, eduDrowningApi: api.drowning }
})

import My1530 from '../My1530.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = user(TEACHER_PERMS)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/edu/1530', name: 'edu-1530', component: Stub }] })
  await router.push('/edu/1530')
  await router.isReady()
  const w = mount(My1530, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const confirmOpen = () => {
  const d = $('drowning-confirm')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const section = () => document.querySelector<HTMLElement>('[data-test="drowning-warnings"]')!
const cards = () => [...section().querySelectorAll<HTMLElement>('[data-test="drowning-card"]')]
const card = (key: string) => section().querySelector<HTMLElement>(`[data-test="drowning-card"][data-key="${key}"]`)!
const inCard = (key: string, test: string) => card(key).querySelector<HTMLElement>(`[data-test="${test}"]`)
const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? ''

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

const given = (over = {}) => ({ id: 12, note: '', by: 'school1_teacher', by_name: '王芳', at: '2026-12-07T08:05:00Z', on: TODAY, ...over })
const LATE = '2026-12-04'
const TODAY_KEY = `7-${TODAY}`
const LATE_KEY = `7-${LATE}`

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of [api.edu, api.classes, api.drowning]) for (const fn of Object.values(group)) fn.mockReset()
  api.edu.topics.mockResolvedValue({ items: [] })
  api.edu.sessions.mockResolvedValue(sessions([session()]))
  api.drowning.warnings.mockResolvedValue(
    warnings([
      warning({
        reasons: ['weekend', 'holiday', 'campaign'],
        reason_labels: ['周末前', '节假日前', '专项预警'],
        occasion: '暑假',
        campaigns: [{ id: 4, title: '汛期防溺水专项预警', text: '近期连续降雨，河道水位上涨。' }],
      }),
      warning({ class_id: 8, class_name: '三年级5班', text: '不到河边玩耍。', state: 'done', state_label: '已完成', can_give: false, via: 'checkin', checkin_id: 31 }),
      warning({ date: LATE, state: 'missed', state_label: '未开展', can_give: true }),
      warning({ date: '2026-11-27', state: 'missed', state_label: '未开展', can_give: false }),
    ]),
  )
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('防溺水提醒 on the 1530 page', () => {
  it('shows the section below today’s 1530 sessions, its cards apart from the sessions’', async () => {
    await mountPage()
    expect(api.drowning.warnings).toHaveBeenCalledWith()
    expect(section().querySelector('h2')?.textContent).toBe('防溺水提醒')
    // Below today's sessions; the sessions' sections hold none of its cards, it holds no session.
    const today = document.querySelector('[data-test="today"]')!
    expect(today.compareDocumentPosition(section()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(today.querySelector('[data-test="drowning-card"]')).toBeNull()
    expect(section().querySelector('[data-test^="session-"]')).toBeNull()
    expect(cards().map((c) => c.dataset.key)).toEqual([TODAY_KEY, `8-${TODAY}`, LATE_KEY])
    expect(text(section().querySelector('[data-test="drowning-late-intro"]'))).toBe('未按时记录的提醒可在 7 天内补录')
  })

  it('shows a card: class, day, reasons, occasion, the campaign, the text to say folded, the state and 已提醒', async () => {
    await mountPage()
    expect(text(inCard(TODAY_KEY, 'drowning-class'))).toBe('三年级2班')
    expect(text(inCard(TODAY_KEY, 'drowning-date'))).toBe(`${TODAY}（今天）`)
    const reasons = [...card(TODAY_KEY).querySelectorAll('[data-test^="drowning-reason-"]')].map(text)
    expect(reasons).toEqual(['周末前', '节假日前', '专项预警'])
    expect(text(inCard(TODAY_KEY, 'drowning-occasion'))).toBe('暑假前')
    expect(text(inCard(TODAY_KEY, 'drowning-campaign-title'))).toBe('汛期防溺水专项预警')
    expect(text(inCard(TODAY_KEY, 'drowning-campaign-text'))).toBe('近期连续降雨，河道水位上涨。')
    expect(inCard(TODAY_KEY, 'drowning-campaign-toggle')).toBeNull()
    expect(text(inCard(TODAY_KEY, 'drowning-state'))).toBe('今日待完成')
    const button = inCard(TODAY_KEY, 'drowning-give')!
    expect(text(button)).toBe('已提醒')
    expect(button.getAttribute('aria-label')).toBe(`三年级2班 ${TODAY} 防溺水提醒：已提醒`)
    // The six-no text is long: folded, 展开全文 unfolds it.
    const say = inCard(TODAY_KEY, 'drowning-text')!
    expect(text(say)).toBe(SIX_NO)
    expect(say.classList.contains('folded')).toBe(true)
    const toggle = inCard(TODAY_KEY, 'drowning-text-toggle')!
    expect(text(toggle)).toBe('展开全文')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(toggle.getAttribute('aria-controls')).toBe(say.id)
    toggle.click()
    await flushPromises()
    expect(say.classList.contains('folded')).toBe(false)
    expect(text(toggle)).toBe('收起')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    // A short text is not folded.
    expect(inCard(`8-${TODAY}`, 'drowning-text-toggle')).toBeNull()
  })

  it('says a 1530 check-in about drowning counted, an earlier day open is 待补录, the missed ones listed apart', async () => {
    await mountPage()
    const viaCheckin = `8-${TODAY}`
    expect(text(inCard(viaCheckin, 'drowning-state'))).toBe('已完成')
    expect(text(inCard(viaCheckin, 'drowning-done'))).toBe('当天1530安全提醒已讲防溺水，计为已提醒')
    expect(inCard(viaCheckin, 'drowning-give')).toBeNull()
    expect(text(inCard(LATE_KEY, 'drowning-date'))).toBe(LATE)
    expect(text(inCard(LATE_KEY, 'drowning-state'))).toBe('待补录')
    expect(inCard(LATE_KEY, 'drowning-give')?.classList.contains('el-button--warning')).toBe(true)
    const missed = section().querySelector('[data-test="drowning-missed"]')!
    expect(text(missed.querySelector('h3'))).toBe('未开展')
    expect([...missed.querySelectorAll('[data-test="drowning-missed-item"]')].map((li) => [...li.children].map(text))).toEqual([
      ['2026-11-27', '三年级2班', '周末前'],
    ])
  })

  it('records today’s warning in two taps with an optional note, then says 已提醒 with the time', async () => {
    api.drowning.give.mockResolvedValue(warning({ state: 'done', state_label: '已完成', can_give: false, via: 'warning', warning: given({ note: '结合暑假' }) }))
    await mountPage()
    inCard(TODAY_KEY, 'drowning-give')!.click()
    await settle()
    expect(confirmOpen()).toBe(true)
    expect($('drowning-confirm')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('确认已提醒')
    expect(text($('drowning-confirm-intro'))).toBe('确认已在放学前为 三年级2班 开展防溺水警示提醒。')
    expect(api.drowning.give).not.toHaveBeenCalled()
    await type('drowning-note', ' 结合暑假 ')
    expect(text($('drowning-submit'))).toBe('确认已提醒')
    $('drowning-submit')!.click()
    await settle()
    expect(api.drowning.give).toHaveBeenCalledWith({ class_id: 7, date: TODAY, note: '结合暑假' })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已记录防溺水提醒')
    expect(inCard(TODAY_KEY, 'drowning-give')).toBeNull()
    expect(text(inCard(TODAY_KEY, 'drowning-state'))).toBe('已完成')
    expect(text(inCard(TODAY_KEY, 'drowning-done'))).toContain('已提醒 16:05')
    expect(text(inCard(TODAY_KEY, 'drowning-done'))).toContain('王芳 记录')
    expect(text(inCard(TODAY_KEY, 'drowning-note-text'))).toBe('备注：结合暑假')
    expect(card(TODAY_KEY).classList.contains('is-done')).toBe(true)
  })

  it('records an earlier day late (补录) without a note, then says 已补录', async () => {
    api.drowning.give.mockResolvedValue(
      warning({ date: LATE, state: 'late', state_label: '补录', can_give: false, via: 'warning', warning: given({ at: '2026-12-07T01:10:00Z' }) }),
    )
    await mountPage()
    inCard(LATE_KEY, 'drowning-give')!.click()
    await settle()
    expect($('drowning-confirm')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('补录防溺水提醒')
    expect(text($('drowning-confirm-intro'))).toBe(`补录 ${LATE} 为 三年级2班 开展的防溺水警示提醒。`)
    $('drowning-submit')!.click()
    await settle()
    expect(api.drowning.give).toHaveBeenCalledWith({ class_id: 7, date: LATE })
    expect(text(inCard(LATE_KEY, 'drowning-state'))).toBe('补录')
    expect(text(inCard(LATE_KEY, 'drowning-done'))).toContain('已补录 12-07 09:10')
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已补录防溺水提醒')
  })

  it('refuses a note too long before sending, puts the server’s reason about the note beside it, and shows any other refusal', async () => {
    await mountPage()
    inCard(TODAY_KEY, 'drowning-give')!.click()
    await settle()
    await type('drowning-note', '字'.repeat(201))
    $('drowning-submit')!.click()
    await settle()
    expect(api.drowning.give).not.toHaveBeenCalled()
    const noteError = () => $('drowning-note')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()
    expect(noteError()).toBe('备注不能超过 200 个字')

    await type('drowning-note', '结合暑假')
    api.drowning.give.mockRejectedValueOnce(new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'note', reason: '备注含有不允许的字符' }] }, null))
    $('drowning-submit')!.click()
    await settle()
    expect(noteError()).toBe('备注含有不允许的字符')

    api.drowning.give.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'date', reason: '已超过补录期限（7 天）' }], request_id: 'r-2' }, null),
    )
    $('drowning-submit')!.click()
    await settle()
    const message = document.querySelector('.el-message--error')?.textContent ?? ''
    expect(message).toContain('已超过补录期限（7 天）')
    expect(message).toContain('请求编号 r-2')
    expect(confirmOpen()).toBe(true)
  })

  it('says so and reads the list again when the warning was recorded meanwhile', async () => {
    await mountPage()
    inCard(TODAY_KEY, 'drowning-give')!.click()
    await settle()
    api.drowning.give.mockRejectedValueOnce(
      new ApiError(409, { code: 'already_exists', message: '这天的1530提醒已讲防溺水，已计为防溺水提醒', details: [{ field: 'date', reason: '这天的1530提醒已讲防溺水，已计为防溺水提醒' }] }, null),
    )
    expect(api.drowning.warnings).toHaveBeenCalledTimes(1)
    $('drowning-submit')!.click()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这天的1530提醒已讲防溺水，已计为防溺水提醒')
    expect(api.drowning.warnings).toHaveBeenCalledTimes(2)
    expect(confirmOpen()).toBe(false)
  })

  it('says in one line that there is nothing, and that it could not be read', async () => {
    api.drowning.warnings.mockResolvedValue(warnings([]))
    await mountPage()
    expect(text(section().querySelector('[data-test="drowning-none"]'))).toBe('近期没有需要开展的防溺水提醒')
    expect(section().querySelector('[data-test="drowning-intro"]')).toBeNull()
    expect(cards()).toHaveLength(0)
    document.body.innerHTML = ''

    api.drowning.warnings.mockRejectedValue(new ApiError(500, { code: 'internal', message: '服务器内部错误', details: [] }, null))
    await mountPage()
    expect(text(section().querySelector('[data-test="drowning-failed"]'))).toBe('防溺水提醒读取失败，请稍后刷新页面')
    expect(document.querySelector('.el-message--error')?.textContent).toContain('服务器内部错误')
  })

  it('shows the campaign’s long text folded too', async () => {
    const long = '近期连续降雨。'.repeat(20)
    api.drowning.warnings.mockResolvedValue(warnings([warning({ reasons: ['campaign'], reason_labels: ['专项预警'], campaigns: [{ ...drowningCampaign(), text: long }] })]))
    await mountPage()
    expect(inCard(TODAY_KEY, 'drowning-campaign-text')?.classList.contains('folded')).toBe(true)
    inCard(TODAY_KEY, 'drowning-campaign-toggle')!.click()
    await flushPromises()
    expect(inCard(TODAY_KEY, 'drowning-campaign-text')?.classList.contains('folded')).toBe(false)
    // The card's own text folds on its own.
    expect(inCard(TODAY_KEY, 'drowning-text')?.classList.contains('folded')).toBe(true)
  })

  it('fits a phone: the cards in one column, 已提醒 the card’s full width, the confirmation within the screen', async () => {
    window.innerWidth = 375
    await mountPage()
    expect(section().querySelector('.cards')).not.toBeNull()
    const button = inCard(TODAY_KEY, 'drowning-give')!
    expect(button.classList.contains('give-btn')).toBe(true)
    expect(button.classList.contains('el-button--large')).toBe(true)
    button.click()
    await settle()
    const dialog = $('drowning-confirm')?.closest('.el-dialog') as HTMLElement
    expect(dialog.style.getPropertyValue('--el-dialog-width')).toBe('min(440px, 96vw)')
  })
})
