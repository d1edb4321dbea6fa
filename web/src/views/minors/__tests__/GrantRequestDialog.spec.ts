// 申请查阅: the school picked among those in scope (or fixed: a letter's), the kind from the server
// (or fixed: the letter's receipts), the reason and the days (7 unless changed) sent as the contract
// says; the form checked first; the server's reasons (422) at their fields; a request already open
// (409 minors.grant_open) said, the dialog closed and the requests read again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import GrantRequestDialog from '../components/GrantRequestDialog.vue'
import { OFFICE, grant } from './fixtures'

const api = vi.hoisted(() => ({
  minors: {
    grants: vi.fn(),
    kinds: vi.fn(),
    request: vi.fn(),
    approve: vi.fn(),
    refuse: vi.fn(),
    revoke: vi.fn(),
    report: vi.fn(),
    exportReport: vi.fn(),
  },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/minors', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/minors')>()
  return { ...real, minorsApi: api.minors }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

vi.setConfig({ testTimeout: 60_000 })

const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const text = (el: Element | null | undefined) => el?.textContent?.trim()
/** The error shown at the form item holding `test`. */
const errorAt = (test: string) => text($(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error'))

async function mountDialog(props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = OFFICE()
  const saved = vi.fn()
  const changed = vi.fn()
  const open = ref(true)
  const Host = defineComponent({
    setup: () => () =>
      h(GrantRequestDialog, {
        ...props,
        modelValue: open.value,
        'onUpdate:modelValue': (v: boolean) => (open.value = v),
        onSaved: saved,
        onChanged: changed,
      }),
  })
  const w = mount(Host, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
  await settle()
  return { w, open, saved, changed }
}

async function type(test: string, value: string) {
  const el = $(test)!
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

async function pick(test: string, label: string) {
  $(test)!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
  await settle()
  const option = Array.from(document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')).find((o) => text(o) === label)
  expect(option, label).toBeTruthy()
  option!.click()
  await settle()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.minors), api.schools.list]) fn.mockReset()
  api.minors.kinds.mockResolvedValue({ items: [{ code: 'edu_letter_receipt', label: '家长回执名单（学生姓名）' }] })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区第二小学' },
    ],
    total: 2,
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('申请查阅: the request dialog', () => {
  it('asks for a school in scope, the kind, the reason and the days, and sends them', async () => {
    const created = grant({ id: 9, unit_id: 22, unit_name: '示范区第二小学', days: 10 })
    api.minors.request.mockResolvedValue(created)
    const { open, saved } = await mountDialog()
    expect(api.minors.kinds).toHaveBeenCalledTimes(1)
    expect(api.schools.list).toHaveBeenCalled()
    // The only kind is chosen already; the days are 7 unless changed.
    expect(text($('grant-kind')?.querySelector('.el-select__placeholder'))).toBe('家长回执名单（学生姓名）')
    expect($('grant-days')!.querySelector('input')!.value).toBe('7')

    // Nothing chosen nor said: checked first, nothing sent.
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).not.toHaveBeenCalled()
    expect(errorAt('grant-school')).toBe('请选择学校')
    expect(errorAt('grant-reason')).toBe('请填写查阅事由')

    await pick('grant-school', '示范区第二小学')
    expect(errorAt('grant-school')).toBeUndefined()
    await type('grant-reason', '  核查家长信回执  ')
    await type('grant-days', '10')
    $('grant-days')!.querySelector('input')!.dispatchEvent(new Event('change'))
    await settle()
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).toHaveBeenCalledWith({ unit_id: 22, kind: 'edu_letter_receipt', reason: '核查家长信回执', days: 10 })
    expect(saved).toHaveBeenCalledWith(created)
    expect(open.value).toBe(false)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已提交申请，等待学校负责人审批')
  })

  it('shows a letter’s school and receipts fixed, without asking for the schools', async () => {
    api.minors.request.mockResolvedValue(grant())
    await mountDialog({ school: { id: 21, name: '示范区双桥小学' }, kind: 'edu_letter_receipt' })
    expect(text($('grant-school-fixed'))).toBe('示范区双桥小学')
    expect(text($('grant-kind-fixed'))).toBe('家长回执名单（学生姓名）')
    expect($('grant-school')).toBeNull()
    expect($('grant-kind')).toBeNull()
    expect(api.schools.list).not.toHaveBeenCalled()
    await type('grant-reason', '核查回执')
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).toHaveBeenCalledWith({ unit_id: 21, kind: 'edu_letter_receipt', reason: '核查回执', days: 7 })
  })

  it('shows the server’s reasons at their fields (422) and keeps the dialog open', async () => {
    api.minors.request.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'validation_failed',
          message: '请求参数不合法',
          details: [
            { field: 'unit_id', reason: '本校人员按职责查看，无需申请' },
            { field: 'days', reason: '授权期限为 1 至 30 天' },
          ],
        },
        null,
      ),
    )
    const { open, saved } = await mountDialog({ school: { id: 21, name: '示范区双桥小学' }, kind: 'edu_letter_receipt' })
    await type('grant-reason', '核查回执')
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).toHaveBeenCalledTimes(1)
    expect(errorAt('grant-school-fixed')).toBe('本校人员按职责查看，无需申请')
    expect(errorAt('grant-days')).toBe('授权期限为 1 至 30 天')
    expect(errorAt('grant-reason')).toBeUndefined()
    expect(open.value).toBe(true)
    expect(saved).not.toHaveBeenCalled()
  })

  it('says a request already open (409) as a message, closes and has the requests read again', async () => {
    api.minors.request.mockRejectedValue(
      new ApiError(409, { code: 'minors.grant_open', message: '已有待审批或生效中的查阅申请', details: [] }, null),
    )
    const { open, changed, saved } = await mountDialog({ school: { id: 21, name: '示范区双桥小学' }, kind: 'edu_letter_receipt' })
    await type('grant-reason', '核查回执')
    $('grant-submit')!.click()
    await settle()
    expect(document.querySelector('.el-message')?.textContent).toContain('已有待审批或生效中的查阅申请')
    expect(open.value).toBe(false)
    expect(changed).toHaveBeenCalledTimes(1)
    expect(saved).not.toHaveBeenCalled()
  })
})
