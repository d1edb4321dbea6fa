// 防溺水提醒's pure parts: the teacher's warning cards (which are cards, which the short list of
// missed days, the reasons, the occasion, the state as shown, when it was given, whether the text
// to say is long enough to fold, the body of 已提醒 and its note's check); the board (the query is
// 1530完成情况's, the rates too, and its classes are named by grade as there, by eduHelpers'
// classTitle; the rows 重点学校 / 城区学校, a school's location); and the campaigns (专项预警:
// running or not, the schools aimed at, the form with its checks before sending, its body, and the
// server's reasons no field shows). Unit-tested in __tests__/drowningHelpers.spec.ts.
import {
  CAMPAIGN_DAYS_MAX,
  CAMPAIGN_TEXT_MAX,
  CAMPAIGN_TITLE_MAX,
  DROWNING_LOCATION_TYPES,
  DROWNING_NOTE_MAX,
  DROWNING_REASONS,
  type DrowningBoard,
  type DrowningCampaign,
  type DrowningCampaignInput,
  type DrowningWarningInput,
  type DrowningWarningItem,
} from '@/api/eduDrowning'
import type { EduCompletion } from '@/api/edu'
import type { TagType } from '@/utils/tags'
import { chinaTime } from '@/views/whistles/whistleHelpers'
import { locationTypeText } from './waterHelpers'

export { completionQuery, rateText, ratePercent, rateStatus } from './eduHelpers'

type Translate = (key: string, named?: Record<string, unknown>) => string

// ---- The teacher's warnings ----

/** A class has at most one warning day a date. */
export const warningKey = (w: Pick<DrowningWarningItem, 'class_id' | 'date'>): string => `${w.class_id}-${w.date}`

/** Whether the warning was given: by the teacher's record or a 1530 check-in about drowning, on time or late. */
export const isGiven = (w: Pick<DrowningWarningItem, 'state' | 'via' | 'warning'>): boolean =>
  !!w.warning || !!w.via || w.state === 'done' || w.state === 'late'

export interface WarningSections {
  /** The day's warnings, the earlier ones still open for a late record, and those just recorded here. */
  cards: DrowningWarningItem[]
  /** The last 14 days' warnings not given and past the late limit. */
  missed: DrowningWarningItem[]
}

/** The server's list (its order kept) cut into cards and the short list of missed days. */
export function warningSections(items: readonly DrowningWarningItem[], today: string): WarningSections {
  const out: WarningSections = { cards: [], missed: [] }
  for (const w of items) {
    if (w.date === today || w.can_give || isGiven(w)) out.cards.push(w)
    else out.missed.push(w)
  }
  return out
}

/** A reason's words: the server's label when given, else the locale's. */
export function reasonText(t: Translate, code: string, label?: string): string {
  if (label) return label
  return (DROWNING_REASONS as readonly string[]).includes(code) ? t(`edu.drowning.reason.${code}`) : code
}

/** The reasons of a warning day as tags: 周末前, 节假日前, 专项预警 … */
export function reasonTags(t: Translate, w: Pick<DrowningWarningItem, 'reasons' | 'reason_labels'>): { code: string; label: string }[] {
  return w.reasons.map((code, i) => ({ code, label: reasonText(t, code, w.reason_labels[i]) }))
}

/** 暑假前, 端午节前; "" without an occasion. */
export const occasionText = (t: Translate, occasion: string): string => (occasion ? t('edu.drowning.occasion', { occasion }) : '')

/** An earlier day not given yet that may still be recorded (补录). */
export const isOpenLate = (w: Pick<DrowningWarningItem, 'date' | 'can_give'>, today: string): boolean => w.can_give && w.date < today

/** The state as the card says it: 待补录 for an earlier day still open, else the server's label. */
export function warningStateText(t: Translate, w: Pick<DrowningWarningItem, 'date' | 'can_give' | 'state' | 'state_label'>, today: string): string {
  if (isOpenLate(w, today)) return t('edu.drowning.state.openLate')
  if (w.state_label) return w.state_label
  return ['upcoming', 'due', 'done', 'late', 'missed'].includes(w.state) ? t(`edu.drowning.state.${w.state}`) : w.state
}

export function warningStateTag(w: Pick<DrowningWarningItem, 'date' | 'can_give' | 'state'>, today: string): TagType {
  if (isOpenLate(w, today)) return 'warning'
  switch (w.state) {
    case 'done':
    case 'late':
      return 'success'
    case 'due':
      return 'warning'
    case 'missed':
      return 'danger'
    default:
      return 'info'
  }
}

/** When the teacher's record was made, in China: HH:mm on its own day, else MM-DD HH:mm. */
export function givenTime(w: Pick<DrowningWarningItem, 'date' | 'warning'>): string {
  const at = chinaTime(w.warning?.at)
  if (!at) return ''
  return at.slice(0, 10) === w.date ? at.slice(11) : at.slice(5)
}

/**
 * What a given warning's card says: 已提醒 16:05, 已补录 06-08 09:10 for one recorded after its day,
 * or that a 1530 check-in about drowning counted; "" while not given.
 */
export function givenText(t: Translate, w: Pick<DrowningWarningItem, 'date' | 'state' | 'via' | 'warning'>): string {
  if (w.warning) {
    const time = givenTime(w)
    const late = w.state === 'late' || w.warning.on > w.date
    return late ? t('edu.drowning.givenLate', { time }) : t('edu.drowning.given', { time })
  }
  if (w.via === 'checkin') return t('edu.drowning.viaCheckin')
  if (w.state === 'done' || w.state === 'late') return t('edu.drowning.givenPlain')
  return ''
}

/** Text longer than this many characters is folded on the card (展开全文). */
export const FOLD_CHARS = 80

/** Whether a text is long enough to fold: more characters than `limit`, or more than three lines. */
export function isLongText(text: string, limit = FOLD_CHARS): boolean {
  return [...text].length > limit || text.split('\n').length > 3
}

/** The body of 已提醒: the class and day, and the note when one was written. */
export function giveBody(w: Pick<DrowningWarningItem, 'class_id' | 'date'>, note: string): DrowningWarningInput {
  const text = note.trim()
  return text ? { class_id: w.class_id, date: w.date, note: text } : { class_id: w.class_id, date: w.date }
}

/** The note's problem before sending (too long), or "". */
export function noteProblem(t: Translate, note: string): string {
  return [...note.trim()].length > DROWNING_NOTE_MAX ? t('edu.drowning.noteTooLong', { n: DROWNING_NOTE_MAX }) : ''
}

// ---- The board ----

/** 应提醒, 按时, 补录, 未提醒: the counts of a completion, in the board's order. */
export const BOARD_KEYS = ['due', 'done', 'late', 'missed'] as const
export type BoardKey = (typeof BOARD_KEYS)[number]

export interface LocationRow {
  key: 'high_risk' | 'other'
  completion: EduCompletion
}

/**
 * The rows by location: 重点学校（乡村、镇区、城乡结合部） and 城区学校. The district has both; a school
 * only the row it belongs to (the one with warning days), none when nothing was due.
 */
export function locationRows(b: Pick<DrowningBoard, 'scope' | 'high_risk' | 'other'>): LocationRow[] {
  const rows: LocationRow[] = [
    { key: 'high_risk', completion: b.high_risk },
    { key: 'other', completion: b.other },
  ]
  return b.scope === 'district' ? rows : rows.filter((r) => r.completion.due > 0)
}

/** The rows lowest rate first (the server's order kept among equals), those with nothing due last. */
export function byRate<T extends EduCompletion>(rows: readonly T[]): T[] {
  const key = (r: T) => (r.due === 0 ? Number.POSITIVE_INFINITY : r.rate)
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => key(a.r) - key(b.r) || a.i - b.i)
    .map((x) => x.r)
}

/** The warnings given (on time or late) of a completion. */
export const givenOf = (c: EduCompletion): number => c.done + c.late

/** A school's location as shown (城区, 乡村 …), 未登记 when not recorded. */
export function schoolLocationText(t: Translate, type: string, label?: string): string {
  return locationTypeText(t, type, label) || t('edu.drowning.board.noLocation')
}

// ---- Campaigns (专项预警) ----

export type CampaignStatus = 'upcoming' | 'active' | 'ended'

/** Whether a campaign has begun, runs today, or is over. */
export function campaignStatus(c: Pick<DrowningCampaign, 'from' | 'to'>, today: string): CampaignStatus {
  if (today < c.from) return 'upcoming'
  if (today > c.to) return 'ended'
  return 'active'
}

export const campaignStatusTag = (s: CampaignStatus): TagType => (s === 'active' ? 'danger' : s === 'upcoming' ? 'warning' : 'info')

/** The schools aimed at: 乡村、镇区学校, or 全部学校 when no location is named. */
export function campaignTargets(t: Translate, c: Pick<DrowningCampaign, 'location_types' | 'location_type_labels'>): string {
  if (!c.location_types.length) return t('edu.drowning.campaigns.allSchools')
  const labels = c.location_types.map((code, i) => locationTypeText(t, code, c.location_type_labels[i]) || code)
  return t('edu.drowning.campaigns.someSchools', { list: labels.join('、') })
}

/** The locations as the form's checkboxes, in the contract's order. */
export const locationOptions = (t: Translate): { value: string; label: string }[] =>
  DROWNING_LOCATION_TYPES.map((l) => ({ value: l.code, label: locationTypeText(t, l.code) || l.label }))

const DAY = 86_400_000

/** Days from `from` to `to`, both included (0 when either is missing or `to` comes first). */
export function campaignDays(from: string, to: string): number {
  if (!from || !to) return 0
  const a = Date.parse(`${from}T00:00:00Z`)
  const b = Date.parse(`${to}T00:00:00Z`)
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0
  return Math.round((b - a) / DAY) + 1
}

export interface CampaignForm {
  title: string
  text: string
  from: string
  to: string
  location_types: string[]
}

/** A new campaign: from today, to be chosen, for every school. */
export const emptyCampaignForm = (today: string): CampaignForm => ({ title: '', text: '', from: today, to: '', location_types: [] })

/**
 * The form's problems before sending, by field (title, text, from, to), as the server would name
 * them: a title and a text within their lengths, both days, `to` not before `from` nor today, at
 * most 120 days. Empty when it may be sent.
 */
export function campaignProblems(t: Translate, f: CampaignForm, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  const title = f.title.trim()
  if (!title) out.title = t('edu.drowning.campaigns.required.title')
  else if ([...title].length > CAMPAIGN_TITLE_MAX) out.title = t('edu.drowning.campaigns.required.titleTooLong', { n: CAMPAIGN_TITLE_MAX })
  const text = f.text.trim()
  if (!text) out.text = t('edu.drowning.campaigns.required.text')
  else if ([...text].length > CAMPAIGN_TEXT_MAX) out.text = t('edu.drowning.campaigns.required.textTooLong', { n: CAMPAIGN_TEXT_MAX })
  if (!f.from) out.from = t('edu.drowning.campaigns.required.from')
  if (!f.to) out.to = t('edu.drowning.campaigns.required.to')
  else if (f.from && f.to < f.from) out.to = t('edu.drowning.campaigns.required.toBeforeFrom')
  else if (f.from && campaignDays(f.from, f.to) > CAMPAIGN_DAYS_MAX) out.to = t('edu.drowning.campaigns.required.tooLong', { n: CAMPAIGN_DAYS_MAX })
  else if (f.to < today) out.to = t('edu.drowning.campaigns.required.toPast')
  return out
}

/** POST's body: the texts trimmed, the locations in the contract's order. */
export function campaignBody(f: CampaignForm): DrowningCampaignInput {
  const order = DROWNING_LOCATION_TYPES.map((l) => l.code as string)
  const types = order.filter((code) => f.location_types.includes(code))
  return { title: f.title.trim(), text: f.text.trim(), from: f.from, to: f.to, location_types: types }
}

/** The fields the campaign form shows a reason beside (the API's names). */
export const CAMPAIGN_FIELDS: readonly string[] = ['title', 'text', 'from', 'to', 'location_types']

/** The server's reasons that no field of the form shows (listed above the form instead). */
export function unplacedCampaignErrors(errors: Record<string, string>): { field: string; reason: string }[] {
  return Object.entries(errors)
    .filter(([field]) => !CAMPAIGN_FIELDS.includes(field))
    .map(([field, reason]) => ({ field, reason }))
}
