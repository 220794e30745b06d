package helm

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
)

// vrange is the stretch of output one values-printing action wrote, in
// the stripped output's lines and byte columns (1-based, end exclusive).
type vrange struct {
	sl, sc, el, ec int
	m              *mark
	vpath          []string
	id, seq        int // the mark and the execution that opened it
}

func (v *vrange) has(line, col int) bool {
	if line < v.sl || line > v.el {
		return false
	}
	if line == v.sl && col < v.sc {
		return false
	}
	if line == v.el && col >= v.ec {
		return false
	}
	return true
}

// strip removes the markers from instrumented output, returning the text,
// the mark in force at each line's first non-blank character, and the
// ranges written by values-printing actions.
func strip(s string, m *marks) (string, []*mark, []*vrange, map[int]*region) {
	regions := map[int]*region{}
	var openRegion *region
	var b strings.Builder
	var lines []*mark
	var ranges []*vrange
	var cur *mark
	var open *vrange
	keys := map[int]string{}
	line, col := 1, 1
	var lineMark *mark
	lineHasText := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0 {
			j := strings.IndexByte(s[i+1:], 0)
			if j < 0 {
				break
			}
			tok := s[i+1 : i+1+j]
			i += j + 1
			if openRegion != nil {
				openRegion.end = b.Len()
				openRegion = nil
			}
			seq := -1
			if a, z, ok := strings.Cut(tok, "@"); ok {
				tok = a
				if n, err := strconv.Atoi(z); err == nil {
					seq = n
				}
			}
			if k, ok := strings.CutPrefix(tok, "k"); ok {
				if id, key, ok := strings.Cut(k, ":"); ok {
					if n, err := strconv.Atoi(id); err == nil {
						keys[n] = key
					}
				}
				continue
			}
			if tok == "e" {
				if open != nil {
					open.el, open.ec = line, col
					ranges = append(ranges, open)
					open = nil
				}
				continue
			}
			n, err := strconv.Atoi(tok)
			if err != nil || n <= 0 || n >= len(m.list) {
				continue
			}
			cur = &m.list[n]
			if seq >= 0 {
				openRegion = &region{start: b.Len(), end: -1, m: cur}
				regions[seq] = openRegion
			}
			open = nil
			if cur.ref != nil {
				if vp, ok := m.resolve(cur.ref, keys); ok {
					open = &vrange{sl: line, sc: col, m: cur, vpath: vp, id: n, seq: seq}
				}
			}
			continue
		}
		if c == '\n' {
			if !lineHasText {
				lineMark = cur
			}
			lines = append(lines, lineMark)
			lineMark, lineHasText = nil, false
			b.WriteByte(c)
			line, col = line+1, 1
			continue
		}
		if !lineHasText && c != ' ' && c != '\t' && c != '\r' {
			lineHasText, lineMark = true, cur
		}
		b.WriteByte(c)
		col++
	}
	if !lineHasText {
		lineMark = cur
	}
	lines = append(lines, lineMark)
	if openRegion != nil {
		openRegion.end = b.Len()
	}
	return b.String(), lines, ranges, regions
}

// onFile, when set (by tests), is told for every rendered file how many
// lines it has, how many differ between the plain and the instrumented
// render, and whether the line map was kept.
var onFile func(name string, lines, differ int, mapped bool)

// docSep is Helm's document separator (releaseutil.SplitManifests).
var docSep = regexp.MustCompile(`^---\s*$|^---\s`)

// file turns one rendered template into resources.
func (r *renderer) file(name, plain, traced string, m *marks, user []*valuesDoc, set map[string]any) {
	lines := strings.Split(plain, "\n")
	var marksByLine []*mark
	var ranges []*vrange
	var tlines []string
	if traced != "" {
		var text string
		var regions map[int]*region
		text, marksByLine, ranges, regions = strip(traced, m)
		ranges = append(r.verified(ranges), helperRanges(text, regions, r.trace, m, r.chartValues)...)
		tlines = strings.Split(text, "\n")
		if len(tlines) != len(lines) {
			marksByLine, ranges, tlines = nil, nil, nil
		}
	}
	same := func(i int) bool { return tlines != nil && tlines[i] == lines[i] }
	if onFile != nil {
		differ := 0
		for i := range lines {
			if tlines != nil && !same(i) {
				differ++
			}
		}
		onFile(name, len(lines), differ, tlines != nil)
	}
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && !docSep.MatchString(lines[i]) {
			continue
		}
		r.doc(name, lines, start, i, marksByLine, ranges, same, user, set)
		start = i + 1
	}
}

func lineLoc(k *mark) render.Chain {
	if k == nil || k.tpl == nil {
		return nil
	}
	return render.Chain{{Path: k.tpl.path, Range: document.Range{StartLine: k.line, StartColumn: k.col, EndLine: k.line}, Role: render.Template}}
}

// doc makes a resource of lines[a:b] (one YAML document).
func (r *renderer) doc(name string, lines []string, a, b int, marksByLine []*mark, ranges []*vrange, same func(int) bool, user []*valuesDoc, set map[string]any) {
	for a < b && isBlank(lines[a]) {
		a++
	}
	for b > a && strings.TrimSpace(lines[b-1]) == "" {
		b--
	}
	if a >= b {
		return
	}
	content := false
	for _, l := range lines[a:b] {
		if !isBlank(l) {
			content = true
			break
		}
	}
	if !content {
		return
	}
	text := strings.Join(lines[a:b], "\n") + "\n"
	res := render.Resource{Text: []byte(text), From: "chart " + strings.SplitN(name, "/", 2)[0] + " (" + name + ")"}
	if marksByLine != nil {
		res.Lines = make([]render.Chain, b-a)
		known := false
		for i := a; i < b; i++ {
			res.Lines[i-a] = lineLoc(marksByLine[i])
			known = known || res.Lines[i-a] != nil
		}
		if !known {
			res.Lines = nil // a template in a .tgz: in no file of the tree
		}
	}
	var node yaml.Node
	if err := yaml.Unmarshal(res.Text, &node); err != nil {
		loc := render.Location{Path: r.chartFile(), Role: render.Template}
		if n := yamlErrLine(err); n > 0 && n <= len(res.Lines) && res.Lines[n-1] != nil {
			loc = res.Lines[n-1][0]
		} else if res.Lines != nil && res.Lines[0] != nil {
			loc = res.Lines[0][0]
		}
		r.res.Problems = append(r.res.Problems, render.Problem{Location: loc, Rule: RuleError,
			Msg: "rendered " + name + " is not valid YAML: " + err.Error()})
		return
	}
	// Ranges in this document, in its own line numbers, on lines whose
	// text is the same in both renders.
	var local []*vrange
	for _, v := range ranges {
		if v.sl-1 < a || v.el-1 >= b {
			continue
		}
		ok := true
		for l := v.sl - 1; l <= v.el-1; l++ {
			if !same(l) {
				ok = false
			}
		}
		if ok {
			c := *v
			c.sl, c.el = v.sl-a, v.el-a
			local = append(local, &c)
		}
	}
	if len(local) > 0 && len(node.Content) > 0 {
		res.Paths = map[string]render.Chain{}
		w := &pathWalker{ranges: local, user: user, set: set, out: res.Paths}
		w.walk(node.Content[0], nil, nil, nil)
	}
	r.res.Resources = append(r.res.Resources, res)
}

func isBlank(l string) bool {
	t := strings.TrimSpace(l)
	return t == "" || strings.HasPrefix(t, "#")
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	if sm := yamlLine.FindStringSubmatch(err.Error()); sm != nil {
		n, _ := strconv.Atoi(sm[1])
		return n
	}
	return 0
}

type pathWalker struct {
	ranges []*vrange
	user   []*valuesDoc
	set    map[string]any
	out    map[string]render.Chain
}

func (w *pathWalker) find(n *yaml.Node) *vrange {
	for _, v := range w.ranges {
		if v.has(n.Line, n.Column) {
			return v
		}
	}
	return nil
}

// walk records the origin of n at path. cur is the values range n's
// enclosing block was written by (nil: none), rel n's path inside it.
func (w *pathWalker) walk(n *yaml.Node, path []any, cur *vrange, rel []string) {
	if v := w.find(n); v != nil && v != cur {
		cur, rel = v, nil
	} else if v == nil && cur != nil && n.Kind == yaml.ScalarNode {
		cur = nil
	}
	if cur != nil && len(path) > 0 {
		vp := append(append([]string{}, cur.vpath...), rel...)
		if loc, ok := cur.m.tpl.chart.lookup(w.user, w.set, vp); ok {
			w.out[document.Key(path...)] = render.Chain{loc, lineLoc(cur.m)[0]}
		}
	} else if cur == nil && n.Kind == yaml.ScalarNode && len(path) > 0 {
		// A scalar that starts with literal text and has values in it,
		// "{{ .Values.image.repository }}:{{ .Values.image.tag }}" in
		// quotes: every values key in it, in order, then the template.
		var c render.Chain
		var last *mark
		for _, v := range w.ranges {
			if v.sl == n.Line && v.el == v.sl && v.sc > n.Column {
				if loc, ok := v.m.tpl.chart.lookup(w.user, w.set, v.vpath); ok {
					c = append(c, loc)
					last = v.m
				}
			}
		}
		if last != nil {
			w.out[document.Key(path...)] = append(c, lineLoc(last)[0])
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kr := w.find(k)
			var c *vrange
			var cr []string
			switch {
			case kr != nil && kr == cur:
				c, cr = cur, append(append([]string{}, rel...), k.Value)
			case kr != nil:
				c, cr = kr, []string{k.Value}
			}
			w.walk(v, append(append([]any{}, path...), k.Value), c, cr)
		}
	case yaml.SequenceNode:
		for i, it := range n.Content {
			var c *vrange
			var cr []string
			if cur != nil && w.find(it) == cur {
				c, cr = cur, append(append([]string{}, rel...), strconv.Itoa(i))
			}
			w.walk(it, append(append([]any{}, path...), i), c, cr)
		}
	}
}

// verified drops the ranges of traced actions whose printed text did not
// come from the value they read (see fromValues).
func (r *renderer) verified(ranges []*vrange) []*vrange {
	if r.trace == nil {
		return ranges
	}
	if r.pairs == nil {
		r.pairs, _ = r.trace.pairs()
	}
	out := ranges[:0]
	for _, v := range ranges {
		if v.m.traced {
			p, ok := r.pairs[[2]int{v.seq, v.id}]
			if !ok || !fromValues(r.chartValues[v.m.tpl.chart], v.vpath, p) {
				continue
			}
		}
		out = append(out, v)
	}
	return out
}
