import { START_LOCATION, createRouter, createWebHistory, type Router } from 'vue-router'
import { routes } from './routes'
import { forUnit } from './menu'
import { useSessionStore } from '@/stores/session'
import { useTabsStore } from '@/stores/tabs'

/**
 * Whether the page shown now was reached by navigating inside the console (not the page the
 * browser opened): the layout then moves the focus to the new page's heading. On the first page
 * the focus stays at the start, where the first Tab finds the skip link.
 */
export const navigation = { within: false }

export function createAppRouter(): Router {
  const router = createRouter({ history: createWebHistory(), routes })

  router.beforeEach(async (to) => {
    // A page for people without an account (a parent's letter): no session is asked for.
    if (to.meta.anonymous) return true
    const session = useSessionStore()
    await session.restore()
    if (to.meta.public) {
      // A logged-in user who is not held at a gate has no business on the login page.
      if (session.loggedIn && !session.gated && to.name === 'login') return { path: '/home' }
      return true
    }
    if (!session.loggedIn) {
      return { name: 'login', query: to.fullPath !== '/home' ? { redirect: to.fullPath } : {} }
    }
    if (session.gated) return { name: 'login', query: { step: 'gate' } }
    if (!session.can(to.meta.perm)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    // A page of some units only (the bureau's own offices): the server refuses the others.
    const kind = session.me?.unit.kind
    if (to.meta.unitOnly && to.meta.unit && kind && !forUnit(to.meta.unit, kind)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })

  router.afterEach((to, from) => {
    navigation.within = from !== START_LOCATION
    if (to.meta.public || to.meta.tab === false || !to.name) return
    useTabsStore().open({ path: to.fullPath, name: String(to.name), title: to.meta.title ?? '' })
  })

  return router
}
