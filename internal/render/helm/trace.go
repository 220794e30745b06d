package helm

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// Values printed inside named templates (helpers reached by include or
// template) cannot be marked in band: the caller may compare, truncate or
// hash the helper's output. They are traced out of band instead: every
// top-level action's marker is printed by traceMark, which numbers each
// execution; a helper's action that prints one part of .Values is wrapped
// so that traceRaw sees the value read and traceFinal the text printed,
// both logged with the execution number of the top-level action running.
// After the render, the printed text is looked for, in order, in the
// output that top-level action wrote (see helperRanges).

const (
	fnMark  = "__shiplintMark"
	fnRaw   = "__shiplintRaw"
	fnFinal = "__shiplintFinal"
)

type traceEvent struct {
	final bool // traceFinal, else traceRaw
	id    int  // the helper action's mark
	at    int  // execution number of the top-level action running
	raw   any
	text  string
}

// traceLog is one render's log; a render runs on one goroutine.
type traceLog struct {
	seq    int
	events []traceEvent
}

func (l *traceLog) funcs() template.FuncMap {
	return template.FuncMap{
		fnMark: func(id int) string {
			l.seq++
			return "\x00" + strconv.Itoa(id) + "@" + strconv.Itoa(l.seq) + "\x00"
		},
		fnRaw: func(id int, v any) any {
			if len(l.events) < maxTraceEvents {
				l.events = append(l.events, traceEvent{id: id, at: l.seq, raw: v})
			}
			return v
		},
		fnFinal: func(id int, v any) any {
			if len(l.events) < maxTraceEvents && v != nil {
				l.events = append(l.events, traceEvent{final: true, id: id, at: l.seq, text: fmt.Sprint(v)})
			}
			return v
		},
	}
}

// maxTraceEvents bounds the log (a helper in a long loop).
const maxTraceEvents = 200_000

func markAction(id int) *parse.ActionNode {
	return &parse.ActionNode{NodeType: parse.NodeAction, Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Cmds: []*parse.CommandNode{{
		NodeType: parse.NodeCommand,
		Args:     []parse.Node{ident(fnMark), number(id)},
	}}}}
}

func ident(s string) *parse.IdentifierNode {
	return &parse.IdentifierNode{NodeType: parse.NodeIdentifier, Ident: s}
}

func number(n int) *parse.NumberNode {
	s := strconv.Itoa(n)
	return &parse.NumberNode{NodeType: parse.NodeNumber, IsInt: true, Int64: int64(n), Text: s}
}

// helperList wraps, in a named template's body, each action that prints
// one part of .Values (read from the top context: .Values.a, $.Values.a,
// or "." inside with over it): {{ .Values.a | quote }} becomes
// {{ (__shiplintRaw 7 .Values.a) | quote | __shiplintFinal 7 }}, which
// prints the same.
func (in *instrumenter) helperList(l *parse.ListNode, d dot) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) == 0 {
				continue
			}
			args := n.Pipe.Cmds[0].Args
			if id, ok := args[0].(*parse.IdentifierNode); ok && (id.Ident == "include" || id.Ident == "template" || id.Ident == "index") {
				continue
			}
			ref := valuesRef(n.Pipe, d, nil)
			if ref == nil || ref.rng != 0 {
				continue
			}
			line, col := in.pos(int(n.Pos))
			in.m.list = append(in.m.list, mark{tpl: in.info, line: line, col: col, ref: ref, helper: true})
			id := len(in.m.list) - 1
			if !wrapTrace(n.Pipe, id, d, nil) {
				in.m.list = in.m.list[:id]
			}
		case *parse.IfNode:
			in.helperList(n.List, d)
			in.helperList(n.ElseList, d)
		case *parse.WithNode:
			inner := dot{kind: dotOther}
			if r := valuesRef(n.Pipe, d, nil); r != nil && len(n.Pipe.Decl) == 0 {
				inner = dot{kind: dotRef, ref: r}
			}
			in.helperList(n.List, inner)
			in.helperList(n.ElseList, d)
		case *parse.RangeNode:
			in.helperList(n.List, dot{kind: dotOther})
			in.helperList(n.ElseList, d)
		}
	}
}

// wrapTrace rewrites a pipeline whose first command reads one part of
// .Values as a direct argument so that the value read and the text
// printed are logged: {{ .Values.a | quote }} becomes
// {{ (__shiplintRaw 7 .Values.a) | quote | __shiplintFinal 7 }}, which
// prints the same. False (and nothing changed) when the reference is
// nested deeper.
func wrapTrace(p *parse.PipeNode, id int, d dot, vars map[string]*vref) bool {
	args := p.Cmds[0].Args
	if a, ok := args[0].(*parse.IdentifierNode); ok && a.Ident == "index" {
		return false
	}
	at, count := -1, 0
	for i, a := range args {
		if _, nested := a.(*parse.PipeNode); nested {
			continue
		}
		if r := argRef(a, d, vars); r != nil {
			at, count = i, count+1
		}
	}
	if count != 1 {
		return false
	}
	args[at] = &parse.PipeNode{NodeType: parse.NodePipe, Cmds: []*parse.CommandNode{{
		NodeType: parse.NodeCommand, Args: []parse.Node{ident(fnRaw), number(id), args[at]},
	}}}
	p.Cmds = append(p.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{ident(fnFinal), number(id)}})
	return true
}

// printed is one traced execution: the value read, the text printed.
type printed struct {
	raw  any
	text string
}

// pairs matches each logged read with its print, by execution number of
// the top-level action and mark, in order of the log.
func (l *traceLog) pairs() (byAt map[[2]int]printed, order []traceEvent) {
	byAt = map[[2]int]printed{}
	pending := map[int][]any{}
	for _, e := range l.events {
		if !e.final {
			pending[e.id] = append(pending[e.id], e.raw)
			continue
		}
		raws := pending[e.id]
		if len(raws) == 0 {
			continue
		}
		e.raw = raws[len(raws)-1]
		pending[e.id] = raws[:len(raws)-1]
		byAt[[2]int{e.at, e.id}] = printed{raw: e.raw, text: e.text}
		order = append(order, e)
	}
	return byAt, order
}

// fromValues reports whether the text printed came from raw, the value
// at path in the chart's values: the value is there, and it shows in the
// text ({{ default .Chart.Name .Values.nameOverride }} with an empty
// override printed the chart's name, not the value).
func fromValues(vals map[string]any, path []string, p printed) bool {
	if !sameValue(vals, path, p.raw) {
		return false
	}
	switch v := p.raw.(type) {
	case nil:
		return false
	case string:
		return v != "" && strings.Contains(p.text, v)
	case bool, int, int64, float64:
		return strings.Contains(p.text, fmt.Sprint(v))
	}
	rv := reflect.ValueOf(p.raw)
	switch rv.Kind() {
	case reflect.Map, reflect.Slice:
		return rv.Len() > 0
	}
	return strings.Contains(p.text, fmt.Sprint(p.raw))
}

// region is what one execution of a top-level action wrote: byte offsets
// in the stripped output, and the action's mark.
type region struct {
	start, end int
	m          *mark
}

// helperRanges turns the trace log into values ranges: each printed text,
// whose value read is the value at its path in the chart's values (so a
// helper given another context than the chart's is not misread), is
// looked for in the output of the top-level action that was running,
// after the previous one found there.
func helperRanges(text string, regions map[int]*region, log *traceLog, m *marks, values map[*chartInfo]map[string]any) []*vrange {
	if log == nil {
		return nil
	}
	starts := lineStarts(text)
	pos := func(off int) (int, int) {
		in := instrumenter{lines: starts}
		return in.pos(off)
	}
	cursor := map[int]int{}
	var out []*vrange
	_, order := log.pairs()
	for _, e := range order {
		rg := regions[e.at]
		if rg == nil || e.text == "" || e.id <= 0 || e.id >= len(m.list) || !m.list[e.id].helper {
			continue
		}
		hm := &m.list[e.id]
		chart := rg.m.tpl.chart
		if !fromValues(values[chart], hm.ref.rel, printed{raw: e.raw, text: e.text}) {
			continue
		}
		from := rg.start
		if c, ok := cursor[e.at]; ok {
			from = c
		}
		if from > rg.end || rg.end > len(text) {
			continue
		}
		var s, t int
		if strings.Contains(strings.TrimSpace(e.text), "\n") {
			s, t = findBlock(text, from, rg.end, e.text)
		} else {
			s = findToken(text, from, rg.end, strings.TrimSpace(e.text))
			t = s + len(strings.TrimSpace(e.text))
		}
		if s < 0 {
			continue
		}
		cursor[e.at] = t
		sl, sc := pos(s)
		el, ec := pos(t)
		// The helper's line, but the values of the chart whose template ran.
		km := *hm
		km.tpl = &tplInfo{path: hm.tpl.path, chart: chart}
		out = append(out, &vrange{sl: sl, sc: sc, el: el, ec: ec, m: &km, vpath: hm.ref.rel})
	}
	return out
}

// sameValue reports whether v is the value at path in vals.
func sameValue(vals map[string]any, path []string, v any) bool {
	var cur any = vals
	for _, p := range path {
		if l, ok := cur.([]any); ok {
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(l) {
				return false
			}
			cur = l[i]
			continue
		}
		mp := asMap(cur)
		if mp == nil {
			return false
		}
		var ok bool
		if cur, ok = mp[p]; !ok {
			return false
		}
	}
	return reflect.DeepEqual(cur, v)
}

// findToken finds want in text[from:end] where it stands alone as a value
// ("a" in "team: a", not in "app: web"): after the start, a blank, a
// quote, '=' or ':', and before the end, a line end, a blank, a quote,
// ',', ']' or '}'. -1 when it does not.
func findToken(text string, from, end int, want string) int {
	for from <= end {
		i := strings.Index(text[from:end], want)
		if i < 0 {
			return -1
		}
		s, t := from+i, from+i+len(want)
		before := s == 0 || strings.IndexByte(" \t\n\"'=:", text[s-1]) >= 0
		after := t == len(text) || strings.IndexByte(" \t\r\n\"',]}", text[t]) >= 0
		if before && after {
			return s
		}
		from = s + 1
	}
	return -1
}

// findBlock finds the lines of want in text[from:end] as consecutive
// lines, whatever their indentation (a toYaml block the caller indented
// again): the offsets of its first character and of the end of its last
// line, or -1.
func findBlock(text string, from, end int, want string) (int, int) {
	var lines []string
	for _, l := range strings.Split(want, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return -1, -1
	}
	for from < end {
		i := strings.Index(text[from:end], lines[0])
		if i < 0 {
			return -1, -1
		}
		s := from + i
		ls := strings.LastIndexByte(text[:s], '\n') + 1
		if strings.TrimSpace(text[ls:s]) == "" {
			// Then each next line, trimmed, is the next wanted line.
			at, ok := s, true
			for _, w := range lines {
				le := strings.IndexByte(text[at:], '\n')
				if le < 0 {
					le = len(text) - at
				}
				if at+le > end || strings.TrimSpace(text[at:at+le]) != w {
					ok = false
					break
				}
				at += le
				if at < len(text) {
					at++
				}
				// skip blank lines between
				for at < end {
					ne := strings.IndexByte(text[at:], '\n')
					if ne < 0 || strings.TrimSpace(text[at:at+ne]) != "" {
						break
					}
					at += ne + 1
				}
			}
			if ok {
				stop := at
				if stop > 0 && text[stop-1] == '\n' {
					stop--
				}
				return s, stop
			}
		}
		from = s + 1
	}
	return -1, -1
}
