// Keyboard use of a vertical Element Plus menu (el-menu with el-sub-menu groups), following the
// WAI-ARIA menu pattern. Element Plus leaves a vertical menu out of the Tab order (every item has
// tabindex -1) and gives it no arrow keys; this adds both on the DOM it renders:
//   - one Tab stop: the focused item while the focus is in the menu, else the current page's item
//     (or its group when the group is closed), else the first; every other item is tabindex -1;
//   - ↓ / ↑ the next / previous visible item (wrapping), Home / End the first / last;
//   - → on a group opens it and moves to its first item; ← on an item goes back to its group,
//     and on an open group closes it;
//   - Enter or Space opens the item's page or toggles the group.
// Escape is left alone: the phone's menu drawer closes on it.
import type { Ref } from 'vue'
import { nextTick } from 'vue'

export interface MenuKeyboardOptions {
  /** Opens / closes a group by its index (el-menu's exposed open / close). */
  open(group: string): void
  close(group: string): void
  /** False when groups cannot open in place (a menu collapsed to icons); `expand` is called instead. */
  canOpen?(): boolean
  expand?(): void
}

const ITEM = '[role="menuitem"]'
const GROUP = 'el-sub-menu'

function groupOf(item: HTMLElement, root: HTMLElement): HTMLElement | null {
  const g = item.parentElement?.closest<HTMLElement>('.' + GROUP) ?? null
  return g && root.contains(g) ? g : null
}

function isGroup(item: HTMLElement): boolean {
  return item.classList.contains(GROUP)
}

function isOpen(item: HTMLElement): boolean {
  return item.classList.contains('is-opened')
}

/** Shown: every group around it is open (a closing group's items count as gone at once). */
function isShown(item: HTMLElement, root: HTMLElement): boolean {
  for (let g = groupOf(item, root); g; g = groupOf(g, root)) {
    if (!isOpen(g)) return false
  }
  return true
}

export function useMenuKeyboard(root: Ref<HTMLElement | null>, options: MenuKeyboardOptions) {
  let current: HTMLElement | null = null

  function allItems(): HTMLElement[] {
    return root.value ? [...root.value.querySelectorAll<HTMLElement>(ITEM)] : []
  }

  function shownItems(): HTMLElement[] {
    const r = root.value
    return r ? allItems().filter((i) => isShown(i, r)) : []
  }

  function setCurrent(item: HTMLElement | null): void {
    current = item
    for (const i of allItems()) i.setAttribute('tabindex', i === item ? '0' : '-1')
  }

  /** The item to Tab to when the focus is not in the menu: the current page's (or its group). */
  function defaultItem(): HTMLElement | null {
    const r = root.value
    if (!r) return null
    const shown = shownItems()
    const active = r.querySelector<HTMLElement>(`.el-menu-item.is-active${ITEM}`)
    if (active) {
      if (isShown(active, r)) return active
      for (let g = groupOf(active, r); g; g = groupOf(g, r)) if (isShown(g, r)) return g
    }
    return shown[0] ?? null
  }

  /** Re-applies the single Tab stop after the menu changed (route, permissions, collapse). */
  function sync(): void {
    const r = root.value
    if (!r) return
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>(ITEM) : null
    if (focused && r.contains(focused)) setCurrent(focused)
    else setCurrent(defaultItem())
  }

  function focusItem(item: HTMLElement | null | undefined): void {
    if (!item) return
    setCurrent(item)
    item.focus()
  }

  function focusCurrent(): void {
    sync()
    focusItem(current ?? defaultItem())
  }

  function openGroup(group: HTMLElement, enter: boolean): void {
    const index = group.dataset.menuGroup
    if (!index) return
    if (options.canOpen && !options.canOpen()) {
      options.expand?.()
      return
    }
    if (!isOpen(group)) options.open(index)
    if (enter) {
      void nextTick(() => {
        const first = [...group.querySelectorAll<HTMLElement>(ITEM)][0]
        focusItem(first ?? group)
      })
    }
  }

  function closeGroup(group: HTMLElement): void {
    const index = group.dataset.menuGroup
    if (index && isOpen(group)) options.close(index)
    focusItem(group)
  }

  function onFocusin(e: FocusEvent): void {
    const item = (e.target as HTMLElement | null)?.closest<HTMLElement>(ITEM)
    if (item && root.value?.contains(item) && item !== current) setCurrent(item)
  }

  function onKeydown(e: KeyboardEvent): void {
    const r = root.value
    const item = (e.target as HTMLElement | null)?.closest<HTMLElement>(ITEM)
    if (!r || !item || !r.contains(item) || e.altKey || e.ctrlKey || e.metaKey) return
    const shown = shownItems()
    const at = shown.indexOf(item)
    let handled = true
    switch (e.key) {
      case 'ArrowDown':
        focusItem(shown[(at + 1) % shown.length])
        break
      case 'ArrowUp':
        focusItem(shown[(at - 1 + shown.length) % shown.length])
        break
      case 'Home':
        focusItem(shown[0])
        break
      case 'End':
        focusItem(shown[shown.length - 1])
        break
      case 'ArrowRight':
        if (isGroup(item)) openGroup(item, true)
        break
      case 'ArrowLeft': {
        if (isGroup(item) && isOpen(item)) closeGroup(item)
        else {
          const g = groupOf(item, r)
          if (g) closeGroup(g)
        }
        break
      }
      case 'Enter':
      case ' ':
        if (isGroup(item)) {
          if (isOpen(item)) closeGroup(item)
          else openGroup(item, false)
        } else {
          item.click()
        }
        break
      default:
        handled = false
    }
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  return { sync, focusCurrent, onKeydown, onFocusin }
}
