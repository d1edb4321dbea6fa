// 应急体系's pure parts: the form from a setup and the PUT body (trimmed; labels, review days, file
// names and keys left out), new rows (the first role nobody takes yet), the server's reasons (422 by
// field, several for one field joined; 409 stale), which reasons the editor places, the tags, the
// overview's filter from a link, and the card's groups.
import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'
import {
  cardGroups,
  emergencyFailure,
  formSnapshot,
  keepRowKeys,
  newMember,
  newPlan,
  nextRole,
  optionLabel,
  outcomeTagType,
  outcomeText,
  placedField,
  rolesOf,
  rowErrorCount,
  setupBody,
  setupToForm,
  stateFromRoute,
  stateTagType,
  stateText,
  unplacedErrors,
} from '../emergencyHelpers'
import { OPTIONS, newSetup, setup } from './fixtures'

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${JSON.stringify(named)}` : key)

function apiError(status: number, details: { field: string; reason: string }[], message = 'x'): ApiError {
  return new ApiError(status, { code: status === 409 ? 'failed_precondition' : 'invalid_argument', message, details }, null)
}

describe('the form and the body', () => {
  it('reads a setup into rows with keys of their own, and writes it back without labels, review days, names or keys', () => {
    const form = setupToForm(setup())
    expect(form.command.map((p) => p.name)).toEqual(['王建国', '李春梅', '张伟', '刘强', '陈静', '周敏'])
    expect(new Set([...form.command, ...form.unit, ...form.plans].map((r) => r.uid)).size).toBe(11)
    expect(form.plans[1]).toMatchObject({ review_by: '2026-09-01', overdue: true, file_name: '' })
    const body = setupBody(form, 3)
    expect(body.version).toBe(3)
    expect(body.command[0]).toEqual({ role: 'commander', name: '王建国', post: '校长', phone: '13905710001' })
    expect(body.unit[2]).toEqual({ role: 'staff', name: '郑磊', post: '班主任', phone: '' })
    expect(body.plans).toEqual([
      { title: '学校突发事件综合应急预案', kind: 'overall', revised_on: '2026-03-02', file_id: 5 },
      { title: '消防安全专项应急预案', kind: 'special', revised_on: '2025-09-01', file_id: null },
    ])
    expect(body).toMatchObject({ duty_phone: '0571-87650001', gathering_point: '田径场', police_station: '城关派出所 0571-87650110', hospital: '区人民医院 0571-87650120' })
    expect(Object.keys(body).sort()).toEqual(['command', 'duty_phone', 'gathering_point', 'hospital', 'plans', 'police_station', 'unit', 'version'])
    expect(JSON.stringify(body)).not.toMatch(/uid|_label|review_by|overdue|file_name/)
  })

  it('trims the texts and sends a cleared choice or day as ""', () => {
    const form = setupToForm(setup())
    form.unit[0].name = '  孙海 '
    form.unit[0].phone = ' 13905710007\n'
    form.gathering_point = ' 田径场 '
    form.plans[0].revised_on = null as unknown as string
    form.command[1].role = undefined as unknown as string
    const body = setupBody(form, 3)
    expect(body.unit[0]).toMatchObject({ name: '孙海', phone: '13905710007' })
    expect(body.gathering_point).toBe('田径场')
    expect(body.plans[0].revised_on).toBe('')
    expect(body.command[1].role).toBe('')
  })

  it('reads a school without a setup as empty lists and facts', () => {
    const form = setupToForm(newSetup())
    expect(form).toMatchObject({ command: [], unit: [], plans: [], duty_phone: '', hospital: '' })
    expect(setupBody(form, 0)).toEqual({ version: 0, command: [], unit: [], duty_phone: '', gathering_point: '', police_station: '', hospital: '', plans: [] })
  })

  it('tells a change from the form as read', () => {
    const form = setupToForm(setup())
    const before = formSnapshot(form)
    form.unit[1].post = '体育组长'
    expect(formSnapshot(form)).not.toBe(before)
    form.unit[1].post = '体育教师'
    expect(formSnapshot(form)).toBe(before)
    // Review days and file names are not what is saved.
    form.plans[1].review_by = ''
    form.plans[0].file_name = 'x.pdf'
    expect(formSnapshot(form)).toBe(before)
  })

  it('keeps the rows’ keys when the setup is read again', () => {
    const before = setupToForm(setup())
    const again = keepRowKeys(before, setupToForm(setup()))
    expect(again.command.map((r) => r.uid)).toEqual(before.command.map((r) => r.uid))
    expect(again.plans.map((r) => r.uid)).toEqual(before.plans.map((r) => r.uid))
  })
})

describe('new rows', () => {
  it('gives a new person the first role nobody takes yet, else the first', () => {
    const units = rolesOf(OPTIONS, 'unit')
    expect(units.map((r) => r.label)).toEqual(['保安员', '教职工', '周边商户志愿者'])
    expect(nextRole(units, [])).toBe('guard')
    expect(nextRole(units, [{ role: 'guard' }, { role: 'staff' }])).toBe('volunteer')
    expect(nextRole(units, [{ role: 'guard' }, { role: 'staff' }, { role: 'volunteer' }])).toBe('guard')
    expect(nextRole([], [])).toBe('')
    const commands = rolesOf(OPTIONS, 'command')
    expect(newMember(commands, setup().command)).toMatchObject({ role: 'medical', name: '', post: '', phone: '' })
    expect(rolesOf(undefined, 'command')).toEqual([])
  })

  it('gives a new plan the overall kind when there is none yet, else the special kind', () => {
    expect(newPlan(OPTIONS.plan_kinds, [])).toMatchObject({ kind: 'overall', title: '', revised_on: '', file_id: null, review_by: '', overdue: false })
    expect(newPlan(OPTIONS.plan_kinds, [{ kind: 'overall' }]).kind).toBe('special')
    expect(newPlan(OPTIONS.plan_kinds, [{ kind: 'onsite' }]).kind).toBe('overall')
    const a = newPlan(OPTIONS.plan_kinds, [])
    const b = newPlan(OPTIONS.plan_kinds, [])
    expect(a.uid).not.toBe(b.uid)
  })
})

describe('the server’s reasons', () => {
  it('keeps a 422’s reasons by field, joining several for one field', () => {
    const f = emergencyFailure(
      apiError(422, [
        { field: 'unit[3].phone', reason: '联系电话须为 11 位手机号或固定电话（如 0571-87654321）' },
        { field: 'command[0].name', reason: '请填写姓名' },
        { field: 'command[0].name', reason: '王建国在同一职责中重复' },
        { field: 'command[0].name', reason: '请填写姓名' },
        { field: '', reason: 'x' },
      ]),
    )
    expect(f).toEqual({
      kind: 'fields',
      errors: {
        'unit[3].phone': '联系电话须为 11 位手机号或固定电话（如 0571-87654321）',
        'command[0].name': '请填写姓名；王建国在同一职责中重复',
      },
    })
  })

  it('tells a stale version (409), and anything else', () => {
    expect(emergencyFailure(apiError(409, [{ field: 'emergency.stale', reason: 'x' }], '应急体系刚被他人修改，请刷新后再试'))).toEqual({
      kind: 'stale',
      message: '应急体系刚被他人修改，请刷新后再试',
    })
    expect(emergencyFailure(apiError(422, []))).toEqual({ kind: 'other' })
    expect(emergencyFailure(apiError(500, [{ field: 'x', reason: 'y' }]))).toEqual({ kind: 'other' })
    expect(emergencyFailure(new Error('network'))).toEqual({ kind: 'other' })
  })

  it('places the reasons of the lists, rows, rows’ fields and the card’s facts; lists the others', () => {
    for (const f of ['command', 'unit', 'plans', 'unit[3]', 'unit[3].phone', 'command[0].role', 'plans[1].file_id', 'plans[0].revised_on', 'duty_phone', 'hospital']) {
      expect(placedField(f), f).toBe(true)
    }
    for (const f of ['version', 'unit[3].email', 'plans[0].review_by', 'peaks[0].to', 'unit_id']) expect(placedField(f), f).toBe(false)
    expect(unplacedErrors({ 'unit[0].name': 'a', version: '版本号须为整数', unit_id: 'b' })).toEqual([
      { field: 'version', reason: '版本号须为整数' },
      { field: 'unit_id', reason: 'b' },
    ])
    expect(rowErrorCount({ 'unit[3].phone': 'a', 'unit[3].name': 'b', 'unit[3]': 'c', 'unit[30].name': 'd', unit: 'e' }, 'unit', 3)).toBe(3)
  })
})

describe('what the pages show', () => {
  it('tags the outcomes and the states', () => {
    expect(['pass', 'warn', 'fail', 'x'].map(outcomeTagType)).toEqual(['success', 'warning', 'danger', 'info'])
    expect(['complete', 'incomplete', 'none', 'x'].map(stateTagType)).toEqual(['success', 'warning', 'danger', 'info'])
    expect(outcomeText(t, 'fail', '未达标')).toBe('未达标')
    expect(stateText(t, 'none', '')).toBe('emergency.state.none')
    expect(stateText(t, 'odd')).toBe('odd')
    // Without the server's label, the console's own; a code it does not know as it is.
    i18n.global.locale.value = 'zh-CN'
    const zh = i18n.global.t as unknown as typeof t
    expect(outcomeText(zh, 'warn')).toBe('提醒')
    expect(outcomeText(zh, 'odd')).toBe('odd')
    expect(stateText(zh, 'incomplete')).toBe('未达标')
  })

  it('reads the overview’s filter from a link', () => {
    expect(stateFromRoute({ state: 'none' })).toBe('none')
    expect(stateFromRoute({ state: ['complete', 'none'] })).toBe('complete')
    expect(stateFromRoute({ state: 'current' })).toBe('')
    expect(stateFromRoute({})).toBe('')
  })

  it('labels a choice: the row’s own, the options’, else the code', () => {
    expect(optionLabel(OPTIONS.plan_kinds, 'special', '专项预案')).toBe('专项预案')
    expect(optionLabel(OPTIONS.plan_kinds, 'onsite')).toBe('现场处置方案')
    expect(optionLabel(OPTIONS.plan_kinds, 'drill')).toBe('drill')
  })

  it('groups the card’s people by role in the options’ order, leaving out empty roles and nameless rows', () => {
    const people = [
      { role: 'staff', name: '吴芳', post: '', phone: '13905710008' },
      { role: 'guard', name: '孙海', post: '门卫', phone: '13905710007' },
      { role: 'staff', name: '郑磊', post: '', phone: '' },
      { role: 'volunteer', name: '  ', post: '', phone: '' },
      { role: 'cook', role_label: '', name: '钱多', post: '', phone: '' },
    ]
    const groups = cardGroups(people, OPTIONS.unit_roles)
    expect(groups.map((g) => [g.label, g.people.map((p) => p.name)])).toEqual([
      ['保安员', ['孙海']],
      ['教职工', ['吴芳', '郑磊']],
      ['cook', ['钱多']],
    ])
    expect(cardGroups([], OPTIONS.unit_roles)).toEqual([])
  })
})
