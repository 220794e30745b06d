package checks

import (
	"cmp"
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"context"
	"fmt"
	pathpkg "path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/shiplint/shiplint/internal/compose"
	"github.com/shiplint/shiplint/internal/dockerfile"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/kubernetes"
	"github.com/shiplint/shiplint/internal/parallel"
	"github.com/shiplint/shiplint/internal/regosandbox"
	"github.com/shiplint/shiplint/internal/suppress"
)

// File is one input to scan: its contents and what kind of file it is.
type File struct {
	// Path is shown in findings: slash-separated, relative to the scan root.
	Path   string
	Kind   document.Kind
	Source []byte
	// ReadFile reads a file relative to this file's directory, for parsers
	// that need neighbours (a Compose file's .env). Nil for stdin. A
	// *document.Refused error is a file that must not be read.
	ReadFile func(rel string) ([]byte, error)
	// Identify names the file rel resolves to without reading it, so an
	// extends file reached through several paths is read once. Optional.
	Identify func(rel string) (document.FileID, error)
	// NotScanned, when set, is why the file was not read (outside the
	// scan root, not a regular file, too large...): it is reported as a
	// file-not-scanned finding at line 1 instead of being parsed.
	NotScanned string
	// Unit, when set, is a chart or overlay to render and scan instead
	// (see render.go); the other fields are unused.
	Unit *Unit
}

// FileResult is what scanning one file produced.
type FileResult struct {
	Findings      []finding.Finding
	Notifications []finding.Notification
	Documents     int
	// NotScanned: the file was not read (File.NotScanned).
	NotScanned bool
	// Rendered: a chart or overlay (File.Unit). Consumed are the files
	// its render read (display paths): they are not also reported as
	// whole manifests. Unmapped counts findings without a source line.
	Rendered bool
	Consumed []string
	Unmapped int
	// Forms counts the documents by input form (document.Document.Forms).
	Forms map[string]int

	path string // the file's (set by Scan)

	// Set when some of the file's documents wait for the rules that read
	// other resources (related.go): records are its resources in their
	// view, and finish evaluates those rules over it and returns the
	// file's final findings (Findings is then empty).
	records []relRecord
	finish  func(ctx context.Context, views *relViews) ([]finding.Finding, []finding.Notification)
	// early counts the findings the file had before it waited (for
	// ScanOptions.Progress; suppressions are applied only at the end).
	early int
}

// ScanOptions tune a scan.
type ScanOptions struct {
	// Workers is how many files are scanned at once; 0 means one per core.
	Workers int
	// EvalTimeout bounds one document's evaluation; 0 means DefaultEvalTimeout.
	EvalTimeout time.Duration
	// Now decides whether a suppression's until= date has passed; zero
	// means the current time.
	Now time.Time
	// Progress, when set, is called by Scan after each file, from one
	// goroutine: how many files are done and about how many findings they
	// had (unsuppressed ones; for a file whose resources wait for the
	// rules that read other resources, its findings so far, before
	// suppressions, and none of those rules').
	Progress func(files, findings int)

	brk   *breaker // set by Scan: user rules that keep running out of time
	alone bool     // set by ScanFile: no other file competes for the cores
}

// ScanFile parses one file and evaluates the pack over each of its
// documents. A parse failure becomes a syntax-error finding at its line;
// a file that was not read, or a neighbour the parser was refused, a
// file-not-scanned finding.
func (p *Pack) ScanFile(ctx context.Context, f File, opt ScanOptions) FileResult {
	opt.alone = true
	res := p.scanFile(ctx, f, opt)
	if res.finish != nil {
		// On its own, a file's view is its own resources.
		fs, ns := res.finish(ctx, newViews(res.records, nil))
		res.Findings, res.Notifications = fs, append(res.Notifications, ns...)
		res.records, res.finish = nil, nil
	}
	return res
}

// scanFile is ScanFile without the second phase: a file with documents
// for the related rules comes back with finish set (see related.go).
func (p *Pack) scanFile(ctx context.Context, f File, opt ScanOptions) FileResult {
	if f.NotScanned != "" {
		return p.notScanned(f)
	}
	if f.Unit != nil {
		return p.scanUnit(ctx, f.Unit, opt)
	}
	var res FileResult
	text := &sourceText{src: f.Source}
	docs, err := Parse(f)
	res.Findings, res.Notifications = p.parseProblems(f, err, text)
	res.Documents = len(docs)
	res.Forms = formsOf(docs, nil)
	sup := p.readSuppressions(f, docs, text)
	timeout := opt.EvalTimeout
	if timeout <= 0 {
		timeout = DefaultEvalTimeout
	}
	rel := p.newCollector("dir:"+pathpkg.Dir(f.Path), "")
	rel.add(p, docs, text, nil, reparser(func() []*document.Document { docs, _ := Parse(f); return docs }))
	fs, errs := p.evaluateDocs(ctx, docs, text, timeout, opt)
	res.Findings = append(fs, res.Findings...) // (sorted below)
	for _, err := range errs {
		res.Notifications = append(res.Notifications, finding.Notification{Level: "error", Path: f.Path, Message: err.Error()})
	}
	finish := func(fs []finding.Finding) []finding.Finding {
		fs = p.applySuppressions(sup, docs, fs, opt.Now)
		finding.Sort(fs)
		fingerprints(fs)
		return fs
	}
	if rel == nil || len(rel.pending) == 0 {
		res.Findings = finish(res.Findings)
		if rel != nil {
			res.records = rel.records
		}
		return res
	}
	phase1 := res.Findings
	res.Findings, res.records, res.early = nil, rel.records, len(phase1)
	res.finish = func(ctx context.Context, views *relViews) ([]finding.Finding, []finding.Notification) {
		more, errs := p.finishPending(ctx, rel.pending, views, timeout)
		var ns []finding.Notification
		for _, err := range errs {
			ns = append(ns, finding.Notification{Level: "error", Path: f.Path, Message: err.Error()})
		}
		return finish(append(phase1, more...)), ns
	}
	return res
}

// evaluateDocs evaluates each of a file's documents, in document order,
// and releases each once evaluated (docs[i] keeps only its range, which is
// all suppressions need): the collector then does not walk every resource
// of a large stream again and again. A file with many documents (a
// generated manifest stream) is evaluated on every core, instead of keeping
// one busy while the others wait for the scan to end.
func (p *Pack) evaluateDocs(ctx context.Context, docs []*document.Document, text *sourceText, timeout time.Duration, opt ScanOptions) ([]finding.Finding, []error) {
	brk := opt.brk
	type docResult struct {
		findings []finding.Finding
		errs     []error
	}
	results := make([]docResult, len(docs))
	eval := func(i int) {
		skip := brk.stopped(docs[i])
		fs, err := p.evaluateWithDeadline(ctx, docs[i], text, timeout, skip)
		var errs []error
		if err != nil {
			// Find the rule at fault and keep every other rule's findings.
			fs, errs = p.evaluateEachRule(ctx, docs[i], text, timeout, skip, brk)
		}
		results[i] = docResult{fs, errs}
		docs[i] = &document.Document{Kind: docs[i].Kind, Path: docs[i].Path, Range: docs[i].Range}
	}
	if len(docs) < minParallelDocs && !(opt.alone && len(docs) > 1) {
		for i := range docs {
			eval(i)
		}
	} else {
		parallel.Each(len(docs), eval)
	}
	n := 0
	for _, r := range results {
		n += len(r.findings)
	}
	out := make([]finding.Finding, 0, n)
	var errs []error
	for _, r := range results {
		out = append(out, r.findings...)
		errs = append(errs, r.errs...)
	}
	return out, errs
}

// formsOf adds the input forms of docs to counts (nil: a new map, or nil
// when no document has one).
func formsOf(docs []*document.Document, counts map[string]int) map[string]int {
	for _, d := range docs {
		for _, f := range d.Forms {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[f]++
		}
	}
	return counts
}

// minParallelDocs is how many documents a file needs for them to be
// evaluated in parallel: below it, starting goroutines costs more than the
// other workers, busy with other files, would gain. A file scanned alone
// (ScanFile: the language server, a one-file scan) has no other workers,
// so any two documents go in parallel.
const minParallelDocs = 16

func (p *Pack) evaluateWithDeadline(ctx context.Context, d *document.Document, text *sourceText, timeout time.Duration, skip map[string]bool) (fs []finding.Finding, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	defer func() {
		// A built-in that panics on odd input must not take the scan down.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: evaluation panicked: %v", d.Path, r)
		}
	}()
	return p.evaluate(ctx, d, text, skip)
}

// evaluateEachRule runs the rules of d's kind one by one (but those in skip),
// each with its own deadline, after the combined evaluation failed: the
// findings of healthy rules are kept, the failing rule is named with the
// file, and a rule that ran out of time is counted in brk.
func (p *Pack) evaluateEachRule(ctx context.Context, d *document.Document, text *sourceText, timeout time.Duration, skip map[string]bool, brk *breaker) ([]finding.Finding, []error) {
	queries, err := p.ruleQueries(ctx, d.Kind)
	if err != nil {
		return nil, []error{err}
	}
	input, err := ast.InterfaceToValue(d.Input)
	if err != nil {
		return nil, []error{err}
	}
	var out []finding.Finding
	var errs []error
	// Each rule gets the full deadline, but the whole pass is bounded too:
	// a document that several rules choke on must not stall the scan.
	budget := time.Now().Add(3 * timeout)
	var skipped []string
	for _, rq := range queries {
		if !p.enabled[rq.rule.ID] || !applies(rq.rule, d) || skip[rq.rule.ID] || len(rq.rule.Related) > 0 {
			continue
		}
		if time.Now().After(budget) {
			skipped = append(skipped, rq.rule.ID)
			continue
		}
		fs, err := p.evalRule(ctx, rq, d, input, text, timeout)
		if err != nil {
			var late *ruleTimeout
			if errors.As(err, &late) {
				brk.timedOut(rq.rule)
			}
			errs = append(errs, err)
			continue
		}
		out = append(out, fs...)
	}
	if len(skipped) > 0 {
		errs = append(errs, fmt.Errorf("%s: rules %s were not evaluated: the document's time budget ran out", d.Path, strings.Join(skipped, ", ")))
	}
	return out, errs
}

// ruleTimeout is a rule that ran past its deadline on a document.
type ruleTimeout struct{ msg string }

func (e *ruleTimeout) Error() string { return e.msg }

func (p *Pack) evalRule(ctx context.Context, rq ruleQuery, d *document.Document, input ast.Value, text *sourceText, timeout time.Duration) (out []finding.Finding, err error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: rule %s (%s) panicked: %v", d.Path, rq.rule.ID, rq.rule.File, r)
		}
	}()
	// A user rule runs sandboxed (internal/regosandbox): over its budget or past the
	// heap limit, it fails alone, named with its file.
	ctx, done := p.sandbox(ctx, !rq.rule.BuiltIn)
	defer done()
	rs, err := rq.query.Eval(ctx, rego.EvalParsedInput(input), rego.EvalTime(p.now))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &ruleTimeout{fmt.Sprintf("%s: rule %s (%s) did not finish within %v on this document (it loops or explodes combinatorially); its findings are missing", d.Path, rq.rule.ID, rq.rule.File, timeout)}
		}
		if why := regosandbox.StoppedForMemory(ctx); why != nil {
			// Counted like a timeout: a rule that fills memory on one
			// document usually does on all, a second or two each.
			return nil, &ruleTimeout{fmt.Sprintf("%s: rule %s (%s) was stopped: %v; its findings are missing", d.Path, rq.rule.ID, rq.rule.File, why)}
		}
		return nil, fmt.Errorf("%s: rule %s (%s) failed: %v", d.Path, rq.rule.ID, rq.rule.File, err)
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	set, _ := rs[0].Expressions[0].Value.([]any)
	for _, v := range set {
		msg, path, err := p.decodeDeny(rq.rule, v)
		if err != nil {
			return nil, fmt.Errorf("%s: rule %s (%s): %v", d.Path, rq.rule.ID, rq.rule.File, err)
		}
		f := p.newFinding(rq.rule, d, msg, path, text)
		attachFix(&f, d, text, v)
		out = append(out, f)
	}
	return out, nil
}

// ruleQuery is one rule's deny set as its own prepared query.
type ruleQuery struct {
	rule  *finding.Rule
	query rego.PreparedEvalQuery
}

// ruleQueries prepares, once per kind, a query per rule: only needed when
// the combined query failed on some document.
func (p *Pack) ruleQueries(ctx context.Context, k document.Kind) ([]ruleQuery, error) {
	ck := p.kinds[k]
	if _, err := p.query(ctx, k); err != nil {
		return nil, err
	}
	ck.perRuleOnce.Do(func() {
		for _, r := range p.rules {
			if r.Kind != k || r.Package == "" {
				continue
			}
			pq, err := rego.New(rego.Query(denyQuery(&r)), rego.Compiler(ck.compiler), rego.Capabilities(p.caps), rego.Store(p.store)).PrepareForEval(ctx)
			if err != nil {
				ck.perRuleErr = err
				return
			}
			ck.perRule = append(ck.perRule, ruleQuery{rule: p.byID[r.ID], query: pq})
		}
	})
	return ck.perRule, ck.perRuleErr
}

// Parse turns a file into documents with the parser for its kind.
func Parse(f File) ([]*document.Document, error) {
	switch f.Kind {
	case document.Dockerfile:
		d, err := dockerfile.Parse(f.Path, f.Source)
		if d == nil {
			return nil, err
		}
		return []*document.Document{d}, err
	case document.Compose:
		d, err := compose.ParseFile(f.Path, f.Source, compose.Options{ReadFile: f.ReadFile, Identify: f.Identify})
		if d == nil {
			return nil, err
		}
		return []*document.Document{d}, err
	case document.Kubernetes:
		return kubernetes.Parse(f.Path, f.Source)
	}
	return nil, fmt.Errorf("unknown kind %q", f.Kind)
}

// parseProblems turns what a parser returned besides documents (one error,
// or several joined) into findings and notifications: a syntax error, a
// refused neighbour or spent budget, a warning.
func (p *Pack) parseProblems(f File, err error, text *sourceText) ([]finding.Finding, []finding.Notification) {
	var fs []finding.Finding
	var ns []finding.Notification
	for _, e := range splitErrors(err) {
		var warning *document.Warning
		var refused *document.Refused
		switch {
		case errors.As(e, &refused):
			if p.enabled[FileNotScannedRule.ID] {
				fs = append(fs, refusedFinding(f, refused, text.lines()))
			}
		case errors.As(e, &warning):
			ns = append(ns, finding.Notification{Level: "warning", Path: f.Path, Message: warning.Error()})
		case p.enabled[SyntaxErrorRule.ID]:
			fs = append(fs, syntaxFinding(f, e, text.lines()))
		}
	}
	return fs, ns
}

// splitErrors lists the errors joined in err (errors.Join), or err alone.
func splitErrors(err error) []error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		if err == nil {
			return nil
		}
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, splitErrors(e)...)
	}
	return out
}

// notScanned is the result for a file that was not read: a finding at
// line 1, no documents.
func (p *Pack) notScanned(f File) FileResult {
	res := FileResult{NotScanned: true}
	if p.enabled[FileNotScannedRule.ID] {
		res.Findings = []finding.Finding{refusedFinding(f, &document.Refused{Path: f.Path, Line: 1, Msg: "not scanned: " + f.NotScanned}, nil)}
		fingerprints(res.Findings)
	}
	return res
}

// refusedFinding reports what was not read at the line that named it.
func refusedFinding(f File, r *document.Refused, lines []string) finding.Finding {
	line := max(r.Line, 1)
	rule := FileNotScannedRule
	return finding.Finding{
		RuleID: rule.ID, Severity: rule.Severity, Title: rule.Title,
		Message: r.Msg, Kind: f.Kind, Path: f.Path,
		Range:   document.Range{StartLine: line, EndLine: line},
		Snippet: lineAt(lines, line),
	}
}

func syntaxFinding(f File, err error, lines []string) finding.Finding {
	line, col, msg := 1, 0, err.Error()
	var se *document.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
		if se.Line > 0 {
			line, col = se.Line, se.Column
		}
	}
	r := SyntaxErrorRule
	return finding.Finding{
		RuleID: r.ID, Severity: r.Severity, Title: r.Title,
		Message: fmt.Sprintf("cannot parse %s: %s", f.Kind, msg),
		Kind:    f.Kind, Path: f.Path,
		Range:   document.Range{StartLine: line, StartColumn: col, EndLine: line},
		Snippet: lineAt(lines, line),
	}
}

// Source yields the files to scan; an error is a file that could not be
// read, reported as a notification.
type Source func(yield func(File, error) bool)

// Scan scans every file from src on a pool of workers and returns the
// findings in the deterministic order of finding.Sort.
func (p *Pack) Scan(ctx context.Context, src Source, opt ScanOptions) finding.Result {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	opt.brk = newBreaker()
	jobs := make(chan File)
	results := make(chan FileResult)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				r := p.scanFile(ctx, f, opt)
				r.path = f.Path
				results <- r
			}
		}()
	}
	var readErrs []finding.Notification
	go func() {
		src(func(f File, err error) bool {
			if err != nil {
				readErrs = append(readErrs, finding.Notification{Level: "error", Message: err.Error()})
				return true
			}
			jobs <- f
			return true
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	res := finding.Result{Rules: p.Rules()}
	consumed := map[string]bool{}
	scanned := map[string]bool{}
	var records []relRecord
	var pending []FileResult
	done, found := 0, 0
	for r := range results {
		if opt.Progress != nil {
			done++
			found += r.early
			for _, f := range r.Findings {
				if f.Suppressed == nil {
					found++
				}
			}
			opt.Progress(done, found)
		}
		records = append(records, r.records...)
		if r.finish != nil {
			pending = append(pending, r)
		}
		res.Findings = append(res.Findings, r.Findings...)
		res.Notifications = append(res.Notifications, r.Notifications...)
		for _, c := range r.Consumed {
			consumed[c] = true
		}
		res.Summary.Unmapped += r.Unmapped
		for f, n := range r.Forms {
			if res.Summary.Inputs == nil {
				res.Summary.Inputs = map[string]int{}
			}
			res.Summary.Inputs[f] += n
		}
		if r.Rendered {
			res.Summary.Rendered++
			res.Summary.Documents += r.Documents
			continue
		}
		if r.NotScanned {
			res.Summary.FilesNotScanned++
		} else {
			res.Summary.FilesScanned++
			scanned[r.path] = true
		}
		res.Summary.Documents += r.Documents
	}
	if len(pending) > 0 {
		// Phase 2: the rules that read other resources (related.go).
		views := newViews(records, consumed)
		type done struct {
			fs []finding.Finding
			ns []finding.Notification
		}
		out := make([]done, len(pending))
		parallel.Each(len(pending), func(i int) {
			out[i].fs, out[i].ns = pending[i].finish(ctx, views)
		})
		for _, d := range out {
			res.Findings = append(res.Findings, d.fs...)
			res.Notifications = append(res.Notifications, d.ns...)
		}
	}
	res.Notifications = append(res.Notifications, readErrs...)
	res.Notifications = append(res.Notifications, opt.brk.notifications()...)
	if res.Summary.Rendered > 0 {
		// A file a chart or overlay consumed (a patch fragment, a base)
		// is checked through the render, not as a whole manifest.
		res.Findings = slices.DeleteFunc(res.Findings, func(f finding.Finding) bool { return f.Via == "" && consumed[f.Path] })
		// The files a render read were scanned too (once, however many
		// charts or overlays read them).
		for c := range consumed {
			if !scanned[c] {
				res.Summary.FilesScanned++
			}
		}
		res.Notifications = slices.DeleteFunc(res.Notifications, func(n finding.Notification) bool { return consumed[n.Path] })
		finding.Sort(res.Findings)
		res.Findings = collapse(res.Findings)
	}
	finding.Sort(res.Findings)
	sortNotifications(res.Notifications)
	return res
}

func sortNotifications(ns []finding.Notification) {
	slices.SortFunc(ns, func(a, b finding.Notification) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
}

// suppressions are the directives a file's comments and annotations hold,
// read before its documents are evaluated (and released).
type suppressions struct {
	directives []*suppress.Directive
	problems   []suppress.Problem
	src        suppress.Source
}

// readSuppressions reads them; nil when the file cannot hold any.
func (p *Pack) readSuppressions(f File, docs []*document.Document, text *sourceText) *suppressions {
	if !suppress.MayHold(f.Source) {
		return nil
	}
	lines := text.lines()
	comments := lines
	if f.Kind == document.Kubernetes && kubernetes.IsJSON(f.Path) {
		// JSON has no comments: a '#' in a string is text (docs/suppressions.md).
		comments = nil
	}
	ds, problems := suppress.Parse(f.Kind, comments, docs)
	return &suppressions{ds, problems, suppress.Source{Path: f.Path, Kind: f.Kind, Lines: lines}}
}

// applySuppressions marks findings silenced by comments and annotations in
// the file, and adds stale-suppression findings for shiplint's own that
// silence nothing. docs need only their ranges.
func (p *Pack) applySuppressions(sup *suppressions, docs []*document.Document, fs []finding.Finding, now time.Time) []finding.Finding {
	if sup == nil {
		return fs // no comment or annotation can silence anything here
	}
	if now.IsZero() {
		now = time.Now()
	}
	src, problems := sup.src, sup.problems
	fs = suppress.Apply(fs, sup.directives, docs, p, src, now)
	if p.enabled[suppress.StaleRule.ID] {
		fs = append(fs, suppress.Problems(problems, src)...)
	} else {
		fs = slices.DeleteFunc(fs, func(x finding.Finding) bool { return x.RuleID == suppress.StaleRule.ID })
	}
	return fs
}
