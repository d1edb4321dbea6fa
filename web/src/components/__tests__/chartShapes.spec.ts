import { describe, expect, it } from 'vitest'
import { categoryBar, lyingBarHeight, shareRing, shareRingHeight } from '../chartShapes'

type Axis = { type: string; data?: string[]; inverse?: boolean; axisLabel?: { interval?: number; rotate?: number } }
type BarOption = { xAxis: Axis; yAxis: Axis; series: { data: number[]; label?: { show: boolean } }[]; grid: { bottom: number } }
type RingOption = {
  legend: { type: string; formatter?: (name: string) => string }
  series: { label: { show?: boolean; formatter?: string }; radius: string[]; data: { name: string; value: number }[] }[]
}

const BARS = ['消防安全', '燃气安全', '食品安全', '用电安全', '安防设施', '交通安全', '欺凌与矛盾纠纷'].map((label, i) => ({
  label,
  value: 9 - i,
}))

describe('categoryBar', () => {
  it('stands at desk width, rotating the names from six categories on', () => {
    const wide = categoryBar(BARS, '按类别', '#a60', false) as BarOption
    expect(wide.xAxis.type).toBe('category')
    expect(wide.xAxis.data).toEqual(BARS.map((b) => b.label))
    expect(wide.xAxis.axisLabel).toEqual({ interval: 0, rotate: 30 })
    expect(wide.grid.bottom).toBe(60)
    const five = categoryBar(BARS.slice(0, 5), '按类别', '#a60', false) as BarOption
    expect(five.xAxis.axisLabel?.rotate).toBe(0)
    expect(five.grid.bottom).toBe(30)
    const six = categoryBar(BARS.slice(0, 6), '按类别', '#a60', false) as BarOption
    expect(six.xAxis.axisLabel?.rotate).toBe(30)
  })

  it('lies on a phone: every name on its own line at the left, unrotated, the first on top, values written', () => {
    const o = categoryBar(BARS, '按类别', '#a60', true) as BarOption
    expect(o.yAxis.type).toBe('category')
    expect(o.yAxis.data).toEqual(BARS.map((b) => b.label))
    expect(o.yAxis.inverse).toBe(true)
    expect(o.yAxis.axisLabel?.interval).toBe(0)
    expect(o.yAxis.axisLabel?.rotate).toBeUndefined()
    expect(o.xAxis.type).toBe('value')
    expect(o.series[0].data).toEqual(BARS.map((b) => b.value))
    expect(o.series[0].label?.show).toBe(true)
  })

  it('grows a lying chart by one row per category, never below 160 px', () => {
    expect(lyingBarHeight(0)).toBe('160px')
    expect(lyingBarHeight(3)).toBe('160px')
    expect(lyingBarHeight(4)).toBe('190px')
    expect(lyingBarHeight(13)).toBe('460px')
  })
})

describe('shareRing', () => {
  const SLICES = [
    { label: '小学', value: 14 },
    { label: '幼儿园', value: 10 },
    { label: '九年一贯制学校', value: 3 },
    { label: '中等职业学校', value: 1 },
  ]

  it('labels the slices around the ring at desk width', () => {
    const o = shareRing(SLICES, '按学段', false) as RingOption
    expect(o.series[0].label.formatter).toBe('{b} {c}')
    expect(o.legend.type).toBe('scroll')
    expect(o.series[0].data).toEqual(SLICES.map((s) => ({ name: s.label, value: s.value })))
  })

  it('names every slice with its count in a legend of full lines on a phone, no labels to cut', () => {
    const o = shareRing(SLICES, '按学段', true) as RingOption
    expect(o.series[0].label.show).toBe(false)
    expect(o.legend.type).toBe('plain')
    expect(o.legend.formatter?.('九年一贯制学校')).toBe('九年一贯制学校 3')
    expect(o.legend.formatter?.('小学')).toBe('小学 14')
    expect(o.series[0].data).toHaveLength(4)
  })

  it('leaves room below a phone ring for one legend line per three slices', () => {
    expect(shareRingHeight(4, false)).toBe('300px')
    expect(shareRingHeight(3, true)).toBe('284px')
    expect(shareRingHeight(4, true)).toBe('308px')
    expect(shareRingHeight(9, true)).toBe('332px')
  })
})
