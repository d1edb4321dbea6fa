import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { useMenuKeyboard } from '../useMenuKeyboard'

// The DOM a vertical el-menu renders: items are li[role=menuitem] (tabindex -1), a group is
// li.el-sub-menu[role=menuitem] holding its title and a nested ul[role=menu]; an open group has
// .is-opened, the current page's item .is-active.
const MENU = `
  <ul role="menubar">
    <li class="el-menu-item" role="menuitem" tabindex="-1" data-test="home">首页</li>
    <li class="el-sub-menu is-opened" role="menuitem" data-menu-group="hazards" data-test="g-hazards">
      <div class="el-sub-menu__title">隐患排查</div>
      <ul role="menu">
        <li class="el-menu-item is-active" role="menuitem" tabindex="-1" data-test="ledger">隐患台账</li>
        <li class="el-menu-item" role="menuitem" tabindex="-1" data-test="report">上报隐患</li>
      </ul>
    </li>
    <li class="el-sub-menu" role="menuitem" data-menu-group="system" data-test="g-system">
      <div class="el-sub-menu__title">系统管理</div>
      <ul role="menu">
        <li class="el-menu-item" role="menuitem" tabindex="-1" data-test="schools">学校管理</li>
      </ul>
    </li>
  </ul>`

let root: HTMLElement
let open: ReturnType<typeof vi.fn>
let close: ReturnType<typeof vi.fn>
let keys: ReturnType<typeof useMenuKeyboard>

const item = (test: string) => root.querySelector<HTMLElement>(`[data-test="${test}"]`)!
const focusedTest = () => (document.activeElement as HTMLElement | null)?.dataset.test
const tabStops = () => [...root.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((e) => e.dataset.test)

function press(key: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  document.activeElement!.dispatchEvent(e)
  return e
}

beforeEach(() => {
  root = document.createElement('nav')
  root.innerHTML = MENU
  document.body.appendChild(root)
  open = vi.fn((g: string) => root.querySelector(`[data-menu-group="${g}"]`)!.classList.add('is-opened'))
  close = vi.fn((g: string) => root.querySelector(`[data-menu-group="${g}"]`)!.classList.remove('is-opened'))
  keys = useMenuKeyboard(ref(root), { open, close })
  root.addEventListener('keydown', keys.onKeydown)
  root.addEventListener('focusin', keys.onFocusin)
  keys.sync()
})

afterEach(() => root.remove())

describe('the sidebar by keyboard', () => {
  it('has one Tab stop, the current page’s item', () => {
    expect(tabStops()).toEqual(['ledger'])
    keys.focusCurrent()
    expect(focusedTest()).toBe('ledger')
  })

  it('the closed group stands for its current item', () => {
    item('g-hazards').classList.remove('is-opened')
    keys.sync()
    expect(tabStops()).toEqual(['g-hazards'])
  })

  it('↓ / ↑ move through the items shown, wrapping; Home / End', () => {
    keys.focusCurrent()
    press('ArrowDown')
    expect(focusedTest()).toBe('report')
    press('ArrowDown')
    expect(focusedTest()).toBe('g-system') // its items are hidden: the group is closed
    press('ArrowDown')
    expect(focusedTest()).toBe('home')
    press('ArrowUp')
    expect(focusedTest()).toBe('g-system')
    press('Home')
    expect(focusedTest()).toBe('home')
    press('End')
    expect(focusedTest()).toBe('g-system')
    expect(tabStops()).toEqual(['g-system'])
  })

  it('→ opens a group and enters it, ← goes back and closes it', async () => {
    item('g-system').focus()
    const e = press('ArrowRight')
    expect(e.defaultPrevented).toBe(true)
    expect(open).toHaveBeenCalledWith('system')
    await nextTick()
    expect(focusedTest()).toBe('schools')
    press('ArrowLeft')
    expect(close).toHaveBeenCalledWith('system')
    expect(focusedTest()).toBe('g-system')
  })

  it('Enter or Space opens the page of an item and toggles a group', () => {
    const clicked = vi.fn()
    item('report').addEventListener('click', clicked)
    item('report').focus()
    press('Enter')
    expect(clicked).toHaveBeenCalledTimes(1)
    item('g-hazards').focus()
    press(' ')
    expect(close).toHaveBeenCalledWith('hazards')
    press('Enter')
    expect(open).toHaveBeenCalledWith('hazards')
  })

  it('leaves Escape and Tab alone', () => {
    keys.focusCurrent()
    expect(press('Escape').defaultPrevented).toBe(false)
    expect(press('Tab').defaultPrevented).toBe(false)
  })

  it('a menu collapsed to icons widens instead of opening a group', () => {
    const expand = vi.fn()
    root.removeEventListener('keydown', keys.onKeydown)
    keys = useMenuKeyboard(ref(root), { open, close, canOpen: () => false, expand })
    root.addEventListener('keydown', keys.onKeydown)
    item('g-system').focus()
    press('ArrowRight')
    expect(expand).toHaveBeenCalled()
    expect(open).not.toHaveBeenCalled()
  })
})
