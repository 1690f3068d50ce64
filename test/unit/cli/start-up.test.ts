// What every start of the CLI loads: the modules the entry point imports
// statically (a command's own module is imported when it runs). `validate` and
// `--help` pay for each of them, so the network and crypto modules that only
// some commands use must stay behind a dynamic import.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const src = path.resolve(import.meta.dirname, '../../../src')

/** True when the compiled JavaScript keeps the import (it is not only about types). */
function keptAtRunTime(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return !node.isTypeOnly
  const clause = node.importClause
  if (!clause) return true // `import './x.js'` runs the module
  if (clause.isTypeOnly) return false
  if (clause.name) return true
  const bindings = clause.namedBindings
  if (!bindings || ts.isNamespaceImport(bindings)) return true
  return bindings.elements.some((e) => !e.isTypeOnly)
}

/** The specifiers a file imports statically, for its code (type-only imports left out). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  return source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
    s.moduleSpecifier &&
    ts.isStringLiteral(s.moduleSpecifier) &&
    keptAtRunTime(s)
      ? [s.moduleSpecifier.text]
      : [],
  )
}

/** Every file and package the entry point loads before a command runs. */
function loadedAtStart(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>([entry])
  const packages = new Set<string>()
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier.replace(/^node:/, ''))
        continue
      }
      const base = path.resolve(path.dirname(file), specifier)
      const to = [base.replace(/\.js$/, '.ts'), base].find((c) => existsSync(c))
      if (to && !files.has(to)) {
        files.add(to)
        queue.push(to)
      }
    }
  }
  return { files, packages }
}

describe('CLI start-up', () => {
  const { files, packages } = loadedAtStart(path.join(src, 'cli/index.ts'))

  it('reads the option tables and the definitions code (the walk finds them)', () => {
    expect(files).toContain(path.join(src, 'options/tables.ts'))
    expect(files).toContain(path.join(src, 'definitions/schema-check.ts'))
    expect(packages).toContain('js-yaml')
  })

  it.each(['http', 'https', 'tls', 'net', 'crypto', 'undici'])(
    'loads no %s module before a command that needs it runs',
    (name) => {
      expect([...packages].filter((p) => p === name || p.startsWith(`${name}/`))).toEqual([])
    },
  )

  it.each(['definitions/check-urls.ts', 'mirror/s3.ts', 'mirror/s3-api.ts'])(
    'imports %s only when a command runs',
    (file) => {
      expect(files).not.toContain(path.join(src, file))
    },
  )
})
