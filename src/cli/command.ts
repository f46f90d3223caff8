// A CLI subcommand. Each lives in src/cli/commands/<name>.ts and is listed in src/cli/commands/index.ts.
export interface CliCommand {
  name: string;
  /** One line for `nesy --help`. */
  summary: string;
  /** Full usage text for `nesy <name> --help`. */
  usage: string;
  /** Returns the process exit code. Writes results to stdout, problems to stderr. */
  run(args: string[]): Promise<number>;
}
