// What a close (销号) or a check (验收) is signed on: the latest rectification submitted (its
// summary and the photos and files attached to it) and, for the close, the check that approved it.
import type { HazardDetail, HazardEvent } from '@/api/hazards'
import type { StoredFile } from '@/api/files'

export interface CloseEvidence {
  /** The latest 提交验收 step of the current round (after the last reopen), if any. */
  submit: HazardEvent | null
  /** Its photos and files. */
  files: StoredFile[]
  /** The 验收通过 step after that submission, if any. */
  approve: HazardEvent | null
  /** The files attached to the approval. */
  approveFiles: StoredFile[]
}

export function closeEvidence(hazard: Pick<HazardDetail, 'timeline' | 'files'>): CloseEvidence {
  const events = [...(hazard.timeline ?? [])].sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1))
  let submit: HazardEvent | null = null
  let approve: HazardEvent | null = null
  for (const e of events) {
    if (e.action === 'reopen') {
      submit = null
      approve = null
    } else if (e.action === 'submit') {
      submit = e
      approve = null
    } else if (e.action === 'approve' && submit) {
      approve = e
    } else if (e.action === 'reject') {
      approve = null
    }
  }
  const byId = new Map((hazard.files ?? []).map((f) => [f.id, f]))
  const filesOf = (e: HazardEvent | null) => (e?.file_ids ?? []).map((id) => byId.get(id)).filter((f): f is StoredFile => !!f)
  return { submit, files: filesOf(submit), approve, approveFiles: filesOf(approve) }
}
