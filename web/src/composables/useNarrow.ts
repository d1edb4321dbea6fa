// Whether the window is phone-sized: fixed table columns then give way to horizontal scrolling.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useNarrow(limit = 768): Ref<boolean> {
  const narrow = ref(typeof window !== 'undefined' && window.innerWidth < limit)
  const update = (): void => {
    narrow.value = window.innerWidth < limit
  }
  onMounted(() => window.addEventListener('resize', update))
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return narrow
}
