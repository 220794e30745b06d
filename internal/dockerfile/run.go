package dockerfile

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"mvdan.cc/sh/v3/syntax"

	"github.com/shiplint/shiplint/internal/document"
)

// addCommands sets "commands" (and "shellError") on a RUN instruction.
// raw is the instruction's text, heredocs included.
func (p *fileParser) addCommands(in map[string]any, node *parser.Node, s *stage, key string, cmdEnd int, raw string) {
	p.readCommands(in, node, s, s.scope.vars, key, cmdEnd, raw, p.commandText(node))
}

// addOnbuildCommands sets "commands" on `ONBUILD RUN ...`: the trigger runs
// as a RUN in the builds FROM this image, so its commands are read the same
// way (with this stage's SHELL, and its ENV values: its ARGs do not carry
// over). Other ONBUILD instructions have no commands.
func (p *fileParser) addOnbuildCommands(in map[string]any, node *parser.Node, s *stage, key string, cmdEnd int, raw string) {
	if node.Next == nil || len(node.Next.Children) == 0 || !strings.EqualFold(node.Next.Children[0].Value, "run") {
		return
	}
	child := node.Next.Children[0]
	run := &parser.Node{
		Value: "run", Next: child.Next, Attributes: child.Attributes, Flags: child.Flags,
		Heredocs: node.Heredocs, StartLine: node.StartLine, EndLine: node.EndLine,
	}
	// blank ONBUILD, then RUN and its flags
	text := blankHead(blankHead(strings.Join(p.shellLines(node.StartLine, node.EndLine), "\n"), 0), len(child.Flags))
	p.readCommands(in, run, s, s.scope.envVals, key, cmdEnd, raw, text)
}

// readCommands reads the commands of a RUN node whose command part is text.
func (p *fileParser) readCommands(in map[string]any, node *parser.Node, s *stage, vars map[string]string, key string, cmdEnd int, raw, text string) {
	c := newCollector()
	c.exp = &shellExpander{p: p, vars: vars, assigned: map[string]bool{}}
	var shellErr string
	switch over := p.runBudget(node.StartLine, len(raw)); {
	case over != "":
		shellErr = over
	case node.Attributes["json"]:
		p.execCommand(c, node, text)
	case !posixShell(s.shell):
		shellErr = fmt.Sprintf("SHELL %q is not a POSIX shell", strings.Join(s.shell, " "))
	default:
		shellErr = p.shellCommands(c, node, text, cmdEnd)
	}
	if msg, ok := p.countCommands(node.StartLine, len(c.cmds)); !ok {
		c.cmds, shellErr = nil, msg
	}
	if shellErr != "" {
		in["shellError"] = shellErr
	}
	// A failed command part leaves no commands; a failed heredoc script
	// keeps those found before it.
	in["commands"] = c.values()
	p.mirrors[key+"/commands"] = document.Mirror{Source: c.ranges(lineRange(node.StartLine, node.EndLine))}
}

// commandText is the command part of a RUN (before any heredoc body) as a
// shell reads it, its keyword and flags blanked out.
func (p *fileParser) commandText(node *parser.Node) string {
	return blankHead(strings.Join(p.shellLines(node.StartLine, node.EndLine), "\n"), len(node.Flags))
}

// posixShell tells whether a stage's SHELL is one whose scripts we can
// read. nil is Docker's default, /bin/sh -c.
func posixShell(sh []string) bool {
	if len(sh) == 0 {
		return true
	}
	return isShell(strings.TrimSuffix(strings.ToLower(path.Base(strings.ReplaceAll(sh[0], `\`, "/"))), ".exe"))
}

// shellCommands parses a shell-form RUN: its command part together with
// the heredoc bodies (so the shell sees the heredocs it is given), then the
// bodies that are shell scripts themselves. It returns a shell error text.
func (p *fileParser) shellCommands(c *collector, node *parser.Node, head string, cmdEnd int) string {
	text := head
	if node.EndLine > cmdEnd {
		text += "\n" + p.raw(cmdEnd+1, node.EndLine)
	}
	if err := c.parse(text, walkCtx{parent: -1, org: origin{node.StartLine, 1}}); err != nil {
		c.cmds = nil
		return shellErrorText(err, origin{node.StartLine, 1})
	}
	commandPart := len(c.cmds)
	for k, h := range heredocBodies(node, cmdEnd) {
		ctx := walkCtx{parent: -1, org: origin{h.start, 1}}
		if idx, ok := c.hdocShell[h.Name]; ok {
			ctx.parent, ctx.context = idx, "heredoc"
		} else if k > 0 || commandPart > 0 || !shebangIsShell(h.Content) {
			continue
		}
		body := ""
		if h.lines > 0 {
			body = p.raw(h.start, h.start+h.lines-1)
		}
		if err := c.parse(body, ctx); err != nil {
			return shellErrorText(err, ctx.org)
		}
	}
	return ""
}

// shebangIsShell tells whether a heredoc run as a script is a shell script:
// no #! line (Docker then runs it with the shell) or a #! naming a shell.
func shebangIsShell(content string) bool {
	first, _, _ := strings.Cut(content, "\n")
	if !strings.HasPrefix(first, "#!") {
		return true
	}
	f := strings.Fields(first[2:])
	for len(f) > 0 && (path.Base(f[0]) == "env" || strings.HasPrefix(f[0], "-")) {
		f = f[1:]
	}
	return len(f) > 0 && isShell(f[0])
}

// shellErrorText reports a shell parse error at its file position.
func shellErrorText(err error, org origin) string {
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		l, c := org.pos(pe.Pos)
		return fmt.Sprintf("%d:%d: %s", l, c, pe.Text)
	}
	return err.Error()
}

// execCommand records an exec-form RUN as one command; each JSON string is
// positioned where it is written when that can be found.
func (p *fileParser) execCommand(c *collector, node *parser.Node, text string) {
	var words []string
	for n := node.Next; n != nil; n = n.Next {
		words = append(words, n.Value)
	}
	if len(words) == 0 {
		return
	}
	org := origin{node.StartLine, 1}
	toks := jsonStrings(text)
	whole := lineRange(node.StartLine, node.EndLine)
	rngs := make([]document.Range, len(words))
	for i := range rngs {
		rngs[i] = whole
		if len(toks) == len(words) {
			rngs[i] = toks[i].rng(org)
		}
	}
	env := map[string]any{}
	nameIdx, sudo := unwrapSudo(words, env)
	cmd := &shellCmd{
		name: words[nameIdx], args: words[nameIdx+1:], env: env, sudo: sudo,
		length: 1, parent: -1, rng: whole, nameRng: rngs[nameIdx], argRngs: rngs[nameIdx+1:],
	}
	if len(toks) == len(words) {
		cmd.rng = document.Range{StartLine: rngs[0].StartLine, StartColumn: rngs[0].StartColumn,
			EndLine: rngs[len(rngs)-1].EndLine, EndColumn: rngs[len(rngs)-1].EndColumn}
	}
	c.cmds = append(c.cmds, cmd)
	c.pipelines++
	if k := shellCIndex(cmd.args); isShell(cmd.name) && k >= 0 {
		r := cmd.argRngs[k]
		org := origin{r.StartLine, max(1, r.StartColumn+1)}
		_ = c.parse(cmd.args[k], walkCtx{parent: 0, context: "shell-c", org: org, depth: 1})
	}
}

// jsonToken is a JSON string's place in a text: 1-based line and column
// of its opening quote, and the line and column after its closing quote.
type jsonToken struct{ line, col, endLine, endCol int }

func (t jsonToken) rng(org origin) document.Range {
	sl, sc := org.at(t.line, t.col)
	el, ec := org.at(t.endLine, t.endCol)
	return document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// jsonStrings finds the JSON strings of an exec-form array in text.
func jsonStrings(text string) []jsonToken {
	var out []jsonToken
	line, col := 1, 1
	var cur *jsonToken
	escaped := false
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch {
		case cur == nil && ch == '"':
			cur = &jsonToken{line: line, col: col}
		case cur != nil && escaped:
			escaped = false
		case cur != nil && ch == '\\':
			escaped = true
		case cur != nil && ch == '"':
			cur.endLine, cur.endCol = line, col+1
			out = append(out, *cur)
			cur = nil
		}
		if ch == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return out
}

// values converts the commands to input values and records positions.
func (c *collector) values() []any {
	out := make([]any, 0, len(c.cmds))
	// Pipelines are numbered as met, including statements that hold no
	// command (`<<EOF`, `A=1`); renumber densely in order of appearance.
	dense := map[int]int{}
	for _, cmd := range c.cmds {
		if _, ok := dense[cmd.pipeline]; !ok {
			dense[cmd.pipeline] = len(dense)
		}
	}
	for _, cmd := range c.cmds {
		args := make([]any, len(cmd.args))
		for m, a := range cmd.args {
			args[m] = a
		}
		var parent any
		if cmd.parent >= 0 {
			parent = int64(cmd.parent)
		}
		v := map[string]any{
			"name": cmd.name, "base": path.Base(cmd.name), "args": args, "env": cmd.env, "sudo": cmd.sudo,
			"pipeline": int64(dense[cmd.pipeline]), "position": int64(cmd.position),
			"pipelineLength": int64(cmd.length), "parent": parent, "context": cmd.context,
			"line": int64(cmd.nameRng.StartLine), "column": int64(cmd.nameRng.StartColumn),
		}
		if cmd.expanded != nil {
			exp := make([]any, len(cmd.expanded))
			for m, a := range cmd.expanded {
				exp[m] = a
			}
			v["expanded"] = exp
		}
		addOptionFacts(v, cmd.args)
		out = append(out, v)
	}
	return out
}

// commandRanges locates what is under a RUN's "commands" when a finding
// points there: a command (its whole text), its program ("name", "base",
// "line", "column": the program's word) and each of its arguments ("args/M").
// Anything else under a command lands on the command, and "commands" itself
// on the instruction. Looked up on demand instead of a position recorded for
// every argument: a 100,000-line Dockerfile held 270 MB of those.
type commandRanges struct {
	instruction document.Range
	cmds        []cmdRange
}

type cmdRange struct {
	whole, name document.Range
	args        []document.Range
}

func (c *collector) ranges(instruction document.Range) commandRanges {
	r := commandRanges{instruction: instruction, cmds: make([]cmdRange, len(c.cmds))}
	for k, cmd := range c.cmds {
		r.cmds[k] = cmdRange{whole: cmd.rng, name: cmd.nameRng, args: cmd.argRngs}
	}
	return r
}

// Locate answers one exact key below "commands" ("" is "commands" itself).
func (r commandRanges) Locate(key string) (document.Range, bool) {
	if key == "" {
		return r.instruction, true
	}
	parts := strings.Split(strings.TrimPrefix(key, "/"), "/")
	k, err := strconv.Atoi(parts[0])
	if err != nil || k < 0 || k >= len(r.cmds) {
		return document.Range{}, false
	}
	cmd := r.cmds[k]
	switch {
	case len(parts) == 1:
		return cmd.whole, true
	case len(parts) == 2 && (parts[1] == "name" || parts[1] == "base" || parts[1] == "line" || parts[1] == "column"):
		return cmd.name, true
	case len(parts) == 3 && parts[1] == "args":
		m, err := strconv.Atoi(parts[2])
		if err != nil || m < 0 || m >= len(cmd.args) {
			return document.Range{}, false
		}
		return cmd.args[m], true
	}
	return document.Range{}, false
}

// stageValue builds input.stages[i] and its position.
func (p *fileParser) stageValue(i int, s *stage) map[string]any {
	var name any
	if s.name != "" {
		name = s.name
	}
	p.pos.Set(document.Key("stages", i), lineRange(s.fromLine, s.endLine))
	p.pos.Set(document.Key("stages", i, "instructions"), lineRange(s.fromLine, s.endLine))
	return map[string]any{
		"index": int64(i), "name": name, "final": s.final,
		"from": s.from, "instructions": s.instructions,
	}
}
