// Package baseline records today's findings so a team can adopt shiplint on
// a repository with existing problems and be told only about new ones.
// Findings are matched by fingerprint (rule, file, resource, the offending
// line with whitespace collapsed), never by line number, so moving lines,
// re-indenting or adding unrelated resources does not bring old findings
// back.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
)

// Version is the baseline file format version.
const Version = 1

// File is the baseline file: one entry per finding, sorted, readable in a
// code review.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Entry is one recorded finding. Only the fingerprint is used to match;
// the rest tells a reviewer what was accepted.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"ruleId"`
	Path        string `json:"path"`
	Resource    string `json:"resource,omitempty"`
	Message     string `json:"message"`
}

// Write records the active findings.
func Write(w io.Writer, fs []finding.Finding) error {
	f := File{Version: Version, Findings: []Entry{}}
	for _, x := range finding.Active(fs) {
		f.Findings = append(f.Findings, Entry{Fingerprint: x.Fingerprint, RuleID: x.RuleID, Path: x.Path, Resource: x.Resource, Message: x.Message})
	}
	slices.SortFunc(f.Findings, func(a, b Entry) int {
		return strings.Compare(a.Path+"\x00"+a.RuleID+"\x00"+a.Fingerprint, b.Path+"\x00"+b.RuleID+"\x00"+b.Fingerprint)
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(f)
}

// Read loads a baseline file.
func Read(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %v", path, err)
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a shiplint baseline (%v); write one with --write-baseline", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, this shiplint reads version %d", path, f.Version, Version)
	}
	known := make(map[string]bool, len(f.Findings))
	for _, e := range f.Findings {
		known[e.Fingerprint] = true
	}
	return known, nil
}

// Filter drops the findings the baseline holds and says how many it
// dropped. Suppressed findings are kept (they are already silent).
func Filter(fs []finding.Finding, known map[string]bool) ([]finding.Finding, int) {
	out := fs[:0:0]
	dropped := 0
	for _, f := range fs {
		if f.Suppressed == nil && known[f.Fingerprint] {
			dropped++
			continue
		}
		out = append(out, f)
	}
	return out, dropped
}
