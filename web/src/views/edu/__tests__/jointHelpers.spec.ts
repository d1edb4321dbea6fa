import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import {
  COUNT_KEYS,
  countText,
  daysUntil,
  departmentOption,
  dueNote,
  emptyTaskForm,
  hasReported,
  issuedByText,
  kindOptions,
  kindTags,
  kindText,
  overdueText,
  ownDepartment,
  progressPercent,
  progressText,
  reportBody,
  reportFiles,
  reportFilesError,
  reportImages,
  reportFormOf,
  reportProblems,
  reportedByText,
  stateTagType,
  stateText,
  taskBody,
  taskProblems,
  unplacedErrors,
  unplacedReportErrors,
  REPORT_FIELDS,
  TASK_FIELDS,
} from '../jointHelpers'
import { jointDepartment, jointReport, jointTask } from './fixtures'

i18n.global.locale.value = 'zh-CN'
const t = i18n.global.t as unknown as (key: string, named?: Record<string, unknown>) => string

describe('联防联控 words', () => {
  it('names the kinds by the server’s labels, else the locale’s, and offers them in the contract’s order', () => {
    expect(kindText(t, 'patrol', '巡查水域')).toBe('巡查水域')
    expect(kindText(t, 'rescue')).toBe('配备救生设施')
    expect(kindText(t, 'boats')).toBe('boats')
    expect(kindTags(t, { kinds: ['signs', 'patrol'], kind_labels: ['设置警示标志', ''] })).toEqual([
      { code: 'signs', label: '设置警示标志' },
      { code: 'patrol', label: '巡查水域' },
    ])
    expect(kindOptions(t).map((o) => `${o.value}:${o.label}`)).toEqual([
      'patrol:巡查水域',
      'signs:设置警示标志',
      'fences:设置防护设施',
      'rescue:配备救生设施',
      'publicity:宣传提醒',
      'other:其他',
    ])
    i18n.global.locale.value = 'en-US'
    expect(kindText(t, 'rescue')).toBe('Rescue gear')
    i18n.global.locale.value = 'zh-CN'
  })

  it('says the states in words, each with its own colour', () => {
    expect(stateText(t, 'late', '逾期报告')).toBe('逾期报告')
    expect(['pending', 'reported', 'late', 'overdue'].map((s) => stateText(t, s))).toEqual(['待报告', '已报告', '逾期报告', '逾期未报告'])
    expect(stateText(t, 'lost')).toBe('lost')
    expect(['pending', 'reported', 'late', 'overdue', 'lost'].map(stateTagType)).toEqual(['info', 'success', 'warning', 'danger', 'info'])
    expect(hasReported({ state: 'late', report: null })).toBe(true)
    expect(hasReported({ state: 'pending', report: jointReport() })).toBe(true)
    expect(hasReported({ state: 'overdue', report: null })).toBe(false)
  })

  it('gives the progress, the overdue count and the share reported', () => {
    const task = jointTask({ reported: 1, overdue: 0 })
    expect(progressText(t, task)).toBe('已报告 1 / 2')
    expect(progressPercent(task)).toBe(50)
    expect(progressPercent(jointTask({ departments: [], reported: 0 }))).toBe(0)
    expect(overdueText(t, task)).toBe('')
    expect(overdueText(t, jointTask({ overdue: 2 }))).toBe('逾期 2')
  })

  it('finds the caller’s department among the task’s', () => {
    const task = jointTask()
    expect(ownDepartment(task, 32)?.name).toBe('示范区交警大队')
    expect(ownDepartment(task, 1)).toBeUndefined()
    expect(ownDepartment(task, undefined)).toBeUndefined()
  })

  it('says how long is left to report', () => {
    expect(daysUntil('2026-07-10', '2026-07-01')).toBe(9)
    expect(dueNote(t, '2026-07-10', '2026-07-01')).toBe('还有 9 天')
    expect(dueNote(t, '2026-07-01', '2026-07-01')).toBe('今天到期')
    expect(dueNote(t, '2026-06-30', '2026-07-01')).toBe('已过报告期限')
    expect(dueNote(t, '', '2026-07-01')).toBe('')
  })

  it('says who reported and issued, when (China time), and a report’s counts', () => {
    const r = jointReport({ by: 'dept1_liaison', by_name: '', at: '2026-07-02T01:30:00Z' })
    expect(reportedByText(t, r)).toBe('dept1_liaison 报告于 2026-07-02 09:30')
    expect(reportedByText(t, null)).toBe('')
    expect(issuedByText(t, jointTask())).toBe('示范区教育局 周科长 下达于 2026-07-01 08:00')
    const d = jointDepartment({ report: jointReport() })
    expect(COUNT_KEYS.map((k) => countText(d, k))).toEqual(['12', '8', '2', '1'])
    expect(countText(jointDepartment(), 'patrolled')).toBe('—')
  })

  it('offers the departments with their kind, so either finds them', () => {
    expect(departmentOption({ id: 31, name: '示范区公安分局' }, '公安')).toEqual({ value: 31, name: '示范区公安分局', kind: '公安', label: '示范区公安分局（公安）' })
    expect(departmentOption({ id: 33, name: '示范区水利局' }, '').label).toBe('示范区水利局')
  })
})

describe('下达任务', () => {
  const today = '2026-07-01'
  const filled = () => ({ title: ' 暑期水域巡查 ', text: ' 每周巡查一次 ', kinds: ['signs', 'patrol'], due_on: '2026-07-10', department_ids: [32, 31, 32] })

  it('says what is missing before sending, by the API’s fields', () => {
    expect(taskProblems(t, emptyTaskForm(), today)).toEqual({
      title: '请填写任务标题',
      text: '请填写任务要求',
      kinds: '请至少选择一项工作内容',
      due_on: '请选择报告期限',
      department_ids: '请至少选择一个成员单位',
    })
    expect(taskProblems(t, filled(), today)).toEqual({})
    expect(taskProblems(t, { ...filled(), due_on: today }, today)).toEqual({})
  })

  it('refuses a title or text too long, a day already past and too many departments', () => {
    const problems = taskProblems(
      t,
      { ...filled(), title: '水'.repeat(61), text: '水'.repeat(2001), due_on: '2026-06-30', department_ids: Array.from({ length: 51 }, (_, i) => i + 1) },
      today,
    )
    expect(problems).toEqual({
      title: '任务标题不能超过 60 个字',
      text: '任务要求不能超过 2000 个字',
      due_on: '报告期限不能早于今天',
      department_ids: '成员单位不能超过 50 个',
    })
    // Characters, not UTF-16 units: 60 of them pass.
    expect(taskProblems(t, { ...filled(), title: '𠮷'.repeat(60) }, today)).toEqual({})
  })

  it('builds the body: texts trimmed, kinds in the contract’s order, departments once each as chosen', () => {
    expect(taskBody(filled())).toEqual({ title: '暑期水域巡查', text: '每周巡查一次', kinds: ['patrol', 'signs'], due_on: '2026-07-10', department_ids: [32, 31] })
  })

  it('lists the server’s reasons no field shows', () => {
    expect(unplacedErrors({ title: 'x', unit_id: '须以所属单位的身份', department_ids: 'y' }, TASK_FIELDS)).toEqual([{ field: 'unit_id', reason: '须以所属单位的身份' }])
    expect(unplacedErrors({ text: 'x', signs: 'y', at: 'z' }, REPORT_FIELDS)).toEqual([{ field: 'at', reason: 'z' }])
  })
})

describe('the department’s report', () => {
  it('starts empty with zeros, or from the department’s report (更新报告)', () => {
    expect(reportFormOf(null)).toEqual({ text: '', patrolled: 0, signs: 0, fences: 0, hazards: 0 })
    expect(reportFormOf(jointReport())).toEqual({ text: '巡查河道、水塘 12 处，新设警示标志 8 块。', patrolled: 12, signs: 8, fences: 2, hazards: 1 })
  })

  it('says what is wrong before sending: no text, too long, a count not a whole number from 0 to 100000', () => {
    expect(reportProblems(t, reportFormOf(null))).toEqual({ text: '请填写工作情况' })
    expect(reportProblems(t, { text: '水'.repeat(1001), patrolled: -1, signs: 1.5, fences: 100001, hazards: null })).toEqual({
      text: '工作情况不能超过 1000 个字',
      patrolled: '须为 0 到 100000 之间的整数',
      signs: '须为 0 到 100000 之间的整数',
      fences: '须为 0 到 100000 之间的整数',
    })
    expect(reportProblems(t, { text: '巡查', patrolled: 100000, signs: 0, fences: 0, hazards: 0 })).toEqual({})
  })

  it('builds the body: the text trimmed, a count left empty as 0, the photos by id only when there are some', () => {
    expect(reportBody({ text: ' 巡查了 ', patrolled: 12, signs: null, fences: 2, hazards: 1 })).toEqual({ text: '巡查了', patrolled: 12, signs: 0, fences: 2, hazards: 1 })
    expect(reportBody({ text: '巡查了', patrolled: 1, signs: 0, fences: 0, hazards: 0 }, [])).not.toHaveProperty('file_ids')
    expect(reportBody({ text: '巡查了', patrolled: 1, signs: 0, fences: 0, hazards: 0 }, [41, 42])).toEqual({
      text: '巡查了',
      patrolled: 1,
      signs: 0,
      fences: 0,
      hazards: 0,
      file_ids: [41, 42],
    })
  })

  it('puts the server’s reasons on the photos at the uploader, the others above the form', () => {
    expect(reportFilesError({ 'file_ids[1]': '文件已用于其他记录', text: 'x' })).toBe('文件已用于其他记录')
    expect(reportFilesError({ file_ids: '照片过多' })).toBe('照片过多')
    expect(reportFilesError({ text: 'x' })).toBeUndefined()
    expect(unplacedReportErrors({ 'file_ids[0]': 'a', file_ids: 'b', signs: 'c', at: 'z' })).toEqual([{ field: 'at', reason: 'z' }])
  })

  it('gives a report’s photos, none without a report or from the list (which leaves them out)', () => {
    const photo = { id: 41, name: '河道.jpg', content_type: 'image/jpeg', size: 1, sha256: '', url: '/api/v1/files/41' }
    const doc = { id: 42, name: '台账.pdf', content_type: 'application/pdf', size: 1, sha256: '', url: '/api/v1/files/42' }
    expect(reportFiles(jointDepartment())).toEqual([])
    expect(reportFiles(jointDepartment({ report: jointReport() }))).toEqual([])
    const d = jointDepartment({ report: jointReport({ files: [photo, doc] }) })
    expect(reportFiles(d).map((f) => f.id)).toEqual([41, 42])
    expect(reportImages(d)).toEqual(['/api/v1/files/41'])
  })
})
