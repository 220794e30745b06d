package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
	"go.yaml.in/yaml/v3"

	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// hover shows, on a finding's range, what `shiplint explain ID` prints for
// each rule found there.
func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	d, ok := s.docFor(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	s.mu.Lock()
	fs, text := d.findings, d.text
	s.mu.Unlock()
	lines := splitLines(text)
	sp := s.spaceFor(d.path)
	if sp.pack == nil {
		return nil, nil
	}
	var parts []string
	var seen []string
	var at *protocol.Range
	for _, f := range fs {
		r := lspRange(lines, f.Range)
		if !contains(r, p.Position) || slices.Contains(seen, f.RuleID) {
			continue
		}
		rule, ok := sp.pack.Rule(f.RuleID)
		if !ok {
			continue
		}
		seen = append(seen, f.RuleID)
		parts = append(parts, s.opt.Explain(rule))
		if at == nil {
			at = &r
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: strings.Join(parts, "\n")},
		Range:    at,
	}, nil
}

func contains(r protocol.Range, p protocol.Position) bool {
	before := func(a, b protocol.Position) bool { // a <= b
		return a.Line < b.Line || a.Line == b.Line && a.Character <= b.Character
	}
	return before(r.Start, p) && before(p, r.End)
}

func overlaps(a, b protocol.Range) bool {
	return contains(a, b.Start) || contains(a, b.End) || contains(b, a.Start)
}

// codeAction offers, for each finding in the requested range: the rule's
// fix (Options.Fixes), suppressing it on its line, and disabling its rule
// in the nearest .shiplint.yaml.
func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	d, ok := s.docFor(p.TextDocument.URI)
	if !ok {
		return []protocol.CodeAction{}, nil
	}
	s.mu.Lock()
	fs, text, version := d.findings, d.text, d.version
	s.mu.Unlock()
	lines := splitLines(text)
	kind, _ := classify(d.path, []byte(text))
	sp := s.spaceFor(d.path)
	quickfix := protocol.CodeActionKindQuickFix
	out := []protocol.CodeAction{}
	disabled := map[string]bool{}
	for _, f := range fs {
		r := lspRange(lines, f.Range)
		if !overlaps(r, p.Range) {
			continue
		}
		diags := s.diagnostics(d.uri, text, []finding.Finding{f})
		if a, ok := fixAction(d.uri, version, lines, f); ok {
			a.Diagnostics = diags
			out = append(out, a)
		}
		if s.opt.Fixes != nil {
			out = append(out, s.opt.Fixes(d.uri, text, f)...)
		}
		line, indent := suppressAt(kind, lines, f.Range.StartLine-1)
		v := protocol.Integer(version)
		out = append(out, protocol.CodeAction{
			Title:       "Suppress " + f.RuleID + " on this line",
			Kind:        &quickfix,
			Diagnostics: diags,
			Edit: &protocol.WorkspaceEdit{DocumentChanges: []any{protocol.TextDocumentEdit{
				TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: d.uri}, Version: &v},
				Edits: []any{protocol.TextEdit{
					Range:   protocol.Range{Start: protocol.Position{Line: protocol.UInteger(line)}, End: protocol.Position{Line: protocol.UInteger(line)}},
					NewText: indent + SuppressComment(f.RuleID) + "\n",
				}},
			}}},
		})
		if disabled[f.RuleID] || sp.err != nil {
			continue
		}
		if edit := disableEdit(sp, f.RuleID); edit != nil {
			disabled[f.RuleID] = true
			out = append(out, protocol.CodeAction{Title: "Disable " + f.RuleID + " in " + config.FileName, Kind: &quickfix, Diagnostics: diags, Edit: edit})
		}
	}
	return out, nil
}

// fixAction is the rule's own fix (finding.Fix, from the engine) as a
// preferred quick fix, when all its edits are to the finding's file.
func fixAction(uri string, version int32, lines []string, f finding.Finding) (protocol.CodeAction, bool) {
	if f.Fix == nil || len(f.Fix.Edits) == 0 {
		return protocol.CodeAction{}, false
	}
	var edits []any
	for _, e := range f.Fix.Edits {
		if e.Path != f.Path {
			return protocol.CodeAction{}, false
		}
		edits = append(edits, protocol.TextEdit{Range: editRange(lines, e.Range), NewText: e.NewText})
	}
	quickfix := protocol.CodeActionKindQuickFix
	preferred := true
	v := protocol.Integer(version)
	title := "Fix " + f.RuleID
	if f.Fix.Description != "" {
		title += ": " + f.Fix.Description
	}
	return protocol.CodeAction{
		Title: title, Kind: &quickfix, IsPreferred: &preferred,
		Edit: &protocol.WorkspaceEdit{DocumentChanges: []any{protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: &v},
			Edits:        edits,
		}}},
	}, true
}

// editRange places a fix's edit: 1-based lines, columns in characters
// (0 or 1: the line's start), EndColumn exclusive.
func editRange(lines []string, r document.Range) protocol.Range {
	pos := func(line, col int) protocol.Position {
		l := max(line, 1) - 1
		text := ""
		if l < len(lines) {
			text = lines[l]
		}
		return protocol.Position{Line: protocol.UInteger(l), Character: utf16Col(text, max(col, 1)-1)}
	}
	return protocol.Range{Start: pos(r.StartLine, r.StartColumn), End: pos(max(r.EndLine, r.StartLine), r.EndColumn)}
}

// SuppressComment is the comment the suppress action inserts: the reason
// after "--" is left for the user to write.
func SuppressComment(id string) string { return "# shiplint ignore=" + id + " -- " }

// suppressAt is the 0-based line a suppression comment goes on (the line
// it then sits above) and that line's indentation. In a Dockerfile the
// comment goes above the instruction a continued line belongs to.
func suppressAt(kind document.Kind, lines []string, line int) (int, string) {
	line = min(max(line, 0), max(len(lines)-1, 0))
	if kind == document.Dockerfile {
		for line > 0 && strings.HasSuffix(strings.TrimRight(lines[line-1], " \t"), "\\") {
			line--
		}
	}
	if line >= len(lines) {
		return line, ""
	}
	text := lines[line]
	return line, text[:len(text)-len(strings.TrimLeft(text, " \t"))]
}

// disableEdit adds id to the disable: list of the nearest .shiplint.yaml,
// creating the file at the repository root when there is none. It edits
// only a config it can change without rewriting it: one with no disable:
// key (the key is appended) or a block-style disable: list (an item is
// added after the last); otherwise (flow style, anchors...) nil.
func disableEdit(sp *space, id string) *protocol.WorkspaceEdit {
	if sp.cfgPath == "" {
		uri := fileURI(filepath.Join(sp.boundary, config.FileName))
		return &protocol.WorkspaceEdit{DocumentChanges: []any{
			protocol.CreateFile{Kind: "create", URI: uri},
			protocol.TextDocumentEdit{
				TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}},
				Edits:        []any{protocol.TextEdit{NewText: "disable:\n  - " + id + "\n"}},
			},
		}}
	}
	if slices.Contains(sp.cfg.Disable, id) {
		return nil
	}
	src, err := os.ReadFile(sp.cfgPath)
	if err != nil {
		return nil
	}
	text := string(src)
	var root yaml.Node
	if yaml.Unmarshal(src, &root) != nil || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := root.Content[0]
	lines := splitLines(text)
	var insert protocol.Position
	var newText string
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "disable" {
			continue
		}
		seq := m.Content[i+1]
		if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 || len(seq.Content) == 0 {
			return nil
		}
		last := seq.Content[len(seq.Content)-1]
		if last.Kind != yaml.ScalarNode || last.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || last.Line < 1 || last.Line > len(lines) {
			return nil
		}
		item := lines[last.Line-1]
		dash := strings.Index(item, "-")
		if dash < 0 || strings.TrimSpace(item[:dash]) != "" {
			return nil
		}
		insert = protocol.Position{Line: protocol.UInteger(last.Line)}
		newText = item[:dash] + "- " + id + "\n"
		if last.Line == len(lines) { // no newline at the end of the file
			insert = protocol.Position{Line: protocol.UInteger(last.Line - 1), Character: utf16Col(item, utf8.RuneCountInString(item))}
			newText = "\n" + item[:dash] + "- " + id
		}
		break
	}
	if newText == "" {
		n := len(lines)
		insert = protocol.Position{Line: protocol.UInteger(n - 1), Character: utf16Col(lines[n-1], utf8.RuneCountInString(lines[n-1]))}
		newText = "disable:\n  - " + id + "\n"
		if lines[n-1] != "" {
			newText = "\n" + newText
		}
	}
	uri := fileURI(sp.cfgPath)
	return &protocol.WorkspaceEdit{DocumentChanges: []any{protocol.TextDocumentEdit{
		TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}},
		Edits:        []any{protocol.TextEdit{Range: protocol.Range{Start: insert, End: insert}, NewText: newText}},
	}}}
}
