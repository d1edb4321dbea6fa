import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  addDays,
  chinaDayStart,
  chinaToday,
  daysOverdue,
  defaultDeadline,
  draftHasContent,
  draftText,
  emptyReport,
  emptySearch,
  emptyStep,
  hazardFilter,
  hazardQuery,
  missingFive,
  parseDraft,
  reasonRequired,
  reportDraftKey,
  reportInput,
  ruleKey,
  searchFromRoute,
  sortParam,
  stateTagType,
  stepErrors,
  transitionBody,
} from '../hazardHelpers'

// 2026-11-30 20:00 UTC is already 2026-12-01 04:00 in China.
const lateEvening = Date.parse('2026-11-30T20:00:00Z')

describe('China dates', () => {
  it('reads today in UTC+8, as the server sets deadlines', () => {
    expect(chinaToday(lateEvening)).toBe('2026-12-01')
    expect(chinaToday(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
    expect(defaultDeadline(7, lateEvening)).toBe('2026-12-08')
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
  })

  it('turns a China date into the instant the day starts', () => {
    expect(chinaDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
  })

  it('counts days overdue like the server: the whole deadline day counts', () => {
    // Deadline 2026-11-30 ends at 2026-11-30T16:00Z.
    expect(daysOverdue('2026-11-30', 'assigned', Date.parse('2026-11-30T15:59:00Z'))).toBe(0)
    expect(daysOverdue('2026-11-30', 'assigned', Date.parse('2026-11-30T16:00:01Z'))).toBe(1)
    expect(daysOverdue('2026-11-30', 'rectifying', Date.parse('2026-12-03T17:00:00Z'))).toBe(4)
    expect(daysOverdue('2026-11-30', 'closed', Date.parse('2026-12-03T17:00:00Z'))).toBe(0)
    expect(daysOverdue(null, 'assigned')).toBe(0)
  })
})

describe('list search', () => {
  it('sends only the filters that are set, states as a comma list and dates as China-day bounds', () => {
    const s = { ...emptySearch(), q: '  灭火器 ', states: ['reported', 'assigned'] as const, overdue: true, range: ['2026-11-01', '2026-11-30'] as [string, string] }
    expect(hazardFilter({ ...s, states: [...s.states] })).toEqual({
      q: '灭火器',
      state: 'reported,assigned',
      overdue: true,
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    })
    expect(hazardQuery(emptySearch(), 2, 20, '-deadline')).toEqual({ page: 2, page_size: 20, sort: '-deadline' })
  })

  it('reads filters from a link and ignores unknown values', () => {
    const s = searchFromRoute({ state: 'reported,bogus,closed', overdue: 'true', supervised: 'no', level: 'huge', school_id: '21' })
    expect(s.states).toEqual(['reported', 'closed'])
    expect(s.overdue).toBe(true)
    expect(s.supervised).toBe(false)
    expect(s.level).toBe('')
    expect(s.school_id).toBe(21)
    expect(s.mine).toBe(false)
  })

  it('keeps 只看我的 from a link (a teacher’s 我的隐患) and sends it as mine=true', () => {
    const s = searchFromRoute({ mine: 'true' })
    expect(s.mine).toBe(true)
    expect(hazardFilter(s)).toEqual({ mine: true })
    expect(searchFromRoute({ mine: '1' }).mine).toBe(false)
    expect(hazardFilter(emptySearch())).toEqual({})
  })

  it('maps table sorting to the allow-listed sort values', () => {
    expect(sortParam('school_name', 'ascending')).toBe('school')
    expect(sortParam('deadline', 'descending')).toBe('-deadline')
    expect(sortParam('title', 'ascending')).toBeUndefined()
    expect(sortParam('deadline', null)).toBeUndefined()
  })
})

describe('report form', () => {
  it('leaves out empty optional fields and the five of a general hazard', () => {
    const f = { ...emptyReport(21), key_place_id: 54, domain: 'fire', title: ' 灭火器过期 ' }
    f.five.measures = 'ignored for general'
    expect(reportInput(f, [{ id: 3 }])).toEqual({
      school_id: 21,
      key_place_id: 54,
      domain: 'fire',
      level: 'general',
      title: '灭火器过期',
      source: 'self_inspection',
      file_ids: [3],
    })
  })

  it('sends the five for a major hazard and found_at as a UTC instant', () => {
    const f = { ...emptyReport(21), domain: 'gas', level: 'major' as const, title: '燃气管道老化', found_at: new Date('2026-11-30T08:00:00+08:00') }
    f.five = { measures: ' 更换管道 ', responsible: '王', funds: '2万元', deadline: '12月底', contingency_plan: '关阀疏散' }
    const input = reportInput(f, [])
    expect(input.five).toEqual({ measures: '更换管道', responsible: '王', funds: '2万元', deadline: '12月底', contingency_plan: '关阀疏散' })
    expect(input.found_at).toBe('2026-11-30T00:00:00.000Z')
    expect(input.file_ids).toBeUndefined()
  })

  it('names the missing five-in-place fields like the server', () => {
    expect(missingFive({ measures: 'x', responsible: ' ', funds: '', deadline: 'y', contingency_plan: 'z' })).toEqual([
      'five.responsible',
      'five.funds',
    ])
  })
})

describe('report draft', () => {
  const photo = { id: 12, name: '灭火器.jpg', content_type: 'image/jpeg', size: 1_048_576, sha256: 'ab', url: '/api/v1/files/12' }

  it('keeps one draft per user', () => {
    expect(reportDraftKey('school1_safety')).not.toBe(reportDraftKey('school2_safety'))
    expect(reportDraftKey('school1_safety')).toContain('school1_safety')
  })

  it('gives back the form and the uploaded photos it was saved with', () => {
    const f = { ...emptyReport(21), key_place_id: 54, domain: 'fire', level: 'major' as const, title: '灭火器过期', found_at: new Date('2026-11-30T08:00:00Z') }
    f.five.measures = '更换灭火器'
    const back = parseDraft(draftText(f, [photo]), emptyReport(21))
    expect(back).toEqual({ form: f, photos: [photo] })
    expect(back!.form.found_at).toBeInstanceOf(Date)
  })

  it('keeps nothing for an untouched form (the school and source are defaults)', () => {
    expect(draftHasContent(emptyReport(21), [])).toBe(false)
    expect(draftHasContent({ ...emptyReport(21), title: '  ' }, [])).toBe(false)
    expect(draftHasContent({ ...emptyReport(21), title: '漏水' }, [])).toBe(true)
    expect(draftHasContent(emptyReport(21), [photo])).toBe(true)
    expect(parseDraft(draftText(emptyReport(21), []), emptyReport(21))).toBeNull()
  })

  it('ignores a corrupt or foreign draft', () => {
    const base = emptyReport(21)
    const good = JSON.parse(draftText({ ...base, title: '漏水' }, [photo]))
    const variants: unknown[] = [
      { ...good, format: 'hazard-report-draft/0' },
      { ...good, form: { ...good.form, level: 'huge' } },
      { ...good, form: { ...good.form, title: 5 } },
      { ...good, form: { ...good.form, five: null } },
      { ...good, form: { ...good.form, found_at: 'not a date' } },
      { ...good, photos: [{ id: 'x' }] },
      { ...good, photos: 'none' },
      [good],
    ]
    for (const v of variants) expect(parseDraft(JSON.stringify(v), base)).toBeNull()
    for (const text of [null, '', '{', 'null', '"text"']) expect(parseDraft(text, base)).toBeNull()
    expect(parseDraft(JSON.stringify(good), base)?.form.title).toBe('漏水')
  })
})

describe('workflow steps', () => {
  const def = '2026-12-07'

  it('needs a reason for reject, reopen and a later deadline only', () => {
    expect(reasonRequired('reject', '', def)).toBe(true)
    expect(reasonRequired('reopen', '', def)).toBe(true)
    expect(reasonRequired('assign', '2026-12-07', def)).toBe(false)
    expect(reasonRequired('assign', '2026-12-08', def)).toBe(true)
    expect(reasonRequired('approve', '2026-12-08', def)).toBe(false)
  })

  it('sends only the fields of the action, with the password as signature', () => {
    const f = { ...emptyStep(), owner: ' school1_teacher ', deadline: '2026-12-07', reason: 'stale', note: 'n', password: 'pw' }
    expect(transitionBody('assign', f, [], def)).toEqual({ action: 'assign', owner: 'school1_teacher', deadline: '2026-12-07', password: 'pw' })
    expect(transitionBody('assign', { ...f, deadline: '2026-12-20', reason: '需采购' }, [], def)).toEqual({
      action: 'assign',
      owner: 'school1_teacher',
      deadline: '2026-12-20',
      reason: '需采购',
      password: 'pw',
    })
    expect(transitionBody('submit', f, [{ id: 7 }, { id: 8 }], def)).toEqual({ action: 'submit', note: 'n', file_ids: [7, 8], password: 'pw' })
    expect(transitionBody('reject', f, [], def)).toEqual({ action: 'reject', reason: 'stale', note: 'n', password: 'pw' })
    expect(transitionBody('approve', { ...f, note: '  ' }, [{ id: 1 }], def)).toEqual({ action: 'approve', password: 'pw' })
  })

  it('puts a wrong signature next to the password field', () => {
    const e = new ApiError(401, { code: 'unauthenticated', message: '密码不正确，签字未生效', details: [{ field: 'password', reason: '密码不正确，签字未生效' }] }, null)
    expect(stepErrors(e)).toEqual({ fields: { password: '密码不正确，签字未生效' }, alert: null })
  })

  it('shows rule refusals as an alert, and names the missing five', () => {
    const e = new ApiError(
      409,
      {
        code: 'failed_precondition',
        message: '重大隐患须“五落实”齐全方可销号',
        details: [
          { field: 'hazard.major_five', reason: '五落实不完整' },
          { field: 'five.funds', reason: '重大隐患须落实整改资金' },
        ],
      },
      null,
    )
    expect(stepErrors(e, (f) => (f === 'five.funds' ? '整改资金' : f))).toEqual({
      fields: {},
      alert: { title: '重大隐患须“五落实”齐全方可销号', items: ['整改资金：重大隐患须落实整改资金'] },
    })
  })

  it('maps rule names to the dialog fields they concern', () => {
    const late = new ApiError(409, { code: 'failed_precondition', message: '整改期限晚于默认期限，须说明理由', details: [{ field: 'hazard.deadline', reason: '缺少延期理由' }] }, null)
    expect(stepErrors(late)?.fields).toEqual({ reason: '缺少延期理由' })
    const owner = new ApiError(422, { code: 'invalid_argument', message: '字段 owner 无效', details: [{ field: 'owner', reason: '整改责任人须为本校的在用账号' }] }, null)
    expect(stepErrors(owner)).toEqual({ fields: { owner: '整改责任人须为本校的在用账号' }, alert: null })
    const file = new ApiError(422, { code: 'invalid_argument', message: 'x', details: [{ field: 'file_ids[0]', reason: '文件已用于其他记录' }] }, null)
    expect(stepErrors(file)?.fields).toEqual({ evidence: '文件已用于其他记录' })
    expect(stepErrors(new Error('boom'))).toBeNull()
    expect(stepErrors(new ApiError(500, { code: 'internal', message: 'x', details: [] }, null))).toBeNull()
  })
})

describe('labels and tags', () => {
  it('keys escalation rules under hazard.rule', () => {
    expect(ruleKey('hazard.overdue.bureau')).toBe('hazard.rule.overdue_bureau')
    expect(ruleKey('hazard.major')).toBe('hazard.rule.major')
  })

  it('colours states', () => {
    expect(stateTagType('reported')).toBe('danger')
    expect(stateTagType('closed')).toBe('success')
    expect(stateTagType('unknown')).toBe('info')
  })
})
