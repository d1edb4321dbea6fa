// A page of one record named by the route (/…/:id): the id as a positive integer (null when the
// path holds anything else), the record once read, and "not found" for a missing id or a 404
// (a record outside the caller's scope answers 404 too). Another error shows as a message and
// leaves the page as it was. The record is read again whenever the id changes.
import { computed, ref, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'
import { ApiError } from '@/api/http'
import { showError } from '@/utils/errors'

export function useRecordPage<T>(read: (id: number) => Promise<T>, param = 'id') {
  const route = useRoute()
  const record = ref(null) as Ref<T | null>
  const loading = ref(false)
  const notFound = ref(false)

  const id = computed(() => {
    const raw = route.params[param]
    const n = Number(Array.isArray(raw) ? raw[0] : raw)
    return Number.isInteger(n) && n > 0 ? n : null
  })

  async function load(): Promise<void> {
    if (id.value === null) {
      notFound.value = true
      return
    }
    loading.value = true
    notFound.value = false
    try {
      record.value = await read(id.value)
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) notFound.value = true
      else showError(e)
    } finally {
      loading.value = false
    }
  }

  watch(id, () => void load(), { immediate: true })
  return { id, record, loading, notFound, load }
}
