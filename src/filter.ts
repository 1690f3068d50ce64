// `--filter REGEX`: the regular expression image names are matched against.
import { getErrorMessage, UserError } from './problems.js'

/** The compiled filter (undefined without one); an invalid one is a UserError naming it. */
export function filterRegex(value: string | undefined): RegExp | undefined {
  if (value === undefined) return undefined
  try {
    return new RegExp(value)
  } catch (error) {
    throw new UserError(
      `--filter '${value}' is not a valid regular expression: ${getErrorMessage(error)}`,
    )
  }
}
