package report

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// SGR escape sequences of the terminal layout. Only shiplint writes them:
// every value from the scanned tree goes through safetext first, which
// shows an ESC of its own as \x1b.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
)

var severityColor = map[finding.Severity]string{
	finding.Critical: "\x1b[1;35m", // bold magenta
	finding.High:     "\x1b[1;31m", // bold red
	finding.Medium:   "\x1b[33m",   // yellow
	finding.Low:      "\x1b[36m",   // cyan
	finding.Info:     ansiDim,
}

var levelColor = map[string]string{"error": "\x1b[1;31m", "warning": "\x1b[33m", "note": ansiDim}

// paint wraps s in an SGR sequence when colour is on.
func paint(on bool, sgr, s string) string {
	if !on || sgr == "" || s == "" {
		return s
	}
	return sgr + s + ansiReset
}

// textGrouped is the terminal layout (Options.Grouped): each file's name
// once as a header, then one row per finding, `line:col  severity  ID
// message`, aligned within the file; a snippet shown once under the run
// of findings on the same lines; severities coloured when Options.Color.
//
//	testdata/examples/Dockerfile
//	  7      high    DF001  The final stage sets no USER, ...
//	  7      medium  DF002  Base image "debian" has no tag, ...
//	      7 | FROM debian
func textGrouped(w *bufio.Writer, res finding.Result, opt Options) {
	var shown []finding.Finding
	for _, f := range res.Findings {
		if f.Suppressed == nil || opt.ShowSuppressed {
			shown = append(shown, f)
		}
	}
	c := opt.Color
	for start := 0; start < len(shown); {
		end := start + 1
		for end < len(shown) && shown[end].Path == shown[start].Path {
			end++
		}
		file := shown[start:end]
		if start > 0 {
			w.WriteString("\n")
		}
		posWidth, idWidth := 0, 0
		for _, f := range file {
			posWidth = max(posWidth, len(rowPosition(f)))
			idWidth = max(idWidth, len(safetext.Escape(f.RuleID)))
		}
		fmt.Fprintln(w, paint(c, ansiBold, safetext.Line(file[0].Path)))
		for i, f := range file {
			sev := fmt.Sprintf("%-8s", f.Severity)
			fmt.Fprintf(w, "  %s  %s  %-*s  %s%s\n",
				paint(c, ansiDim, fmt.Sprintf("%-*s", posWidth, rowPosition(f))),
				paint(c, severityColor[f.Severity], sev),
				idWidth, safetext.Escape(f.RuleID), safetext.Escape(f.Message), paint(c, ansiDim, suppressedNote(f)))
			if v := via(f); v != "" {
				fmt.Fprintf(w, "      %s\n", paint(c, ansiDim, "via "+safetext.Escape(v)))
			}
			// The snippet once, under the last finding on the same lines.
			if i+1 < len(file) && file[i+1].Range.StartLine == f.Range.StartLine && file[i+1].Snippet == f.Snippet {
				continue
			}
			gutter := ""
			if c {
				gutter = ansiDim
			}
			writeSnippet(w, f, gutter)
		}
		start = end
	}
	for _, n := range res.Notifications {
		fmt.Fprintf(w, "%s: %s\n", paint(c, levelColor[n.Level], n.Level), safetext.Escape(n.Message))
	}
	if !opt.Quiet {
		if len(shown) > 0 || len(res.Notifications) > 0 {
			w.WriteString("\n")
		}
		w.WriteString(paint(c, ansiBold, summary(res)) + "\n")
	}
}

// rowPosition is "line:col", or "line" for a finding on whole lines.
func rowPosition(f finding.Finding) string {
	if f.Range.StartColumn > 0 {
		return fmt.Sprintf("%d:%d", f.Range.StartLine, f.Range.StartColumn)
	}
	return fmt.Sprint(f.Range.StartLine)
}

// ColorMode is --color: auto (a terminal), always or never.
type ColorMode string

// Color modes.
const (
	ColorAuto   ColorMode = "auto"
	ColorAlways ColorMode = "always"
	ColorNever  ColorMode = "never"
)

// ParseColorMode reads a --color value.
func ParseColorMode(s string) (ColorMode, error) {
	switch m := ColorMode(strings.ToLower(s)); m {
	case ColorAuto, ColorAlways, ColorNever:
		return m, nil
	}
	return "", fmt.Errorf("--color %q: want auto, always or never", s)
}

// Layout decides the text report's look: grouped (the terminal layout)
// and color (escape codes). mode is --color; terminal whether the report
// goes to a terminal; getenv reads NO_COLOR (https://no-color.org: set and
// not empty, no colour), FORCE_COLOR and CLICOLOR_FORCE (set, not empty
// and not "0" or "false": colour as if on a terminal) and TERM ("dumb": no
// colour). The flag wins over the environment, NO_COLOR over the forcing
// variables. Without a terminal and without forcing, the output is the
// plain text format, byte for byte.
func Layout(mode ColorMode, terminal bool, getenv func(string) string) (grouped, color bool) {
	switch mode {
	case ColorAlways:
		return true, true
	case ColorNever:
		return terminal, false
	}
	if getenv("NO_COLOR") != "" {
		return terminal, false
	}
	forced := func(name string) bool {
		v := strings.ToLower(getenv(name))
		return v != "" && v != "0" && v != "false"
	}
	if forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") {
		return true, true
	}
	return terminal, terminal && getenv("TERM") != "dumb"
}
