// The copy button and the closing of the dialogs that show passwords once (PasswordOnceDialog,
// ImportedPasswordsDialog).
import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '@/i18n'
import { copyText } from './clipboard'

/**
 * The copy button and the closing of a dialog that shows passwords once: `copy` puts the text on
 * the clipboard and says so (or, when the page may not, says to copy by hand: `failedKey`);
 * `copied` turns the button's label into 已复制 until `close`, which then emits the dialog's close.
 */
export function useCopyOnce(emitClose: () => void): {
  copied: Ref<boolean>
  copy: (text: string, failedKey: string) => Promise<void>
  close: () => void
} {
  const copied = ref(false)
  async function copy(text: string, failedKey: string): Promise<void> {
    const { t } = i18n.global
    if (await copyText(text)) {
      copied.value = true
      ElMessage.success(t('admin.password.copied'))
    } else {
      ElMessage.warning(t(failedKey))
    }
  }
  function close(): void {
    copied.value = false
    emitClose()
  }
  return { copied, copy, close }
}
