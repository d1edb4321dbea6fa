import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import { staffLabel, type StaffMember } from '@/api/staff'
import PersonPicker from '../PersonPicker.vue'

const staff: StaffMember[] = [
  { user_id: 3, username: 'school1_leader', display_name: '李校长', unit_id: 21, unit_name: '一小', roles: [{ code: 'school_leader', name: '学校负责人' }] },
  { user_id: 4, username: 'school1_teacher', display_name: '王芳', unit_id: 21, unit_name: '一小', roles: [{ code: 'teacher', name: '教师' }, { code: 'class_teacher', name: '班主任' }] },
]

function reply(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  setActivePinia(createPinia())
  fetchMock = vi.fn(async () => reply({ items: staff, total: staff.length }))
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function labels(w: ReturnType<typeof mount>): string[] {
  return w.findAllComponents({ name: 'ElOption' }).map((o) => String(o.props('label')))
}

describe('PersonPicker', () => {
  it('names a person with their roles', () => {
    expect(staffLabel(staff[1])).toBe('王芳（教师、班主任）')
    expect(staffLabel({ ...staff[0], display_name: '', roles: [] })).toBe('school1_leader')
  })

  it("offers the unit's staff by name and sets the username", async () => {
    const w = mount(PersonPicker, {
      props: { modelValue: '', unitId: 21, 'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }) },
      global: { plugins: [ElementPlus, i18n] },
      attachTo: document.body,
    })
    await flushPromises()
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/staff?unit_id=21')
    expect(labels(w)).toEqual(['李校长（学校负责人）', '王芳（教师、班主任）'])
    w.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'school1_teacher')
    await flushPromises()
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual(['school1_teacher'])
  })

  it('filters by name or username as one types', async () => {
    const w = mount(PersonPicker, { props: { modelValue: '' }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    const select = w.findComponent({ name: 'ElSelect' })
    ;(select.props('filterMethod') as (q: string) => void)('王')
    await flushPromises()
    expect(labels(w)).toEqual(['王芳（教师、班主任）'])
    ;(select.props('filterMethod') as (q: string) => void)('LEADER')
    await flushPromises()
    expect(labels(w)).toEqual(['李校长（学校负责人）'])
  })

  it('keeps a stored username that is not on the list', async () => {
    const w = mount(PersonPicker, { props: { modelValue: 'retired_teacher' }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
    await flushPromises()
    expect(labels(w)[0]).toBe('retired_teacher')
    expect(labels(w)).toHaveLength(3)
  })
})
