// Rule titles by id (findings name their rule by id only), from the catalog GET /api/v1/rules,
// asked once and shared by the pages that show findings.
import { ref } from 'vue'
import { rulesApi } from '@/api/rules'

const titles = ref<Record<string, string>>({})
let loaded = false
let pending: Promise<void> | null = null

function load(): Promise<void> {
  if (loaded) return Promise.resolve()
  pending ??= rulesApi
    .list()
    .then((r) => {
      titles.value = Object.fromEntries(r.items.map((x) => [x.id, x.title]))
      loaded = true
    })
    .catch(() => {
      // Without the catalog a finding shows its rule id.
    })
    .finally(() => {
      pending = null
    })
  return pending
}

export function useRuleTitles() {
  void load()
  /** 每学期全员消防疏散演练, or the id while the catalog is not there. */
  return { title: (id: string): string => titles.value[id] ?? id, ready: load }
}

/** Forgets the loaded titles (tests). */
export function resetRuleTitles(): void {
  titles.value = {}
  loaded = false
  pending = null
}
