// Package dockerfile turns a Dockerfile into a document.Document: the
// instructions as buildkit reads them, stages with their resolved base
// images, and the simple commands inside every RUN as mvdan.cc/sh parses
// them, each with its exact place in the file.
//
// Decisions worth knowing when writing rules:
//   - Stage names are lower-cased, as buildkit does; FROM and COPY --from
//     references match them case-insensitively.
//   - FROM is resolved with the defaults of global ARGs only. A variable
//     with no default makes the reference unresolved (ref, image, tag and
//     digest null), except in ${V:-x} / ${V-x} / ${V:+x} forms, which are
//     well defined without it.
//   - Besides the contexts "", "cmdsubst", "procsubst" and "shell-c", a
//     command read from a heredoc fed to a shell (`bash <<EOF`) has
//     context "heredoc" and that shell as parent. A heredoc that is the
//     whole RUN (`RUN <<EOF`) is read as a top-level script unless its #!
//     line names another interpreter.
//   - export/declare/local/readonly are commands whose args are the
//     assignments as written.
//   - Bytes Go's text/scanner rejects (invalid UTF-8, NUL) become '?', one
//     for one, so columns stay right and Input holds valid strings.
//   - ARG and ENV values written in the file are substituted where Docker or
//     the RUN shell would ("expanded", expand.go), with Docker's scoping;
//     anything not known stays as written.
//   - The default shell is taken to be /bin/sh; only a SHELL instruction
//     (also inherited through FROM <stage>) makes a stage non-POSIX.
package dockerfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/shiplint/shiplint/internal/document"
)

// Parse parses src (the bytes of the file at path, a slash path relative to
// the scan root). On failure it returns a *document.SyntaxError with the
// 1-based line where parsing failed; it never panics on any input.
func Parse(path string, src []byte) (doc *document.Document, err error) {
	// Last line of defence: a panic inside a dependency on hostile input
	// must become a finding, not a crashed scan.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &document.SyntaxError{Path: path, Line: 1, Msg: fmt.Sprintf("internal parser error: %v", r)}
		}
	}()
	p := newFileParser(path, src)
	if err := p.parse(); err != nil {
		return nil, err
	}
	if p.budget != nil {
		// Checked all the same, without what lies past the budget.
		return p.document(), p.budget
	}
	return p.document(), nil
}

// fileParser holds the state of one Parse call.
type fileParser struct {
	path   string
	src    []byte   // the file without its BOM
	lines  []string // physical lines without line terminators (\n, \r\n)
	escape byte     // '\\' or '`'
	pos    document.Positions
	// mirrors locate what is under each RUN's commands (commandRanges).
	mirrors map[string]document.Mirror

	directives map[string]any
	args       []any
	argEnv     map[string]string // global ARG defaults that have a known value
	stages     []*stage

	expanded int                   // bytes of expanded variables so far (maxExpandedBytes)
	commands int                   // commands read from RUNs so far (maxCommands)
	words    int                   // instruction arguments and flags so far (maxWords)
	budget   *document.SyntaxError // the first budget the file goes past, or nil
}

func newFileParser(path string, src []byte) *fileParser {
	// buildkit drops a leading BOM too; dropping it here keeps the columns
	// of line 1 what a user sees.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = sanitize(src)
	lines := strings.Split(string(src), "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1] // the final newline does not start a line
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return &fileParser{
		path:       path,
		src:        src,
		lines:      lines,
		escape:     '\\',
		pos:        document.Positions{},
		mirrors:    map[string]document.Mirror{},
		directives: map[string]any{},
		args:       []any{},
		argEnv:     map[string]string{},
	}
}

// sanitize replaces what Go's text/scanner rejects (invalid UTF-8, NUL, a
// BOM after the start) with '?' byte for byte, so every column stays put.
// buildkit's word lexer prints those errors to stderr, and Input must hold
// valid strings for JSON and Rego anyway.
func sanitize(src []byte) []byte {
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 && !bytes.Contains(src, []byte("\uFEFF")) {
		return src
	}
	out := make([]byte, 0, len(src))
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		switch {
		case r == utf8.RuneError && n <= 1, r == 0:
			out = append(out, '?')
		case r == '\uFEFF':
			out = append(out, "???"...)
		default:
			out = append(out, src[:n]...)
		}
		src = src[n:]
	}
	return out
}

// line returns physical line n (1-based), or "" when out of range.
func (p *fileParser) line(n int) string {
	if n < 1 || n > len(p.lines) {
		return ""
	}
	return p.lines[n-1]
}

func (p *fileParser) syntaxError(line int, msg string) *document.SyntaxError {
	if line < 1 {
		line = 1
	}
	return &document.SyntaxError{Path: p.path, Line: line, Msg: msg}
}

// parse runs buildkit's parser, then validates and converts node by node so
// the first bad instruction is reported at its own line.
func (p *fileParser) parse() error {
	if err := p.parseDirectives(); err != nil {
		return err
	}
	res, err := p.buildkitParse()
	if err != nil {
		if isEmptyFile(err) {
			return nil // empty or comment-only: a document with no stages
		}
		return p.fromBuildkitError(err, 1)
	}
	if res.EscapeToken == '`' {
		p.escape = '`'
	}
	for i, node := range res.AST.Children {
		if i == maxInstructions {
			p.overBudget(node.StartLine, tooManyInstructions)
			break
		}
		if err := p.addNode(node); err != nil {
			return err
		}
	}
	return nil
}

// buildkitParse gives buildkit the file up to its maxInstructions-th
// instruction (instructionCut): past it the file is not read, which is a
// budget error at the first line left out. A cut that falls inside a
// heredoc body after all (instructionCut read a marker differently) moves
// up to the instruction holding the heredoc.
func (p *fileParser) buildkitParse() (*parser.Result, error) {
	escape := byte('\\')
	if e, _ := p.directives["escape"].(string); e == "`" {
		escape = '`'
	}
	cut := instructionCut(p.lines, escape, maxInstructions)
	if cut == len(p.lines) {
		return parser.Parse(bytes.NewReader(p.src))
	}
	res, err := parser.Parse(bytes.NewReader(p.src[:lineOffset(p.src, cut)]))
	var le *parser.LocationError
	if err != nil && strings.Contains(err.Error(), "unterminated heredoc") && errors.As(err, &le) &&
		len(le.Locations) > 0 && len(le.Locations[0]) > 0 && le.Locations[0][0].Start.Line > 0 {
		cut = le.Locations[0][0].Start.Line - 1
		res, err = parser.Parse(bytes.NewReader(p.src[:lineOffset(p.src, cut)]))
	}
	p.overBudget(cut+1, tooManyInstructions)
	return res, err
}

// isEmptyFile recognises buildkit's error for a file without instructions,
// which for a linter is a valid (if pointless) file.
func isEmptyFile(err error) bool {
	return strings.Contains(err.Error(), "file with no instructions")
}

// fromBuildkitError converts a buildkit error, keeping the line it carries.
func (p *fileParser) fromBuildkitError(err error, fallback int) *document.SyntaxError {
	if strings.Contains(err.Error(), "line greater than max allowed size") {
		// buildkit's line scanner gives no line number: find the line.
		for i, l := range p.lines {
			if len(l) >= bufio.MaxScanTokenSize {
				return p.syntaxError(i+1, fmt.Sprintf("line %d is %d bytes long; Docker reads at most %d bytes per line (split it with backslash continuations)", i+1, len(l), bufio.MaxScanTokenSize-1))
			}
		}
	}
	line := fallback
	var le *parser.LocationError
	if errors.As(err, &le) {
		for _, loc := range le.Locations {
			if len(loc) > 0 && loc[0].Start.Line > 0 {
				line = loc[0].Start.Line
				break
			}
		}
	}
	var ue *instructions.UnknownInstructionError
	if errors.As(err, &ue) && ue.Line > 0 {
		line = ue.Line
	}
	msg := err.Error()
	if le != nil {
		msg = le.Unwrap().Error()
	}
	return p.syntaxError(line, msg)
}

// parseDirectives reads the parser directives at the top of the file.
func (p *fileParser) parseDirectives() error {
	var dp parser.DirectiveParser
	ds, err := dp.ParseAll(p.src)
	if err != nil {
		// ParseAll stops at the repeated directive: it is the line after
		// the last one it returned.
		line := 1
		if n := len(ds); n > 0 && len(ds[n-1].Location) > 0 {
			line = ds[n-1].Location[0].Start.Line + 1
		}
		return p.syntaxError(line, err.Error())
	}
	for _, d := range ds {
		line := 1
		if len(d.Location) > 0 {
			line = d.Location[0].Start.Line
		}
		p.directives[d.Name] = d.Value
		p.pos.Set(document.Key("directives", d.Name), lineRange(line, line))
		if _, ok := p.pos[document.Key("directives")]; !ok {
			p.pos.Set(document.Key("directives"), lineRange(line, line))
		}
	}
	if r, ok := p.pos[document.Key("directives")]; ok && len(ds) > 0 {
		last := ds[len(ds)-1]
		if len(last.Location) > 0 {
			r.EndLine = last.Location[0].Start.Line
			p.pos.Set(document.Key("directives"), r)
		}
	}
	return nil
}

// lineRange is a range of whole lines.
func lineRange(start, end int) document.Range {
	if end < start {
		end = start
	}
	return document.Range{StartLine: start, EndLine: end}
}

// document assembles the result.
func (p *fileParser) document() *document.Document {
	stages := make([]any, len(p.stages))
	for i, s := range p.stages {
		s.final = i == len(p.stages)-1
		stages[i] = p.stageValue(i, s)
	}
	whole := document.Range{StartLine: 1, EndLine: max(1, len(p.lines))}
	p.pos.Set("", whole)
	input := map[string]any{
		"kind":             string(document.Dockerfile),
		"path":             p.path,
		"directives":       p.directives,
		"args":             p.args,
		"stages":           stages,
		"commandIndex":     commandIndex(p.stages),
		"instructionIndex": instructionIndex(p.stages),
		"envCommands":      commandsWhere(p.stages, hasEnv),
		"sudoCommands":     commandsWhere(p.stages, runBySudo),
	}
	if text, ok := runArgText(p.stages); ok {
		input["runArgText"] = text
	}
	return &document.Document{
		Kind:      document.Dockerfile,
		Path:      p.path,
		Identity:  "",
		Range:     whole,
		Positions: p.pos,
		Mirrors:   p.mirrors,
		Input:     input,
	}
}

// commandIndex maps the base name of every RUN command's program to the
// [stage, instruction, command] indexes of its commands, in source order,
// so a rule can visit the few commands it is about without scanning all.
func commandIndex(stages []*stage) map[string]any {
	idx := map[string][]any{}
	for s, st := range stages {
		for i, in := range st.instructions {
			m, _ := in.(map[string]any)
			cmds, _ := m["commands"].([]any)
			for k, c := range cmds {
				base, _ := c.(map[string]any)["base"].(string)
				idx[base] = append(idx[base], []any{int64(s), int64(i), int64(k)})
			}
		}
	}
	out := make(map[string]any, len(idx))
	for name, l := range idx {
		out[name] = l
	}
	return out
}

// runArgText is every argument of every RUN command (and every expanded
// argument), joined with NUL
// bytes, so a rule can find the few arguments that match a pattern with one
// regexp call over the file instead of one per argument. ok is false when
// an argument holds a NUL itself (exec form: "\u0000").
func runArgText(stages []*stage) (text string, ok bool) {
	var b strings.Builder
	first := true
	for _, st := range stages {
		for _, in := range st.instructions {
			m, _ := in.(map[string]any)
			cmds, _ := m["commands"].([]any)
			for _, c := range cmds {
				cm, _ := c.(map[string]any)
				args, _ := cm["args"].([]any)
				if exp, ok := cm["expanded"].([]any); ok {
					args = append(args[:len(args):len(args)], exp...)
				}
				for _, a := range args {
					s, _ := a.(string)
					if strings.IndexByte(s, 0) >= 0 {
						return "", false
					}
					if !first {
						b.WriteByte(0)
					}
					first = false
					b.WriteString(s)
				}
			}
		}
	}
	return b.String(), true
}

// commandsWhere lists the [stage, instruction, command] indexes of the RUN
// commands for which keep holds, in source order: a rule about the few
// commands run with VAR=value or through sudo then visits only those.
func commandsWhere(stages []*stage, keep func(cmd map[string]any) bool) []any {
	out := []any{}
	for s, st := range stages {
		for i, in := range st.instructions {
			m, _ := in.(map[string]any)
			cmds, _ := m["commands"].([]any)
			for k, c := range cmds {
				if keep(c.(map[string]any)) {
					out = append(out, []any{int64(s), int64(i), int64(k)})
				}
			}
		}
	}
	return out
}

func hasEnv(cmd map[string]any) bool {
	env, _ := cmd["env"].(map[string]any)
	return len(env) > 0
}

func runBySudo(cmd map[string]any) bool {
	sudo, _ := cmd["sudo"].(bool)
	return sudo
}

// instructionIndex maps an instruction keyword (lower-case, as "cmd") to
// the [stage, instruction] indexes of its instructions, in source order.
func instructionIndex(stages []*stage) map[string]any {
	idx := map[string][]any{}
	for s, st := range stages {
		for i, in := range st.instructions {
			m, _ := in.(map[string]any)
			cmd, _ := m["cmd"].(string)
			idx[cmd] = append(idx[cmd], []any{int64(s), int64(i)})
		}
	}
	out := make(map[string]any, len(idx))
	for cmd, l := range idx {
		out[cmd] = l
	}
	return out
}
