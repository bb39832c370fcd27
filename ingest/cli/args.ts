import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command line that cannot be run as given: the message names what to fix; the command's usage follows it (stderr, exit 1). */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** `-h` or `--help` was given: the command's usage is the answer (stdout, exit 0), and nothing runs. */
export class HelpRequested {
  constructor(readonly usage: string) {}
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Parses a command's arguments against its options (and -h/--help, which wins over everything
 * else), allowing at most `maxPositionals` and each option with a value once. Anything else is a UsageError with a one-line reason:
 * node's own messages run over several lines and tell nothing of the command.
 */
export function parseCommand<T extends Options>(args: string[], usage: string, options: T, maxPositionals: number) {
  const all = { ...options, ...HELP };
  const { tokens } = parseArgs({ args, options: all, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) throw new HelpRequested(usage);
  const given = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const type = all[t.name]?.type;
    if (!type) throw new UsageError(`unknown option ${t.rawName}`, usage);
    // The last of two values would win without a word (`--from a --from b` exports from b).
    if (type === 'string' && given.has(t.name)) throw new UsageError(`${t.rawName} is given more than once`, usage);
    given.add(t.name);
    // As node's strict mode: `--id --depth 2` is a forgotten value, not the id "--depth".
    if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) throw new UsageError(`${t.rawName} needs a value`, usage);
    if (type === 'boolean' && t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`, usage);
  }
  const extra = tokens.filter((t) => t.kind === 'positional').slice(maxPositionals);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra.map((t) => t.value).join(' '))}`, usage);
  return parseArgs({ args, options: all, allowPositionals: true });
}

/**
 * A whole-number option from `min` to `max`, or undefined when it was not given; the message names
 * the option as typed. Number() would turn "abc" into NaN and "" into 0 without a word, so the text is checked.
 */
export function wholeNumberOption(value: string | undefined, option: string, usage: string, min: number, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
  const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
  throw new UsageError(`--${option} must be a whole number ${range}, got ${JSON.stringify(value.slice(0, 40))}`, usage);
}
