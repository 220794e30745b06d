package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

type lspPipes struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (p lspPipes) Close() error {
	for _, c := range p.closers {
		c.Close()
	}
	return nil
}

// lspNotes hands the server's notifications over in order and answers its
// requests from another goroutine (io.Pipe has no buffer).
type lspNotes chan *jsonrpc2.Request

func (n lspNotes) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if !req.Notif {
		go conn.Reply(ctx, req.ID, nil)
		return
	}
	n <- req
}

// TestLSPCommand runs `shiplint lsp` as the CLI does: a bad Dockerfile
// gets diagnostics at scan's lines, hover is exactly what `shiplint
// explain` prints, and shutdown/exit end the command with status 0.
func TestLSPCommand(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var stderr bytes.Buffer
	status := make(chan int, 1)
	go func() {
		status <- run(ctx, []string{"shiplint", "lsp"}, sr, sw, &stderr)
		sw.Close()
	}()
	notes := make(lspNotes, 100)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(lspPipes{cr, cw, []io.Closer{cr, cw}}, jsonrpc2.VSCodeObjectCodec{}), notes)
	defer conn.Close()
	var init any
	if err := conn.Call(ctx, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &init); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "initialized", map[string]any{})
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "Dockerfile"))}).String()
	conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "dockerfile", "version": 1, "text": "FROM alpine:3.20\nUSER root\n"}})
	var lines []int
	var codes []string
	for lines == nil {
		select {
		case n := <-notes:
			if n.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p struct {
				Diagnostics []struct {
					Range struct{ Start struct{ Line int } }
					Code  string
				}
			}
			json.Unmarshal(*n.Params, &p)
			for _, d := range p.Diagnostics {
				lines, codes = append(lines, d.Range.Start.Line), append(codes, d.Code)
			}
			if lines == nil {
				lines = []int{}
			}
		case <-ctx.Done():
			t.Fatalf("no diagnostics; stderr %s", stderr.String())
		}
	}
	// `shiplint scan` reports DF047 at line 1 and DF001 at line 2.
	if len(codes) != 2 || codes[0] != "DF047" || lines[0] != 0 || codes[1] != "DF001" || lines[1] != 1 {
		t.Fatalf("diagnostics %v at %v, want DF047 at 0 and DF001 at 1", codes, lines)
	}
	var hover struct{ Contents struct{ Value string } }
	if err := conn.Call(ctx, "textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 1, "character": 2}}, &hover); err != nil {
		t.Fatal(err)
	}
	var explained bytes.Buffer
	if code := run(ctx, []string{"shiplint", "explain", "DF001"}, nil, &explained, io.Discard); code != 0 {
		t.Fatalf("explain: %d", code)
	}
	if hover.Contents.Value != explained.String() {
		t.Errorf("hover:\n%s\nwant what explain prints:\n%s", hover.Contents.Value, explained.String())
	}
	if err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "exit", nil)
	select {
	case code := <-status:
		if code != 0 {
			t.Fatalf("lsp exited %d; stderr %s", code, stderr.String())
		}
	case <-ctx.Done():
		t.Fatal("lsp did not exit after exit")
	}
}
