// Mounting a page in a spec — a bureau's overview board (轮训看板, 队伍建设看板, 应急体系总览, 一校一策总览)
// or a school's record page: a session of `me`, a router of the page's route and those it links to,
// the page mounted in the document and settled (Element Plus' table lays out after a tick); and
// reading it back.
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, type Component } from 'vue'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'

const Stub = defineComponent({ template: '<div />' })

export const settle = async (): Promise<void> => {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

export interface BoardRoutes {
  /** The board's route: its path and name. */
  board: [path: string, name: string]
  /** The page a school's name opens. */
  school: [path: string, name: string]
}

type Me = ReturnType<typeof useSessionStore>['me']

/** A page mounted at `path` for `me`, with a router of `routes` (path and name; each renders nothing). */
export async function mountPageAt(page: Component, me: Me, routes: [path: string, name: string][], path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me
  const router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map(([p, name]) => ({ path: p, name, component: Stub })),
  })
  await router.push(path)
  await router.isReady()
  const w = mount(page, { global: { plugins: [ElementPlus, i18n, pinia, router] }, attachTo: document.body })
  await settle()
  return { w, router }
}

export async function mountBoard(page: Component, me: Me, routes: BoardRoutes, path = routes.board[0]) {
  return (await mountPageAt(page, me, [routes.board, routes.school], path)).w
}

export const $ = (test: string) => document.querySelector<HTMLElement>(`[data-test="${test}"]`)
export const text = (test: string) => $(test)?.textContent?.trim() ?? ''
/** The rows of the table named `test`. */
export const tableRows = (test: string) => [...document.querySelectorAll<HTMLElement>(`[data-test="${test}"] .el-table__body tr`)]
export const cell = (row: HTMLElement, test: string) => row.querySelector(`[data-test="${test}"]`)?.textContent?.trim()
