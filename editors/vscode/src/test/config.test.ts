// Unit tests of config.ts under node's own test runner (no VS Code):
// `npm test` after `npm run compile`.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { DOCUMENT_SELECTOR, SettingError, WATCHED_FILES, findExecutable, missingProgramMessage, serverCommand } from '../config';

const ctx = { home: '/home/dev', workspaceFolder: '/work/repo' };

test('serverCommand: defaults to `shiplint lsp`', () => {
  assert.deepEqual(serverCommand(undefined, undefined, ctx), { command: 'shiplint', args: ['lsp'] });
  assert.deepEqual(serverCommand('', [], ctx), { command: 'shiplint', args: ['lsp'] });
  assert.deepEqual(serverCommand('   ', null, ctx), { command: 'shiplint', args: ['lsp'] });
});

test('serverCommand: extra arguments follow lsp, in order', () => {
  assert.deepEqual(serverCommand('/opt/shiplint/bin/shiplint', ['--deadline', '10s'], ctx), {
    command: '/opt/shiplint/bin/shiplint',
    args: ['lsp', '--deadline', '10s'],
  });
});

test('serverCommand: a bare name stays a name for the PATH lookup', () => {
  assert.deepEqual(serverCommand('shiplint-dev', [], ctx), { command: 'shiplint-dev', args: ['lsp'] });
});

test('serverCommand: ~/ is the home directory, a relative path the workspace folder', () => {
  assert.equal(serverCommand('~/go/bin/shiplint', [], ctx).command, '/home/dev/go/bin/shiplint');
  assert.equal(serverCommand('./bin/shiplint', [], ctx).command, '/work/repo/bin/shiplint');
  assert.equal(serverCommand('bin/shiplint', [], ctx).command, '/work/repo/bin/shiplint');
  assert.equal(serverCommand(' /usr/local/bin/shiplint ', [], ctx).command, '/usr/local/bin/shiplint');
});

test('serverCommand: a relative path without a folder open is an error naming shiplint.path', () => {
  assert.throws(
    () => serverCommand('bin/shiplint', [], { home: '/home/dev' }),
    (err: unknown) =>
      err instanceof SettingError &&
      err.setting === 'shiplint.path' &&
      err.message ===
        '"shiplint.path" is the relative path "bin/shiplint" but no folder is open to resolve it from: use an absolute path.',
  );
});

test('serverCommand: settings of the wrong type are errors naming the setting', () => {
  const cases: Array<[unknown, unknown, string, string]> = [
    [42, [], 'shiplint.path', '"shiplint.path" must be a string (the shiplint program), not the number 42.'],
    [['shiplint'], [], 'shiplint.path', '"shiplint.path" must be a string (the shiplint program), not a list.'],
    ['shiplint', '--deadline 10s', 'shiplint.args', '"shiplint.args" must be a list of strings, not the string "--deadline 10s".'],
    ['shiplint', { deadline: '10s' }, 'shiplint.args', '"shiplint.args" must be a list of strings, not an object.'],
    ['shiplint', ['--deadline', 10], 'shiplint.args', '"shiplint.args" must be a list of strings: item 2 is the number 10.'],
  ];
  for (const [p, a, setting, message] of cases) {
    assert.throws(
      () => serverCommand(p, a, ctx),
      (err: unknown) => err instanceof SettingError && err.setting === setting && err.message === message,
      `path=${JSON.stringify(p)} args=${JSON.stringify(a)}`,
    );
  }
});

test('DOCUMENT_SELECTOR: files on disk of the languages and names shiplint reads', () => {
  assert.deepEqual(DOCUMENT_SELECTOR, [
    { scheme: 'file', language: 'dockerfile' },
    { scheme: 'file', language: 'dockercompose' },
    { scheme: 'file', language: 'yaml' },
    { scheme: 'file', language: 'json' },
    {
      scheme: 'file',
      pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}',
    },
  ]);
});

test('WATCHED_FILES: the configuration and policies', () => {
  assert.deepEqual(WATCHED_FILES, ['**/.shiplint.yaml', '**/*.rego']);
});

test('findExecutable: looks up a name in PATH, skipping files that are not executable', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiplint-vscode-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const first = path.join(dir, 'a');
  const second = path.join(dir, 'b');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
  fs.writeFileSync(path.join(first, 'shiplint'), 'not executable\n', { mode: 0o644 });
  fs.writeFileSync(path.join(second, 'shiplint'), '#!/bin/sh\n', { mode: 0o755 });
  fs.mkdirSync(path.join(first, 'shiplint-dir'));

  const env = { PATH: ['', first, path.join(dir, 'missing'), second].join(':') };
  assert.equal(findExecutable('shiplint', env, 'linux'), path.join(second, 'shiplint'));
  assert.equal(findExecutable('shiplint-dir', env, 'linux'), undefined);
  assert.equal(findExecutable('shiplint', { PATH: first }, 'linux'), undefined);
  assert.equal(findExecutable('shiplint', {}, 'linux'), undefined);
  // A path is checked as it is, not looked up.
  assert.equal(findExecutable(path.join(second, 'shiplint'), { PATH: '' }, 'linux'), path.join(second, 'shiplint'));
  assert.equal(findExecutable(path.join(first, 'shiplint'), env, 'linux'), undefined);
});

test('findExecutable: on Windows tries PATHEXT and needs no execute bit', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiplint-vscode-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'shiplint.EXE'), 'MZ', { mode: 0o644 });
  assert.equal(findExecutable('shiplint', { Path: dir, PATHEXT: '.COM;.EXE' }, 'win32'), path.join(dir, 'shiplint.EXE'));
  assert.equal(findExecutable('shiplint', { Path: dir, PATHEXT: '.COM;.BAT' }, 'win32'), undefined);
});

test('missingProgramMessage names the setting to change', () => {
  assert.equal(
    missingProgramMessage('shiplint'),
    'shiplint: "shiplint" was not found on PATH. Install shiplint (see docs/editors.md) or set "shiplint.path" to the full path of the shiplint program.',
  );
  assert.equal(
    missingProgramMessage('/opt/bin/shiplint'),
    'shiplint: /opt/bin/shiplint does not exist or is not executable. Install shiplint (see docs/editors.md) or change the setting "shiplint.path" to the shiplint program.',
  );
});
