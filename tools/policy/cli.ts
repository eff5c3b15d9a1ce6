/**
 * What the policy commands share: reading the command line, where the versions
 * are and how messages name them, and how a refusal is printed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { policiesDirOf } from '#lib/content/policyFiles.ts';
import { RECORD_FILE, RecordError } from '#lib/publication/record.ts';

/** A refusal the person at the command line can act on: printed as `<command>: <message>`, without a stack trace. */
export class CommandError extends Error {
  override name = 'CommandError';
  /** Whether the message is followed by where the usage is. */
  readonly usage: boolean;

  constructor(message: string, { usage = false }: { usage?: boolean } = {}) {
    super(message);
    this.usage = usage;
  }
}

/** A command's options besides --help, by name: each a string or a switch. */
export type OptionTypes = Readonly<Record<string, 'string' | 'boolean'>>;

export type OptionValues<T extends OptionTypes> = { [K in keyof T]?: T[K] extends 'string' ? string : boolean };

export interface CommandLine<T extends OptionTypes> {
  values: OptionValues<T>;
  positionals: string[];
}

/** "the options are --date, --summary and --help", or "the only option is --help". */
function optionList(names: readonly string[]): string {
  const flags = names.map((name) => `--${name}`);
  if (flags.length === 1) return `the only option is ${flags[0]}`;
  return `the options are ${flags.slice(0, -1).join(', ')} and ${flags.at(-1)}`;
}

/**
 * Reads the command line of `npm run <name>`: its options, -h/--help, and
 * arguments where it takes them. Prints `usage` and returns undefined for
 * --help. Refuses an unknown option, an option given twice, a missing value, a
 * value given to a switch, and an argument where the command takes none.
 */
export function readCommandLine<T extends OptionTypes>(
  name: string,
  usage: string,
  options: T,
  {
    positionals: allowPositionals = false,
    argv = process.argv.slice(2),
  }: { positionals?: boolean; argv?: string[] } = {},
): CommandLine<T> | undefined {
  const names = [...Object.keys(options), 'help'];
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals,
      strict: true,
      tokens: true,
      options: {
        ...Object.fromEntries(Object.entries(options).map(([option, type]) => [option, { type }])),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs' own wording suggests '--' tricks that do not apply here.
    const { code, message } = error as { code?: string; message: string };
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    const refusal =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option "${quoted}": ${optionList(names)}.`
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `unexpected argument "${quoted}": npm run ${name} takes no arguments.`
          : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
            ? message.includes('argument missing')
              ? `${flag} needs a value.`
              : `${flag} takes no value.`
            : message.split('\n')[0]!;
    throw new CommandError(refusal, { usage: true });
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new CommandError(`--${token.name} is given twice: give it once.`, { usage: true });
    seen.add(token.name);
  }
  if (parsed.values['help']) {
    console.log(usage);
    return undefined;
  }
  return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
}

/** The folder of versions (POLICIES_DIR, from the working directory) and how messages name its files. */
export function locate() {
  const root = process.cwd();
  const policiesDir = path.resolve(root, policiesDirOf(process.env));
  /** A file's name in messages: from the working directory, with `/`; `file` may be relative to the folder of versions. */
  const sourceOf = (file: string) => path.relative(root, path.resolve(policiesDir, file)).split(path.sep).join('/');
  return {
    policiesDir,
    sourceOf,
    recordPath: path.join(policiesDir, RECORD_FILE),
    recordSource: sourceOf(RECORD_FILE),
  };
}

/**
 * Runs a command and sets its exit code: `main`'s, or 1 for a refusal (a
 * CommandError or a RecordError), printed as `<name>: <message>` without a
 * stack trace. Anything else is a bug and keeps its stack.
 */
export async function run(name: string, main: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (!(error instanceof CommandError || error instanceof RecordError)) throw error;
    console.error(`${name}: ${error.message}`);
    if (error instanceof CommandError && error.usage) console.error(`Run "npm run ${name} -- --help" for usage.`);
    process.exitCode = 1;
  }
}
