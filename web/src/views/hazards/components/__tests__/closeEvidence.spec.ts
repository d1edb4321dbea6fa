import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { i18n } from '@/i18n'
import type { HazardDetail, HazardEvent } from '@/api/hazards'
import type { StoredFile } from '@/api/files'
import { closeEvidence } from '../closeEvidence'
import HazardActionDialog from '../HazardActionDialog.vue'
import { codeName, eventName, ruleName, useHazardLabels } from '../../useLabels'

function ev(id: number, action: HazardEvent['action'], note = '', file_ids: number[] = [], actor = 'school1_safety', actor_name = '赵安全'): HazardEvent {
  return { id, at: `2026-08-0${id}T08:00:00.000Z`, actor, actor_name, action, from_state: '', to_state: '', note, signature: null, file_ids }
}

function file(id: number, content_type = 'image/jpeg'): StoredFile {
  return { id, name: `after-${id}.jpg`, content_type, size: 10, sha256: 'x', url: `/api/v1/files/${id}` }
}

const timeline = [
  ev(1, 'report', '楼梯扶手松动'),
  ev(2, 'submit', '第一次整改', [1]),
  ev(3, 'reject', '未紧固'),
  ev(4, 'submit', '更换扶手并紧固', [2, 3]),
  ev(5, 'approve', '复查合格，同意销号', [4], 'school1_leader', '钱校长'),
]
const files = [file(1), file(2), file(3, 'application/pdf'), file(4)]

describe('closeEvidence', () => {
  it('takes the latest submission and the approval after it', () => {
    const e = closeEvidence({ timeline, files })
    expect(e.submit?.note).toBe('更换扶手并紧固')
    expect(e.files.map((f) => f.id)).toEqual([2, 3])
    expect(e.approve?.note).toBe('复查合格，同意销号')
    expect(e.approveFiles.map((f) => f.id)).toEqual([4])
  })

  it('forgets a round that was reopened, and an approval before a newer submission', () => {
    expect(closeEvidence({ timeline: [...timeline, ev(6, 'reopen')], files }).submit).toBeNull()
    const again = closeEvidence({ timeline: [...timeline, ev(6, 'submit', '再次整改')], files })
    expect(again.submit?.note).toBe('再次整改')
    expect(again.approve).toBeNull()
  })
})

describe('hazard labels', () => {
  it('names the codes without the server’s dictionaries, and leaves an unknown code as it is', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(codeName('state', 'submitted')).toBe('待验收')
    expect(codeName('source', 'patrol')).toBe('日常巡查')
    expect(codeName('state', 'teleported')).toBeUndefined()
    expect(eventName('supervision_reply')).toBe('学校回复督办单')
    expect(eventName('supervision_close')).toBe('督办单办结')
    expect(eventName('rule_close')).toBe('规则复核销号')
    expect(eventName('levitate')).toBe('levitate')
    expect(ruleName('hazard.overdue.bureau')).toBe('超期督办（教育局）')
    expect(ruleName('hazard.mystery')).toBe('hazard.mystery')
  })

  it('prefers the server’s dictionary, then the record’s label, then the console’s name', () => {
    const pinia = createPinia()
    const w = mount({ template: '<div />', setup: () => ({ l: useHazardLabels() }) }, { global: { plugins: [pinia, i18n] } })
    const l = (w.vm as unknown as { l: ReturnType<typeof useHazardLabels> }).l
    expect(l.state('closed')).toBe('已销号')
    expect(l.state('closed', '已销号（服务器）')).toBe('已销号（服务器）')
    expect(l.source('whistle')).toBe('吹哨报到')
    expect(l.state('odd')).toBe('odd')
    w.unmount()
  })
})

describe('the close dialog', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  function hazard(over: Partial<HazardDetail> = {}): HazardDetail {
    return {
      id: 7, school_id: 21, school_name: '示范区双桥小学', building_id: null, key_place_id: null, place: '', domain: 'structure',
      domain_label: '建筑结构', level: 'general', level_label: '一般隐患', title: '楼梯扶手松动', description: '', found_at: '2026-08-01T08:00:00.000Z',
      found_by: 'school1_teacher', source: 'self_inspection', source_label: '学校自查', campaign_id: null, responsible: '', owner: 'school1_safety',
      deadline: '2026-08-20', deadline_reason: '', interim_measures: '',
      five: { measures: '', responsible: '', funds: '', deadline: '', contingency_plan: '' },
      state: 'verified', state_label: '已验收', rectifier: 'school1_safety', rework_count: 1, reopen_count: 0, supervised: false,
      created_at: '', updated_at: '', closed_at: null, timeline, files, escalations: [], actions: ['close'], default_deadline_days: 7, days_overdue: 0,
      ...over,
    } as unknown as HazardDetail
  }

  async function open(action: 'close' | 'approve', h: HazardDetail) {
    const w = mount(HazardActionDialog, {
      props: { hazard: h, action, modelValue: false },
      global: { plugins: [ElementPlus, i18n, createPinia()] },
      attachTo: document.body,
    })
    await w.setProps({ modelValue: true })
    await flushPromises()
    return w
  }

  it('shows the rectification, the photos after it and the check’s conclusion before the password', async () => {
    i18n.global.locale.value = 'zh-CN'
    const w = await open('close', hazard())
    const dialog = document.body.querySelector('[data-test="action-dialog"]')!
    const evidence = dialog.querySelector('[data-test="close-evidence"]')!
    expect(evidence.querySelector('[data-test="evidence-summary"]')!.textContent).toBe('更换扶手并紧固')
    expect(evidence.querySelectorAll('[data-test="evidence-photo"]')).toHaveLength(2)
    expect(evidence.querySelector('[data-test="evidence-file"]')!.textContent).toBe('after-3.jpg')
    expect(evidence.querySelector('[data-test="evidence-conclusion"]')!.textContent).toBe('复查合格，同意销号')
    expect(evidence.textContent).toContain('钱校长（school1_leader）')
    const password = dialog.querySelector('[data-test="field-password"]')!
    expect(evidence.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    w.unmount()
  })

  it('shows the rectification without a conclusion for a check, and says when nothing was submitted', async () => {
    const w = await open('approve', hazard())
    const evidence = document.body.querySelector('[data-test="close-evidence"]')!
    expect(evidence.querySelector('[data-test="evidence-summary"]')!.textContent).toBe('更换扶手并紧固')
    expect(evidence.querySelector('[data-test="evidence-conclusion"]')).toBeNull()
    w.unmount()
    const w2 = await open('close', hazard({ timeline: [timeline[0]] }))
    expect(document.body.querySelector('[data-test="evidence-none"]')).not.toBeNull()
    w2.unmount()
  })
})
