import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import {
  actionsOf,
  chinaTime,
  defaultRange,
  emptyRaise,
  emptySearch,
  fieldReasons,
  noteRequired,
  raiseInput,
  searchFromRoute,
  statText,
  unplacedReasons,
  whistleFilter,
} from '../whistleHelpers'
import { whistle } from './fixtures'

describe('whistle helpers', () => {
  it('sends only the filters that are set, from a link too', () => {
    expect(whistleFilter(emptySearch())).toEqual({})
    expect(whistleFilter({ q: ' 横道 ', state: 'waiting', severity: 'major', category: 'traffic', overdue: true, todo: true })).toEqual({
      q: '横道',
      state: 'waiting',
      severity: 'major',
      category: 'traffic',
      overdue: 1,
      todo: 1,
    })
    expect(searchFromRoute({ todo: '1', state: 'answered', overdue: 'true' })).toEqual({ ...emptySearch(), todo: true, state: 'answered', overdue: true })
  })

  it('reads instants in China time', () => {
    expect(chinaTime('2026-12-05T17:30:00Z')).toBe('2026-12-06 01:30')
    expect(chinaTime(null)).toBe('')
  })

  it('builds the raise body with the photos’ ids', () => {
    const f = { ...emptyRaise(), title: ' 缺少人行横道 ', category: 'traffic', location: ' 解放路 ' }
    expect(raiseInput(21, f, [{ id: 4 }, { id: 5 }])).toEqual({
      school_id: 21,
      title: '缺少人行横道',
      description: '',
      category: 'traffic',
      place: 'around',
      location: '解放路',
      severity: 'general',
      interim_measures: '',
      file_ids: [4, 5],
    })
  })

  it('takes the server’s field reasons, as reason or message', () => {
    const e = new ApiError(
      422,
      {
        code: 'invalid_argument',
        message: '请检查输入',
        details: [
          { field: 'interim_measures', reason: '重大事项须填写临时措施' },
          { field: 'file_ids[1]', message: '文件不存在' } as never,
          { field: 'school_id', reason: '不是本校' },
        ],
      },
      null,
    )
    const r = fieldReasons(e)
    expect(r).toEqual({ interim_measures: '重大事项须填写临时措施', file_ids: '文件不存在', school_id: '不是本校' })
    expect(unplacedReasons(r!, ['interim_measures', 'file_ids'])).toEqual(['school_id：不是本校'])
    expect(fieldReasons(new ApiError(500, { code: 'x', message: 'y', details: [] }, null))).toBeNull()
    expect(fieldReasons(new Error('x'))).toBeNull()
  })

  it('offers the actions `can` allows, in the order of the work', () => {
    expect(actionsOf(whistle())).toEqual([])
    expect(actionsOf(whistle({ can: { acknowledge: true, feedback: true, confirm: false, send_back: false, route: true } }))).toEqual([
      'acknowledge',
      'feedback',
      'result',
      'route',
    ])
    expect(actionsOf(whistle({ can: { acknowledge: false, feedback: false, confirm: true, send_back: true, route: false } }))).toEqual(['confirm', 'send_back'])
    expect(noteRequired('send_back')).toBe(true)
    expect(noteRequired('result')).toBe(true)
    expect(noteRequired('acknowledge')).toBe(false)
    expect(noteRequired('confirm')).toBe(false)
  })

  it('shows statistics and the default period', () => {
    expect(statText(null)).toBe('—')
    expect(statText(3)).toBe('3')
    expect(statText(2.456)).toBe('2.5')
    expect(defaultRange(Date.parse('2026-12-05T18:00:00Z'))).toEqual(['2026-01-01', '2026-12-06'])
  })
})
