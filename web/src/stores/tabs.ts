import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface OpenTab {
  path: string
  name: string
  title: string
  affix: boolean
}

/** The pages open as tabs above the content. */
export const useTabsStore = defineStore('tabs', () => {
  const tabs = ref<OpenTab[]>([{ path: '/home', name: 'home', title: 'menu.home', affix: true }])

  function open(tab: Omit<OpenTab, 'affix'>): void {
    const existing = tabs.value.find((t) => t.name === tab.name)
    if (existing) {
      existing.path = tab.path
      return
    }
    tabs.value.push({ ...tab, affix: false })
  }

  /** Closes a tab; returns the path to show next when the closed one was active. */
  function close(name: string): string | null {
    const i = tabs.value.findIndex((t) => t.name === name)
    if (i < 0 || tabs.value[i].affix) return null
    tabs.value.splice(i, 1)
    const next = tabs.value[Math.min(i, tabs.value.length - 1)]
    return next ? next.path : '/home'
  }

  function closeOthers(name: string): void {
    tabs.value = tabs.value.filter((t) => t.affix || t.name === name)
  }

  function reset(): void {
    tabs.value = tabs.value.filter((t) => t.affix)
  }

  return { tabs, open, close, closeOthers, reset }
})
