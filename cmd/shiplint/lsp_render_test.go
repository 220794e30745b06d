package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/shiplint/shiplint/internal/finding"
)

// TestLSPMatchesScanOnChartsAndOverlays opens the templates, values files,
// Chart.yaml files, patches and kustomizations of the render fixtures in
// `shiplint lsp`, every rule on (their .shiplint.yaml removed), and checks
// that each gets exactly what `shiplint scan` reports for that file of the
// saved tree: rule, range, message and related locations.
func TestLSPMatchesScanOnChartsAndOverlays(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, fx := range []string{"helm-values", "helm-subchart", "helm-fail", "helm-missing-dependency", "kustomize"} {
		copyTree(t, filepath.Join("testdata", "render", fx), filepath.Join(dir, fx))
		os.Remove(filepath.Join(dir, fx, ".shiplint.yaml"))
	}
	files := []string{
		"helm-values/app/templates/deployment.yaml", "helm-values/app/values.yaml", "helm-values/app/Chart.yaml",
		"helm-subchart/web/values.yaml", "helm-subchart/web/templates/pod.yaml",
		"helm-subchart/web/charts/db/templates/statefulset.yaml", "helm-subchart/web/charts/db/values.yaml",
		"helm-fail/jobs/templates/configmap.yaml", "helm-fail/jobs/values.yaml",
		"helm-missing-dependency/api/Chart.yaml", "helm-missing-dependency/api/templates/deployment.yaml",
		"kustomize/overlays/prod/privileged.yaml", "kustomize/overlays/prod/hostpid.json.yaml",
		"kustomize/overlays/prod/kustomization.yaml", "kustomize/overlays/remote/kustomization.yaml",
	}

	scanned := map[string][]finding.Finding{}
	for _, f := range renderScan(t, dir, 1) {
		if f.Suppressed == nil {
			scanned[f.Path] = append(scanned[f.Path], f)
		}
	}
	got := lspDiagnostics(t, dir, files)
	total := 0
	for _, rel := range files {
		var want []string
		for _, f := range scanned[rel] {
			want = append(want, scanLine(dir, f))
		}
		total += len(want)
		if !slices.Equal(got[rel], want) {
			t.Errorf("%s: lsp\n\t%s\nscan\n\t%s", rel, strings.Join(got[rel], "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	t.Logf("%d findings compared", total)
	if total < 20 {
		t.Errorf("scan reported %d findings in the files opened; the comparison needs more", total)
	}
}

// scanLine is a scan finding as the server should publish it: 0-based
// lines, columns as UTF-16 (the fixtures are ASCII), related locations as
// URIs.
func scanLine(dir string, f finding.Finding) string {
	col := max(f.Range.StartColumn, 1) - 1
	s := fmt.Sprintf("%d:%d-%d %s %s", f.Range.StartLine-1, col, max(f.Range.EndLine, f.Range.StartLine)-1, f.RuleID, f.Message)
	for _, r := range f.Related {
		s += fmt.Sprintf(" [%s %s:%d]", r.Role, lspURI(filepath.Join(dir, filepath.FromSlash(r.Path))), r.Range.StartLine-1)
	}
	return s
}

func lspURI(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// lspDiagnostics opens each file (its saved text) in `shiplint lsp`, one
// after another, and returns the last diagnostics published for each, in
// scanLine's form.
func lspDiagnostics(t *testing.T, dir string, files []string) map[string][]string {
	t.Helper()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var stderr strings.Builder
	status := make(chan int, 1)
	go func() {
		status <- run(ctx, []string{"shiplint", "lsp"}, sr, sw, &stderr)
		sw.Close()
	}()
	notes := make(lspNotes, 1000)
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(lspPipes{cr, cw, []io.Closer{cr, cw}}, jsonrpc2.VSCodeObjectCodec{}), notes)
	defer func() {
		conn.Close()
		<-status
	}()
	var init any
	if err := conn.Call(ctx, "initialize", map[string]any{"processId": nil, "rootUri": lspURI(dir), "capabilities": map[string]any{}}, &init); err != nil {
		t.Fatal(err)
	}
	conn.Notify(ctx, "initialized", map[string]any{})
	byURI := map[string]string{}
	out := map[string][]string{}
	for _, rel := range files {
		uri := lspURI(filepath.Join(dir, filepath.FromSlash(rel)))
		byURI[uri] = rel
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": string(b)}})
		// Wait for this document's diagnostics; those of the unit's other
		// open documents, published from the same render, come too.
		for seen := false; !seen; {
			select {
			case n := <-notes:
				if n.Method != "textDocument/publishDiagnostics" {
					continue
				}
				var p struct {
					URI         string
					Diagnostics []struct {
						Range struct {
							Start, End struct{ Line, Character int }
						}
						Code               string
						Message            string
						RelatedInformation []struct {
							Location struct {
								URI   string
								Range struct{ Start struct{ Line int } }
							}
							Message string
						}
					}
				}
				if err := json.Unmarshal(*n.Params, &p); err != nil {
					t.Fatal(err)
				}
				var lines []string
				for _, d := range p.Diagnostics {
					s := fmt.Sprintf("%d:%d-%d %s %s", d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Code, d.Message)
					for _, r := range d.RelatedInformation {
						s += fmt.Sprintf(" [%s %s:%d]", r.Message, r.Location.URI, r.Location.Range.Start.Line)
					}
					lines = append(lines, s)
				}
				out[byURI[p.URI]] = lines
				seen = p.URI == uri
			case <-ctx.Done():
				t.Fatalf("no diagnostics for %s; stderr %s", rel, stderr.String())
			}
		}
	}
	return out
}
