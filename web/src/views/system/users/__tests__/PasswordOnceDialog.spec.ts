import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'

const clip = vi.hoisted(() => ({ copyText: vi.fn() }))
vi.mock('../clipboard', () => clip)

import PasswordOnceDialog from '../PasswordOnceDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

afterEach(() => {
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

const mountDialog = (password: string) =>
  mount(PasswordOnceDialog, {
    props: { username: 'li_si', password, reason: 'reset' as const },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })

describe('PasswordOnceDialog', () => {
  it('is closed without a password', async () => {
    const w = mountDialog('')
    await flushPromises()
    expect(document.body.querySelector('[data-test="password-dialog"]')).toBeNull()
    w.unmount()
  })

  it('shows the password once, copies it, says 已复制 and closes on 我已记下', async () => {
    i18n.global.locale.value = 'zh-CN'
    clip.copyText.mockResolvedValue(true)
    const w = mountDialog('Ab3#Ab3#Ab3#Ab3#')
    await flushPromises()
    expect(document.body.querySelector('[data-test="initial-password"]')?.textContent).toBe('Ab3#Ab3#Ab3#Ab3#')
    const button = document.body.querySelector<HTMLButtonElement>('[data-test="copy-password"]')!
    expect(button.textContent).not.toContain('已复制')
    button.click()
    await flushPromises()
    expect(clip.copyText).toHaveBeenCalledWith('Ab3#Ab3#Ab3#Ab3#')
    await vi.waitFor(() => expect(button.textContent).toContain('已复制'))
    document.body.querySelector<HTMLButtonElement>('[data-test="close-password"]')!.click()
    await flushPromises()
    expect(w.emitted('close')).toHaveLength(1)
    w.unmount()
  })

  it('says so when the browser would not copy, and the button stays as it was', async () => {
    i18n.global.locale.value = 'zh-CN'
    clip.copyText.mockResolvedValue(false)
    const w = mountDialog('Xy9!Xy9!Xy9!Xy9!')
    await flushPromises()
    const button = document.body.querySelector<HTMLButtonElement>('[data-test="copy-password"]')!
    button.click()
    await vi.waitFor(() => expect(document.body.querySelector('.el-message--warning')).not.toBeNull())
    expect(button.textContent).not.toContain('已复制')
    w.unmount()
  })
})
