import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import type { ScreeningInput, ScreeningRoundInput } from '@/api/security'
import { screenedView, screeningRound, screeningRoundView, screeningView } from './fixtures'

const api = vi.hoisted(() => ({
  security: { rounds: vi.fn(), openRound: vi.fn(), round: vi.fn(), screening: vi.fn(), screen: vi.fn(), exportRound: vi.fn() },
  schools: { list: vi.fn() },
  upload: vi.fn(),
  confirm: vi.fn(),
  saveDownload: vi.fn(),
}))

vi.mock('@/api/security', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/security')>()
  return { ...real, securityApi: api.security }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: { ...real.schoolsApi, list: api.schools.list } }
})
vi.mock('@/api/files', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/files')>()
  return { ...real, filesApi: { ...real.filesApi, upload: api.upload } }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import RoundList from '../RoundList.vue'
import RoundDetail from '../RoundDetail.vue'
import RoundSchool from '../RoundSchool.vue'
import RoundOpenDialog from '../components/RoundOpenDialog.vue'

vi.setConfig({ testTimeout: 60_000 })

const SCHOOL = { id: 21, name: '示范区双桥小学', kind: 'school' }
const BUREAU = { id: 1, name: '示范区教育局', kind: 'bureau' }
const OFFICER = ['security:read', 'security:record']
const SAFETY_OFFICE = ['security:read', 'security:record', 'campaign:read', 'campaign:manage', 'school:read']

function user(permissions: string[], unit = SCHOOL): Me {
  return {
    user: { id: 8, username: unit.kind === 'school' ? 'school1_safety' : 'safety_office', display_name: '安全干部' },
    unit,
    roles: [],
    permissions,
    scope: { kind: 'own_unit', unit_paths: ['/1/21/'] },
    csrf_token: 'x',
    must_change_password: false,
    must_enroll_totp: false,
  }
}

const Stub = defineComponent({ template: '<div />' })
/** Element Plus shows a form item's error after a 100 ms debounce. */
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(component: object, path: string, me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/security/rounds', name: 'security-rounds', component: Stub },
      { path: '/security/rounds/:id(\\d+)', name: 'security-round', component: Stub },
      { path: '/security/rounds/:id(\\d+)/schools/:schoolId(\\d+)', name: 'security-screening', component: Stub },
      { path: '/security/schools/:id(\\d+)', name: 'security-record', component: Stub },
      { path: '/hazards/:id(\\d+)', name: 'hazard-detail', component: Stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

/** The error text of the form item around a field. */
function errorOf(test: string): string {
  const item = document.querySelector(`[data-test="${test}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
}

const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of Object.values(api.security)) fn.mockReset()
  api.schools.list.mockReset()
  api.upload.mockReset()
  api.confirm.mockReset()
  api.saveDownload.mockReset()
  api.confirm.mockResolvedValue(true)
  api.security.rounds.mockResolvedValue({
    items: [screeningRound(), screeningRound({ id: 3, name: '2026年春季四个100%逐校筛查', from: '2026-04-01', to: '2026-04-30', window: 'ended' })],
    can_open: true,
  })
  api.security.round.mockResolvedValue(screeningRoundView())
  api.security.screening.mockResolvedValue(screeningView())
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('RoundList', () => {
  it('lists the rounds with their window, dates, schools screened, 四个100% rate and hazards', async () => {
    const { w } = await mountPage(RoundList, '/security/rounds', user(SAFETY_OFFICE, BUREAU))
    expect(api.security.rounds).toHaveBeenCalledTimes(1)
    const rows = w.findAll('[data-test="table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="round-4"]').text()).toBe('2026年秋季四个100%逐校筛查')
    expect(rows[0].find('[data-test="round-4"]').attributes('href')).toBe('/security/rounds/4')
    expect(rows[0].find('[data-test="round-window"]').text()).toBe('进行中')
    expect(rows[0].text()).toContain('2026-11-01 至 2026-12-15')
    expect(rows[0].find('[data-test="round-screened"]').text()).toBe('8 / 10 所')
    expect(rows[0].find('[data-test="round-rate"]').text()).toBe('62.5%（5 / 8 所）')
    expect(rows[0].find('[data-test="round-hazards"]').text()).toBe('生成 4，未销号 3')
    expect(rows[1].find('[data-test="round-window"]').text()).toBe('已结束')
    expect(w.find('[data-test="add"]').text()).toBe('部署筛查')
  })

  it('takes a school’s staff to their own school’s screening, and offers no 部署筛查 without can_open', async () => {
    api.security.rounds.mockResolvedValue({ items: [screeningRound({ schools: 1, screened: 0 })], can_open: false })
    const { w } = await mountPage(RoundList, '/security/rounds', user(OFFICER))
    expect(w.find('[data-test="round-4"]').attributes('href')).toBe('/security/rounds/4/schools/21')
    expect(w.find('[data-test="round-rate"]').text()).toBe('62.5%（5 / 8 所）')
    expect(w.find('[data-test="add"]').exists()).toBe(false)
  })

  it('shows cards on a phone', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(RoundList, '/security/rounds', user(SAFETY_OFFICE, BUREAU))
    expect(w.find('.el-table').exists()).toBe(false)
    expect(w.findAll('[data-test="round-cards"] li.card')).toHaveLength(2)
    expect(w.find('[data-test="round-cards"] [data-test="round-screened"]').text()).toBe('8 / 10 所')
  })

  it('opens a round over every school, checking the form first, then goes to it', async () => {
    api.security.openRound.mockResolvedValue(screeningRoundView({ id: 9 }))
    const { w, router } = await mountPage(RoundList, '/security/rounds', user(SAFETY_OFFICE, BUREAU))
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-test="round-open-dialog"]') as HTMLElement
    expect(dialog()).not.toBeNull()
    ;(document.querySelector('[data-test="round-open-save"]') as HTMLElement).click()
    await settle()
    expect(api.security.openRound).not.toHaveBeenCalled()
    expect(errorOf('open-name')).toBe('请填写名称')
    expect(errorOf('open-period')).toBe('请选择筛查时间')

    const input = document.querySelector('[data-test="open-name"] input, input[data-test="open-name"]') as HTMLInputElement
    input.value = ' 2026年冬季逐校筛查 '
    input.dispatchEvent(new Event('input'))
    w.findComponent(RoundOpenDialog).findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-12-10', '2026-12-31'])
    await flushPromises()
    ;(document.querySelector('[data-test="round-open-save"]') as HTMLElement).click()
    await settle()
    expect(api.security.openRound).toHaveBeenCalledTimes(1)
    const body = api.security.openRound.mock.calls[0][0] as ScreeningRoundInput
    expect(body).toEqual({ name: '2026年冬季逐校筛查', from: '2026-12-10', to: '2026-12-31' })
    expect(router.currentRoute.value.fullPath).toBe('/security/rounds/9')
  })

  it('sends the schools picked, and places the server’s reasons beside their fields', async () => {
    const { w } = await mountPage(RoundList, '/security/rounds', user(SAFETY_OFFICE, BUREAU))
    await w.find('[data-test="add"]').trigger('click')
    await flushPromises()
    const input = document.querySelector('input[data-test="open-name"], [data-test="open-name"] input') as HTMLInputElement
    input.value = '冬季筛查'
    input.dispatchEvent(new Event('input'))
    w.findComponent(RoundOpenDialog).findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-12-31', '2026-12-10'])
    ;(document.querySelector('[data-test="open-scope-pick"] input') as HTMLInputElement).click()
    await flushPromises()
    expect(api.schools.list).toHaveBeenCalled()
    w.findComponent(RoundOpenDialog).findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', [22, 99])
    await flushPromises()
    api.security.openRound.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '筛查轮次未通过检查',
          details: [
            { field: 'to', reason: '结束日期不能早于开始日期' },
            { field: 'school_ids[1]', reason: '不在您的管辖范围内' },
            { field: 'bureau_id', reason: '不是教育局' },
          ],
        },
        null,
      ),
    )
    ;(document.querySelector('[data-test="round-open-save"]') as HTMLElement).click()
    await settle()
    expect(api.security.openRound.mock.calls[0][0]).toEqual({ name: '冬季筛查', from: '2026-12-31', to: '2026-12-10', school_ids: [22, 99] })
    expect(errorOf('open-period')).toBe('结束日期不能早于开始日期')
    expect(errorOf('open-scope')).toBe('不在您的管辖范围内')
    expect(document.querySelector('[data-test="round-open-errors"]')?.textContent).toContain('bureau_id：不是教育局')
    // Still open: nothing was deployed.
    expect(document.querySelector('[data-test="round-open-dialog"]')).not.toBeNull()
  })
})

describe('RoundDetail', () => {
  it('shows the round, the five rates and each school with its indicators, reasons and hazards', async () => {
    const { w } = await mountPage(RoundDetail, '/security/rounds/4', user(SAFETY_OFFICE, BUREAU))
    expect(api.security.round).toHaveBeenCalledWith(4)
    expect(w.find('[data-test="round-name"]').text()).toBe('2026年秋季四个100%逐校筛查')
    expect(w.find('[data-test="round-window"]').text()).toBe('进行中')
    expect(w.find('[data-test="round-period"]').text()).toBe('2026-11-01 至 2026-12-15')
    expect(w.find('[data-test="round-screened"]').text()).toBe('8 / 10 所')
    const rates = w.findAll('[data-test="round-rates"] > li')
    expect(rates.map((r) => r.attributes('data-test'))).toEqual(['rate-all', 'rate-guards', 'rate-closed_campus', 'rate-alarm_video', 'rate-gate_duty'])
    expect(rates[0].find('[data-test="rate-value"]').text()).toBe('62.5%')
    expect(rates[0].find('[data-test="rate-count"]').text()).toBe('5 / 8 所达标')

    const rows = w.findAll('[data-test="round-rows"] tbody tr')
    expect(rows).toHaveLength(2)
    // Not screened yet.
    expect(rows[0].find('[data-test="round-school-21"]').attributes('href')).toBe('/security/rounds/4/schools/21')
    expect(rows[0].find('[data-test="row-screened"]').text()).toBe('未筛查')
    expect(rows[0].find('[data-test="row-guards"]').exists()).toBe(false)
    // Screened: the four, the reasons one a line, the hazard with its state.
    expect(rows[1].find('[data-test="row-screened"]').text()).toContain('school2_safety')
    expect(rows[1].find('[data-test="row-guards"]').text()).toBe('未达标')
    expect(rows[1].find('[data-test="row-gate_duty"]').text()).toBe('达标')
    expect(rows[1].findAll('[data-test="row-reasons"] li')).toHaveLength(2)
    expect(rows[1].find('[data-test="row-hazard-88"]').attributes('href')).toBe('/hazards/88')
    expect(rows[1].find('[data-test="row-hazard-state"]').text()).toBe('待交办')
  })

  it('lists the schools as cards on a phone, nothing in a table to clip', async () => {
    window.innerWidth = 375
    const { w } = await mountPage(RoundDetail, '/security/rounds/4', user(SAFETY_OFFICE, BUREAU))
    expect(w.find('.el-table').exists()).toBe(false)
    const card = w.find('[data-test="round-row-22"]')
    expect(card.find('[data-test="row-guards"]').text()).toBe('专职保安：未达标')
    expect(card.find('[data-test="row-hazard-88"]').attributes('href')).toBe('/hazards/88')
    expect(w.find('[data-test="round-row-21"] [data-test="row-screened"]').text()).toBe('未筛查')
  })

  it('exports the round, and says not found for a round out of scope', async () => {
    api.security.exportRound.mockResolvedValue({ blob: new Blob(['x']), filename: '安防筛查_2026年秋季.xlsx' })
    const { w } = await mountPage(RoundDetail, '/security/rounds/4', user(SAFETY_OFFICE, BUREAU))
    await w.find('[data-test="round-export"]').trigger('click')
    await flushPromises()
    expect(api.security.exportRound).toHaveBeenCalledWith(4)
    expect(api.saveDownload).toHaveBeenCalledWith({ blob: expect.any(Blob), filename: '安防筛查_2026年秋季.xlsx' })

    api.security.round.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const other = await mountPage(RoundDetail, '/security/rounds/77', user(SAFETY_OFFICE, BUREAU))
    expect(other.w.find('[data-test="not-found"]').exists()).toBe(true)
  })
})

describe('RoundSchool', () => {
  /** Picks a photo into an indicator's uploader. */
  async function addPhoto(w: Awaited<ReturnType<typeof mountPage>>['w'], indicator: string, name: string) {
    const input = w.find(`[data-test="photo-input-${indicator}"]`)
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], name, { type: 'image/jpeg' })], configurable: true })
    await input.trigger('change')
    await flushPromises()
  }

  it('shows what screening now would give, with the way to the record, and a block per indicator', async () => {
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    expect(api.security.screening).toHaveBeenCalledWith(4, 21)
    expect(w.find('[data-test="screen-school"]').text()).toBe('示范区双桥小学')
    expect(w.find('[data-test="screen-window"]').text()).toBe('进行中')
    expect(w.find('[data-test="current-guards"] [data-test="current-state"]').text()).toBe('未达标')
    expect(w.findAll('[data-test="current-guards"] [data-test="current-reason"]').map((x) => x.text())).toEqual([
      '专职保安员配备数量：师生 910 人，应配专职保安 2 名，现有 1 名，缺 1 名',
    ])
    expect(w.find('[data-test="current-gate_duty"] [data-test="current-state"]').text()).toBe('达标')
    expect(w.findAll('[data-test="current-gate_duty"] [data-test="current-reason"]')).toHaveLength(0)
    expect(w.find('[data-test="screen-edit-record"]').attributes('href')).toBe('/security/schools/21')
    expect(w.findAll('fieldset[data-test^="block-"]').map((b) => b.attributes('data-test'))).toEqual([
      'block-guards',
      'block-closed_campus',
      'block-alarm_video',
      'block-gate_duty',
    ])
    expect(w.find('[data-test="note-guards"]').attributes('aria-label')).toBe('专职保安 说明')
    expect(w.find('[data-test="screen-result"]').exists()).toBe(false)
  })

  it('asks a note or a photo of each indicator before sending', async () => {
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    await w.find('[data-test="note-guards"]').setValue('现有专职保安 1 名')
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(api.confirm).not.toHaveBeenCalled()
    expect(api.security.screen).not.toHaveBeenCalled()
    expect(errorOf('note-guards')).toBe('')
    expect(errorOf('note-closed_campus')).toBe('请填写说明或上传照片')
    expect(errorOf('note-gate_duty')).toBe('请填写说明或上传照片')
  })

  it('submits a note and photos per indicator once confirmed, then shows the snapshot with the hazard raised', async () => {
    let n = 600
    api.upload.mockImplementation(async (_f: Blob, name: string) => ({ id: ++n, name, content_type: 'image/jpeg', size: 1, sha256: '', url: `/api/v1/files/${n}` }))
    api.security.screen.mockResolvedValue(screenedView())
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    await w.find('[data-test="note-guards"]').setValue(' 现有专职保安 1 名 ')
    await addPhoto(w, 'guards', '门卫.jpg')
    await w.find('[data-test="note-closed_campus"]').setValue('围墙完整，门禁正常')
    await addPhoto(w, 'alarm_video', '监控室.jpg')
    await w.find('[data-test="note-gate_duty"]').setValue('早晚高峰均有护学岗')
    expect(api.upload).toHaveBeenCalledTimes(2)
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledTimes(1)
    expect(api.security.screen).toHaveBeenCalledTimes(1)
    const [round, school, body] = api.security.screen.mock.calls[0] as [number, number, ScreeningInput]
    expect([round, school]).toEqual([4, 21])
    expect(body.evidence).toEqual([
      { indicator: 'guards', note: '现有专职保安 1 名', file_ids: [601] },
      { indicator: 'closed_campus', note: '围墙完整，门禁正常', file_ids: [] },
      { indicator: 'alarm_video', note: '', file_ids: [602] },
      { indicator: 'gate_duty', note: '早晚高峰均有护学岗', file_ids: [] },
    ])
    // The snapshot.
    expect(w.find('[data-test="screen-form"]').exists()).toBe(false)
    expect(w.find('[data-test="screen-done"]').text()).toContain('school1_safety')
    expect(w.find('[data-test="result-all"]').text()).toBe('四个100%：未达标')
    expect(w.find('[data-test="result-guards"]').text()).toBe('专职保安：未达标')
    expect(w.find('[data-test="result-reasons"]').text()).toContain('缺 1 名')
    const hazard = w.find('[data-test="screen-hazard-guards"]')
    expect(hazard.find('[data-test="hazard-link-91"]').attributes('href')).toBe('/hazards/91')
    expect(hazard.find('[data-test="hazard-state"]').text()).toBe('待交办')
    expect(w.find('[data-test="evidence-guards"] [data-test="evidence-note"]').text()).toBe('现有专职保安 1 名')
    expect(w.find('[data-test="evidence-guards"] [data-test="evidence-photo"]').attributes('aria-label')).toBe('查看照片 门卫.jpg')
    expect(w.find('[data-test="evidence-alarm_video"] [data-test="evidence-note"]').text()).toBe('（未填写说明）')
  })

  it('sends nothing when the confirm is declined', async () => {
    api.confirm.mockResolvedValue(false)
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    for (const k of ['guards', 'closed_campus', 'alarm_video', 'gate_duty']) await w.find(`[data-test="note-${k}"]`).setValue('情况正常')
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledTimes(1)
    expect(api.security.screen).not.toHaveBeenCalled()
  })

  it('places the server’s reasons at the named blocks, and says a 409 in words', async () => {
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    for (const k of ['guards', 'closed_campus', 'alarm_video', 'gate_duty']) await w.find(`[data-test="note-${k}"]`).setValue('情况正常')
    api.security.screen.mockRejectedValue(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '筛查未通过检查',
          details: [
            { field: 'evidence[1].note', reason: '说明不能超过 1000 字' },
            { field: 'evidence[2].file_ids[0]', reason: '不是您上传的文件' },
            { field: 'evidence', reason: '须包含四项指标各一次' },
          ],
        },
        null,
      ),
    )
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(errorOf('note-closed_campus')).toBe('说明不能超过 1000 字')
    expect(errorOf('photos-alarm_video')).toBe('不是您上传的文件')
    expect(errorOf('note-guards')).toBe('')
    expect(w.find('[data-test="screen-errors"]').text()).toContain('evidence：须包含四项指标各一次')

    api.security.screen.mockRejectedValue(
      new ApiError(409, { code: 'failed_precondition', message: '本轮筛查已结束', details: [{ field: 'screening.ended', reason: '筛查时间已过' }] }, null),
    )
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(w.find('[data-test="screen-conflict"]').text()).toBe('本轮筛查已结束，不能再提交。')
    expect(w.find('[data-test="screen-errors"]').exists()).toBe(false)
    expect(errorOf('note-closed_campus')).toBe('')
    // A rule the console does not know: the server's message.
    api.security.screen.mockRejectedValue(new ApiError(409, { code: 'failed_precondition', message: '服务器说不行', details: [{ field: 'screening.other', reason: 'x' }] }, null))
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(w.find('[data-test="screen-conflict"]').text()).toBe('服务器说不行')
    // Screened meanwhile: the snapshot, read again.
    api.security.screen.mockRejectedValue(
      new ApiError(409, { code: 'failed_precondition', message: '已筛查', details: [{ field: 'screening.done', reason: '本轮已筛查' }] }, null),
    )
    api.security.screening.mockResolvedValue(screenedView())
    await w.find('[data-test="screen-submit"]').trigger('click')
    await settle()
    expect(api.security.screening).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="screen-form"]').exists()).toBe(false)
    expect(w.find('[data-test="screen-result"]').exists()).toBe(true)
    expect(document.body.textContent).toContain('本校已完成本轮筛查，不能重复提交。')
  })

  it('warns a school that never saved its record, with the way to fill it', async () => {
    const view = screeningView()
    api.security.screening.mockResolvedValue(screeningView({ current: { ...view.current, recorded: false } }))
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    expect(w.find('[data-test="screen-not-recorded"]').text()).toContain('须先填报台账')
    expect(w.find('[data-test="screen-edit-record"]').attributes('href')).toBe('/security/schools/21')
  })

  it('shows no form to a reader, nor before the window opens, saying why', async () => {
    api.security.screening.mockResolvedValue(screeningView({ can_screen: false }))
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(['security:read'], BUREAU))
    expect(w.find('[data-test="screen-form"]').exists()).toBe(false)
    expect(w.find('[data-test="screen-waiting"]').text()).toBe('该校尚未完成本轮筛查')

    api.security.screening.mockResolvedValue(screeningView({ can_screen: false, round: screeningRound({ window: 'not_open' }) }))
    const early = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(OFFICER))
    expect(early.w.find('[data-test="screen-form"]').exists()).toBe(false)
    expect(early.w.find('[data-test="screen-waiting"]').text()).toBe('本轮筛查尚未开始（2026-11-01 起）')
  })

  it('shows the snapshot to the bureau, and not found out of scope', async () => {
    api.security.screening.mockResolvedValue(screenedView())
    const { w } = await mountPage(RoundSchool, '/security/rounds/4/schools/21', user(SAFETY_OFFICE, BUREAU))
    expect(w.find('[data-test="screen-form"]').exists()).toBe(false)
    expect(w.find('[data-test="screen-current"]').exists()).toBe(false)
    expect(w.findAll('[data-test="evidence-photo"]')).toHaveLength(2)
    expect(w.find('[data-test="screen-to-round"]').attributes('href')).toBe('/security/rounds/4')

    api.security.screening.mockRejectedValue(new ApiError(404, { code: 'not_found', message: '记录不存在', details: [] }, null))
    const other = await mountPage(RoundSchool, '/security/rounds/4/schools/99', user(OFFICER))
    expect(other.w.find('[data-test="not-found"]').exists()).toBe(true)
  })
})
