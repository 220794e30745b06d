// Package suppress finds in-source suppressions — shiplint's own and those of
// the tools shiplint replaces — and applies them to findings. A suppressed
// finding is kept and marked, never dropped, so SARIF can show it as
// suppressed; a shiplint suppression that matches nothing, or has expired,
// becomes a finding of its own so stale ones get cleaned up.
package suppress

import (
	"bytes"
	"regexp"
	"strings"
	"time"

	"github.com/shiplint/shiplint/internal/document"
)

// Scope is how far a directive reaches.
type Scope int

const (
	// Line: the findings of one target line (for a Dockerfile, of the
	// whole instruction starting there).
	Line Scope = iota
	// Block: the target line and the lines indented below it (kics-scan
	// ignore-block).
	Block
	// Document: the resource (Kubernetes) or file the directive is in.
	Document
	// File: every finding in the file.
	File
)

// Directive is one suppression written in a file.
type Directive struct {
	Source string   // "shiplint", "hadolint", "trivy", "checkov", "kics", "kube-linter", "annotation"
	IDs    []string // rule IDs or aliases as written; empty means every rule
	Scope  Scope
	Line   int // where it is written
	Target int // first line it applies to (Line and Block scope)
	// TargetEnd is the last line it applies to (Line and Block scope).
	TargetEnd int
	Until     time.Time // zero: no expiry
	Reason    string

	used map[string]bool // IDs (canonical) that matched a finding
}

// own reports whether the directive is shiplint's, whose staleness we
// report. Other tools' comments may be there for that tool's own rules.
func (d *Directive) own() bool { return d.Source == "shiplint" || d.Source == "annotation" }

var (
	shiplintRe = regexp.MustCompile(`^shiplint\s+(ignore|ignore-file)\s*=\s*([A-Za-z0-9_*,\s-]+?)(?:\s+until\s*=\s*(\S+))?\s*(?:--\s*(.*))?$`)
	// hadolint ends a pragma at a "#": the text after it is the reason
	// (`# hadolint ignore=DL3008 # pinned by the base image`).
	hadolintRe = regexp.MustCompile(`^hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]+)(?:#\s*(.*))?`)
	trivyRe    = regexp.MustCompile(`^trivy:ignore:([A-Za-z0-9_-]+)`)
	checkovRe  = regexp.MustCompile(`^checkov:skip=\s*([A-Za-z0-9_]+)(?::(.*))?`)
	kicsRe     = regexp.MustCompile(`^kics-scan\s+(ignore-line|ignore-block|ignore|disable\s*=\s*([A-Za-z0-9_,\s-]+))\s*$`)
	dateLayout = "2006-01-02"
)

// markers are words every suppression holds: each directive's regexp
// starts with one, and both annotations name shiplint or kube-linter.
// TestMarkersCoverDirectives keeps the list in step with the regexps.
var markers = [][]byte{
	[]byte("shiplint"), []byte("hadolint"), []byte("trivy:ignore:"), []byte("checkov:skip="),
	[]byte("kics-scan"), []byte(kubeLinterPrefix), []byte(checkovAnnotationPrefix),
}

// MayHold reports whether src can hold a suppression comment or annotation
// at all. Most files hold none, and finding comments means splitting the
// file into lines and reading every one of them.
func MayHold(src []byte) bool {
	for _, m := range markers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

// comment is one comment in the file: its text after '#', its line, and
// whether it is alone on its line.
type comment struct {
	text      string
	line      int
	wholeLine bool
}

// Parse reads every suppression directive in the file's comments. lines
// are the file's lines; docs give Kubernetes annotations and instruction
// spans. Malformed shiplint directives are returned as problems.
func Parse(kind document.Kind, lines []string, docs []*document.Document) ([]*Directive, []Problem) {
	var out []*Directive
	var problems []Problem
	for _, c := range comments(kind, lines) {
		d, p := directive(c)
		if p != nil {
			problems = append(problems, *p)
		}
		if d == nil {
			continue
		}
		target(d, c, kind, lines, docs)
		out = append(out, d)
	}
	if kind == document.Kubernetes {
		out = append(out, annotations(docs)...)
	}
	return out, problems
}

// Problem is a suppression comment shiplint cannot read.
type Problem struct {
	Line int
	Msg  string
}

func directive(c comment) (*Directive, *Problem) {
	t := strings.TrimSpace(c.text)
	if m := shiplintRe.FindStringSubmatch(t); m != nil {
		d := &Directive{Source: "shiplint", IDs: splitIDs(m[2]), Scope: Line, Line: c.line, Reason: strings.TrimSpace(m[4])}
		if m[1] == "ignore-file" {
			d.Scope = File
		}
		if m[3] != "" {
			until, err := time.Parse(dateLayout, m[3])
			if err != nil {
				return nil, &Problem{c.line, "suppression has an unreadable until= date " + m[3] + " (want YYYY-MM-DD); it is not applied"}
			}
			d.Until = until
		}
		if len(d.IDs) == 1 && d.IDs[0] == "*" {
			d.IDs = nil
		}
		return d, nil
	}
	if strings.HasPrefix(t, "shiplint ignore") {
		return nil, &Problem{c.line, "cannot read this suppression; write it as: # shiplint ignore=ID[,ID] [until=YYYY-MM-DD] -- reason"}
	}
	if m := hadolintRe.FindStringSubmatch(t); m != nil {
		d := &Directive{Source: "hadolint", IDs: splitIDs(m[2]), Scope: Line, Line: c.line, Reason: strings.TrimSpace(m[3])}
		if m[1] != "" {
			d.Scope = File
		}
		return d, nil
	}
	if m := trivyRe.FindStringSubmatch(t); m != nil {
		return &Directive{Source: "trivy", IDs: []string{m[1]}, Scope: Line, Line: c.line}, nil
	}
	if m := checkovRe.FindStringSubmatch(t); m != nil {
		return &Directive{Source: "checkov", IDs: []string{m[1]}, Scope: Document, Line: c.line, Reason: strings.TrimSpace(m[2])}, nil
	}
	if m := kicsRe.FindStringSubmatch(t); m != nil {
		d := &Directive{Source: "kics", Line: c.line}
		switch {
		case m[1] == "ignore-line":
			d.Scope = Line
		case m[1] == "ignore-block":
			d.Scope = Block
		case m[1] == "ignore":
			d.Scope = File
		default:
			d.Scope, d.IDs = File, splitIDs(m[2])
		}
		return d, nil
	}
	return nil, nil
}

func splitIDs(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		out = append(out, f)
	}
	return out
}
