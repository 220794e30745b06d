// Package lsp is shiplint's language server: diagnostics from the unsaved
// buffer, hover with a rule's explanation, and code actions (suppress a
// finding, disable a rule in .shiplint.yaml). It speaks LSP over one
// stream (stdio for `shiplint lsp`); the CLI wiring is in cmd/shiplint.
//
// Findings come from the same engine as `shiplint scan` (checks.Pack.ScanFile
// on the buffer, classified by its file name like --stdin-filename), so an
// editor shows what a scan of the saved file reports. A template, values
// file or patch renders its Helm chart or Kustomize overlay instead, with
// the open documents' unsaved text over the files on disk (units.go). The
// rule pack is compiled once per configuration (once per server life
// unless the nearest .shiplint.yaml or its policies change).
package lsp

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// DefaultDeadline bounds the scan of one document.
const DefaultDeadline = 5 * time.Second

// Options configure a server.
type Options struct {
	// Explain is the text `shiplint explain ID` prints for a rule (hover).
	Explain func(finding.Rule) string
	// Debounce is how long a document must be quiet after a change before
	// it is scanned; 0 means 150 ms.
	Debounce time.Duration
	// Deadline bounds the scan of one document; past it the scan is
	// reported (window/logMessage) and its result dropped. 0 means 5 s.
	Deadline time.Duration
	// Log receives panics and internal errors (stderr for `shiplint lsp`).
	Log io.Writer
	// Fixes, when set, returns more code actions for a finding, offered
	// after the rule's own fix (finding.Fix) and before the suppress
	// action; nil means none.
	Fixes func(uri string, text string, f finding.Finding) []protocol.CodeAction
}

// Server is one language-server session.
type Server struct {
	opt   Options
	proto protocol.Handler

	loadMu sync.Mutex // held while a configuration loads (spaceFor)
	mu     sync.Mutex
	conn   *jsonrpc2.Conn
	docs   map[string]*buffer // by URI
	spaces map[string]*space  // by config file path ("" + boundary when none)
	// broken are config files currently shown with a diagnostic.
	broken map[string]bool
	// folders are the workspace folders' paths (initialize): a chart or
	// overlay is looked for, and rendered, within the one holding a
	// document.
	folders []string
	// unitSeq numbers the renders of each chart or overlay (by
	// unitRef.key), so an older render does not publish over a newer one.
	unitSeq map[string]int

	// testHook, when set, runs before each request is handled (tests use
	// it to make a handler panic).
	testHook func(method string)
}

// buffer is one open document.
type buffer struct {
	uri     string
	path    string // absolute file path from the URI
	text    string
	version int32
	gen     int // bumped on each change; a scan of an older gen is dropped
	timer   *time.Timer
	// findings are the active findings last published, for hover and
	// code actions; base is the directory their paths are relative to
	// ("" for the repository root, the space's boundary).
	findings []finding.Finding
	base     string
}

// space is a configuration and the pack compiled for it.
type space struct {
	cfgPath  string // "" when no .shiplint.yaml applies
	boundary string // the repository root (or the document's directory)
	cfg      *config.Config
	pack     *checks.Pack
	err      error
}

// New returns a server; Serve runs it on a stream.
func New(opt Options) *Server {
	if opt.Debounce == 0 {
		opt.Debounce = 150 * time.Millisecond
	}
	if opt.Deadline == 0 {
		opt.Deadline = DefaultDeadline
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Explain == nil {
		opt.Explain = func(r finding.Rule) string { return r.ID + ": " + r.Title + "\n" }
	}
	s := &Server{opt: opt, docs: map[string]*buffer{}, spaces: map[string]*space{}, broken: map[string]bool{}, unitSeq: map[string]int{}}
	s.proto = protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    s.initialized,
		Shutdown:                       func(*glsp.Context) error { return nil },
		Exit:                           func(*glsp.Context) error { return nil },
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidClose:           s.didClose,
		TextDocumentDidSave:            func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },
		TextDocumentHover:              s.hover,
		TextDocumentCodeAction:         s.codeAction,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
	}
	return s
}

// Serve runs the server on rwc until the client disconnects or sends exit.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(s.handle))
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.mu.Unlock()
	return nil
}

// handle dispatches one message. A panic is recovered, logged with its
// stack and answered as an internal error: one bad request must not take
// the server down.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.opt.Log, "shiplint lsp: panic in %s: %v\n%s", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("shiplint: internal error in %s: %v", req.Method, r)}
		}
	}()
	if s.testHook != nil {
		s.testHook(req.Method)
	}
	if req.Method == protocol.MethodExit {
		return nil, conn.Close()
	}
	gctx := &glsp.Context{Method: req.Method, Notify: s.notify, Call: func(string, any, any) {}}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	r, validMethod, validParams, err := s.proto.Handle(gctx)
	switch {
	case !validMethod:
		if req.Notif {
			return nil, nil // unknown notifications ($/cancelRequest...) are ignored
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *Server) notify(method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return
	}
	if err := conn.Notify(context.Background(), method, params); err != nil && err != jsonrpc2.ErrClosed {
		fmt.Fprintf(s.opt.Log, "shiplint lsp: %s: %v\n", method, err)
	}
}

func (s *Server) logMessage(typ protocol.MessageType, msg string) {
	s.notify(protocol.ServerWindowLogMessage, protocol.LogMessageParams{Type: typ, Message: msg})
}

func (s *Server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	var folders []string
	for _, f := range p.WorkspaceFolders {
		if dir, err := uriPath(f.URI); err == nil {
			folders = append(folders, dir)
		}
	}
	if len(folders) == 0 && p.RootURI != nil {
		if dir, err := uriPath(*p.RootURI); err == nil {
			folders = append(folders, dir)
		}
	}
	s.mu.Lock()
	s.folders = folders
	s.mu.Unlock()
	full := protocol.TextDocumentSyncKindFull
	yes := true
	version := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync:   protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &full},
			HoverProvider:      true,
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "shiplint", Version: &version},
	}, nil
}

// initialized asks the client to watch the files that change what the
// server reports: configs and policies. The request is sent from its own
// goroutine: the reply is read by the loop this handler runs on.
func (s *Server) initialized(_ *glsp.Context, _ *protocol.InitializedParams) error {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	go func() {
		params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "shiplint-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
				{GlobPattern: "**/" + config.FileName}, {GlobPattern: "**/*.rego"},
			}},
		}}}
		var ignored any
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = conn.Call(ctx, protocol.ServerClientRegisterCapability, params, &ignored)
	}()
	return nil
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	path, err := uriPath(p.TextDocument.URI)
	if err != nil {
		return nil // not a file: nothing to scan
	}
	s.mu.Lock()
	d := &buffer{uri: p.TextDocument.URI, path: path, text: p.TextDocument.Text, version: p.TextDocument.Version}
	if old := s.docs[d.uri]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	s.docs[d.uri] = d
	s.schedule(d, 0)
	s.mu.Unlock()
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			d.text = c.Text
		case protocol.TextDocumentContentChangeEvent:
			// Full sync is what the server asks for; a ranged change
			// from a client that ignores it is applied all the same.
			if c.Range == nil {
				d.text = c.Text
			} else {
				d.text = applyChange(d.text, *c.Range, c.Text)
			}
		}
	}
	d.version = p.TextDocument.Version
	s.schedule(d, s.opt.Debounce)
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d != nil {
		if d.timer != nil {
			d.timer.Stop()
		}
		d.gen++
		delete(s.docs, p.TextDocument.URI)
	}
	s.mu.Unlock()
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	if d != nil {
		// Its unsaved text no longer stands for the file: the open
		// documents of its chart or overlay are checked again.
		go s.closedInUnit(d.path)
	}
	return nil
}

// closedInUnit scans again one open document of the chart or overlay the
// closed file belongs to (one render publishes them all).
func (s *Server) closedInUnit(file string) {
	sp := s.spaceFor(file)
	if sp.err != nil {
		return
	}
	u, ok := s.unitOf(sp, file)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if rel, ok := relInside(u.root, realFile(d.path)); ok && u.under(rel) {
			s.schedule(d, s.opt.Debounce)
			return
		}
	}
}

// schedule scans d after delay, dropping any scan still pending. Called
// with s.mu held.
func (s *Server) schedule(d *buffer, delay time.Duration) {
	d.gen++
	gen := d.gen
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(delay, func() { s.run(d, gen) })
}

// run scans one snapshot of d and publishes its diagnostics, unless the
// document changed (or closed) meanwhile. A document of a chart or an
// overlay renders its unit, and every open document of the unit gets its
// diagnostics from that render (units.go).
func (s *Server) run(d *buffer, gen int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.opt.Log, "shiplint lsp: panic scanning %s: %v\n%s", d.uri, r, debug.Stack())
			s.logMessage(protocol.MessageTypeError, fmt.Sprintf("shiplint: internal error scanning %s: %v", safetext.Line(d.uri), r))
		}
	}()
	s.mu.Lock()
	if d.gen != gen {
		s.mu.Unlock()
		return
	}
	text, version := d.text, d.version
	s.mu.Unlock()

	sp := s.spaceFor(d.path)
	if sp.err != nil {
		return // shown on the config; the last findings stay
	}
	var pubs []publication
	key, seq := "", 0
	if u, isUnit := s.unitOf(sp, d.path); isUnit {
		var ok bool
		if pubs, seq, ok = s.scanUnit(sp, u, d, gen); !ok {
			return
		}
		key = u.key()
	} else {
		fs, ok := s.scanPlain(sp, d.path, displayPath(sp, d.path), text)
		if !ok {
			return
		}
		pubs = []publication{{m: member{d: d, text: text, version: version, gen: gen}, fs: fs}}
	}
	for _, p := range pubs {
		s.mu.Lock()
		// A document is published if it has not changed since its text
		// was taken, and a unit's documents only by the unit's latest
		// render (which took the text of them all).
		stale := p.m.d.gen != p.m.gen || s.docs[p.m.d.uri] != p.m.d || key != "" && s.unitSeq[key] != seq
		if !stale {
			p.m.d.findings, p.m.d.base = p.fs, p.base
		}
		s.mu.Unlock()
		if stale {
			continue
		}
		v := protocol.UInteger(p.m.version)
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: p.m.d.uri, Version: &v, Diagnostics: s.diagnostics(p.m.d.uri, p.m.text, p.fs)})
	}
}

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	relevant := false
	for _, c := range p.Changes {
		if path, err := uriPath(c.URI); err == nil {
			relevant = relevant || filepath.Base(path) == config.FileName || strings.HasSuffix(path, ".rego")
		}
	}
	if relevant {
		s.Reload()
	}
	return nil
}

// Reload forgets every configuration and compiled pack, and scans the
// open documents again.
func (s *Server) Reload() {
	s.loadMu.Lock() // not while a load is storing what it read
	defer s.loadMu.Unlock()
	s.mu.Lock()
	s.spaces = map[string]*space{}
	broken := s.broken
	s.broken = map[string]bool{}
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
	s.mu.Unlock()
	for p := range broken {
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: fileURI(p), Diagnostics: []protocol.Diagnostic{}})
	}
}

// uriPath is the file path of a file: URI.
func uriPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("not a file URI: %s", uri)
	}
	return filepath.FromSlash(u.Path), nil
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
