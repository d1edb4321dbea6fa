import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import type { CampaignAnswer, CampaignDue, CampaignSheet } from '@/api/campaigns'
import type { ChecklistItem } from '@/api/checklists'
import {
  checkDeploy,
  deployFormField,
  deployInput,
  dueOfSheet,
  emptyDeployForm,
  inspectionSheets,
  placeDeployErrors,
  placeText,
  progressPercent,
  selfSheetOf,
  sheetAnswers,
  sheetValueText,
  sheetVerdictTag,
  sheetVerdictText,
  splitMembers,
  weightsTotal,
} from '../campaignHelpers'

const t = i18n.global.t as unknown as (key: string, named?: Record<string, unknown>) => string

describe('the deploy form', () => {
  it('sends only the targets chosen and the weights only when changed', () => {
    const f = emptyDeployForm()
    f.name = ' 冬季消防 '
    f.domains = ['fire']
    f.template_ids = [2]
    f.school_ids = [21]
    f.boarding = 'no'
    f.self = ['2026-12-05', '2026-12-10']
    f.inspect = ['2026-12-11', '2026-12-20']
    expect(deployInput(f)).toEqual({
      name: '冬季消防',
      level: 'bureau',
      domains: ['fire'],
      template_ids: [2],
      targets: { boarding: false, school_ids: [21] },
      self_from: '2026-12-05',
      self_to: '2026-12-10',
      inspect_from: '2026-12-11',
      inspect_to: '2026-12-20',
    })
    f.weights = { completion: 40, self_found: 20, no_missed: 20, rectified: 10, closed: 10 }
    expect(deployInput(f).weights).toEqual(f.weights)
  })

  it('sends the clusters (学区) chosen with the other conditions, each to hold', () => {
    const f = emptyDeployForm()
    expect(f.cluster_ids).toEqual([])
    f.name = '冬季消防'
    f.domains = ['fire']
    f.template_ids = [2]
    f.self = ['2026-12-05', '2026-12-10']
    f.inspect = ['2026-12-11', '2026-12-20']
    expect(deployInput(f).targets).toEqual({})
    f.stages = ['primary']
    f.cluster_ids = [10, 12]
    f.boarding = 'yes'
    const input = deployInput(f)
    expect(input.targets).toEqual({ stages: ['primary'], cluster_ids: [10, 12], boarding: true })
    // A copy: changing the form afterwards does not change what was sent.
    f.cluster_ids.push(13)
    expect(input.targets?.cluster_ids).toEqual([10, 12])
    expect(emptyDeployForm().cluster_ids).toEqual([])
  })

  it('checks what it can before sending', () => {
    i18n.global.locale.value = 'zh-CN'
    const f = emptyDeployForm()
    expect(checkDeploy(t, f)).toEqual({
      name: '请填写名称',
      domains: '请选择检查领域',
      template_ids: '请选择检查表',
      self: '请选择起止日期',
      inspect: '请选择起止日期',
    })
    f.self = ['2026-12-05', '2026-12-10']
    f.inspect = ['2026-12-04', '2026-12-20']
    f.weights.closed = 20
    expect(weightsTotal(f.weights)).toBe(110)
    const errs = checkDeploy(t, f)
    expect(errs.inspect).toBe('检查不能早于自查开始')
    expect(errs.weights).toBe('权重合计须为 100')
  })

  it('places the server’s fields at the form’s items', () => {
    expect(deployFormField('domains[1]')).toBe('domains')
    expect(deployFormField('self_to')).toBe('self')
    expect(deployFormField('inspect_from')).toBe('inspect')
    expect(deployFormField('weights.completion')).toBe('weights')
    expect(deployFormField('template_ids[0]')).toBe('template_ids')
    expect(deployFormField('targets.school_ids[2]')).toBe('school_ids')
    expect(deployFormField('targets.cluster_ids[1]')).toBe('cluster_ids')
    expect(deployFormField('targets.cluster_ids')).toBe('cluster_ids')
    expect(deployFormField('targets.stages[0]')).toBe('stages')
    expect(deployFormField('targets')).toBe('targets')
    expect(deployFormField('owner')).toBeNull()
    expect(
      placeDeployErrors([
        { field: 'domains[1]', reason: '领域重复' },
        { field: 'domains[2]', reason: '未知领域' },
        { field: 'owner', reason: '无效' },
      ]),
    ).toEqual({ fields: { domains: '领域重复' }, others: [{ field: 'owner', reason: '无效' }] })
    // A cluster the server refuses is shown at 学区, not with the whole targeting.
    expect(
      placeDeployErrors([
        { field: 'targets.cluster_ids[1]', reason: '学区不存在或不在管辖范围内' },
        { field: 'targets', reason: '没有符合条件的学校' },
      ]),
    ).toEqual({ fields: { cluster_ids: '学区不存在或不在管辖范围内', targets: '没有符合条件的学校' }, others: [] })
  })
})

describe('the school’s page', () => {
  const due: CampaignDue = {
    template_id: 2,
    template_name: '食堂',
    key_place_id: 54,
    place_name: '学生食堂',
    place_kind: 'canteen',
    place_kind_label: '食堂',
    sheet_id: 7,
    items: [],
  }
  const sheet = (id: number, kind: string, filled_at: string): CampaignSheet =>
    ({ id, kind, template_id: 2, key_place_id: 54, filled_at, missed: [], answers: [] }) as unknown as CampaignSheet

  it('finds the school’s own sheet and the inspections, newest first', () => {
    const sheets = [sheet(7, 'self', '2026-12-05T01:00:00Z'), sheet(8, 'bureau', '2026-12-06T01:00:00Z'), sheet(9, 'city', '2026-12-07T01:00:00Z')]
    expect(selfSheetOf(sheets, due)?.id).toBe(7)
    expect(inspectionSheets(sheets).map((s) => s.id)).toEqual([9, 8])
    expect(placeText(t, { key_place_id: null, place_name: '' })).toBe('全校')
    expect(placeText(t, due)).toBe('学生食堂')
  })

  it('reads members and progress', () => {
    expect(splitMembers('inspector1, inspector2、inspector1  x')).toEqual(['inspector1', 'inspector2', 'x'])
    expect(progressPercent({ submitted_count: 1, school_count: 3 })).toBe(33)
    expect(progressPercent({ submitted_count: 0, school_count: 0 })).toBe(0)
  })
})

describe('a filled sheet', () => {
  const it0 = (key: string, text: string, answer = 'pass_fail', unit = ''): ChecklistItem =>
    ({ key, text, answer, unit, domain: 'fire', domain_label: '', place_kind: null, place_kind_label: '', answer_label: '', min: null, max: null, photo_required: false, failure_level: 'general', failure_level_label: '', basis: '' }) as ChecklistItem
  // As the server sends an answer whose checklist it could not find: no item fields.
  const bare = (item_key: string, value: string, verdict: string, over: Partial<CampaignAnswer> = {}): CampaignAnswer =>
    ({ item_key, value, verdict, verdict_label: '', note: '', file_ids: [], hazard_id: null, ...over }) as unknown as CampaignAnswer
  const items = [it0('F01', '灭火器压力正常'), it0('F02', '燃气报警器读数', 'number', 'ppm'), it0('F03', '疏散通道情况', 'text')]

  it('gives each answer its item text in the checklist order, keeps its own, flags 自查未发现', () => {
    const out = sheetAnswers(
      {
        answers: [
          bare('F03', '通畅', 'pass'),
          bare('X09', 'pass', 'pass'),
          bare('F02', '12', 'pass', { text: '报警器（服务器文本）' } as Partial<CampaignAnswer>),
          bare('F01', 'fail', 'fail', { note: '压力不足', file_ids: [7] }),
        ],
        missed: ['F01'],
      },
      items,
    )
    expect(out.map((a) => a.item_key)).toEqual(['F01', 'F02', 'F03', 'X09'])
    expect(out.map((a) => a.text)).toEqual(['灭火器压力正常', '报警器（服务器文本）', '疏散通道情况', ''])
    expect(out.map((a) => a.missed)).toEqual([true, false, false, false])
    expect(out[0]).toMatchObject({ note: '压力不足', file_ids: [7], answer: 'pass_fail', verdict: 'fail' })
    expect(out[1]).toMatchObject({ answer: 'number', unit: 'ppm', value: '12' })
  })

  it('finds the due sheet of a sheet by checklist and place', () => {
    const due = [
      { template_id: 2, key_place_id: 54, items: [items[0]] },
      { template_id: 2, key_place_id: null, items: [items[1]] },
    ] as unknown as CampaignDue[]
    expect(dueOfSheet(due, { template_id: 2, key_place_id: null })?.items).toEqual([items[1]])
    expect(dueOfSheet(due, { template_id: 2, key_place_id: 54 })?.items).toEqual([items[0]])
    expect(dueOfSheet(due, { template_id: 3, key_place_id: 54 })).toBeUndefined()
  })

  it('words the verdicts and the readings', () => {
    expect(sheetVerdictText(t, { verdict: 'pass', verdict_label: '', value: 'pass' })).toBe('合格')
    expect(sheetVerdictText(t, { verdict: 'fail', verdict_label: '', value: '99' })).toBe('不合格')
    expect(sheetVerdictText(t, { verdict: 'na', verdict_label: '', value: 'na' })).toBe('不适用')
    expect(sheetVerdictText(t, { verdict: 'odd', verdict_label: '待定', value: 'x' })).toBe('待定')
    expect(sheetVerdictTag('fail')).toBe('danger')
    expect(sheetVerdictTag('pass')).toBe('success')
    expect(sheetVerdictTag('na')).toBe('info')
    expect(sheetValueText({ answer: 'number', value: '12', unit: 'ppm' })).toBe('12 ppm')
    expect(sheetValueText({ answer: 'number', value: 'na', unit: 'ppm' })).toBe('')
    expect(sheetValueText({ answer: 'text', value: '通畅', unit: '' })).toBe('通畅')
    expect(sheetValueText({ answer: 'pass_fail', value: 'fail', unit: '' })).toBe('')
    expect(sheetValueText({ value: 'pass' } as Pick<CampaignAnswer, 'answer' | 'value' | 'unit'>)).toBe('')
  })
})
