package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/shiplint/shiplint/internal/finding"
)

// client is the editor side of an in-process session: it speaks JSON-RPC
// to the server over io.Pipe, records the server's notifications and
// answers its requests (client/registerCapability) with null, from another
// goroutine: io.Pipe has no buffer, and a client that answered on
// its read loop would wait on a server waiting on it.
type client struct {
	t      testing.TB
	conn   *jsonrpc2.Conn
	server *Server
	mu     sync.Mutex
	notes  []*jsonrpc2.Request
	cond   *sync.Cond
	log    *strings.Builder
}

type pipes struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (p pipes) Close() error {
	for _, c := range p.closers {
		c.Close()
	}
	return nil
}

func start(t testing.TB, opt Options, hook ...func(method string)) *client {
	t.Helper()
	return startIn(t, opt, nil, hook...)
}

// startIn is start with the client's workspace root (rootUri; nil for none).
func startIn(t testing.TB, opt Options, rootURI any, hook ...func(method string)) *client {
	t.Helper()
	log := &strings.Builder{}
	var logMu sync.Mutex
	opt.Log = writerFunc(func(b []byte) (int, error) { logMu.Lock(); defer logMu.Unlock(); return log.Write(b) })
	if opt.Debounce == 0 {
		opt.Debounce = 20 * time.Millisecond
	}
	s := New(opt)
	for _, h := range hook {
		s.testHook = h
	}
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		s.Serve(ctx, pipes{sr, sw, []io.Closer{sr, sw}})
		close(done)
	}()
	c := &client{t: t, server: s, log: log}
	c.cond = sync.NewCond(&c.mu)
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipes{cr, cw, []io.Closer{cr, cw}}, jsonrpc2.VSCodeObjectCodec{}),
		clientHandler{c})
	t.Cleanup(func() {
		c.conn.Close()
		cancel()
		<-done
	})
	var init map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": rootURI, "capabilities": map[string]any{}}, &init)
	caps, _ := init["capabilities"].(map[string]any)
	if caps["hoverProvider"] != true {
		t.Fatalf("initialize: capabilities %v", caps)
	}
	c.notify("initialized", map[string]any{})
	return c
}

// clientHandler records notifications in order, on the read loop, and
// answers requests from another goroutine.
type clientHandler struct{ c *client }

func (h clientHandler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if !req.Notif {
		go conn.Reply(ctx, req.ID, nil)
		return
	}
	h.c.mu.Lock()
	h.c.notes = append(h.c.notes, req)
	h.c.cond.Broadcast()
	h.c.mu.Unlock()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatal(err)
	}
}

type diag struct {
	Range struct {
		Start struct{ Line, Character int }
		End   struct{ Line, Character int }
	}
	Severity        int
	Code            string
	Source          string
	Message         string
	CodeDescription *struct{ Href string }
}

type published struct {
	URI         string
	Version     int
	Diagnostics []diag
}

// waitDiagnostics waits for the next publishDiagnostics for uri whose
// version is at least version, consuming the notifications before it.
func (c *client) waitDiagnostics(uri string, version int) published {
	c.t.Helper()
	p, _ := c.await(uri, version, 20*time.Second, func(i int) { c.notes = c.notes[i+1:] })
	return p
}

// await waits up to wait for a publishDiagnostics for uri with a version
// of at least version, lets take remove what it consumes (the
// notification is c.notes[i]; called with c.mu held), and returns it with
// its raw params.
func (c *client) await(uri string, version int, wait time.Duration, take func(i int)) (published, json.RawMessage) {
	c.t.Helper()
	deadline := time.Now().Add(wait)
	timer := time.AfterFunc(time.Until(deadline), func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, n := range c.notes {
			if n.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p published
			if err := json.Unmarshal(*n.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri && p.Version >= version {
				raw := *n.Params
				take(i)
				return p, raw
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no diagnostics for %s version %d; log:\n%s", uri, version, c.log)
		}
		c.cond.Wait()
	}
}

// action is a code action as the tests read it.
type action struct {
	Title string
	Kind  string
	Edit  struct {
		DocumentChanges []struct {
			Kind         string
			URI          string
			TextDocument struct{ URI string }
			Edits        []struct {
				Range struct {
					Start struct{ Line, Character int }
					End   struct{ Line, Character int }
				}
				NewText string
			}
		}
	}
}

// actionsAt asks for the code actions at a position (0-based).
func (c *client) actionsAt(uri string, line, char int) []action {
	c.t.Helper()
	var actions []action
	pos := map[string]any{"line": line, "character": char}
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": map[string]any{"start": pos, "end": pos}, "context": map[string]any{"diagnostics": []any{}}}
	if err := c.call("textDocument/codeAction", params, &actions); err != nil {
		c.t.Fatal(err)
	}
	return actions
}

func (c *client) open(uri, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "dockerfile", "version": 1, "text": text}})
}

func (c *client) change(uri string, version int, text string) {
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
}

// summary is "line:ID" for each diagnostic, 0-based lines.
func summary(p published) []string {
	var out []string
	for _, d := range p.Diagnostics {
		out = append(out, fmt.Sprintf("%d:%s", d.Range.Start.Line, d.Code))
	}
	return out
}

// workspace is a repository (it has .git, so config lookup stops there).
func workspace(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

const badDockerfile = "FROM ubuntu:latest\nRUN apt-get update && \\\n    apt-get install curl\nUSER root\n"

const goodDockerfile = "FROM ubuntu:24.04@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nUSER app\n"

func TestDiagnosticsHoverAndSuppress(t *testing.T) {
	dir := workspace(t)
	c := start(t, Options{Explain: func(r finding.Rule) string { return "EXPLAIN " + r.ID + "\n" + r.Title + "\n" }})
	uri := fileURI(filepath.Join(dir, "Dockerfile"))
	c.open(uri, badDockerfile)
	p := c.waitDiagnostics(uri, 1)
	// What `shiplint scan` reports for this file (1-based lines 1,2,3,3,3,4).
	want := []string{"0:DF002", "1:DF022", "2:DF020", "2:DF021", "2:DF030", "3:DF001"}
	if got := summary(p); !slices.Equal(got, want) {
		t.Fatalf("diagnostics %v, want %v", got, want)
	}
	df001 := p.Diagnostics[5]
	if df001.Severity != 1 || df001.Source != "shiplint" || df001.Range.Start.Character != 0 || df001.Range.End.Line != 3 || df001.Range.End.Character != len("USER root") {
		t.Errorf("DF001 diagnostic %+v: want Error (1), source shiplint, the whole line 3", df001)
	}
	if df001.CodeDescription == nil || !strings.HasPrefix(df001.CodeDescription.Href, "https://") {
		t.Errorf("DF001 codeDescription %+v: want the rule's first reference", df001.CodeDescription)
	}
	// DF022 has columns 5..19 (1-based, end exclusive): 4..18 in LSP.
	if d := p.Diagnostics[1]; d.Severity != 3 || d.Range.Start.Character != 4 || d.Range.End.Character != 18 {
		t.Errorf("DF022 diagnostic %+v: want Information (3) at characters 4..18", d)
	}
	if d := p.Diagnostics[0]; d.Severity != 2 {
		t.Errorf("DF002 (medium) severity %d, want Warning (2)", d.Severity)
	}

	// Hover on USER root: what `shiplint explain DF001` prints.
	var hover struct {
		Contents struct{ Kind, Value string }
	}
	if err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 3, "character": 6}}, &hover); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hover.Contents.Value, "EXPLAIN DF001\n") {
		t.Errorf("hover %q: want the explain text of DF001", hover.Contents.Value)
	}

	// Code actions on line 3 (USER root): suppress, then disable.
	actions := c.actionsAt(uri, 3, 0)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	if want := []string{"Suppress DF001 on this line", "Disable DF001 in .shiplint.yaml"}; !slices.Equal(titles, want) {
		t.Fatalf("code actions %q, want %q", titles, want)
	}
	sup := actions[0].Edit.DocumentChanges
	if len(sup) != 1 || sup[0].TextDocument.URI != uri || len(sup[0].Edits) != 1 || sup[0].Edits[0].Range.Start.Line != 3 || sup[0].Edits[0].NewText != "# shiplint ignore=DF001 -- \n" {
		t.Fatalf("suppress edit %+v", sup)
	}
	dis := actions[1].Edit.DocumentChanges
	cfg := fileURI(filepath.Join(dir, ".shiplint.yaml"))
	if len(dis) != 2 || dis[0].Kind != "create" || dis[0].URI != cfg || dis[1].TextDocument.URI != cfg || dis[1].Edits[0].NewText != "disable:\n  - DF001\n" {
		t.Fatalf("disable edit %+v", dis)
	}

	// Apply the suppression: DF001 is no longer shown (suppressed), the rest stays.
	lines := strings.SplitAfter(badDockerfile, "\n")
	suppressed := strings.Join(slices.Insert(lines, 3, sup[0].Edits[0].NewText), "")
	c.change(uri, 2, suppressed)
	p = c.waitDiagnostics(uri, 2)
	if got, want := summary(p), []string{"0:DF002", "1:DF022", "2:DF020", "2:DF021", "2:DF030"}; !slices.Equal(got, want) {
		t.Fatalf("after suppressing DF001: %v, want %v", got, want)
	}

	// Suppressing DF020 (on the continued line 2) goes above the RUN (line 1).
	actions = c.actionsAt(uri, 2, 4)
	byTitle := map[string]int{}
	titles = nil
	for i, a := range actions {
		byTitle[a.Title] = i
		titles = append(titles, a.Title)
	}
	i, ok := byTitle["Suppress DF020 on this line"]
	if !ok || actions[i].Edit.DocumentChanges[0].Edits[0].Range.Start.Line != 1 {
		t.Fatalf("suppress DF020 above the RUN (line 1): %+v", actions)
	}
	// The rule's own fix (engine's finding.Fix) comes first for DF020.
	if !strings.HasPrefix(titles[0], "Fix DF020") {
		t.Fatalf("code actions on line 2: %q, want the DF020 fix first", titles)
	}
	var fixEdits []textEdit
	for _, e := range actions[0].Edit.DocumentChanges[0].Edits {
		fixEdits = append(fixEdits, textEdit{e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character, e.NewText})
	}
	fixed := applyEdits(suppressed, fixEdits)
	c.change(uri, 3, fixed)
	p = c.waitDiagnostics(uri, 3)
	if got, want := summary(p), []string{"0:DF002", "1:DF022", "2:DF021", "2:DF030"}; !slices.Equal(got, want) {
		t.Fatalf("after the DF020 fix (%q): %v, want %v", fixed, got, want)
	}

	// Fixing the file clears the diagnostics.
	c.change(uri, 4, goodDockerfile)
	if p := c.waitDiagnostics(uri, 4); len(p.Diagnostics) != 0 {
		t.Fatalf("after the fix: %v, want none", summary(p))
	}

	// Closing clears them too (even after a change that would add some).
	c.change(uri, 5, badDockerfile)
	p = c.waitDiagnostics(uri, 5)
	if len(p.Diagnostics) != 6 {
		t.Fatalf("version 5: %v", summary(p))
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.waitDiagnostics(uri, 0); len(p.Diagnostics) != 0 {
		t.Fatalf("after close: %v, want none", summary(p))
	}
}

// waitLog waits for a window/logMessage containing text.
func (c *client) waitLog(text string) string {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	timer := time.AfterFunc(time.Until(deadline), func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, n := range c.notes {
			var p struct{ Message string }
			if n.Method == "window/logMessage" && json.Unmarshal(*n.Params, &p) == nil && strings.Contains(p.Message, text) {
				c.notes = slices.Delete(c.notes, i, i+1)
				return p.Message
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no log message with %q", text)
		}
		c.cond.Wait()
	}
}

func TestPanicInHandlerIsAnsweredAndServerKeepsServing(t *testing.T) {
	dir := workspace(t)
	panicked := 0
	c := start(t, Options{}, func(method string) {
		if method == "textDocument/hover" && panicked == 0 {
			panicked++
			panic("boom")
		}
	})
	uri := fileURI(filepath.Join(dir, "Dockerfile"))
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 3, "character": 1}}
	var hover any
	err := c.call("textDocument/hover", params, &hover)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.CodeInternalError || !strings.Contains(rpcErr.Message, "boom") {
		t.Fatalf("hover that panics: err %v, want an internal error naming the panic", err)
	}
	if !strings.Contains(c.log.String(), "panic in textDocument/hover: boom") || !strings.Contains(c.log.String(), "goroutine") {
		t.Errorf("log %q: want the panic and its stack", c.log.String())
	}
	// Still serving: the document is scanned and hover answers.
	c.open(uri, badDockerfile)
	if p := c.waitDiagnostics(uri, 1); len(p.Diagnostics) != 6 {
		t.Fatalf("after the panic: %v", summary(p))
	}
	var h struct{ Contents struct{ Value string } }
	if err := c.call("textDocument/hover", params, &h); err != nil || !strings.HasPrefix(h.Contents.Value, "DF001") {
		t.Fatalf("hover after the panic: %v %q", err, h.Contents.Value)
	}
}

func TestScanPastDeadlineIsReportedAndSkipped(t *testing.T) {
	dir := workspace(t)
	c := start(t, Options{Deadline: time.Nanosecond})
	uri := fileURI(filepath.Join(dir, "Dockerfile"))
	c.open(uri, badDockerfile)
	if msg := c.waitLog("was not scanned: past the 1ns deadline"); !strings.HasPrefix(msg, "shiplint: Dockerfile ") {
		t.Errorf("log message %q", msg)
	}
	c.mu.Lock()
	for _, n := range c.notes {
		if n.Method == "textDocument/publishDiagnostics" {
			t.Errorf("diagnostics published for a scan past its deadline: %s", *n.Params)
		}
	}
	c.mu.Unlock()
	var res any
	if err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 0}}, &res); err != nil {
		t.Fatalf("server stopped serving: %v", err)
	}
}

func TestWorkspaceConfigAppliesReloadsAndReportsErrors(t *testing.T) {
	dir := workspace(t)
	cfgPath := filepath.Join(dir, ".shiplint.yaml")
	write := func(s string) {
		if err := os.WriteFile(cfgPath, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("fail-on: high\ndisable:\n  - DF001\nexclude:\n  - vendor/\n")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	c := start(t, Options{})
	uri := fileURI(filepath.Join(dir, "sub", "Dockerfile"))
	c.open(uri, badDockerfile)
	p := c.waitDiagnostics(uri, 1)
	if got, want := summary(p), []string{"0:DF002", "1:DF022", "2:DF020", "2:DF021", "2:DF030"}; !slices.Equal(got, want) {
		t.Fatalf("with DF001 disabled: %v, want %v", got, want)
	}
	// An excluded path shows nothing.
	vendored := fileURI(filepath.Join(dir, "vendor", "Dockerfile"))
	c.open(vendored, badDockerfile)
	if p := c.waitDiagnostics(vendored, 1); len(p.Diagnostics) != 0 {
		t.Fatalf("excluded file: %v", summary(p))
	}

	// "Disable DF002" adds an item to the block list, after the last one.
	actions := c.actionsAt(uri, 0, 0)
	if len(actions) != 2 || actions[1].Title != "Disable DF002 in .shiplint.yaml" {
		t.Fatalf("actions %+v", actions)
	}
	e := actions[1].Edit.DocumentChanges[0]
	if e.TextDocument.URI != fileURI(cfgPath) || e.Edits[0].Range.Start.Line != 3 || e.Edits[0].Range.Start.Character != 0 || e.Edits[0].NewText != "  - DF002\n" {
		t.Fatalf("disable edit %+v", e)
	}

	// A broken config is a diagnostic on the config, at its line; the
	// server keeps serving.
	write("fail-on: high\ndisable:\n  - DF001\nnot-a-key: 1\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfgPath), "type": 2}}})
	p = c.waitDiagnostics(fileURI(cfgPath), 0)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 3 || !strings.Contains(p.Diagnostics[0].Message, "not-a-key") {
		t.Fatalf("broken config diagnostics %+v", p.Diagnostics)
	}

	// Fixed (now with DF002 disabled too): the config's diagnostic goes and
	// the Dockerfile is scanned with the new config.
	write("disable:\n  - DF001\n  - DF002\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfgPath), "type": 2}}})
	if p := c.waitDiagnostics(fileURI(cfgPath), 0); len(p.Diagnostics) != 0 {
		t.Fatalf("fixed config still has %+v", p.Diagnostics)
	}
	p = c.waitDiagnostics(uri, 1)
	if got, want := summary(p), []string{"1:DF022", "2:DF020", "2:DF021", "2:DF030"}; !slices.Equal(got, want) {
		t.Fatalf("after reload: %v, want %v", got, want)
	}
}

type textEdit struct {
	sl, sc, el, ec int
	text           string
}

// applyEdits applies non-overlapping LSP edits (ASCII text: characters are
// bytes), last first.
func applyEdits(text string, edits []textEdit) string {
	off := func(line, col int) int {
		o := 0
		for range line {
			o += strings.IndexByte(text[o:], '\n') + 1
		}
		return o + col
	}
	slices.SortFunc(edits, func(a, b textEdit) int { return off(b.sl, b.sc) - off(a.sl, a.sc) })
	for _, e := range edits {
		a, b := off(e.sl, e.sc), off(e.el, e.ec)
		text = text[:a] + e.text + text[b:]
	}
	return text
}
