package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// annotationLimit is how many annotations of one level GitHub shows per
// step; the rest are dropped silently, so we print the most severe first
// and say how many more there are.
const annotationLimit = 10

// GitHub writes workflow commands that become annotations on the pull
// request (::error file=…,line=…::message), most severe first, and appends
// a Markdown summary to the step summary file when there is one.
func GitHub(w io.Writer, res finding.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	active := bySeverity(finding.Active(res.Findings))
	shown := map[string]int{}
	hidden := 0
	for _, f := range active {
		lvl := annotationLevel(f.Severity)
		if shown[lvl] >= annotationLimit {
			hidden++
			continue
		}
		shown[lvl]++
		fmt.Fprintf(bw, "::%s %s::%s\n", lvl, annotationProperties(f), escapeData(f.Message))
	}
	for _, n := range res.Notifications {
		lvl := map[string]string{"error": "error", "warning": "warning"}[n.Level]
		if lvl == "" {
			lvl = "notice"
		}
		props := "title=shiplint"
		if n.Path != "" {
			props = "file=" + escapeProperty(n.Path) + "," + props
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", lvl, props, escapeData(n.Message))
	}
	if hidden > 0 {
		fmt.Fprintf(bw, "::notice title=shiplint::%d more %s not shown as annotations (GitHub shows %d per level); the SARIF upload to code scanning and the job summary hold all of them\n",
			hidden, plural(hidden, "finding"), annotationLimit)
	}
	fmt.Fprintln(bw, summary(res))
	if err := bw.Flush(); err != nil {
		return err
	}
	if opt.StepSummary != "" {
		return appendStepSummary(opt.StepSummary, res)
	}
	return nil
}

func annotationLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "notice"
}

func annotationProperties(f finding.Finding) string {
	props := []string{"file=" + escapeProperty(f.Path), fmt.Sprintf("line=%d", f.Range.StartLine)}
	if f.Range.EndLine > f.Range.StartLine {
		props = append(props, fmt.Sprintf("endLine=%d", f.Range.EndLine))
	}
	if f.Range.StartColumn > 0 {
		props = append(props, fmt.Sprintf("col=%d", f.Range.StartColumn))
		if f.Range.EndLine == f.Range.StartLine && f.Range.EndColumn > f.Range.StartColumn {
			props = append(props, fmt.Sprintf("endColumn=%d", f.Range.EndColumn))
		}
	}
	props = append(props, "title="+escapeProperty(fmt.Sprintf("%s (%s): %s", f.RuleID, f.Severity, f.Title)))
	return strings.Join(props, ",")
}

// escapeData and escapeProperty follow the workflow-command encoding the
// Actions runner decodes, after safetext has made control characters
// visible: the runner would decode %0A back into a newline, and an escape
// sequence or a bidi control would reach the log and the annotation raw.
// A newline from the tree therefore shows as \n in the annotation.
func escapeData(s string) string {
	return dataEscaper.Replace(safetext.Escape(s))
}

func escapeProperty(s string) string {
	return propertyEscaper.Replace(safetext.Escape(s))
}

// After safetext.Escape no \r or \n is left to encode.
var (
	dataEscaper     = strings.NewReplacer("%", "%25")
	propertyEscaper = strings.NewReplacer("%", "%25", ":", "%3A", ",", "%2C")
)

// maxSummaryRows keeps the job summary readable (and under GitHub's 1 MiB
// limit for the summary file).
const maxSummaryRows = 200

func appendStepSummary(path string, res finding.Result) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("step summary: %v", err)
	}
	defer f.Close()
	_, err = io.WriteString(f, markdownSummary(res))
	return err
}

func markdownSummary(res finding.Result) string {
	var b strings.Builder
	active := bySeverity(finding.Active(res.Findings))
	b.WriteString("## shiplint\n\n" + summary(res) + "\n\n")
	if len(active) == 0 {
		return b.String()
	}
	b.WriteString("| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n")
	for i, f := range active {
		if i == maxSummaryRows {
			fmt.Fprintf(&b, "\n%d more findings are in the SARIF report.\n", len(active)-maxSummaryRows)
			break
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Severity, markdownCell(f.RuleID), markdownCode(fmt.Sprintf("%s:%d", f.Path, f.Range.StartLine)), markdownCell(f.Message))
	}
	b.WriteString("\n")
	return b.String()
}

// markdownCell keeps a value from the tree inside its table cell as plain
// text: one line, and every character that Markdown would read as a link,
// an image, HTML, emphasis or a cell border escaped, so a file name or a
// message cannot put a link or a tracking image on the job summary page.
func markdownCell(s string) string {
	return markdownEscaper.Replace(safetext.Escape(s))
}

var markdownEscaper = strings.NewReplacer(
	"\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "\\<", ">", "\\>",
	"|", "\\|", "~", "\\~", "&", "\\&", "!", "\\!", "#", "\\#",
)

// markdownCode shows a path as code, which Markdown renders literally; a
// path holding a backtick, which would end the code span, is escaped text.
func markdownCode(s string) string {
	s = safetext.Escape(s)
	if strings.Contains(s, "`") {
		return markdownCell(s)
	}
	return "`" + strings.ReplaceAll(s, "|", "\\|") + "`"
}
