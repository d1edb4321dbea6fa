// 致家长的一封信's pure parts: the school years and terms (2026—2027学年第一学期) and the term of a
// day, the letters' search form and its API filters, the letter form with its API bodies and what
// may change once published, the row actions a letter's status allows, the receipts as shown
// (12 / 40, 30%), the parents' link of a class, and the parents' page's reading of a refused
// receipt (closed, full, too many tries). Unit-tested in __tests__/letterHelpers.spec.ts.
import type { EduLetter, EduLetterInput, EduLetterQuery, EduLetterUpdate, EduRelationOption, PublicLetter } from '@/api/eduLetters'
import { EDU_RELATIONS, LETTER_BODY_MAX, parentLetterPath } from '@/api/eduLetters'
import { ApiError } from '@/api/http'
import { ratePercent, rateText } from './eduHelpers'

type Translate = (key: string, named?: Record<string, unknown>) => string

export { ratePercent }

// ---- School years and terms ----

export interface LetterTerm {
  /** 2026 = 2026—2027学年. */
  school_year: number
  /** 1 = 第一学期 (autumn), 2 = 第二学期 (spring). */
  term: number
}

/**
 * The term a day (YYYY-MM-DD) falls in: August to January the first term of the school year that
 * began that autumn, February to July the second term of the one that began the autumn before.
 */
export function termOf(day: string): LetterTerm {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  if (month >= 8) return { school_year: year, term: 1 }
  if (month === 1) return { school_year: year - 1, term: 1 }
  return { school_year: year - 1, term: 2 }
}

/** 2026—2027学年. */
export const schoolYearText = (t: Translate, year: number): string => t('edu.letters.schoolYear', { from: year, to: year + 1 })

/** 第一学期 / 第二学期. */
export const termName = (t: Translate, term: number): string => (term === 1 ? t('edu.letters.termName.first') : term === 2 ? t('edu.letters.termName.second') : String(term))

/** 2026—2027学年第一学期: the server's label when given, else the locale's. */
export function termText(t: Translate, l: LetterTerm & { term_label?: string }): string {
  if (l.term_label) return l.term_label
  return t('edu.letters.termLabel', { year: schoolYearText(t, l.school_year), term: termName(t, l.term) })
}

/** A term as a select's value: "2026-1". */
export const termKey = (l: LetterTerm): string => `${l.school_year}-${l.term}`

/** "2026-1" → the term; null for anything else. */
export function parseTermKey(key: string | null | undefined): LetterTerm | null {
  const m = /^(\d{4})-([12])$/.exec(key ?? '')
  return m ? { school_year: Number(m[1]), term: Number(m[2]) } : null
}

/** The school years a letter may be for: last year's, this one and the next. */
export function schoolYearOptions(t: Translate, today: string): { value: number; label: string }[] {
  const now = termOf(today).school_year
  return [now - 1, now, now + 1].map((y) => ({ value: y, label: schoolYearText(t, y) }))
}

export const termOptions = (t: Translate): { value: number; label: string }[] => [1, 2].map((n) => ({ value: n, label: termName(t, n) }))

/** The terms to filter by, newest first: the next school year's down to the one two years back. */
export function termFilterOptions(t: Translate, today: string): { value: string; label: string }[] {
  const now = termOf(today).school_year
  const out: { value: string; label: string }[] = []
  for (let y = now + 1; y >= now - 2; y--) {
    for (const term of [2, 1]) out.push({ value: termKey({ school_year: y, term }), label: termText(t, { school_year: y, term }) })
  }
  return out
}

// ---- The list ----

export interface LetterSearch {
  school_id: number | undefined
  /** "2026-1", or '' / undefined for 全部. */
  term: string | undefined
  status: string | undefined
}

export const emptyLetterSearch = (): LetterSearch => ({ school_id: undefined, term: '', status: '' })

/** The API filters of an applied form: only what is set. */
export function letterFilter(s: LetterSearch): EduLetterQuery {
  const q: EduLetterQuery = {}
  if (typeof s.school_id === 'number') q.school_id = s.school_id
  const term = parseTermKey(s.term)
  if (term) {
    q.school_year = term.school_year
    q.term = term.term
  }
  if (s.status) q.status = s.status
  return q
}

/** The status's words. */
export function statusText(t: Translate, status: string): string {
  return ['draft', 'published', 'closed'].includes(status) ? t(`edu.letters.status.${status}`) : status
}

export function statusTagType(status: string): 'info' | 'success' | 'warning' | 'primary' {
  if (status === 'draft') return 'info'
  if (status === 'published') return 'success'
  if (status === 'closed') return 'warning'
  return 'primary'
}

/** What the caller may do to a letter now: its status and can_edit decide. */
export interface LetterActions {
  edit: boolean
  publish: boolean
  close: boolean
  remove: boolean
}

export function letterActions(l: Pick<EduLetter, 'status' | 'can_edit'>): LetterActions {
  const can = l.can_edit
  return {
    // A draft in full, a published letter's closing day; a closed letter stays as it is.
    edit: can && (l.status === 'draft' || l.status === 'published'),
    publish: can && l.status === 'draft',
    close: can && l.status === 'published',
    remove: can && l.status === 'draft',
  }
}

/** 回执 as shown: 12 / 40, or 12 / — when no class's size is known. */
export function receivedText(received: number, expected: number): string {
  return `${received} / ${expected > 0 ? expected : '—'}`
}

/** The rate in percent (30%, 87.5%), — when nothing is expected. */
export function letterRateText(rate: number | null | undefined, expected?: number): string {
  return rateText(rate, expected)
}

/** The bar's colour: all but a few (≥ 95%), most (≥ 80%), or far short; none when nothing is expected. */
export function letterRateStatus(rate: number | null | undefined): 'success' | 'warning' | 'exception' | undefined {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return undefined
  if (rate >= 0.95) return 'success'
  if (rate >= 0.8) return 'warning'
  return 'exception'
}

/** The day of an instant in China (YYYY-MM-DD), "" when none. */
export function chinaDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** An instant in China to the minute (2026-12-07 09:30), "" when none. */
export function chinaMinute(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** The parents' link of a class: the console's origin and /p/letters/{token}. */
export const parentLink = (origin: string, token: string): string => `${origin.replace(/\/+$/, '')}${parentLetterPath(token)}`

/** The name a letter goes by (in a confirmation): 2026—2027学年第一学期 寒假安全致家长的一封信. */
export const letterName = (l: Pick<EduLetter, 'term_label' | 'title'>): string => (l.term_label ? `${l.term_label} ${l.title}` : l.title)

// ---- The letter form ----

export interface LetterForm {
  school_id: number | null
  school_year: number | null
  term: number | null
  title: string
  body: string
  /** YYYY-MM-DD, '' (or null once cleared) = until closed. */
  closes_on: string | null
}

export function emptyLetterForm(today: string, schoolId: number | null = null): LetterForm {
  const now = termOf(today)
  return { school_id: schoolId, school_year: now.school_year, term: now.term, title: '', body: '', closes_on: '' }
}

export function letterToForm(l: EduLetter): LetterForm {
  return { school_id: l.school_id, school_year: l.school_year, term: l.term, title: l.title, body: l.body, closes_on: l.closes_on }
}

/** The body as sent: the lines kept, blank space at both ends and at line ends trimmed, Windows line ends made plain. */
export function cleanBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .trim()
}

/** POST's body: the closing day only when given. */
export function letterCreateBody(f: LetterForm): EduLetterInput {
  const body: EduLetterInput = {
    school_id: f.school_id ?? 0,
    school_year: f.school_year ?? 0,
    term: f.term ?? 0,
    title: f.title.trim(),
    body: cleanBody(f.body),
  }
  if (f.closes_on) body.closes_on = f.closes_on
  return body
}

/**
 * PUT's body, with the version read: a published letter sends its title and body as they are (they
 * cannot change), and the closing day ('' = until closed).
 */
export function letterUpdateBody(f: LetterForm, letter: Pick<EduLetter, 'status' | 'title' | 'body' | 'version'>): EduLetterUpdate {
  const fixed = letter.status !== 'draft'
  return {
    version: letter.version,
    title: fixed ? letter.title : f.title.trim(),
    body: fixed ? letter.body : cleanBody(f.body),
    closes_on: f.closes_on ?? '',
  }
}

export { LETTER_BODY_MAX }

// ---- The parents' page ----

/** The relations offered: the server's, else the four of the contract with the locale's words. */
export function relationOptions(t: Translate, letter: Pick<PublicLetter, 'relations'> | null): EduRelationOption[] {
  if (letter?.relations?.length) return letter.relations
  return EDU_RELATIONS.map((code) => ({ code, label: t(`edu.letters.relation.${code}`) }))
}

/** What a refused receipt means to the parent. */
export type ReceiptRefusal = 'closed' | 'full' | 'rate_limited' | 'not_found' | 'invalid' | 'other'

export function receiptRefusal(e: unknown): ReceiptRefusal {
  if (!(e instanceof ApiError)) return 'other'
  if (e.status === 404) return 'not_found'
  if (e.status === 429 || e.code === 'rate_limited') return 'rate_limited'
  const names = [e.code, ...e.details.map((d) => d.field)]
  if (e.status === 409 && names.includes('letter.full')) return 'full'
  if (e.status === 409 && names.includes('letter.closed')) return 'closed'
  if (e.status === 422) return 'invalid'
  return 'other'
}

/** The most characters of a student's name on the receipt form. */
export const STUDENT_NAME_MAX = 20
