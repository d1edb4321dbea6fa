// 一校一策's pure parts: the form from a guide and the PUT body (trimmed, labels and keys left out, a
// sent need as read), new rows, the peaks following their gate, the server's reasons (422 by field,
// several for one field joined; 409 stale or nothing to send), which reasons the editor places, the
// tags and the overview's filter from a link.
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'
import {
  codeLabel,
  followGateNames,
  formSnapshot,
  gateNames,
  guideBody,
  guideFailure,
  guideStateFromRoute,
  guideTagType,
  guideToForm,
  keepRowKeys,
  newRow,
  parentZones,
  placedField,
  rowErrorCount,
  unplacedGuideErrors,
  unsentNeeds,
} from '../guideHelpers'
import { guide } from './guideFixtures'

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${JSON.stringify(named)}` : key)

function apiError(status: number, details: { field: string; reason: string }[], message = 'x'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

describe('the form and the body', () => {
  it('reads a guide into rows with keys of their own, and writes it back without labels or keys', () => {
    const form = guideToForm(guide())
    expect(form.gates.map((g) => g.name)).toEqual(['南门', '北门'])
    expect(new Set([...form.gates, ...form.peaks, ...form.needs].map((r) => r.uid)).size).toBe(6)
    const body = guideBody(form, 4)
    expect(body.version).toBe(4)
    expect(body.gates[0]).toEqual({ name: '南门', use: 'both', hours: '07:00—08:00，16:00—17:00' })
    expect(body.peaks[1]).toEqual({ grade: '一年级', kind: 'dismissal', from: '16:00', to: '16:20', gate: '' })
    expect(body.zones[0]).toEqual({ kind: 'drop_off', name: '南门东侧临时停靠区', location: '人民路南侧' })
    expect(body.posts[0]).toEqual({ place: '南门路口', from: '07:20', to: '08:00', people: '王老师、家长志愿者2人' })
    expect(body.needs).toEqual([
      { kind: 'crossing', location: '南门前人民路', description: '需施划人行横道', whistle_id: 32 },
      { kind: 'speed_hump', location: '北门前', description: '', whistle_id: null },
    ])
    expect(Object.keys(body).sort()).toEqual(
      ['after_school', 'early_arrival', 'gates', 'needs', 'peaks', 'police_duty', 'police_unit', 'posts', 'separation', 'version', 'zones'].sort(),
    )
    expect(JSON.stringify(body)).not.toMatch(/uid|_label/)
  })

  it('trims the texts, sends a cleared time as "", and keeps a sent need exactly as read', () => {
    const form = guideToForm(guide())
    form.gates[0].name = '  南门 '
    form.separation = ' 人车分流 \n'
    form.posts[0].from = null as unknown as string
    form.needs[0].location = '南门前人民路 ' // as read (a sent need is not edited in the form)
    form.needs[1].location = ' 北门前 '
    const body = guideBody(form, 4)
    expect(body.gates[0].name).toBe('南门')
    expect(body.separation).toBe('人车分流')
    expect(body.posts[0].from).toBe('')
    expect(body.needs[0].location).toBe('南门前人民路 ')
    expect(body.needs[1].location).toBe('北门前')
  })

  it('gives new rows blank texts and the first choice of each kind', () => {
    expect(newRow('gates')).toMatchObject({ name: '', use: 'both', hours: '' })
    expect(newRow('peaks')).toMatchObject({ grade: '', kind: 'arrival', from: '', to: '', gate: '' })
    expect(newRow('zones')).toMatchObject({ kind: 'drop_off', name: '' })
    expect(newRow('posts')).toMatchObject({ place: '', people: '' })
    expect(newRow('needs')).toMatchObject({ kind: 'sign', location: '', whistle_id: null })
    expect(newRow('gates').uid).not.toBe(newRow('gates').uid)
  })

  it('tells unsaved changes by what would be saved', () => {
    const form = guideToForm(guide())
    const before = formSnapshot(form)
    form.gates[0].hours = '07:00—08:00，16:00—17:00' // the same
    expect(formSnapshot(form)).toBe(before)
    form.police_duty += '。'
    expect(formSnapshot(form)).not.toBe(before)
  })

  it('keeps the rows’ keys when the guide is read again, row by row', () => {
    const before = guideToForm(guide())
    before.gates.pop()
    const again = keepRowKeys(before, guideToForm(guide()))
    expect(again.gates[0].uid).toBe(before.gates[0].uid)
    expect(again.gates[1].uid).not.toBe(before.gates[0].uid)
    expect(again.needs.map((n) => n.uid)).toEqual(before.needs.map((n) => n.uid))
  })

  it('counts the needs not sent', () => {
    expect(unsentNeeds(guide().needs)).toBe(1)
    expect(unsentNeeds([])).toBe(0)
  })
})

describe('the peaks follow their gate', () => {
  it('offers the gates with a name, each once', () => {
    expect(gateNames([{ name: '南门' }, { name: ' ' }, { name: '北门 ' }, { name: '南门' }])).toEqual(['南门', '北门'])
  })

  it('renames the gate in the peaks naming it', () => {
    const peaks = [{ gate: '南门' }, { gate: '北门' }, { gate: '' }]
    followGateNames(peaks, ['南门', '北门'], ['南大门', '北门'])
    expect(peaks.map((p) => p.gate)).toEqual(['南大门', '北门', ''])
  })

  it('leaves the peaks of a gate removed naming none', () => {
    const peaks = [{ gate: '南门' }, { gate: '北门' }]
    followGateNames(peaks, ['南门', '北门'], ['北门'])
    expect(peaks.map((p) => p.gate)).toEqual(['', '北门'])
  })

  it('changes nothing when a gate is added, or a name still used by another row', () => {
    const peaks = [{ gate: '南门' }]
    followGateNames(peaks, ['南门'], ['南门', ''])
    followGateNames(peaks, ['南门', '南门'], ['南门', '东门'])
    expect(peaks[0].gate).toBe('南门')
  })
})

describe('the server’s reasons', () => {
  it('maps 422 by field, joining one field’s reasons', () => {
    const f = guideFailure(
      apiError(422, [
        { field: 'peaks[0].to', reason: '结束时间须晚于开始时间' },
        { field: 'peaks', reason: '发布前请填写入校高峰时段' },
        { field: 'peaks', reason: '发布前请填写放学高峰时段' },
        { field: 'police_duty', reason: '发布前请填写公安交警高峰勤务安排' },
      ]),
    )
    expect(f).toEqual({
      kind: 'fields',
      errors: {
        'peaks[0].to': '结束时间须晚于开始时间',
        peaks: '发布前请填写入校高峰时段；发布前请填写放学高峰时段',
        police_duty: '发布前请填写公安交警高峰勤务安排',
      },
    })
  })

  it('tells a stale version from nothing left to send', () => {
    expect(guideFailure(apiError(409, [{ field: 'traffic.stale', reason: 'r' }], '一校一策刚被他人修改，请刷新后再试'))).toEqual({
      kind: 'stale',
      message: '一校一策刚被他人修改，请刷新后再试',
    })
    expect(guideFailure(apiError(409, [{ field: 'traffic.guide.no_needs', reason: 'r' }], '没有尚未报送的交通设施需求'))).toEqual({
      kind: 'noNeeds',
      message: '没有尚未报送的交通设施需求',
    })
    expect(guideFailure(apiError(403, []))).toEqual({ kind: 'other' })
    expect(guideFailure(new Error('x'))).toEqual({ kind: 'other' })
  })

  it('places a list’s, a row’s, a row field’s and a text’s reasons; lists the others', () => {
    for (const f of ['gates', 'peaks[0].to', 'gates[1].name', 'needs[0]', 'needs[3].description', 'police_duty', 'separation']) expect(placedField(f), f).toBe(true)
    for (const f of ['version', 'foo', 'gates[0].foo', 'unit_id']) expect(placedField(f), f).toBe(false)
    expect(unplacedGuideErrors({ version: '请先保存一校一策再发布', 'peaks[0].to': 'x' })).toEqual([{ field: 'version', reason: '请先保存一校一策再发布' }])
  })

  it('counts a row’s reasons', () => {
    const errors = { 'peaks[0].to': 'a', 'peaks[0].gate': 'b', 'peaks[1].to': 'c', 'peaks[10].to': 'd', peaks: 'e' }
    expect(rowErrorCount(errors, 'peaks', 0)).toBe(2)
    expect(rowErrorCount(errors, 'peaks', 1)).toBe(1)
    expect(rowErrorCount(errors, 'gates', 0)).toBe(0)
  })
})

describe('what the pages show', () => {
  it('colours the states: published green, not written red, the others orange', () => {
    expect(guideTagType('current')).toBe('success')
    expect(guideTagType('none')).toBe('danger')
    for (const s of ['draft', 'changed', 'outdated']) expect(guideTagType(s)).toBe('warning')
    expect(guideTagType('odd')).toBe('info')
  })

  it('reads the overview’s filter from a link', () => {
    expect(guideStateFromRoute({ state: 'none' })).toBe('none')
    expect(guideStateFromRoute({ state: ['current'] })).toBe('current')
    expect(guideStateFromRoute({ state: 'odd' })).toBe('')
    expect(guideStateFromRoute({})).toBe('')
  })

  it('labels a code by the row’s own label, else the console’s', () => {
    expect(codeLabel(t, 'use', 'both', '人车共用')).toBe('人车共用')
    expect(codeLabel(i18n.global.t, 'need', 'crossing')).toBe('人行横道')
    // A code the console does not know: the code itself.
    expect(codeLabel(t, 'need', 'tunnel')).toBe('tunnel')
  })

  it('tells the parents of the zones where they stop, wait and meet the bus, not the staff’s parking', () => {
    expect(parentZones(guide().zones).map((z) => z.kind)).toEqual(['drop_off'])
  })
})
