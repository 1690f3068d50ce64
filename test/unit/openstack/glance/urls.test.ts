import { describe, expect, it } from 'vitest'
import {
  glanceUrls,
  listImagesSearch,
  nextPageUrl,
  unversionedEndpoint,
} from '../../../../src/openstack/glance/urls.js'

describe('glance URLs', () => {
  it('builds URLs and templates', () => {
    expect(glanceUrls.imageTag('http://g:9292/', 'i1', 'os:debian 12')).toEqual({
      url: 'http://g:9292/v2/images/i1/tags/os%3Adebian%2012',
      template: '/v2/images/{id}/tags/{tag}',
    })
    expect(glanceUrls.member('https://cloud/image', 'i1', 'p1').url).toBe(
      'https://cloud/image/v2/images/i1/members/p1',
    )
    expect(glanceUrls.versions('http://g:9292').url).toBe('http://g:9292/')
  })

  it('builds the listing query', () => {
    expect(
      listImagesSearch(
        { tag: ['a', 'b'], visibility: 'all', limit: 5, sort: 'name:asc' },
        true,
      ).toString(),
    ).toBe('tag=a&tag=b&os_hidden=true&visibility=all&limit=5&sort=name%3Aasc')
    expect(listImagesSearch({}, undefined).toString()).toBe('')
  })

  it('takes only the query of next, on top of our own images URL', () => {
    expect(nextPageUrl('https://cloud/image/v2/images', '/v2/images?marker=m1&limit=5')).toBe(
      'https://cloud/image/v2/images?marker=m1&limit=5',
    )
    expect(
      nextPageUrl('http://127.0.0.1:8888/v2/images', 'http://127.0.0.1:19292/v2/images?marker=m2'),
    ).toBe('http://127.0.0.1:8888/v2/images?marker=m2')
  })

  it('strips a version from the catalog endpoint', () => {
    expect(unversionedEndpoint('http://g:9292/v2/')).toBe('http://g:9292')
    expect(unversionedEndpoint('http://g:9292/v2.1')).toBe('http://g:9292')
    expect(unversionedEndpoint('https://cloud/image')).toBe('https://cloud/image')
  })
})
