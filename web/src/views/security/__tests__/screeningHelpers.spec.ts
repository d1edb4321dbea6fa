import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import type { StoredFile } from '@/api/files'
import {
  checkEvidence,
  checkRoundForm,
  conflictText,
  emptyEvidence,
  emptyRoundForm,
  evidenceField,
  evidenceFile,
  periodText,
  placeEvidenceErrors,
  placeRoundErrors,
  reasonLines,
  roundInput,
  screeningInput,
  windowLabel,
  windowTag,
} from '../screeningHelpers'

i18n.global.locale.value = 'zh-CN'
const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

const photo = (id: number): StoredFile => ({ id, name: `${id}.jpg`, content_type: 'image/jpeg', size: 1, sha256: '', url: `/api/v1/files/${id}` })

describe('the window', () => {
  it('tags and names each window, and passes an unknown one through', () => {
    expect(['not_open', 'open', 'ended'].map(windowTag)).toEqual(['warning', 'primary', 'info'])
    expect(['not_open', 'open', 'ended', 'paused'].map((w) => windowLabel(t, w))).toEqual(['未开始', '进行中', '已结束', 'paused'])
  })

  it('writes the dates, one day once', () => {
    expect(periodText(t, { from: '2026-11-01', to: '2026-12-15' })).toBe('2026-11-01 至 2026-12-15')
    expect(periodText(t, { from: '2026-11-01', to: '2026-11-01' })).toBe('2026-11-01')
  })

  it('splits the reasons one a line, dropping empty lines', () => {
    expect(reasonLines('a：x\n\n b：y \n')).toEqual(['a：x', 'b：y'])
    expect(reasonLines('')).toEqual([])
    expect(reasonLines(undefined)).toEqual([])
  })

  it('reads an evidence file through the files route', () => {
    expect(evidenceFile({ id: 7, name: 'a.png', content_type: 'image/png', size: 9 })).toMatchObject({ id: 7, url: '/api/v1/files/7', content_type: 'image/png' })
  })
})

describe('the open-round form', () => {
  it('asks a name, the dates, and schools when picking', () => {
    const f = emptyRoundForm()
    expect(checkRoundForm(t, f)).toEqual({ name: '请填写名称', period: '请选择筛查时间' })
    f.name = '  '
    f.period = ['2026-12-01', '']
    f.scope = 'pick'
    expect(Object.keys(checkRoundForm(t, f)).sort()).toEqual(['name', 'period', 'school_ids'])
    f.name = '冬季筛查'
    f.period = ['2026-12-01', '2026-12-20']
    f.school_ids = [3]
    expect(checkRoundForm(t, f)).toEqual({})
  })

  it('sends school_ids only when picking', () => {
    const f = { ...emptyRoundForm(), name: ' 冬季筛查 ', period: ['2026-12-01', '2026-12-20'] as [string, string], school_ids: [3, 4] }
    expect(roundInput(f)).toEqual({ name: '冬季筛查', from: '2026-12-01', to: '2026-12-20' })
    expect(roundInput({ ...f, scope: 'pick' })).toEqual({ name: '冬季筛查', from: '2026-12-01', to: '2026-12-20', school_ids: [3, 4] })
  })

  it('places from and to at the dates, a school at the schools, the rest apart', () => {
    const placed = placeRoundErrors([
      { field: 'from', reason: 'A' },
      { field: 'to', reason: 'B' },
      { field: 'school_ids[2]', reason: 'C' },
      { field: 'name', reason: 'D' },
      { field: 'school_ids_extra', reason: 'E' },
    ])
    expect(placed.fields).toEqual({ period: 'A', school_ids: 'C', name: 'D' })
    expect(placed.others).toEqual([{ field: 'school_ids_extra', reason: 'E' }])
  })
})

describe('the screening form', () => {
  it('sends the four in the plan’s order with trimmed notes and the photos’ ids', () => {
    const f = emptyEvidence()
    f.gate_duty.note = ' 早晚均有 '
    f.guards.files = [photo(5), photo(6)]
    expect(screeningInput(f).evidence).toEqual([
      { indicator: 'guards', note: '', file_ids: [5, 6] },
      { indicator: 'closed_campus', note: '', file_ids: [] },
      { indicator: 'alarm_video', note: '', file_ids: [] },
      { indicator: 'gate_duty', note: '早晚均有', file_ids: [] },
    ])
  })

  it('asks a note or a photo of each, and at most nine photos', () => {
    const f = emptyEvidence()
    f.guards.note = '有'
    f.closed_campus.files = [photo(1)]
    f.alarm_video.note = '   '
    f.gate_duty.note = '有'
    f.gate_duty.files = Array.from({ length: 10 }, (_, i) => photo(i + 10))
    expect(checkEvidence(t, f)).toEqual({ 'evidence[2].note': '请填写说明或上传照片', 'evidence[3].file_ids': '照片最多 9 张' })
    f.gate_duty.files = f.gate_duty.files.slice(0, 9)
    f.alarm_video.note = '正常'
    expect(checkEvidence(t, f)).toEqual({})
  })

  it('places the server’s fields at their block', () => {
    expect(evidenceField('evidence[0].note')).toBe('evidence[0].note')
    expect(evidenceField('evidence[2].file_ids[4]')).toBe('evidence[2].file_ids')
    expect(evidenceField('evidence[3].file_ids')).toBe('evidence[3].file_ids')
    expect(evidenceField('evidence[1].indicator')).toBe('evidence[1].note')
    expect(evidenceField('evidence[4].note')).toBeNull()
    expect(evidenceField('evidence')).toBeNull()
    const placed = placeEvidenceErrors([
      { field: 'evidence[1].note', reason: 'A' },
      { field: 'evidence[1].indicator', reason: 'B' },
      { field: 'evidence', reason: 'C' },
    ])
    expect(placed.fields).toEqual({ 'evidence[1].note': 'A' })
    expect(placed.others).toEqual([{ field: 'evidence', reason: 'C' }])
  })

  it('says each 409 rule in words, else the server’s message', () => {
    expect(conflictText(t, [{ field: 'screening.not_open' }], 'x')).toBe('本轮筛查尚未开始，请在筛查时间内提交。')
    expect(conflictText(t, [{ field: 'screening.ended' }], 'x')).toBe('本轮筛查已结束，不能再提交。')
    expect(conflictText(t, [{ field: 'screening.done' }], 'x')).toBe('本校已完成本轮筛查，不能重复提交。')
    expect(conflictText(t, [{ field: 'screening.no_record' }], 'x')).toBe('本校尚未填报安防台账，请先填报台账再筛查。')
    expect(conflictText(t, [{ field: 'security.stale' }], '服务器的话')).toBe('服务器的话')
    expect(conflictText(t, [], '服务器的话')).toBe('服务器的话')
  })
})
