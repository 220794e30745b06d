// Package report writes scan results in the formats users and CI systems
// read: text for people, json for scripts, sarif for code scanning and IDEs,
// github for workflow annotations, junit and gitlab for CI test and quality
// reports. It knows findings and rule metadata, never a parser.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// Options carry what a reporter needs besides the findings.
type Options struct {
	// Version of shiplint, for SARIF's tool.driver.version.
	Version string
	// Quiet drops the text summary.
	Quiet bool
	// ShowSuppressed lists suppressed findings in text output.
	ShowSuppressed bool
	// Grouped selects the text format's terminal layout: findings under
	// their file's name, aligned rows, a snippet once per line (see
	// Layout). Color adds escape codes to it.
	Grouped, Color bool
	// SARIFCategory becomes runAutomationDetails.id ("<category>/"), so
	// code scanning keeps uploads of different categories apart.
	SARIFCategory string
	// SourceRoot is the repository root (absolute; the working directory
	// outside a repository): SARIF locations under it are relative to it.
	// WorkDir is the absolute directory relative paths in findings are
	// relative to. Without them, SARIF keeps relative paths as they are.
	SourceRoot, WorkDir string
	// StepSummary is the file GitHub Actions renders as the job summary
	// ($GITHUB_STEP_SUMMARY); the github format appends Markdown to it.
	StepSummary string
}

// Formats lists the output formats, in the order help shows them.
var Formats = []string{"text", "json", "sarif", "github", "junit", "gitlab"}

// Write renders res in format to w.
func Write(w io.Writer, format string, res finding.Result, opt Options) error {
	res = bounded(res)
	switch format {
	case "text":
		return Text(w, res, opt)
	case "json":
		return JSON(w, res, opt)
	case "sarif":
		return SARIF(w, res, opt)
	case "github":
		return GitHub(w, res, opt)
	case "junit":
		return JUnit(w, res, opt)
	case "gitlab":
		return GitLab(w, res, opt)
	}
	return fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// ValidFormat reports whether format is one Write knows.
func ValidFormat(format string) bool { return slices.Contains(Formats, format) }

// bySeverity orders findings most severe first, then as finding.Sort does.
func bySeverity(fs []finding.Finding) []finding.Finding {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b finding.Finding) int { return int(b.Severity) - int(a.Severity) })
	return out
}

// writeJSON writes v as indented JSON without HTML escaping, the way
// json.Encoder with SetIndent does, but indents into a buffer sized for the
// result at once: the encoder grows its buffer line by line, and on a
// multi-megabyte SARIF log the copies and fresh pages cost more than
// encoding. Every JSON format (json, sarif, gitlab) goes through here, and
// safetext.WriteJSON escapes what encoding/json leaves raw (DEL, C1 and bidi
// controls, "##[" command prefixes), so the file is safe to print into a
// CI log while every decoded value stays the true one.
func writeJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(2 * compact.Len())
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return err
	}
	return safetext.WriteJSON(w, out.Bytes())
}
