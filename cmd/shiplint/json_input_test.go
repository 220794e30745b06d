package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestScanJSONManifests scans Kubernetes manifests written as JSON, pretty
// (tab-indented), minified on one line and as a List, beside JSON that is no
// manifest: findings land on the exact line and column, a broken manifest is
// a syntax error at its line (what YAML reads of it is still checked), and other JSON is neither scanned nor counted
// as skipped.
func TestScanJSONManifests(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pretty.json", "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"web\"},\n\t\"spec\": {\n\t\t\"hostPID\": true,\n\t\t\"containers\": [\n\t\t\t{\n\t\t\t\t\"name\": \"app\",\n\t\t\t\t\"image\": \"nginx:1.27\",\n\t\t\t\t\"securityContext\": {\"privileged\": true}\n\t\t\t}\n\t\t]\n\t}\n}\n")
	write("min.json", `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"m","annotations":{"u":"http:\/\/x\ud83d\ude00"}},"spec":{"hostPID":true,"containers":[{"name":"a","image":"nginx:1.27","securityContext":{"privileged":true}}]}}`)
	write("list.json", `{
  "apiVersion": "v1",
  "kind": "List",
  "items": [
    {
      "apiVersion": "apps/v1",
      "kind": "Deployment",
      "metadata": {"name": "d"},
      "spec": {"template": {"spec": {"containers": [
        {"name": "c", "image": "x:1", "securityContext": {"privileged": true}}
      ]}}}
    }
  ],
  "metadata": {"resourceVersion": ""}
}
`)
	// Annotations suppress in JSON; a "#" inside a string is no comment.
	write("quiet.json", `{"apiVersion": "v1", "kind": "Pod",
 "metadata": {"name": "q", "annotations": {"shiplint.dev/ignore": "KS006 -- node agent"}},
 "spec": {"hostPID": true, "containers": [{"name": "a", "image": "x:1", "securityContext": {"privileged": true}, "args": ["say \"hi\" # shiplint ignore=KS001 -- text"]}]}}
`)
	write("broken.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"b\",},\n  \"spec\": {}\n}\n")
	write("package.json", `{"name": "x", "version": "1.0.0", "scripts": {"kind": "Pod"}}`)
	write("data.json", `{"apiVersion": "2.0", "kind": "youtube#video", "data": {}}`)
	write("schema.json", `{"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}`)
	write("array.json", `[{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}]`)

	o := shiplint(t, "", "scan", "-f", "json", dir)
	var res struct {
		Findings []struct {
			RuleID     string `json:"ruleId"`
			Path       string `json:"path"`
			Suppressed any    `json:"suppressed"`
			Range      struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
			} `json:"range"`
		} `json:"findings"`
		Summary struct {
			FilesScanned int            `json:"filesScanned"`
			FilesSkipped int            `json:"filesSkipped"`
			Documents    int            `json:"documents"`
			ByKind       map[string]int `json:"byKind"`
			Inputs       map[string]int `json:"inputs"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &res); err != nil {
		t.Fatalf("%v\n%s\n%s", err, o.stdout, o.stderr)
	}
	var got, suppressed []string
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			suppressed = append(suppressed, filepath.Base(f.Path)+" "+f.RuleID)
			continue
		}
		if f.RuleID == "KS001" || f.RuleID == "KS006" || f.RuleID == "syntax-error" {
			got = append(got, filepath.Base(f.Path)+":"+itoa(f.Range.StartLine)+":"+itoa(f.Range.StartColumn)+" "+f.RuleID)
		}
		if b := filepath.Base(f.Path); b != "pretty.json" && b != "min.json" && b != "list.json" && b != "broken.json" && b != "quiet.json" {
			t.Errorf("finding in %s: %s", b, f.RuleID)
		}
	}
	sort.Strings(got)
	want := []string{
		"broken.json:4:28 syntax-error",
		"list.json:10:59 KS001",
		// Two `\/` and a surrogate pair before them move the columns on
		// their line by 4+4-2 bytes (docs/input.md): hostPID is at byte
		// 110, privileged at 191. The line is exact.
		"min.json:1:116 KS006",
		"min.json:1:197 KS001",
		"pretty.json:11:25 KS001",
		"pretty.json:6:3 KS006",
		"quiet.json:3:93 KS001",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(suppressed, []string{"quiet.json KS006"}) {
		t.Errorf("suppressed %q", suppressed)
	}
	s := res.Summary
	// The summary counts the documents written in the less usual forms.
	if s.FilesScanned != 5 || s.FilesSkipped != 0 || s.Documents != 5 || s.ByKind["kubernetes"] == 0 ||
		len(s.Inputs) != 2 || s.Inputs["kubernetes-json"] != 5 || s.Inputs["kubernetes-list-item"] != 1 {
		t.Errorf("summary %+v", s)
	}
}
