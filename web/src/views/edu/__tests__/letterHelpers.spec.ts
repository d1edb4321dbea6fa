import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { ApiError } from '@/api/http'
import {
  cleanBody,
  emptyLetterForm,
  letterActions,
  letterCreateBody,
  letterFilter,
  letterRateStatus,
  letterRateText,
  letterToForm,
  letterUpdateBody,
  parentLink,
  parseTermKey,
  receiptRefusal,
  receivedText,
  relationOptions,
  schoolYearOptions,
  statusText,
  termFilterOptions,
  termKey,
  termOf,
  termText,
} from '../letterHelpers'
import { letter, publicLetter } from './fixtures'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

const refused = (status: number, code: string, field = '') =>
  new ApiError(status, { code, message: '拒绝', details: field ? [{ field, reason: '原因' }] : [] }, null)

describe('school years and terms', () => {
  it('places a day in its term: August–January the first, February–July the second of the year begun the autumn before', () => {
    expect(termOf('2026-09-01')).toEqual({ school_year: 2026, term: 1 })
    expect(termOf('2026-12-31')).toEqual({ school_year: 2026, term: 1 })
    expect(termOf('2027-01-20')).toEqual({ school_year: 2026, term: 1 })
    expect(termOf('2027-02-01')).toEqual({ school_year: 2026, term: 2 })
    expect(termOf('2027-07-31')).toEqual({ school_year: 2026, term: 2 })
    expect(termOf('2027-08-01')).toEqual({ school_year: 2027, term: 1 })
  })

  it('names a term as the server does, preferring its label', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(termText(t, { school_year: 2026, term: 1 })).toBe('2026—2027学年第一学期')
    expect(termText(t, { school_year: 2026, term: 2 })).toBe('2026—2027学年第二学期')
    expect(termText(t, { school_year: 2026, term: 2, term_label: '服务器的说法' })).toBe('服务器的说法')
  })

  it('offers last, this and next school year, and the terms to filter by newest first', () => {
    expect(schoolYearOptions(t, '2026-12-07')).toEqual([
      { value: 2025, label: '2025—2026学年' },
      { value: 2026, label: '2026—2027学年' },
      { value: 2027, label: '2027—2028学年' },
    ])
    const terms = termFilterOptions(t, '2026-12-07')
    expect(terms.slice(0, 3)).toEqual([
      { value: '2027-2', label: '2027—2028学年第二学期' },
      { value: '2027-1', label: '2027—2028学年第一学期' },
      { value: '2026-2', label: '2026—2027学年第二学期' },
    ])
    expect(terms).toHaveLength(8)
    expect(termKey({ school_year: 2026, term: 2 })).toBe('2026-2')
    expect(parseTermKey('2026-2')).toEqual({ school_year: 2026, term: 2 })
    expect(parseTermKey('2026-3')).toBeNull()
    expect(parseTermKey('')).toBeNull()
    expect(parseTermKey(undefined)).toBeNull()
  })
})

describe('the list', () => {
  it('sends only the filters that are set, the term as its year and number', () => {
    expect(letterFilter({ school_id: undefined, term: '', status: '' })).toEqual({})
    expect(letterFilter({ school_id: undefined, term: undefined, status: undefined })).toEqual({})
    expect(letterFilter({ school_id: 22, term: '2026-2', status: 'published' })).toEqual({ school_id: 22, school_year: 2026, term: 2, status: 'published' })
  })

  it('shows the receipts and the rate: 27 / 90 and 30%, — when no class’s size is known', () => {
    expect(receivedText(27, 90)).toBe('27 / 90')
    expect(receivedText(3, 0)).toBe('3 / —')
    expect(letterRateText(0.3, 90)).toBe('30%')
    expect(letterRateText(0.875, 8)).toBe('87.5%')
    expect(letterRateText(1, 45)).toBe('100%')
    expect(letterRateText(null, 0)).toBe('—')
    expect(letterRateText(null)).toBe('—')
    expect(letterRateStatus(0.96)).toBe('success')
    expect(letterRateStatus(0.8)).toBe('warning')
    expect(letterRateStatus(0.3)).toBe('exception')
    expect(letterRateStatus(null)).toBeUndefined()
  })

  it('names the statuses', () => {
    expect(statusText(t, 'draft')).toBe('草稿')
    expect(statusText(t, 'published')).toBe('已发布')
    expect(statusText(t, 'closed')).toBe('已截止')
    expect(statusText(t, 'odd')).toBe('odd')
  })

  it('offers the actions a letter’s status allows to those who may edit', () => {
    expect(letterActions(letter({ status: 'draft' }))).toEqual({ edit: true, publish: true, close: false, remove: true })
    expect(letterActions(letter({ status: 'published' }))).toEqual({ edit: true, publish: false, close: true, remove: false })
    expect(letterActions(letter({ status: 'closed' }))).toEqual({ edit: false, publish: false, close: false, remove: false })
    expect(letterActions(letter({ status: 'draft', can_edit: false }))).toEqual({ edit: false, publish: false, close: false, remove: false })
  })

  it('builds a class’s parents’ link from the origin and the token', () => {
    expect(parentLink('https://xiaoan.example.cn', 'tok7AbC')).toBe('https://xiaoan.example.cn/p/letters/tok7AbC')
    expect(parentLink('http://127.0.0.1:8080/', 'x')).toBe('http://127.0.0.1:8080/p/letters/x')
  })
})

describe('the letter form', () => {
  it('starts in the term of today with the school of a school user', () => {
    expect(emptyLetterForm('2027-03-01', 21)).toEqual({ school_id: 21, school_year: 2026, term: 2, title: '', body: '', closes_on: '' })
    expect(emptyLetterForm('2026-12-07').school_id).toBeNull()
  })

  it('keeps the body’s lines, trimming blank space at its ends and line ends', () => {
    expect(cleanBody('  各位家长：  \r\n\r\n  一、防溺水。 \n')).toBe('各位家长：\n\n  一、防溺水。')
  })

  it('creates a draft, the closing day only when given', () => {
    const f = { ...emptyLetterForm('2027-03-01', 21), title: ' 春季安全 ', body: '各位家长：\n……' }
    expect(letterCreateBody(f)).toEqual({ school_id: 21, school_year: 2026, term: 2, title: '春季安全', body: '各位家长：\n……' })
    expect(letterCreateBody({ ...f, closes_on: '2027-03-20' })).toMatchObject({ closes_on: '2027-03-20' })
    expect(letterCreateBody({ ...f, closes_on: null })).not.toHaveProperty('closes_on')
  })

  it('updates a draft in full, and of a published letter only the closing day (its title and body sent as they were)', () => {
    const draft = letter({ status: 'draft', version: 2 })
    const f = { ...letterToForm(draft), title: '新标题', body: '新正文', closes_on: null }
    expect(letterUpdateBody(f, draft)).toEqual({ version: 2, title: '新标题', body: '新正文', closes_on: '' })
    const published = letter()
    expect(letterUpdateBody({ ...letterToForm(published), title: '改不了', closes_on: '2027-01-31' }, published)).toEqual({
      version: 3,
      title: '寒假安全致家长的一封信',
      body: published.body,
      closes_on: '2027-01-31',
    })
  })
})

describe('the parents’ page', () => {
  it('offers the server’s relations, else the contract’s four', () => {
    expect(relationOptions(t, publicLetter()).map((r) => r.label)).toEqual(['父亲', '母亲', '祖父母/外祖父母', '其他监护人'])
    expect(relationOptions(t, publicLetter({ relations: [] })).map((r) => `${r.code}:${r.label}`)).toEqual([
      'father:父亲',
      'mother:母亲',
      'grandparent:祖父母/外祖父母',
      'guardian:其他监护人',
    ])
    expect(relationOptions(t, null)).toHaveLength(4)
  })

  it('reads a refused receipt: closed, full, too many tries, unknown link, a field', () => {
    expect(receiptRefusal(refused(409, 'conflict', 'letter.closed'))).toBe('closed')
    expect(receiptRefusal(refused(409, 'conflict', 'letter.full'))).toBe('full')
    expect(receiptRefusal(refused(409, 'letter.full'))).toBe('full')
    expect(receiptRefusal(refused(429, 'rate_limited'))).toBe('rate_limited')
    expect(receiptRefusal(refused(404, 'not_found'))).toBe('not_found')
    expect(receiptRefusal(refused(422, 'invalid_argument', 'student_name'))).toBe('invalid')
    expect(receiptRefusal(refused(409, 'conflict'))).toBe('other')
    expect(receiptRefusal(new Error('x'))).toBe('other')
  })
})
