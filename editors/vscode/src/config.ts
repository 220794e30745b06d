// The extension's pure logic: what to run and which documents to send.
// It imports nothing from 'vscode' (only types from the language client,
// erased when compiled), so the unit tests run it under plain node.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentFilter } from 'vscode-languageclient/node';

/** The program run when `shiplint.path` is not set. */
export const DEFAULT_PATH = 'shiplint';

/**
 * The documents the client sends to the server. The server decides by file
 * name and content what a document is and answers nothing for the rest, so
 * sending every YAML and JSON file costs one classification each. Only
 * files on disk: the server reads the nearest .shiplint.yaml from the
 * document's directory, which an untitled buffer does not have.
 */
export const DOCUMENT_SELECTOR: readonly TextDocumentFilter[] = [
  { scheme: 'file', language: 'dockerfile' },
  // The Docker extension gives Compose files this language ID instead of yaml.
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  // Dockerfiles by name whatever language VS Code gave them (Containerfile
  // and `*.Dockerfile` are plain text without the Docker extension), as
  // shiplint names them (discover.KindOfName).
  {
    scheme: 'file',
    pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}',
  },
];

/**
 * Files whose changes the client reports to the server
 * (workspace/didChangeWatchedFiles): the configuration and policy files
 * that change which rules apply, so the server reloads them.
 */
export const WATCHED_FILES: readonly string[] = ['**/.shiplint.yaml', '**/*.rego'];

/** A setting whose value cannot be used; the message names the setting. */
export class SettingError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'SettingError';
  }
}

/** What the client spawns. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** Where relative settings are resolved. */
export interface Context {
  /** The user's home directory, for a `~/` path. */
  home: string;
  /** The first workspace folder, for a relative path such as `./bin/shiplint`. */
  workspaceFolder?: string | undefined;
}

/**
 * serverCommand turns the settings `shiplint.path` and `shiplint.args`
 * (as read, so of any JSON type) into the command `<path> lsp <args...>`.
 * An empty path means the default; a path with a directory in it is made
 * absolute (`~/` from the home directory, relative from the workspace
 * folder), because the server's working directory is not the user's shell's.
 */
export function serverCommand(pathSetting: unknown, argsSetting: unknown, ctx: Context): ServerCommand {
  if (pathSetting !== undefined && pathSetting !== null && typeof pathSetting !== 'string') {
    throw new SettingError('shiplint.path', `"shiplint.path" must be a string (the shiplint program), not ${describe(pathSetting)}.`);
  }
  let command = (pathSetting ?? '').trim() || DEFAULT_PATH;
  if (command === '~' || command.startsWith('~/') || command.startsWith('~\\')) {
    command = path.join(ctx.home, command.slice(1));
  } else if (hasDirectory(command) && !path.isAbsolute(command)) {
    if (ctx.workspaceFolder === undefined) {
      throw new SettingError(
        'shiplint.path',
        `"shiplint.path" is the relative path ${JSON.stringify(command)} but no folder is open to resolve it from: use an absolute path.`,
      );
    }
    command = path.resolve(ctx.workspaceFolder, command);
  }

  const args = ['lsp'];
  if (argsSetting !== undefined && argsSetting !== null) {
    if (!Array.isArray(argsSetting)) {
      throw new SettingError('shiplint.args', `"shiplint.args" must be a list of strings, not ${describe(argsSetting)}.`);
    }
    argsSetting.forEach((arg: unknown, i: number) => {
      if (typeof arg !== 'string') {
        throw new SettingError('shiplint.args', `"shiplint.args" must be a list of strings: item ${i + 1} is ${describe(arg)}.`);
      }
      args.push(arg);
    });
  }
  return { command, args };
}

/** The environment findExecutable reads: PATH, and PATHEXT on Windows. */
export interface SearchEnv {
  PATH?: string | undefined;
  Path?: string | undefined;
  PATHEXT?: string | undefined;
}

/**
 * findExecutable returns the file the OS would run for command, or
 * undefined when there is none. A command with a directory is checked as
 * it is; a bare name is looked up in PATH (with PATHEXT's extensions on
 * Windows). Checking before spawning lets the extension say which setting
 * to change instead of the language client's generic "spawn ENOENT".
 */
export function findExecutable(command: string, env: SearchEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const win = platform === 'win32';
  const exts = win ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '')] : [''];
  const candidates = (base: string) => exts.map((ext) => base + ext);
  if (hasDirectory(command)) {
    return candidates(command).find((p) => isExecutableFile(p, win));
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(win ? ';' : ':');
  for (const dir of dirs) {
    // An empty entry in PATH is the current directory, which for the
    // extension host is no directory the user chose: skip it.
    if (dir === '') {
      continue;
    }
    const found = candidates(path.join(dir, command)).find((p) => isExecutableFile(p, win));
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The message shown when the program is not found, naming the setting to change. */
export function missingProgramMessage(command: string): string {
  if (hasDirectory(command)) {
    return `shiplint: ${command} does not exist or is not executable. Install shiplint (see docs/editors.md) or change the setting "shiplint.path" to the shiplint program.`;
  }
  return `shiplint: "${command}" was not found on PATH. Install shiplint (see docs/editors.md) or set "shiplint.path" to the full path of the shiplint program.`;
}

function isExecutableFile(p: string, win: boolean): boolean {
  try {
    const st = fs.statSync(p);
    // Windows has no execute bit: a file with a PATHEXT extension runs.
    return st.isFile() && (win || (st.mode & 0o111) !== 0);
  } catch {
    return false;
  }
}

function hasDirectory(command: string): boolean {
  return command.includes('/') || command.includes('\\');
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (value === null) {
    return 'null';
  }
  return `${typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`}`;
}
