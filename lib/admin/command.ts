/** An admin CLI command: lib/admin/commands/<name>.ts default-exports one; `npm run rules -- <name>` runs it. */
export interface AdminCommand {
  summary: string;
  usage: string;
  /** Resolves to the process exit code: 0 ok, 1 findings/verification failure, 2 bad input. */
  run(args: string[]): Promise<number>;
}
