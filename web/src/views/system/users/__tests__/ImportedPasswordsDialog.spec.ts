import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'

const clip = vi.hoisted(() => ({ copyText: vi.fn() }))
vi.mock('../clipboard', () => clip)

import ImportedPasswordsDialog from '../ImportedPasswordsDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const accounts = [
  { username: 'li_si', display_name: '李四', initial_password: 'Ab3#Ab3#Ab3#Ab3#' },
  { username: 'wang_wu', display_name: '王五', initial_password: 'Xy9!Xy9!Xy9!Xy9!' },
]

afterEach(() => {
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('ImportedPasswordsDialog', () => {
  it('is closed without accounts', async () => {
    const w = mount(ImportedPasswordsDialog, { props: { accounts: [] }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    expect(document.body.querySelector('[data-test="imported-passwords"]')).toBeNull()
    w.unmount()
  })

  it('copies every account with its password in one go, and closes on 我已记下', async () => {
    i18n.global.locale.value = 'zh-CN'
    clip.copyText.mockResolvedValue(true)
    const w = mount(ImportedPasswordsDialog, { props: { accounts }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    const button = document.body.querySelector<HTMLButtonElement>('[data-test="copy-all-passwords"]')!
    expect(button.textContent).toContain('复制全部')
    button.click()
    await flushPromises()
    expect(clip.copyText).toHaveBeenCalledWith('用户名\t姓名\t初始密码\nli_si\t李四\tAb3#Ab3#Ab3#Ab3#\nwang_wu\t王五\tXy9!Xy9!Xy9!Xy9!')
    await vi.waitFor(() => expect(button.textContent).toContain('已复制'))
    document.body.querySelector<HTMLButtonElement>('[data-test="close-imported-passwords"]')!.click()
    await flushPromises()
    expect(w.emitted('close')).toHaveLength(1)
    w.unmount()
  })

  it('says so when the browser would not copy', async () => {
    clip.copyText.mockResolvedValue(false)
    const w = mount(ImportedPasswordsDialog, { props: { accounts }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('[data-test="copy-all-passwords"]')!.click()
    await vi.waitFor(() => expect(document.body.querySelector('.el-message--warning')?.textContent).toContain('无法自动复制'))
    w.unmount()
  })
})
