import { defineStore } from 'pinia'
import { ref } from 'vue'
import { dictionariesApi, type DictEntry, type DictName, type Dictionaries } from '@/api/dictionaries'

/** Code → label tables from the server, loaded once per login. */
export const useDictStore = defineStore('dict', () => {
  const data = ref<Dictionaries | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (data.value) return Promise.resolve()
    loading ??= dictionariesApi
      .all()
      .then((d) => {
        data.value = d
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  function entries(name: DictName): DictEntry[] {
    return data.value?.[name] ?? []
  }

  function label(name: DictName, code: string | null | undefined): string {
    if (code === null || code === undefined || code === '') return ''
    return entries(name).find((e) => e.code === code)?.label ?? code
  }

  function permissionLabel(code: string): string {
    return data.value?.permissions.find((p) => p.code === code)?.label ?? code
  }

  function reset(): void {
    data.value = null
  }

  return { data, load, entries, label, permissionLabel, reset }
})
