// The rows of a list edited with FormRows: each with a key of its own (for Vue, never sent), and
// the rows read again after a save keeping the keys of the rows they replace, row by row, so the
// same rows are not drawn anew (an input keeps its focus). Unit-tested in __tests__/formRows.spec.ts.

/** A row of an editor: the API's fields and a key of its own. */
export type Row<T> = T & { uid: number }

let uidSeq = 0
/** A row with a key of its own. */
export const keyed = <T extends object>(row: T): Row<T> => ({ ...row, uid: ++uidSeq })

/** `after`'s rows take the keys of `before`'s at the same places; `after` is returned. */
export function keepKeys<T extends { uid: number }>(before: readonly { uid: number }[], after: T[]): T[] {
  after.forEach((row, i) => {
    if (i < before.length) row.uid = before[i].uid
  })
  return after
}
