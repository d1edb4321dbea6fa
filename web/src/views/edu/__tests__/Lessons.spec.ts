// 安全教育活动: the list and its filters, the theme and day labels, the scope (全校 / n 个班), who may
// record, edit and delete; the record form — the whole school or the classes (by grade and name),
// the photos uploaded first and sent by id, the observances of the date's month, the presets of
// the calendar's 去记录 link, the server's reason under its field, the version sent back and a
// conflict reloading — and cards on a phone.
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
import {
  BUREAU,
  BUREAU_RECORDER_PERMS,
  RECORDER_PERMS,
  TEACHER_PERMS,
  TODAY,
  eduClass,
  lesson,
  lessonDetail,
  themes,
  user,
} from './fixtures'

const api = vi.hoisted(() => ({
  lessons: { themes: vi.fn(), list: vi.fn(), export: vi.fn(), get: vi.fn(), create: vi.fn(), update: vi.fn(), remove: vi.fn(), calendar: vi.fn() },
  classes: { list: vi.fn(), create: vi.fn(), update: vi.fn(), template: vi.fn(), import: vi.fn(), export: vi.fn() },
  schools: { list: vi.fn() },
  upload: vi.fn(),
  confirm: vi.fn(),
  saveDownload: vi.fn(),
}))

vi.mock('@/api/eduLessons', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/eduLessons')>()
  return { ...real, eduLessonsApi: api.lessons }
})
vi.mock('@/api/edu', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/edu')>()
  return { ...real, eduClassesApi: api.classes }
})
vi.mock('@/api/org', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/org')>()
  return { ...real, schoolsApi: api.schools }
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

import Lessons from '../Lessons.vue'

vi.setConfig({ testTimeout: 60_000 })

const Stub = defineComponent({ template: '<div />' })
const settle = async () => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

async function mountPage(me: Me, path = '/edu/lessons') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/edu/lessons', name: 'edu-lessons', component: Stub }] })
  await router.push(path)
  await router.isReady()
  const w = mount(Lessons, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return w
}

const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
const dialogOpen = () => {
  const d = $('lesson-dialog')
  return !!d && d.closest('.el-overlay')?.getAttribute('style')?.includes('display: none') !== true
}
const errorOf = (test: string) => $(test)?.closest('.el-form-item')?.querySelector('.el-form-item__error')?.textContent?.trim()

function component(w: VueWrapper, name: string, test: string) {
  const c = w.findAllComponents({ name }).find((x) => x.attributes('data-test') === test)
  expect(c, test).toBeTruthy()
  return c!
}
const select = (w: VueWrapper, test: string) => component(w, 'ElSelect', test)

async function type(test: string, value: string): Promise<void> {
  const el = $(test) as HTMLInputElement
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

/** 选择班级 instead of 全校. */
async function someClasses(): Promise<void> {
  const radio = document.querySelector<HTMLInputElement>('[data-test="lesson-some"] input')
  expect(radio).toBeTruthy()
  radio!.checked = true
  radio!.dispatchEvent(new Event('change'))
  await settle()
}

async function participants(w: VueWrapper, n: number): Promise<void> {
  component(w, 'ElInputNumber', 'lesson-participants').vm.$emit('update:modelValue', n)
  await flushPromises()
}

const OFFICER = () => user(RECORDER_PERMS, undefined, 'school1_safety')
const OFFICE = () => user(BUREAU_RECORDER_PERMS, BUREAU, 'safety_office')
const desk = window.innerWidth

const ROWS = () => [
  lesson(),
  lesson({
    id: 6,
    date: '2026-09-01',
    theme: 'first_lesson',
    theme_label: '开学安全第一课',
    observance: '',
    observance_label: '',
    title: '开学安全第一课——校园安全伴我行',
    whole_school: false,
    class_ids: [7, 8],
    participants: 85,
    recorded_by_name: '',
  }),
]

beforeEach(() => {
  // Today in China is 2026-12-07 (only the clock is faked: the page's timers run).
  vi.useFakeTimers({ now: new Date(`${TODAY}T02:00:00Z`), toFake: ['Date'] })
  i18n.global.locale.value = 'zh-CN'
  for (const fn of [...Object.values(api.lessons), ...Object.values(api.classes), api.schools.list, api.upload, api.confirm, api.saveDownload]) fn.mockReset()
  api.lessons.themes.mockImplementation(async (year?: number) => themes(year ?? 2026))
  api.lessons.list.mockResolvedValue({ items: ROWS(), total: 2, page: 1, page_size: 10 })
  api.classes.list.mockResolvedValue({
    items: [eduClass(), eduClass({ id: 8, grade: 0, name: '大班' }), eduClass({ id: 9, grade: 3, name: '三年级5班' })],
    total: 3,
  })
  api.schools.list.mockResolvedValue({
    items: [
      { id: 21, name: '示范区双桥小学' },
      { id: 22, name: '示范区实验中学' },
    ],
    total: 2,
  })
  api.confirm.mockResolvedValue(true)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  window.innerWidth = desk
})

describe('安全教育活动: the list', () => {
  it('lists a school’s records: date, theme, day, name, 全校 or n 个班, participants, who recorded it', async () => {
    const w = await mountPage(OFFICER())
    expect(api.lessons.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    expect(api.lessons.themes).toHaveBeenCalledWith(undefined)
    const heads = w.findAll('[data-test="table"] thead th').map((th) => th.text())
    // A school's staff see their own school only: no school column.
    expect(heads).toEqual(['日期', '主题', '主题日（月）', '活动名称', '范围', '参加人数', '记录人', '操作'])
    const rows = w.findAll('[data-test="table"] .el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].find('[data-test="row-date"]').text()).toBe('2026-11-09')
    expect(rows[0].find('[data-test="row-theme"]').text()).toBe('消防安全')
    expect(rows[0].find('[data-test="row-observance"]').text()).toBe('消防宣传月')
    expect(rows[0].find('[data-test="row-title"]').text()).toBe('消防安全进校园')
    expect(rows[0].find('[data-test="row-scope"]').text()).toBe('全校')
    expect(rows[0].find('[data-test="row-participants"]').text()).toBe('860')
    expect(rows[0].find('[data-test="row-recorder"]').text()).toBe('赵敏')
    expect(rows[1].find('[data-test="row-theme"]').text()).toBe('开学安全第一课')
    expect(rows[1].find('[data-test="row-observance"]').exists()).toBe(false)
    expect(rows[1].find('[data-test="row-scope"]').text()).toBe('2 个班')
    // No display name: the username.
    expect(rows[1].find('[data-test="row-recorder"]').text()).toBe('school1_safety')
    expect(w.find('[data-test="add"]').text()).toBe('记录活动')
    expect(w.findAll('[data-test="row-edit"]')).toHaveLength(2)
    expect(w.findAll('[data-test="row-delete"]')).toHaveLength(2)
    expect(w.find('[data-test="search-school_id"]').exists()).toBe(false)
  })

  it('filters by school, theme, day, dates and name for the bureau, and exports those filters', async () => {
    const w = await mountPage(OFFICE())
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())[1]).toBe('学校')
    // The filters' options: the themes and the four days and months.
    expect(select(w, 'search-observance').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual([
      '全国中小学生安全教育日',
      '全民国家安全教育日',
      '安全生产月',
      '消防宣传月',
    ])
    select(w, 'search-school_id').vm.$emit('update:modelValue', 22)
    select(w, 'search-theme').vm.$emit('update:modelValue', 'fire')
    select(w, 'search-observance').vm.$emit('update:modelValue', 'fire_month')
    w.findAllComponents({ name: 'ElDatePicker' })[0].vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await type('search-q', ' 消防 ')
    await w.find('[data-test="search"]').trigger('click')
    await flushPromises()
    const filters = { school_id: 22, theme: 'fire', observance: 'fire_month', from: '2026-11-01', to: '2026-11-30', q: '消防' }
    expect(api.lessons.list).toHaveBeenLastCalledWith({ ...filters, page: 1, page_size: 10 })

    api.lessons.export.mockResolvedValue({ blob: new Blob(['x']), filename: '安全教育活动.xlsx' })
    await w.find('[data-test="export"]').trigger('click')
    await flushPromises()
    expect(api.lessons.export).toHaveBeenCalledWith(filters)
    expect(api.saveDownload).toHaveBeenCalledTimes(1)
  })

  it('takes the filters from the calendar’s 查看记录 link', async () => {
    await mountPage(OFFICE(), '/edu/lessons?school_id=21&theme=bullying&from=2026-09-01&to=2027-01-22')
    expect(api.lessons.list).toHaveBeenCalledWith({ school_id: 21, theme: 'bullying', from: '2026-09-01', to: '2027-01-22', page: 1, page_size: 10 })
    expect(dialogOpen()).toBe(false)
  })

  it('offers a reader without edu:lessons the list, a record’s detail and the export only', async () => {
    api.lessons.get.mockResolvedValue(
      lessonDetail({ can_edit: false, files: [{ id: 41, name: '现场.jpg', content_type: 'image/jpeg', size: 1, sha256: '', url: '/api/v1/files/41' }] }),
    )
    const w = await mountPage(user(TEACHER_PERMS))
    expect(w.find('[data-test="add"]').exists()).toBe(false)
    expect(w.find('[data-test="row-edit"]').exists()).toBe(false)
    expect(w.find('[data-test="export"]').exists()).toBe(true)
    expect(w.findAll('[data-test="table"] thead th').map((th) => th.text())).not.toContain('操作')
    // Opened, a record shows its fields and photos, without 修改.
    await w.findAll('[data-test="row-title"]')[0].trigger('click')
    await settle()
    expect(api.lessons.get).toHaveBeenCalledWith(5)
    expect($('detail-observance')?.textContent).toBe('消防宣传月')
    expect($('detail-scope')?.textContent?.trim()).toBe('全校')
    expect(document.querySelectorAll('[data-test="detail-files"] img')).toHaveLength(1)
    expect($('detail-edit')).toBeNull()
  })

  it('deletes a record after asking, then reloads', async () => {
    const w = await mountPage(OFFICER())
    api.lessons.remove.mockResolvedValue(undefined)
    await w.findAll('[data-test="row-delete"]')[1].trigger('click')
    await settle()
    expect(api.confirm).toHaveBeenCalledWith(expect.stringContaining('2026-09-01 开学安全第一课——校园安全伴我行'))
    expect(api.lessons.remove).toHaveBeenCalledWith(6)
    expect(api.lessons.list).toHaveBeenCalledTimes(2)
  })

  it('shows one card per record on a phone', async () => {
    window.innerWidth = 375
    const w = await mountPage(OFFICER())
    expect(w.find('[data-test="table"]').exists()).toBe(false)
    const cards = w.findAll('[data-test="card"]')
    expect(cards).toHaveLength(2)
    expect(cards[0].find('[data-test="card-title"]').text()).toBe('消防安全进校园')
    expect(cards[0].find('[data-test="card-date"]').text()).toBe('2026-11-09')
    expect(cards[0].find('[data-test="card-theme"]').text()).toBe('消防安全')
    expect(cards[0].find('[data-test="card-observance"]').text()).toBe('消防宣传月')
    expect(cards[0].find('[data-test="card-scope"]').text()).toBe('全校')
    expect(cards[0].find('[data-test="card-participants"]').text()).toBe('860 人')
    expect(cards[1].find('[data-test="card-scope"]').text()).toBe('2 个班')
    expect(cards[1].find('[data-test="card-observance"]').exists()).toBe(false)
    expect(cards[0].find('[data-test="row-edit"]').exists()).toBe(true)
    expect(cards[0].find('[data-test="row-delete"]').exists()).toBe(true)
  })
})

describe('安全教育活动: the record form', () => {
  it('records the whole school today with photos: the school’s own, the files by id', async () => {
    let n = 40
    api.upload.mockImplementation(async (_f: Blob, name: string) => ({ id: ++n, name, content_type: 'image/jpeg', size: 1, sha256: '', url: `/api/v1/files/${n}` }))
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect(dialogOpen()).toBe(true)
    // The school is the user's own: not asked.
    expect($('lesson-school')).toBeNull()
    const date = w.findAllComponents({ name: 'ElDatePicker' }).find((c) => c.props('modelValue') === TODAY)
    expect(date, 'the date is today').toBeTruthy()
    // Today (December) is in no dated day or month.
    expect(select(w, 'lesson-observance').props('disabled')).toBe(true)

    // The required fields first.
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).not.toHaveBeenCalled()
    expect(errorOf('lesson-theme')).toBe('请选择主题')
    expect(errorOf('lesson-title')).toBe('请填写活动名称')

    select(w, 'lesson-theme').vm.$emit('update:modelValue', 'bullying')
    await type('lesson-title', ' 防欺凌主题班会 ')
    await participants(w, 860)
    await type('lesson-speaker', '德育处 刘老师')
    const input = $('lesson-photo-input') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], '班会.jpg', { type: 'image/jpeg' }), new File(['y'], '合影.jpg', { type: 'image/jpeg' })], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    expect(api.upload).toHaveBeenCalledTimes(2)

    api.lessons.create.mockResolvedValue(lessonDetail({ id: 9 }))
    expect($('lesson-submit')?.textContent?.trim()).toBe('保存记录')
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).toHaveBeenCalledTimes(1)
    expect(api.lessons.create).toHaveBeenCalledWith({
      school_id: 21,
      date: TODAY,
      theme: 'bullying',
      title: '防欺凌主题班会',
      whole_school: true,
      participants: 860,
      speaker: '德育处 刘老师',
      materials: '',
      note: '',
      file_ids: [41, 42],
    })
    expect(document.querySelector('.el-message--success')?.textContent).toContain('已记录')
    expect(dialogOpen()).toBe(false)
    expect(api.lessons.list).toHaveBeenCalledTimes(2)
  })

  it('records some classes, chosen among the school’s by grade and name, without photos', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    expect($('lesson-classes')).toBeNull()
    await someClasses()
    expect(api.classes.list).toHaveBeenCalledWith({ school_id: 21, page_size: 500 })
    expect(select(w, 'lesson-classes').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['三年级2班', '大班', '三年级5班'])

    select(w, 'lesson-theme').vm.$emit('update:modelValue', 'fire')
    await type('lesson-title', '消防安全课')
    await participants(w, 85)
    // The classes are required once the whole school is not.
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).not.toHaveBeenCalled()
    expect(errorOf('lesson-classes')).toBe('请选择参加的班级，或选择全校')

    select(w, 'lesson-classes').vm.$emit('update:modelValue', [7, 9])
    api.lessons.create.mockResolvedValue(lessonDetail({ id: 10, whole_school: false, class_ids: [7, 9] }))
    $('lesson-submit')!.click()
    await settle()
    const body = api.lessons.create.mock.calls[0][0]
    expect(body).toMatchObject({ school_id: 21, theme: 'fire', title: '消防安全课', whole_school: false, class_ids: [7, 9], participants: 85 })
    expect(body).not.toHaveProperty('file_ids')
    expect(body).not.toHaveProperty('observance')
  })

  it('shows the server’s reason under its field and keeps the form open', async () => {
    const w = await mountPage(OFFICER())
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    select(w, 'lesson-theme').vm.$emit('update:modelValue', 'fire')
    await type('lesson-title', '消防安全课')
    await participants(w, 85)
    await someClasses()
    select(w, 'lesson-classes').vm.$emit('update:modelValue', [7, 8])
    api.lessons.create.mockRejectedValueOnce(
      new ApiError(
        422,
        {
          code: 'invalid_argument',
          message: '请检查输入',
          details: [
            { field: 'title', reason: '活动名称含有不可见的控制字符' },
            { field: 'class_ids[1]', reason: '班级 #8 不是本校的班级' },
          ],
        },
        null,
      ),
    )
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).toHaveBeenCalledTimes(1)
    expect(dialogOpen()).toBe(true)
    expect(errorOf('lesson-title')).toBe('活动名称含有不可见的控制字符')
    expect(errorOf('lesson-classes')).toBe('班级 #8 不是本校的班级')
    expect($('lesson-errors')).toBeNull()
    expect(api.lessons.list).toHaveBeenCalledTimes(1)
  })

  it('opens filled in from the calendar’s 去记录: theme, day and date; the day drops with a date outside its month', async () => {
    const w = await mountPage(OFFICER(), '/edu/lessons?record=1&theme=other&observance=fire_month&date=2026-11-30')
    expect(dialogOpen()).toBe(true)
    // The link's theme is the form's, not the list's filter.
    expect(api.lessons.list).toHaveBeenCalledWith({ page: 1, page_size: 10 })
    expect(select(w, 'lesson-theme').props('modelValue')).toBe('other')
    expect(select(w, 'lesson-observance').props('modelValue')).toBe('fire_month')
    expect(w.findAllComponents({ name: 'ElDatePicker' }).some((c) => c.props('modelValue') === '2026-11-30')).toBe(true)
    // This year's days and months, read once for the filters and the form.
    expect(api.lessons.themes).toHaveBeenCalledTimes(1)
    // Only the days and months of November are offered.
    expect(select(w, 'lesson-observance').findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual(['fire_month'])

    await type('lesson-title', '消防宣传月主题班会')
    await participants(w, 120)
    api.lessons.create.mockResolvedValue(lessonDetail({ id: 11 }))
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).toHaveBeenCalledWith(
      expect.objectContaining({ school_id: 21, date: '2026-11-30', theme: 'other', observance: 'fire_month', title: '消防宣传月主题班会', participants: 120 }),
    )

    // Again, and a December date: 消防宣传月 no longer applies.
    await w.find('[data-test="add"]').trigger('click')
    await settle()
    select(w, 'lesson-observance').vm.$emit('update:modelValue', 'fire_month')
    await flushPromises()
    w.findAllComponents({ name: 'ElDatePicker' }).find((c) => c.props('modelValue') === TODAY)!.vm.$emit('update:modelValue', '2026-11-20')
    await settle()
    expect(select(w, 'lesson-observance').props('modelValue')).toBe('fire_month')
    w.findAllComponents({ name: 'ElDatePicker' }).find((c) => c.props('modelValue') === '2026-11-20')!.vm.$emit('update:modelValue', '2026-12-01')
    await settle()
    expect(select(w, 'lesson-observance').props('modelValue')).toBe('')
  })

  it('asks a bureau user for the school, preset from the link, and loads that school’s classes', async () => {
    const w = await mountPage(OFFICE(), '/edu/lessons?record=1&theme=bullying&date=2026-12-01&school_id=22')
    expect(dialogOpen()).toBe(true)
    expect(select(w, 'lesson-school').props('modelValue')).toBe(22)
    await someClasses()
    expect(api.classes.list).toHaveBeenLastCalledWith({ school_id: 22, page_size: 500 })
    select(w, 'lesson-classes').vm.$emit('update:modelValue', [7])
    await type('lesson-title', '防欺凌专题教育')
    await participants(w, 45)
    api.lessons.create.mockResolvedValue(lessonDetail({ id: 12, school_id: 22 }))
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.create).toHaveBeenCalledWith(
      expect.objectContaining({ school_id: 22, date: '2026-12-01', theme: 'bullying', whole_school: false, class_ids: [7] }),
    )
  })

  it('edits a record with the version read, keeping its photos, and reloads after a conflict', async () => {
    api.lessons.get.mockResolvedValue(
      lessonDetail({
        id: 6,
        date: '2026-09-01',
        theme: 'first_lesson',
        observance: '',
        title: '开学安全第一课——校园安全伴我行',
        whole_school: false,
        class_ids: [7, 15],
        class_names: ['三年级2班', '二年级1班'],
        participants: 85,
        version: 3,
        files: [{ id: 30, name: '课堂.jpg', content_type: 'image/jpeg', size: 1, sha256: '', url: '/api/v1/files/30' }],
      }),
    )
    const w = await mountPage(OFFICER())
    await w.findAll('[data-test="row-edit"]')[1].trigger('click')
    await settle()
    expect(api.lessons.get).toHaveBeenCalledWith(6)
    expect(document.querySelector('[data-test="lesson-dialog"]')?.closest('.el-dialog')?.querySelector('.el-dialog__title')?.textContent).toBe('修改活动记录')
    expect(($('lesson-title') as HTMLInputElement).value).toBe('开学安全第一课——校园安全伴我行')
    expect(select(w, 'lesson-classes').props('modelValue')).toEqual([7, 15])
    // A class no longer active keeps the record's name for it.
    expect(select(w, 'lesson-classes').findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toContain('二年级1班')
    expect(document.querySelectorAll('[data-test="lesson-attached"] img')).toHaveLength(1)

    await participants(w, 90)
    api.lessons.update.mockRejectedValueOnce(new ApiError(409, { code: 'edu_lesson.stale', message: '这条记录刚被他人修改，请刷新后再试', details: [] }, null))
    $('lesson-submit')!.click()
    await settle()
    expect(api.lessons.update).toHaveBeenCalledWith(6, {
      date: '2026-09-01',
      theme: 'first_lesson',
      title: '开学安全第一课——校园安全伴我行',
      whole_school: false,
      class_ids: [7, 15],
      participants: 90,
      speaker: '消防救援站 李队长',
      materials: '',
      note: '',
      version: 3,
    })
    expect(document.querySelector('.el-message--error')?.textContent).toContain('这条记录刚被他人修改')
    expect(dialogOpen()).toBe(false)
    expect(api.lessons.list).toHaveBeenCalledTimes(2)
  })
})
