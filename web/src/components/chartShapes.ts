// Chart shapes shared by the boards (pure, unit-tested), so that a chart stays readable on a
// phone: there a bar chart of named categories lies on its side (the names in one column at the
// left, each on its own line, never rotated or skipped), and a pie names its slices in a legend
// of full lines below it instead of labels around it that a narrow card cuts off.
import type { EChartsCoreOption } from 'echarts/core'

/** Below this width (CSS px) the boards draw their phone shapes (useNarrow's default). */
export const NARROW_CHART_WIDTH = 768

/** One named bar. */
export interface Bar {
  label: string
  value: number
}

const TITLE = (text: string) => ({ text, left: 'center', textStyle: { fontSize: 14 } })

/** A lying bar chart's height: the title and axis, then one row per category. */
export function lyingBarHeight(rows: number): string {
  return `${Math.max(160, 70 + rows * 30)}px`
}

/**
 * A bar chart of categories. At desk width the bars stand (rotated names when more than `rotateFrom`
 * categories); on a phone they lie, first category on top, names unrotated at the left.
 */
export function categoryBar(
  bars: readonly Bar[],
  title: string,
  color: string,
  narrow: boolean,
  rotateFrom = 5,
): EChartsCoreOption {
  const labels = bars.map((b) => b.label)
  const values = bars.map((b) => b.value)
  if (narrow) {
    return {
      title: TITLE(title),
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 36, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
      yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { interval: 0, fontSize: 12 } },
      series: [{ type: 'bar', data: values, barMaxWidth: 18, itemStyle: { color }, label: { show: true, position: 'right' } }],
    }
  }
  return {
    title: TITLE(title),
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, bottom: bars.length > rotateFrom ? 60 : 30, top: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: bars.length > rotateFrom ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values, barMaxWidth: 40, itemStyle: { color } }],
  }
}

/**
 * A ring chart of shares. At desk width each slice is labelled around the ring; on a phone the
 * ring is smaller and higher, and the legend below names every slice with its count on full
 * lines (no paging, no cut names).
 */
export function shareRing(slices: readonly Bar[], title: string, narrow: boolean): EChartsCoreOption {
  const data = slices.map((s) => ({ name: s.label, value: s.value }))
  if (narrow) {
    const counts = new Map(slices.map((s) => [s.label, s.value]))
    return {
      title: TITLE(title),
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, left: 'center', type: 'plain', itemGap: 12, formatter: (name: string) => `${name} ${counts.get(name) ?? ''}` },
      series: [{ type: 'pie', radius: ['30%', '52%'], center: ['50%', '36%'], label: { show: false }, data }],
    }
  }
  return {
    title: TITLE(title),
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '48%'], label: { formatter: '{b} {c}' }, data }],
  }
}

/** A ring chart's height: on a phone, room for the legend's lines below the ring. */
export function shareRingHeight(slices: number, narrow: boolean): string {
  return narrow ? `${260 + Math.ceil(slices / 3) * 24}px` : '300px'
}
