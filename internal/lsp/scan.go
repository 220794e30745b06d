package lsp

import (
	"context"
	"errors"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/compose"
	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/kubernetes"
	"github.com/shiplint/shiplint/internal/safetext"
)

// classify decides a buffer's kind: by its file name first, as
// `scan --stdin-filename` does (discover.KindOfName), then, for YAML and
// JSON named like nothing in particular, by content as discovery does.
func classify(name string, src []byte) (document.Kind, bool) {
	base := path.Base(filepath.ToSlash(name))
	if k, ok := discover.KindOfName(base); ok {
		return k, true
	}
	lower := strings.ToLower(base)
	switch {
	case strings.HasSuffix(lower, ".json"):
		if kubernetes.LooksJSON(src) {
			return document.Kubernetes, true
		}
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		if k, ok := discover.KindOfContent(src); ok {
			return k, true
		}
		if !strings.HasPrefix(lower, "values") && compose.Looks(src) {
			return document.Compose, true
		}
	}
	return "", false
}

// spaceFor returns the configuration that applies to a file and its pack,
// loading and compiling them on first use: the nearest .shiplint.yaml up
// to the repository root, as `shiplint scan` finds it.
func (s *Server) spaceFor(file string) *space {
	found, boundary, err := config.Find(filepath.Dir(file))
	key := found
	if found == "" {
		key = "\x00" + boundary
	}
	// One load at a time: two documents of one workspace compile its pack
	// once, and a broken config is reported once.
	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	s.mu.Lock()
	sp := s.spaces[key]
	s.mu.Unlock()
	if sp != nil {
		return sp
	}
	sp = &space{cfgPath: found, boundary: boundary, cfg: &config.Config{}}
	switch {
	case err != nil:
		sp.err = err
	case found != "":
		sp.cfg, sp.err = config.LoadFound(found, boundary)
	}
	if sp.err == nil {
		sp.pack, sp.err = checks.Load(context.Background(), checks.Options{
			Kinds:    []document.Kind{},
			Policies: sp.cfg.Policies,
			Select: checks.Selection{
				Disable: sp.cfg.Disable, Only: sp.cfg.Only, Frameworks: sp.cfg.Frameworks, Severity: sp.cfg.Severity, Params: sp.cfg.Params,
			},
			CheckIDs: sp.cfg.CheckRuleIDs,
		})
	}
	s.mu.Lock()
	s.spaces[key] = sp
	s.mu.Unlock()
	if sp.err != nil {
		s.reportBroken(sp)
	}
	return sp
}

// reportBroken shows a configuration or policy that does not load as a
// diagnostic on the config file (at the line a config error names), and
// in the log.
func (s *Server) reportBroken(sp *space) {
	s.logMessage(protocol.MessageTypeError, "shiplint: "+safetext.Line(sp.err.Error()))
	file, line := sp.cfgPath, 0
	var ce *config.Error
	if errors.As(sp.err, &ce) {
		if ce.Path != "" {
			file = ce.Path
		}
		line = max(ce.Line-1, 0)
	}
	if file == "" {
		return
	}
	s.mu.Lock()
	s.broken[file] = true
	s.mu.Unlock()
	sev := protocol.DiagnosticSeverityError
	src := "shiplint"
	s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: fileURI(file), Diagnostics: []protocol.Diagnostic{{
		Range:    protocol.Range{Start: protocol.Position{Line: protocol.UInteger(line)}, End: protocol.Position{Line: protocol.UInteger(line + 1)}},
		Severity: &sev, Source: &src, Message: safetext.Escape(sp.err.Error()),
	}}})
}

// displayPath is the path a scan from the repository root shows.
func displayPath(sp *space, file string) string {
	if rel, err := filepath.Rel(sp.boundary, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.Base(file)
}

// scanPlain runs the engine over a buffer as one file, classified by its
// name and content like `scan --stdin-filename`. ok is false when the
// result must not be published (the scan ran past the deadline).
func (s *Server) scanPlain(sp *space, file, shown, text string) (fs []finding.Finding, ok bool) {
	src := []byte(text)
	kind, known := classify(file, src)
	if !known || sp.cfg.Excluded(shown) {
		return nil, true
	}
	res, ok := s.runScan(shown, sp, checks.File{Path: shown, Kind: kind, Source: src})
	if !ok {
		return nil, false
	}
	out := finding.Active(res.Findings)
	finding.Sort(out)
	return out, true
}

var severities = map[finding.Severity]protocol.DiagnosticSeverity{
	finding.Critical: protocol.DiagnosticSeverityError,
	finding.High:     protocol.DiagnosticSeverityError,
	finding.Medium:   protocol.DiagnosticSeverityWarning,
	finding.Low:      protocol.DiagnosticSeverityInformation,
	finding.Info:     protocol.DiagnosticSeverityHint,
}

// diagnostics turns findings into LSP diagnostics.
func (s *Server) diagnostics(uri, text string, fs []finding.Finding) []protocol.Diagnostic {
	lines := splitLines(text)
	out := make([]protocol.Diagnostic, 0, len(fs))
	src := "shiplint"
	d, _ := s.docFor(uri)
	var sp *space
	base := ""
	if d != nil {
		sp = s.spaceFor(d.path)
		s.mu.Lock()
		base = d.base
		s.mu.Unlock()
		if base == "" {
			base = sp.boundary
		}
	}
	for _, f := range fs {
		sev := severities[f.Severity]
		diag := protocol.Diagnostic{
			Range:    lspRange(lines, f.Range),
			Severity: &sev,
			Code:     &protocol.IntegerOrString{Value: f.RuleID},
			Source:   &src,
			Message:  f.Message,
		}
		if diag.Message == "" {
			diag.Message = f.Title
		}
		if sp != nil && sp.pack != nil {
			if r, ok := sp.pack.Rule(f.RuleID); ok && len(r.References) > 0 {
				diag.CodeDescription = &protocol.CodeDescription{HRef: r.References[0]}
			}
		}
		for _, rel := range f.Related {
			loc := uri
			if d != nil && sp != nil && rel.Path != f.Path {
				loc = fileURI(filepath.Join(base, filepath.FromSlash(rel.Path)))
			}
			var relLines []string
			if loc == uri {
				relLines = lines
			}
			diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: loc, Range: lspRange(relLines, rel.Range)},
				Message:  rel.Role,
			})
		}
		out = append(out, diag)
	}
	return out
}

func (s *Server) docFor(uri string) (*buffer, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[uri]
	return d, ok
}

// splitLines splits text into lines without their line endings.
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// lspRange turns a finding's 1-based range (columns in characters,
// EndColumn exclusive; no columns: whole lines) into a 0-based LSP range
// in UTF-16 code units.
func lspRange(lines []string, r document.Range) protocol.Range {
	start := max(r.StartLine, 1) - 1
	end := max(r.EndLine, r.StartLine, 1) - 1
	lineText := func(i int) string {
		if i < len(lines) {
			return lines[i]
		}
		return ""
	}
	out := protocol.Range{Start: protocol.Position{Line: protocol.UInteger(start)}, End: protocol.Position{Line: protocol.UInteger(end)}}
	if r.StartColumn > 0 {
		out.Start.Character = utf16Col(lineText(start), r.StartColumn-1)
	}
	if r.EndColumn > 0 {
		out.End.Character = utf16Col(lineText(end), r.EndColumn-1)
	} else {
		out.End.Character = utf16Col(lineText(end), utf8.RuneCountInString(lineText(end)))
	}
	return out
}

// utf16Col converts a 0-based column in characters (code points, as the
// engine counts them) in line to UTF-16 code units.
func utf16Col(line string, chars int) protocol.UInteger {
	n := 0
	for _, r := range line {
		if chars <= 0 {
			break
		}
		n += utf16.RuneLen(r)
		chars--
	}
	return protocol.UInteger(n)
}

// byteCol converts a UTF-16 column in line to a byte offset.
func byteCol(line string, col protocol.UInteger) int {
	n := 0
	for i, r := range line {
		if n >= int(col) {
			return i
		}
		n += utf16.RuneLen(r)
	}
	return len(line)
}

// applyChange applies one ranged change to text.
func applyChange(text string, r protocol.Range, repl string) string {
	off := func(p protocol.Position) int {
		o := 0
		for i := protocol.UInteger(0); i < p.Line; i++ {
			nl := strings.IndexByte(text[o:], '\n')
			if nl < 0 {
				return len(text)
			}
			o += nl + 1
		}
		line := text[o:]
		if nl := strings.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		return o + byteCol(line, p.Character)
	}
	a, b := off(r.Start), off(r.End)
	if b < a {
		a, b = b, a
	}
	return text[:a] + repl + text[b:]
}
