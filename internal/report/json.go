package report

import (
	"io"

	"github.com/shiplint/shiplint/internal/finding"
)

// JSONSchemaVersion changes only when the JSON output changes incompatibly.
const JSONSchemaVersion = 1

// jsonReport is the documented JSON output (docs/output.md).
type jsonReport struct {
	SchemaVersion int                    `json:"schemaVersion"`
	Tool          jsonTool               `json:"tool"`
	Findings      []finding.Finding      `json:"findings"`
	Notifications []finding.Notification `json:"notifications"`
	Summary       finding.Summary        `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSON writes the findings, notifications and summary as one JSON object.
func JSON(w io.Writer, res finding.Result, opt Options) error {
	out := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		Tool:          jsonTool{Name: "shiplint", Version: opt.Version},
		Findings:      res.Findings,
		Notifications: res.Notifications,
		Summary:       res.Summary,
	}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	if out.Notifications == nil {
		out.Notifications = []finding.Notification{}
	}
	return writeJSON(w, out)
}
