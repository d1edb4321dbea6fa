import { describe, expect, it } from 'vitest'
import {
  blankPost,
  failedIndicators,
  findingsOf,
  indicatorOf,
  missingAreas,
  permillePercent,
  placeOf,
  placedErrors,
  rateStatus,
  rateText,
  rowErrorCount,
  securityInput,
  securityToForm,
  trendFrom,
  trendOption,
  unplacedErrors,
} from '../securityHelpers'
import { securityBoard, securityRecord } from './fixtures'

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}${JSON.stringify(named)}` : key)

describe('indicators', () => {
  it('maps each rule to its indicator as the server counts them', () => {
    expect(indicatorOf('security.guards')).toBe('guards')
    expect(indicatorOf('security.guard_license')).toBe('guards')
    expect(indicatorOf('security.patrol')).toBe('guards')
    expect(indicatorOf('security.closed_campus')).toBe('closed_campus')
    expect(indicatorOf('security.alarm')).toBe('alarm_video')
    expect(indicatorOf('security.video')).toBe('alarm_video')
    expect(indicatorOf('security.gate_duty')).toBe('gate_duty')
    expect(indicatorOf('security.other')).toBeUndefined()
  })

  it('lists an indicator’s findings in the server’s order, and the indicators missed', () => {
    const r = securityRecord()
    expect(findingsOf(r.findings, 'guards').map((f) => f.rule)).toEqual(['security.guards', 'security.guard_license', 'security.patrol'])
    expect(findingsOf(r.findings, 'alarm_video').map((f) => f.rule)).toEqual(['security.alarm', 'security.video'])
    expect(failedIndicators({ guards: false, closed_campus: true, alarm_video: false, gate_duty: true, all: false })).toEqual(['guards', 'alarm_video'])
  })
})

describe('rates', () => {
  it('shows tenths of a percent, never rounded up', () => {
    expect(rateText(833)).toBe('83.3%')
    expect(rateText(1000)).toBe('100%')
    expect(rateText(0)).toBe('0%')
    expect(rateText(999)).toBe('99.9%')
    expect(rateText(50)).toBe('5%')
    expect(permillePercent(833)).toBe(83.3)
  })

  it('colours a rate: all met green, 80 % and over amber, else red', () => {
    expect(rateStatus({ compliant: 36, screened: 36, permille: 1000 })).toBe('success')
    expect(rateStatus({ compliant: 30, screened: 36, permille: 833 })).toBe('warning')
    expect(rateStatus({ compliant: 20, screened: 36, permille: 555 })).toBe('exception')
    expect(rateStatus({ compliant: 0, screened: 0, permille: 0 })).toBe('exception')
  })
})

describe('the form', () => {
  it('round-trips the record: entries keep their ids, new ones have none, texts trimmed, empty dates null', () => {
    const f = securityToForm(securityRecord())
    expect(f.guards[0]).toMatchObject({ id: 1, name: '王建国', birth_date: '1968-03-02' })
    expect(f.areas).toEqual(['gate', 'outside_gate', 'teaching'])
    f.guards.push({ ...f.guards[0], id: undefined, uid: 999, name: '  李强 ', license_no: '', birth_date: '' as unknown as null })
    f.retention_days = null
    const body = securityInput(f, 3)
    expect(body.version).toBe(3)
    expect(body.guards[0]).toEqual({ id: 1, name: '王建国', full_time: true, license_no: '鄂420100001', birth_date: '1968-03-02', employer: '某保安服务公司', shifts: '白班' })
    expect(body.guards[1]).toEqual({ name: '李强', full_time: true, license_no: '', birth_date: null, employer: '某保安服务公司', shifts: '白班' })
    expect(body.guards[1]).not.toHaveProperty('uid')
    expect(body.alarms[0]).toEqual({ id: 4, location: '门卫室', linked_110: true, linked_bureau: false, last_test: '2026-11-20' })
    expect(body.video).toEqual({ areas: ['gate', 'outside_gate', 'teaching'], retention_days: 0, open_fault_since: null, last_repair: '2026-10-02' })
    expect(body.posts).toEqual([{ id: 7, gate: '南门', peak: 'morning', people: 3, kinds: ['police', 'guard', 'teacher'] }])
    expect(body.patrols_per_day).toBe(5)
    expect(body.gate_house_staffed).toBe(false)
  })

  it('reads a record never filled in as an empty form', () => {
    const f = securityToForm(
      securityRecord({ recorded: false, version: 0, guards: [], alarms: [], posts: [], video: { areas: [], retention_days: 0, open_fault_since: null, last_repair: null } }),
    )
    expect(f.guards).toEqual([])
    expect(securityInput(f, 0).version).toBe(0)
  })

  it('proposes the peak a new post is missing', () => {
    expect(blankPost([]).peak).toBe('morning')
    expect(blankPost([{ gate: '南门', peak: 'morning', people: 1, kinds: [] }]).peak).toBe('afternoon')
    expect(blankPost([]).uid).not.toBe(blankPost([]).uid)
  })

  it('names the required areas not ticked', () => {
    const areas = securityRecord().video_areas
    expect(missingAreas(areas, ['gate', 'outside_gate', 'teaching'])).toEqual(['人员聚集区', '食堂后厨'])
    // The 食堂 switch decides for the kitchen.
    expect(missingAreas(areas, ['gate', 'outside_gate', 'teaching'], false)).toEqual(['人员聚集区'])
    expect(missingAreas(areas.map((a) => ({ ...a, required: a.code === 'canteen_kitchen' ? false : a.required })), ['gate', 'outside_gate', 'teaching', 'gathering'], true)).toEqual(['食堂后厨'])
  })
})

describe('the server’s field errors', () => {
  it('places each reason at its field, a list item at its list', () => {
    expect(placeOf('guards[0].name')).toBe('guards[0].name')
    expect(placeOf('guards[2].birth_date')).toBe('guards[2].birth_date')
    expect(placeOf('posts[0].kinds[1]')).toBe('posts[0].kinds')
    expect(placeOf('video.areas[2]')).toBe('video.areas')
    expect(placeOf('video.retention_days')).toBe('video.retention_days')
    expect(placeOf('patrols_per_day')).toBe('patrols_per_day')
    expect(placeOf('guards')).toBe('guards')
    expect(placeOf('guards[1].id')).toBeNull()
    expect(placeOf('version')).toBeNull()
  })

  it('keeps the first reason of a place, lists the rest above the form, counts a row’s', () => {
    const errors = { 'posts[0].kinds[0]': '没有这类人员', 'posts[0].kinds[1]': '没有这类人员（2）', 'guards[1].id': '不是本校已登记的条目', 'guards[1].name': '必填' }
    expect(placedErrors(errors)).toEqual({ 'posts[0].kinds': '没有这类人员', 'guards[1].name': '必填' })
    expect(unplacedErrors(errors)).toEqual([{ field: 'guards[1].id', reason: '不是本校已登记的条目' }])
    expect(rowErrorCount(errors, 'guards', 1)).toBe(2)
    expect(rowErrorCount(errors, 'guards', 0)).toBe(0)
    expect(rowErrorCount(errors, 'posts', 0)).toBe(2)
  })
})

describe('the trend chart', () => {
  it('draws a line per rate in percent, 四个100% first, months along the bottom', () => {
    const o = trendOption(securityBoard().trend, t) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] }
    expect(o.xAxis.data).toEqual(['security.board.monthLabel{"y":"2026","m":11}', 'security.board.monthLabel{"y":"2026","m":12}'])
    expect(o.series.map((s) => s.name)).toEqual([
      'security.indicator.all',
      'security.indicator.guards',
      'security.indicator.closed_campus',
      'security.indicator.alarm_video',
      'security.indicator.gate_duty',
    ])
    expect(o.series[0].data).toEqual([55.5, 69.4])
    expect(o.series[4].data).toEqual([100, 100])
  })

  it('starts the trend at the first month screened', () => {
    const empty = { compliant: 0, screened: 0, permille: 0 }
    const none = { all: empty, guards: empty, closed_campus: empty, alarm_video: empty, gate_duty: empty }
    const months = securityBoard().trend
    expect(trendFrom([{ month: '2026-09', rates: none }, ...months]).map((m) => m.month)).toEqual(['2026-11', '2026-12'])
    expect(trendFrom([{ month: '2026-09', rates: none }])).toEqual([])
  })

  it('leaves a month with no school screened empty', () => {
    const empty = { compliant: 0, screened: 0, permille: 0 }
    const o = trendOption([{ month: '2026-10', rates: { all: empty, guards: empty, closed_campus: empty, alarm_video: empty, gate_duty: empty } }], t) as {
      series: { data: (number | null)[] }[]
    }
    expect(o.series[0].data).toEqual([null])
  })
})

describe('本校安防台账', () => {
  it('opens a school user’s own record, anyone else the board', async () => {
    const { createPinia, setActivePinia } = await import('pinia')
    const { useSessionStore } = await import('@/stores/session')
    const { ownSecurityRecord } = await import('@/router/routes')
    setActivePinia(createPinia())
    const session = useSessionStore()
    const me = (kind: string, id: number) =>
      ({ unit: { id, name: 'x', kind }, user: { id: 1, username: 'u', display_name: 'u' }, roles: [], permissions: [], scope: { kind: 'own_unit', unit_paths: [] } }) as never
    session.me = me('school', 21)
    expect(ownSecurityRecord()).toEqual({ name: 'security-record', params: { id: '21' } })
    session.me = me('bureau', 1)
    expect(ownSecurityRecord()).toEqual({ name: 'security-board' })
  })
})
