// 我的职责清单: the user's own list — its state, the school, the posts, the text as signed (each post's
// duties numbered) —; 签订 when it is theirs to sign: the statement and the password (a dialog on a
// desk, a drawer on a phone), a wrong password said at the field, 已签订 with the day after; a list
// changed or signed meanwhile read again; none yet: 尚未为您建立安全工作职责清单.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { TEACHER, dutyList, teacherList } from './fixtures'

const api = vi.hoisted(() => ({
  duties: { mine: vi.fn(), sign: vi.fn() },
}))

vi.mock('@/api/duties', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/duties')>()
  return { ...real, dutiesApi: api.duties }
})

import MyDuty from '../MyDuty.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })

const mounted: VueWrapper[] = []
const desk = window.innerWidth

async function mountPage() {
  const at = await mountPageAt(MyDuty, TEACHER(), [['/duties/mine', 'duty-mine']], '/duties/mine')
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input') ? found : found?.querySelector('input')) as HTMLInputElement
  expect(el, test).toBeTruthy()
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(test: string): Promise<void> {
  const el = $(test)
  expect(el, test).toBeTruthy()
  el!.click()
  await settle()
}

const passwordError = () => $('duty-sign-password')?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

function apiError(status: number, code: string, message: string, details: { field: string; reason: string }[] = []): ApiError {
  return new ApiError(status, { code, message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.duties)) fn.mockReset()
  api.duties.mine.mockResolvedValue({ list: teacherList({ can_sign: true, can_edit: false }) })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('我的职责清单', () => {
  it('shows the list: its title, state, school, posts and each post’s duties numbered', async () => {
    await mountPage()
    expect(api.duties.mine).toHaveBeenCalledTimes(1)
    expect(text('duty-mine-title')).toBe('周老师 安全工作职责清单')
    expect(text('duty-state')).toBe('未签订')
    expect($('duty-state')?.getAttribute('data-state')).toBe('unsigned')
    expect($('duty-state')?.className).toContain('el-tag--danger')
    expect(text('duty-mine-school')).toBe('示范区双桥小学')
    expect(text('duty-mine-posts')).toBe('班主任')
    expect(text('duty-state-reason')).toBe('尚未签订')
    expect(text('duty-waiting-since')).toBe('2026-12-01')
    expect(all('duty-section-heading').map((h) => h.textContent?.trim())).toEqual(['班主任（第 1 版）'])
    expect(all('duty-item').map((i) => i.textContent?.replace(/\s+/g, ''))).toEqual([
      '1.对本班学生安全教育和管理负直接责任',
      '2.落实“1530”安全教育提醒：每天放学前1分钟、每周放学前5分钟、节假日放学前30分钟',
    ])
    expect($('duty-sign')).not.toBeNull()
  })

  it('signs with the password: the statement shown, the version read sent, 已签订 with the day after', async () => {
    api.duties.sign.mockResolvedValue(
      teacherList({
        signing: { list_version: 1, signature_id: 40, signed_on: '2026-12-07', signed_at: '2026-12-07T02:00:00Z' },
        state: 'signed',
        state_label: '已签订',
        state_reason: '已于 2026-12-07 签订',
        waiting_since: '',
        can_sign: false,
      }),
    )
    await mountPage()
    await click('duty-sign')
    expect($('duty-sign-dialog')?.classList.contains('el-dialog')).toBe(true)
    expect(text('duty-sign-statement')).toContain('本人已阅读并承诺履行以上安全工作职责')
    expect(text('duty-sign-holder')).toBe('周老师')
    // The password first.
    await click('duty-sign-submit')
    expect(api.duties.sign).not.toHaveBeenCalled()
    expect(passwordError()).toBe('请输入登录密码')
    await type('duty-sign-password', 'Teacher-Pass-1')
    expect(passwordError()).toBe('')
    await click('duty-sign-submit')
    expect(api.duties.sign).toHaveBeenCalledWith(3, { version: 1, password: 'Teacher-Pass-1' })
    expect(text('duty-state')).toBe('已签订')
    expect($('duty-state')?.getAttribute('data-state')).toBe('signed')
    expect(text('duty-signed-on')).toBe('已于 2026-12-07 签订')
    expect($('duty-sign')).toBeNull()
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已签订安全工作职责清单')
  })

  it('says a wrong password at the field, keeping the dialog open', async () => {
    api.duties.sign.mockRejectedValue(apiError(401, 'unauthenticated', '密码不正确，签字未生效', [{ field: 'password', reason: '密码不正确，签字未生效' }]))
    await mountPage()
    await click('duty-sign')
    await type('duty-sign-password', 'wrong')
    await click('duty-sign-submit')
    expect(passwordError()).toBe('密码不正确，签字未生效')
    const input = $('duty-sign-password')
    expect(((input?.matches('input') ? input : input?.querySelector('input')) as HTMLInputElement).value).toBe('')
    expect(text('duty-state')).toBe('未签订')
    // The same as a 422 naming the field.
    api.duties.sign.mockRejectedValue(apiError(422, 'invalid_argument', '请重新输入密码', [{ field: 'password', reason: '请重新输入密码' }]))
    await type('duty-sign-password', 'x')
    await click('duty-sign-submit')
    expect(passwordError()).toBe('请重新输入密码')
  })

  it('reads the list again when it changed or was signed meanwhile', async () => {
    api.duties.sign.mockRejectedValue(apiError(409, 'duty.stale', '职责清单已变更'))
    await mountPage()
    await click('duty-sign')
    await type('duty-sign-password', 'Teacher-Pass-1')
    api.duties.mine.mockClear()
    await click('duty-sign-submit')
    expect(api.duties.mine).toHaveBeenCalledTimes(1)
    expect(document.querySelector('.el-message--warning')?.textContent).toContain('请重新阅读后再签订')

    api.duties.sign.mockRejectedValue(apiError(409, 'duty.signed', '职责清单已签订，无需重复签订'))
    await click('duty-sign')
    await type('duty-sign-password', 'Teacher-Pass-1')
    await click('duty-sign-submit')
    expect(api.duties.mine).toHaveBeenCalledTimes(2)
    expect(document.body.textContent).toContain('无需重复签订')
  })

  it('opens the signature in a drawer on a phone', async () => {
    window.innerWidth = 375
    await mountPage()
    await click('duty-sign')
    const frame = $('duty-sign-dialog')
    expect(frame?.classList.contains('el-drawer')).toBe(true)
    expect(frame?.querySelector('[data-test="duty-sign-password"]')).not.toBeNull()
    expect(frame?.querySelector('[data-test="duty-sign-submit"]')).not.toBeNull()
  })

  it('shows a signed list without 签订', async () => {
    api.duties.mine.mockResolvedValue({ list: dutyList({ can_edit: false }) })
    await mountPage()
    expect(text('duty-state')).toBe('已签订')
    expect(text('duty-signed-on')).toBe('已于 2026-11-03 签订')
    expect($('duty-sign')).toBeNull()
    expect(all('duty-item')).toHaveLength(4)
  })

  it('says so when no list has been drawn up', async () => {
    api.duties.mine.mockResolvedValue({ list: null })
    await mountPage()
    expect(text('duty-mine-empty')).toContain('尚未为您建立安全工作职责清单')
    expect($('duty-sign')).toBeNull()
  })
})
