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
	tpl  *tplInfo
	line int
	col  int
	ref  *vref // nil: not from .Values
	// helper: an action in a named template, traced out of band.
	helper bool
	// traced: the value read and the text printed are logged (trace.go).
	traced bool
}

// vref is a part of .Values: rel under the root (rng 0), or rel under
// the element a range over a part of .Values is at (rng, its index in
// marks.ranges), which only the rendered output tells.
type vref struct {
	rng int
	rel []string
}

// tplInfo is one template file of one chart.
type tplInfo struct {
	path  string // root-relative, slash-separated
	chart *chartInfo
}

// marks is the table the markers in rendered output index.
type marks struct {
	list   []mark // list[0] is unused: "\x00e\x00" ends a values range
	ranges []vref // ranges[0] is unused
}

func (m *marks) addRange(r vref) int {
	if len(m.ranges) == 0 {
		m.ranges = []vref{{}}
	}
	m.ranges = append(m.ranges, r)
	return len(m.ranges) - 1
}

// resolve turns a reference into a path of .Values, given the key each
// range is at; false when a range's key is not known.
func (m *marks) resolve(r *vref, keys map[int]string) ([]string, bool) {
	if r.rng == 0 {
		return r.rel, true
	}
	key, ok := keys[r.rng]
	if !ok || r.rng >= len(m.ranges) {
		return nil, false
	}
	base, ok := m.resolve(&m.ranges[r.rng], keys)
	if !ok {
		return nil, false
	}
	return append(append(append([]string{}, base...), key), r.rel...), true
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
		in.list(main.Root, dot{kind: dotRoot}, nil)
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
		if t.Root != nil {
			in.helperList(t.Root, dot{kind: dotRoot})
		}
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

// dot is what "." is in a stretch of template: the top context (where
// .Values is), a part of .Values (inside with or range over it), or
// something else.
type dot struct {
	kind int // dotRoot, dotRef or dotOther
	ref  *vref
}

const (
	dotRoot = iota
	dotRef
	dotOther
)

// list rewrites a list in place.
func (in *instrumenter) list(l *parse.ListNode, d dot, vars map[string]*vref) {
	if l == nil {
		return
	}
	vars = cloneVars(vars)
	var out []parse.Node
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			out = append(out, in.textNodes(n)...)
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				if r := valuesRef(n.Pipe, d, vars); r != nil && len(n.Pipe.Decl) == 1 && !n.Pipe.IsAssign {
					vars[n.Pipe.Decl[0].Ident[0]] = r
				} else {
					for _, v := range n.Pipe.Decl {
						delete(vars, v.Ident[0])
					}
				}
				out = append(out, n)
				continue
			}
			line, col := in.pos(int(n.Pos))
			vp := valuesRef(n.Pipe, d, vars)
			in.m.add(mark{tpl: in.info, line: line, col: col, ref: vp})
			id := len(in.m.list) - 1
			if vp != nil {
				in.m.list[id].traced = wrapTrace(n.Pipe, id, d, vars)
			}
			out = append(out, markAction(id), n)
			if vp != nil {
				out = append(out, text(endMarker))
			}
		case *parse.TemplateNode:
			line, col := in.pos(int(n.Pos))
			in.m.add(mark{tpl: in.info, line: line, col: col})
			out = append(out, markAction(len(in.m.list)-1), n)
		case *parse.IfNode:
			in.list(n.List, d, vars)
			in.list(n.ElseList, d, vars)
			out = append(out, n)
		case *parse.WithNode:
			inner := dot{kind: dotOther}
			iv := vars
			if r := valuesRef(n.Pipe, d, vars); r != nil {
				inner = dot{kind: dotRef, ref: r}
				if len(n.Pipe.Decl) == 1 {
					iv = cloneVars(vars)
					iv[n.Pipe.Decl[0].Ident[0]] = r
				}
			}
			in.list(n.List, inner, iv)
			in.list(n.ElseList, d, vars)
			out = append(out, n)
		case *parse.RangeNode:
			in.rangeNode(n, d, vars)
			in.list(n.ElseList, d, vars)
			out = append(out, n)
		default:
			out = append(out, n)
		}
	}
	l.Nodes = out
}

// rangeNode instruments a range over a part of .Values: the loop gets an
// index variable if it has none, and its body starts by printing a key
// marker "\x00k<range>:<index or key>\x00", so the element's path is
// known at run time.
func (in *instrumenter) rangeNode(n *parse.RangeNode, d dot, vars map[string]*vref) {
	r := valuesRef(n.Pipe, d, vars)
	if r == nil || n.List == nil {
		in.list(n.List, dot{kind: dotOther}, vars)
		return
	}
	id := in.m.addRange(*r)
	idx := "$__shiplint_k" + strconv.Itoa(id)
	newVar := func(name string) *parse.VariableNode {
		return &parse.VariableNode{NodeType: parse.NodeVariable, Ident: []string{name}}
	}
	iv := cloneVars(vars)
	elem := &vref{rng: id}
	switch len(n.Pipe.Decl) {
	case 0:
		n.Pipe.Decl = []*parse.VariableNode{newVar(idx), newVar("$__shiplint_e" + strconv.Itoa(id))}
	case 1:
		iv[n.Pipe.Decl[0].Ident[0]] = elem
		n.Pipe.Decl = []*parse.VariableNode{newVar(idx), n.Pipe.Decl[0]}
	default:
		idx = n.Pipe.Decl[0].Ident[0]
		delete(iv, idx)
		iv[n.Pipe.Decl[1].Ident[0]] = elem
	}
	in.list(n.List, dot{kind: dotRef, ref: elem}, iv)
	str := func(s string) *parse.StringNode {
		return &parse.StringNode{NodeType: parse.NodeString, Quoted: strconv.Quote(s), Text: s}
	}
	key := &parse.ActionNode{NodeType: parse.NodeAction, Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Cmds: []*parse.CommandNode{{
		NodeType: parse.NodeCommand,
		Args: []parse.Node{
			&parse.IdentifierNode{NodeType: parse.NodeIdentifier, Ident: "print"},
			str("\x00k" + strconv.Itoa(id) + ":"), newVar(idx), str("\x00"),
		},
	}}}}
	n.List.Nodes = append([]parse.Node{key}, n.List.Nodes...)
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

// valuesRef is the part of .Values a pipeline prints, when exactly one
// reference to .Values (or to "." or a variable known to hold a part of
// it) appears among the arguments of its first command:
// {{ .Values.a.b }}, {{ .Values.a | quote }}, {{ toYaml .Values.a | nindent 4 }},
// {{ default "x" .Values.a }}, {{ .b }} inside {{ with .Values.a }}.
func valuesRef(p *parse.PipeNode, d dot, vars map[string]*vref) *vref {
	if p == nil || len(p.Cmds) == 0 {
		return nil
	}
	args := p.Cmds[0].Args
	if id, ok := args[0].(*parse.IdentifierNode); ok {
		switch id.Ident {
		case "include", "template":
			// The named template's output, not the argument's value.
			return nil
		case "index":
			// index .Values.a "b" 0: the element, when the keys are literals.
			if len(args) < 2 {
				return nil
			}
			r := argRef(args[1], d, vars)
			if r == nil {
				return nil
			}
			var rel []string
			for _, k := range args[2:] {
				switch k := k.(type) {
				case *parse.StringNode:
					rel = append(rel, k.Text)
				case *parse.NumberNode:
					rel = append(rel, k.Text)
				default:
					return nil
				}
			}
			return r.plus(rel)
		}
	}
	var found []*vref
	for _, a := range args {
		if r := argRef(a, d, vars); r != nil {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

func (v *vref) plus(rel []string) *vref {
	return &vref{rng: v.rng, rel: append(append([]string{}, v.rel...), rel...)}
}

func argRef(a parse.Node, d dot, vars map[string]*vref) *vref {
	switch a := a.(type) {
	case *parse.FieldNode:
		switch d.kind {
		case dotRoot:
			if a.Ident[0] == "Values" {
				return &vref{rel: append([]string{}, a.Ident[1:]...)}
			}
		case dotRef:
			return d.ref.plus(a.Ident)
		}
	case *parse.VariableNode:
		if len(a.Ident) > 1 && a.Ident[0] == "$" && a.Ident[1] == "Values" {
			return &vref{rel: append([]string{}, a.Ident[2:]...)}
		}
		if r, ok := vars[a.Ident[0]]; ok {
			return r.plus(a.Ident[1:])
		}
	case *parse.DotNode:
		if d.kind == dotRef {
			return d.ref
		}
	case *parse.PipeNode:
		return valuesRef(a, d, vars)
	}
	return nil
}

func cloneVars(v map[string]*vref) map[string]*vref {
	out := make(map[string]*vref, len(v))
	for k, r := range v {
		out[k] = r
	}
	return out
}
