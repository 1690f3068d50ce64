// The package ships no types: an old-style (through) stream that takes bzip2 and emits its content.
declare module 'unbzip2-stream' {
  import type { Stream } from 'node:stream'
  export default function unbzip2Stream(): Stream & NodeJS.WritableStream & NodeJS.ReadableStream
}
