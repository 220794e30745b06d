package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes one test suite per file with findings and one failed test
// case per finding, the shape CI systems (GitLab, Jenkins, Azure) render as
// test reports. A clean scan is one passing case.
//
// Values from the tree are escaped as in text output: encoding/xml would
// turn a control character into U+FFFD (XML cannot hold it) and pass DEL,
// C1 and bidi controls raw, and CI systems print test failures into logs.
func JUnit(w io.Writer, res finding.Result, _ Options) error {
	out := junitSuites{Name: "shiplint"}
	index := map[string]int{}
	for _, f := range finding.Active(res.Findings) {
		path := safetext.Escape(f.Path)
		i, ok := index[f.Path]
		if !ok {
			i = len(out.Suites)
			index[f.Path] = i
			out.Suites = append(out.Suites, junitSuite{Name: path})
		}
		s := &out.Suites[i]
		s.Tests++
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name:      safetext.Escape(fmt.Sprintf("%s: %s", f.RuleID, f.Title)),
			Classname: path,
			File:      path,
			Line:      f.Range.StartLine,
			Failure: &junitFailure{
				Message: safetext.Escape(f.Message),
				Type:    f.Severity.String(),
				Text:    failureText(f),
			},
		})
		out.Tests++
		out.Failures++
	}
	if len(out.Suites) == 0 {
		out.Suites = []junitSuite{{Name: "shiplint", Tests: 1, Cases: []junitCase{{Name: "scan", Classname: "shiplint"}}}}
		out.Tests = 1
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// failureText is the body of a failed case: the finding's line, then the
// offending source lines. Each starts a line of the file, so each goes
// through safetext.Line.
func failureText(f finding.Finding) string {
	head := fmt.Sprintf("%s:%d %s %s", safetext.Line(f.Path), f.Range.StartLine, f.Severity, safetext.Escape(f.Message))
	lines := strings.Split(f.Snippet, "\n")
	for i, l := range lines {
		lines[i] = safetext.Line(expandTabs(strings.TrimSpace(l)))
	}
	return head + "\n" + strings.Join(lines, "\n")
}
