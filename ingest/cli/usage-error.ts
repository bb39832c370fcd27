/** A command line that cannot be run as given: the message names what to fix; the command's usage follows it. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/**
 * A whole-number option of at least `min`, or undefined when it was not given. Number() would
 * turn "abc" into NaN and "" into 0 without a word, so the text is checked instead.
 */
export function wholeNumberOption(value: string | undefined, option: string, min: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min)
    throw new UsageError(`--${option} must be a whole number of at least ${min}, got ${JSON.stringify(value.slice(0, 40))}`, usage);
  return Number(value);
}
