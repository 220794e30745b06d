package checks

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/regosandbox"
)

// DefaultEvalTimeout bounds the evaluation of one document, so a rule that
// loops or explodes combinatorially cannot hang a scan.
const DefaultEvalTimeout = 10 * time.Second

// Evaluate runs every rule for doc's kind over doc and returns the findings,
// located and fingerprinted, in no particular order. lines are the source
// lines of the file doc came from (for snippets).
func (p *Pack) Evaluate(ctx context.Context, doc *document.Document, lines []string) ([]finding.Finding, error) {
	text := &sourceText{}
	text.once.Do(func() { text.split = lines })
	return p.evaluate(ctx, doc, text, nil)
}

// evaluate runs the rules of doc's kind that apply to it, but those in skip
// (rule IDs).
func (p *Pack) evaluate(ctx context.Context, doc *document.Document, text *sourceText, skip map[string]bool) ([]finding.Finding, error) {
	if _, ok := p.kinds[doc.Kind]; !ok {
		return nil, fmt.Errorf("no rules for kind %q", doc.Kind)
	}
	q, err := p.query(ctx, doc.Kind)
	if err == nil && (p.scopedKinds[doc.Kind] || len(skip) > 0) {
		q, err = p.scopedQuery(ctx, doc, skip)
	}
	if err != nil || q == nil {
		return nil, err
	}
	input, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: converting document for evaluation: %w", doc.Path, err)
	}
	ctx, done := p.sandbox(ctx, p.untrusted)
	defer done()
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(p.now))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s: evaluation did not finish in time (a rule loops or explodes on this document); its findings are missing", doc.Path)
		}
		if why := regosandbox.StoppedForMemory(ctx); why != nil {
			return nil, fmt.Errorf("%s: evaluation stopped: %w", doc.Path, why)
		}
		return nil, fmt.Errorf("%s: evaluation failed: %w", doc.Path, err)
	}
	return p.collect(rs, doc, text)
}

// collect turns the result of an aggregated query ([package, deny element]
// pairs) into findings on doc.
func (p *Pack) collect(rs rego.ResultSet, doc *document.Document, text *sourceText) ([]finding.Finding, error) {
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	set, _ := rs[0].Expressions[0].Value.([]any)
	out := make([]finding.Finding, 0, len(set))
	for _, item := range set {
		pair, _ := item.([]any)
		if len(pair) != 2 {
			continue
		}
		pkg, _ := pair[0].(string)
		rule, ok := p.byPkg[Namespace+"."+string(doc.Kind)+"."+pkg]
		if !ok || !p.enabled[rule.ID] {
			continue // not selected, or (impossible after Load) no metadata
		}
		msg, path, err := p.decodeDeny(rule, pair[1])
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s (%s): %v", doc.Path, rule.ID, rule.File, err)
		}
		f := p.newFinding(rule, doc, msg, path, text)
		attachFix(&f, doc, text, pair[1])
		out = append(out, f)
	}
	return out, nil
}

// decodeDeny reads one element of a deny set, as the engine's query
// shapes it (see aggregator): {"msg": ..., "path": [...]} or,
// conftest-style, a bare message string (located at the document), or
// {"error": ...} for an element or a set the engine refused to read.
// A user rule's message is cut at maxUserMessageBytes, and its findings
// count towards maxUserFindings.
func (p *Pack) decodeDeny(r *finding.Rule, v any) (string, []any, error) {
	msg, path, err := decodeDeny(v)
	if err != nil || r.BuiltIn {
		return msg, path, err
	}
	if n := p.userFindings.Add(1); n > maxUserFindings {
		return "", nil, fmt.Errorf("user rules have reported %s findings in this scan, the cap; the rest are missing", regosandbox.FormatCount(maxUserFindings))
	}
	return cutMessage(msg), path, nil
}

func decodeDeny(v any) (string, []any, error) {
	switch d := v.(type) {
	case string:
		return d, nil, nil
	case map[string]any:
		switch d["error"] {
		case nil:
		case "too_many":
			return "", nil, fmt.Errorf("deny has %v elements on this document, over the cap of %s", d["count"], regosandbox.FormatCount(maxDenyElements))
		default:
			return "", nil, fmt.Errorf("deny element must be an object {msg, path} with a string msg, or a string; got %v", d["type"])
		}
		msg, ok := d["msg"].(string)
		if !ok {
			return "", nil, fmt.Errorf("deny element has no string \"msg\"")
		}
		path, _ := d["path"].([]any)
		return msg, path, nil
	}
	return "", nil, fmt.Errorf("deny element must be an object {msg, path} or a string, got %T", v)
}

func (p *Pack) newFinding(r *finding.Rule, doc *document.Document, msg string, path []any, text *sourceText) finding.Finding {
	rng, ok := doc.Resolve(path)
	if !ok {
		rng = doc.Range
	}
	if !rng.Valid() {
		rng = document.Range{StartLine: 1, EndLine: 1}
	}
	return finding.Finding{
		RuleID:   r.ID,
		Severity: r.Severity,
		Title:    r.Title,
		Message:  msg,
		Kind:     doc.Kind,
		Path:     doc.Path,
		Range:    rng,
		Resource: resourceOf(doc, path),
		Snippet:  snippetAt(text.lines(), rng),
		Anchor:   anchor(doc, path, lineAt(text.lines(), rng.StartLine)),
		Key:      keyOf(doc, text, path),
	}
}

// keyOf is the rule's path as a document.Key, kept only for rendered
// text (where the finding is moved to its source by it).
// A rule's path into a normalized view (a container lifted out of a pod
// template) is translated through the document's mirrors to the path in
// the resource as written.
func keyOf(doc *document.Document, text *sourceText, path []any) string {
	if !text.rendered {
		return ""
	}
	// The Kubernetes parser's own copies of identifying fields.
	if len(path) == 1 && doc.Kind == document.Kubernetes {
		if raw, ok := identityFields[fmt.Sprint(path[0])]; ok {
			if m, ok := doc.Mirrors["/resource"]; ok {
				return m.From + raw
			}
		}
	}
	for n := len(path); n >= 0 && len(doc.Mirrors) > 0; n-- {
		if m, ok := doc.Mirrors[document.Key(path[:n]...)]; ok {
			return m.From + document.Key(path[n:]...)
		}
	}
	return document.Key(path...)
}

// identityFields are input's copies of a resource's identifying fields and
// where the resource holds them.
var identityFields = map[string]string{
	"apiVersion": "/apiVersion", "resourceKind": "/kind",
	"name": "/metadata/name", "namespace": "/metadata/namespace",
}

// anchor is what a finding's fingerprint holds on to inside its resource.
// YAML can be re-indented, reflowed (block to flow style) and reordered,
// so there it is the path the rule reported, with list positions replaced
// by the item's name where it has one. A Dockerfile's lines are stable
// but its instruction indexes are not, so there it is the offending line
// with whitespace collapsed.
func anchor(doc *document.Document, path []any, line string) string {
	if doc.Kind == document.Dockerfile || len(path) == 0 {
		return strings.Join(strings.Fields(line), " ")
	}
	var b strings.Builder
	var cur any = doc.Input
	for _, p := range path {
		b.WriteByte('/')
		switch node := cur.(type) {
		case map[string]any:
			key := fmt.Sprint(p)
			b.WriteString(key)
			cur = node[key]
		case []any:
			i, ok := index(p)
			if !ok || i < 0 || i >= len(node) {
				b.WriteString(fmt.Sprint(p))
				cur = nil
				continue
			}
			b.WriteString(itemKey(node[i], i))
			cur = node[i]
		default:
			b.WriteString(fmt.Sprint(p))
			cur = nil
		}
	}
	return b.String()
}

// itemKey names a list item by what identifies it in Kubernetes and Compose
// lists (containers, volumes, env vars, ports), falling back to position.
func itemKey(item any, i int) string {
	if m, ok := item.(map[string]any); ok {
		for _, k := range []string{"name", "target", "containerPort", "key", "mountPath"} {
			if v, ok := m[k]; ok && v != nil {
				return fmt.Sprintf("%s=%v", k, v)
			}
		}
	}
	if s, ok := item.(string); ok {
		return "=" + s
	}
	return strconv.Itoa(i)
}

// MaxSnippetLines is how many lines of a finding's range its snippet
// holds: a range over more (a whole pod spec) shows its first lines and a
// last line "…". Enough for a continued RUN or a container's settings, few
// enough that six findings on one container do not fill a screen each.
const MaxSnippetLines = 20

// maxSnippetLine bounds each line of a snippet over several lines: one
// joined snippet is a copy, and a block of long lines (a minified JSON
// manifest) under each of many findings must not multiply the file.
// A one-line snippet is the line itself, shared with the source and cut
// by the reporters.
const maxSnippetLine = 1 << 10

// snippetAt is the source text of rng's lines, joined with "\n": its first
// line alone when it covers one line. A range that ends at column 1 of a
// line (just after the previous line's end) does not show that line.
func snippetAt(lines []string, rng document.Range) string {
	end := min(rng.EndLine, len(lines))
	if end > rng.StartLine && rng.EndColumn == 1 {
		end--
	}
	if end <= rng.StartLine {
		return lineAt(lines, rng.StartLine)
	}
	var b strings.Builder
	for n := rng.StartLine; n <= end; n++ {
		if n > rng.StartLine {
			b.WriteByte('\n')
		}
		if n-rng.StartLine == MaxSnippetLines {
			b.WriteString("…")
			break
		}
		l := lineAt(lines, n)
		if len(l) > maxSnippetLine {
			cut := maxSnippetLine
			for cut > 0 && !utf8.RuneStart(l[cut]) {
				cut--
			}
			l = l[:cut] + "…"
		}
		b.WriteString(l)
	}
	return b.String()
}

func lineAt(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// sourceText is a file's text, split into lines the first time a line is
// needed (a finding's snippet, a suppression comment): most documents of a
// repository have no finding, and splitting a multi-megabyte
// CustomResourceDefinition costs more than evaluating it.
// A file's documents may be evaluated in parallel, hence the sync.Once.
type sourceText struct {
	src      []byte
	rendered bool // a rendered chart or overlay resource (see render.go)
	once     sync.Once
	split    []string
	crlfOnce sync.Once
	isCRLF   bool
}

func (t *sourceText) lines() []string {
	t.once.Do(func() { t.split = splitLines(t.src) })
	return t.split
}

// splitLines splits source into lines without their line endings.
func splitLines(src []byte) []string {
	s := strings.TrimPrefix(string(src), "\ufeff")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// fingerprints identify a finding by what it is about, not where it is:
// rule, file, resource, anchor (see anchor), and an ordinal among findings
// that share all of those. Moving lines, re-indenting, reflowing YAML or
// adding unrelated resources leaves it unchanged.
func fingerprints(fs []finding.Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		a := f.Anchor
		if a == "" { // built-in findings (syntax-error, stale-suppression)
			a = strings.Join(strings.Fields(f.Snippet), " ")
		}
		key := strings.Join([]string{f.RuleID, f.Path, f.Resource, a}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}

// resourceOf names what inside the file a finding is about, for its
// fingerprint: the Kubernetes resource, the Compose service, or the named
// Dockerfile stage. Two identical lines in different services stay apart,
// and adding a service does not reshuffle the others' fingerprints.
func resourceOf(doc *document.Document, path []any) string {
	if doc.Identity != "" || len(path) < 2 {
		return doc.Identity
	}
	switch {
	case doc.Kind == document.Compose && path[0] == "services":
		if name, ok := path[1].(string); ok {
			return "service/" + name
		}
	case doc.Kind == document.Dockerfile && path[0] == "stages":
		stages, _ := doc.Input["stages"].([]any)
		i, ok := index(path[1])
		if ok && i < len(stages) {
			if st, _ := stages[i].(map[string]any); st != nil {
				if name, ok := st["name"].(string); ok && name != "" {
					return "stage/" + name
				}
			}
		}
	}
	return ""
}

func index(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}
