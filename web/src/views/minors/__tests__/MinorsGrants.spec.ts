// 未成年人信息查阅: the tabs by what the user may do — 我的申请 for the bureau (edu:read), 待我审批 for a
// school's leader (minors:grant), 年度查阅报告 for them and the auditor (audit:read), none for a
// teacher —; the caller's own requests with their states and 申请查阅; others' requests, those
// waiting first, 同意 (asked first) to the grant's approve route, 拒绝 asking for a reason, 撤销; ?tab=
// from 我的待办; the report by year with its counts and export; cards on a phone.
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
import { AUDITOR, LEADER, OFFICE, TEACHER, activeGrant, grant, report } from './fixtures'

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
  confirm: vi.fn(),
}))

vi.mock('@/api/minors', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/minors')>()
  return { ...real, minorsApi: api.minors }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import MinorsGrants from '../MinorsGrants.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/minors') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/minors', name: 'minors', component: Stub },
      { path: '/home', name: 'home', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(MinorsGrants, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return { w, router }
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const $$ = (test: string) => Array.from(document.querySelectorAll<HTMLElement>(`[data-test="${test}"]`))
const text = (el: Element | null | undefined) => el?.textContent?.trim()
const row = (id: number) => document.querySelector<HTMLElement>(`[data-test="grant-row"][data-id="${id}"]`)!
const cell = (r: HTMLElement, test: string) => text(r.querySelector(`[data-test="${test}"]`))
const desk = window.innerWidth

/** Types into an el-input (its data-test is on the input or textarea itself). */
async function type(test: string, value: string) {
  const el = $(test)!
  const input = (el.matches('input, textarea') ? el : el.querySelector('input, textarea')) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

/** What the leader of 示范区双桥小学 is given: a request waiting, an active grant, a refused one. */
const FOR_LEADER = () => [
  activeGrant({ id: 3, grantee: 'section_basic', grantee_name: '基础教育科 郑科长', can_revoke: true }),
  grant({ id: 5, can_decide: true }),
  grant({ id: 2, grantee: 'inspector', grantee_name: '督查组 吴督学', state: 'refused', state_label: '已拒绝', note: '与督查事项无关' }),
]

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.minors), api.schools.list, api.confirm]) fn.mockReset()
  api.minors.grants.mockResolvedValue({ items: [] })
  api.minors.kinds.mockResolvedValue({ items: [{ code: 'edu_letter_receipt', label: '家长回执名单（学生姓名）' }] })
  api.minors.report.mockResolvedValue(report())
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }], total: 1 })
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('未成年人信息查阅: the tabs by permission', () => {
  it('gives the bureau’s staff 我的申请 alone, with 申请查阅', async () => {
    await mountPage(OFFICE())
    expect($('minors-tabs')).toBeNull()
    expect($('minors-mine')).not.toBeNull()
    expect($('minors-approve')).toBeNull()
    expect($('minors-report')).toBeNull()
    expect(text($('grant-add'))).toBe('申请查阅')
    expect(text($('minors-mine-empty'))).toBe('尚未申请过查阅授权。')
    expect(api.minors.report).not.toHaveBeenCalled()
  })

  it('gives a school’s leader 待我审批 and 年度查阅报告, not 我的申请', async () => {
    await mountPage(LEADER())
    expect($$('minors-tabs')).toHaveLength(1)
    expect(text($('tab-approve'))).toBe('待我审批')
    expect(text($('tab-report'))).toBe('年度查阅报告')
    expect($('tab-mine')).toBeNull()
    expect($('minors-approve')).not.toBeNull()
    expect($('grant-add')).toBeNull()
  })

  it('gives the auditor 年度查阅报告 alone, and asks for no grants', async () => {
    await mountPage(AUDITOR())
    expect($('minors-tabs')).toBeNull()
    expect($('minors-report')).not.toBeNull()
    expect(api.minors.grants).not.toHaveBeenCalled()
    expect(api.minors.report).toHaveBeenCalledWith(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear())
  })

  it('tells a school’s teacher no grant is needed', async () => {
    await mountPage(TEACHER())
    expect(text($('minors-none'))).toBe('本校人员按职责查看本校学生信息，无需申请查阅授权。')
    expect($('minors-mine')).toBeNull()
    expect($('minors-approve')).toBeNull()
    expect($('minors-report')).toBeNull()
    expect(api.minors.grants).not.toHaveBeenCalled()
  })
})

describe('未成年人信息查阅: 我的申请', () => {
  it('lists the caller’s own requests with their states, and ends an active one', async () => {
    api.minors.grants.mockResolvedValue({
      items: [
        grant({ id: 7 }),
        activeGrant({ id: 6, can_revoke: true }),
        grant({ id: 4, state: 'refused', state_label: '已拒绝', note: '请通过学校安全干部了解' }),
        // Not the caller's: not in 我的申请.
        grant({ id: 1, grantee: 'inspector' }),
      ],
    })
    await mountPage(OFFICE())
    expect(api.minors.grants).toHaveBeenCalledWith()
    expect($$('grant-row').map((r) => r.dataset.id)).toEqual(['7', '6', '4'])
    expect(cell(row(7), 'grant-state')).toBe('待审批')
    expect(cell(row(7), 'grant-school')).toBe('示范区双桥小学')
    expect(cell(row(7), 'grant-kind')).toBe('家长回执名单（学生姓名）')
    expect(cell(row(7), 'grant-days')).toBe('7 天')
    expect(cell(row(6), 'grant-state')).toBe('生效中')
    // In China's time.
    expect(cell(row(6), 'grant-period')).toBe('2026-12-07 10:00 至 2026-12-14 10:00')
    expect(cell(row(4), 'grant-note')).toBe('审批意见：请通过学校安全干部了解')
    expect(row(7).querySelector('[data-test="grant-revoke"]')).toBeNull()
    expect($('grant-approve')).toBeNull()

    api.minors.revoke.mockResolvedValue(activeGrant({ id: 6, state: 'revoked', state_label: '已撤销' }))
    ;(row(6).querySelector('[data-test="grant-revoke"]') as HTMLElement).click()
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('示范区双桥小学'))
    expect(api.minors.revoke).toHaveBeenCalledWith(6)
    expect(cell(row(6), 'grant-state')).toBe('已撤销')
    expect(row(6).querySelector('[data-test="grant-revoke"]')).toBeNull()
  })

  it('opens 申请查阅 and lists the new request on top', async () => {
    api.minors.request.mockResolvedValue(grant({ id: 11 }))
    await mountPage(OFFICE())
    $('grant-add')!.click()
    await settle()
    expect($('grant-dialog')).not.toBeNull()
    expect($('grant-school')).not.toBeNull()
    await type('grant-reason', '核查回执')
    $('grant-school')!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle()
    document.querySelector<HTMLElement>('.el-select-dropdown__item')!.click()
    await settle()
    $('grant-submit')!.click()
    await settle()
    expect(api.minors.request).toHaveBeenCalledWith({ unit_id: 21, kind: 'edu_letter_receipt', reason: '核查回执', days: 7 })
    expect($$('grant-row').map((r) => r.dataset.id)).toEqual(['11'])
  })
})

describe('未成年人信息查阅: 待我审批', () => {
  it('lists others’ requests, those waiting first, and approves one at its route', async () => {
    api.minors.grants.mockResolvedValue({ items: FOR_LEADER() })
    await mountPage(LEADER())
    expect($$('grant-row').map((r) => r.dataset.id)).toEqual(['5', '3', '2'])
    expect(text($('tab-approve-count'))).toBe('（1）')
    expect(cell(row(5), 'grant-grantee')).toBe('安全科 周科长（示范区教育局）')
    expect(cell(row(5), 'grant-reason')).toBe('核查三年级2班寒假安全家长信回执情况')
    // 同意 and 拒绝 only where the server offers them; 撤销 on the active grant.
    expect(row(5).querySelector('[data-test="grant-approve"]')).not.toBeNull()
    expect(row(5).querySelector('[data-test="grant-refuse"]')).not.toBeNull()
    expect(row(3).querySelector('[data-test="grant-approve"]')).toBeNull()
    expect(row(3).querySelector('[data-test="grant-revoke"]')).not.toBeNull()
    expect(row(2).querySelector('button')).toBeNull()
    expect(cell(row(2), 'grant-note')).toBe('审批意见：与督查事项无关')

    api.minors.approve.mockResolvedValue(activeGrant({ id: 5, can_revoke: true }))
    ;(row(5).querySelector('[data-test="grant-approve"]') as HTMLElement).click()
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('安全科 周科长'), 'info')
    expect(api.minors.approve).toHaveBeenCalledWith(5)
    expect(cell(row(5), 'grant-state')).toBe('生效中')
    expect(row(5).querySelector('[data-test="grant-approve"]')).toBeNull()
    expect(row(5).querySelector('[data-test="grant-revoke"]')).not.toBeNull()
    expect($('tab-approve-count')).toBeNull()
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已同意，授权即时生效')
  })

  it('approves nothing when the leader does not confirm', async () => {
    api.minors.grants.mockResolvedValue({ items: FOR_LEADER() })
    api.confirm.mockResolvedValue(false)
    await mountPage(LEADER())
    ;(row(5).querySelector('[data-test="grant-approve"]') as HTMLElement).click()
    await settle()
    expect(api.minors.approve).not.toHaveBeenCalled()
    expect(cell(row(5), 'grant-state')).toBe('待审批')
  })

  it('asks for a reason before refusing', async () => {
    api.minors.grants.mockResolvedValue({ items: FOR_LEADER() })
    await mountPage(LEADER())
    ;(row(5).querySelector('[data-test="grant-refuse"]') as HTMLElement).click()
    await settle()
    expect(text($('refuse-what'))).toBe('安全科 周科长（示范区教育局）申请查阅示范区双桥小学的家长回执名单（学生姓名）')
    $('refuse-submit')!.click()
    await settle()
    expect(api.minors.refuse).not.toHaveBeenCalled()
    expect(text($('refuse-note')!.closest('.el-form-item')!.querySelector('.el-form-item__error'))).toBe('请填写拒绝理由')

    api.minors.refuse.mockResolvedValue(grant({ id: 5, state: 'refused', state_label: '已拒绝', note: '请向学校安全干部了解' }))
    await type('refuse-note', '请向学校安全干部了解')
    $('refuse-submit')!.click()
    await settle()
    expect(api.minors.refuse).toHaveBeenCalledWith(5, '请向学校安全干部了解')
    expect(cell(row(5), 'grant-state')).toBe('已拒绝')
    expect(cell(row(5), 'grant-note')).toBe('审批意见：请向学校安全干部了解')
  })

  it('reads the requests again when one was decided meanwhile (409)', async () => {
    api.minors.grants.mockResolvedValue({ items: FOR_LEADER() })
    await mountPage(LEADER())
    api.minors.approve.mockRejectedValue(new ApiError(409, { code: 'minors.grant_decided', message: '该申请已处理', details: [] }, null))
    ;(row(5).querySelector('[data-test="grant-approve"]') as HTMLElement).click()
    await settle()
    expect(document.querySelector('.el-message--error')?.textContent).toContain('该申请已处理')
    expect(api.minors.grants).toHaveBeenCalledTimes(2)
  })

  it('opens on the tab a link names (我的待办: ?tab=approve), and on the report', async () => {
    await mountPage(LEADER(), '/minors?tab=report')
    expect($('minors-report')).not.toBeNull()
    expect($('minors-approve')).toBeNull()
    document.body.innerHTML = ''
    await mountPage(LEADER(), '/minors?tab=approve')
    expect($('minors-approve')).not.toBeNull()
    // A tab the user does not have: the first they have.
    document.body.innerHTML = ''
    await mountPage(LEADER(), '/minors?tab=mine')
    expect($('minors-approve')).not.toBeNull()
  })

  it('shows each request as a card with its buttons on a phone', async () => {
    window.innerWidth = 375
    api.minors.grants.mockResolvedValue({ items: FOR_LEADER() })
    await mountPage(LEADER())
    expect($('grants-table-approve')).toBeNull()
    expect($('grants-cards-approve')).not.toBeNull()
    expect(row(5).tagName).toBe('LI')
    expect(cell(row(5), 'grant-grantee')).toBe('安全科 周科长（示范区教育局）')
    expect(row(5).querySelector('[data-test="grant-approve"]')).not.toBeNull()
  })
})

describe('未成年人信息查阅: 年度查阅报告', () => {
  it('shows the year’s reads by reader and school, the grants’ counts, another year, and exports', async () => {
    api.minors.exportReport.mockResolvedValue({ blob: new Blob(['x']), filename: '未成年人信息查阅报告.xlsx' })
    const created = vi.fn(() => 'blob:x')
    Object.defineProperty(URL, 'createObjectURL', { value: created, configurable: true })
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await mountPage(AUDITOR())
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
    expect(api.minors.report).toHaveBeenCalledWith(year)
    expect(['requested', 'approved', 'refused', 'revoked'].map((k) => text($(`minors-report-count-${k}`)))).toEqual(['4', '2', '1', '1'])
    const rows = $$('report-row')
    expect(rows).toHaveLength(2)
    expect(cell(rows[0], 'report-reader')).toBe('安全科 周科长')
    expect(cell(rows[0], 'report-school')).toBe('示范区双桥小学')
    expect(cell(rows[0], 'report-way')).toBe('授权查阅')
    expect(cell(rows[0], 'report-reads')).toBe('3')
    expect(cell(rows[0], 'report-records')).toBe('41')
    expect(cell(rows[1], 'report-way')).toBe('本校职责')

    // Another year.
    api.minors.report.mockResolvedValue(report({ year: year - 1, rows: [], grants: { requested: 0, approved: 0, refused: 0, revoked: 0 } }))
    $('minors-report-year')!.querySelector<HTMLElement>('.el-select__wrapper')!.click()
    await settle()
    $(`minors-report-year-${year - 1}`)!.click()
    await settle()
    expect(api.minors.report).toHaveBeenLastCalledWith(year - 1)
    expect(text($('minors-report-empty'))).toBe(`${year - 1}年没有查阅学生信息的记录。`)

    $('minors-report-export')!.click()
    await settle()
    expect(api.minors.exportReport).toHaveBeenCalledWith(year - 1)
    expect(created).toHaveBeenCalled()
    expect(click).toHaveBeenCalled()
    click.mockRestore()
  })

  it('shows the reads as cards on a phone', async () => {
    window.innerWidth = 375
    await mountPage(AUDITOR())
    expect($('minors-report-table')).toBeNull()
    const cards = $$('report-row')
    expect(cards).toHaveLength(2)
    expect(cards[0].tagName).toBe('LI')
    expect(cell(cards[0], 'report-reads')).toBe('3')
  })
})
