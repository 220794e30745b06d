package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestNvimLSP drives `shiplint lsp` with a real editor client: headless
// Neovim (Debian bookworm's 0.7.2, so only the LSP API 0.7 has) opens a bad
// Dockerfile and a bad Kubernetes manifest, receives the diagnostics,
// requests the code actions at one finding, applies the rule's fix (the
// preferred action), writes the file and stops the server. The test then
// checks what the editor saw against `shiplint scan --format json` on the
// same files (one engine), rescans the saved files, and compares them with
// the text the fix must produce.
//
// Without nvim the test is skipped, unless SHIPLINT_REQUIRE_CLIENTS=1 (set
// by .ci/run, which installs neovim): then it fails, so CI cannot pass by
// skipping it.
func TestNvimLSP(t *testing.T) {
	nvim, err := lookTool("nvim")
	if err != nil {
		if os.Getenv("SHIPLINT_REQUIRE_CLIENTS") == "1" {
			t.Fatalf("SHIPLINT_REQUIRE_CLIENTS=1 but Neovim is missing (install it: apt-get install --no-install-recommends neovim): %v", err)
		}
		t.Skipf("Neovim is not installed (apt-get install --no-install-recommends neovim; .ci/run does): %v", err)
	}
	bin := shiplint(t)

	cases := []nvimCase{
		{
			path: "Dockerfile",
			text: "# syntax=docker/dockerfile:1\n" +
				"FROM ubuntu:22.04\n" +
				"LABEL org.opencontainers.image.source=\"https://example.com/app\"\n" +
				"RUN apt-get update \\\n" +
				" && apt-get install curl\n" +
				"COPY app /usr/local/bin/app\n" +
				"USER app\n" +
				"ENTRYPOINT [\"/usr/local/bin/app\"]\n",
			want:    []string{"DF047@2", "DF022@4", "DF020@5", "DF021@5", "DF030@5"},
			fixRule: "DF020", fixLine: 5,
			// The request covers DF020's range, which DF021 and DF030 share:
			// both fixes, then per finding suppress and disable.
			wantActions: []string{
				"Fix DF020: Add -y (preferred)",
				"Suppress DF020 on this line",
				"Disable DF020 in .shiplint.yaml",
				"Fix DF021: Add --no-install-recommends (preferred)",
				"Suppress DF021 on this line",
				"Disable DF021 in .shiplint.yaml",
				"Suppress DF030 on this line",
				"Disable DF030 in .shiplint.yaml",
			},
			fixed: "# syntax=docker/dockerfile:1\n" +
				"FROM ubuntu:22.04\n" +
				"LABEL org.opencontainers.image.source=\"https://example.com/app\"\n" +
				"RUN apt-get update \\\n" +
				" && apt-get install -y curl\n" +
				"COPY app /usr/local/bin/app\n" +
				"USER app\n" +
				"ENTRYPOINT [\"/usr/local/bin/app\"]\n",
		},
		{
			path: "deploy/web.yaml",
			text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: registry.example.com/web:1.25
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {cpu: 500m, memory: 128Mi}
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
          securityContext:
            allowPrivilegeEscalation: true
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`,
			want:    []string{"KS037@23", "KS016@32"},
			fixRule: "KS016", fixLine: 32,
			wantActions: []string{
				"Fix KS016: Set allowPrivilegeEscalation: false (preferred)",
				"Suppress KS016 on this line",
				"Disable KS016 in .shiplint.yaml",
			},
		},
	}
	cases[1].fixed = strings.Replace(cases[1].text, "allowPrivilegeEscalation: true", "allowPrivilegeEscalation: false", 1)

	ws := t.TempDir()
	// A .git directory makes the workspace its own repository root, so no
	// .shiplint.yaml above the temporary directory can apply.
	if err := os.Mkdir(filepath.Join(ws, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	var paths []string
	for _, c := range cases {
		files[c.path] = c.text
		paths = append(paths, c.path)
	}
	writeFiles(t, ws, files)

	// What the CLI reports on the files as the editor will open them.
	scanned := nvimScan(t, bin, ws, paths...)
	for _, c := range cases {
		if got := nvimFindingKeys(scanned[c.path]); !slices.Equal(got, c.want) {
			t.Fatalf("shiplint scan %s: findings %v, want %v (the test's fixture no longer fires what it expects)", c.path, got, c.want)
		}
	}

	out := runNvim(t, nvim, bin, ws, cases)

	if out.ServerExit.Code != 0 || out.ServerExit.Signal != 0 {
		t.Errorf("shiplint lsp exited with code %d signal %d after shutdown, want 0", out.ServerExit.Code, out.ServerExit.Signal)
	}
	if len(out.LogMessages) != 0 {
		t.Errorf("the server sent window/logMessage: %q", out.LogMessages)
	}
	if len(out.Files) != len(cases) {
		t.Fatalf("nvim reported %d files, want %d", len(out.Files), len(cases))
	}
	// The saved files, as the CLI sees them after the fixes.
	rescanned := nvimScan(t, bin, ws, paths...)

	for i, c := range cases {
		got := out.Files[i]
		if got.Path != filepath.Join(ws, filepath.FromSlash(c.path)) {
			t.Fatalf("nvim file %d is %s, want %s", i, got.Path, c.path)
		}
		// The editor's diagnostics: the expected (rule, line) set, and
		// finding for finding what the CLI reports (line, column,
		// message, severity), so both come from one engine.
		if k := nvimKeys(got.Diagnostics); !slices.Equal(k, c.want) {
			t.Errorf("%s: Neovim got diagnostics %v, want %v", c.path, k, c.want)
		}
		nvimCompare(t, c.path+" (as opened)", got.Diagnostics, scanned[c.path])

		if !slices.Equal(got.Actions, c.wantActions) {
			t.Errorf("%s: code actions at %s line %d:\n got %q\nwant %q", c.path, c.fixRule, c.fixLine, got.Actions, c.wantActions)
		}
		if want := c.wantActions[0]; got.Applied+" (preferred)" != want {
			t.Errorf("%s: applied %q, want %q", c.path, got.Applied, strings.TrimSuffix(want, " (preferred)"))
		}

		data, err := os.ReadFile(filepath.Join(ws, filepath.FromSlash(c.path)))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != c.fixed {
			t.Errorf("%s after the fix and :write:\n%s\nwant:\n%s", c.path, data, c.fixed)
		}

		// After the fix: the rule is gone at that line, the rest is
		// unchanged, in the editor and in a rescan of the saved file.
		var wantAfter []string
		for _, k := range c.want {
			if k != fmt.Sprintf("%s@%d", c.fixRule, c.fixLine) {
				wantAfter = append(wantAfter, k)
			}
		}
		if k := nvimFindingKeys(rescanned[c.path]); !slices.Equal(k, wantAfter) {
			t.Errorf("shiplint scan %s after the fix: %v, want %v", c.path, k, wantAfter)
		}
		if k := nvimKeys(got.After); !slices.Equal(k, wantAfter) {
			t.Errorf("%s: Neovim diagnostics after the fix %v, want %v", c.path, k, wantAfter)
		}
		nvimCompare(t, c.path+" (after the fix)", got.After, rescanned[c.path])
	}
}

// nvimCase is one file the editor opens and the fix it applies there.
type nvimCase struct {
	path, text string
	// want are the findings as RULE@LINE, in the CLI's order.
	want        []string
	fixRule     string
	fixLine     int
	wantActions []string // titles, " (preferred)" when isPreferred
	fixed       string   // the file after the fix
}

// nvimOutput is what the Lua driver writes.
type nvimOutput struct {
	Files []struct {
		Path        string     `json:"path"`
		Diagnostics []nvimDiag `json:"diagnostics"`
		Actions     []string   `json:"actions"`
		Applied     string     `json:"applied"`
		After       []nvimDiag `json:"after"`
	} `json:"files"`
	ServerExit struct {
		Code   int `json:"code"`
		Signal int `json:"signal"`
	} `json:"server_exit"`
	LogMessages []string `json:"log_messages"`
}

// nvimDiag is one entry of vim.diagnostic.get(): 1-based line and column.
type nvimDiag struct {
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Severity int    `json:"severity"` // vim.diagnostic.severity: 1 error .. 4 hint
	Source   string `json:"source"`
}

// nvimFinding is the part of `shiplint scan --format json` compared here.
type nvimFinding struct {
	RuleID   string `json:"ruleId"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Path     string `json:"path"`
	Range    struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	} `json:"range"`
}

// nvimScan runs `shiplint scan --format json` on paths in dir and returns
// the findings by path. Every scan here has low findings left, so the exit
// status must be 1 (the default --fail-on low).
func nvimScan(t *testing.T, bin, dir string, paths ...string) map[string][]nvimFinding {
	t.Helper()
	r := run(t, dir, nil, 2*time.Minute, bin, append([]string{"scan", "--format", "json"}, paths...)...)
	if r.code != 1 {
		t.Fatalf("shiplint scan --format json %s: exit %d, want 1 (findings)\n%s", strings.Join(paths, " "), r.code, r.combined())
	}
	var report struct {
		Findings []nvimFinding `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("shiplint scan --format json: %v\n%s", err, r.stdout)
	}
	out := map[string][]nvimFinding{}
	for _, f := range report.Findings {
		out[f.Path] = append(out[f.Path], f)
	}
	return out
}

func nvimFindingKeys(fs []nvimFinding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%d", f.RuleID, f.Range.StartLine))
	}
	return out
}

// nvimKeys are RULE@LINE in the CLI's order (line, column, rule ID), so
// the two lists compare as they are.
func nvimKeys(ds []nvimDiag) []string {
	nvimSortDiags(ds)
	out := []string{}
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s@%d", d.Code, d.Line))
	}
	return out
}

func nvimSortDiags(ds []nvimDiag) {
	slices.SortStableFunc(ds, func(a, b nvimDiag) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return strings.Compare(a.Code, b.Code)
	})
}

// vimSeverity is vim.diagnostic.severity for a shiplint severity, by way of
// the LSP severity the server maps it to (docs/editors.md).
var vimSeverity = map[string]int{"critical": 1, "high": 1, "medium": 2, "low": 3, "info": 4}

// nvimCompare checks that the editor's diagnostics are the CLI's
// findings: same rule, line, column, message and severity, same order.
func nvimCompare(t *testing.T, what string, ds []nvimDiag, fs []nvimFinding) {
	t.Helper()
	nvimSortDiags(ds)
	if len(ds) != len(fs) {
		t.Errorf("%s: Neovim has %d diagnostics, shiplint scan %d findings:\n%v\n%v", what, len(ds), len(fs), nvimKeys(ds), nvimFindingKeys(fs))
		return
	}
	for i, f := range fs {
		d := ds[i]
		want := nvimDiag{Line: f.Range.StartLine, Col: max(f.Range.StartColumn, 1), Code: f.RuleID, Message: f.Message, Severity: vimSeverity[f.Severity], Source: "shiplint"}
		if d != want {
			t.Errorf("%s: diagnostic %d in Neovim\n%+v\nfrom shiplint scan\n%+v", what, i, d, want)
		}
	}
}

// runNvim writes the Lua driver and its configuration into a temporary
// directory, runs headless Neovim on them with no user configuration, and
// returns what the driver wrote. A Lua error, a timeout inside the driver
// (vim.wait) or outside it fails the test with the Lua error, Neovim's
// output and the LSP log (where Neovim also puts the server's stderr).
func runNvim(t *testing.T, nvim, bin, ws string, cases []nvimCase) nvimOutput {
	t.Helper()
	dir := t.TempDir()
	type fileCfg struct {
		Path    string `json:"path"`
		FixRule string `json:"fix_rule"`
		FixLine int    `json:"fix_line"`
	}
	cfg := struct {
		Bin       string    `json:"bin"`
		Root      string    `json:"root"`
		Out       string    `json:"out"`
		Error     string    `json:"error"`
		TimeoutMS int       `json:"timeout_ms"`
		Files     []fileCfg `json:"files"`
	}{
		Bin: bin, Root: ws,
		Out:   filepath.Join(dir, "out.json"),
		Error: filepath.Join(dir, "error.txt"),
		// Generous: the first scan compiles the rule pack, and CI
		// machines are slow and shared.
		TimeoutMS: 20000,
	}
	for _, c := range cases {
		cfg.Files = append(cfg.Files, fileCfg{Path: filepath.Join(ws, filepath.FromSlash(c.path)), FixRule: c.fixRule, FixLine: c.fixLine})
	}
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"e2e.lua": nvimDriver, "config.json": string(cfgJSON)})

	// Neovim's own directories in the temporary directory: nothing of the
	// user's is read, nothing is left behind, and the LSP log is ours.
	home := filepath.Join(dir, "home")
	env := []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"XDG_RUNTIME_DIR=" + filepath.Join(home, "run"),
		"SHIPLINT_E2E_CONFIG=" + filepath.Join(dir, "config.json"),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE",
		"-u", filepath.Join(dir, "e2e.lua"), "-c", "lua ShiplintE2E()")
	cmd.Dir = ws
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	report := func() string {
		var b strings.Builder
		if data, err := os.ReadFile(cfg.Error); err == nil {
			fmt.Fprintf(&b, "Lua error:\n%s\n", data)
		}
		fmt.Fprintf(&b, "nvim stdout:\n%s\nnvim stderr:\n%s\n", stdout.String(), stderr.String())
		if log := nvimLSPLog(home); log != "" {
			if s := nvimServerStderr(log); s != "" {
				fmt.Fprintf(&b, "server stderr (from the LSP log):\n%s\n", s)
			}
			if len(log) > 16000 {
				log = "...\n" + log[len(log)-16000:]
			}
			fmt.Fprintf(&b, "LSP log:\n%s\n", log)
		}
		return b.String()
	}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("nvim did not finish within 3 minutes\n%s", report())
	case errors.As(runErr, &exit):
		t.Fatalf("nvim exited with code %d\n%s", exit.ExitCode(), report())
	case runErr != nil:
		t.Fatalf("running nvim: %v\n%s", runErr, report())
	}
	data, err := os.ReadFile(cfg.Out)
	if err != nil {
		t.Fatalf("nvim exited 0 but wrote no result: %v\n%s", err, report())
	}
	var out nvimOutput
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("nvim result %s: %v\n%s", data, err, report())
	}
	if s := nvimServerStderr(nvimLSPLog(home)); s != "" {
		t.Errorf("shiplint lsp wrote to stderr (a panic or an internal error):\n%s", s)
	}
	return out
}

// nvimLSPLog is Neovim's LSP log under home: in stdpath('cache') up to 0.9,
// in stdpath('state') from 0.10.
func nvimLSPLog(home string) string {
	var b strings.Builder
	for _, p := range []string{filepath.Join(home, "cache", "nvim", "lsp.log"), filepath.Join(home, "state", "nvim", "lsp.log")} {
		if data, err := os.ReadFile(p); err == nil {
			b.Write(data)
		}
	}
	return b.String()
}

// nvimServerStderr is what the server wrote to stderr: Neovim logs each
// chunk as an ERROR entry tagged "stderr".
func nvimServerStderr(log string) string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, `"rpc"`) && strings.Contains(line, `"stderr"`) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// nvimDriver is the Lua the test runs in Neovim. It uses only the LSP API
// of Neovim 0.7 (Debian bookworm): vim.lsp.start_client, buf_attach_client,
// client.request_sync, util.apply_workspace_edit with an encoding.
const nvimDriver = `-- Written by integration/nvim_test.go; see TestNvimLSP.
vim.opt.swapfile = false
vim.opt.more = false

local published = {}    -- uri -> the last textDocument/publishDiagnostics params
local log_messages = {} -- window/logMessage texts
local server_exit = nil

local function readjson(path)
  return vim.fn.json_decode(table.concat(vim.fn.readfile(path), '\n'))
end

local function writefile(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

-- The version the client last sent for the buffer: a publish with this
-- version is about the text now in the buffer.
local function buf_version(bufnr)
  local v = vim.lsp.util.buf_versions[bufnr]
  if v == nil then
    v = vim.api.nvim_buf_get_changedtick(bufnr)
  end
  return v
end

local function wait_for(what, timeout, cond, state)
  if not vim.wait(timeout, cond, 20) then
    error(string.format('timed out after %d ms waiting for %s (%s)', timeout, what, state()), 0)
  end
end

local function diagnostics(bufnr)
  local rows = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(rows, {
      line = d.lnum + 1, col = d.col + 1, code = tostring(code),
      message = d.message, severity = d.severity, source = d.source or '',
    })
  end
  return rows
end

local function main(cfg)
  vim.lsp.set_log_level('debug')
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result
      return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
    end,
    ['window/logMessage'] = function(_, result)
      table.insert(log_messages, result.message)
    end,
  }
  local client_id = vim.lsp.start_client({
    name = 'shiplint',
    cmd = { cfg.bin, 'lsp' },
    root_dir = cfg.root,
    handlers = handlers,
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    error('vim.lsp.start_client could not start ' .. cfg.bin .. ' lsp', 0)
  end

  local out = { files = {} }
  for _, file in ipairs(cfg.files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
    local bufnr = vim.api.nvim_get_current_buf()
    if not vim.lsp.buf_attach_client(bufnr, client_id) then
      error('buf_attach_client failed for ' .. file.path, 0)
    end
    local uri = vim.uri_from_bufnr(bufnr)
    local function current()
      local p = published[uri]
      return p ~= nil and p.version == buf_version(bufnr)
    end
    local function state()
      local p = published[uri]
      if server_exit then
        return 'the server exited with code ' .. server_exit.code
      end
      if p == nil then
        return 'no publishDiagnostics for ' .. uri
      end
      return string.format('last publishDiagnostics for version %s, buffer at %s', tostring(p.version), tostring(buf_version(bufnr)))
    end
    wait_for('diagnostics for ' .. file.path, cfg.timeout_ms, current, state)
    local rec = { path = file.path, diagnostics = diagnostics(bufnr), actions = {} }

    local target
    for _, d in ipairs(published[uri].diagnostics) do
      if d.code == file.fix_rule and d.range.start.line + 1 == file.fix_line then
        target = d
      end
    end
    if target == nil then
      error(string.format('no %s diagnostic at line %d of %s', file.fix_rule, file.fix_line, file.path), 0)
    end
    local client = vim.lsp.get_client_by_id(client_id)
    local resp, why = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = uri },
      range = target.range,
      context = { diagnostics = { target } },
    }, cfg.timeout_ms, bufnr)
    if resp == nil then
      error('textDocument/codeAction: ' .. tostring(why), 0)
    end
    if resp.err then
      error('textDocument/codeAction: ' .. vim.inspect(resp.err), 0)
    end
    local chosen
    for _, a in ipairs(resp.result or {}) do
      local title = a.title
      if a.isPreferred then
        title = title .. ' (preferred)'
      end
      table.insert(rec.actions, title)
      if chosen == nil and a.isPreferred and vim.startswith(a.title, 'Fix ' .. file.fix_rule) then
        chosen = a
      end
    end
    if chosen == nil then
      error('no preferred "Fix ' .. file.fix_rule .. '" action among ' .. vim.inspect(rec.actions), 0)
    end
    if chosen.edit == nil then
      error('the action "' .. chosen.title .. '" has no edit', 0)
    end
    rec.applied = chosen.title
    local before = buf_version(bufnr)
    vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
    if buf_version(bufnr) == before then
      error('applying "' .. chosen.title .. '" did not change ' .. file.path, 0)
    end
    wait_for('diagnostics after the fix in ' .. file.path, cfg.timeout_ms, current, state)
    vim.cmd('write')
    rec.after = diagnostics(bufnr)
    table.insert(out.files, rec)
  end

  vim.lsp.stop_client(client_id)
  wait_for('the server to exit after shutdown', cfg.timeout_ms, function()
    return server_exit ~= nil
  end, function()
    return 'still running'
  end)
  out.server_exit = server_exit
  out.log_messages = log_messages
  writefile(cfg.out, vim.fn.json_encode(out))
end

function ShiplintE2E()
  local cfg
  local ok, err = xpcall(function()
    cfg = readjson(vim.env.SHIPLINT_E2E_CONFIG)
    main(cfg)
  end, debug.traceback)
  if not ok then
    -- The test prints the error file; stderr is for when there is none.
    if not (cfg and cfg.error and pcall(writefile, cfg.error, tostring(err))) then
      io.stderr:write(tostring(err) .. '\n')
    end
    vim.cmd('cquit')
  end
  vim.cmd('qall!')
end
`
