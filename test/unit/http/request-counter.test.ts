import { describe, expect, it } from 'vitest'
import { RequestCounter, pathTemplate } from '../../../src/http/request-counter.js'

describe('pathTemplate', () => {
  it.each([
    ['/v2/images', '/v2/images'],
    ['/v2/images/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', '/v2/images/{id}'],
    [
      '/v2/images/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/members/6d7a8f3c0e4b4b0f9d8e2a1c3b5d7f90',
      '/v2/images/{id}/members/{id}',
    ],
    ['/v3/auth/tokens', '/v3/auth/tokens'],
  ])('%s -> %s', (path, template) => {
    expect(pathTemplate(path)).toBe(template)
  })
})

describe('RequestCounter', () => {
  it('counts by method and template', () => {
    const counter = new RequestCounter()
    counter.add('GET', '/v2/images')
    counter.add('GET', '/v2/images')
    counter.add('PATCH', '/v2/images/{id}')
    expect(counter.get('GET /v2/images')).toBe(2)
    expect(counter.total()).toBe(3)
    expect(counter.total('PATCH')).toBe(1)
    expect(counter.snapshot()).toEqual({ 'GET /v2/images': 2, 'PATCH /v2/images/{id}': 1 })
    counter.reset()
    expect(counter.total()).toBe(0)
  })
})
