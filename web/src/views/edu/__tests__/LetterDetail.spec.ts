// A letter to the parents: its text, status, term and totals; each class's row — teacher, size (—
// when unknown), receipts and rate — with its parents' link (copied on a tap) and QR code where the
// caller may share it; who confirmed in a class (a drawer) only when the receipts answer — not on
// a 403; the bureau, refused the names (minors' data), told so and offered 申请查阅回执名单 (the
// request dialog with the letter's school and the receipts filled in), or told its request is
// waiting, and shown the names through an active grant; 打印二维码 and its sheet; a draft published
// from here; cards on a phone; an unknown letter.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_RECORDER_PERMS, RECORDER_PERMS, TEACHER_PERMS, letter, letterClass, receipt, user } from './fixtures'

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
  minors: {
    grants: vi.fn(),
    kinds: vi.fn(),
    request: vi.fn(),
  },
  confirm: vi.fn(),
}))

vi.mock('@/api/eduLetters', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduLetters')>()
  return { ...real, eduLettersApi: api.letters }
})
vi.mock('@/api/minors', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/minors')>()
  return { ...real, minorsApi: api.minors }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import LetterDetail from '../LetterDetail.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, id = '5') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edu/letters', name: 'edu-letters', component: Stub },
      { path: '/edu/letters/:id', name: 'edu-letter', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(`/edu/letters/${id}`)
  await router.isReady()
  const w = mount(LetterDetail, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return { w, router }
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const $$ = (test: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`))
const text = (el: Element | null | undefined) => el?.textContent?.trim()

const OFFICER = () => user(RECORDER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_RECORDER_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth
const writeText = vi.fn()

const CLASSES = () => [
  letterClass(),
  letterClass({ class_id: 8, class_name: '大班', grade: 0, teacher: '', teacher_name: '', students: 0, received: 0, rate: null, token: 'tok8XyZ' }),
  letterClass({ class_id: 9, class_name: '三年级5班', teacher: 'school1_teacher2', teacher_name: '李明', students: 45, received: 0, rate: 0, token: '' }),
]

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.letters), ...Object.values(api.minors), api.confirm, writeText]) fn.mockReset()
  api.minors.grants.mockResolvedValue({ items: [] })
  api.minors.kinds.mockResolvedValue({ items: [{ code: 'edu_letter_receipt', label: '家长回执名单（学生姓名）' }] })
  api.letters.get.mockResolvedValue(letter())
  api.letters.classes.mockResolvedValue({ items: CLASSES() })
  api.letters.receipts.mockResolvedValue({ items: [receipt(), receipt({ id: 2, student_name: '李四', relation: 'grandparent', relation_label: '祖父母/外祖父母', at: '2026-12-03T12:05:00Z' })] })
  api.confirm.mockResolvedValue(true)
  writeText.mockResolvedValue(undefined)
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('致家长的一封信: a letter', () => {
  it('shows the letter, its totals and each class with its link, QR code and receipts', async () => {
    await mountPage(OFFICER())
    expect(api.letters.get).toHaveBeenCalledWith(5)
    expect(api.letters.classes).toHaveBeenCalledWith(5)
    expect(text($('letter-title'))).toBe('寒假安全致家长的一封信')
    expect(text($('letter-status'))).toBe('已发布')
    expect(text($('letter-term'))).toBe('2026—2027学年第一学期')
    expect(text($('letter-closes'))).toBe('2027-01-20')
    // In China's time.
    expect(text($('letter-published'))).toBe('2026-12-01 10:00')
    expect($('letter-body')?.textContent).toBe('各位家长：\n寒假将至，请注意以下安全事项：\n一、防溺水……')
    expect(text($('letter-expected'))).toBe('90')
    expect(text($('letter-received-total'))).toBe('27')
    expect(text($('letter-rate'))).toBe('30%')

    const rows = $$('letter-class-row')
    expect(rows).toHaveLength(3)
    const cell = (row: HTMLElement, test: string) => text(row.querySelector(`[data-test="${test}"]`))
    expect(cell(rows[0], 'letter-class')).toBe('三年级2班')
    expect(cell(rows[0], 'letter-students')).toBe('45')
    expect(cell(rows[0], 'letter-received')).toBe('27')
    expect(cell(rows[0], 'letter-class-rate')).toBe('60%')
    const link = rows[0].querySelector<HTMLAnchorElement>('[data-test="letter-link"]')!
    expect(link.getAttribute('href')).toBe(`${window.location.origin}/p/letters/tok7AbC`)
    expect(link.textContent).toBe(`${window.location.origin}/p/letters/tok7AbC`)
    const qr = rows[0].querySelector<HTMLImageElement>('[data-test="letter-qr"]')!
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    expect(qr.getAttribute('alt')).toBe('三年级2班家长链接二维码')
    // A size not known: — and no rate.
    expect(cell(rows[1], 'letter-students')).toBe('—')
    expect(cell(rows[1], 'letter-class-rate')).toBe('—')
    // A class whose link the caller may not share: no link, no code.
    expect(rows[2].querySelector('[data-test="letter-link"]')).toBeNull()
    expect(rows[2].querySelector('[data-test="letter-qr"]')).toBeNull()
    expect(rows[2].textContent).toContain('无权分享')

    // The link copied.
    ;(rows[0].querySelector('[data-test="letter-copy"]') as HTMLElement).click()
    await settle()
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/p/letters/tok7AbC`)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('链接已复制')

    // The receipts answer (asked once, for the first class): who confirmed, in a drawer.
    expect(api.letters.receipts).toHaveBeenCalledWith(5, 7)
    expect($$('letter-receipts')).toHaveLength(3)
    ;(rows[0].querySelector('[data-test="letter-receipts"]') as HTMLElement).click()
    await settle()
    expect(api.letters.receipts).toHaveBeenLastCalledWith(5, 7)
    const drawer = document.querySelector('.el-drawer')!
    expect(drawer.querySelector('.el-drawer__title')?.textContent).toBe('三年级2班 回执名单')
    expect(text($('receipts-count'))).toBe('已回执 2 份，尚有约 43 人未回执')
    const receipts = $$('receipt-row')
    expect(receipts.map((r) => text(r.querySelector('[data-test="receipt-student"]')))).toEqual(['张三', '李四'])
    expect(receipts.map((r) => text(r.querySelector('[data-test="receipt-relation"]')))).toEqual(['母亲', '祖父母/外祖父母'])
    expect(receipts.map((r) => text(r.querySelector('[data-test="receipt-at"]')))).toEqual(['2026-12-02 09:30', '2026-12-03 20:05'])

    // The published letter's actions: its closing day, links for new classes, closing; printing.
    expect($('letter-edit')).not.toBeNull()
    expect($('letter-republish')).not.toBeNull()
    expect($('letter-close')).not.toBeNull()
    expect($('letter-publish')).toBeNull()
    expect($('letter-delete')).toBeNull()
  })

  it('hides the names when the receipts answer 403', async () => {
    api.letters.receipts.mockRejectedValue(new ApiError(403, { code: 'forbidden', message: '没有权限执行此操作', details: [] }, null))
    await mountPage(user(TEACHER_PERMS))
    expect(api.letters.receipts).toHaveBeenCalledTimes(1)
    expect($$('letter-class-row')).toHaveLength(3)
    expect($('letter-receipts')).toBeNull()
    expect(Array.from(document.querySelectorAll('.classes-table thead th')).map((th) => text(th))).not.toContain('操作')
    // Not an error to the user: simply not theirs to see; nothing to request within the school.
    expect(document.querySelector('.el-message--error')).toBeNull()
    expect($('letter-names-refused')).toBeNull()
    expect($('letter-grant-request')).toBeNull()
    expect(api.minors.grants).not.toHaveBeenCalled()
  })

  const FORBIDDEN = () => new ApiError(403, { code: 'forbidden', message: '没有权限执行此操作', details: [] }, null)
  const bureauLetter = () => {
    api.letters.get.mockResolvedValue(letter({ can_edit: false }))
    api.letters.classes.mockResolvedValue({ items: CLASSES().map((c) => ({ ...c, token: '' })) })
  }

  it('tells the bureau refused the names (403) they are minors’ data, and offers to request access to them', async () => {
    bureauLetter()
    api.letters.receipts.mockRejectedValue(FORBIDDEN())
    await mountPage(OFFICE())
    // Asked once: the answer decides.
    expect(api.letters.receipts).toHaveBeenCalledTimes(1)
    expect($('letter-receipts')).toBeNull()
    expect($('letter-qr')).toBeNull()
    expect($('letter-print')).toBeNull()
    expect($('letter-edit')).toBeNull()
    expect(document.querySelector('.el-message--error')).toBeNull()
    expect(text($('letter-names-refused'))).toContain('学生姓名属于未成年人信息，上级单位查看须经学校负责人授权')
    expect(api.minors.grants).toHaveBeenCalledWith(true)
    expect(text($('letter-grant-request'))).toBe('申请查阅回执名单')

    // The request dialog, the letter's school and the receipts filled in.
    $('letter-grant-request')!.click()
    await settle()
    expect($('grant-dialog')).not.toBeNull()
    expect(text($('grant-school-fixed'))).toBe('示范区双桥小学')
    expect(text($('grant-kind-fixed'))).toBe('家长回执名单（学生姓名）')
    const reason = $('grant-reason') as HTMLTextAreaElement
    reason.value = '核查三年级2班回执情况'
    reason.dispatchEvent(new Event('input'))
    await settle()
    api.minors.request.mockResolvedValue({ id: 12, unit_id: 21, kind: 'edu_letter_receipt', state: 'requested' })
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).toHaveBeenCalledWith({ unit_id: 21, kind: 'edu_letter_receipt', reason: '核查三年级2班回执情况', days: 7 })
    // Waiting for the school's leader now.
    expect($('letter-grant-request')).toBeNull()
    expect(text($('letter-grant-pending'))).toBe('已提交查阅申请，等待学校负责人审批。')
  })

  it('says the bureau’s request is waiting instead of offering another', async () => {
    bureauLetter()
    api.letters.receipts.mockRejectedValue(FORBIDDEN())
    api.minors.grants.mockResolvedValue({
      items: [
        { id: 3, unit_id: 22, kind: 'edu_letter_receipt', state: 'requested' },
        { id: 2, unit_id: 21, kind: 'edu_letter_receipt', state: 'requested' },
      ],
    })
    await mountPage(OFFICE())
    expect(text($('letter-grant-pending'))).toBe('已提交查阅申请，等待学校负责人审批。')
    expect($('letter-grant-request')).toBeNull()
  })

  it('shows the bureau the names through an active grant, without the note', async () => {
    bureauLetter()
    await mountPage(OFFICE())
    expect(api.letters.receipts).toHaveBeenCalledWith(5, 7)
    expect($('letter-names-refused')).toBeNull()
    expect($('letter-grant-request')).toBeNull()
    expect($$('letter-receipts')).toHaveLength(3)
    expect(api.minors.grants).not.toHaveBeenCalled()
  })

  it('prints one block per class it may share: name, code and instruction', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    await mountPage(OFFICER())
    expect(text($('letter-print'))).toBe('打印二维码')
    $('letter-print')!.click()
    expect(print).toHaveBeenCalledTimes(1)
    const blocks = Array.from(document.querySelectorAll('.print-sheet .print-block'))
    expect(blocks.map((b) => text(b.querySelector('.print-class')))).toEqual(['三年级2班', '大班'])
    expect(blocks[0].querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml/)
    expect(text(blocks[0].querySelector('.print-hint'))).toContain('请家长用手机扫描二维码，阅读《寒假安全致家长的一封信》并确认回执。')
    print.mockRestore()
  })

  it('publishes a draft from here after asking, and shows its links', async () => {
    api.letters.get.mockResolvedValueOnce(letter({ status: 'draft', published_at: '', classes: 0, expected: 0, received: 0, rate: null }))
    api.letters.classes.mockResolvedValueOnce({ items: [] })
    await mountPage(OFFICER())
    expect(text($('letter-draft-hint'))).toContain('草稿尚未发布')
    expect($('letter-no-classes')).not.toBeNull()
    expect($('letter-delete')).not.toBeNull()
    api.letters.publish.mockResolvedValue(letter())
    $('letter-publish')!.click()
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('寒假安全致家长的一封信'))
    expect(api.letters.publish).toHaveBeenCalledWith(5)
    expect(api.letters.get).toHaveBeenCalledTimes(2)
    expect($$('letter-class-row')).toHaveLength(3)
    expect(text($('letter-status'))).toBe('已发布')
  })

  it('shows each class as a card with its link and code on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICER())
    expect($('letter-classes-table')).toBeNull()
    const cards = $$('letter-class-row')
    expect(cards).toHaveLength(3)
    expect(cards[0].tagName).toBe('LI')
    expect(text(cards[0].querySelector('[data-test="letter-class"]'))).toBe('三年级2班')
    expect(cards[0].querySelector('[data-test="letter-link"]')?.getAttribute('href')).toBe(`${window.location.origin}/p/letters/tok7AbC`)
    expect(cards[0].querySelector('[data-test="letter-qr"]')).not.toBeNull()
    expect(cards[0].querySelector('[data-test="letter-receipts"]')).not.toBeNull()
  })

  it('says a letter not found (or outside the caller’s scope) is not found', async () => {
    api.letters.get.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    await mountPage(OFFICER(), '99')
    expect($('not-found')).not.toBeNull()
    expect(api.letters.classes).not.toHaveBeenCalled()
  })
})
