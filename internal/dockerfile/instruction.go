package dockerfile

import (
	"fmt"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/shiplint/shiplint/internal/document"
)

// addNode validates one buildkit node with the instructions package (so
// unknown instructions and bad flags are errors at their own line) and adds
// it to the document. Past the file's budget of words (countWords), an
// instruction is added unread; a FROM is always read, stages hang on it.
func (p *fileParser) addNode(node *parser.Node) error {
	isFrom := strings.EqualFold(node.Value, "from")
	if !isFrom && !p.countWords(node) {
		switch {
		case len(p.stages) > 0:
			p.addInstruction(node, nil)
		case !strings.EqualFold(node.Value, "arg"):
			return p.syntaxError(node.StartLine, fmt.Sprintf("%s instruction before the first FROM", strings.ToUpper(node.Value)))
		}
		return nil
	}
	// A nil linter looks allowed but panics when the comment above an
	// instruction reads like a check= directive; a linter without a Warn
	// function reports nothing.
	v, err := instructions.ParseInstructionWithLinter(node, linter.New(&linter.Config{}))
	if err != nil {
		return p.fromBuildkitError(err, node.StartLine)
	}
	switch c := v.(type) {
	case *instructions.Stage:
		p.addStage(node, c)
		return nil
	case *instructions.ArgCommand:
		if len(p.stages) == 0 {
			p.addGlobalArg(node, c)
			return nil
		}
	}
	if len(p.stages) == 0 {
		return p.syntaxError(node.StartLine, fmt.Sprintf("%s instruction before the first FROM", strings.ToUpper(node.Value)))
	}
	p.addInstruction(node, v)
	return nil
}

// addInstruction appends one instruction to the current stage. v is what
// the instructions package made of it, nil when it is added unread (past
// the budget of words): then its raw text and heredocs are kept, and its
// flags, arguments, pairs and commands are empty.
func (p *fileParser) addInstruction(node *parser.Node, v any) {
	si := len(p.stages) - 1
	s := p.stages[si]
	j := len(s.instructions)
	key := document.Key("stages", si, "instructions", j)
	// Keys below the instruction without a position of their own (cmd,
	// args, raw...) resolve to it.
	p.pos.Set(key, lineRange(node.StartLine, node.EndLine))
	cmd := strings.ToLower(node.Value)
	raw := p.raw(node.StartLine, node.EndLine)
	in := map[string]any{
		"cmd":      cmd,
		"line":     int64(node.StartLine),
		"endLine":  int64(node.EndLine),
		"flags":    []any{},
		"args":     []any{},
		"raw":      raw,
		"form":     form(node),
		"heredocs": []any{},
	}
	if v != nil {
		args := nodeArgs(node)
		in["flags"], in["args"] = p.flags(node, key), args
		if e := p.expandedArgs(s, cmd, args); e != nil {
			in["expanded"] = e
		}
	}
	if pairs := p.pairs(v); pairs != nil {
		in["pairs"] = pairs
		p.placePairs(node, key, pairs)
	} else if v == nil && pairKinds[cmd] {
		in["pairs"] = []any{}
	}
	cmdEnd := node.StartLine + len(p.shellLines(node.StartLine, node.EndLine)) - 1
	in["heredocs"] = p.heredocs(node, cmdEnd, key)
	if sh, ok := v.(*instructions.ShellCommand); ok {
		s.shell = sh.Shell
	}
	switch {
	case cmd == "run" && v == nil:
		in["commands"] = []any{}
		in["shellError"] = fmt.Sprintf("past the budget of %d instruction arguments and flags in the file, its commands are not checked", maxWords)
	case cmd == "run":
		p.addCommands(in, node, s, key, cmdEnd, raw)
	case cmd == "onbuild" && v != nil:
		p.addOnbuildCommands(in, node, s, key, cmdEnd, raw)
	}
	if v != nil {
		p.define(s, v)
	}
	s.instructions = append(s.instructions, in)
	s.endLine = node.EndLine
}

// pairKinds are the instructions that have "pairs".
var pairKinds = map[string]bool{"env": true, "label": true, "arg": true}

// flags lists the flags as written, each positioned on the line holding it.
func (p *fileParser) flags(node *parser.Node, key string) []any {
	out := make([]any, len(node.Flags))
	w := p.wordFinder(node, 0)
	for k, f := range node.Flags {
		out[k] = f
		line := w.find(f)
		p.pos.Set(document.Join(key+"/flags", k), lineRange(line, line))
	}
	p.pos.Set(key+"/flags", lineRange(node.StartLine, node.EndLine))
	return out
}

// isTriples tells the instructions whose arguments buildkit gives as
// (key, value, separator) triples.
func isTriples(node *parser.Node) bool {
	return strings.EqualFold(node.Value, "env") || strings.EqualFold(node.Value, "label")
}

// wordFinder finds words written in order in an instruction, each on the
// line where it starts, reading each line once: a search starts where the
// previous word was found. Once a word is not found (written across a
// continuation), the rest are not searched for: searching every line again
// for each of thousands of such words was quadratic.
type wordFinder struct {
	p         *fileParser
	line, col int // where the next search starts
	end       int // the instruction's last line
	start     int // the instruction's first line, the answer when lost
	lost      bool
}

// wordFinder starts after col bytes of the instruction's first line.
func (p *fileParser) wordFinder(node *parser.Node, col int) *wordFinder {
	return &wordFinder{p: p, line: node.StartLine, col: col, end: node.EndLine, start: node.StartLine}
}

// find returns the line of the next occurrence of word, or the first line
// of the instruction when it is not found.
func (w *wordFinder) find(word string) int {
	if w.lost || word == "" {
		return w.start
	}
	for n := w.line; n <= w.end; n++ {
		l := w.p.line(n)
		from := 0
		if n == w.line {
			from = min(w.col, len(l))
		}
		if i := strings.Index(l[from:], word); i >= 0 {
			w.line, w.col = n, from+i+len(word)
			return n
		}
	}
	w.lost = true
	return w.start
}

// nodeArgs flattens buildkit's argument nodes. ENV and LABEL come as
// (key, value, separator) triples; the separator is dropped, leaving
// key, value, key, value...
func nodeArgs(node *parser.Node) []any {
	out := []any{}
	triples := isTriples(node)
	i := 0
	for n := node.Next; n != nil; n = n.Next {
		if len(n.Children) > 0 { // ONBUILD's sub-instruction
			out = append(out, n.Children[0].Value)
			out = append(out, nodeArgs(n.Children[0])...)
			continue
		}
		if !triples || i%3 != 2 {
			out = append(out, n.Value)
		}
		i++
	}
	return out
}

// raw is the source text of lines start..end joined with \n.
func (p *fileParser) raw(start, end int) string {
	parts := make([]string, 0, end-start+1)
	for n := start; n <= end; n++ {
		parts = append(parts, p.line(n))
	}
	return strings.Join(parts, "\n")
}

// form tells exec (JSON) from shell form where the difference matters.
func form(node *parser.Node) any {
	switch strings.ToLower(node.Value) {
	case "run", "cmd", "entrypoint", "shell":
	case "healthcheck":
		if node.Next == nil || strings.EqualFold(node.Next.Value, "none") {
			return nil
		}
	default:
		return nil
	}
	if node.Attributes["json"] {
		return "exec"
	}
	return "shell"
}

// pairs gives ENV, LABEL and ARG as key/value lists with quotes removed.
func (p *fileParser) pairs(v any) []any {
	var out []any
	switch c := v.(type) {
	case *instructions.EnvCommand:
		for _, kv := range c.Env {
			out = append(out, map[string]any{"key": kv.Key, "value": p.unquote(kv.Value)})
		}
	case *instructions.LabelCommand:
		for _, kv := range c.Labels {
			out = append(out, map[string]any{"key": p.unquote(kv.Key), "value": p.unquote(kv.Value)})
		}
	case *instructions.ArgCommand:
		for _, kv := range c.Args {
			var value any
			if kv.Value != nil {
				value = p.unquote(*kv.Value)
			}
			out = append(out, map[string]any{"key": kv.Key, "value": value})
		}
	default:
		return nil
	}
	if out == nil {
		out = []any{}
	}
	return out
}

// heredoc is one heredoc body with the file lines it occupies.
type heredoc struct {
	parser.Heredoc
	start int // first body line
	lines int // number of body lines
}

// heredocBodies places each heredoc: bodies follow the command part one
// after the other, each closed by its terminator line.
func heredocBodies(node *parser.Node, cmdEnd int) []heredoc {
	out := make([]heredoc, 0, len(node.Heredocs))
	next := cmdEnd + 1
	for _, h := range node.Heredocs {
		n := strings.Count(h.Content, "\n")
		out = append(out, heredoc{Heredoc: h, start: next, lines: n})
		next += n + 1
	}
	return out
}

// heredocs builds the heredoc list of an instruction.
func (p *fileParser) heredocs(node *parser.Node, cmdEnd int, key string) []any {
	out := []any{}
	for k, h := range heredocBodies(node, cmdEnd) {
		content := strings.ReplaceAll(h.Content, "\r\n", "\n")
		if h.Chomp {
			content = parser.ChompHeredocContent(content)
		}
		out = append(out, map[string]any{"name": h.Name, "content": content, "line": int64(h.start)})
		r := lineRange(h.start, h.start+h.lines-1)
		if h.lines == 0 {
			r = lineRange(h.start, h.start) // empty body: its terminator
		}
		hk := document.Join(key+"/heredocs", k)
		for _, sub := range []string{"", "/name", "/content", "/line"} {
			p.pos.Set(hk+sub, r)
		}
	}
	return out
}

// placePairs positions each ENV/ARG/LABEL pair on the line where its key
// is written (continued ENV a=1 \ b=2 spans lines), searching forward so
// pairs keep their order; a key not found keeps the whole instruction.
func (p *fileParser) placePairs(node *parser.Node, key string, pairs []any) {
	whole := lineRange(node.StartLine, node.EndLine)
	first := p.line(node.StartLine)
	col := len(first) - len(strings.TrimLeft(first, " \t"))
	if i := strings.IndexAny(first[col:], " \t"); i >= 0 {
		col += i // skip the instruction keyword
	} else {
		col = len(first)
	}
	w := p.wordFinder(node, col)
	for k, v := range pairs {
		r := whole
		name, _ := v.(map[string]any)["key"].(string)
		if !w.lost && name != "" {
			if line := w.find(name); !w.lost {
				r = lineRange(line, line)
			}
		}
		pk := document.Join(key+"/pairs", k)
		p.pos.Set(pk, r)
		p.pos.Set(pk+"/key", r)
		p.pos.Set(pk+"/value", r)
	}
}
