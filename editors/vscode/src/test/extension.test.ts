// Tests of extension.ts's activation under node, with a stand-in for the
// 'vscode' module (VS Code itself cannot be downloaded to run the
// extension host here): what the user sees when the settings or the
// program are wrong, before any server is started.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type * as Extension from '../extension';

interface Recorder {
  settings: Record<string, unknown>;
  errors: string[][];
  executed: unknown[][];
  commands: string[];
  watchers: string[];
  output: string[];
  onConfig: Array<(e: { affectsConfiguration(section: string): boolean }) => void>;
  /** The button the user "clicks" on the next error message. */
  answer: string | undefined;
}

// The stand-in 'vscode': the API extension.ts calls, and empty classes for
// the ones vscode-languageclient extends when it is loaded.
function fakeVSCode(r: Recorder): unknown {
  const disposable = { dispose() {} };
  const api: Record<string, unknown> = {
    workspace: {
      workspaceFolders: undefined,
      getConfiguration: (section: string) => ({ get: (key: string) => r.settings[`${section}.${key}`] }),
      createFileSystemWatcher: (glob: string) => {
        r.watchers.push(glob);
        return disposable;
      },
      onDidChangeConfiguration: (listener: Recorder['onConfig'][number]) => {
        r.onConfig.push(listener);
        return disposable;
      },
      onDidGrantWorkspaceTrust: () => disposable,
    },
    window: {
      createOutputChannel: () => ({ appendLine: (line: string) => r.output.push(line), append() {}, dispose() {} }),
      showErrorMessage: (...args: string[]) => {
        r.errors.push(args);
        return Promise.resolve(r.answer);
      },
    },
    commands: {
      registerCommand: (id: string) => {
        r.commands.push(id);
        return disposable;
      },
      executeCommand: (...args: unknown[]) => {
        r.executed.push(args);
        return Promise.resolve();
      },
    },
  };
  return new Proxy(api, { get: (target, p: string) => target[p] ?? class {} });
}

// activate loads a fresh copy of the extension (its state is per module)
// against a fresh recorder.
async function activate(settings: Record<string, unknown>, answer?: string): Promise<Recorder> {
  const r: Recorder = { settings, errors: [], executed: [], commands: [], watchers: [], output: [], onConfig: [], answer };
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fakeVSCode(r) : load.call(this, request, ...rest);
  };
  try {
    const file = require.resolve('../extension');
    delete require.cache[file];
    const ext = require(file) as typeof Extension;
    const subscriptions: unknown[] = [];
    await ext.activate({ subscriptions } as unknown as Parameters<typeof ext.activate>[0]);
  } finally {
    loader._load = load;
  }
  await settle();
  return r;
}

// settle lets the promise callbacks of a shown message run.
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

test('activate: registers the restart command and watches the configuration and policies', async () => {
  const r = await activate({ 'shiplint.path': '/nonexistent/bin/shiplint' });
  assert.deepEqual(r.commands, ['shiplint.restart']);
  assert.deepEqual(r.watchers, ['**/.shiplint.yaml', '**/*.rego']);
  assert.equal(r.onConfig.length, 1);
});

test('a missing program: an error naming shiplint.path, whose button opens it', async () => {
  const r = await activate({ 'shiplint.path': '/nonexistent/bin/shiplint' }, 'Open Settings');
  const message =
    'shiplint: /nonexistent/bin/shiplint does not exist or is not executable. Install shiplint (see docs/editors.md) or change the setting "shiplint.path" to the shiplint program.';
  assert.deepEqual(r.errors, [[message, 'Open Settings']]);
  assert.deepEqual(r.executed, [['workbench.action.openSettings', 'shiplint.path']]);
  assert.deepEqual(r.output, [message]);
});

test('a program not on PATH: the error says so and names shiplint.path', async (t) => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'shiplint-vscode-path-'));
  t.after(() => fs.rmSync(empty, { recursive: true, force: true }));
  const saved = process.env['PATH'];
  process.env['PATH'] = empty;
  t.after(() => {
    process.env['PATH'] = saved;
  });
  const r = await activate({});
  assert.deepEqual(r.errors, [
    [
      'shiplint: "shiplint" was not found on PATH. Install shiplint (see docs/editors.md) or set "shiplint.path" to the full path of the shiplint program.',
      'Open Settings',
    ],
  ]);
  assert.deepEqual(r.executed, []);
});

test('a wrong setting: the error names it and its button opens it', async () => {
  const r = await activate({ 'shiplint.path': '/nonexistent/bin/shiplint', 'shiplint.args': '--deadline 10s' }, 'Open Settings');
  assert.deepEqual(r.errors, [
    ['"shiplint.args" must be a list of strings, not the string "--deadline 10s".', 'Open Settings'],
  ]);
  assert.deepEqual(r.executed, [['workbench.action.openSettings', 'shiplint.args']]);
});

test('changing shiplint.path starts again with the new value; other settings do not', async () => {
  const r = await activate({ 'shiplint.path': '/nonexistent/a/shiplint' });
  const changed = r.onConfig[0];
  assert.ok(changed);
  changed({ affectsConfiguration: (s) => s === 'editor.fontSize' });
  await settle();
  assert.equal(r.errors.length, 1);

  r.settings['shiplint.path'] = '/nonexistent/b/shiplint';
  changed({ affectsConfiguration: (s) => s === 'shiplint.path' });
  // The restart is queued behind nothing; let it and its message run.
  await settle();
  await settle();
  assert.deepEqual(
    r.errors.map((e) => e[0]?.split(' ')[1]),
    ['/nonexistent/a/shiplint', '/nonexistent/b/shiplint'],
  );
});
