import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  boardRowState,
  distanceText,
  emptyWaterForm,
  emptyWaterSearch,
  gapsOf,
  gapsText,
  isPriority,
  isRemoteLocation,
  kindOptions,
  kindText,
  locationTypeText,
  measureTags,
  unplacedWaterErrors,
  waterCreateBody,
  waterFilter,
  waterName,
  waterSearchFromRoute,
  waterToForm,
  waterUpdateBody,
} from '../waterHelpers'
import { water, waterBoard } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
const none = { warning_sign: false, fence: false, rescue_gear: false, patrol: false }
const all = { warning_sign: true, fence: true, rescue_gear: true, patrol: true }

describe('kinds, locations and distances', () => {
  it('names a kind by the server’s label, else the locale’s, and offers the seven in order', () => {
    expect(kindText(t, 'pond', '池塘（服务端）')).toBe('池塘（服务端）')
    expect(kindText(t, 'pit')).toBe('坑塘（采砂坑、废弃矿坑）')
    expect(kindText(t, 'other')).toBe('其他水域')
    expect(kindText(t, 'sea')).toBe('sea')
    expect(kindOptions(t).map((o) => o.label)).toEqual(['池塘', '河流', '水库', '沟渠', '湖泊', '坑塘（采砂坑、废弃矿坑）', '其他水域'])
    expect(kindOptions(t).map((o) => o.value)).toEqual(['pond', 'river', 'reservoir', 'canal', 'lake', 'pit', 'other'])
  })

  it('names a school’s location and tells the rural, township and fringe ones', () => {
    expect(locationTypeText(t, 'fringe')).toBe('城乡结合部')
    expect(locationTypeText(t, 'township', '镇区')).toBe('镇区')
    expect(locationTypeText(t, '')).toBe('')
    expect(['urban', 'township', 'rural', 'fringe', ''].map(isRemoteLocation)).toEqual([false, true, true, true, false])
  })

  it('shows a distance in metres, — when unknown', () => {
    expect(distanceText(t, 300)).toBe('300 米')
    expect(distanceText(t, 0)).toBe('0 米')
    expect(distanceText(t, null)).toBe('—')
  })
})

describe('measures, gaps and priority', () => {
  it('lists the four measures in order, each present or missing', () => {
    expect(measureTags(t, water()).map((m) => `${m.label}:${m.present ? '有' : '缺'}`)).toEqual(['警示牌:有', '护栏:缺', '救生设施:缺', '巡查:缺'])
  })

  it('takes the gaps from the server, else judges them as the server does', () => {
    expect(gapsOf(t, water())).toEqual(['护栏', '救生设施', '巡查'])
    expect(gapsOf(t, { ...none, gaps: ['警示牌'] })).toEqual(['警示牌'])
    expect(gapsOf(t, { ...none, fence: true })).toEqual(['警示牌', '救生设施', '巡查'])
    expect(gapsOf(t, all)).toEqual([])
    expect(gapsText(t, water())).toBe('缺：护栏、救生设施、巡查')
    expect(gapsText(t, water({ ...all, gaps: [] }))).toBe('措施齐全')
  })

  it('is 重点 as the server says, else within 1000 m with a gap, in use', () => {
    expect(isPriority(water())).toBe(true)
    expect(isPriority(water({ priority: false }))).toBe(false)
    expect(isPriority({ ...none, distance_m: 1000 })).toBe(true)
    expect(isPriority({ ...none, distance_m: 1001 })).toBe(false)
    expect(isPriority({ ...all, distance_m: 10 })).toBe(false)
    expect(isPriority({ ...none, distance_m: 10, active: false })).toBe(false)
    expect(isPriority({ ...none, distance_m: 10, priority: null })).toBe(true)
  })

  it('names a water by its name and kind', () => {
    expect(waterName(t, water())).toBe('村东大塘（池塘）')
    expect(waterName(t, water({ kind: 'river', kind_label: '' }))).toBe('村东大塘（河流）')
  })
})

describe('the list’s filters', () => {
  it('sends only what is set', () => {
    expect(waterFilter(emptyWaterSearch())).toEqual({})
    expect(waterFilter({ school_id: 21, kind: 'pond', gaps: true, priority: true, include_inactive: true, q: ' 大塘 ' })).toEqual({
      school_id: 21,
      kind: 'pond',
      gaps: true,
      priority: true,
      include_inactive: true,
      q: '大塘',
    })
    expect(waterFilter({ ...emptyWaterSearch(), kind: undefined, q: '  ' })).toEqual({})
  })

  it('reads them from a link, dropping what it does not know', () => {
    expect(waterSearchFromRoute({ school_id: '21', kind: 'river', gaps: '1', priority: 'true', q: '河' })).toEqual({
      school_id: 21,
      kind: 'river',
      gaps: true,
      priority: true,
      include_inactive: false,
      q: '河',
    })
    expect(waterSearchFromRoute({ school_id: 'x', kind: 'sea', gaps: '0' })).toEqual(emptyWaterSearch())
  })
})

describe('the water form', () => {
  it('starts today, for the school given, nothing ticked', () => {
    const f = emptyWaterForm('2026-12-07', 21)
    expect(f).toMatchObject({ school_id: 21, checked_on: '2026-12-07', kind: '', distance_m: undefined, active: true, ...none })
  })

  it('sends the contract’s bodies: trimmed texts, the school on POST, 仍存在 and the version on PUT', () => {
    const f = { ...emptyWaterForm('2026-12-07', 21), name: ' 端到端测试塘 ', kind: 'pond', distance_m: 300, warning_sign: true, keeper: ' 青石村委会 ', location: ' 村口 ' }
    expect(waterCreateBody(f)).toEqual({
      school_id: 21,
      name: '端到端测试塘',
      kind: 'pond',
      distance_m: 300,
      location: '村口',
      warning_sign: true,
      fence: false,
      rescue_gear: false,
      patrol: false,
      keeper: '青石村委会',
      checked_on: '2026-12-07',
      note: '',
    })
    const edited = { ...waterToForm(water()), active: false }
    expect(waterUpdateBody(edited, 2)).toEqual({
      name: '村东大塘',
      kind: 'pond',
      distance_m: 300,
      location: '学校东侧青石村村口',
      warning_sign: true,
      fence: false,
      rescue_gear: false,
      patrol: false,
      keeper: '青石村委会',
      checked_on: '2026-11-20',
      note: '',
      active: false,
      version: 2,
    })
  })

  it('lists the server’s reasons no field shows', () => {
    expect(unplacedWaterErrors({ name: '请填写水域名称', school: '不在管辖范围' })).toEqual([{ field: 'school', reason: '不在管辖范围' }])
  })
})

describe('the board', () => {
  it('says what each school’s row is: 重点, gaps, a rural school with nothing recorded, or nothing to note', () => {
    expect(waterBoard().schools.map(boardRowState)).toEqual(['priority', 'gaps', 'unrecorded', 'ok'])
  })
})
