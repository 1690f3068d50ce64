// Text from definitions or the cloud, made inert for an HTML page: it reads as
// written inside an element or a quoted attribute and adds no markup.
import { showInvisible } from './invisible.js'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

// What an HTML parser reports as an error in the input stream besides controls
// (which showInvisible writes out): lone surrogates and noncharacters.
const UNREADABLE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g

const written = (c: string): string =>
  [...c].map((u) => `\\u${(u.codePointAt(0) as number).toString(16).padStart(4, '0')}`).join('')

/** One value for element text or a quoted attribute. */
export function escapeHtml(value: string): string {
  return showInvisible(value)
    .replace(UNREADABLE, written)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
}
