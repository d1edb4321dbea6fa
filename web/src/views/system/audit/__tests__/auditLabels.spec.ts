import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/locales/zh-CN'
import enUS from '@/i18n/locales/en-US'
import { actionLabel, actorLabel, messageAt, missingActionLabels, objectTypeLabel, sourceLabel, type MessageTree } from '../auditHelpers'

const zh = zhCN.audit as unknown as MessageTree
const en = enUS.audit as unknown as MessageTree

/**
 * Every action the server writes to the audit log (the first argument of AuditOf and the other
 * audit entries in src/app, with hazard.<transition> spelled out). A new action on the server
 * belongs here and in the locales.
 */
const SERVER_ACTIONS = [
  'access.denied', 'audit.anchor', 'audit.archive', 'audit.export', 'audit.verify', 'auth.lock', 'auth.login',
  'auth.logout', 'auth.password_change', 'auth.session_end', 'auth.token_create', 'auth.token_revoke',
  'auth.totp_disable', 'auth.totp_enable', 'auth.totp_enroll', 'auth.verify', 'calendar.dismissals',
  'calendar.exceptions', 'calendar.holidays', 'calendar.terms', 'campaign.assign', 'campaign.close',
  'campaign.deploy', 'campaign.export', 'campaign.feedback', 'campaign.inspect', 'campaign.reply',
  'campaign.self_inspect', 'campaign.submit', 'campaign.team', 'campaign.typical', 'checklist.copy',
  'checklist.create', 'checklist.edit', 'checklist.export', 'checklist.import', 'checklist.version',
  'demo.seed', 'drill.delete', 'drill.edit', 'drill.export', 'drill.hazard', 'drill.record',
  'drill_plan.create', 'drill_plan.delete', 'drill_plan.edit', 'drill_plan.export', 'fields.protect',
  'file.upload', 'hazard.approve', 'hazard.assign', 'hazard.close', 'hazard.edit', 'hazard.escalate',
  'hazard.export', 'hazard.import', 'hazard.reject', 'hazard.reopen', 'hazard.report', 'hazard.rule_close',
  'hazard.rules', 'hazard.self_inspection', 'hazard.start_rectifying', 'hazard.submit', 'org.init',
  'patrol.export', 'patrol.hazard', 'patrol.plan.create', 'patrol.plan.delete', 'patrol.plan.update',
  'patrol.record', 'plan.load', 'plan.remove', 'policy.update', 'region.create', 'region.delete',
  'region.update', 'role.save', 'rules.configure', 'rules.export', 'rules.hazard', 'school.create',
  'school.delete', 'school.export', 'school.import', 'school.update', 'security.export', 'security.import',
  'security.round', 'security.save', 'security.screen', 'session.purge', 'signature.sign', 'supervision.close',
  'supervision.reply', 'unit.create', 'unit.delete', 'unit.update', 'user.create', 'user.create_admin',
  'user.recover', 'user.reset_password', 'user.roles', 'user.status', 'user.totp_reset', 'user.unlock',
  'whistle.acknowledge', 'whistle.confirm', 'whistle.escalate', 'whistle.escalate_leader', 'whistle.export',
  'whistle.feedback', 'whistle.hazard', 'whistle.raise', 'whistle.report', 'whistle.result', 'whistle.route',
  'whistle.routes', 'whistle.send_back',
] as const

/** The object types the server records. */
const SERVER_OBJECT_TYPES = [
  'api_token', 'audit_log', 'bureau', 'campaign', 'campaign_sheet', 'checklist', 'cluster', 'database', 'department', 'drill',
  'drill_plan', 'file', 'hazard', 'hazard_rules', 'holiday_year', 'patrol_plan', 'patrol_record', 'personal_fields', 'plan',
  'policy', 'region', 'request', 'role', 'rule', 'rule_finding', 'school', 'section', 'security', 'security_round',
  'self_inspection', 'session', 'sessions', 'supervision_order', 'unit', 'user', 'whistle',
] as const

describe('audit labels', () => {
  it('names every action code the server writes, in both languages', () => {
    expect(SERVER_ACTIONS.length).toBeGreaterThan(100)
    expect(missingActionLabels(zh, SERVER_ACTIONS)).toEqual([])
    expect(missingActionLabels(en, SERVER_ACTIONS)).toEqual([])
  })

  it('reports an action code without a label', () => {
    expect(missingActionLabels(zh, [...SERVER_ACTIONS, 'hazard.teleport', 'nothing'])).toEqual(['hazard.teleport', 'nothing'])
    // a prefix of codes is a branch, not a label
    expect(missingActionLabels(zh, ['hazard', 'patrol.plan'])).toEqual(['hazard', 'patrol.plan'])
  })

  it('reads the Chinese name of an action and falls back to the code', () => {
    expect(actionLabel(zh, 'user.create')).toEqual({ text: '新增用户', known: true })
    expect(actionLabel(zh, 'hazard.assign')).toEqual({ text: '隐患交办', known: true })
    expect(actionLabel(zh, 'fields.protect').text).toBe('设置个人信息保护')
    expect(actionLabel(zh, 'supervision.reply').text).toBe('督办回复')
    expect(actionLabel(zh, 'patrol.plan.create').text).toBe('新增巡查计划')
    expect(actionLabel(zh, 'future.thing')).toEqual({ text: 'future.thing', known: false })
    expect(actionLabel(zh, '__proto__.x')).toEqual({ text: '__proto__.x', known: false })
    expect(actionLabel(zh, 'constructor')).toEqual({ text: 'constructor', known: false })
    expect(actionLabel(zh, '')).toEqual({ text: '', known: true })
  })

  it('names every object type', () => {
    for (const code of SERVER_OBJECT_TYPES) {
      expect(objectTypeLabel(zh, code).known, code).toBe(true)
      expect(objectTypeLabel(zh, code).text).toMatch(/[\u4e00-\u9fff]/)
      expect(objectTypeLabel(en, code).known, code).toBe(true)
    }
    expect(objectTypeLabel(zh, 'supervision_order').text).toBe('督办单')
    expect(objectTypeLabel(zh, 'gizmo')).toEqual({ text: 'gizmo', known: false })
  })

  it('shows addresses as they are and the server’s own sources by name', () => {
    expect(sourceLabel(zh, '127.0.0.1')).toEqual({ text: '127.0.0.1', known: true })
    expect(sourceLabel(zh, '::1')).toEqual({ text: '::1', known: true })
    expect(sourceLabel(zh, 'local')).toEqual({ text: '本机', known: true })
    expect(sourceLabel(zh, 'rules')).toEqual({ text: '规则引擎', known: true })
    expect(sourceLabel(zh, 'robot')).toEqual({ text: 'robot', known: false })
  })

  it('shows the actor by display name with the username beside it', () => {
    expect(actorLabel(zh, { actor: 'school1_teacher', actor_name: '李老师' })).toEqual({ name: '李老师', username: 'school1_teacher' })
    expect(actorLabel(zh, { actor: 'auditor' })).toEqual({ name: 'auditor', username: '' })
    expect(actorLabel(zh, { actor: 'auditor', actor_name: '' })).toEqual({ name: 'auditor', username: '' })
    expect(actorLabel(zh, { actor: 'system' })).toEqual({ name: '系统', username: '' })
    expect(actorLabel(zh, { actor: 'cli:recover' })).toEqual({ name: '命令行（recover）', username: '' })
  })

  it('reads only strings from the message tree', () => {
    expect(messageAt(zh, 'action.user')).toBeUndefined()
    expect(messageAt(zh, 'action.user.create.more')).toBeUndefined()
    expect(messageAt(zh, 'column.actor')).toBe('操作人')
  })
})
