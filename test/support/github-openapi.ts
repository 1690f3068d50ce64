// A strict double of GitHub's REST API, checked against GitHub's own OpenAPI
// description (@octokit/openapi), so it cannot drift from the real API.
//
// Each expectation names a route exactly as the description does
// (`PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}`); a route that is
// not there fails at once. Requests must come in the order expected. Each one
// is checked against the operation: path and query parameters (unknown ones
// fail too), JSON body, and the canned reply against the response schema of its
// status, which must be one the operation lists. Unexpected requests and unused
// expectations fail `done()`. Two doors: `client` (what `octokit.request` does,
// for module tests) and `fetch` (for the real Octokit: real URLs and headers).

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { expect } from 'vitest'
import type { GitHubClient, GitHubParams, GitHubResponse } from '../../src/github/octokit.js'

export interface GitHubReply {
  status: number
  /** The JSON body; must match the operation's schema for `status`. */
  data?: unknown
  headers?: Record<string, string>
}

export interface GitHubRequest {
  route: string
  /** Path, query and body parameters together, typed as the description says. */
  params: Record<string, unknown>
  /** Lower-case names; `authorization` redacted to its scheme (fetch door only). */
  headers: Record<string, string>
}

export interface GitHubExpectation {
  route: string
  /** When given, the request's parameters must equal these (path, query and body together). */
  params?: Record<string, unknown>
  /** Headers that must be sent (fetch door only); a wrong authorization is not echoed. */
  headers?: Record<string, string>
  reply: GitHubReply | ((request: GitHubRequest) => GitHubReply)
}

/**
 * Answers every request no expectation is queued for (a stateful fake such as
 * github-repository.ts). The request is checked against the description as an
 * expected one is, the operation found from its method and URL.
 */
export type GitHubServe = (request: GitHubRequest) => GitHubReply

export interface GitHubDouble {
  client: GitHubClient
  fetch: typeof fetch
  /** Every request that passed the checks, in order. */
  requests: GitHubRequest[]
  expect(...expectations: GitHubExpectation[]): void
  /** Throws when a request was unexpected or invalid, or an expectation unused. */
  done(): void
}

const DOC_ID = 'https://api.github.com/openapi.json'
const NOT_PARAMS = new Set(['headers', 'mediaType', 'request', 'baseUrl'])

type Json = Record<string, unknown>
interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: Json
  pointer: string
}
interface Operation {
  route: string
  method: string
  path: string
  parameters: Parameter[]
  body?: string // JSON pointer to the request body schema
  responses: Json
  pointer: string
}

interface Spec {
  doc: Json
  ajv: Ajv2020
  validators: Map<string, ValidateFunction>
}

let cached: Spec | undefined

/** Loads the description once per test file (~1 s) and turns it into JSON Schema for ajv. */
function spec(): Spec {
  if (cached) return cached
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.json',
  )
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json
  const formats = new Set<string>()
  toJsonSchema(doc.paths, formats)
  toJsonSchema(doc.components, formats)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as (ajv: Ajv2020) => Ajv2020
  addFormats(ajv)
  // OpenAPI's own formats (int64, binary, ...) only annotate.
  for (const format of formats) if (!(format in ajv.formats)) ajv.addFormat(format, true)
  ajv.addSchema({ ...doc, $id: DOC_ID })
  cached = { doc, ajv, validators: new Map() }
  return cached
}

/**
 * OpenAPI 3.0's `nullable: true` becomes `anyOf: [schema, null]` (ajv's own
 * `nullable` needs a `type` beside it, which 135 schemas here lack).
 */
function toJsonSchema(node: unknown, formats: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((item) => toJsonSchema(item, formats))
  if (node === null || typeof node !== 'object') return
  const schema = node as Json
  for (const [key, value] of Object.entries(schema)) {
    if (!['example', 'examples', 'enum', 'default', 'const'].includes(key))
      toJsonSchema(value, formats)
  }
  if (typeof schema.format === 'string') formats.add(schema.format)
  if (schema.nullable === true) {
    const rest = { ...schema }
    delete rest.nullable
    for (const key of Object.keys(schema)) delete schema[key]
    schema.anyOf = [rest, { type: 'null' }]
  }
}

// --- GraphQL: not in the REST description, so checked here as strictly ---
// `POST /graphql` takes `{ query }` only (no variables, no operation name), a
// query made of plain field selections, each field checked against the part of
// GitHub's public GraphQL schema the tool uses (types as the schema reference
// gives them); the reply must be `{ data }` shaped as the query selects, or
// `{ errors: [{ message }] }`, with status 200 as GitHub answers both.

/** Object types by name: field -> type (`!` for non-null, a scalar or another object type). */
const GRAPHQL_SCHEMA: Record<string, Record<string, string>> = {
  Query: { viewer: 'User!' },
  User: { login: 'String!', databaseId: 'Int' },
}
const GRAPHQL_SCALARS: Record<string, string> = { String: 'string', Int: 'integer' }

const GRAPHQL: Operation = {
  route: 'POST /graphql',
  method: 'POST',
  path: '/graphql',
  parameters: [],
  body: 'graphql',
  responses: {},
  pointer: '',
}

interface Selection {
  field: string
  children: Selection[]
}

/** `query { a { b } }` (or `{ a { b } }`) as selections; anything else fails. */
function parseSelections(query: string): Selection[] {
  const tokens = query.match(/[A-Za-z_][A-Za-z0-9_]*|[{}]|\S/g) ?? []
  let at = 0
  if (tokens[at] === 'query') at++
  const set = (): Selection[] => {
    if (tokens[at++] !== '{') throw new Error(`GraphQL: expected '{' at token ${at}`)
    const found: Selection[] = []
    while (tokens[at] !== '}') {
      const field = tokens[at++]
      if (field === undefined || !/^[A-Za-z_]\w*$/.test(field))
        throw new Error(`GraphQL: expected a field name, got '${field ?? 'end'}'`)
      found.push({ field, children: tokens[at] === '{' ? set() : [] })
    }
    at++
    return found
  }
  const selections = set()
  if (at !== tokens.length) throw new Error('GraphQL: text after the query')
  return selections
}

/** The JSON Schema of `data` for selections on a type; unknown fields fail. */
function selectionSchema(type: string, selections: Selection[]): Json {
  const fields = GRAPHQL_SCHEMA[type]
  if (!fields) throw new Error(`GraphQL: the double does not know type ${type}`)
  const properties: Json = {}
  for (const { field, children } of selections) {
    const declared = fields[field]
    if (declared === undefined) throw new Error(`GraphQL: ${type} has no field '${field}'`)
    const name = declared.replace(/!$/, '')
    const scalar = GRAPHQL_SCALARS[name]
    if (scalar !== undefined && children.length > 0)
      throw new Error(`GraphQL: ${type}.${field} is a scalar; it takes no selection`)
    if (scalar === undefined && children.length === 0)
      throw new Error(`GraphQL: ${type}.${field} is an object; select its fields`)
    const schema = scalar === undefined ? selectionSchema(name, children) : { type: scalar }
    properties[field] = declared.endsWith('!') ? schema : { anyOf: [schema, { type: 'null' }] }
  }
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  }
}

let graphqlData: Json | undefined

function checkGraphqlRequest(body: unknown): void {
  const request = body as { query?: unknown } | undefined
  const keys = Object.keys(request ?? {})
  if (typeof request?.query !== 'string' || keys.some((k) => k !== 'query'))
    throw new Error(`POST /graphql takes { query } only; got ${JSON.stringify(body)}`)
  graphqlData = selectionSchema('Query', parseSelections(request.query))
}

function checkGraphqlReply(reply: GitHubReply): void {
  if (reply.status !== 200 && reply.status !== 401 && reply.status !== 403)
    throw new Error(`POST /graphql answers 200 (or 401/403), not ${reply.status}`)
  const data = reply.data as { data?: unknown; errors?: unknown } | undefined
  if (reply.status !== 200 || data?.errors !== undefined) {
    const errors = data?.errors as { message?: unknown }[] | undefined
    const ok =
      reply.status !== 200 ||
      (Array.isArray(errors) && errors.every((e) => typeof e?.message === 'string'))
    if (!ok) throw new Error(`POST /graphql errors must be [{ message }]: ${JSON.stringify(data)}`)
    return
  }
  const selected = graphqlData
  graphqlData = undefined
  if (selected === undefined) throw new Error('POST /graphql: a reply without a checked query')
  const schema = { type: 'object', properties: { data: selected }, required: ['data'] }
  const validate = validator(`graphql ${JSON.stringify(selected)}`, () => ({
    ...schema,
    additionalProperties: false,
  }))
  check(validate, data, 'reply of POST /graphql')
}

function pointerGet(doc: Json, pointer: string): Json {
  let node: unknown = doc
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    node = (node as Json)[raw.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return node as Json
}

/** Follows `$ref`s; returns the object and its pointer (for `$ref`s to its schema). */
function resolve(doc: Json, node: Json, pointer: string): [Json, string] {
  while (typeof node.$ref === 'string') {
    pointer = node.$ref
    node = pointerGet(doc, pointer)
  }
  return [node, pointer]
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Pointer to the schema of the JSON media type (`application/json`, `application/scim+json`...). */
function jsonSchemaAt(content: unknown, at: string): string | undefined {
  const type = Object.keys((content as Json | undefined) ?? {}).find((t) => /\bjson\b/.test(t))
  return type === undefined ? undefined : `${at}/content/${escape(type)}/schema`
}

function operation(route: string): Operation {
  if (route === GRAPHQL.route) return GRAPHQL
  const { doc } = spec()
  const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\/\S*)$/.exec(route)
  if (!match) throw new Error(`Route '${route}': expected 'METHOD /path/{param}'`)
  const [, method, path] = match as unknown as [string, string, string]
  const pointer = `#/paths/${escape(path)}/${method.toLowerCase()}`
  const paths = doc.paths as Record<string, Json>
  const op = paths[path]?.[method.toLowerCase()] as Json | undefined
  if (!op) {
    const known = Object.keys(paths[path] ?? {}).map((m) => m.toUpperCase())
    throw new Error(
      `${route} is not in GitHub's OpenAPI description` +
        (known.length ? ` (that path has: ${known.join(', ')})` : ' (no such path)'),
    )
  }
  const parameters = ((op.parameters ?? []) as Json[]).map((p, i) => {
    const [param, at] = resolve(doc, p, `${pointer}/parameters/${i}`)
    return { ...(param as unknown as Parameter), pointer: at }
  })
  let body: string | undefined
  if (op.requestBody) {
    const [requestBody, at] = resolve(doc, op.requestBody as Json, `${pointer}/requestBody`)
    body = jsonSchemaAt(requestBody.content, at)
  }
  return { route, method, path, parameters, body, responses: op.responses as Json, pointer }
}

interface PathPattern {
  method: string
  path: string
  pattern: RegExp
  /** Characters outside `{templates}`: the most specific path wins (`/git/refs` over `/{x}`). */
  literal: number
}
let patterns: PathPattern[] | undefined

/** The operation a method and URL path (below the API base) name, as GitHub routes it. */
function operationForUrl(method: string, pathname: string): Operation | undefined {
  patterns ??= Object.entries(spec().doc.paths as Record<string, Json>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => /^(get|post|put|patch|delete|head)$/.test(m))
      .map((m) => ({
        method: m.toUpperCase(),
        path,
        pattern: new RegExp(
          `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
        ),
        literal: path.replace(/\{[^}]+\}/g, '').length,
      })),
  )
  if (method === GRAPHQL.method && pathname === GRAPHQL.path) return GRAPHQL
  const best = patterns
    .filter((p) => p.method === method && p.pattern.test(pathname))
    .sort((a, b) => b.literal - a.literal)[0]
  return best && operation(`${best.method} ${best.path}`)
}

function validator(key: string, schema: () => Json): ValidateFunction {
  const { ajv, validators } = spec()
  let validate = validators.get(key)
  if (!validate) validators.set(key, (validate = ajv.compile(schema())))
  return validate
}

function check(validate: ValidateFunction, data: unknown, what: string): void {
  if (!validate(data)) {
    const errors = spec().ajv.errorsText(validate.errors, { dataVar: '', separator: '; ' })
    throw new Error(`${what} does not match GitHub's OpenAPI description: ${errors}`)
  }
}

/** Path or query parameters against the operation's list: types, required, nothing unknown. */
function checkParams(op: Operation, where: 'path' | 'query', values: Json): void {
  const params = op.parameters.filter((p) => p.in === where)
  const validate = validator(`${op.route} ${where}`, () => ({
    type: 'object',
    properties: Object.fromEntries(
      params.map((p) => [p.name, { $ref: `${DOC_ID}${p.pointer}/schema` }]),
    ),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  }))
  check(validate, values, `${where} parameters of ${op.route}`)
}

/** The JSON body; unknown top-level fields fail (GitHub would ignore a misspelt one). */
function checkBody(op: Operation, body: unknown): void {
  if (op === GRAPHQL) return checkGraphqlRequest(body)
  if (op.body === undefined) {
    if (body !== undefined)
      throw new Error(`${op.route} takes no body; got ${JSON.stringify(body)}`)
    return
  }
  const ref = `${DOC_ID}${op.body}`
  check(
    validator(ref, () => ({ $ref: ref, unevaluatedProperties: false })),
    body,
    `body of ${op.route}`,
  )
}

function checkReply(op: Operation, reply: GitHubReply): void {
  if (op === GRAPHQL) return checkGraphqlReply(reply)
  const { doc } = spec()
  const declared = (op.responses[String(reply.status)] ?? op.responses.default) as Json | undefined
  if (!declared) {
    throw new Error(
      `${op.route} does not list status ${reply.status} (it lists ${Object.keys(op.responses).join(', ')})`,
    )
  }
  const [response, at] = resolve(doc, declared, `${op.pointer}/responses/${reply.status}`)
  const schema = jsonSchemaAt(response.content, at)
  if (schema === undefined) {
    if (reply.data !== undefined) throw new Error(`${op.route} ${reply.status} has no JSON body`)
    return
  }
  const ref = `${DOC_ID}${schema}`
  check(
    validator(ref, () => ({ $ref: ref })),
    reply.data,
    `reply ${reply.status} of ${op.route}`,
  )
}

/** A deep copy of an example from the description, e.g. `specExample('issue-comment')`. */
export function specExample(name: string): Json {
  const example = (spec().doc.components as Json).examples as Record<string, { value: Json }>
  if (!example[name]) throw new Error(`No example '${name}' in GitHub's OpenAPI description`)
  return structuredClone(example[name].value)
}

/** Like Octokit's `RequestError`: message from the body, `status`, `response`. */
function requestError(reply: GitHubReply, url: string): Error {
  const data = reply.data as { message?: string; documentation_url?: string } | undefined
  const message = data?.message
    ? `${data.message}${data.documentation_url ? ` - ${data.documentation_url}` : ''}`
    : `Unknown error: ${JSON.stringify(reply.data)}`
  const response = { url, status: reply.status, headers: reply.headers ?? {}, data: reply.data }
  return Object.assign(new Error(message), { name: 'HttpError', status: reply.status, response })
}

/** `"7"` from a URL becomes 7 where the description says integer (and so on). */
function coerce(op: Operation, values: Record<string, string>): Json {
  const { doc } = spec()
  const typed: Json = {}
  for (const [name, value] of Object.entries(values)) {
    const param = op.parameters.find((p) => p.name === name)
    const type = param?.schema ? resolve(doc, param.schema, '')[0].type : undefined
    if ((type === 'integer' || type === 'number') && value !== '' && !Number.isNaN(Number(value))) {
      typed[name] = Number(value)
    } else if (type === 'boolean' && (value === 'true' || value === 'false')) {
      typed[name] = value === 'true'
    } else typed[name] = value
  }
  return typed
}

interface Parts {
  path: Json
  query: Json
  body: unknown
}

/** Path parameters from the URL by the operation's template, and the query. */
function fromUrl(op: Operation, url: URL, base: URL): Parts | null {
  const names: string[] = []
  const pattern = op.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name)
      return '([^/]+)'
    })
  const prefix = base.pathname.replace(/\/$/, '').replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  const match = new RegExp(`^${prefix}${pattern}$`).exec(url.pathname)
  if (url.origin !== base.origin || !match) return null
  const path = Object.fromEntries(
    names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]),
  )
  return {
    path: coerce(op, path),
    query: coerce(op, Object.fromEntries(url.searchParams)),
    body: undefined,
  }
}

export function githubDouble(
  options: { baseUrl?: string; serve?: GitHubServe } = {},
  ...initial: GitHubExpectation[]
): GitHubDouble {
  const base = new URL(options.baseUrl ?? 'https://api.github.com')
  const queue: { expectation: GitHubExpectation; op: Operation }[] = []
  const { serve } = options
  /** With `serve`, a request nothing is queued for is expected as whatever it names. */
  const served = (
    find: () => Operation | undefined,
  ): { expectation: GitHubExpectation; op: Operation } | undefined => {
    const op = serve && find()
    return op && serve && { expectation: { route: op.route, reply: serve }, op }
  }
  const requests: GitHubRequest[] = []
  const problems: string[] = []

  function add(...expectations: GitHubExpectation[]): void {
    for (const expectation of expectations) {
      const op = operation(expectation.route)
      // A GraphQL reply is checked against the query, once it is sent.
      if (typeof expectation.reply !== 'function' && op !== GRAPHQL)
        checkReply(op, expectation.reply)
      queue.push({ expectation, op })
    }
  }

  /**
   * Checks a request against the next expectation and returns its reply; a
   * failure is recorded for `done()` as well as thrown (the code under test may
   * swallow it).
   */
  function handle(
    what: string,
    parts: (op: Operation) => Parts | null,
    headers: Record<string, string>,
    checkHeaders: (expected: Record<string, string>) => void,
    find: () => Operation | undefined,
  ): { reply: GitHubReply; op: Operation } {
    const next = queue.shift() ?? served(find)
    try {
      const found = next && parts(next.op)
      if (!next || !found) {
        throw new Error(`unexpected request ${what}; expected ${next?.expectation.route ?? 'none'}`)
      }
      const { op, expectation } = next
      checkParams(op, 'path', found.path)
      checkParams(op, 'query', found.query)
      checkBody(op, found.body)
      checkHeaders(expectation.headers ?? {})
      const params = { ...found.path, ...found.query, ...(found.body as Json | undefined) }
      const request: GitHubRequest = { route: op.route, params, headers }
      requests.push(request)
      if (expectation.params)
        expect(params, `parameters of ${op.route}`).toEqual(expectation.params)
      const { reply } = expectation
      const answer = typeof reply === 'function' ? reply(request) : reply
      checkReply(op, answer)
      return { reply: answer, op }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error))
      throw error
    }
  }

  const client: GitHubClient = {
    async request(route: string, given: GitHubParams = {}): Promise<GitHubResponse> {
      const parts = (op: Operation): Parts | null => {
        if (op.route !== route) return null
        const found: Parts = { path: {}, query: {}, body: undefined }
        for (const [name, value] of Object.entries(given)) {
          if (NOT_PARAMS.has(name) || value === undefined) continue
          const where = op.parameters.find((p) => p.name === name)?.in
          // As Octokit does: what is not a path or query parameter goes in the
          // body, or in the query when the operation takes no body.
          if (where === 'path') found.path[name] = value
          else if (where === 'query' || op.body === undefined) found.query[name] = value
          else ((found.body ??= {}) as Json)[name] = value
        }
        return found
      }
      const find = (): Operation | undefined => operation(route)
      const { reply, op } = handle(route, parts, {}, () => {}, find)
      const url = `${base.origin}${base.pathname.replace(/\/$/, '')}${op.path}`
      if (reply.status >= 400) throw requestError(reply, url)
      return { status: reply.status, url, headers: reply.headers ?? {}, data: reply.data }
    },
  }

  async function fetchDouble(
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : input)
    const method = (init.method ?? 'GET').toUpperCase()
    const sent = new Headers(init.headers)
    const headers: Record<string, string> = {}
    // Recorded without the credential: only its scheme ("token [REDACTED]").
    sent.forEach((value, name) => {
      headers[name] = name === 'authorization' ? value.replace(/ .*$/, ' [REDACTED]') : value
    })
    const text = typeof init.body === 'string' ? init.body : undefined
    const what = `${method} ${url.origin}${url.pathname}`
    const parts = (op: Operation): Parts | null => {
      const found = op.method === method ? fromUrl(op, url, base) : null
      return (
        found && { ...found, body: text === undefined ? undefined : (JSON.parse(text) as unknown) }
      )
    }
    const checkHeaders = (expected: Record<string, string>): void => {
      if (!sent.get('user-agent'))
        throw new Error(`${what}: no User-Agent (GitHub rejects such requests)`)
      const accept = sent.get('accept') ?? ''
      if (!/application\/(vnd\.github[^,]*\+)?json/.test(accept)) {
        throw new Error(`${what}: accept '${accept}' is not a GitHub JSON media type`)
      }
      if (text !== undefined && !sent.get('content-type')?.startsWith('application/json')) {
        throw new Error(`${what}: a JSON body needs content-type application/json`)
      }
      for (const [name, value] of Object.entries(expected)) {
        if (sent.get(name) === value) continue
        const shown = headers[name.toLowerCase()] ?? 'missing'
        throw new Error(`${what}: header ${name} is ${shown}, not the expected value`)
      }
    }
    const find = (): Operation | undefined => {
      const prefix = base.pathname.replace(/\/$/, '')
      if (url.origin !== base.origin || !url.pathname.startsWith(prefix)) return undefined
      return operationForUrl(method, url.pathname.slice(prefix.length))
    }
    const { reply } = handle(what, parts, headers, checkHeaders, find)
    const body = reply.data === undefined ? null : JSON.stringify(reply.data)
    const response = new Response(body, {
      status: reply.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers },
    })
    Object.defineProperty(response, 'url', { value: url.toString() })
    return response
  }

  add(...initial)
  return {
    client,
    fetch: fetchDouble as typeof fetch,
    requests,
    expect: add,
    done() {
      const unused = queue.splice(0).map((q) => `expected request not made: ${q.expectation.route}`)
      const all = [...problems.splice(0), ...unused]
      if (all.length > 0) throw new Error(`GitHub double:\n${all.join('\n')}`)
    },
  }
}
