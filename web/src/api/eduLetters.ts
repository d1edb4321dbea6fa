// 致家长的一封信: a letter a school publishes to the parents each term (a draft, published, then
// closed to receipts), one link per class (and its QR code) that the class teacher shares with the
// parents, the receipts (回执) the parents give on a phone without an account — the student's name
// and their relation, counted once per student and class — the receipt rates of a letter by class
// (the school sees the names, to chase missing ones) and of a term by school (the bureau: rates
// only, never names). The parents' page reads the letter and confirms through the public routes
// (/api/v1/public/letters/{token}), sent without the session cookie. Types follow the API contract
// (snake_case).
import { download, http, request, type Download, type Page, type Query } from './http'

export type EduLetterStatus = 'draft' | 'published' | 'closed'
export const EDU_LETTER_STATUSES: readonly EduLetterStatus[] = ['draft', 'published', 'closed']

/** 1 = 第一学期 (autumn), 2 = 第二学期 (spring). */
export type EduTerm = 1 | 2

export type EduRelation = 'father' | 'mother' | 'grandparent' | 'guardian'
export const EDU_RELATIONS: readonly EduRelation[] = ['father', 'mother', 'grandparent', 'guardian']

/** The most characters of a letter's body. */
export const LETTER_BODY_MAX = 5000

export interface EduLetter {
  id: number
  school_id: number
  school_name: string
  /** 2026 = 2026—2027学年. */
  school_year: number
  term: EduTerm | number
  /** "2026—2027学年第一学期". */
  term_label: string
  title: string
  /** Plain text with newlines, at most 5000 characters. */
  body: string
  /** YYYY-MM-DD, the last day receipts are taken; "" = until the letter is closed. */
  closes_on: string
  status: EduLetterStatus | string
  /** ISO instant, "" while a draft. */
  published_at: string
  created_by: string
  created_by_name: string
  created_at: string
  updated_at: string
  version: number
  /** The classes with a link. */
  classes: number
  /** The students of those classes whose size is known. */
  expected: number
  /** The receipts. */
  received: number
  /** received / expected (0..1), null when expected is 0. */
  rate: number | null
  /** The caller holds edu:lessons (may edit, publish, close and delete). */
  can_edit: boolean
}

export interface EduLetterQuery {
  school_id?: number
  school_year?: number
  term?: number
  status?: EduLetterStatus | string
  page?: number
  page_size?: number
}

/** POST /api/v1/edu/letters: a draft. */
export interface EduLetterInput {
  school_id: number
  school_year: number
  term: number
  title: string
  body: string
  /** YYYY-MM-DD; left out (or "") = until the letter is closed. */
  closes_on?: string
}

/**
 * PUT /api/v1/edu/letters/{id}: once published, the title and body stay (409 letter.published),
 * the closing day may change; 409 edu_letter.stale when `version` is stale.
 */
export interface EduLetterUpdate {
  version: number
  title: string
  body: string
  closes_on: string
}

/** A class's link and receipts. */
export interface EduLetterClass {
  class_id: number
  /** "三年级2班". */
  class_name: string
  grade: number
  teacher: string
  teacher_name: string
  /** 班级人数, 0 = unknown. */
  students: number
  received: number
  rate: number | null
  /** The link's token; "" when the caller may not share this class's link. */
  token: string
}

export interface EduLetterReceipt {
  id: number
  class_id: number
  class_name: string
  student_name: string
  relation: EduRelation | string
  relation_label: string
  /** ISO instant. */
  at: string
}

export interface EduLetterRates {
  expected: number
  received: number
  rate: number | null
}

export interface EduLetterBoardSchool extends EduLetterRates {
  school_id: number
  school_name: string
  /** The school's letters of the term (0: none published). */
  letters: number
}

/** GET /api/v1/edu/letters/board: the schools in the caller's scope, those without a letter first, then the lowest rate. */
export interface EduLetterBoard {
  school_year: number
  term: number
  term_label: string
  total: EduLetterRates & { schools: number; with_letter: number }
  schools: EduLetterBoardSchool[]
}

export interface EduLetterBoardQuery {
  school_year?: number
  term?: number
}

// ---- The parents' page (no account) ----

export interface EduRelationOption {
  code: EduRelation | string
  label: string
}

/** GET /api/v1/public/letters/{token}: the letter as a class's parents read it; 404 for an unknown token. */
export interface PublicLetter {
  school_name: string
  class_name: string
  title: string
  body: string
  term_label: string
  published_at: string
  closes_on: string
  /** Receipts are taken now. */
  open: boolean
  relations: EduRelationOption[]
}

export interface PublicReceiptInput {
  student_name: string
  relation: EduRelation | string
}

/** 201 first: true on the student's first receipt in the class, 200 first: false when given before (counted once). */
export interface PublicReceipt {
  first: boolean
  student_name: string
  at: string
}

const letters = '/api/v1/edu/letters'
const publicLetters = '/api/v1/public/letters'

/** The parents' address of a class's link: `${origin}/p/letters/${token}`. */
export const parentLetterPath = (token: string): string => `/p/letters/${encodeURIComponent(token)}`

export const eduLettersApi = {
  list: (query: EduLetterQuery = {}) => http.get<Page<EduLetter>>(letters, { ...query } as Query),
  get: (id: number) => http.get<EduLetter>(`${letters}/${id}`),
  /** 201 a draft; 422 names the field (school_id, school_year, term, title, body, closes_on). */
  create: (input: EduLetterInput) => http.post<EduLetter>(letters, input),
  /** 409 letter.published (title or body of a published letter), edu_letter.stale (old version). */
  update: (id: number, input: EduLetterUpdate) => http.put<EduLetter>(`${letters}/${id}`, input),
  /** A draft only (409 otherwise). */
  remove: (id: number) => http.del(`${letters}/${id}`),
  /** Published, a link for every active class; again: links for the classes added since. */
  publish: (id: number) => http.post<EduLetter>(`${letters}/${id}/publish`),
  /** No more receipts; the parents can still read it. */
  close: (id: number) => http.post<EduLetter>(`${letters}/${id}/close`),
  /** The classes with their links and receipts (a class teacher without edu:lessons: their own). */
  classes: (id: number) => http.get<{ items: EduLetterClass[] }>(`${letters}/${id}/classes`),
  /** Who confirmed (of one class when given); 403 for callers outside the letter's school. */
  receipts: (id: number, classId?: number) => http.get<{ items: EduLetterReceipt[] }>(`${letters}/${id}/receipts`, { class_id: classId }),
  board: (query: EduLetterBoardQuery = {}) => http.get<EduLetterBoard>(`${letters}/board`, { ...query } as Query),
  /** 家长信回执.xlsx: 各班回执, and 回执名单 for the school's own users. */
  export: (id: number): Promise<Download> => download(`${letters}/${id}/export`),
}

/** The public routes: no session, no CSRF header, no cookie. */
export const publicLettersApi = {
  get: (token: string) => request<PublicLetter>('GET', `${publicLetters}/${encodeURIComponent(token)}`, { anonymous: true }),
  /**
   * 201 or 200 (already confirmed); 422 names student_name or relation; 409 letter.closed (no longer
   * taking receipts) or letter.full (more receipts than students); 429 rate_limited.
   */
  confirm: (token: string, input: PublicReceiptInput) =>
    request<PublicReceipt>('POST', `${publicLetters}/${encodeURIComponent(token)}/receipts`, { body: input, anonymous: true }),
}
