// PyYAML's safe_load, which the old tool read definitions with, as an oracle:
// one python3 process reads many texts and says which it refuses. Undefined
// when python3 with PyYAML is not installed (then callers say so and skip).
import { spawnSync } from 'node:child_process'

const SCRIPT = `
import json, sys, yaml

def blank_name(docs):
    for doc in docs:
        images = doc.get("images") if isinstance(doc, dict) else None
        for image in images if isinstance(images, list) else []:
            name = image.get("name") if isinstance(image, dict) else None
            if isinstance(name, str) and not name.strip():
                return "a name without a visible character: %r" % name
    return None

out = []
for text in json.load(sys.stdin):
    try:
        out.append(blank_name(list(yaml.safe_load_all(text))))
    except RecursionError:
        out.append("recursion")
    except Exception as e:
        out.append(str(e).split("\\n")[0] or type(e).__name__)
json.dump(out, sys.stdout)
`

let available: boolean | undefined

/** True when python3 can import yaml. */
export function hasPyYaml(): boolean {
  available ??= spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0
  return available
}

/**
 * For each text: null when safe_load_all reads it, else PyYAML's first line of
 * why not; also refused is a text whose `images[].name` is blank (Python's strip).
 */
export function pyyamlRefusals(texts: readonly string[]): (string | null)[] | undefined {
  if (!hasPyYaml()) return undefined
  const run = spawnSync('python3', ['-c', SCRIPT], {
    input: JSON.stringify(texts),
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as (string | null)[]
}
