// End-to-end test of what the extension runs: the command config.ts
// builds from the settings is spawned exactly as the language client
// spawns an Executable (no transport, so no --stdio), and spoken to over
// its stdio with vscode-jsonrpc, the language client's own transport.
// It needs a shiplint binary: SHIPLINT_BIN (integration/vscode_test.go
// builds one and sets it); without it the test is skipped.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DOCUMENT_SELECTOR, findExecutable, serverCommand } from '../config';

const bin = process.env['SHIPLINT_BIN'];

interface Diagnostic {
  range: { start: { line: number; character: number } };
  severity: number;
  code: string;
  source?: string;
}

test(
  'the command built from the settings starts a server that reports diagnostics',
  { skip: bin === undefined || bin === '' ? 'SHIPLINT_BIN is not set (integration/vscode_test.go sets it)' : false, timeout: 60_000 },
  async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiplint-vscode-e2e-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'Dockerfile');
    const text = 'FROM debian\nRUN apt-get update\n';
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;

    const cmd = serverCommand(bin, ['--deadline', '20s'], { home: os.homedir(), workspaceFolder: dir });
    assert.deepEqual(cmd.args, ['lsp', '--deadline', '20s']);
    const program = findExecutable(cmd.command, process.env);
    assert.notEqual(program, undefined, `${cmd.command} not found`);

    const child = spawn(program as string, cmd.args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    // Requests from the server (client/registerCapability for its file
    // watchers) are acknowledged as VS Code would.
    conn.onRequest(() => null);
    const diagnostics = new Promise<Diagnostic[]>((resolve) => {
      conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
        if (p.uri === uri) {
          resolve(p.diagnostics);
        }
      });
    });
    conn.listen();
    t.after(() => {
      conn.dispose();
      child.kill();
    });

    const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'e2e' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    assert.equal(init.capabilities['hoverProvider'], true, JSON.stringify(init.capabilities));
    await conn.sendNotification('initialized', {});
    // The language ID VS Code gives a Dockerfile, which the selector sends.
    assert.ok(DOCUMENT_SELECTOR.some((f) => 'language' in f && f.language === 'dockerfile'));
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text },
    });

    const got = (await diagnostics).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`);
    // What `shiplint scan` reports for this file, in LSP terms: lines and
    // characters from 0; severity high → 1 (error), medium → 2 (warning),
    // low → 3 (information).
    assert.deepEqual(got.sort(), ['0:0 1 DF001', '0:0 2 DF002', '1:4 3 DF022', '1:4 3 DF025'], stderr);

    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    assert.equal(await exited, 0, stderr);
  },
);
