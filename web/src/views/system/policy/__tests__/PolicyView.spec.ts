import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { PasswordPolicy } from '@/api/admin'

const api = vi.hoisted(() => ({ get: vi.fn(), update: vi.fn() }))
vi.mock('@/api/admin', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/admin')>()
  return { ...real, policyApi: api }
})

import PolicyView from '../PolicyView.vue'

vi.setConfig({ testTimeout: 60_000 })

const policy: PasswordPolicy = {
  min_length: 10,
  min_classes: 3,
  history: 5,
  max_age_days: 90,
  lockout_threshold: 5,
  lockout_minutes: 30,
  address_attempts_per_minute: 20,
  idle_minutes: 30,
  absolute_hours: 12,
  totp_required_for_admins: true,
}

function mountAs(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = {
    user: { id: 2, username: 'secadmin', display_name: '安全管理员' },
    unit: { id: 1, name: '示范区教育局', kind: 'bureau' },
    roles: [{ code: 'security_admin', name: '安全管理员' }],
    permissions,
    scope: { kind: 'all', unit_paths: [] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  } satisfies Me
  return mount(PolicyView, { global: { plugins: [ElementPlus, i18n, pinia] }, attachTo: document.body })
}

async function setNumber(w: ReturnType<typeof mountAs>, field: string, value: string): Promise<void> {
  const input = w.find(`[data-test="field-${field}"] input`)
  await input.setValue(value)
  await input.trigger('blur')
  await flushPromises()
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  api.get.mockReset().mockResolvedValue({ ...policy })
  api.update.mockReset().mockImplementation(async (p: PasswordPolicy) => p)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('PolicyView (SettingsForm)', () => {
  it('loads, shows what changed, undoes it, and saves the whole policy', async () => {
    const w = mountAs(['policy:read', 'policy:write'])
    await flushPromises()
    expect(api.get).toHaveBeenCalledTimes(1)
    expect((w.find('[data-test="field-min_length"] input').element as HTMLInputElement).value).toBe('10')
    expect(w.find('[data-test="revert"]').attributes('disabled')).toBeDefined()

    await setNumber(w, 'min_length', '12')
    expect(w.find('[data-test="revert"]').attributes('disabled')).toBeUndefined()
    await w.find('[data-test="revert"]').trigger('click')
    await flushPromises()
    expect((w.find('[data-test="field-min_length"] input').element as HTMLInputElement).value).toBe('10')

    await setNumber(w, 'lockout_minutes', '45')
    await w.find('[data-test="save"]').trigger('click')
    await flushPromises()
    expect(api.update).toHaveBeenCalledWith({ ...policy, lockout_minutes: 45 })
    expect(w.find('[data-test="revert"]').attributes('disabled')).toBeDefined()
    w.unmount()
  })

  it('shows the server’s reason next to its field', async () => {
    api.update.mockRejectedValue(
      new ApiError(422, { code: 'invalid_argument', message: '参数不合法', details: [{ field: 'idle_minutes', reason: '不能超过绝对时长' }] }, null),
    )
    const w = mountAs(['policy:read', 'policy:write'])
    await flushPromises()
    await w.find('[data-test="save"]').trigger('click')
    await flushPromises()
    const item = w.find('[data-test="field-idle_minutes"]').element.closest('.el-form-item')
    expect(item?.classList.contains('is-error')).toBe(true)
    await new Promise((r) => setTimeout(r, 300)) // Element Plus shows the message after a short delay
    expect(item?.textContent).toContain('不能超过绝对时长')
    w.unmount()
  })

  it('is read-only without policy:write', async () => {
    const w = mountAs(['policy:read'])
    await flushPromises()
    expect(w.find('[data-test="read-only"]').exists()).toBe(true)
    expect(w.find('[data-test="save"]').exists()).toBe(false)
    expect(w.find('[data-test="field-min_length"] input').attributes('disabled')).toBeDefined()
    w.unmount()
  })
})
