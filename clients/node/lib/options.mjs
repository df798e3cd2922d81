// Command-line options of the scripts.
import { parseArgs } from 'node:util'

/**
 * Parses --name value options. `spec` maps each option to its default, or to undefined when it is
 * required; a missing required option or an unknown one fails with a message naming `usage`.
 */
export function options(spec, usage) {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(spec).map(name => [name, { type: 'string' }])),
    strict: true,
  })
  const missing = Object.keys(spec).filter(name => values[name] === undefined && spec[name] === undefined)
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map(name => `--${name}`).join(', ')}\nusage: ${usage}`)
  }
  return { ...spec, ...values }
}

/** A positive integer option. */
export function positive(value, name) {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`--${name} must be a positive integer, got ${value}`)
  }
  return number
}

/** Runs `main`, printing its error's message on stderr and exiting 1 if it fails. */
export function run(main) {
  main().then(
    () => process.exit(0),
    error => {
      console.error(`${process.argv[1]}: ${error.message}`)
      process.exit(1)
    },
  )
}
