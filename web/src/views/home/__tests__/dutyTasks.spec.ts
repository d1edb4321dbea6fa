// 我的待办's 安全责任 groups: 签订安全工作职责清单 (duty.sign) to 我的职责清单, 职责清单待签订 (duty.pending)
// to the school's 职责清单 with the waiting list open, 三管三必须待明确 (duty.areas) to the school's
// 三管三必须; 方案措施待落实监管科室 (duty.coverage) to 措施覆盖; 全区工作待完成 (duty.work) to 本单位工作, 全区工作有单位
// 逾期 (duty.work.overdue) to each item and to the board.
import { describe, expect, it } from 'vitest'
import type { TaskGroup } from '@/api/tasks'
import { groupRoute, itemRoute } from '../tasks'

const group = (kind: string): TaskGroup => ({ kind, label: kind, count: 1, overdue: 0, items: [] })
const base = { title: 't', school_name: '示范区双桥小学', due: '', overdue: false }

describe('我的待办 links: 安全责任', () => {
  it('leads 签订安全工作职责清单 (duty.sign) to 我的职责清单, from 查看全部 and from its item', () => {
    const sign = group('duty.sign')
    expect(groupRoute(sign)).toEqual({ name: 'duty-mine' })
    expect(itemRoute({ ...base, subject_type: 'duty_list', subject_id: 3 }, sign)).toEqual({ name: 'duty-mine' })
    // Without its group, a list is the user's own.
    expect(itemRoute({ ...base, subject_type: 'duty_list', subject_id: 3 })).toEqual({ name: 'duty-mine' })
  })

  it('leads 职责清单待签订 (duty.pending) to the school’s 职责清单, each item with its list open', () => {
    const pending = group('duty.pending')
    expect(groupRoute(pending)).toEqual({ name: 'duty-lists' })
    expect(itemRoute({ ...base, subject_type: 'duty_list', subject_id: 3 }, pending)).toEqual({ name: 'duty-lists', query: { list: '3' } })
    expect(itemRoute({ ...base, subject_type: 'duty_list', subject_id: 0 }, pending)).toEqual({ name: 'duty-lists' })
  })

  it('leads 三管三必须待明确 (duty.areas) to the school’s 三管三必须, from 查看全部 and from each item', () => {
    const areas = group('duty.areas')
    expect(groupRoute(areas)).toEqual({ name: 'duty-areas' })
    expect(itemRoute({ ...base, subject_type: 'duty_areas', subject_id: 21 }, areas)).toEqual({ name: 'duty-areas', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'duty_areas', subject_id: 21 })).toEqual({ name: 'duty-areas', query: { unit_id: '21' } })
    expect(itemRoute({ ...base, subject_type: 'duty_areas', subject_id: 0 }, areas)).toEqual({ name: 'duty-areas' })
    expect(groupRoute(group('duty.other'))).toBeNull()
  })

  it('leads 方案措施待落实监管科室 (duty.coverage) to 措施覆盖, from 查看全部 and from each measure', () => {
    const coverage = group('duty.coverage')
    expect(groupRoute(coverage)).toEqual({ name: 'duty-supervision-coverage' })
    const measure = { ...base, subject_type: 'supervision_coverage', subject_id: 3, title: '措施 3：齐抓共管（无科室监管）', school_name: '示范区教育局' }
    expect(itemRoute(measure, coverage)).toEqual({ name: 'duty-supervision-coverage' })
    expect(itemRoute(measure)).toEqual({ name: 'duty-supervision-coverage' })
  })

  it('leads 全区工作待完成 (duty.work) to 本单位工作, and 全区工作有单位逾期 (duty.work.overdue) to each item and the board', () => {
    const mine = group('duty.work')
    expect(groupRoute(mine)).toEqual({ name: 'duty-work-mine' })
    const day = { ...base, subject_type: 'work_item', subject_id: 7, title: '开学安全检查', due: '2026-09-25', overdue: true }
    expect(itemRoute(day, mine)).toEqual({ name: 'duty-work-mine' })
    const overdue = group('duty.work.overdue')
    expect(groupRoute(overdue)).toEqual({ name: 'duty-work-board' })
    const item = { ...base, subject_type: 'work_item', subject_id: 7, title: '开学安全检查：2 个单位逾期', school_name: '安全管理科' }
    expect(itemRoute(item, overdue)).toEqual({ name: 'duty-work-item', params: { id: '7' } })
    expect(itemRoute(item)).toEqual({ name: 'duty-work-item', params: { id: '7' } })
    expect(itemRoute({ ...item, subject_id: 0 }, overdue)).toEqual({ name: 'duty-work' })
  })
})
