// The lines a unified diff adds to the new file, read from its hunk headers
// (`@@ -a,b +c,d @@`), as GitHub gives a pull request file's `patch`.

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** 1-based line numbers, in the new file, of every added or changed line. */
export function addedLines(patch: string): Set<number> {
  const added = new Set<number>()
  let line = 0
  let inHunk = false
  for (const text of patch.split('\n')) {
    const header = HUNK.exec(text)
    if (header) {
      line = Number(header[1])
      inHunk = true
      continue
    }
    if (!inHunk) continue
    if (text.startsWith('+')) added.add(line++)
    else if (text.startsWith('-') || text.startsWith('\\')) continue
    // A context line; GitHub may drop the space of an empty one.
    else line++
  }
  return added
}
