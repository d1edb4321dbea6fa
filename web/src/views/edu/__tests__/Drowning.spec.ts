// 防溺水提醒 (the page): 完成情况 — a school user's own school (its location, 重点 when the server
// says so, and its warning days) by class with the warnings not given (classes named by grade),
// the bureau's district by school (location, 重点, classes, warning days, the counts and the rate,
// lowest first, each opening its school), 重点学校 against 城区学校, the period switch and the export,
// cards on a phone — and 专项预警: the campaigns, 发布预警 for edu:content only, the form checked
// before sending, its body, the server's reasons beside their fields, and 撤销 asked first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import { useSessionStore } from '@/stores/session'
import type { Me } from '@/api/auth'
import { BUREAU, BUREAU_PERMS, OFFICER_PERMS, TEACHER_PERMS, completion, drowningCampaign, drowningDistrict, drowningSchool, user } from './fixtures'
import { chinaToday } from '@/views/hazards/hazardHelpers'

const api = vi.hoisted(() => ({
  drowning: { warnings: vi.fn(), give: vi.fn(), board: vi.fn(), exportBoard: vi.fn(), campaigns: vi.fn(), createCampaign: vi.fn(), removeCampaign: vi.fn() },
  schools: { list: vi.fn() },
  saveDownload: vi.fn(),
  confirm: vi.fn(),
}))

vi.mock('@/api/eduDrowning', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduDrowning')>()
  return { ...real, eduDrowningApi: api.drowning }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
})
vi.mock('@/api/http', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/http')>()
  return { ...real, saveDownload: api.saveDownload }
})
vi.mock('@/utils/confirm', () => ({ confirmAction: api.confirm }))

import Drowning from '../Drowning.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/edu/drowning') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/edu/drowning', name: 'edu-drowning', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(Drowning, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const value = (w: VueWrapper, test: string) => w.find(`[data-test="${test}"] [data-test="stat-value"]`).text()
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()
const dialogOpen = () => {
  const d = $('campaign-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}

async function choosePeriod(w: VueWrapper, p: string): Promise<void> {
  await w.find(`[data-test="period-${p}"] input`).setValue(true)
  await flushPromises()
}

async function type(test: string, v: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = v
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}

const OFFICER = () => user(OFFICER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user([...BUREAU_PERMS, 'edu:content'], BUREAU, 'safety_office')
const SECTION_READER = () => user(BUREAU_PERMS, BUREAU, 'section_basic')
const desk = window.innerWidth

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.drowning), api.schools.list, api.saveDownload, api.confirm]) fn.mockReset()
  api.drowning.board.mockImplementation(async (q: { school_id?: number }) => (q.school_id ? drowningSchool({ school_id: q.school_id }) : drowningDistrict()))
  api.drowning.campaigns.mockResolvedValue({ items: [drowningCampaign(), drowningCampaign({ id: 2, title: '端午节前防溺水预警', from: '2026-06-15', to: '2026-06-19', location_types: ['rural', 'township'], location_type_labels: ['乡村', '镇区'], can_delete: false })] })
  api.schools.list.mockResolvedValue({ items: [{ id: 21, name: '示范区双桥小学' }, { id: 23, name: '仁和幼儿园' }], total: 2 })
})
afterEach(() => {
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('防溺水提醒 完成情况', () => {
  it('shows a school user their own school: the totals, its row by location, each class and the warnings not given', async () => {
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="tab-board"]').text()).toBe('完成情况')
    expect(w.find('[data-test="tab-campaigns"]').text()).toBe('专项预警')
    expect(api.drowning.board).toHaveBeenCalledTimes(1)
    expect(api.drowning.board).toHaveBeenCalledWith({ period: 'week', school_id: 21 })
    expect(w.find('[data-test="board-school"]').exists()).toBe(false)
    expect(api.schools.list).not.toHaveBeenCalled()
    expect(w.find('[data-test="board-label"]').text()).toBe('示范区双桥小学 2026年第50周（2026-12-07 至 2026-12-11）')
    // A rural school: 所在地 乡村, tagged 重点, with its warning days.
    expect(w.find('[data-test="board-school-meta"]').text()).toContain('所在地')
    const location = w.find('[data-test="school-location"]')
    expect(location.findAll('.el-tag').map((tag) => tag.text())).toEqual(['乡村', '重点'])
    expect(location.find('[data-test="board-key"]').classes()).toContain('el-tag--danger')
    expect(w.find('[data-test="school-days"]').text()).toBe('提醒日 3 天')
    expect(w.find('[data-test="total-due"] h3').text()).toBe('应提醒')
    expect(value(w, 'total-due')).toBe('6')
    expect(w.find('[data-test="total-done"] h3').text()).toBe('按时')
    expect(value(w, 'total-done')).toBe('3')
    expect(w.find('[data-test="total-late"] h3').text()).toBe('补录')
    expect(value(w, 'total-late')).toBe('1')
    expect(w.find('[data-test="total-missed"] h3').text()).toBe('未提醒')
    expect(value(w, 'total-missed')).toBe('2')
    expect(value(w, 'total-rate')).toBe('66.7%')
    // A rural school: its row 重点学校 only.
    expect(w.findAll('[data-test="board-locations"] > li').map((li) => li.attributes('data-test'))).toEqual(['location-high_risk'])
    expect(w.find('[data-test="location-high_risk"] h3').text()).toBe('重点学校（乡村、镇区、城乡结合部）')
    expect(w.find('[data-test="location-high_risk"] [data-test="stat-count"]').text()).toBe('已提醒 4 / 应提醒 6')

    const rows = w.findAll('[data-test="board-classes-table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="board-class-7"]').text()).toBe('三年级2班')
    expect(rows[0].text()).toContain('王芳')
    expect(rows[0].find('[data-test="class-rate"]').text()).toBe('100%')
    expect(rows[1].find('[data-test="board-class-8"]').text()).toBe('幼儿园大班')
    expect(rows[1].find('[data-test="class-missed"]').text()).toBe('2')
    expect(w.find('[data-test="board-missing-count"]').text()).toBe('2 条')
    const missing = w.findAll('[data-test="board-missing-table"] .el-table__body tbody tr')
    expect(missing.map((r) => r.text())).toEqual(['2026-12-09幼儿园大班', '2026-12-08幼儿园大班'])
  })

  it('tags a school 重点 only when the server says it is one, names an unrecorded location 未登记, and the missing classes by grade', async () => {
    api.drowning.board.mockResolvedValueOnce(
      drowningSchool({
        location_type: 'urban',
        location_type_label: '城区',
        high_risk_school: false,
        days: 1,
        high_risk: completion(0, 0, 0, 0),
        other: completion(2, 1, 0, 1),
        totals: completion(2, 1, 0, 1),
        missing: [
          // The grade names the class, not the label.
          { class_id: 7, class_name: '2班', grade: 3, grade_label: '', date: '2026-12-11' },
          { class_id: 9, class_name: '三年级5班', grade: 3, grade_label: '三年级', date: '2026-12-11' },
          { class_id: 8, class_name: '幼儿园大班', grade: 0, grade_label: '幼儿园/未分年级', date: '2026-12-10' },
        ],
      }),
    )
    const w = await mountPage(OFFICER())
    const location = w.find('[data-test="school-location"]')
    expect(location.text()).toBe('城区')
    expect(location.find('[data-test="board-key"]').exists()).toBe(false)
    expect(w.find('[data-test="school-days"]').text()).toBe('提醒日 1 天')
    expect(w.findAll('[data-test="board-locations"] > li').map((li) => li.attributes('data-test'))).toEqual(['location-other'])
    const missing = w.findAll('[data-test="board-missing-table"] .el-table__body tbody tr')
    expect(missing.map((r) => r.text())).toEqual(['2026-12-11三年级2班', '2026-12-11三年级5班', '2026-12-10幼儿园大班'])

    api.drowning.board.mockResolvedValueOnce(drowningSchool({ location_type: '', location_type_label: '', high_risk_school: false, days: 0 }))
    await choosePeriod(w, 'semester')
    await settle()
    expect(w.find('[data-test="school-location"]').text()).toBe('未登记')
    expect(w.find('[data-test="school-location"] [data-test="board-key"]').exists()).toBe(false)
    expect(w.find('[data-test="school-days"]').text()).toBe('提醒日 0 天')

    api.drowning.board.mockResolvedValueOnce(drowningSchool({ location_type: 'fringe', location_type_label: '城乡结合部', high_risk_school: true }))
    await choosePeriod(w, 'week')
    await settle()
    expect(w.find('[data-test="school-location"]').findAll('.el-tag').map((tag) => tag.text())).toEqual(['城乡结合部', '重点'])
  })

  it('switches the period and exports the view shown', async () => {
    api.drowning.exportBoard.mockResolvedValue({ blob: new Blob(['x']), filename: '防溺水提醒完成情况.xlsx' })
    const w = await mountPage(OFFICER())
    await choosePeriod(w, 'semester')
    expect(api.drowning.board).toHaveBeenLastCalledWith({ period: 'semester', school_id: 21 })
    await choosePeriod(w, 'custom')
    expect(api.drowning.board).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="board-choose-range"]').text()).toBe('请选择起止日期')
    expect(w.find('[data-test="board-export"]').text()).toBe('导出 Excel')
    expect(w.find('[data-test="board-export"]').attributes('disabled')).toBeDefined()
    w.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-12-01', '2026-12-07'])
    await flushPromises()
    expect(api.drowning.board).toHaveBeenLastCalledWith({ period: 'custom', from: '2026-12-01', to: '2026-12-07', school_id: 21 })
    await w.find('[data-test="board-export"]').trigger('click')
    await flushPromises()
    expect(api.drowning.exportBoard).toHaveBeenCalledWith({ period: 'custom', from: '2026-12-01', to: '2026-12-07', school_id: 21 })
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('shows the bureau the district by school, lowest rate first, with the location, 重点, classes and days; a school opens its classes', async () => {
    const w = await mountPage(OFFICE())
    expect(api.drowning.board).toHaveBeenCalledWith({ period: 'week' })
    expect(w.find('[data-test="board-label"]').text()).toContain('全区各校')
    expect(w.find('[data-test="board-school-meta"]').exists()).toBe(false)
    expect(w.find('[data-test="school-location"]').exists()).toBe(false)
    expect(w.findAll('[data-test="board-locations"] > li').map((li) => li.find('h3').text())).toEqual(['重点学校（乡村、镇区、城乡结合部）', '城区学校'])
    expect(w.find('[data-test="location-other"] [data-test="stat-value"]').text()).toBe('90%')
    const rows = w.findAll('[data-test="board-schools-table"] .el-table__body tbody tr')
    expect(rows.map((r) => r.find('[data-test^="board-school-"]').text())).toEqual(['示范区双桥小学', '仁和幼儿园', '示范区新校'])
    expect(rows[0].find('[data-test="board-location"]').text()).toContain('乡村')
    expect(rows[0].find('[data-test="board-key"]').text()).toBe('重点')
    expect(rows[0].find('[data-test="school-days"]').text()).toBe('3')
    expect(rows[0].find('[data-test="school-missed"]').text()).toBe('2')
    expect(rows[0].find('[data-test="school-rate"]').text()).toBe('66.7%')
    expect(rows[1].find('[data-test="board-key"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="board-location"]').text()).toBe('城区')
    expect(rows[2].find('[data-test="board-location"]').text()).toBe('未登记')
    expect(rows[2].find('[data-test="school-rate"]').text()).toBe('—')
    expect(w.find('[data-test="board-back"]').exists()).toBe(false)

    await rows[0].find('[data-test="board-school-21"]').trigger('click')
    await flushPromises()
    expect(api.drowning.board).toHaveBeenLastCalledWith({ period: 'week', school_id: 21 })
    expect(w.find('[data-test="board-classes-table"]').exists()).toBe(true)
    await w.find('[data-test="board-back"]').trigger('click')
    await flushPromises()
    expect(api.drowning.board).toHaveBeenLastCalledWith({ period: 'week' })
    expect(w.find('[data-test="board-schools-table"]').exists()).toBe(true)
  })

  it('picks a school from a link', async () => {
    await mountPage(OFFICE(), '/edu/drowning?school_id=23')
    expect(api.drowning.board).toHaveBeenCalledWith({ period: 'week', school_id: 23 })
  })

  it('shows the schools, classes and warnings not given as cards on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICE())
    expect(w.find('[data-test="board-schools-table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="board-school-cards"] > li')
    expect(cards).toHaveLength(3)
    expect(cards[0].find('[data-test="board-key"]').text()).toBe('重点')
    expect(cards[0].find('[data-test="school-rate"]').text()).toBe('66.7%')
    await cards[0].find('[data-test="board-school-21"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="board-class-card-8"] [data-test="class-missed"]').text()).toBe('未提醒 2')
    expect(w.findAll('[data-test="board-missing-cards"] li')).toHaveLength(2)
    expect(w.find('[data-test="board-missing-cards"] li').text()).toBe('2026-12-09幼儿园大班')
    expect(w.find('[data-test="school-location"]').findAll('.el-tag').map((tag) => tag.text())).toEqual(['乡村', '重点'])
    expect(w.find('[data-test="school-days"]').text()).toBe('提醒日 3 天')
  })
})

describe('防溺水提醒 专项预警', () => {
  it('lists the campaigns with their period, schools, text and who issued them; a reader has no 发布预警', async () => {
    const w = await mountPage(SECTION_READER(), '/edu/drowning?tab=campaigns')
    expect(api.drowning.campaigns).toHaveBeenCalledTimes(1)
    expect(api.drowning.board).not.toHaveBeenCalled()
    expect(w.find('[data-test="campaign-create"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="campaign-card"]')
    expect(cards).toHaveLength(2)
    expect(cards[0].find('[data-test="campaign-card-title"]').text()).toBe('汛期防溺水专项预警')
    expect(cards[0].find('[data-test="campaign-period"]').text()).toContain('2026-12-01 至 2026-12-10')
    expect(cards[0].find('[data-test="campaign-period"]').text()).toContain('共 10 天')
    expect(cards[0].find('[data-test="campaign-targets"]').text()).toBe('全部学校')
    expect(cards[0].find('[data-test="campaign-card-text"]').text()).toContain('河道、水塘水位上涨')
    expect(cards[0].find('[data-test="campaign-by"]').text()).toBe('示范区教育局 李强 发布于 2026-12-01 09:00')
    expect(cards[1].find('[data-test="campaign-targets"]').text()).toBe('乡村、镇区学校')
    expect(cards[1].find('[data-test="campaign-status"]').text()).toBe(chinaToday() > '2026-06-19' ? '已结束' : chinaToday() < '2026-06-15' ? '未开始' : '预警中')
    expect(cards[1].find('[data-test="campaign-delete"]').exists()).toBe(false)
  })

  it('says there is none', async () => {
    api.drowning.campaigns.mockResolvedValue({ items: [] })
    const w = await mountPage(OFFICER(), '/edu/drowning?tab=campaigns')
    expect(w.find('[data-test="campaign-empty"]').text()).toBe('暂无专项预警')
  })

  it('issues a campaign: checked before sending, then sent with its body and listed first', async () => {
    const today = chinaToday()
    const w = await mountPage(OFFICE())
    await w.find('[data-test="tab-campaigns"]').trigger('click')
    await settle()
    expect(api.drowning.campaigns).toHaveBeenCalledTimes(1)
    expect(w.find('[data-test="campaign-create"]').text()).toBe('发布预警')
    await w.find('[data-test="campaign-create"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    expect($('campaign-dialog')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('发布防溺水专项预警')
    expect(component(w, 'ElCheckboxGroup', 'campaign-locations').props('modelValue')).toEqual([])
    // Nothing filled: the dialog says what is missing and sends nothing.
    $('campaign-submit')!.click()
    await settle()
    expect(api.drowning.createCampaign).not.toHaveBeenCalled()
    expect(errorOf('campaign-title')).toBe('请填写标题')
    expect(errorOf('campaign-text')).toBe('请填写提醒内容')
    expect(errorOf('campaign-to')).toBe('请选择结束日期')
    expect(errorOf('campaign-from')).toBeUndefined()

    await type('campaign-title', ' 汛期防溺水预警 ')
    await type('campaign-text', '近期连续降雨，不到河边玩耍。')
    const pickers = w.findAllComponents({ name: 'ElDatePicker' })
    expect(pickers[0].props('modelValue')).toBe(today)
    pickers[1].vm.$emit('update:modelValue', today)
    await flushPromises()
    expect($('campaign-days')?.textContent?.trim()).toBe('预警期间共 1 天')
    component(w, 'ElCheckboxGroup', 'campaign-locations').vm.$emit('update:modelValue', ['fringe', 'rural'])
    await flushPromises()
    const saved = drowningCampaign({ id: 9, title: '汛期防溺水预警', from: today, to: today, location_types: ['rural', 'fringe'], location_type_labels: ['乡村', '城乡结合部'] })
    api.drowning.createCampaign.mockResolvedValue(saved)
    $('campaign-submit')!.click()
    await settle()
    expect(api.drowning.createCampaign).toHaveBeenCalledWith({
      title: '汛期防溺水预警',
      text: '近期连续降雨，不到河边玩耍。',
      from: today,
      to: today,
      location_types: ['rural', 'fringe'],
    })
    expect(dialogOpen()).toBe(false)
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已发布专项预警')
    const first = w.findAll('[data-test="campaign-card"]')[0]
    expect(first.attributes('data-id')).toBe('9')
    expect(first.find('[data-test="campaign-targets"]').text()).toBe('乡村、城乡结合部学校')
    expect(first.find('[data-test="campaign-status"]').text()).toBe('预警中')
  })

  it('puts the server’s reasons beside their fields, and lists one no field shows', async () => {
    const today = chinaToday()
    const w = await mountPage(OFFICE(), '/edu/drowning?tab=campaigns')
    await w.find('[data-test="campaign-create"]').trigger('click')
    await settle()
    await type('campaign-title', '汛期预警')
    await type('campaign-text', '不到河边玩耍')
    w.findAllComponents({ name: 'ElDatePicker' })[1].vm.$emit('update:modelValue', today)
    await flushPromises()
    api.drowning.createCampaign.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [
            { field: 'title', reason: '标题含有不允许的字符' },
            { field: 'location_types', reason: '学校所在地类型重复：rural' },
          ],
        },
        null,
      ),
    )
    $('campaign-submit')!.click()
    await settle()
    expect(errorOf('campaign-title')).toBe('标题含有不允许的字符')
    expect(errorOf('campaign-locations')).toBe('学校所在地类型重复：rural')
    expect(dialogOpen()).toBe(true)

    api.drowning.createCampaign.mockRejectedValueOnce(
      new ApiError(422, { code: 'invalid_argument', message: '请检查输入', details: [{ field: 'unit_id', reason: '发布防溺水预警须以所属单位的身份' }] }, null),
    )
    $('campaign-submit')!.click()
    await settle()
    expect($('campaign-errors')?.textContent).toContain('unit_id：发布防溺水预警须以所属单位的身份')
  })

  it('withdraws a campaign once confirmed', async () => {
    const w = await mountPage(OFFICE(), '/edu/drowning?tab=campaigns')
    const button = w.find('[data-test="campaign-card"][data-id="4"] [data-test="campaign-delete"]')
    expect(button.text()).toBe('撤销')
    expect(button.attributes('aria-label')).toBe('撤销专项预警：汛期防溺水专项预警')
    api.confirm.mockResolvedValueOnce(false)
    await button.trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledWith('确定撤销专项预警“汛期防溺水专项预警”吗？撤销后，预警期间的上学日不再因该预警列为防溺水提醒日。')
    expect(api.drowning.removeCampaign).not.toHaveBeenCalled()
    api.confirm.mockResolvedValueOnce(true)
    api.drowning.removeCampaign.mockResolvedValue(undefined)
    await button.trigger('click')
    await settle()
    expect(api.drowning.removeCampaign).toHaveBeenCalledWith(4)
    expect(w.findAll('[data-test="campaign-card"]').map((c) => c.attributes('data-id'))).toEqual(['2'])
  })

  it('gives a class teacher both tabs to read, without 发布预警', async () => {
    const w = await mountPage(user(TEACHER_PERMS))
    expect(api.drowning.board).toHaveBeenCalledWith({ period: 'week', school_id: 21 })
    await w.find('[data-test="tab-campaigns"]').trigger('click')
    await settle()
    expect(w.find('[data-test="campaign-create"]').exists()).toBe(false)
    expect(w.findAll('[data-test="campaign-card"]')).toHaveLength(2)
  })
})
