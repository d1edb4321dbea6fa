// Labels of the hazard codes: the server's dictionaries, else the label the record carries.
import type { DictName } from '@/api/dictionaries'
import { useDictStore } from '@/stores/dict'

export function useHazardLabels() {
  const dict = useDictStore()
  function of(name: DictName, code: string | null | undefined, fallback?: string): string {
    if (!code) return ''
    return dict.entries(name).find((e) => e.code === code)?.label ?? fallback ?? code
  }
  return {
    state: (code: string | null | undefined, fallback?: string) => of('hazard_states', code, fallback),
    level: (code: string | null | undefined, fallback?: string) => of('hazard_levels', code, fallback),
    domain: (code: string | null | undefined, fallback?: string) => of('hazard_domains', code, fallback),
    source: (code: string | null | undefined, fallback?: string) => of('hazard_sources', code, fallback),
  }
}
