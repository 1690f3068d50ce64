// Types of scripts/compile-schema.mjs, for the test that keeps the generated validator current.
import type { Ajv2020, Options } from 'ajv/dist/2020.js'

export declare const schemaPath: string
export declare const outputPath: string
export declare function configuredAjv(options?: Options): Ajv2020
export declare function versionMetaRef(schema: { $id: string }): string
export declare function generateValidatorSource(): Promise<string>
