import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  byRate,
  campaignBody,
  campaignDays,
  campaignProblems,
  campaignStatus,
  campaignStatusTag,
  campaignTargets,
  completionQuery,
  emptyCampaignForm,
  giveBody,
  givenOf,
  givenText,
  isGiven,
  isLongText,
  locationOptions,
  locationRows,
  noteProblem,
  occasionText,
  rateText,
  reasonTags,
  reasonText,
  schoolLocationText,
  unplacedCampaignErrors,
  warningKey,
  warningSections,
  warningStateTag,
  warningStateText,
} from '../drowningHelpers'
import { classTitle } from '../eduHelpers'
import { TODAY, completion, drowningCampaign, drowningDistrict, drowningSchool, warning } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

const record = (over = {}) => ({ id: 3, note: '', by: 'school1_teacher', by_name: '王芳', at: '2026-12-07T08:05:00Z', on: TODAY, ...over })

describe('the teacher’s warnings', () => {
  it('keys a warning by class and day', () => {
    expect(warningKey(warning())).toBe(`7-${TODAY}`)
  })

  it('cards the day’s warnings, those open for a late record and those just recorded; lists the missed ones apart, in the server’s order', () => {
    const today = warning()
    const late = warning({ date: '2026-12-04', state: 'missed', state_label: '未开展', can_give: true })
    const recorded = warning({ date: '2026-12-03', state: 'late', state_label: '补录', can_give: false, via: 'warning', warning: record({ on: TODAY }) })
    const gone = warning({ date: '2026-11-27', state: 'missed', state_label: '未开展', can_give: false })
    const todayDone = warning({ class_id: 8, state: 'done', state_label: '已完成', can_give: false, via: 'checkin', checkin_id: 31 })
    const s = warningSections([today, todayDone, late, recorded, gone], TODAY)
    expect(s.cards).toEqual([today, todayDone, late, recorded])
    expect(s.missed).toEqual([gone])
    expect(warningSections([], TODAY)).toEqual({ cards: [], missed: [] })
  })

  it('knows a warning given by the teacher’s record or a 1530 check-in, on time or late', () => {
    expect(isGiven(warning())).toBe(false)
    expect(isGiven(warning({ state: 'done', via: 'checkin' }))).toBe(true)
    expect(isGiven(warning({ state: 'late', via: 'warning', warning: record() }))).toBe(true)
    expect(isGiven(warning({ state: 'missed', can_give: false }))).toBe(false)
  })

  it('says the reasons with the server’s labels, else the locale’s, and the occasion', () => {
    expect(reasonTags(t, warning({ reasons: ['holiday', 'campaign'], reason_labels: ['节假日前', '专项预警'] }))).toEqual([
      { code: 'holiday', label: '节假日前' },
      { code: 'campaign', label: '专项预警' },
    ])
    expect(reasonTags(t, warning({ reasons: ['weekend', 'frequency'], reason_labels: [] })).map((r) => r.label)).toEqual(['周末前', '加密提醒'])
    expect(reasonText(t, 'flood')).toBe('flood')
    expect(occasionText(t, '暑假')).toBe('暑假前')
    expect(occasionText(t, '')).toBe('')
  })

  it('says the state: 待补录 for an earlier day still open, else the server’s label, with a colour', () => {
    expect(warningStateText(t, warning(), TODAY)).toBe('今日待完成')
    expect(warningStateTag(warning(), TODAY)).toBe('warning')
    const open = warning({ date: '2026-12-04', state: 'missed', state_label: '未开展', can_give: true })
    expect(warningStateText(t, open, TODAY)).toBe('待补录')
    expect(warningStateTag(open, TODAY)).toBe('warning')
    const gone = { ...open, can_give: false }
    expect(warningStateText(t, gone, TODAY)).toBe('未开展')
    expect(warningStateTag(gone, TODAY)).toBe('danger')
    expect(warningStateText(t, warning({ state: 'late', state_label: '' , can_give: false }), TODAY)).toBe('补录')
    expect(warningStateTag(warning({ state: 'done', can_give: false }), TODAY)).toBe('success')
    expect(warningStateTag(warning({ state: 'upcoming', can_give: false }), TODAY)).toBe('info')
  })

  it('says when it was given: 已提醒 with the time on the day, 已补录 with the day and time later, or the 1530 check-in that counted', () => {
    expect(givenText(t, warning({ state: 'done', via: 'warning', warning: record() }))).toBe('已提醒 16:05')
    expect(givenText(t, warning({ date: '2026-12-04', state: 'late', via: 'warning', warning: record({ at: '2026-12-07T01:10:00Z' }) }))).toBe(
      '已补录 12-07 09:10',
    )
    expect(givenText(t, warning({ state: 'done', via: 'checkin', checkin_id: 31 }))).toBe('当天1530安全提醒已讲防溺水，计为已提醒')
    expect(givenText(t, warning({ state: 'done' }))).toBe('已提醒')
    expect(givenText(t, warning())).toBe('')
  })

  it('folds a text of more than 80 characters or three lines', () => {
    expect(isLongText('不到河边玩耍。')).toBe(false)
    expect(isLongText('字'.repeat(80))).toBe(false)
    expect(isLongText('字'.repeat(81))).toBe(true)
    expect(isLongText('一\n二\n三\n四')).toBe(true)
  })

  it('sends the class and day, and the note only when one was written, trimmed', () => {
    expect(giveBody(warning(), '')).toEqual({ class_id: 7, date: TODAY })
    expect(giveBody(warning(), '   ')).toEqual({ class_id: 7, date: TODAY })
    expect(giveBody(warning({ date: '2026-12-04' }), ' 结合暑假 ')).toEqual({ class_id: 7, date: '2026-12-04', note: '结合暑假' })
  })

  it('refuses a note longer than 200 characters', () => {
    expect(noteProblem(t, '字'.repeat(200))).toBe('')
    expect(noteProblem(t, '字'.repeat(201))).toBe('备注不能超过 200 个字')
  })
})

describe('the board', () => {
  it('asks for the period, the custom days and the school as 1530完成情况 does', () => {
    expect(completionQuery({ period: 'week', range: null, schoolId: undefined })).toEqual({ period: 'week' })
    expect(completionQuery({ period: 'custom', range: ['2026-12-01', '2026-12-07'], schoolId: 21 })).toEqual({
      period: 'custom',
      from: '2026-12-01',
      to: '2026-12-07',
      school_id: 21,
    })
    expect(completionQuery({ period: 'custom', range: null, schoolId: 21 })).toBeNull()
  })

  it('shows the rates in percent, nothing due as —', () => {
    expect(rateText(0.875, 8)).toBe('87.5%')
    expect(rateText(1, 0)).toBe('—')
    expect(givenOf(completion(6, 3, 1, 2))).toBe(4)
  })

  it('gives the district both rows by location, a school only its own', () => {
    expect(locationRows(drowningDistrict()).map((r) => r.key)).toEqual(['high_risk', 'other'])
    expect(locationRows(drowningSchool()).map((r) => r.key)).toEqual(['high_risk'])
    const city = drowningSchool({
      location_type: 'urban',
      location_type_label: '城区',
      high_risk_school: false,
      days: 1,
      high_risk: completion(0, 0, 0, 0),
      other: completion(2, 2, 0, 0),
    })
    expect(locationRows(city).map((r) => r.key)).toEqual(['other'])
    expect(locationRows(drowningSchool({ high_risk: completion(0, 0, 0, 0) }))).toEqual([])
  })

  it('orders the schools lowest rate first, nothing due last, the server’s order kept among equals', () => {
    const rows = drowningDistrict().schools
    expect(byRate([rows[2], rows[1], rows[0]]).map((r) => r.school_id)).toEqual([21, 23, 25])
    const a = { ...rows[1], school_id: 30 }
    expect(byRate([rows[1], a]).map((r) => r.school_id)).toEqual([23, 30])
  })

  it('names a school’s location, 未登记 when not recorded', () => {
    expect(schoolLocationText(t, 'rural', '乡村')).toBe('乡村')
    expect(schoolLocationText(t, 'fringe')).toBe('城乡结合部')
    expect(schoolLocationText(t, '', '')).toBe('未登记')
  })

  it('names a school by its location, 未登记 when the server has none', () => {
    const b = drowningSchool()
    expect([b.location_type, b.high_risk_school, b.days]).toEqual(['rural', true, 3])
    expect(schoolLocationText(t, b.location_type, b.location_type_label)).toBe('乡村')
    const city = drowningSchool({ location_type: 'urban', location_type_label: '', high_risk_school: false })
    expect(schoolLocationText(t, city.location_type, city.location_type_label)).toBe('城区')
    expect(schoolLocationText(t, '', '')).toBe('未登记')
  })

  it('names a class of the missing list by its grade, as 1530完成情况 does', () => {
    const [m] = drowningSchool().missing
    expect(classTitle(t, m.grade, m.class_name)).toBe('幼儿园大班')
    expect(classTitle(t, 3, '2班')).toBe('三年级2班')
    expect(classTitle(t, 3, '三年级5班')).toBe('三年级5班')
    expect(classTitle(t, 0, '大班')).toBe('大班')
  })
})

describe('the campaigns (专项预警)', () => {
  it('says whether a campaign has begun, runs or is over', () => {
    const c = drowningCampaign({ from: '2026-12-01', to: '2026-12-10' })
    expect(campaignStatus(c, '2026-11-30')).toBe('upcoming')
    expect(campaignStatus(c, '2026-12-01')).toBe('active')
    expect(campaignStatus(c, '2026-12-10')).toBe('active')
    expect(campaignStatus(c, '2026-12-11')).toBe('ended')
    expect(campaignStatusTag('active')).toBe('danger')
    expect(campaignStatusTag('upcoming')).toBe('warning')
    expect(campaignStatusTag('ended')).toBe('info')
  })

  it('names the schools aimed at: 全部学校, or the locations', () => {
    expect(campaignTargets(t, drowningCampaign())).toBe('全部学校')
    expect(campaignTargets(t, drowningCampaign({ location_types: ['rural', 'township'], location_type_labels: ['乡村', '镇区'] }))).toBe('乡村、镇区学校')
    expect(campaignTargets(t, drowningCampaign({ location_types: ['fringe'], location_type_labels: [] }))).toBe('城乡结合部学校')
    expect(locationOptions(t).map((o) => o.label)).toEqual(['城区', '镇区', '乡村', '城乡结合部'])
  })

  it('counts the days of a period, both included', () => {
    expect(campaignDays('2026-12-01', '2026-12-01')).toBe(1)
    expect(campaignDays('2026-12-01', '2026-12-10')).toBe(10)
    expect(campaignDays('2026-12-30', '2027-01-02')).toBe(4)
    expect(campaignDays('2026-12-10', '2026-12-01')).toBe(0)
    expect(campaignDays('', '2026-12-01')).toBe(0)
  })

  it('checks the form before sending as the server would', () => {
    const ok = { ...emptyCampaignForm(TODAY), title: '汛期防溺水预警', text: '不到河边玩耍', to: '2026-12-20' }
    expect(emptyCampaignForm(TODAY)).toEqual({ title: '', text: '', from: TODAY, to: '', location_types: [] })
    expect(campaignProblems(t, ok, TODAY)).toEqual({})
    expect(campaignProblems(t, emptyCampaignForm(TODAY), TODAY)).toEqual({ title: '请填写标题', text: '请填写提醒内容', to: '请选择结束日期' })
    expect(campaignProblems(t, { ...ok, title: '  ', text: ' ', from: '' }, TODAY)).toEqual({
      title: '请填写标题',
      text: '请填写提醒内容',
      from: '请选择开始日期',
    })
    expect(campaignProblems(t, { ...ok, title: '题'.repeat(61) }, TODAY)).toEqual({ title: '标题不能超过 60 个字' })
    expect(campaignProblems(t, { ...ok, text: '字'.repeat(2001) }, TODAY)).toEqual({ text: '提醒内容不能超过 2000 个字' })
    expect(campaignProblems(t, { ...ok, from: '2026-12-21' }, TODAY)).toEqual({ to: '结束日期不能早于开始日期' })
    // 120 days in all: 2026-12-07 … 2027-04-05; one more is refused.
    expect(campaignProblems(t, { ...ok, to: '2027-04-05' }, TODAY)).toEqual({})
    expect(campaignProblems(t, { ...ok, to: '2027-04-06' }, TODAY)).toEqual({ to: '预警期限不能超过 120 天' })
    // Begun in the past is fine; ended in the past is not.
    expect(campaignProblems(t, { ...ok, from: '2026-12-01', to: TODAY }, TODAY)).toEqual({})
    expect(campaignProblems(t, { ...ok, from: '2026-12-01', to: '2026-12-06' }, TODAY)).toEqual({ to: '结束日期已过，不能发布' })
  })

  it('sends the texts trimmed and the locations in the contract’s order', () => {
    const body = campaignBody({ title: ' 汛期预警 ', text: ' 不到河边玩耍 \n', from: '2026-12-01', to: '2026-12-10', location_types: ['fringe', 'rural'] })
    expect(body).toEqual({ title: '汛期预警', text: '不到河边玩耍', from: '2026-12-01', to: '2026-12-10', location_types: ['rural', 'fringe'] })
    expect(campaignBody({ ...emptyCampaignForm(TODAY), to: TODAY }).location_types).toEqual([])
  })

  it('lists the server’s reasons no field shows', () => {
    expect(unplacedCampaignErrors({ title: '请填写预警标题', unit_id: '发布防溺水预警须以所属单位的身份' })).toEqual([
      { field: 'unit_id', reason: '发布防溺水预警须以所属单位的身份' },
    ])
  })
})
