// Types of the code scripts/compile-schema.mjs generates from the definitions schema.
import type { ValidateFunction } from 'ajv'

/** Checks one definition file's data against the whole schema. */
export declare const validate: ValidateFunction
/** Checks a version's meta ($defs/versionMeta), e.g. meta given on the command line. */
export declare const versionMeta: ValidateFunction
