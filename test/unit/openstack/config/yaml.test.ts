import { describe, expect, it } from 'vitest'
import {
  environmentCloud,
  mergeClouds,
  normalizeKeys,
  parseConfigDocument,
  pyString,
  sdkBoolean,
} from '../../../../src/openstack/config/yaml.js'

describe('config/yaml', () => {
  it('merges like openstacksdk merge_clouds: mappings deep, everything else replaced', () => {
    expect(
      mergeClouds(
        { clouds: { a: { auth: { username: 'u', password: 'x' }, regions: ['r1'] } } },
        { clouds: { a: { auth: { password: 'p' }, regions: ['r2'] }, b: { auth: {} } } },
      ),
    ).toEqual({
      clouds: { a: { auth: { username: 'u', password: 'p' }, regions: ['r2'] }, b: { auth: {} } },
    })
  })

  it('normalizes dashes and numbers', () => {
    expect(
      normalizeKeys({ 'auth-url': 'x', project_id: 42, api_timeout: 30, auth: { 'user-id': 7 } }),
    ).toEqual({
      auth_url: 'x',
      project_id: '42',
      api_timeout: 30,
      auth: { user_id: '7' },
    })
  })

  it('reads YAML 1.1 like PyYAML and JSON by extension', () => {
    expect(parseConfigDocument('clouds: {a: {insecure: yes, verify: off}}', '/c.yaml')).toEqual({
      clouds: { a: { insecure: true, verify: false } },
    })
    expect(parseConfigDocument('{"clouds": {}}', '/c.json')).toEqual({ clouds: {} })
    expect(() => parseConfigDocument('', '/c.yaml')).toThrow(
      "/c.yaml is empty: expected a 'clouds:' mapping",
    )
    expect(() => parseConfigDocument('- a', '/c.yaml')).toThrow(
      "/c.yaml is not a mapping: expected a 'clouds:' mapping",
    )
  })

  it('turns OS_* variables into a cloud unless only selectors are set', () => {
    expect(
      environmentCloud({
        OS_AUTH_URL: 'u',
        OS_REGION_NAME: 'r',
        OS_TEST_TIMEOUT: '1',
        PATH: '/bin',
      }),
    ).toEqual({ auth_url: 'u', region_name: 'r' })
    expect(environmentCloud({ OS_CLOUD: 'c', OS_REGION_NAME: 'r' })).toBeUndefined()
  })

  it('converts scalars like Python str() and booleans like get_boolean', () => {
    expect([pyString(true), pyString(3), pyString('x'), pyString(null)]).toEqual([
      'True',
      '3',
      'x',
      undefined,
    ])
    expect([sdkBoolean('TRUE'), sdkBoolean('1'), sdkBoolean(true), sdkBoolean(undefined)]).toEqual([
      true,
      false,
      true,
      false,
    ])
  })
})

describe('parse errors of clouds.yaml, secure.yaml and JSON clouds files', () => {
  const messageOf = (content: string, path: string): string => {
    try {
      parseConfigDocument(content, path)
    } catch (error) {
      return (error as Error).message
    }
    throw new Error('parsed')
  }

  it('name the file, line and column and never quote the text', () => {
    const cases: [string, string, string][] = [
      // JSON.parse itself answers `..."password":hunter2-to"... is not valid JSON`.
      [
        '{"clouds":{"c":{"auth":{"password":hunter2-top}}}}',
        '/c.json',
        'Cannot parse /c.json: expected a value (a quoted string, number, true, false, null, { or [) at line 1, column 36 (the text is not shown: it may hold secrets)',
      ],
      [
        'clouds:\n  c:\n    auth:\n      password: !hunter2-top\n',
        '/c.yaml',
        'Cannot parse /c.yaml: unknown scalar tag at line 4, column 17 (the text is not shown: it may hold secrets)',
      ],
      [
        'clouds:\n  c: {password: *hunter2-top}\n',
        '/secure.yaml',
        'Cannot parse /secure.yaml: unidentified alias at line 2, column 18 (the text is not shown: it may hold secrets)',
      ],
      [
        'clouds:\n  c:\n    password: "hunter2-top\n',
        'the clouds.yaml input',
        'Cannot parse the clouds.yaml input: deficient indentation at line 4, column 1 (the text is not shown: it may hold secrets)',
      ],
    ]
    for (const [content, path, expected] of cases) {
      const message = messageOf(content, path)
      expect(message).toBe(expected)
      expect(message).not.toContain('hunter')
    }
  })
})
