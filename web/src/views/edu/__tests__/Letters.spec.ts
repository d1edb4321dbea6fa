// 致家长的一封信: the list (term, title, status, receipts against the students expected with the rate,
// the day published) and its filters, the actions each status allows (编辑 / 发布 / 截止回执 / 删除,
// asked first), the letter form — the school's own or a bureau user's choice, the school year and
// term, title and body required, the closing day; a published letter only its closing day, its
// title and body sent as they were; a conflict reloading — the bureau's 各校回执率 (schools without
// a letter first, highlighted) and cards on a phone.
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
import { BUREAU, BUREAU_RECORDER_PERMS, RECORDER_PERMS, TEACHER_PERMS, TODAY, letter, letterBoard, user } from './fixtures'

const api = vi.hoisted(() => ({
  letters: {
    list: vi.fn(),
    get: vi.fn(),
    create: vi.fn(),
    update: vi.fn(),
    remove: vi.fn(),
    publish: vi.fn(),
    close: vi.fn(),
    classes: vi.fn(),
    receipts: vi.fn(),
    board: vi.fn(),
  },
  schools: { list: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/eduLetters', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduLetters')>()
  return { ...real, eduLettersApi: api.letters }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import Letters from '../Letters.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

let router: ReturnType<typeof createRouter>

async function mountPage(me: Me, path = '/edu/letters') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/letters', name: 'edu-letters', component: Stub },
      { path: '/edu/letters/:id', name: 'edu-letter', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(Letters, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('letter-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}
const select = (w: VueWrapper, test: string) => component(w, 'ElSelect', test)

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

const OFFICER = () => user(RECORDER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_RECORDER_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth

const ROWS = () => [
  letter(),
  letter({
    id: 6,
    school_year: 2026,
    term: 2,
    term_label: '2026—2027学年第二学期',
    title: '春季开学安全致家长的一封信',
    status: 'draft',
    published_at: '',
    closes_on: '',
    classes: 0,
    expected: 0,
    received: 0,
    rate: null,
    version: 1,
  }),
  letter({ id: 4, title: '国庆假期安全', status: 'closed', expected: 0, received: 3, rate: null, published_at: '2026-09-25T01:00:00Z' }),
]

beforeEach(() => {
  // Today in China is 2026-12-07: the first term of 2026—2027 (only the clock is faked).
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.letters), api.schools.list, api.confirm]) fn.mockReset()
  api.letters.list.mockResolvedValue({ items: ROWS(), total: 3 })
  api.letters.board.mockResolvedValue(letterBoard())
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('致家长的一封信: the list', () => {
  it('lists a school’s letters: term, title, status, receipts and rate, the day published; the actions each status allows', async () => {
    const w = await mountPage(OFFICER())
    expect(api.letters.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    // A school's staff: no school column or filter, no 各校回执率.
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    expect(heads).toEqual(['学期', '标题', '状态', '回执', '发布日期', '操作'])
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
    expect(w.find('[data-test="letter-tabs"]').exists()).toBe(false)
    expect(w.find('[data-test="add"]').text()).toBe('新建')

    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="row-term"]').text()).toBe('2026—2027学年第一学期')
    expect(rows[0].find('[data-test="row-title"]').text()).toBe('寒假安全致家长的一封信')
    expect(rows[0].find('[data-test="row-title"]').attributes('href')).toBe('/edu/letters/5')
    expect(rows[0].find('[data-test="row-status"]').text()).toBe('已发布')
    expect(rows[0].find('[data-test="row-received"]').text()).toBe('27 / 90')
    expect(rows[0].find('[data-test="row-rate"]').text()).toBe('30%')
    expect(rows[0].find('[data-test="row-published"]').text()).toBe('2026-12-01')
    // A draft: no receipts yet.
    expect(rows[1].find('[data-test="row-status"]').text()).toBe('草稿')
    expect(rows[1].find('[data-test="row-received"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="row-published"]').text()).toBe('—')
    // No class's size known: the receipts without a rate.
    expect(rows[2].find('[data-test="row-received"]').text()).toBe('3 / —')
    expect(rows[2].find('[data-test="row-rate"]').text()).toBe('—')

    const actions = (i: number) => rows[i].findAll('.el-table__cell button').map((b) => b.attributes('data-test'))
    expect(actions(0)).toEqual(['row-view', 'row-edit', 'row-close'])
    expect(actions(1)).toEqual(['row-view', 'row-edit', 'row-publish', 'row-delete'])
    expect(actions(2)).toEqual(['row-view'])
  })

  it('offers a class teacher the letters to read only', async () => {
    api.letters.list.mockResolvedValue({ items: ROWS().map((r) => ({ ...r, can_edit: false })), total: 3 })
    const w = await mountPage(user(TEACHER_PERMS))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="row-publish"]').exists()).toBe(false)
    expect(w.find('[data-test="row-view"]').exists()).toBe(true)
  })

  it('filters by term and status', async () => {
    const w = await mountPage(OFFICER())
    // The terms offered: next school year's down to two back, newest first.
    expect(select(w, 'search-term').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label')).slice(0, 3)).toEqual([
      '2027—2028学年第二学期',
      '2027—2028学年第一学期',
      '2026—2027学年第二学期',
    ])
    select(w, 'search-term').vm.$emit('update:modelValue', '2026-2')
    select(w, 'search-status').vm.$emit('update:modelValue', 'published')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.letters.list).toHaveBeenLastCalledWith({ school_year: 2026, term: 2, status: 'published', page: 1, page_size: 10 })
  })

  it('publishes, closes and deletes after asking, then reloads', async () => {
    const w = await mountPage(OFFICER())
    api.letters.publish.mockResolvedValue(letter({ id: 6 }))
    w.findAll('[data-test="row-publish"]')[0].trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('春季开学安全致家长的一封信'))
    expect(api.letters.publish).toHaveBeenCalledWith(6)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已发布，各班家长链接已生成')
    expect(api.letters.list).toHaveBeenCalledTimes(2)

    api.letters.close.mockResolvedValue(letter({ status: 'closed' }))
    w.findAll('[data-test="row-close"]')[0].trigger('click')
    await settle()
    expect(api.letters.close).toHaveBeenCalledWith(5)
    expect(api.letters.list).toHaveBeenCalledTimes(3)

    api.letters.remove.mockResolvedValue(undefined)
    w.findAll('[data-test="row-delete"]')[0].trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenLastCalledWith(expect.stringContaining('2026—2027学年第二学期 春季开学安全致家长的一封信'))
    expect(api.letters.remove).toHaveBeenCalledWith(6)
    expect(api.letters.list).toHaveBeenCalledTimes(4)

    // Not confirmed: nothing happens.
    api.confirm.mockResolvedValue(false)
    w.findAll('[data-test="row-publish"]')[0].trigger('click')
    await settle()
    expect(api.letters.publish).toHaveBeenCalledTimes(1)
  })

  it('opens a letter from 查看', async () => {
    const w = await mountPage(OFFICER())
    // One per row, nothing hidden besides.
    expect(w.findAll('[data-test="row-view"]')).toHaveLength(3)
    await w.findAll('[data-test="row-view"]')[0].trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/edu/letters/5')
  })

  it('shows one card per letter on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="card-title"]').text()).toBe('寒假安全致家长的一封信')
    expect(cards[0].find('[data-test="card-status"]').text()).toBe('已发布')
    expect(cards[0].find('[data-test="card-term"]').text()).toBe('2026—2027学年第一学期')
    expect(cards[0].find('[data-test="card-received"]').text()).toBe('27 / 90')
    expect(cards[0].find('[data-test="card-rate"]').text()).toBe('30%')
    expect(cards[0].find('[data-test="row-close"]').exists()).toBe(true)
    expect(cards[1].find('[data-test="card-received"]').exists()).toBe(false)
    expect(cards[1].find('[data-test="row-publish"]').exists()).toBe(true)
    expect(cards[1].find('[data-test="row-delete"]').exists()).toBe(true)
  })
})

describe('致家长的一封信: the bureau', () => {
  it('shows the school and its filter, and 各校回执率: no letter first and highlighted, the rates', async () => {
    const w = await mountPage(OFFICE())
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())[0]).toBe('学校')
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    expect(api.letters.list).toHaveBeenLastCalledWith({ school_id: 22, page: 1, page_size: 10 })

    expect(w.find('[data-test="tab-board"]').text()).toBe('各校回执率')
    await w.find('#tab-board').trigger('click')
    await settle()
    // This term by default.
    expect(api.letters.board).toHaveBeenCalledWith({ school_year: 2026, term: 1 })
    expect(w.find('[data-test="board-total-rate"] [data-test="stat-value"]').text()).toBe('75%')
    expect(w.find('[data-test="board-total-schools"]').text()).toContain('2 / 3')
    const rows = w.findAll('[data-test="board-table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(3)
    expect(rows[0].find('[data-test="board-school-23"]').text()).toBe('仁和幼儿园')
    expect(rows[0].classes()).toContain('no-letter-row')
    expect(rows[0].find('[data-test="board-no-letter"]').text()).toBe('未发布')
    expect(rows[0].find('[data-test="board-rate"]').text()).toBe('—')
    expect(rows[1].classes()).not.toContain('no-letter-row')
    expect(rows[1].find('[data-test="board-received"]').text()).toBe('420 / 700')
    expect(rows[1].find('[data-test="board-rate"]').text()).toBe('60%')
    expect(rows[2].find('[data-test="board-rate"]').text()).toBe('96%')

    select(w, 'board-term').vm.$emit('update:modelValue', '2025-2')
    await settle()
    expect(api.letters.board).toHaveBeenLastCalledWith({ school_year: 2025, term: 2 })
  })

  it('shows 各校回执率 as cards at 375 px, from the link', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICE(), '/edu/letters?tab=board')
    expect(w.find('[data-test="board-table"]').exists()).toBe(false)
    const card = w.find('[data-test="board-card-23"]')
    expect(card.classes()).toContain('no-letter')
    expect(card.find('[data-test="board-no-letter"]').text()).toBe('未发布')
    expect(w.find('[data-test="board-card-22"] [data-test="board-rate"]').text()).toBe('60%')
  })
})

describe('致家长的一封信: the letter form', () => {
  it('writes a draft for the school: the term, title and body required, the closing day when given', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect(document.querySelector('[data-test="letter-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('新建致家长的一封信')
    // The school is the user's own; the term is this one.
    expect($('letter-school-fixed')?.textContent).toBe('示范区双桥小学')
    expect(select(w, 'letter-year').props('modelValue')).toBe(2026)
    expect(select(w, 'letter-year').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['2025—2026学年', '2026—2027学年', '2027—2028学年'])
    expect(component(w, 'ElRadioGroup', 'letter-term').props('modelValue')).toBe(1)

    $('letter-submit')!.click()
    await settle()
    expect(api.letters.create).not.toHaveBeenCalled()
    expect(errorOf('letter-title')).toBe('请填写标题')
    expect(errorOf('letter-body')).toBe('请填写正文')

    component(w, 'ElRadioGroup', 'letter-term').vm.$emit('update:modelValue', 2)
    await type('letter-title', ' 春季开学安全致家长的一封信 ')
    await type('letter-body', '各位家长：\n新学期开始了……  \n')
    // A day already past is refused.
    const date = w.findAllComponents({ name: 'ElDatePicker' })[0]
    date.vm.$emit('update:modelValue', '2026-12-01')
    await settle()
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.create).not.toHaveBeenCalled()
    expect(errorOf('letter-closes')).toBe('回执截止日期不能早于今天')
    date.vm.$emit('update:modelValue', '2027-03-20')
    await settle()

    api.letters.create.mockResolvedValue(letter({ id: 9, status: 'draft' }))
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.create).toHaveBeenCalledWith({
      school_id: 21,
      school_year: 2026,
      term: 2,
      title: '春季开学安全致家长的一封信',
      body: '各位家长：\n新学期开始了……',
      closes_on: '2027-03-20',
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已保存为草稿')
    expect(dialogOpen()).toBe(false)
    expect(api.letters.list).toHaveBeenCalledTimes(2)
  })

  it('asks a bureau user for the school', async () => {
    const w = await mountPage(OFFICE())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    await type('letter-title', '寒假安全')
    await type('letter-body', '各位家长：')
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.create).not.toHaveBeenCalled()
    expect(errorOf('letter-school')).toBe('请选择学校')
    select(w, 'letter-school').vm.$emit('update:modelValue', 22)
    api.letters.create.mockResolvedValue(letter({ id: 10, school_id: 22, status: 'draft' }))
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.create).toHaveBeenCalledWith({ school_id: 22, school_year: 2026, term: 1, title: '寒假安全', body: '各位家长：' })
  })

  it('changes only the closing day of a published letter, its title and body as they were; a conflict reloads', async () => {
    const w = await mountPage(OFFICER())
    await w.findAll('[data-test="row-edit"]')[0].trigger('click')
    await settle()
    expect(document.querySelector('[data-test="letter-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('修改回执截止日期')
    expect(($('letter-title') as HTMLInputElement).disabled).toBe(true)
    expect(($('letter-body') as HTMLTextAreaElement).disabled).toBe(true)
    expect($('letter-fixed-hint')?.textContent).toBe('已发布的信不能修改标题和正文，只能修改回执截止日期')
    expect($('letter-term-fixed')?.textContent).toBe('2026—2027学年第一学期')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', null)
    await settle()
    api.letters.update.mockRejectedValueOnce(new ApiError(409, { code: 'conflict', message: '这封信刚被他人修改，请刷新后再试', details: [{ field: 'edu_letter.stale', reason: '版本已过期' }] }, null))
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.update).toHaveBeenCalledWith(5, { version: 3, title: '寒假安全致家长的一封信', body: letter().body, closes_on: '' })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这封信刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(api.letters.list).toHaveBeenCalledTimes(2)
  })

  it('edits a draft in full and shows the server’s reason under its field', async () => {
    const w = await mountPage(OFFICER())
    await w.findAll('[data-test="row-edit"]')[1].trigger('click')
    await settle()
    expect(document.querySelector('[data-test="letter-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('修改家长信')
    expect(($('letter-title') as HTMLInputElement).disabled).toBe(false)
    await type('letter-title', '春季开学安全告家长书')
    api.letters.update.mockRejectedValueOnce(new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'title', reason: '标题含有不可见的控制字符' }] }, null))
    $('letter-submit')!.click()
    await settle()
    expect(api.letters.update).toHaveBeenCalledWith(6, expect.objectContaining({ version: 1, title: '春季开学安全告家长书', closes_on: '' }))
    expect(errorOf('letter-title')).toBe('标题含有不可见的控制字符')
    expect(dialogOpen()).toBe(true)
  })
})
