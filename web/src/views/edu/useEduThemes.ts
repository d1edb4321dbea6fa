// The themes of the safety education records and the dated days and months (observances) of each
// year, read from GET /api/v1/edu/themes once a year is asked for and kept for the page: the
// list's filters take this year's, the record form the year of its date.
import { computed, ref } from 'vue'
import { eduLessonsApi, type EduObservance, type EduTheme, type EduThemes } from '@/api/eduLessons'
import { showError } from '@/utils/errors'

export interface EduThemeCatalog {
  /** The themes (the same every year), empty until a year is read. */
  readonly themes: EduTheme[]
  /** The observances of the first year read: their codes and labels (the filters' options). */
  readonly observanceKinds: EduObservance[]
  /** A year's observances, undefined until read. */
  observances(year: number): EduObservance[] | undefined
  /** Reads a year (once; default this year as the server counts it). */
  load(year?: number): Promise<void>
}

export function useEduThemes() {
  const byYear = ref<Record<number, EduThemes>>({})
  /** The answer without a year (this year), first of all. */
  const first = ref<EduThemes | null>(null)
  const pending = new Map<number | 'now', Promise<void>>()

  async function read(year: number | undefined): Promise<void> {
    try {
      const res = await eduLessonsApi.themes(year)
      byYear.value = { ...byYear.value, [res.year]: res }
      if (!first.value) first.value = res
    } catch (e) {
      // Asked again next time.
      pending.delete(year ?? 'now')
      showError(e)
    }
  }

  function load(year?: number): Promise<void> {
    if (year !== undefined && byYear.value[year]) return Promise.resolve()
    const key = year ?? 'now'
    let p = pending.get(key)
    if (!p) {
      p = (async () => {
        // This year's answer, on its way, may be the year asked for.
        if (year !== undefined) await pending.get('now')
        if (year === undefined || !byYear.value[year]) await read(year)
      })()
      pending.set(key, p)
    }
    return p
  }

  const themes = computed(() => first.value?.themes ?? [])
  const observanceKinds = computed(() => first.value?.observances ?? [])
  const observances = (year: number): EduObservance[] | undefined => byYear.value[year]?.observances

  return { themes, observanceKinds, observances, load }
}
