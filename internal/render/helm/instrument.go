package helm

import (
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
)

// A mark is one instrumented position: the template line that the output
// after it came from and, for an action that prints a value of .Values,
// that value's path.
type mark struct {
	tpl   *tplInfo
	line  int
	col   int
	vpath []string // nil: not from .Values
}

// tplInfo is one template file of one chart.
type tplInfo struct {
	path  string // root-relative, slash-separated
	chart *chartInfo
}

// marks is the table the markers in rendered output index.
type marks struct {
	list []mark // list[0] is unused: "\x00e\x00" ends a values range
}

const endMarker = "\x00e\x00"

func (m *marks) add(k mark) string {
	m.list = append(m.list, k)
	return "\x00" + strconv.Itoa(len(m.list)-1) + "\x00"
}

// instrument parses a template the way Helm's engine does (text/template,
// default delimiters; functions are not checked here, Helm checks them
// when it parses the result) and returns equivalent template text with a
// marker before every line of literal text and every printing action, and
// an end marker after every action whose value came from .Values. Trees
// of {{define}} and {{block}} are kept as they are: their output is often
// compared or hashed by the caller ({{ if eq (include ..) "true" }}), and a
// marker inside it would change what renders. ok is false when the text
// does not parse; Helm then reports the error on the original text.
func instrument(name, src string, info *tplInfo, m *marks) (string, bool) {
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck
	set := map[string]*parse.Tree{}
	if _, err := tr.Parse(src, "", "", set); err != nil {
		return "", false
	}
	main := set[name]
	lines := lineStarts(src)
	in := &instrumenter{src: src, lines: lines, info: info, m: m}
	var b strings.Builder
	if main != nil && main.Root != nil {
		in.list(main.Root, nil, false)
		b.WriteString(main.Root.String())
	}
	names := make([]string, 0, len(set))
	for n := range set {
		if n != name {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		t := set[n]
		b.WriteString("{{define ")
		b.WriteString(strconv.Quote(n))
		b.WriteString("}}")
		if t.Root != nil {
			b.WriteString(t.Root.String())
		}
		b.WriteString("{{end}}")
	}
	return b.String(), true
}

type instrumenter struct {
	src   string
	lines []int
	info  *tplInfo
	m     *marks
}

func lineStarts(s string) []int {
	ls := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos turns a byte offset into a 1-based line and column.
func (in *instrumenter) pos(off int) (int, int) {
	i := sort.Search(len(in.lines), func(i int) bool { return in.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - in.lines[i] + 1
}

func text(s string) *parse.TextNode {
	return &parse.TextNode{NodeType: parse.NodeText, Text: []byte(s)}
}

// list rewrites a list in place. dot is the values path of "." (nil when
// it is not a part of .Values, or not known); valid says whether dot is
// known at all.
func (in *instrumenter) list(l *parse.ListNode, dot []string, valid bool) {
	if l == nil {
		return
	}
	var out []parse.Node
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			out = append(out, in.textNodes(n)...)
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				out = append(out, n)
				continue
			}
			line, col := in.pos(int(n.Pos))
			// n.Pos is the pipeline's start; Helm reports the action's.
			vp := valuesRef(n.Pipe, dot, valid)
			out = append(out, text(in.m.add(mark{tpl: in.info, line: line, col: col, vpath: vp})), n)
			if vp != nil {
				out = append(out, text(endMarker))
			}
		case *parse.IfNode:
			in.list(n.List, dot, valid)
			in.list(n.ElseList, dot, valid)
			out = append(out, n)
		case *parse.WithNode:
			inner := valuesRef(n.Pipe, dot, valid)
			if len(n.Pipe.Decl) > 0 {
				inner = nil
			}
			in.list(n.List, inner, inner != nil)
			in.list(n.ElseList, dot, valid)
			out = append(out, n)
		case *parse.RangeNode:
			in.list(n.List, nil, false)
			in.list(n.ElseList, dot, valid)
			out = append(out, n)
		default:
			out = append(out, n)
		}
	}
	l.Nodes = out
}

// textNodes splits literal text at line starts, a marker before each.
func (in *instrumenter) textNodes(n *parse.TextNode) []parse.Node {
	var out []parse.Node
	t := string(n.Text)
	start := int(n.Pos)
	from := 0
	for from < len(t) {
		line, col := in.pos(start + from)
		out = append(out, text(in.m.add(mark{tpl: in.info, line: line, col: col})))
		nl := strings.IndexByte(t[from:], '\n')
		if nl < 0 {
			out = append(out, text(t[from:]))
			break
		}
		out = append(out, text(t[from:from+nl+1]))
		from += nl + 1
	}
	return out
}

// valuesRef is the .Values path a pipeline prints, when exactly one
// reference to .Values (or to a known "." inside with) appears among the
// arguments of its first command: {{ .Values.a.b }}, {{ .Values.a | quote }},
// {{ toYaml .Values.a | nindent 4 }}, {{ default "x" .Values.a }}.
func valuesRef(p *parse.PipeNode, dot []string, valid bool) []string {
	if p == nil || len(p.Cmds) == 0 {
		return nil
	}
	var found [][]string
	for _, a := range p.Cmds[0].Args {
		if r := argRef(a, dot, valid); r != nil {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

func argRef(a parse.Node, dot []string, valid bool) []string {
	switch a := a.(type) {
	case *parse.FieldNode:
		if len(a.Ident) > 0 && a.Ident[0] == "Values" && !valid {
			return append([]string{}, a.Ident[1:]...)
		}
		if valid {
			return append(append([]string{}, dot...), a.Ident...)
		}
		if a.Ident[0] == "Values" {
			return append([]string{}, a.Ident[1:]...)
		}
	case *parse.VariableNode:
		if len(a.Ident) > 1 && a.Ident[0] == "$" && a.Ident[1] == "Values" {
			return append([]string{}, a.Ident[2:]...)
		}
	case *parse.DotNode:
		if valid {
			return append([]string{}, dot...)
		}
	case *parse.PipeNode:
		return valuesRef(a, dot, valid)
	}
	return nil
}
