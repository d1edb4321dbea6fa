// 应急体系: a school user's own school, the bureau's pick (or ?unit_id=); the three checks with their
// outcomes and reasons; the editor's rows from the setup (a plan with its document, 下次修订 and
// 已逾期), rows added (the first role nobody takes yet) and removed; a plan's PDF uploaded at once
// and sent as file_id; 保存 with the version read and the checks judged anew; the server's reasons at
// their rows and fields (and those no field shows above the form), a stale version said with 刷新;
// the read-only setup for those who may not edit; and the printable emergency card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { BUREAU, newSetup, setup, user } from './fixtures'

const api = vi.hoisted(() => ({
  emergency: { get: vi.fn(), save: vi.fn(), overview: vi.fn(), export: vi.fn(), peopleTemplate: vi.fn(), exportPeople: vi.fn() },
  files: { upload: vi.fn(), url: (id: number) => `/api/v1/files/${id}` },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/emergency', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/emergency')>()
  return { ...real, emergencyApi: api.emergency }
})
vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: api.files }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import EmergencySetup from '../EmergencySetup.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'
import EmergencyCard from '../EmergencyCard.vue'

vi.setConfig({ testTimeout: 60_000 })


const OFFICER = () => user(['emergency:read', 'emergency:manage', 'school:read'])
const TEACHER = () => user(['emergency:read', 'school:read'], undefined, 'school1_teacher')
const OFFICE = () => user(['emergency:read', 'emergency:manage', 'school:read'], BUREAU, 'safety_office')

let router: Router
const mounted: VueWrapper[] = []

const ROUTES: [string, string][] = [['/emergency', 'emergency-setup'], ['/emergency/:unitId(\\d+)/card', 'emergency-card']]

async function mountPage(me: Me, path = '/emergency', component: typeof EmergencySetup | typeof EmergencyCard = EmergencySetup) {
  const at = await mountPageAt(component, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const value = (test: string) => ($(test) as HTMLInputElement | null)?.value
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function type(test: string, v: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input, textarea') ? found : found?.querySelector('input, textarea')) as HTMLInputElement
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

/** The component whose root is (or is inside) the element with data-test `test`. */
function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => !!(x.element as Element).closest?.(`[data-test="${test}"]`))
  expect(c, test).toBeTruthy()
  return c!
}

async function choose(w: VueWrapper, test: string, v: string): Promise<void> {
  const select = component(w, 'ElSelect', test)
  select.vm.$emit('update:modelValue', v)
  select.vm.$emit('change', v)
  await settle()
}

async function pickFile(test: string, file: File): Promise<void> {
  const input = $(test) as HTMLInputElement
  expect(input, test).toBeTruthy()
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.emergency), api.files.upload, api.schools.list]) fn.mockReset()
  api.emergency.get.mockImplementation(async () => setup())
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区青石第2小学' },
    ],
    total: 2,
  })
})
afterEach(async () => {
  await settle()
  for (const w of mounted.splice(0)) w.unmount()
  document.body.innerHTML = ''
})

describe('应急体系: what the page shows', () => {
  it('opens a school user’s own school: the checks, the people, the card’s facts and the plans', async () => {
    await mountPage(OFFICER())
    expect(api.emergency.get).toHaveBeenCalledWith(21)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect($('emergency-school')).toBeNull()
    expect(text('emergency-school-name')).toBe('示范区双桥小学')
    expect(text('emergency-updated')).toMatch(/^2026-12-06 \d\d:30:00（赵敏）$/)
    // 检查结果: each rule with its outcome and reason.
    expect(text('emergency-check-emergency.command-outcome')).toBe('达标')
    expect(text('emergency-check-emergency.unit-outcome')).toBe('未达标')
    expect($('emergency-check-emergency.unit')?.getAttribute('data-outcome')).toBe('fail')
    expect(text('emergency-check-emergency.unit-reason')).toContain('周边商户志愿者 0 人')
    expect(text('emergency-check-emergency.unit')).toContain('最小应急单元：保安员、教职工、周边志愿者人数和联系方式')
    // The rows.
    expect(value('emergency-command-row-0-name')).toBe('王建国')
    expect(value('emergency-command-row-0-phone')).toBe('13905710001')
    expect(value('emergency-unit-row-2-name')).toBe('郑磊')
    expect(value('emergency-unit-row-2-post')).toBe('班主任')
    expect(value('emergency-field-duty_phone')).toBe('0571-87650001')
    expect(value('emergency-field-gathering_point')).toBe('田径场')
    expect(value('emergency-plans-row-0-title')).toBe('学校突发事件综合应急预案')
    // A plan's document, 下次修订 and 已逾期.
    expect(text('emergency-plans-row-0-file-link')).toBe('综合应急预案.pdf')
    expect($('emergency-plans-row-0-file-link')?.getAttribute('href')).toBe('/api/v1/files/5')
    expect(text('emergency-plans-row-0-review_by')).toBe('2027-03-02')
    expect($('emergency-plans-row-0-overdue')).toBeNull()
    expect(text('emergency-plans-row-1-review_by')).toBe('2026-09-01')
    expect(text('emergency-plans-row-1-overdue')).toBe('已逾期')
    expect($('emergency-plans-row-1-file-link')).toBeNull()
    expect(text('emergency-plans-row-1-file-choose')).toBe('上传 PDF')
    expect($('emergency-print')?.hasAttribute('disabled')).toBe(false)
    expect($('emergency-dirty')).toBeNull()
  })

  it('shows a school without a setup: every check 未达标, empty lists, no card to print yet', async () => {
    api.emergency.get.mockResolvedValue(newSetup())
    await mountPage(OFFICER())
    expect(text('emergency-updated')).toBe('尚未建立')
    expect(text('emergency-check-emergency.command-reason')).toBe('尚未建立应急指挥体系')
    expect(text('emergency-command-empty')).toBe('尚未填写应急指挥体系人员')
    expect(text('emergency-unit-empty')).toBe('尚未填写最小应急单元人员')
    expect(text('emergency-plans-empty')).toBe('尚未登记应急预案')
    expect($('emergency-print')?.hasAttribute('disabled')).toBe(true)
  })

  it('shows the setup as text to those who may not edit it, with its checks and its card', async () => {
    api.emergency.get.mockResolvedValue(setup({ can_edit: false }))
    await mountPage(TEACHER())
    expect($('emergency-editor')).toBeNull()
    expect($('emergency-save')).toBeNull()
    expect($('emergency-readonly')).not.toBeNull()
    expect(text('emergency-check-emergency.unit-outcome')).toBe('未达标')
    const names = (list: string) => all(`sheet-${list}-row`).map((r) => r.querySelector('[data-test="sheet-name"]')?.textContent)
    expect(names('command')).toEqual(['王建国', '李春梅', '张伟', '刘强', '陈静', '周敏'])
    expect(names('unit')).toEqual(['孙海', '吴芳', '郑磊'])
    expect(all('sheet-unit-row')[0].textContent).toContain('保安员')
    expect(text('sheet-hospital')).toBe('区人民医院 0571-87650120')
    expect(text('sheet-plan-file')).toBe('综合应急预案.pdf')
    expect(text('sheet-plan-overdue')).toBe('已逾期')
    expect($('emergency-print')?.hasAttribute('disabled')).toBe(false)
  })

  it('lets the bureau pick a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.emergency.get).not.toHaveBeenCalled()
    expect($('emergency-pick')).not.toBeNull()
    expect(api.schools.list).toHaveBeenCalled()
    component(w, 'ElSelect', 'emergency-school').vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.emergency.get).toHaveBeenCalledWith(22)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.emergency.get.mockClear()
    await mountPage(OFFICE(), '/emergency?unit_id=21')
    expect(api.emergency.get).toHaveBeenCalledWith(21)
    expect(text('emergency-school-name')).toBe('示范区双桥小学')
  })

  it('says so when the school is not in scope', async () => {
    api.emergency.get.mockRejectedValue(apiError(404, [], '学校不存在或不在您的管辖范围内'))
    await mountPage(OFFICE(), '/emergency?unit_id=99')
    expect($('emergency-editor')).toBeNull()
    expect(document.body.textContent).toContain('不存在')
  })
})

describe('应急体系: the editor', () => {
  it('adds a person in the first role nobody takes yet, removes rows, and says the changes are unsaved', async () => {
    await mountPage(OFFICER())
    await click('emergency-unit-add')
    expect(component(mounted[0], 'ElSelect', 'emergency-unit-row-3-role').props('modelValue')).toBe('volunteer')
    expect(document.activeElement).toBe($('emergency-unit-row-3-role')?.querySelector('input'))
    expect(text('emergency-dirty')).toBe('有未保存的修改')
    await click('emergency-command-add')
    expect(component(mounted[0], 'ElSelect', 'emergency-command-row-6-role').props('modelValue')).toBe('medical')
    await click('emergency-unit-row-0-remove')
    expect(value('emergency-unit-row-0-name')).toBe('吴芳')
    expect($('emergency-unit-row-3')).toBeNull()
    await click('emergency-plans-add')
    expect(component(mounted[0], 'ElSelect', 'emergency-plans-row-2-kind').props('modelValue')).toBe('special')
    expect(text('emergency-plans-row-2-review_by')).toBe('填写修订日期后计算')
  })

  it('saves the whole setup with the version read, and shows the checks judged anew', async () => {
    const saved = setup({ version: 4 })
    saved.checks[1] = { ...saved.checks[1], outcome: 'pass', outcome_label: '达标', reason: '保安员 1 人，教职工 2 人，周边商户志愿者 1 人，均有联系电话' }
    api.emergency.save.mockResolvedValue(saved)
    const w = await mountPage(OFFICER())
    await click('emergency-unit-add')
    await choose(w, 'emergency-unit-row-3-role', 'volunteer')
    await type('emergency-unit-row-3-name', ' 赵明 ')
    await type('emergency-unit-row-3-post', '双桥便利店')
    await type('emergency-unit-row-3-phone', '13905710009')
    await type('emergency-field-police_station', '城关派出所')
    await click('emergency-save')
    expect(api.emergency.save).toHaveBeenCalledTimes(1)
    const [id, body] = api.emergency.save.mock.calls[0]
    expect(id).toBe(21)
    expect(body.version).toBe(3)
    expect(body.unit[3]).toEqual({ role: 'volunteer', name: '赵明', post: '双桥便利店', phone: '13905710009' })
    expect(body.police_station).toBe('城关派出所')
    expect(body.plans[0]).toEqual({ title: '学校突发事件综合应急预案', kind: 'overall', revised_on: '2026-03-02', file_id: 5 })
    expect(text('emergency-check-emergency.unit-outcome')).toBe('达标')
    expect($('emergency-dirty')).toBeNull()
    expect(document.body.textContent).toContain('已保存')
  })

  it('shows the server’s reasons at their rows and fields, lists the others, and clears a reason once its field changes', async () => {
    api.emergency.save.mockRejectedValue(
      apiError(422, [
        { field: 'unit[2].phone', reason: '联系电话须为 11 位手机号或固定电话（如 0571-87654321）' },
        { field: 'command[0].name', reason: '王建国在同一职责中重复' },
        { field: 'plans[1].revised_on', reason: '修订日期不能晚于今天' },
        { field: 'plans[0].file_id', reason: '文件不存在或已被使用' },
        { field: 'duty_phone', reason: '联系电话须为 11 位手机号或固定电话（如 0571-87654321）' },
        { field: 'plans', reason: '应急预案不能超过 20 份' },
        { field: 'version', reason: '未知' },
      ]),
    )
    await mountPage(OFFICER())
    await type('emergency-unit-row-2-phone', '12345')
    await click('emergency-save')
    expect(errorOf('emergency-unit-row-2-phone')).toBe('联系电话须为 11 位手机号或固定电话（如 0571-87654321）')
    expect(errorOf('emergency-command-row-0-name')).toBe('王建国在同一职责中重复')
    expect(errorOf('emergency-plans-row-1-revised_on')).toBe('修订日期不能晚于今天')
    expect(errorOf('emergency-plans-row-0-file')).toBe('文件不存在或已被使用')
    expect(errorOf('emergency-field-duty_phone')).toBe('联系电话须为 11 位手机号或固定电话（如 0571-87654321）')
    expect(text('emergency-plans-error')).toBe('应急预案不能超过 20 份')
    expect(text('emergency-unit-row-2-problems')).toBe('1 处需修改')
    expect(text('emergency-errors')).toContain('未知')
    expect(text('emergency-dirty')).toBe('有未保存的修改')
    // Changing the phone clears its reason; the others stay.
    await type('emergency-unit-row-2-phone', '13905710010')
    await settle()
    expect(errorOf('emergency-unit-row-2-phone')).toBe('')
    expect(errorOf('emergency-command-row-0-name')).toBe('王建国在同一职责中重复')
    await type('emergency-field-duty_phone', '0571-87650009')
    await settle()
    expect(errorOf('emergency-field-duty_phone')).toBe('')
    // Removing a plan: the numbers of the list's reasons move, so they go.
    await click('emergency-plans-row-1-remove')
    expect(errorOf('emergency-plans-row-0-file')).toBe('')
    expect($('emergency-plans-error')).toBeNull()
    expect(errorOf('emergency-command-row-0-name')).toBe('王建国在同一职责中重复')
  })

  it('says a stale version (409) with 刷新, which reads the setup again', async () => {
    api.emergency.save.mockRejectedValue(apiError(409, [{ field: 'emergency.stale', reason: 'x' }], '应急体系刚被他人修改，请刷新后再试'))
    await mountPage(OFFICER())
    await type('emergency-field-hospital', '市中医院')
    await click('emergency-save')
    expect(text('emergency-stale')).toContain('应急体系刚被他人修改，请刷新后再试')
    expect(api.emergency.get).toHaveBeenCalledTimes(1)
    await click('emergency-refresh')
    expect(api.emergency.get).toHaveBeenCalledTimes(2)
    expect($('emergency-stale')).toBeNull()
    expect(value('emergency-field-hospital')).toBe('区人民医院 0571-87650120')
  })

  it('uploads a plan’s PDF at once and sends its id; replaces and removes it', async () => {
    api.files.upload.mockImplementation(async (_f: Blob, name: string, onProgress?: (p: number) => void) => {
      onProgress?.(50)
      return { id: 77, name, content_type: 'application/pdf', size: 3, sha256: 'x', url: '/api/v1/files/77' }
    })
    api.emergency.save.mockResolvedValue(setup({ version: 4 }))
    await mountPage(OFFICER())
    await pickFile('emergency-plans-row-1-file-input', new File(['pdf'], '消防预案.pdf', { type: 'application/pdf' }))
    expect(api.files.upload).toHaveBeenCalledTimes(1)
    expect(api.files.upload.mock.calls[0][1]).toBe('消防预案.pdf')
    expect(text('emergency-plans-row-1-file-link')).toBe('消防预案.pdf')
    expect($('emergency-plans-row-1-file-link')?.getAttribute('href')).toBe('/api/v1/files/77')
    expect(text('emergency-plans-row-1-file-choose')).toBe('更换')
    // The first plan's document removed.
    await click('emergency-plans-row-0-file-remove')
    expect($('emergency-plans-row-0-file-link')).toBeNull()
    await click('emergency-save')
    const body = api.emergency.save.mock.calls[0][1]
    expect(body.plans.map((p: { file_id: number | null }) => p.file_id)).toEqual([null, 77])
  })

  it('refuses a document over the limit without uploading it, and says a failed upload', async () => {
    await mountPage(OFFICER())
    const big = new File(['x'], '大文件.pdf', { type: 'application/pdf' })
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 })
    await pickFile('emergency-plans-row-1-file-input', big)
    expect(api.files.upload).not.toHaveBeenCalled()
    expect(text('emergency-plans-row-1-file-refusal')).toBe('大文件.pdf 超过 20 MB，无法上传')
    api.files.upload.mockRejectedValue(new Error('网络错误'))
    await pickFile('emergency-plans-row-1-file-input', new File(['pdf'], 'a.pdf', { type: 'application/pdf' }))
    expect(text('emergency-plans-row-1-file-refusal')).toBe('a.pdf 上传失败：网络错误')
    expect($('emergency-plans-row-1-file-link')).toBeNull()
  })

  it('leaves 下次修订 to the server once the revision day changes', async () => {
    const w = await mountPage(OFFICER())
    component(w, 'ElDatePicker', 'emergency-plans-row-1-revised_on').vm.$emit('update:modelValue', '2026-11-30')
    await settle()
    expect(text('emergency-plans-row-1-review_by')).toBe('保存后计算')
    expect($('emergency-plans-row-1-overdue')).toBeNull()
    expect(text('emergency-plans-row-0-review_by')).toBe('2027-03-02')
  })

  it('opens the emergency card', async () => {
    await mountPage(OFFICER())
    await click('emergency-print')
    expect(router.currentRoute.value.fullPath).toBe('/emergency/21/card')
  })
})

describe('应急卡', () => {
  it('prints the numbers to call, the help nearby, the command structure and the minimal emergency unit', async () => {
    await mountPage(OFFICER(), '/emergency/21/card', EmergencyCard)
    expect(api.emergency.get).toHaveBeenCalledWith(21)
    expect(text('card-title')).toBe('示范区双桥小学应急卡')
    expect(text('card-police').replace(/\s+/g, '')).toBe('报警110')
    expect(text('card-fire').replace(/\s+/g, '')).toBe('火警119')
    expect(text('card-ambulance').replace(/\s+/g, '')).toBe('急救120')
    expect(text('card-duty-phone')).toBe('0571-87650001')
    expect(text('card-police_station')).toBe('城关派出所 0571-87650110')
    expect(text('card-hospital')).toBe('区人民医院 0571-87650120')
    expect(text('card-gathering_point')).toBe('田径场')
    // 总指挥 first, then each group, in the server's order.
    const roles = [...document.querySelectorAll('[data-test="card-command"] tr th')].map((th) => th.textContent?.trim())
    expect(roles).toEqual(['总指挥', '副总指挥', '疏散引导组', '抢险救援组', '通讯联络组', '后勤保障组'])
    expect(text('card-command-commander')).toContain('王建国')
    expect(text('card-command-commander')).toContain('13905710001')
    expect(text('card-unit-staff')).toContain('吴芳')
    expect(text('card-unit-staff')).toContain('无电话')
    expect($('card-unit-volunteer')).toBeNull()
    expect($('card-not-written')).toBeNull()
    expect(text('card-updated')).toBe('更新于 2026-12-06')
    expect($('card-back')?.getAttribute('href')).toBe('/emergency?unit_id=21')
  })

  it('says a school has no setup yet', async () => {
    api.emergency.get.mockResolvedValue(newSetup())
    await mountPage(OFFICER(), '/emergency/21/card', EmergencyCard)
    expect(text('card-not-written')).toBe('本校尚未建立应急体系，请先在“应急体系”中填写。')
    expect(text('card-duty-phone')).toBe('未填写')
    expect($('card-command')).toBeNull()
    expect($('card-updated')).toBeNull()
  })
})
