import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  MEASURES,
  configureRoute,
  editPermissions,
  isDistrictWide,
  hasParams,
  isChanged,
  isEngineRule,
  paramFieldErrors,
  valueProblems,
  valuesChanged,
  valuesOf,
  valuesText,
  versionLabel,
  isMeasure,
  measureFromQuery,
  measureLabel,
  measureOptions,
  pageOf,
  paramValueText,
  withUnit,
  type Translate,
} from '../ruleCatalog'

const t: Translate = (key, named) => i18n.global.t(key, named ?? {})

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('measures', () => {
  it('numbers the plan’s 21 measures', () => {
    expect(MEASURES).toHaveLength(21)
    expect(MEASURES[0]).toBe(1)
    expect(MEASURES[20]).toBe(21)
    expect(isMeasure(8)).toBe(true)
    expect(isMeasure(0)).toBe(false)
    expect(isMeasure(22)).toBe(false)
    expect(isMeasure(8.5)).toBe(false)
    expect(isMeasure('8')).toBe(false)
  })

  it('labels a measure with its number and the plan’s name', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(measureLabel(t, 8)).toBe('措施 8 提升隐患整改质量')
    expect(measureLabel(t, 1)).toBe('措施 1 压实学校安全主体责任')
    expect(measureLabel(t, 13)).toBe('措施 13 消防应急演练')
    expect(measureLabel(t, 21)).toBe('措施 21 安全教育形式')
    // A number the plan does not have is shown as it is.
    expect(measureLabel(t, 22)).toBe('措施 22')
    i18n.global.locale.value = 'en-US'
    expect(measureLabel(t, 13)).toBe('Measure 13: Fire emergency drills')
  })

  it('offers every measure, labelled, in order', () => {
    const options = measureOptions(t)
    expect(options.map((o) => o.value)).toEqual(MEASURES)
    expect(options[7]).toEqual({ value: 8, label: '措施 8 提升隐患整改质量' })
    expect(new Set(options.map((o) => o.label)).size).toBe(21)
  })

  it('reads a measure from a link and ignores anything else', () => {
    expect(measureFromQuery('8')).toBe(8)
    expect(measureFromQuery(['13'])).toBe(13)
    expect(measureFromQuery('0')).toBeUndefined()
    expect(measureFromQuery('22')).toBeUndefined()
    expect(measureFromQuery('8a')).toBeUndefined()
    expect(measureFromQuery('')).toBeUndefined()
    expect(measureFromQuery(undefined)).toBeUndefined()
  })
})

describe('parameter values', () => {
  it('shows the value in force with its unit', () => {
    expect(withUnit(7, '天')).toBe('7 天')
    expect(withUnit(2, '次')).toBe('2 次')
    expect(withUnit(5, '')).toBe('5')
    expect(paramValueText(t, { value: 7, default: 7, unit: '天' })).toBe('7 天')
    expect(isChanged({ value: 7, default: 7 })).toBe(false)
  })

  it('marks a value changed from the default with the default', () => {
    expect(isChanged({ value: 2, default: 7 })).toBe(true)
    expect(paramValueText(t, { value: 2, default: 7, unit: '天' })).toBe('2 天（默认 7）')
    expect(paramValueText(t, { value: 0, default: 3, unit: '天' })).toBe('0 天（默认 3）')
    expect(paramValueText(t, { value: 4, default: 2, unit: '' })).toBe('4（默认 2）')
    i18n.global.locale.value = 'en-US'
    expect(paramValueText(t, { value: 2, default: 7, unit: '天' })).toBe('2 天 (default 7)')
  })

  it('knows which rules have parameters', () => {
    expect(hasParams({ params: [] })).toBe(false)
    expect(hasParams(undefined)).toBe(false)
    expect(hasParams({ params: [{ key: 'k', label: 'l', unit: '', min: 0, max: 1, default: 0, value: 0, help: '' }] })).toBe(true)
  })
})

describe('the configuring page', () => {
  it('maps the hazard rules route to the 隐患规则 page, nothing else', () => {
    expect(configureRoute('/api/v1/hazard-rules')).toBe('hazard-rules')
    expect(configureRoute('/api/v1/drill-rules')).toBeUndefined()
    expect(configureRoute('')).toBeUndefined()
    expect(configureRoute(undefined)).toBeUndefined()
    expect(configureRoute('toString')).toBeUndefined()
  })
})

describe('pageOf', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1)
  it('cuts one page and counts them all', () => {
    expect(pageOf(items, 1, 10)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], total: 23 })
    expect(pageOf(items, 3, 10)).toEqual({ items: [21, 22, 23], total: 23 })
    expect(pageOf(items, 4, 10)).toEqual({ items: [], total: 23 })
    expect(pageOf([], 1, 10)).toEqual({ items: [], total: 0 })
    expect(pageOf(items, 0, 0).items).toEqual([1])
  })
})

describe('the engine’s own values', () => {
  const p = (key: string, label: string, unit: string, min: number, max: number, value: number) => ({ key, label, unit, min, max, default: 1, value, help: '' })
  const monthly = {
    engine_values: true,
    params_version: 2,
    params: [p('min_count', '中小学每个教学月至少几次', '次', 1, 5, 1), p('teaching_month_days', '上学日不少于几天的月份算教学月', '天', 1, 23, 10)],
  }

  it('knows the rules whose values are kept here, and their version', () => {
    expect(isEngineRule(monthly)).toBe(true)
    expect(isEngineRule({ ...monthly, engine_values: false })).toBe(false)
    expect(isEngineRule({ engine_values: true, params: [] })).toBe(false)
    expect(versionLabel(t, monthly)).toBe('参数第 2 版')
    expect(versionLabel(t, { params_version: 0 })).toBe('默认参数')
  })

  it('starts the form from the values in force and sees a change', () => {
    const values = valuesOf(monthly)
    expect(values).toEqual({ min_count: 1, teaching_month_days: 10 })
    expect(valuesChanged(monthly, values)).toBe(false)
    expect(valuesChanged(monthly, { ...values, min_count: 2 })).toBe(true)
  })

  it('refuses what the server would: not a whole number within the bounds', () => {
    expect(valueProblems(monthly, { min_count: 2, teaching_month_days: 10 })).toEqual([])
    expect(valueProblems(monthly, { min_count: 6, teaching_month_days: 1.5 })).toEqual(['min_count', 'teaching_month_days'])
    expect(valueProblems(monthly, { min_count: null, teaching_month_days: 0 })).toEqual(['min_count', 'teaching_month_days'])
  })

  it('says a version’s values with the parameters’ labels', () => {
    expect(valuesText(t, monthly, { min_count: 2, teaching_month_days: 12, extra: 1 })).toBe(
      '中小学每个教学月至少几次：2 次；上学日不少于几天的月份算教学月：12 天；extra=1',
    )
  })

  it('places the server’s reasons on their parameter', () => {
    expect(paramFieldErrors([{ field: 'values.min_count', reason: '须在 1 到 5 之间' }, { field: 'note', reason: '过长' }])).toEqual({
      min_count: '须在 1 到 5 之间',
      note: '过长',
    })
  })
})

describe('district-wide rules', () => {
  it('needs hazard:configure besides rules:configure for the hazard ledger’s rules', () => {
    expect(isDistrictWide({ module: 'hazard' })).toBe(true)
    expect(isDistrictWide({ module: 'drill' })).toBe(false)
    expect(isDistrictWide(undefined)).toBe(false)
    expect(editPermissions({ module: 'hazard' })).toEqual(['rules:configure', 'hazard:configure'])
    expect(editPermissions({ module: 'drill' })).toEqual(['rules:configure'])
  })
})
