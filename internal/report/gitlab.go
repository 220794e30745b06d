package report

import (
	"fmt"
	"io"

	"github.com/shiplint/shiplint/internal/finding"
)

// gitlabIssue is one entry of a GitLab Code Quality report
// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// GitLab writes a Code Quality report: a JSON array GitLab shows in merge
// requests when it is an artifacts:reports:codequality file.
func GitLab(w io.Writer, res finding.Result, _ Options) error {
	issues := []gitlabIssue{}
	for _, f := range finding.Active(res.Findings) {
		issues = append(issues, gitlabIssue{
			Description: fmt.Sprintf("%s: %s", f.RuleID, f.Message),
			CheckName:   f.RuleID,
			Fingerprint: f.Fingerprint,
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: f.Path, Lines: gitlabLines{Begin: f.Range.StartLine, End: max(f.Range.EndLine, f.Range.StartLine)}},
		})
	}
	return writeJSON(w, issues)
}

func gitlabSeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "blocker"
	case finding.High:
		return "critical"
	case finding.Medium:
		return "major"
	case finding.Low:
		return "minor"
	}
	return "info"
}
