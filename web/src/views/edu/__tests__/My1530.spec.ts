// 1530安全提醒, the class teacher's page: today's cards from the server's sessions, the two-tap
// check-in and its body, the late and missed sections, the empty state of a teacher with no class,
// the server's refusals, and the phone width.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { OFFICER_PERMS, TEACHER_PERMS, TODAY, session, sessions, user } from './fixtures'

const api = vi.hoisted(() => ({
  edu: { sessions: vi.fn(), topics: vi.fn(), checkIn: vi.fn(), completion: vi.fn(), exportCompletion: vi.fn() },
  classes: { list: vi.fn(), create: vi.fn(), update: vi.fn(), template: vi.fn(), import: vi.fn(), export: vi.fn() },
  upload: vi.fn(),
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
vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: { ...real.filesApi, upload: api.upload } }
})

import My1530 from '../My1530.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me = user(TEACHER_PERMS)) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/1530', name: 'edu-1530', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push('/edu/1530')
  await router.isReady()
  const w = mount(My1530, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogVisible = () => {
  const d = $('checkin-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}

function pick(w: VueWrapper, test: string, value: unknown): void {
  const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === test)
  expect(select, test).toBeTruthy()
  select!.vm.$emit('update:modelValue', value)
}

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLTextAreaElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

const checkin = (over = {}) => ({
  id: 31,
  topic: 'drowning',
  topic_label: '防溺水',
  note: '',
  by: 'school1_teacher',
  by_name: '王芳',
  at: '2026-12-07T07:58:00Z',
  on: TODAY,
  file_ids: [],
  ...over,
})

const TOPICS = [
  { code: 'drowning', label: '防溺水' },
  { code: 'traffic', label: '交通安全' },
  { code: 'fire', label: '消防安全' },
]

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const group of [api.edu, api.classes]) for (const fn of Object.values(group)) fn.mockReset()
  api.upload.mockReset()
  for (const fn of Object.values(api.drowning)) fn.mockReset()
  // The drowning warnings' section (DrowningWarnings.spec.ts): nothing to give here.
  api.drowning.warnings.mockResolvedValue({ today: TODAY, late_days: 1, items: [] })
  api.edu.topics.mockResolvedValue({ items: TOPICS })
  api.edu.sessions.mockResolvedValue(
    sessions([
      session(),
      session({
        class_id: 8,
        class_name: '三年级5班',
        kind: 'weekly',
        rule: 'edu.1530.weekly',
        kind_label: '每周最后一个上学日放学前5分钟',
        minutes_before: 5,
        at: '',
        topic: 'fire',
        topic_label: '消防安全',
        text: '',
      }),
      session({ date: '2026-12-04', state: 'missed', state_label: '未开展', can_check_in: true }),
      session({ date: '2026-11-27', state: 'missed', state_label: '未开展', can_check_in: false }),
    ]),
  )
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('1530安全提醒 (the class teacher)', () => {
  it('shows today’s sessions as cards: class, kind, time, suggested topic and text, and 完成打卡', async () => {
    const w = await mountPage()
    expect(api.edu.sessions).toHaveBeenCalledWith()
    expect(api.classes.list).not.toHaveBeenCalled()
    const today = w.find('[data-test="today"]')
    expect(today.find('h2').text()).toContain('今日提醒')
    expect(today.find('[data-test="today-date"]').text()).toBe(TODAY)
    const cards = today.findAll('article')
    expect(cards).toHaveLength(2)
    const first = w.find(`[data-test="session-7-${TODAY}-daily"]`)
    expect(first.find('[data-test="session-class"]').text()).toBe('三年级2班')
    expect(first.find('[data-test="session-kind"]').text()).toBe('每日放学前1分钟')
    expect(first.find('[data-test="session-at"]').text()).toBe('15:59')
    expect(first.find('[data-test="session-topic"]').text()).toBe('交通安全')
    expect(first.find('[data-test="session-text"]').text()).toBe('放学路上走人行道，过马路看红绿灯。')
    expect(first.find('[data-test="session-state"]').text()).toBe('今日待完成')
    const button = first.find('[data-test="session-checkin"]')
    expect(button.text()).toBe('完成打卡')
    expect(button.attributes('aria-label')).toBe('三年级2班 每日放学前1分钟：完成打卡')
    expect(first.find('[data-test="session-date"]').exists()).toBe(false)
    // A class named with its grade keeps its name; no dismissal time is said so.
    const second = w.find(`[data-test="session-8-${TODAY}-weekly"]`)
    expect(second.find('[data-test="session-class"]').text()).toBe('三年级5班')
    expect(second.find('[data-test="session-kind"]').text()).toBe('每周最后一个上学日放学前5分钟')
    expect(second.find('[data-test="session-at"]').text()).toBe('学校未设置放学时间')
    expect(second.find('[data-test="session-text"]').exists()).toBe(false)
  })

  it('lists the earlier sessions to record late (补录) and those not held', async () => {
    const w = await mountPage()
    const late = w.find('[data-test="late"]')
    expect(late.find('h2').text()).toBe('可补录')
    expect(late.text()).toContain('可在 3 天内补录')
    const card = late.find('[data-test="session-7-2026-12-04-daily"]')
    expect(card.find('[data-test="session-date"]').text()).toBe('2026-12-04')
    expect(card.find('[data-test="session-state"]').text()).toBe('未开展')
    expect(card.find('[data-test="session-checkin"]').text()).toBe('补录')
    const missed = w.find('[data-test="missed"]')
    expect(missed.find('h2').text()).toBe('未开展')
    const gone = missed.find('[data-test="session-7-2026-11-27-daily"]')
    expect(gone.find('[data-test="session-checkin"]').exists()).toBe(false)
    expect(gone.find('[data-test="session-done"]').exists()).toBe(false)
  })

  it('checks in in two taps, sending the class, day, kind, topic, note and photos, then shows 已完成 with the time', async () => {
    let n = 40
    api.upload.mockImplementation(async (_f: Blob, name: string) => ({ id: ++n, name, content_type: 'image/jpeg', size: 1, sha256: '', url: `/api/v1/files/${n}` }))
    const w = await mountPage()
    const card = () => w.find(`[data-test="session-7-${TODAY}-daily"]`)
    // Tap 1: the button opens the confirmation, the suggested topic chosen.
    await card().find('[data-test="session-checkin"]').trigger('click')
    await settle()
    expect(dialogVisible()).toBe(true)
    expect($('checkin-intro')?.textContent).toContain('三年级2班')
    const topic = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'checkin-topic')!
    expect(topic.props('modelValue')).toBe('traffic')
    expect(api.edu.checkIn).not.toHaveBeenCalled()
    // The optional fields.
    pick(w, 'checkin-topic', 'drowning')
    await type('checkin-note', '结合天气讲了防溺水')
    const input = $('checkin-photo-input') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], '班会.jpg', { type: 'image/jpeg' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(api.upload).toHaveBeenCalledTimes(1)
    // Tap 2: 确认打卡.
    api.edu.checkIn.mockResolvedValue(session({ state: 'done', state_label: '已完成', can_check_in: false, checkin: checkin({ note: '结合天气讲了防溺水', file_ids: [41] }) }))
    expect($('checkin-submit')?.textContent?.trim()).toBe('确认打卡')
    $('checkin-submit')!.click()
    await settle()
    expect(api.edu.checkIn).toHaveBeenCalledTimes(1)
    expect(api.edu.checkIn).toHaveBeenCalledWith({ class_id: 7, date: TODAY, kind: 'daily', topic: 'drowning', note: '结合天气讲了防溺水', file_ids: [41] })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已打卡')
    expect(card().find('[data-test="session-checkin"]').exists()).toBe(false)
    expect(card().find('[data-test="session-done"]').text()).toContain('已完成 15:58')
    expect(card().find('[data-test="session-state"]').text()).toBe('已完成')
    expect(card().find('[data-test="session-topic"]').text()).toBe('防溺水')
    // About drowning: it counts as the day's drowning warning, read again.
    expect(api.drowning.warnings).toHaveBeenCalledTimes(2)
  })

  it('sends the suggested topic, an empty note and no photos when nothing is changed', async () => {
    api.edu.checkIn.mockResolvedValue(session({ state: 'done', state_label: '已完成', can_check_in: false, checkin: checkin({ topic: 'traffic', topic_label: '交通安全' }) }))
    const w = await mountPage()
    await w.find(`[data-test="session-8-${TODAY}-weekly"] [data-test="session-checkin"]`).trigger('click')
    await settle()
    $('checkin-submit')!.click()
    await settle()
    expect(api.edu.checkIn).toHaveBeenCalledWith({ class_id: 8, date: TODAY, kind: 'weekly', topic: 'fire', note: '', file_ids: [] })
    // Not about drowning: the drowning warnings stand.
    expect(api.drowning.warnings).toHaveBeenCalledTimes(1)
  })

  it('records an earlier session late (补录), then says 已补录', async () => {
    api.edu.checkIn.mockResolvedValue(
      session({ date: '2026-12-04', state: 'late', state_label: '补录', can_check_in: false, checkin: checkin({ at: '2026-12-07T01:10:00Z' }) }),
    )
    const w = await mountPage()
    const card = () => w.find('[data-test="session-7-2026-12-04-daily"]')
    await card().find('[data-test="session-checkin"]').trigger('click')
    await settle()
    expect(document.querySelector('[data-test="checkin-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('补录打卡')
    expect($('checkin-intro')?.textContent).toContain('2026-12-04')
    $('checkin-submit')!.click()
    await settle()
    expect(api.edu.checkIn).toHaveBeenCalledWith({ class_id: 7, date: '2026-12-04', kind: 'daily', topic: 'traffic', note: '', file_ids: [] })
    expect(card().find('[data-test="session-done"]').text()).toContain('已补录 12-07 09:10')
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已补录')
  })

  it('shows the server’s refusal with the error helper, and reloads when it was already checked in', async () => {
    const w = await mountPage()
    api.edu.checkIn.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'date', reason: '已超过补录期限（3天）' }], request_id: 'r-1' }, null),
    )
    await w.find('[data-test="session-7-2026-12-04-daily"] [data-test="session-checkin"]').trigger('click')
    await settle()
    $('checkin-submit')!.click()
    await settle()
    const message = document.querySelector('.el-message--error')?.textContent ?? ''
    expect(message).toContain('已超过补录期限（3天）')
    expect(message).toContain('请求编号 r-1')
    expect(dialogVisible()).toBe(true)

    api.edu.checkIn.mockRejectedValueOnce(new ApiError(409, { code: 'conflict', message: '该提醒已打卡（另一台设备）', details: [] }, null))
    expect(api.edu.sessions).toHaveBeenCalledTimes(1)
    $('checkin-submit')!.click()
    await settle()
    const messages = [...document.querySelectorAll('.el-message--error')].map((m) => m.textContent ?? '')
    expect(messages.some((m) => m.includes('该提醒已打卡（另一台设备）'))).toBe(true)
    expect(api.edu.sessions).toHaveBeenCalledTimes(2)
  })

  it('puts a reason about the note beside it', async () => {
    const w = await mountPage()
    api.edu.checkIn.mockRejectedValueOnce(new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'note', reason: '备注不能超过500字' }] }, null))
    await w.find(`[data-test="session-7-${TODAY}-daily"] [data-test="session-checkin"]`).trigger('click')
    await settle()
    $('checkin-submit')!.click()
    await settle()
    expect($('checkin-note')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('备注不能超过500字')
  })

  it('tells a teacher with no class to have one registered', async () => {
    api.edu.sessions.mockResolvedValue(sessions([]))
    api.classes.list.mockResolvedValue({ items: [], total: 0 })
    const w = await mountPage()
    expect(api.classes.list).toHaveBeenCalledWith({ teacher: 'school1_teacher', page: 1, page_size: 1 })
    expect(w.find('[data-test="no-classes"]').text()).toContain('您还没有任教班级，请联系学校安全干部登记班级')
    expect(w.find('[data-test="today"]').exists()).toBe(false)
  })

  it('says there is nothing today to a teacher who has classes (a day off, everything recorded)', async () => {
    api.edu.sessions.mockResolvedValue(sessions([], { today: '2026-12-05' }))
    api.classes.list.mockResolvedValue({ items: [], total: 2 })
    const w = await mountPage(user(OFFICER_PERMS, undefined, 'school1_safety'))
    expect(api.classes.list).toHaveBeenCalledWith({ teacher: 'school1_safety', page: 1, page_size: 1 })
    expect(w.find('[data-test="no-classes"]').exists()).toBe(false)
    expect(w.find('[data-test="no-today"]').text()).toBe('今天没有需要开展的1530安全提醒')
    expect(w.find('[data-test="late"]').exists()).toBe(false)
  })

  it('shows an error loading the sessions with the error helper', async () => {
    api.edu.sessions.mockRejectedValue(new ApiError(403, { code: 'forbidden', message: '没有权限执行此操作', details: [] }, null))
    const w = await mountPage()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('没有权限执行此操作')
    expect(w.find('[data-test="today"]').exists()).toBe(false)
  })

  it('fits a phone: the cards in one column, the button the card’s full width', async () => {
    window.innerWidth = 375
    const w = await mountPage()
    expect(w.find('[data-test="today"] .cards').exists()).toBe(true)
    const button = w.find(`[data-test="session-7-${TODAY}-daily"] [data-test="session-checkin"]`)
    expect(button.classes()).toContain('checkin-btn')
    expect(button.classes()).toContain('el-button--large')
    await button.trigger('click')
    await settle()
    // The dialog never grows past the screen.
    const dialog = document.querySelector('[data-test="checkin-dialog"]')?.closest('.el-dialog') as HTMLElement
    expect(dialog.style.getPropertyValue('--el-dialog-width')).toBe('min(480px, 96vw)')
  })
})
