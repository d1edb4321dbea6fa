// The schools a bureau user may pick in the hazard pages (a school user has their own school only).
import { computed, ref } from 'vue'
import { fetchAll, schoolsApi } from '@/api/org'
import { useSessionStore } from '@/stores/session'
import { perm } from '@/utils/permissions'
import { showError } from '@/utils/errors'

export interface SchoolOption {
  id: number
  name: string
}

export function useSchoolOptions() {
  const session = useSessionStore()
  /** A school's own staff: their school is fixed. */
  const ownSchool = computed<SchoolOption | null>(() =>
    session.me?.unit.kind === 'school' ? { id: session.me.unit.id, name: session.me.unit.name } : null,
  )
  /** Bureau users pick among the schools they can list. */
  const canPick = computed(() => !ownSchool.value && session.can(perm.schoolRead))
  const schools = ref<SchoolOption[]>([])

  async function load(): Promise<void> {
    if (!canPick.value) return
    try {
      const all = await fetchAll((page, page_size) => schoolsApi.list({ page, page_size, sort: 'name' }))
      schools.value = all.map((s) => ({ id: s.id, name: s.name }))
    } catch (e) {
      showError(e)
    }
  }

  /** The schools as a search filter's options. */
  const options = computed(() => schools.value.map((s) => ({ value: s.id, label: s.name })))

  return { ownSchool, canPick, schools, options, load }
}
