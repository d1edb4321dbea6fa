// 一校一策: a school user's own school, the bureau's pick (or ?unit_id=), the state, semester and day
// published; the editor's rows from the guide (a sent need locked: 已报送 with 吹哨 #N), rows added and
// removed, a peak following its gate; 保存 with the version read, 发布 and 报送交警 asked first (saving
// unsaved changes first), the server's reasons at their rows, fields and lists (and those no field
// shows above the form), a stale version said with 刷新, nothing left to send reloaded; the read-only
// guide for those who may not edit; and the paper for the parents.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import type { TrafficGuide as Guide } from '@/api/traffic'
import { BUREAU, user } from './fixtures'
import { guide, newGuide } from './guideFixtures'

const api = vi.hoisted(() => ({
  guides: { get: vi.fn(), save: vi.fn(), publish: vi.fn(), sendNeeds: vi.fn(), overview: vi.fn(), export: vi.fn() },
  schools: { list: vi.fn() },
  confirm: vi.fn(),
}))

vi.mock('@/api/traffic', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/traffic')>()
  return { ...real, trafficGuideApi: api.guides }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import TrafficGuide from '../TrafficGuide.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'
import TrafficGuidePrint from '../TrafficGuidePrint.vue'

vi.setConfig({ testTimeout: 60_000 })


const OFFICER_PERMS = ['traffic:read', 'traffic:manage', 'traffic:gate', 'whistle:raise', 'whistle:read', 'school:read']
const OFFICER = () => user(OFFICER_PERMS)
const OFFICE = () => user(['traffic:read', 'traffic:manage', 'school:read'], BUREAU, 'safety_office')
const INSPECTOR = () => user(['traffic:read', 'school:read'], BUREAU, 'inspector')

let router: Router
/** Mounted this test, unmounted after it (an autosized textarea measures itself a tick later). */
const mounted: VueWrapper[] = []

const ROUTES: [string, string][] = [['/traffic/guide', 'traffic-guide'], ['/traffic/guide/:unitId(\\d+)/print', 'traffic-guide-print'], ['/whistles/:id(\\d+)', 'whistle-detail']]

async function mountPage(me: Me, path = '/traffic/guide', component: typeof TrafficGuide | typeof TrafficGuidePrint = TrafficGuide) {
  const at = await mountPageAt(component, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

async function type(test: string, value: string): Promise<void> {
  const found = $(test)
  const el = (found?.matches('input, textarea') ? found : found?.querySelector('input, textarea')) as HTMLInputElement
  expect(el, test).toBeTruthy()
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function click(test: string): Promise<void> {
  const el = $(test)
  expect(el, test).toBeTruthy()
  el!.click()
  await settle()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.guides), api.schools.list, api.confirm]) fn.mockReset()
  api.guides.get.mockImplementation(async () => guide())
  api.confirm.mockResolvedValue(true)
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

describe('一校一策: what the page shows', () => {
  it('opens a school user’s own school: the state, semester and day published, the rows, a sent need locked with its whistle', async () => {
    await mountPage(OFFICER())
    expect(api.guides.get).toHaveBeenCalledWith(21)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect($('guide-school')).toBeNull()
    expect(text('guide-school-name')).toBe('示范区双桥小学')
    expect(text('guide-state')).toBe('本学期已发布')
    expect(text('guide-term')).toBe('2026—2027学年第一学期')
    expect(text('guide-published')).toBe('2026-12-07（安全干部）')
    expect(($('gates-0-name') as HTMLInputElement).value).toBe('南门')
    expect(($('gates-1-hours') as HTMLInputElement).value).toBe('')
    expect(($('peaks-0-grade') as HTMLInputElement).value).toBe('一年级')
    expect(($('posts-0-people') as HTMLInputElement).value).toBe('王老师、家长志愿者2人')
    expect(($('field-police_duty') as HTMLTextAreaElement).value).toBe('高峰时段派1名民警在南门路口疏导交通。')
    // The sent need: text, 已报送 and its whistle; removable, not editable.
    expect(text('needs-0-sent')).toBe('已报送')
    expect(text('needs-0-whistle')).toBe('吹哨 #32')
    expect($('needs-0-whistle')?.getAttribute('href')).toBe('/whistles/32')
    expect(text('needs-0-location')).toBe('南门前人民路')
    expect($('needs-0')?.querySelector('input, textarea')).toBeNull()
    expect($('needs-0-remove')).not.toBeNull()
    // The need not sent is editable, and 报送交警 offered.
    expect(($('needs-1-location') as HTMLInputElement).value).toBe('北门前')
    expect(text('guide-send')).toBe('报送交警')
    expect($('guide-dirty')).toBeNull()
  })

  it('shows a guide not written yet as 未制定: nothing to publish, print or send', async () => {
    api.guides.get.mockResolvedValue(newGuide())
    await mountPage(OFFICER())
    expect(text('guide-state')).toBe('未制定')
    expect(text('guide-published')).toBe('尚未发布')
    expect(text('gates-empty')).toBe('尚未填写校门')
    expect($('guide-publish')?.hasAttribute('disabled')).toBe(true)
    expect($('guide-print')?.hasAttribute('disabled')).toBe(true)
    expect($('guide-send')).toBeNull()
  })

  it('shows the guide as text to those who may not edit it', async () => {
    api.guides.get.mockResolvedValue(guide({ can_edit: false, can_send_needs: false }))
    await mountPage(INSPECTOR(), '/traffic/guide?unit_id=21')
    expect(api.guides.get).toHaveBeenCalledWith(21)
    expect($('guide-editor')).toBeNull()
    expect($('guide-save')).toBeNull()
    expect($('guide-send')).toBeNull()
    expect($('guide-readonly')).not.toBeNull()
    expect([...document.querySelectorAll('[data-test="sheet-gate-name"]')].map((e) => e.textContent)).toEqual(['南门', '北门'])
    expect(text('sheet-need-whistle')).toBe('吹哨 #32')
    // The console shows the staff's parking too (the paper does not).
    expect(document.querySelectorAll('[data-test="sheet-zone"]').length).toBe(2)
  })

  it('lets the bureau pick a school, or opens the one a link names', async () => {
    const w = await mountPage(OFFICE())
    expect(api.guides.get).not.toHaveBeenCalled()
    expect($('guide-pick')).not.toBeNull()
    expect(api.schools.list).toHaveBeenCalled()
    component(w, 'ElSelect', 'guide-school').vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.guides.get).toHaveBeenCalledWith(22)
    mounted.splice(0).forEach((x) => x.unmount())
    document.body.innerHTML = ''

    api.guides.get.mockClear()
    await mountPage(OFFICE(), '/traffic/guide?unit_id=21')
    expect(api.guides.get).toHaveBeenCalledWith(21)
    expect(text('guide-state')).toBe('本学期已发布')
  })

  it('says so when the school is not in scope', async () => {
    api.guides.get.mockRejectedValue(apiError(404, [], '学校不存在或不在您的管辖范围内'))
    await mountPage(OFFICE(), '/traffic/guide?unit_id=99')
    expect($('guide-editor')).toBeNull()
    expect(document.body.textContent).toContain('不存在')
  })
})

describe('一校一策: the editor', () => {
  it('adds and removes rows, up to the limit of the needs', async () => {
    api.guides.get.mockResolvedValue(newGuide())
    await mountPage(OFFICER())
    await click('gates-add')
    await click('gates-add')
    expect(document.querySelectorAll('[data-test^="gates-"][data-test$="-remove"]').length).toBe(2)
    await click('gates-0-remove')
    expect($('gates-1')).toBeNull()
    expect(text('guide-dirty')).toBe('有未保存的修改')
    for (let i = 0; i < 10; i++) await click('needs-add')
    expect($('needs-add')?.hasAttribute('disabled')).toBe(true)
    expect(document.body.textContent).toContain('最多 10 条')
  })

  it('renames a gate in the peaks naming it, and clears it from them when the gate goes', async () => {
    const w = await mountPage(OFFICER())
    const gate = () => component(w, 'ElSelect', 'peaks-0-gate').props('modelValue')
    expect(gate()).toBe('南门')
    await type('gates-0-name', '南大门')
    await settle()
    expect(gate()).toBe('南大门')
    await click('gates-0-remove')
    expect(gate()).toBe('')
  })

  it('saves the whole guide with the version read, and shows what the server answers', async () => {
    api.guides.save.mockImplementation(async (_id: number, body: { version: number }) => guide({ version: body.version + 1, published_version: 4, state: 'changed', state_label: '修改未发布' }))
    await mountPage(OFFICER())
    await type('gates-1-hours', ' 06:30—08:00 ')
    await type('field-separation', '学生走南门，车辆走北门。')
    await click('guide-save')
    expect(api.guides.save).toHaveBeenCalledTimes(1)
    const [id, body] = api.guides.save.mock.calls[0]
    expect(id).toBe(21)
    expect(body.version).toBe(4)
    expect(body.gates[1]).toEqual({ name: '北门', use: 'vehicles', hours: '06:30—08:00' })
    expect(body.separation).toBe('学生走南门，车辆走北门。')
    // The sent need goes back as read.
    expect(body.needs[0]).toEqual({ kind: 'crossing', location: '南门前人民路', description: '需施划人行横道', whistle_id: 32 })
    expect(text('guide-state')).toBe('修改未发布')
    expect($('guide-dirty')).toBeNull()
    expect(document.body.textContent).toContain('已保存')
  })

  it('shows the server’s reasons at their rows and fields, lists the others, and clears a reason once its field changes', async () => {
    api.guides.save.mockRejectedValue(
      apiError(422, [
        { field: 'peaks[0].to', reason: '结束时间须晚于开始时间' },
        { field: 'peaks[0].gate', reason: '校门“东门”不在本方案的校门中' },
        { field: 'gates[1].name', reason: '校门“南门”重复' },
        { field: 'needs[0]', reason: '已报送交警的需求不能修改，可删除后重新填写' },
        { field: 'police_duty', reason: '高峰勤务安排不能超过 500 个字' },
        { field: 'unit_id', reason: '未知' },
      ]),
    )
    await mountPage(OFFICER())
    await type('field-police_unit', '城关中队')
    await click('guide-save')
    expect(errorOf('peaks-0-to')).toBe('结束时间须晚于开始时间')
    expect(errorOf('peaks-0-gate')).toBe('校门“东门”不在本方案的校门中')
    expect(errorOf('gates-1-name')).toBe('校门“南门”重复')
    expect(errorOf('field-police_duty')).toBe('高峰勤务安排不能超过 500 个字')
    expect(text('needs-0-error')).toBe('已报送交警的需求不能修改，可删除后重新填写')
    expect(text('peaks-0-problems')).toBe('2 处需修改')
    expect(text('guide-errors')).toContain('未知')
    expect(text('guide-state')).toBe('本学期已发布')
    // Changing the name clears its reason; the others stay.
    await type('gates-1-name', '西门')
    await settle()
    expect(errorOf('gates-1-name')).toBe('')
    expect(errorOf('peaks-0-to')).toBe('结束时间须晚于开始时间')
    // Removing a row: the numbers of the list's reasons move, so they go.
    await click('peaks-1-remove')
    expect(errorOf('peaks-0-to')).toBe('')
    expect(errorOf('field-police_duty')).toBe('高峰勤务安排不能超过 500 个字')
  })

  it('says a stale version (409) with 刷新, which reads the guide again', async () => {
    api.guides.save.mockRejectedValue(apiError(409, [{ field: 'traffic.stale', reason: 'x' }], '一校一策刚被他人修改，请刷新后再试'))
    await mountPage(OFFICER())
    await type('field-after_school', '不聚集')
    await click('guide-save')
    expect(text('guide-stale')).toContain('一校一策刚被他人修改，请刷新后再试')
    expect(api.guides.get).toHaveBeenCalledTimes(1)
    await click('guide-refresh')
    expect(api.guides.get).toHaveBeenCalledTimes(2)
    expect($('guide-stale')).toBeNull()
    expect(($('field-after_school') as HTMLTextAreaElement).value).toBe('放学后不在校门口逗留。')
  })
})

describe('一校一策: 发布 and 报送交警', () => {
  it('publishes the version read once confirmed; not when declined', async () => {
    api.guides.get.mockResolvedValue(guide({ state: 'draft', state_label: '未发布', published_on: '', published_version: 0, published_by_name: '' }))
    api.guides.publish.mockResolvedValue(guide({ version: 5, published_version: 5 }))
    await mountPage(OFFICER())
    api.confirm.mockResolvedValueOnce(false)
    await click('guide-publish')
    expect(api.confirm).toHaveBeenCalledWith('确定发布示范区双桥小学的交通安全一校一策吗？发布后可打印发给家长。', 'info')
    expect(api.guides.publish).not.toHaveBeenCalled()
    await click('guide-publish')
    expect(api.guides.save).not.toHaveBeenCalled()
    expect(api.guides.publish).toHaveBeenCalledWith(21, 4)
    expect(text('guide-state')).toBe('本学期已发布')
    expect(document.body.textContent).toContain('已发布')
  })

  it('saves unsaved changes first, then publishes the version saved', async () => {
    api.guides.save.mockResolvedValue(guide({ version: 5, published_version: 4, state: 'changed', state_label: '修改未发布' }))
    api.guides.publish.mockResolvedValue(guide({ version: 6, published_version: 6 }))
    await mountPage(OFFICER())
    await type('field-early_arrival', '在等候区看护')
    await click('guide-publish')
    expect(api.confirm.mock.calls[0][0]).toContain('有未保存的修改，将先保存再发布')
    expect(api.guides.save).toHaveBeenCalledTimes(1)
    expect(api.guides.save.mock.calls[0][1].early_arrival).toBe('在等候区看护')
    expect(api.guides.publish).toHaveBeenCalledWith(21, 5)
    expect(text('guide-state')).toBe('本学期已发布')
  })

  it('does not publish when the save first is refused', async () => {
    api.guides.save.mockRejectedValue(apiError(422, [{ field: 'gates[0].name', reason: '请填写校门名称' }]))
    await mountPage(OFFICER())
    await type('gates-0-name', '')
    await click('guide-publish')
    expect(api.guides.publish).not.toHaveBeenCalled()
    expect(errorOf('gates-0-name')).toBe('请填写校门名称')
  })

  it('shows what publishing needs under its sections', async () => {
    api.guides.publish.mockRejectedValue(
      apiError(422, [
        { field: 'peaks', reason: '发布前请填写入校高峰时段' },
        { field: 'peaks', reason: '发布前请填写放学高峰时段' },
        { field: 'posts', reason: '发布前请至少填写一个有上岗人员的护学岗' },
        { field: 'separation', reason: '发布前请填写人车分流措施' },
      ]),
    )
    await mountPage(OFFICER())
    await click('guide-publish')
    expect(text('peaks-error')).toBe('发布前请填写入校高峰时段；发布前请填写放学高峰时段')
    expect(text('posts-error')).toBe('发布前请至少填写一个有上岗人员的护学岗')
    expect(errorOf('field-separation')).toBe('发布前请填写人车分流措施')
    expect(document.body.textContent).toContain('发布前请按提示补充或修改')
    // Adding a peak clears the list's reason.
    await click('peaks-add')
    expect($('peaks-error')).toBeNull()
  })

  it('sends the needs not sent once confirmed: each then locked with its whistle', async () => {
    const sent = guide()
    sent.needs[1].whistle_id = 33
    api.guides.sendNeeds.mockResolvedValue({ ...sent, unsent_needs: 0, can_send_needs: false } satisfies Guide)
    await mountPage(OFFICER())
    await click('guide-send')
    expect(api.confirm.mock.calls[0][0]).toBe('确定将 1 项周边交通设施需求作为一次“学校吹哨”报送公安交警吗？报送后不能修改。')
    expect(api.guides.save).not.toHaveBeenCalled()
    expect(api.guides.sendNeeds).toHaveBeenCalledWith(21, 4)
    expect(text('needs-1-sent')).toBe('已报送')
    expect(text('needs-1-whistle')).toBe('吹哨 #33')
    expect($('guide-send')).toBeNull()
    expect(document.body.textContent).toContain('已报送交警（吹哨 #33）')
  })

  it('offers 报送交警 for a need just added, saving it first', async () => {
    const base = guide({ unsent_needs: 0, can_send_needs: false })
    base.needs = [base.needs[0]]
    api.guides.get.mockResolvedValue(base)
    const saved = guide({ version: 5, published_version: 5 })
    api.guides.save.mockResolvedValue(saved)
    const after = guide({ version: 5, published_version: 6, can_send_needs: false, unsent_needs: 0 })
    after.needs[1].whistle_id = 34
    api.guides.sendNeeds.mockResolvedValue(after)
    await mountPage(OFFICER())
    expect($('guide-send')).toBeNull()
    await click('needs-add')
    await type('needs-1-location', '北门前')
    expect($('guide-send')).not.toBeNull()
    await click('guide-send')
    expect(api.confirm.mock.calls[0][0]).toContain('将先保存再报送')
    expect(api.guides.save.mock.calls[0][1].needs[1]).toEqual({ kind: 'sign', location: '北门前', description: '', whistle_id: null })
    expect(api.guides.sendNeeds).toHaveBeenCalledWith(21, 5)
    expect(text('needs-1-whistle')).toBe('吹哨 #34')
  })

  it('offers no 报送交警 to one who may not raise a whistle', async () => {
    api.guides.get.mockResolvedValue(guide({ can_send_needs: false }))
    await mountPage(OFFICE(), '/traffic/guide?unit_id=21')
    expect($('guide-editor')).not.toBeNull()
    expect($('guide-send')).toBeNull()
  })

  it('reads the guide again when nothing is left to send', async () => {
    api.guides.sendNeeds.mockRejectedValue(apiError(409, [{ field: 'traffic.guide.no_needs', reason: 'x' }], '没有尚未报送的交通设施需求'))
    await mountPage(OFFICER())
    await click('guide-send')
    expect(api.guides.get).toHaveBeenCalledTimes(2)
    expect($('guide-stale')).toBeNull()
  })

  it('opens the paper for the parents', async () => {
    await mountPage(OFFICER())
    await click('guide-print')
    expect(router.currentRoute.value.fullPath).toBe('/traffic/guide/21/print')
  })
})

describe('一校一策（致家长）', () => {
  it('prints the school’s guide for the parents: gates, peaks, their zones, posts, the police; no needs', async () => {
    await mountPage(OFFICER(), '/traffic/guide/21/print', TrafficGuidePrint)
    expect(api.guides.get).toHaveBeenCalledWith(21)
    expect(text('paper-title')).toBe('示范区双桥小学交通安全一校一策（致家长）')
    expect([...document.querySelectorAll('[data-test="sheet-gate-name"]')].map((e) => e.textContent)).toEqual(['南门', '北门'])
    expect(document.querySelectorAll('[data-test="sheet-peak"]').length).toBe(2)
    // Where the parents stop and wait, not the staff's parking.
    expect([...document.querySelectorAll('[data-test="sheet-zone"]')].map((e) => e.textContent)).toEqual([expect.stringContaining('临时停靠区')])
    expect(text('sheet-police-duty')).toBe('高峰时段派1名民警在南门路口疏导交通。')
    expect(text('sheet-police-unit')).toBe('勤务单位：城关交警中队')
    expect($('sheet-needs')).toBeNull()
    expect($('paper-not-current')).toBeNull()
    expect(text('paper-published')).toBe('发布日期：2026-12-07')
    expect(text('paper-term')).toBe('2026—2027学年第一学期')
  })

  it('says a guide not published this semester is for checking only', async () => {
    api.guides.get.mockResolvedValue(guide({ state: 'changed', state_label: '修改未发布' }))
    await mountPage(OFFICER(), '/traffic/guide/21/print', TrafficGuidePrint)
    expect(text('paper-not-current')).toBe('本方案当前状态为“修改未发布”，仅供核对，请以学校正式发布的为准。')
  })
})
