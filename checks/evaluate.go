package checks

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// DefaultEvalTimeout bounds the evaluation of one document, so a rule that
// loops or explodes combinatorially cannot hang a scan.
const DefaultEvalTimeout = 10 * time.Second

// Evaluate runs every rule for doc's kind over doc and returns the findings,
// located and fingerprinted, in no particular order. lines are the source
// lines of the file doc came from (for snippets).
func (p *Pack) Evaluate(ctx context.Context, doc *document.Document, lines []string) ([]finding.Finding, error) {
	q, ok := p.queries[doc.Kind]
	if !ok {
		return nil, fmt.Errorf("no rules for kind %q", doc.Kind)
	}
	input, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		return nil, fmt.Errorf("%s: converting document for evaluation: %w", doc.Path, err)
	}
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("%s: evaluation did not finish in time (a rule loops or explodes on this document); its findings are missing", doc.Path)
		}
		return nil, fmt.Errorf("%s: evaluation failed: %w", doc.Path, err)
	}
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
		msg, path, err := decodeDeny(pair[1])
		if err != nil {
			return nil, fmt.Errorf("rule %s (%s): %v", rule.ID, rule.File, err)
		}
		out = append(out, p.newFinding(rule, doc, msg, path, lines))
	}
	return out, nil
}

// decodeDeny reads one element of a deny set: {"msg": ..., "path": [...]}
// or, conftest-style, a bare message string (located at the document).
func decodeDeny(v any) (string, []any, error) {
	switch d := v.(type) {
	case string:
		return d, nil, nil
	case map[string]any:
		msg, ok := d["msg"].(string)
		if !ok {
			return "", nil, fmt.Errorf("deny element has no string \"msg\": %v", v)
		}
		path, _ := d["path"].([]any)
		return msg, path, nil
	}
	return "", nil, fmt.Errorf("deny element must be an object {msg, path} or a string, got %T", v)
}

func (p *Pack) newFinding(r *finding.Rule, doc *document.Document, msg string, path []any, lines []string) finding.Finding {
	rng, ok := doc.Positions.Resolve(path)
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
		Resource: doc.Identity,
		Snippet:  lineAt(lines, rng.StartLine),
	}
}

func lineAt(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
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

// fingerprint identifies a finding by what it is about, not where it is:
// rule, file, resource, the offending line with whitespace collapsed, and an
// ordinal among findings that share all of those. Moving lines, re-indenting
// or adding unrelated resources leaves it unchanged.
func fingerprints(fs []finding.Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		key := strings.Join([]string{f.RuleID, f.Path, f.Resource, strings.Join(strings.Fields(f.Snippet), " ")}, "\x00")
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
		f.Fingerprint = hex.EncodeToString(sum[:16])
	}
}
