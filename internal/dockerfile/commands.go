package dockerfile

import (
	"path"
	"strings"
	"sync"

	"mvdan.cc/sh/v3/syntax"

	"github.com/shiplint/shiplint/internal/document"
)

// maxShellDepth bounds how deep `sh -c "sh -c ..."` scripts are followed.
const maxShellDepth = 8

// origin is the file position of line 1, column 1 of a text given to the
// shell parser, so its positions can be turned into file positions.
type origin struct{ line, col int }

func (o origin) at(line, col int) (int, int) {
	if line == 1 {
		col += o.col - 1
	}
	return o.line + line - 1, col
}

func (o origin) pos(p syntax.Pos) (int, int) { return o.at(int(p.Line()), int(p.Col())) }

func (o origin) rng(start, end syntax.Pos) document.Range {
	sl, sc := o.pos(start)
	el, ec := o.pos(end)
	return document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// shellCmd is one simple command found in a RUN.
type shellCmd struct {
	name     string
	args     []string
	expanded []string // args with known variables substituted; nil when none was
	env      map[string]any
	sudo     bool
	pipeline int
	position int
	length   int
	parent   int // -1 for none
	context  string
	rng      document.Range
	nameRng  document.Range
	argRngs  []document.Range
}

// walkCtx is what a command inherits from where it was found.
type walkCtx struct {
	parent  int
	context string
	src     string // the text being walked, for source slices of words
	org     origin
	depth   int
}

// collector gathers the simple commands of one RUN in source order.
type collector struct {
	cmds      []*shellCmd
	pipelines int
	// hdocShell maps heredoc names that are the stdin script of a
	// top-level shell (`bash <<EOF`) to that shell command.
	hdocShell map[string]int
	exp       *shellExpander // nil: words are not expanded
}

func newCollector() *collector {
	return &collector{
		hdocShell: map[string]int{},
	}
}

// parse parses text as a shell script and collects its commands.
func (c *collector) parse(text string, ctx walkCtx) error {
	// Parse is re-entered (sh -c) while the nodes of an outer parse are
	// still being walked, so parsers come from a pool rather than one per
	// file; a new one per RUN was a quarter of the memory of a long file.
	p := shellParsers.Get().(*syntax.Parser)
	f, err := p.Parse(strings.NewReader(text), "")
	shellParsers.Put(p)
	if err != nil {
		return err
	}
	ctx.src = text
	if c.exp != nil && strings.Contains(text, "$") {
		c.exp.noteAssigned(f)
	}
	c.stmts(f.Stmts, ctx)
	return nil
}

func (c *collector) stmts(list []*syntax.Stmt, ctx walkCtx) {
	for _, s := range list {
		c.stmt(s, ctx)
	}
}

// stmt handles one statement: && and || split pipelines; a pipeline's
// elements share one pipeline index.
func (c *collector) stmt(s *syntax.Stmt, ctx walkCtx) {
	if b, ok := s.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.AndStmt || b.Op == syntax.OrStmt) {
		c.stmt(b.X, ctx)
		c.stmt(b.Y, ctx)
		c.redirs(s, ctx, false)
		return
	}
	elems := flattenPipe(s)
	p := c.pipelines
	c.pipelines++
	for i, e := range elems {
		c.element(e, ctx, p, i, len(elems))
	}
}

// flattenPipe lists the statements of a | or |& pipeline, left to right.
func flattenPipe(s *syntax.Stmt) []*syntax.Stmt {
	if b, ok := s.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) {
		return append(flattenPipe(b.X), flattenPipe(b.Y)...)
	}
	return []*syntax.Stmt{s}
}

// element handles one pipeline element. Compound commands (if, for,
// subshells, functions...) start pipelines of their own inside.
func (c *collector) element(s *syntax.Stmt, ctx walkCtx, p, pos, n int) {
	inner := ctx
	// A heredoc that is itself a script (`RUN <<EOF`, `bash <<EOF`) is
	// parsed on its own; walking its body here too would count twice.
	scriptHdoc := s.Cmd == nil
	switch x := s.Cmd.(type) {
	case *syntax.CallExpr:
		if len(x.Args) > 0 {
			idx := c.call(x, ctx, p, pos, n)
			inner.parent = idx
			c.shellC(idx, x.Args, ctx)
			if ctx.depth == 0 && ctx.context == "" && isShell(c.cmds[idx].name) {
				scriptHdoc = c.noteHeredocScripts(s, idx)
			}
		}
		c.nested(x, inner)
	case *syntax.DeclClause:
		inner.parent = c.decl(x, ctx, p, pos, n)
		c.nested(x, inner)
	case nil:
	default:
		c.nested(x, ctx)
	}
	c.redirs(s, inner, scriptHdoc && ctx.depth == 0)
}

// redirs walks the redirections of a statement for substitutions.
func (c *collector) redirs(s *syntax.Stmt, ctx walkCtx, skipHdoc bool) {
	for _, r := range s.Redirs {
		if r.Word != nil {
			c.nested(r.Word, ctx)
		}
		if r.Hdoc != nil && !skipHdoc {
			c.nested(r.Hdoc, ctx)
		}
	}
}

// nested walks a node for the statements and substitutions inside it.
func (c *collector) nested(node syntax.Node, ctx walkCtx) {
	syntax.Walk(node, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Stmt:
			c.stmt(n, ctx)
			return false
		case *syntax.CmdSubst:
			c.stmts(n.Stmts, walkCtx{parent: ctx.parent, context: "cmdsubst", src: ctx.src, org: ctx.org, depth: ctx.depth})
			return false
		case *syntax.ProcSubst:
			c.stmts(n.Stmts, walkCtx{parent: ctx.parent, context: "procsubst", src: ctx.src, org: ctx.org, depth: ctx.depth})
			return false
		}
		return true
	})
}

// call records a simple command, unwrapping sudo.
func (c *collector) call(x *syntax.CallExpr, ctx walkCtx, p, pos, n int) int {
	words := make([]string, len(x.Args))
	var expanded []*string
	for i, w := range x.Args {
		var literal bool
		words[i], literal = wordValue(w, ctx.src)
		if literal || i == 0 {
			continue
		}
		if e, ok := c.exp.word(w, ctx.src); ok {
			if expanded == nil {
				expanded = make([]*string, len(x.Args))
			}
			expanded[i] = &e
		}
	}
	env := map[string]any{}
	for _, a := range x.Assigns {
		if a.Name != nil {
			env[a.Name.Value] = assignValue(a, ctx.src)
		}
	}
	nameIdx, sudo := unwrapSudo(words, env)
	cmd := &shellCmd{
		name: words[nameIdx], args: words[nameIdx+1:], env: env, sudo: sudo,
		pipeline: p, position: pos, length: n, parent: ctx.parent, context: ctx.context,
		rng:     ctx.org.rng(x.Pos(), x.End()),
		nameRng: ctx.org.rng(x.Args[nameIdx].Pos(), x.Args[nameIdx].End()),
	}
	for _, w := range x.Args[nameIdx+1:] {
		cmd.argRngs = append(cmd.argRngs, ctx.org.rng(w.Pos(), w.End()))
	}
	for i, e := range expanded {
		if i > nameIdx && e != nil {
			if cmd.expanded == nil {
				cmd.expanded = append([]string{}, cmd.args...)
			}
			cmd.expanded[i-nameIdx-1] = *e
		}
	}
	c.cmds = append(c.cmds, cmd)
	return len(c.cmds) - 1
}

// decl records export/declare/local/readonly as a command whose arguments
// are the assignments as written.
func (c *collector) decl(x *syntax.DeclClause, ctx walkCtx, p, pos, n int) int {
	cmd := &shellCmd{
		name: x.Variant.Value, args: []string{}, env: map[string]any{},
		pipeline: p, position: pos, length: n, parent: ctx.parent, context: ctx.context,
		rng:     ctx.org.rng(x.Pos(), x.End()),
		nameRng: ctx.org.rng(x.Variant.Pos(), x.Variant.End()),
	}
	for _, a := range x.Args {
		cmd.args = append(cmd.args, source(ctx.src, a.Pos(), a.End()))
		cmd.argRngs = append(cmd.argRngs, ctx.org.rng(a.Pos(), a.End()))
	}
	c.cmds = append(c.cmds, cmd)
	return len(c.cmds) - 1
}

// noteHeredocScripts remembers `bash <<EOF`: that heredoc is a script.
// It reports whether there was one.
func (c *collector) noteHeredocScripts(s *syntax.Stmt, idx int) bool {
	if shellCIndex(c.cmds[idx].args) >= 0 {
		return false
	}
	found := false
	for _, r := range s.Redirs {
		if (r.Op == syntax.Hdoc || r.Op == syntax.DashHdoc) && r.Word != nil {
			name, _ := wordValue(r.Word, "")
			c.hdocShell[name] = idx
			found = true
		}
	}
	return found
}

// shellC parses the script of `sh -c SCRIPT` when SCRIPT is a literal.
func (c *collector) shellC(idx int, args []*syntax.Word, ctx walkCtx) {
	cmd := c.cmds[idx]
	if !isShell(cmd.name) || ctx.depth >= maxShellDepth {
		return
	}
	k := shellCIndex(cmd.args)
	if k < 0 {
		return
	}
	w := args[len(args)-len(cmd.args)+k]
	script, literal := wordValue(w, ctx.src)
	if !literal {
		return
	}
	start := w.Pos()
	line, col := ctx.org.pos(start)
	if len(w.Parts) > 0 {
		switch w.Parts[0].(type) {
		case *syntax.SglQuoted, *syntax.DblQuoted:
			col++ // the script starts after the opening quote
		}
	}
	_ = c.parse(script, walkCtx{parent: idx, context: "shell-c", org: origin{line, col}, depth: ctx.depth + 1})
}

// shells are the POSIX-style shells whose -c script and stdin heredocs we
// parse as shell.
var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "ash": true, "zsh": true, "ksh": true, "mksh": true}

func isShell(name string) bool { return shells[path.Base(name)] }

// shellCIndex returns the index in args of the script of `-c`, or -1.
// Options such as -e, -x, -o pipefail may come first; -c may be combined
// (-ec).
func shellCIndex(args []string) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" || a == "+o":
			i++
		case strings.HasPrefix(a, "--"):
			if a == "--" {
				return -1
			}
		case len(a) > 1 && (a[0] == '-' || a[0] == '+'):
			if strings.ContainsRune(a[1:], 'c') && a[0] == '-' {
				if i+1 < len(args) {
					return i + 1
				}
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// sudoArgOpts are sudo options that take a separate argument.
var sudoArgOpts = map[string]bool{
	"-u": true, "-g": true, "-C": true, "-D": true, "-h": true, "-p": true, "-r": true,
	"-t": true, "-U": true, "-T": true, "-R": true,
	"--user": true, "--group": true, "--close-from": true, "--chdir": true, "--host": true,
	"--prompt": true, "--role": true, "--type": true, "--other-user": true,
	"--command-timeout": true, "--chroot": true,
}

// unwrapSudo returns the index of the real command word: for
// `sudo [options] [VAR=value...] cmd` it is cmd, and VAR=value go to env.
func unwrapSudo(words []string, env map[string]any) (int, bool) {
	if words[0] != "sudo" {
		return 0, false
	}
	i := 1
	for ; i < len(words); i++ {
		w := words[i]
		if w == "--" {
			i++
			break
		}
		if !strings.HasPrefix(w, "-") {
			break
		}
		if sudoArgOpts[w] {
			i++
		}
	}
	for ; i < len(words) && isAssignment(words[i]); i++ {
		k, v, _ := strings.Cut(words[i], "=")
		env[k] = v
	}
	if i >= len(words) {
		return 0, false // sudo with no command: sudo itself is the command
	}
	return i, true
}

func isAssignment(w string) bool {
	k, _, ok := strings.Cut(w, "=")
	if !ok || k == "" {
		return false
	}
	for i, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// assignValue is the value of VAR=value (source text when not literal).
func assignValue(a *syntax.Assign, src string) string {
	switch {
	case a.Value != nil:
		v, _ := wordValue(a.Value, src)
		return v
	case a.Array != nil:
		return source(src, a.Array.Pos(), a.Array.End())
	}
	return ""
}

// source slices the walked text between two positions.
func source(src string, start, end syntax.Pos) string {
	s, e := int(start.Offset()), int(end.Offset())
	if s < 0 || e > len(src) || s > e {
		return ""
	}
	return src[s:e]
}

// wordValue returns a word with its quotes removed when it is literal, or
// its source text (and false) when it holds expansions.
func wordValue(w *syntax.Word, src string) (string, bool) {
	var b strings.Builder
	for _, part := range w.Parts {
		switch x := part.(type) {
		case *syntax.Lit:
			b.WriteString(unescape(x.Value, false))
		case *syntax.SglQuoted:
			if x.Dollar {
				return source(src, w.Pos(), w.End()), false
			}
			b.WriteString(x.Value)
		case *syntax.DblQuoted:
			for _, in := range x.Parts {
				lit, ok := in.(*syntax.Lit)
				if !ok || x.Dollar {
					return source(src, w.Pos(), w.End()), false
				}
				b.WriteString(unescape(lit.Value, true))
			}
		default:
			return source(src, w.Pos(), w.End()), false
		}
	}
	return b.String(), true
}

// unescape applies the shell's backslash rules to literal text; inside
// double quotes a backslash only escapes $ ` " \ and newline.
func unescape(s string, quoted bool) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		next := s[i+1]
		switch {
		case next == '\n':
			i++
		case !quoted || strings.IndexByte("$`\"\\", next) >= 0:
			b.WriteByte(next)
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// shellParsers reuses mvdan.cc/sh parsers (each allocates its buffers);
// a parser is not safe for concurrent use, the pool hands each to one user.
var shellParsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}
