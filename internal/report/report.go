// Package report writes scan results in the formats users and CI systems
// read: text for people, json for scripts, sarif for code scanning and IDEs.
// It knows findings and rule metadata, never a parser.
package report

import (
	"fmt"
	"io"
	"slices"

	"github.com/shiplint/shiplint/internal/finding"
)

// Options carry what a reporter needs besides the findings.
type Options struct {
	// Version of shiplint, for SARIF's tool.driver.version.
	Version string
	// Quiet drops the text summary.
	Quiet bool
	// FailOn is the threshold that decides the exit status, shown in text.
	FailOn finding.Severity
}

// Formats lists the output formats, in the order help shows them.
var Formats = []string{"text", "json", "sarif"}

// Write renders res in format to w.
func Write(w io.Writer, format string, res finding.Result, opt Options) error {
	switch format {
	case "text":
		return Text(w, res, opt)
	case "json":
		return JSON(w, res, opt)
	case "sarif":
		return SARIF(w, res, opt)
	}
	return fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// ValidFormat reports whether format is one Write knows.
func ValidFormat(format string) bool { return slices.Contains(Formats, format) }
