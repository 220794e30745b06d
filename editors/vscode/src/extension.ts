// The shiplint extension: starts `shiplint lsp` with vscode-languageclient
// and restarts it when its settings change. What to run and which
// documents to send are in config.ts, tested without VS Code.

import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR, WATCHED_FILES, SettingError, findExecutable, missingProgramMessage, serverCommand } from './config';

let client: LanguageClient | undefined;
let watchers: vscode.FileSystemWatcher[] = [];
let output: vscode.OutputChannel | undefined;
// Starts and stops run one after another: a settings change during a
// start waits for it instead of racing it.
let queue: Promise<void> = Promise.resolve();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One set of watchers for the extension's life; each client start
  // listens to them (the server also registers its own, when the client
  // supports dynamic registration; a second reload notice is harmless).
  watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  // One output channel across restarts, so the log of a server that
  // crashed stays next to the one that replaced it.
  output = vscode.window.createOutputChannel('shiplint');
  context.subscriptions.push(
    ...watchers,
    output,
    vscode.commands.registerCommand('shiplint.restart', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shiplint.path') || e.affectsConfiguration('shiplint.args')) {
        void restart();
      }
    }),
    // Workspace trust decides whether the workspace's own shiplint.path
    // and shiplint.args apply (package.json restrictedConfigurations).
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await enqueue(start);
}

export async function deactivate(): Promise<void> {
  await enqueue(stop);
}

function restart(): Promise<void> {
  return enqueue(async () => {
    await stop();
    await start();
  });
}

function enqueue(step: () => Promise<void>): Promise<void> {
  queue = queue.then(step).catch((err: unknown) => {
    output?.appendLine(`shiplint extension: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  });
  return queue;
}

async function start(): Promise<void> {
  const settings = vscode.workspace.getConfiguration('shiplint');
  let cmd;
  try {
    cmd = serverCommand(settings.get<unknown>('path'), settings.get<unknown>('args'), {
      home: os.homedir(),
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    });
  } catch (err) {
    if (err instanceof SettingError) {
      showError(err.message, err.setting);
      return;
    }
    throw err;
  }
  const program = findExecutable(cmd.command, process.env);
  if (program === undefined) {
    showError(missingProgramMessage(cmd.command), 'shiplint.path');
    return;
  }

  // No transport: with TransportKind.stdio the client would append
  // --stdio, which `shiplint lsp` rejects; without one it still talks
  // over the process's standard input and output.
  const serverOptions: ServerOptions = { command: program, args: cmd.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    synchronize: { fileEvents: watchers },
    ...(output !== undefined ? { outputChannel: output } : {}),
  };
  // The ID 'shiplint' makes the client read the setting shiplint.trace.server.
  const c = new LanguageClient('shiplint', 'shiplint', serverOptions, clientOptions);
  try {
    await c.start();
    client = c;
  } catch (err) {
    // The client has given up on this start; free what it holds.
    await c.dispose().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    showError(
      `shiplint: the language server (${program} ${cmd.args.join(' ')}) did not start: ${reason}. Check the settings "shiplint.path" and "shiplint.args", and the "shiplint" output.`,
      'shiplint.path',
    );
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c !== undefined) {
    await c.dispose();
  }
}

// showError does not wait for the user: activation and restarts go on
// while the message is up.
function showError(message: string, setting: string): void {
  output?.appendLine(message);
  const open = 'Open Settings';
  void vscode.window.showErrorMessage(message, open).then((choice) => {
    if (choice === open) {
      void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    }
  });
}
