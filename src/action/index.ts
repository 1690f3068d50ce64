// Entry of the GitHub Action: only calls run(), so tests can import the rest.
import { run } from './run.js'

await run()
