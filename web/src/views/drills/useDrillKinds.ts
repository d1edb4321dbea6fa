// The drill kinds (GET /api/v1/drill-kinds: code, Chinese label, whether it evacuates by default),
// asked once and shared by the drill pages.
import { computed, ref } from 'vue'
import { drillsApi, type DrillKind } from '@/api/drills'
import { showError } from '@/utils/errors'

const kinds = ref<DrillKind[]>([])
let pending: Promise<void> | null = null

function load(): Promise<void> {
  if (kinds.value.length > 0) return Promise.resolve()
  pending ??= drillsApi
    .kinds()
    .then((r) => {
      kinds.value = r.items
    })
    .catch((e: unknown) => showError(e))
    .finally(() => {
      pending = null
    })
  return pending
}

export function useDrillKinds() {
  void load()
  const options = computed(() => kinds.value.map((k) => ({ value: k.code, label: k.label })))
  /** The kind's label, else the label the record carries, else the code. */
  function label(code: string, fallback?: string): string {
    return kinds.value.find((k) => k.code === code)?.label ?? fallback ?? code
  }
  /** Whether a kind evacuates by default (every kind but 防暴恐). */
  function evacuates(code: string): boolean {
    return kinds.value.find((k) => k.code === code)?.evacuation ?? code !== 'attack'
  }
  return { kinds, options, label, evacuates, ready: load }
}

/** Forgets the loaded kinds (tests). */
export function resetDrillKinds(): void {
  kinds.value = []
  pending = null
}
