// ElMessageBox.confirm with stable hooks for end-to-end tests: the box gets
// data-test="confirm-box", its buttons data-test="confirm-ok" / "confirm-cancel".
import { nextTick } from 'vue'
import { ElMessageBox } from 'element-plus'
import { i18n } from '@/i18n'

let seq = 0

async function tagButtons(cls: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await nextTick()
    const box = document.querySelector(`.${cls}`)
    if (box) {
      box.setAttribute('data-test', 'confirm-box')
      const buttons = Array.from(box.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button'))
      for (const b of buttons) {
        b.setAttribute('data-test', b.classList.contains('el-button--primary') ? 'confirm-ok' : 'confirm-cancel')
      }
      return
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Asks before an action; true when the user confirmed. */
export async function confirmAction(message: string, type: 'warning' | 'info' = 'warning'): Promise<boolean> {
  const t = i18n.global.t
  const cls = `xa-confirm-${++seq}`
  const answer = ElMessageBox.confirm(message, t('common.confirmTitle'), {
    type,
    customClass: cls,
    confirmButtonText: t('common.confirm'),
    cancelButtonText: t('common.cancel'),
  })
  void tagButtons(cls)
  try {
    await answer
    return true
  } catch {
    return false
  }
}
