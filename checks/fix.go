package checks

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// A rule attaches a fix to a deny element (lib.finding_fix in
// rules/lib/lib.rego): {"description": ..., "ops": [op, ...]}, each op one
// of
//
//	{"path": [...], "set": scalar}     set a map key (created, with any missing
//	                                   maps above it, under the deepest node
//	                                   that exists)
//	{"path": [...], "add": scalar}     append an item to the list at path
//	                                   (the list is created when missing)
//	{"after": regexp, "insert": text}  Dockerfile: insert text after the first
//	                                   match of regexp at or after the finding
//	                                   (on the finding's lines)
//	{"match": regexp, "replace": text} Dockerfile: replace the first match
//	                                   (there) with text, $1 expanded
//
// The engine turns the ops into text edits on the source, touching only the
// characters it must: comments, indentation, quoting and line endings stay.
// A fix the engine cannot place safely (flow style it does not edit, an
// alias, a key written through a merge, rendered text) is dropped: the
// finding is reported without one. All ops place, or none.

// Bounds on what a fix may hold (user rules write them too).
const (
	maxFixOps        = 8
	maxFixTextBytes  = 512
	maxFixListItems  = 16
	maxFixPathLength = 32
)

type fixEditor struct {
	doc   *document.Document
	lines []string
	eol   string
}

// attachFix gives f the fix of deny element v, when it has one the engine
// can place.
func attachFix(f *finding.Finding, doc *document.Document, text *sourceText, v any) {
	if d, ok := v.(map[string]any); ok {
		if raw, ok := d["fix"].(map[string]any); ok {
			f.Fix = buildFix(doc, text, f.Range, raw)
		}
	}
}

// buildFix turns a rule's fix into text edits on doc's file, or nil.
func buildFix(doc *document.Document, text *sourceText, at document.Range, raw map[string]any) *finding.Fix {
	if raw == nil || text.rendered {
		return nil
	}
	desc, _ := raw["description"].(string)
	ops, _ := raw["ops"].([]any)
	if desc == "" || len(desc) > maxFixTextBytes || len(ops) == 0 || len(ops) > maxFixOps {
		return nil
	}
	e := fixEditor{doc: doc, lines: text.lines(), eol: "\n"}
	if text.crlf() {
		e.eol = "\r\n"
	}
	fix := &finding.Fix{Description: desc}
	for _, o := range ops {
		op, ok := o.(map[string]any)
		if !ok {
			return nil
		}
		path, _ := op["path"].([]any)
		if len(path) > maxFixPathLength {
			return nil
		}
		var ed finding.Edit
		if v, has := op["set"]; has {
			ed, ok = e.set(path, v)
		} else if v, has := op["add"]; has {
			ed, ok = e.add(path, v)
		} else if ins, has := op["insert"].(string); has {
			after, _ := op["after"].(string)
			ed, ok = e.insert(at, after, ins)
		} else if rep, has := op["replace"].(string); has {
			match, _ := op["match"].(string)
			ed, ok = e.replace(at, match, rep)
		} else {
			ok = false
		}
		if !ok {
			return nil
		}
		ed.Path = doc.Path
		fix.Edits = append(fix.Edits, ed)
	}
	return fix
}

func (t *sourceText) crlf() bool {
	t.crlfOnce.Do(func() { t.isCRLF = bytes.Contains(t.src, []byte("\r\n")) })
	return t.isCRLF
}

// line returns source line n (1-based) without its ending.
func (e fixEditor) line(n int) (string, bool) {
	if n < 1 || n > len(e.lines) {
		return "", false
	}
	return e.lines[n-1], true
}

// byteAt is the byte offset of 1-based character column col in line (0
// for col 0, the line's start), or -1.
func byteAt(line string, col int) int {
	if col <= 1 {
		return 0
	}
	off := 0
	for i := 1; i < col; i++ {
		if off >= len(line) {
			return -1
		}
		_, n := utf8.DecodeRuneInString(line[off:])
		off += n
	}
	return off
}

// nextIndent is the indentation of the first line after line n that is not
// blank or a comment, or -1 at the end of the text. Positions give where a
// node starts; where a multi-line plain scalar ends they may not, so an
// edit checks that the text after it is not more of the node.
func (e fixEditor) nextIndent(n int) int {
	ind, _ := e.next(n)
	return ind
}

// next is nextIndent with the line's text after the indentation.
func (e fixEditor) next(n int) (int, string) {
	for l := n + 1; l <= len(e.lines); l++ {
		t := e.lines[l-1]
		body := strings.TrimLeft(t, " ")
		if body == "" || body[0] == '#' {
			continue
		}
		return len(t) - len(body), body
	}
	return -1, ""
}

// colOf is the 1-based character column of byte offset off in line.
func colOf(line string, off int) int { return utf8.RuneCountInString(line[:off]) + 1 }

func point(line int, col int) document.Range {
	return document.Range{StartLine: line, StartColumn: col, EndLine: line, EndColumn: col}
}

// afterKey reads `key:` (the key plain or quoted) at the start of s and
// returns the offset where its value starts (after the blanks).
func afterKey(s, key string) (int, bool) {
	i := 0
	switch {
	case strings.HasPrefix(s, key):
		i = len(key)
	case strings.HasPrefix(s, strconv.Quote(key)):
		i = len(strconv.Quote(key))
	case strings.HasPrefix(s, "'"+key+"'"):
		i = len(key) + 2
	default:
		return 0, false
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != ':' {
		return 0, false
	}
	i++
	if i < len(s) && s[i] != ' ' && s[i] != '\t' {
		return 0, false
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i, true
}

// emptyTail: nothing but blanks and a comment.
func emptyTail(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || strings.HasPrefix(s, "#")
}

var plainScalar = regexp.MustCompile(`^[A-Za-z_/][A-Za-z0-9_./-]*$`)

// yamlScalar writes a scalar the way it reads back as the same value.
func yamlScalar(v any) (string, bool) {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x), true
	case json.Number:
		return x.String(), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case string:
		if len(x) > maxFixTextBytes {
			return "", false
		}
		switch strings.ToLower(x) {
		case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
			return strconv.Quote(x), true
		}
		if plainScalar.MatchString(x) {
			return x, true
		}
		b, err := json.Marshal(x)
		return string(b), err == nil
	}
	return "", false
}

func yamlKey(k string) string {
	if s, ok := yamlScalar(k); ok && s == k {
		return k
	}
	return strconv.Quote(k)
}

// set writes value at path: over the existing scalar, or as new lines
// under the deepest map on path that exists.
func (e fixEditor) set(path []any, v any) (finding.Edit, bool) {
	if len(path) == 0 {
		return finding.Edit{}, false
	}
	key, ok := path[len(path)-1].(string)
	if !ok {
		return finding.Edit{}, false
	}
	if r, ok := e.doc.Lookup(document.Key(path...)); ok {
		return e.replaceValue(r, key, v)
	}
	return e.insertMissing(path, v)
}

// replaceValue replaces the value of the one-line entry `key: value` at r.
func (e fixEditor) replaceValue(r document.Range, key string, v any) (finding.Edit, bool) {
	val, ok := yamlScalar(v)
	line, okl := e.line(r.StartLine)
	if !ok || !okl || r.EndLine != r.StartLine {
		return finding.Edit{}, false
	}
	start, end := byteAt(line, r.StartColumn), byteAt(line, r.EndColumn)
	if r.EndColumn == 0 {
		end = len(line)
	}
	if start < 0 || end < start {
		return finding.Edit{}, false
	}
	off, ok := afterKey(line[start:end], key)
	if !ok || e.nextIndent(r.StartLine) > start {
		return finding.Edit{}, false // the value goes on below
	}
	from := start + off
	if from == end && line[from-1] == ':' {
		val = " " + val // `key:` (null) becomes `key: value`
	}
	if strings.HasPrefix(line[from:end], "&") || strings.HasPrefix(line[from:end], "*") || strings.HasPrefix(line[from:end], "!") {
		return finding.Edit{}, false // anchors, aliases, tags: left to a human
	}
	return finding.Edit{
		Range:   document.Range{StartLine: r.StartLine, StartColumn: colOf(line, from), EndLine: r.StartLine, EndColumn: colOf(line, end)},
		NewText: val,
	}, true
}

// insertMissing adds the missing tail of path, with v at its end, as new
// lines after the deepest existing block map on path.
func (e fixEditor) insertMissing(path []any, v any) (finding.Edit, bool) {
	for n := len(path) - 1; n >= 1; n-- {
		pr, ok := e.doc.Lookup(document.Key(path[:n]...))
		if !ok {
			continue
		}
		indent, ok := e.childIndent(path[n-1], pr)
		if !ok {
			return finding.Edit{}, false
		}
		block, ok := e.renderBlock(path[n:], v, indent)
		last, okl := e.line(pr.EndLine)
		if !ok || !okl || e.nextIndent(pr.EndLine) >= indent {
			return finding.Edit{}, false // the map goes on below its known end
		}
		col := colOf(last, len(last))
		return finding.Edit{Range: point(pr.EndLine, col), NewText: e.eol + block}, true
	}
	return finding.Edit{}, false
}

// childIndent is the indentation of the entries of the block map at r
// (the value of key elem, or a list item), or false when it is not a
// block map the engine can extend.
func (e fixEditor) childIndent(elem any, r document.Range) (int, bool) {
	line, ok := e.line(r.StartLine)
	if !ok {
		return 0, false
	}
	start := byteAt(line, r.StartColumn)
	if start < 0 || start > len(line) {
		return 0, false
	}
	if strings.ContainsRune(line[:start], '\t') {
		return 0, false
	}
	switch k := elem.(type) {
	case string:
		off, ok := afterKey(line[start:], k)
		if !ok && strings.HasSuffix(strings.TrimRight(line[start:], " "), ":") {
			ok, off = strings.HasPrefix(line[start:], k), len(strings.TrimRight(line[start:], " "))
		}
		if !ok || !emptyTail(line[start+off:]) {
			return 0, false
		}
		for l := r.StartLine + 1; l <= r.EndLine; l++ {
			t, _ := e.line(l)
			body := strings.TrimLeft(t, " ")
			if body == "" || body[0] == '#' {
				continue
			}
			ind := len(t) - len(body)
			if ind <= start || body[0] == '-' || body[0] == '\t' {
				return 0, false
			}
			return ind, true
		}
		return start + 2, true
	default: // a list item: `- key: ...`
		if !strings.HasSuffix(strings.TrimRight(line[:start], " "), "-") {
			return 0, false
		}
		if start >= len(line) || strings.ContainsRune("{[\"'&*!|>", rune(line[start])) {
			return 0, false
		}
		return start, true
	}
}

// renderBlock writes keys (nested maps) with v at the innermost, in block
// style at indent, without a trailing line ending.
func (e fixEditor) renderBlock(keys []any, v any, indent int) (string, bool) {
	var b strings.Builder
	for j, k := range keys {
		ks, ok := k.(string)
		if !ok {
			return "", false
		}
		if j > 0 {
			b.WriteString(e.eol)
		}
		b.WriteString(strings.Repeat(" ", indent+2*j) + yamlKey(ks) + ":")
	}
	if items, ok := v.([]any); ok {
		if len(items) == 0 || len(items) > maxFixListItems {
			return "", false
		}
		pad := strings.Repeat(" ", indent+2*len(keys))
		for _, it := range items {
			s, ok := yamlScalar(it)
			if !ok {
				return "", false
			}
			b.WriteString(e.eol + pad + "- " + s)
		}
		return b.String(), true
	}
	s, ok := yamlScalar(v)
	b.WriteString(" " + s)
	return b.String(), ok
}

// add appends v to the list at path: a block list gets a new `- v` line,
// a one-line flow list `[a, b]` gets `, v`; a missing list is created.
func (e fixEditor) add(path []any, v any) (finding.Edit, bool) {
	if len(path) == 0 {
		return finding.Edit{}, false
	}
	key, ok := path[len(path)-1].(string)
	if !ok {
		return finding.Edit{}, false
	}
	r, ok := e.doc.Lookup(document.Key(path...))
	if !ok {
		return e.insertMissing(path, []any{v})
	}
	val, ok := yamlScalar(v)
	line, okl := e.line(r.StartLine)
	if !ok || !okl {
		return finding.Edit{}, false
	}
	start := byteAt(line, r.StartColumn)
	if start < 0 {
		return finding.Edit{}, false
	}
	off, ok := afterKey(line[start:], key)
	if !ok {
		return finding.Edit{}, false
	}
	from := start + off
	if strings.HasPrefix(line[from:], "[") {
		end := byteAt(line, r.EndColumn)
		if r.EndLine != r.StartLine || end <= from || line[end-1] != ']' {
			return finding.Edit{}, false
		}
		inner := strings.TrimSpace(line[from+1 : end-1])
		text := val
		if inner != "" {
			text = ", " + val
		}
		return finding.Edit{Range: point(r.StartLine, colOf(line, end-1)), NewText: text}, true
	}
	if !emptyTail(line[from:]) {
		return finding.Edit{}, false
	}
	for l := r.StartLine + 1; l <= r.EndLine; l++ {
		t, _ := e.line(l)
		body := strings.TrimLeft(t, " ")
		if body == "" || body[0] == '#' {
			continue
		}
		if !strings.HasPrefix(body, "- ") {
			return finding.Edit{}, false
		}
		last, _ := e.line(r.EndLine)
		pad := t[:len(t)-len(body)]
		if next, body := e.next(r.EndLine); next > len(pad) || (next == len(pad) && strings.HasPrefix(body, "-")) {
			return finding.Edit{}, false // the list goes on below its known end
		}
		return finding.Edit{Range: point(r.EndLine, colOf(last, len(last))), NewText: e.eol + pad + "- " + val}, true
	}
	return finding.Edit{}, false
}

// replace replaces the first match of match, searching the finding's lines
// from its start, with text ($1... expanded from the match's groups).
func (e fixEditor) replace(at document.Range, match, text string) (finding.Edit, bool) {
	if match == "" || len(match) > maxFixTextBytes || len(text) > maxFixTextBytes || strings.ContainsAny(text, "\r\n") {
		return finding.Edit{}, false
	}
	re, err := regexp.Compile(match)
	if err != nil {
		return finding.Edit{}, false
	}
	l, line, from, loc, ok := e.firstMatch(at, re)
	if !ok {
		return finding.Edit{}, false
	}
	out := re.ExpandString(nil, text, line[from:], loc)
	if strings.ContainsAny(string(out), "\r\n") {
		return finding.Edit{}, false
	}
	return finding.Edit{
		Range:   document.Range{StartLine: l, StartColumn: colOf(line, from+loc[0]), EndLine: l, EndColumn: colOf(line, from+loc[1])},
		NewText: string(out),
	}, true
}

// insert puts text after the first match of after, searching the finding's
// lines from its start.
func (e fixEditor) insert(at document.Range, after, text string) (finding.Edit, bool) {
	if after == "" || len(after) > maxFixTextBytes || text == "" || len(text) > maxFixTextBytes || strings.ContainsAny(text, "\r\n") {
		return finding.Edit{}, false
	}
	re, err := regexp.Compile(after)
	if err != nil {
		return finding.Edit{}, false
	}
	l, line, from, loc, ok := e.firstMatch(at, re)
	if !ok {
		return finding.Edit{}, false
	}
	return finding.Edit{Range: point(l, colOf(line, from+loc[1])), NewText: text}, true
}

// firstMatch finds the first match of re in the finding's lines, from its
// start column on its first line: the line number, the line, the byte
// offset the search started at, and the match's submatch offsets (relative
// to that offset).
func (e fixEditor) firstMatch(at document.Range, re *regexp.Regexp) (int, string, int, []int, bool) {
	end := max(at.EndLine, at.StartLine)
	for l := at.StartLine; l <= end; l++ {
		line, ok := e.line(l)
		if !ok {
			break
		}
		from := 0
		if l == at.StartLine {
			if from = byteAt(line, at.StartColumn); from < 0 {
				return 0, "", 0, nil, false
			}
		}
		if loc := re.FindStringSubmatchIndex(line[from:]); loc != nil {
			return l, line, from, loc, true
		}
	}
	return 0, "", 0, nil, false
}
