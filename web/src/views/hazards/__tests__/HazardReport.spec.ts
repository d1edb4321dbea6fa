import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { useDictStore } from '@/stores/dict'
import type { Me } from '@/api/auth'
import { draftText, emptyReport, reportDraftKey } from '../hazardHelpers'

const api = vi.hoisted(() => ({
  hazards: { create: vi.fn() },
  schools: { list: vi.fn(), get: vi.fn() },
}))

vi.mock('@/api/hazards', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/hazards')>()
  return { ...real, hazardsApi: api.hazards }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import HazardReport from '../HazardReport.vue'

vi.setConfig({ testTimeout: 60_000 })

const me: Me = {
  user: { id: 8, username: 'school1_safety', display_name: '安全干部' },
  unit: { id: 21, name: '示范区双桥小学', kind: 'school' },
  roles: [{ code: 'school_safety_officer', name: '学校安全干部' }],
  permissions: ['hazard:read', 'hazard:report'],
  scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
  csrf_token: 'x',
  must_change_password: false,
  must_enroll_totp: false,
}
const KEY = reportDraftKey('school1_safety')
const photo = { id: 12, name: '灭火器.jpg', content_type: 'image/jpeg', size: 1_048_576, sha256: 'ab', url: '/api/v1/files/12' }

/** Element Plus shows a form item's error after a debounce; the draft is saved 400 ms after a change. */
const settle = async (ms = 150) => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, ms))
  await flushPromises()
}

const mounted: VueWrapper[] = []

async function mountReport() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const dict = useDictStore()
  dict.data = {
    ...(dict.data ?? {}),
    hazard_domains: [{ code: 'fire', label: '消防安全' }],
    hazard_sources: [{ code: 'self_inspection', label: '学校自查' }],
  } as typeof dict.data
  const Stub = defineComponent({ template: '<div />' })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/hazards/new', name: 'hazard-new', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
    ],
  })
  await router.push('/hazards/new')
  await router.isReady()
  const w = mount(HazardReport, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  mounted.push(w)
  await flushPromises()
  return { w, router }
}

function chooseDomain(w: VueWrapper) {
  const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-test') === 'field-domain')!
  select.vm.$emit('update:modelValue', 'fire')
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  localStorage.clear()
  api.hazards.create.mockReset()
  api.schools.get.mockReset()
  api.schools.get.mockResolvedValue({ buildings: [], key_places: [] })
})
afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
  localStorage.clear()
})

describe('HazardReport: a major hazard', () => {
  it('shows the five-in-place as optional, with no error, and reports without them', async () => {
    const { w, router } = await mountReport()
    chooseDomain(w)
    await w.find('[data-test="field-title"]').setValue('配电房门锁损坏')
    await w.find('[data-test="level-major"] input').setValue(true)
    await settle()
    expect(w.find('[data-test="field-five.measures"]').exists()).toBe(true)
    expect(w.find('[data-test="five-later"]').text()).toBe('重大隐患销号前须填齐五落实，可稍后补充')
    // Leaving a five field empty marks nothing.
    await w.find('[data-test="field-five.measures"]').trigger('blur')
    await settle()
    expect(w.findAll('.el-form-item.is-error')).toHaveLength(0)
    expect(w.findAll('.el-form-item.is-required').map((x) => x.find('.el-form-item__label').text())).not.toContain('整改措施')

    api.hazards.create.mockResolvedValue({ id: 77 })
    await w.find('[data-test="save"]').trigger('click')
    await settle()
    // The form passed its checks with the five empty, and the report went out.
    expect(api.hazards.create).toHaveBeenCalledTimes(1)
    expect(api.hazards.create.mock.calls[0][0]).toMatchObject({ school_id: 21, level: 'major', domain: 'fire', title: '配电房门锁损坏' })
    expect(router.currentRoute.value.fullPath).toBe('/hazards/77')
    // The emptied form (kept for the next report) shows no error either.
    expect(w.findAll('.el-form-item__error')).toHaveLength(0)
  })
})

describe('HazardReport: the draft', () => {
  it('saves what was typed a moment later, under the user’s key', async () => {
    const { w } = await mountReport()
    expect(w.find('[data-test="draft-restored"]').exists()).toBe(false)
    await w.find('[data-test="field-title"]').setValue('楼梯扶手松动')
    expect(localStorage.getItem(KEY)).toBeNull() // not on every key stroke
    await settle(500)
    const saved = JSON.parse(localStorage.getItem(KEY)!)
    expect(saved.form.title).toBe('楼梯扶手松动')
    expect(saved.photos).toEqual([])
  })

  it('restores the form and the uploaded photos with a notice; 清除草稿 empties both', async () => {
    localStorage.setItem(KEY, draftText({ ...emptyReport(21), domain: 'fire', title: '楼梯扶手松动', description: '三楼东侧' }, [photo]))
    const { w } = await mountReport()
    expect(w.find('[data-test="draft-restored"]').text()).toContain('已恢复未提交的草稿')
    expect((w.find('[data-test="field-title"]').element as HTMLInputElement).value).toBe('楼梯扶手松动')
    expect((w.find('textarea[data-test="field-description"]').element as HTMLTextAreaElement).value).toBe('三楼东侧')
    expect(w.findAll('[data-test="photo-thumb"]')).toHaveLength(1)

    await w.find('[data-test="draft-clear"]').trigger('click')
    await settle(500)
    expect(w.find('[data-test="draft-restored"]').exists()).toBe(false)
    expect((w.find('[data-test="field-title"]').element as HTMLInputElement).value).toBe('')
    expect(w.findAll('[data-test="photo-thumb"]')).toHaveLength(0)
    expect(localStorage.getItem(KEY)).toBeNull()
  })

  it('ignores a corrupt draft, and another user’s', async () => {
    localStorage.setItem(KEY, '{"format":"hazard-report-draft/1","form":')
    localStorage.setItem(reportDraftKey('school2_safety'), draftText({ ...emptyReport(22), title: '别校的隐患' }, []))
    const { w } = await mountReport()
    expect(w.find('[data-test="draft-restored"]').exists()).toBe(false)
    expect((w.find('[data-test="field-title"]').element as HTMLInputElement).value).toBe('')
  })

  it('is gone once the report is sent', async () => {
    localStorage.setItem(KEY, draftText({ ...emptyReport(21), domain: 'fire', title: '楼梯扶手松动' }, [photo]))
    api.hazards.create.mockResolvedValue({ id: 78 })
    const { w, router } = await mountReport()
    await w.find('[data-test="save"]').trigger('click')
    await settle(500)
    expect(api.hazards.create.mock.calls[0][0]).toMatchObject({ title: '楼梯扶手松动', file_ids: [12] })
    expect(router.currentRoute.value.fullPath).toBe('/hazards/78')
    expect(localStorage.getItem(KEY)).toBeNull()
    expect(w.find('[data-test="draft-restored"]').exists()).toBe(false)
  })
})
