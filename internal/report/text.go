package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// Text writes findings grouped by file: one line per finding with
// file:line:col, severity, rule ID and message, then the offending source
// line, and a summary at the end. Everything that came from the scanned
// tree goes through safetext, so each finding stays on its own lines and
// no line can start a CI runner's command.
//
//	Dockerfile:3:1: high DF001 The final stage sets no USER, ...
//	    3 | FROM node:22
func Text(w io.Writer, res finding.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	if opt.Grouped {
		textGrouped(bw, res, opt)
		return bw.Flush()
	}
	prev := ""
	for _, f := range res.Findings {
		if f.Suppressed != nil && !opt.ShowSuppressed {
			continue
		}
		if f.Path != prev && prev != "" {
			bw.WriteString("\n")
		}
		prev = f.Path
		fmt.Fprintf(bw, "%s: %s %s %s%s\n", position(f), f.Severity, safetext.Escape(f.RuleID), safetext.Escape(f.Message), suppressedNote(f))
		writeSnippet(bw, f, "")
		if v := via(f); v != "" {
			fmt.Fprintf(bw, "      via %s\n", safetext.Escape(v))
		}
	}
	for _, n := range res.Notifications {
		fmt.Fprintf(bw, "%s: %s\n", n.Level, safetext.Escape(n.Message))
	}
	if !opt.Quiet {
		if prev != "" || len(res.Notifications) > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(summary(res) + "\n")
	}
	return bw.Flush()
}

// writeSnippet prints a finding's source lines, each after its number:
// one line as "      7 | FROM debian", several (a block, a continued RUN)
// each on its own, and a line "…" after the last shown when there were
// more. color, when set, is the escape sequence for the gutter.
func writeSnippet(w *bufio.Writer, f finding.Finding, color string) {
	s := strings.TrimRight(f.Snippet, " \t")
	if s == "" {
		return
	}
	reset := ""
	if color != "" {
		reset = ansiReset
	}
	for i, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " \t\r")
		num := fmt.Sprint(f.Range.StartLine + i)
		if l == "…" && i > 0 && i == strings.Count(s, "\n") {
			num = ""
		}
		if l == "" {
			fmt.Fprintf(w, "%s  %5s |%s\n", color, num, reset)
			continue
		}
		fmt.Fprintf(w, "%s  %5s |%s %s\n", color, num, reset, safetext.Escape(expandTabs(l)))
	}
}

// via is where a finding from a rendered chart or overlay came through,
// on one short line: "templates/pod.yaml:12 (template), deploy/prod/kustomization.yaml:3 (kustomization)".
func via(f finding.Finding) string {
	if len(f.Related) == 0 {
		return ""
	}
	parts := make([]string, 0, min(len(f.Related), 3))
	for i, r := range f.Related {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(f.Related)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s:%d (%s)", r.Path, r.Range.StartLine, r.Role))
	}
	return strings.Join(parts, ", ")
}

func suppressedNote(f finding.Finding) string {
	if f.Suppressed == nil {
		return ""
	}
	if f.Suppressed.Justification != "" {
		return fmt.Sprintf(" [suppressed by %s: %s]", f.Suppressed.Source, safetext.Escape(f.Suppressed.Justification))
	}
	return fmt.Sprintf(" [suppressed by %s]", f.Suppressed.Source)
}

// position starts a finding's line, so its path goes through
// safetext.Line: a file named "::warning x" must not start a command.
func position(f finding.Finding) string {
	if f.Range.StartColumn > 0 {
		return fmt.Sprintf("%s:%d:%d", safetext.Line(f.Path), f.Range.StartLine, f.Range.StartColumn)
	}
	return fmt.Sprintf("%s:%d", safetext.Line(f.Path), f.Range.StartLine)
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

// summary is one line: how many findings of each severity, in how many
// files, and what was skipped.
func summary(res finding.Result) string {
	counts := map[finding.Severity]int{}
	files := map[string]bool{}
	active := finding.Active(res.Findings)
	for _, f := range active {
		counts[f.Severity]++
		files[f.Path] = true
	}
	var parts []string
	for s := finding.Critical; s >= finding.Info; s-- {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	out := fmt.Sprintf("%d %s", len(active), plural(len(active), "finding"))
	if len(parts) > 0 {
		out += " (" + strings.Join(parts, ", ") + ")"
	}
	// A file that was not read has a finding too (file-not-scanned), so
	// with such files the count is of every file met, not only those read.
	met, verb := res.Summary.FilesScanned, " scanned"
	if res.Summary.FilesNotScanned > 0 {
		met, verb = met+res.Summary.FilesNotScanned, ""
	}
	switch {
	case res.Summary.Rendered > 0:
		// Findings of a chart or an overlay land on its templates, values
		// and patches, which are not counted as scanned files.
		units := fmt.Sprintf("%d charts and overlays", res.Summary.Rendered)
		if res.Summary.Rendered == 1 {
			units = "1 chart or overlay"
		}
		out += fmt.Sprintf(" in %d %s; %d %s scanned, %s rendered", len(files), plural(len(files), "file"),
			met, plural(met, "file"), units)
	case len(active) == 0:
		out += fmt.Sprintf(" in %d %s%s", met, plural(met, "file"), verb)
	default:
		out += fmt.Sprintf(" in %d of %d %s%s", len(files), met, plural(met, "file"), verb)
	}
	if n := len(res.Findings) - len(active); n > 0 {
		out += fmt.Sprintf("; %d suppressed", n)
	}
	if res.Summary.Baselined > 0 {
		out += fmt.Sprintf("; %d in the baseline", res.Summary.Baselined)
	}
	if res.Summary.FilesSkipped > 0 {
		out += fmt.Sprintf("; %d %s skipped (not a Dockerfile, Compose or Kubernetes file)", res.Summary.FilesSkipped, plural(res.Summary.FilesSkipped, "file"))
	}
	if n := res.Summary.FilesNotScanned; n > 0 {
		out += fmt.Sprintf("; %d %s not scanned (see file-not-scanned)", n, plural(n, "file"))
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
