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
// it to the document.
func (p *fileParser) addNode(node *parser.Node) error {
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

// addInstruction appends one instruction to the current stage.
func (p *fileParser) addInstruction(node *parser.Node, v any) {
	si := len(p.stages) - 1
	s := p.stages[si]
	j := len(s.instructions)
	key := document.Key("stages", si, "instructions", j)
	// Keys below the instruction without a position of their own (cmd,
	// args, raw...) resolve to it.
	p.pos.Set(key, lineRange(node.StartLine, node.EndLine))
	cmd := strings.ToLower(node.Value)
	in := map[string]any{
		"cmd":      cmd,
		"line":     int64(node.StartLine),
		"endLine":  int64(node.EndLine),
		"flags":    p.flags(node, key),
		"args":     nodeArgs(node),
		"raw":      p.raw(node.StartLine, node.EndLine),
		"form":     form(node),
		"heredocs": []any{},
	}
	if pairs := p.pairs(v); pairs != nil {
		in["pairs"] = pairs
		p.placePairs(node, key, pairs)
	}
	cmdEnd := node.StartLine + len(p.shellLines(node.StartLine, node.EndLine)) - 1
	in["heredocs"] = p.heredocs(node, cmdEnd, key)
	if sh, ok := v.(*instructions.ShellCommand); ok {
		s.shell = sh.Shell
	}
	if cmd == "run" {
		p.addCommands(in, node, s, key, cmdEnd)
	}
	s.instructions = append(s.instructions, in)
	s.endLine = node.EndLine
}

// flags lists the flags as written, each positioned on the line holding it.
func (p *fileParser) flags(node *parser.Node, key string) []any {
	out := make([]any, len(node.Flags))
	next := node.StartLine
	for k, f := range node.Flags {
		out[k] = f
		line := node.StartLine
		for n := next; n <= node.EndLine; n++ {
			if strings.Contains(p.line(n), f) {
				line, next = n, n
				break
			}
		}
		p.pos.Set(document.Join(key+"/flags", k), lineRange(line, line))
	}
	p.pos.Set(key+"/flags", lineRange(node.StartLine, node.EndLine))
	return out
}

// nodeArgs flattens buildkit's argument nodes. ENV and LABEL come as
// (key, value, separator) triples; the separator is dropped, leaving
// key, value, key, value...
func nodeArgs(node *parser.Node) []any {
	out := []any{}
	triples := false
	switch strings.ToLower(node.Value) {
	case "env", "label":
		triples = true
	}
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
	next := node.StartLine
	for k, v := range pairs {
		r := whole
		name, _ := v.(map[string]any)["key"].(string)
		for n := next; name != "" && n <= node.EndLine; n++ {
			l := p.line(n)
			if n == node.StartLine {
				l = strings.TrimLeft(l, " \t")
				if i := strings.IndexAny(l, " \t"); i >= 0 {
					l = l[i:] // skip the instruction keyword
				} else {
					l = ""
				}
			}
			if strings.Contains(l, name) {
				r, next = lineRange(n, n), n
				break
			}
		}
		pk := document.Join(key+"/pairs", k)
		p.pos.Set(pk, r)
		p.pos.Set(pk+"/key", r)
		p.pos.Set(pk+"/value", r)
	}
}
