// 安全监管机构: a school user's own school, the bureau's own bureau (or a school it picks, or ?unit_id=);
// the unit, its staffing as saved and, for a school, the verdict of staffing.office; the editor's
// rows from the office (专职/兼职 a switch), members added and removed; 保存 with the version read and
// the verdict judged anew; the server's reasons at their rows and fields (and those no field shows
// above the form), a stale version said with 刷新; the office as a list for those who may not edit;
// a unit out of scope; the rows stacked on a phone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import type { Me } from '@/api/auth'
import { OFFICE, OFFICER, TEACHER, bureauOffice, office } from './fixtures'

const api = vi.hoisted(() => ({
  staffing: { office: vi.fn(), save: vi.fn(), board: vi.fn(), exportBoard: vi.fn() },
  schools: { list: vi.fn() },
}))

vi.mock('@/api/staffing', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/staffing')>()
  return { ...real, staffingApi: api.staffing }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})

import TrainingOffice from '../TrainingOffice.vue'
import { $, mountPageAt, settle, text } from '@/views/__tests__/pageHarness'

vi.setConfig({ testTimeout: 60_000 })


let router: Router
const mounted: VueWrapper[] = []
const desk = window.innerWidth

const ROUTES: [string, string][] = [['/training/offices', 'training-office']]

async function mountPage(me: Me, path = '/training/offices') {
  const at = await mountPageAt(TrainingOffice, me, ROUTES, path)
  router = at.router
  mounted.push(at.w)
  return at.w
}

const all = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`)]
const value = (test: string) => ($(test) as HTMLInputElement | null)?.value
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const rows = () => [...document.querySelectorAll<HTMLElement>('[data-test="training-office-member-rows"] > ol > li')]
const switchOn = (test: string) => !!$(test)?.classList.contains('is-checked')

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

function apiError(status: number, details: { field: string; reason: string }[], message = '请求失败'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.staffing), api.schools.list]) fn.mockReset()
  api.staffing.office.mockImplementation(async (id: number) => (id === 1 ? bureauOffice() : office({ unit_id: id })))
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
  window.innerWidth = desk
})

describe('安全监管机构: what the page shows', () => {
  it('opens a school user’s own school: its staffing, the verdict of staffing.office and the members', async () => {
    await mountPage(OFFICER())
    expect(api.staffing.office).toHaveBeenCalledWith(21)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect($('training-office-unit')).toBeNull()
    expect(text('training-office-unit-name')).toBe('示范区双桥小学')
    expect(text('training-office-unit-kind')).toBe('学校')
    expect(text('training-office-counts')).toBe('共 2 人，专职 0 人，兼职 2 人，有资质 1 人')
    expect(text('training-office-updated')).toMatch(/^2026-11-02 \d\d:30:00（school1_safety）$/)
    expect(text('training-office-check-outcome')).toBe('未达标')
    expect($('training-office-check')?.getAttribute('data-outcome')).toBe('fail')
    expect(text('training-office-check-reason')).toBe('专职 0 人，少于 1 人')
    expect(text('training-office-check')).toContain('学校安全监管机构人员配备')
    // The editor: the office's name and a row a member.
    expect(value('training-office-name')).toBe('安全办公室')
    expect(rows()).toHaveLength(2)
    expect(value('training-office-member-row-0-name')).toBe('韩宏伟')
    expect(value('training-office-member-row-0-post')).toBe('安全办主任（分管副校长兼）')
    expect(value('training-office-member-row-0-phone')).toBe('13705711071')
    expect(switchOn('training-office-member-row-0-full_time')).toBe(false)
    expect(value('training-office-member-row-1-qualifications')).toBe('消防设施操作员（中级）')
    // Each field named with its row for screen readers.
    expect($('training-office-member-row-1-name')?.getAttribute('aria-label')).toBe('人员 2 姓名')
    expect($('training-office-member-row-1-full_time')?.querySelector('input')?.getAttribute('aria-label')).toBe('人员 2 专职/兼职')
    expect($('training-office-dirty')).toBeNull()
  })

  it('says when an office was never written', async () => {
    api.staffing.office.mockResolvedValue(
      office({ name: '', members: [], counts: { members: 0, full_time: 0, qualified: 0 }, version: 0, updated_by: '', updated_at: null, check: { outcome: 'fail', outcome_label: '未达标', reason: '尚未登记安全监管机构人员' } }),
    )
    await mountPage(OFFICER())
    expect(text('training-office-updated')).toBe('尚未登记')
    expect(text('training-office-counts')).toBe('共 0 人，专职 0 人，兼职 0 人，有资质 0 人')
    expect(text('training-office-member-empty')).toBe('尚未登记机构人员')
    expect(text('training-office-check-reason')).toBe('尚未登记安全监管机构人员')
  })

  it('opens the bureau’s own office for the bureau, without a verdict; it picks a school or keeps its bureau', async () => {
    const w = await mountPage(OFFICE())
    expect(api.staffing.office).toHaveBeenCalledWith(1)
    expect(text('training-office-unit-name')).toBe('示范区教育局')
    expect(text('training-office-unit-kind')).toBe('教育局')
    expect($('training-office-check')).toBeNull()
    expect(value('training-office-name')).toBe('安全管理科')
    expect(switchOn('training-office-member-row-0-full_time')).toBe(true)
    // The picker: the bureau first, then the schools.
    const select = w.findAllComponents({ name: 'ElSelect' }).find((c) => !!(c.element as Element).closest?.('[data-test="training-office-unit"]'))!
    expect(select.props('modelValue')).toBe(1)
    const options = w.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))
    expect(options).toEqual(['示范区教育局', '示范区双桥小学', '示范区青石第2小学'])
    select.vm.$emit('update:modelValue', 22)
    await settle()
    expect(api.staffing.office).toHaveBeenLastCalledWith(22)
    expect(text('training-office-unit-kind')).toBe('学校')
    expect(text('training-office-check-outcome')).toBe('未达标')
  })

  it('opens the unit a link names (我的待办, 队伍建设看板)', async () => {
    await mountPage(OFFICE(), '/training/offices?unit_id=21')
    expect(api.staffing.office).toHaveBeenCalledTimes(1)
    expect(api.staffing.office).toHaveBeenCalledWith(21)
    expect(text('training-office-unit-name')).toBe('示范区双桥小学')
    await router.push('/training/offices?unit_id=22')
    await settle()
    expect(api.staffing.office).toHaveBeenLastCalledWith(22)
  })

  it('shows the office as a list to those who may not edit it', async () => {
    api.staffing.office.mockResolvedValue(office({ can_edit: false }))
    await mountPage(TEACHER())
    expect($('training-office-editor')).toBeNull()
    expect($('training-office-save')).toBeNull()
    expect(text('training-office-readonly-name')).toBe('安全办公室')
    const members = all('training-office-readonly-member')
    expect(members.map((m) => m.querySelector('[data-test="member-name"]')?.textContent)).toEqual(['韩宏伟', '杨丽萍'])
    expect(members[0].querySelector('[data-test="member-full-time"]')?.textContent?.trim()).toBe('兼职')
    expect(members[1].querySelector('[data-test="member-qualifications"]')?.textContent?.trim()).toBe('消防设施操作员（中级）')
    expect(members[1].querySelector('[data-test="member-phone"]')?.textContent?.trim()).toBe('—')
    expect(text('training-office-check-outcome')).toBe('未达标')
  })

  it('says so when the unit is not in scope', async () => {
    api.staffing.office.mockRejectedValue(apiError(404, [], '单位不存在或不在您的管辖范围内'))
    await mountPage(OFFICE(), '/training/offices?unit_id=99')
    expect($('training-office-editor')).toBeNull()
    expect(document.body.textContent).toContain('不存在')
  })

  it('stacks a member’s fields on a phone', async () => {
    window.innerWidth = 375
    await mountPage(OFFICER())
    const cols = [...rows()[0].querySelectorAll('.el-col')]
    expect(cols.length).toBe(5)
    for (const c of cols) expect(c.classList.contains('el-col-xs-24')).toBe(true)
  })
})

describe('安全监管机构: the editor', () => {
  it('adds a full-time member, saves the whole office with the version read and shows the verdict judged anew', async () => {
    const saved = office({
      version: 4,
      members: [...office().members, { name: '秦晓东', post: '专职安全员', full_time: true, qualifications: '注册安全工程师', phone: '13905710009' }],
      counts: { members: 3, full_time: 1, qualified: 2 },
      check: { outcome: 'pass', outcome_label: '达标', reason: '安全办公室 3 人，其中专职 1 人' },
    })
    api.staffing.save.mockResolvedValue(saved)
    await mountPage(OFFICER())
    await click('training-office-member-add')
    expect(rows()).toHaveLength(3)
    expect(document.activeElement).toBe($('training-office-member-row-2-name'))
    expect(switchOn('training-office-member-row-2-full_time')).toBe(false)
    expect(text('training-office-dirty')).toBe('未保存')
    await type('training-office-member-row-2-name', ' 秦晓东 ')
    await type('training-office-member-row-2-post', '专职安全员')
    await click('training-office-member-row-2-full_time')
    expect(switchOn('training-office-member-row-2-full_time')).toBe(true)
    await type('training-office-member-row-2-qualifications', '注册安全工程师')
    await type('training-office-member-row-2-phone', '13905710009')
    await click('training-office-save')
    expect(api.staffing.save).toHaveBeenCalledTimes(1)
    const [id, body] = api.staffing.save.mock.calls[0]
    expect(id).toBe(21)
    expect(body).toEqual({
      version: 3,
      name: '安全办公室',
      members: [
        { name: '韩宏伟', post: '安全办主任（分管副校长兼）', full_time: false, qualifications: '', phone: '13705711071' },
        { name: '杨丽萍', post: '总务主任', full_time: false, qualifications: '消防设施操作员（中级）', phone: '' },
        { name: '秦晓东', post: '专职安全员', full_time: true, qualifications: '注册安全工程师', phone: '13905710009' },
      ],
    })
    expect(text('training-office-check-outcome')).toBe('达标')
    expect(text('training-office-check-reason')).toBe('安全办公室 3 人，其中专职 1 人')
    expect(text('training-office-counts')).toBe('共 3 人，专职 1 人，兼职 2 人，有资质 2 人')
    expect($('training-office-dirty')).toBeNull()
    expect(document.body.textContent).toContain('已保存')
  })

  it('removes a member and renames the office', async () => {
    api.staffing.save.mockImplementation(async (_id: number, b: { name: string; members: unknown[] }) => office({ version: 4, name: b.name, members: b.members as never }))
    await mountPage(OFFICER())
    await click('training-office-member-row-0-remove')
    expect(rows()).toHaveLength(1)
    expect(value('training-office-member-row-0-name')).toBe('杨丽萍')
    await type('training-office-name', '安全保卫处 ')
    await click('training-office-save')
    const [, body] = api.staffing.save.mock.calls[0]
    expect(body.name).toBe('安全保卫处')
    expect(body.members.map((m: { name: string }) => m.name)).toEqual(['杨丽萍'])
  })

  it('shows the server’s reasons at their rows and fields, lists the others, and clears a reason once its field changes', async () => {
    api.staffing.save.mockRejectedValue(
      apiError(422, [
        { field: 'name', reason: '请填写机构名称' },
        { field: 'members[2].name', reason: '请填写姓名' },
        { field: 'members[1].phone', reason: '联系电话须为 11 位手机号或固定电话（如 0571-87654321）' },
        { field: 'members[1].qualifications', reason: '资质不能超过 100 个字' },
        { field: 'members', reason: '机构人员不能超过 50 人' },
        { field: 'version', reason: '未知' },
      ]),
    )
    await mountPage(OFFICER())
    await type('training-office-name', '')
    await click('training-office-member-add')
    await click('training-office-save')
    expect(errorOf('training-office-name')).toBe('请填写机构名称')
    expect(errorOf('training-office-member-row-2-name')).toBe('请填写姓名')
    expect(errorOf('training-office-member-row-1-phone')).toBe('联系电话须为 11 位手机号或固定电话（如 0571-87654321）')
    expect(errorOf('training-office-member-row-1-qualifications')).toBe('资质不能超过 100 个字')
    expect(text('training-office-member-error')).toBe('机构人员不能超过 50 人')
    expect(text('training-office-member-row-1-problems')).toBe('2 处需修改')
    expect(text('training-office-errors')).toContain('未知')
    // Changing a field clears its reason; the others stay.
    await type('training-office-member-row-1-phone', '13905710010')
    await settle()
    expect(errorOf('training-office-member-row-1-phone')).toBe('')
    expect(errorOf('training-office-member-row-1-qualifications')).toBe('资质不能超过 100 个字')
    await type('training-office-name', '安全办公室')
    await settle()
    expect(errorOf('training-office-name')).toBe('')
    // Removing a member: the numbers of the list's reasons move, so they go.
    await click('training-office-member-row-2-remove')
    expect(errorOf('training-office-member-row-1-qualifications')).toBe('')
    expect($('training-office-member-error')).toBeNull()
  })

  it('says a stale version (409) with 刷新, which reads the office again', async () => {
    api.staffing.save.mockRejectedValue(apiError(409, [], '安全监管机构刚被他人修改，请刷新后再试'))
    await mountPage(OFFICER())
    await type('training-office-name', '安全保卫处')
    await click('training-office-save')
    expect(text('training-office-stale')).toContain('安全监管机构刚被他人修改，请刷新后再试')
    expect(api.staffing.office).toHaveBeenCalledTimes(1)
    await click('training-office-refresh')
    expect(api.staffing.office).toHaveBeenCalledTimes(2)
    expect($('training-office-stale')).toBeNull()
    expect(value('training-office-name')).toBe('安全办公室')
  })
})
