package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/safetext"
)

// Hostile values a scanned repository controls: file names, content that
// ends up in messages and snippets, suppression justifications, resource
// names and the metadata of a user policy.
const (
	newlinePath  = "Dockerfile.a\n::error file=README.md,line=1::FAKE\nz"
	commandPath  = "::warning file=x,line=1::FAKE/Dockerfile"
	spacedPath   = "  ::error::FAKE.yaml"
	escMessage   = "base image \x1b[2J##[add-mask]secret is not pinned"
	tabMessage   = "\t::error::FAKE"
	bidiResource = "Pod/default/admin\u202e\u2066x"
	badUTF8      = "name \xff\xfe is bad"
	azureNote    = "cannot read\n##vso[task.setvariable variable=x]1 ##VSO[y]"
)

func hostileResult() finding.Result {
	rng := document.Range{StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 5}
	res := finding.Result{
		Rules: []finding.Rule{{ID: "DF001", Title: "T\n::error::FAKE", Severity: finding.High, Kind: document.Dockerfile}},
		Findings: []finding.Finding{
			{RuleID: "DF001", Severity: finding.High, Title: "T\n::error::FAKE", Message: escMessage, Kind: document.Dockerfile,
				Path: newlinePath, Range: rng, Snippet: "FROM alpine \x1b]0;x\x07\u202e", Fingerprint: "f1"},
			{RuleID: "DF001", Severity: finding.Medium, Title: "T", Message: tabMessage, Kind: document.Dockerfile,
				Path: commandPath, Range: rng, Snippet: "\t::error file=x::FAKE", Fingerprint: "f2"},
			{RuleID: "KS001", Severity: finding.Critical, Title: "T", Message: badUTF8, Kind: document.Kubernetes,
				Path: spacedPath, Range: document.Range{StartLine: 1, EndLine: 1}, Resource: bidiResource, Snippet: "##[error]x", Fingerprint: "f3",
				Suppressed: &finding.Suppression{Source: "shiplint", Justification: "ok\n::error::FAKE\u2028", Line: 1}},
			{RuleID: "KS001", Severity: finding.Low, Title: "T", Message: "del\x7f c1\u0085\u009b", Kind: document.Kubernetes,
				Path: spacedPath, Range: document.Range{StartLine: 2, EndLine: 2}, Fingerprint: "f4"},
		},
		Notifications: []finding.Notification{{Level: "warning", Path: commandPath, Message: azureNote}},
		Summary:       finding.Summary{FilesScanned: 3},
	}
	finding.Sort(res.Findings) // the engine hands reporters sorted findings
	return res
}

// render writes res in format.
func render(t *testing.T, format string, res finding.Result, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, res, opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.String()
}

// isCommand reports whether a CI runner would take line as a command:
// GitHub's "::" after leading white space, GitHub's legacy "##[" and
// Azure's "##vso[" anywhere in it.
func isCommand(line string) bool {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	lower := strings.ToLower(line)
	return strings.HasPrefix(rest, "::") || strings.Contains(lower, "##[") || strings.Contains(lower, "##vso[")
}

// rawHidden is the first character a terminal or runner would act on or
// hide, other than the newlines between lines.
func rawHidden(s string) (rune, bool) {
	for i, r := range s {
		if r == '\n' {
			continue
		}
		if r == '\ufffd' && strings.HasPrefix(s[i:], "\xff") || r < 0x20 || r >= 0x7f && r < 0xa0 ||
			r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r) {
			return r, true
		}
	}
	return 0, false
}

func TestHostileFieldsStayInert(t *testing.T) {
	res := hostileResult()
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, res, Options{Version: "v1.0.0", ShowSuppressed: true})
			if !strings.Contains(out, "\n") {
				t.Fatalf("no output: %q", out)
			}
			own := 0
			for _, line := range strings.Split(out, "\n") {
				if format == "github" && ownCommand(line) {
					own++
					continue
				}
				if isCommand(line) {
					t.Errorf("line would be a runner command: %q", line)
				}
			}
			if format == "github" && own != 4 { // three active findings, one notification
				t.Errorf("%d workflow commands, want 4:\n%s", own, out)
			}
			if r, ok := rawHidden(out); ok {
				t.Errorf("output holds %U raw:\n%q", r, out)
			}
		})
	}
}

// ownCommand is a workflow command the github format writes itself: its
// properties come first and hold no raw ':' or ','.
func ownCommand(line string) bool {
	for _, lvl := range []string{"error", "warning", "notice"} {
		if rest, ok := strings.CutPrefix(line, "::"+lvl+" "); ok {
			props, _, found := strings.Cut(rest, "::")
			return found && (strings.HasPrefix(props, "file=") || props == "title=shiplint") && !strings.Contains(props, "::")
		}
	}
	return false
}

func TestHostileText(t *testing.T) {
	got := render(t, "text", hostileResult(), Options{ShowSuppressed: true})
	want := `  \x3a:error::FAKE.yaml:1: critical KS001 name \xff\xfe is bad [suppressed by shiplint: ok\n::error::FAKE\u2028]
      1 | \x23#[error]x
  \x3a:error::FAKE.yaml:2: low KS001 del\x7f c1\u0085\u009b

\x3a:warning file=x,line=1::FAKE/Dockerfile:3:1: medium DF001 \t::error::FAKE
      3 |     ::error file=x::FAKE

Dockerfile.a\n::error file=README.md,line=1::FAKE\nz:3:1: high DF001 base image \x1b[2J\x23#[add-mask]secret is not pinned
      3 | FROM alpine \x1b]0;x\x07\u202e
warning: cannot read\n\x23#vso[task.setvariable variable=x]1 \x23#VSO[y]

3 findings (1 high, 1 medium, 1 low) in 3 of 3 files scanned; 1 suppressed
`
	if got != want {
		t.Errorf("text output:\n%s\nwant:\n%s", got, want)
	}
}

func TestHostileGitHub(t *testing.T) {
	got := render(t, "github", hostileResult(), Options{})
	want := `::error file=Dockerfile.a\n%3A%3Aerror file=README.md%2Cline=1%3A%3AFAKE\nz,line=3,col=1,endColumn=5,title=DF001 (high)%3A T\n%3A%3Aerror%3A%3AFAKE::base image \x1b[2J\x23#[add-mask]secret is not pinned
::warning file=%3A%3Awarning file=x%2Cline=1%3A%3AFAKE/Dockerfile,line=3,col=1,endColumn=5,title=DF001 (medium)%3A T::\t::error::FAKE
::notice file=  %3A%3Aerror%3A%3AFAKE.yaml,line=2,title=KS001 (low)%3A T::del\x7f c1\u0085\u009b
::warning file=%3A%3Awarning file=x%2Cline=1%3A%3AFAKE/Dockerfile,title=shiplint::cannot read\n\x23#vso[task.setvariable variable=x]1 \x23#VSO[y]
3 findings (1 high, 1 medium, 1 low) in 3 of 3 files scanned; 1 suppressed
`
	if got != want {
		t.Errorf("github output:\n%s\nwant:\n%s", got, want)
	}
}

// The JSON formats keep the true values (a script needs the real file
// name), escaped inside the strings so the file is safe to print.
func TestHostileJSONKeepsTrueValues(t *testing.T) {
	res := hostileResult()
	out := render(t, "json", res, Options{})
	var got struct {
		Findings      []finding.Finding      `json:"findings"`
		Notifications []finding.Notification `json:"notifications"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for i, f := range res.Findings {
		g := got.Findings[i]
		if g.Path != f.Path || g.Message != decoded(f.Message) || g.Snippet != f.Snippet || g.Resource != f.Resource || g.Title != f.Title {
			t.Errorf("finding %d decodes to %+v, want %+v", i, g, f)
		}
	}
	if j := got.Findings[0].Suppressed; j == nil || j.Justification != res.Findings[0].Suppressed.Justification {
		t.Errorf("suppression %+v, want %+v", j, res.Findings[0].Suppressed)
	}
	if got.Notifications[0].Message != azureNote {
		t.Errorf("notification %q", got.Notifications[0].Message)
	}
	for _, s := range []string{`\u001b[2J\u0023#[add-mask]`, `\u0023#vso[`, `\u0023#VSO[`, `admin\u202e\u2066x`, `del\u007f c1\u0085\u009b`, `ok\n::error::FAKE\u2028`} {
		if !strings.Contains(out, s) {
			t.Errorf("JSON does not hold %s", s)
		}
	}
}

// decoded is what a JSON decoder gives back for s: encoding/json writes
// each byte that is not UTF-8 as U+FFFD.
func decoded(s string) string { return string([]rune(s)) }

func TestHostileSARIFAndGitLabKeepTrueValues(t *testing.T) {
	res := hostileResult()
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ShortDescription struct{ Text string } `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				Message   struct{ Text string } `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct {
							Snippet struct{ Text string } `json:"snippet"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	out := render(t, "sarif", res, Options{Version: "v1.0.0"})
	if err := json.Unmarshal([]byte(out), &sarif); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	run := sarif.Runs[0]
	if run.Tool.Driver.Rules[0].ShortDescription.Text != "T\n::error::FAKE" {
		t.Errorf("rule title %q", run.Tool.Driver.Rules[0].ShortDescription.Text)
	}
	for i, f := range res.Findings {
		r := run.Results[i]
		loc := r.Locations[0].PhysicalLocation
		path, err := url.PathUnescape(loc.ArtifactLocation.URI)
		if err != nil || path != f.Path || r.Message.Text != decoded(f.Message) || loc.Region.Snippet.Text != f.Snippet {
			t.Errorf("result %d: uri %q (%q, %v), message %q, snippet %q", i, loc.ArtifactLocation.URI, path, err, r.Message.Text, loc.Region.Snippet.Text)
		}
	}

	var gitlab []struct {
		Description string
		Location    struct{ Path string }
	}
	if err := json.Unmarshal([]byte(render(t, "gitlab", res, Options{})), &gitlab); err != nil {
		t.Fatalf("gitlab: not JSON: %v", err)
	}
	active := finding.Active(res.Findings)
	for i, f := range active {
		if gitlab[i].Location.Path != f.Path || gitlab[i].Description != f.RuleID+": "+decoded(f.Message) {
			t.Errorf("gitlab issue %d: %+v", i, gitlab[i])
		}
	}
}

func TestHostileJUnitIsValidXML(t *testing.T) {
	res := hostileResult()
	out := render(t, "junit", res, Options{})
	var got junitSuites
	if err := xml.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if len(got.Suites) != 3 || got.Failures != 3 {
		t.Fatalf("%d suites, %d failures, want 3 and 3:\n%s", len(got.Suites), got.Failures, out)
	}
	c := got.Suites[2].Cases[0]
	if got.Suites[2].Name != safetext.Escape(newlinePath) || c.Name != `DF001: T\n::error::FAKE` || c.Failure.Message != safetext.Escape(escMessage) {
		t.Errorf("last case: suite %q, %+v", got.Suites[2].Name, c)
	}
	wantText := `\x3a:warning file=x,line=1::FAKE/Dockerfile:3 medium \t::error::FAKE` + "\n" + `\x3a:error file=x::FAKE`
	if text := got.Suites[1].Cases[0].Failure.Text; text != wantText {
		t.Errorf("failure text %q, want %q", text, wantText)
	}
}

// normalResult is what a real scan finds: nothing in it needs escaping.
func normalResult() finding.Result {
	return finding.Result{
		Rules: []finding.Rule{{ID: "DF001", Title: "No USER", Severity: finding.High, Kind: document.Dockerfile}},
		Findings: []finding.Finding{
			{RuleID: "DF001", Severity: finding.High, Title: "No USER", Message: `The final stage sets no USER: "node" runs as root`,
				Kind: document.Dockerfile, Path: "app/Dockerfile", Range: document.Range{StartLine: 3, StartColumn: 1, EndLine: 3, EndColumn: 13},
				Snippet: "FROM node:22 AS app # [base] \\", Fingerprint: "f1"},
			{RuleID: "KS001", Severity: finding.Critical, Title: "Privileged", Message: "container \"web\" of Deployment \"web\" runs privileged (ünïcode ✓)",
				Kind: document.Kubernetes, Path: "k8s/deploy ment.yaml", Range: document.Range{StartLine: 18, EndLine: 18},
				Snippet: "\t\tprivileged: true", Fingerprint: "f2", Suppressed: &finding.Suppression{Source: "shiplint", Justification: "reviewed: needs /dev/kvm", Line: 17}},
		},
		Notifications: []finding.Notification{{Level: "warning", Path: "big.yaml", Message: "big.yaml: skipped (over 10 MB)"}},
		Summary:       finding.Summary{FilesScanned: 2},
	}
}

func TestNormalInputIsUnchanged(t *testing.T) {
	res := normalResult()
	text := render(t, "text", res, Options{ShowSuppressed: true})
	wantText := `app/Dockerfile:3:1: high DF001 The final stage sets no USER: "node" runs as root
      3 | FROM node:22 AS app # [base] \

k8s/deploy ment.yaml:18: critical KS001 container "web" of Deployment "web" runs privileged (ünïcode ✓) [suppressed by shiplint: reviewed: needs /dev/kvm]
     18 |         privileged: true
warning: big.yaml: skipped (over 10 MB)

1 finding (1 high) in 1 of 2 files scanned; 1 suppressed
`
	if text != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", text, wantText)
	}
	github := render(t, "github", res, Options{})
	wantGitHub := `::error file=app/Dockerfile,line=3,col=1,endColumn=13,title=DF001 (high)%3A No USER::The final stage sets no USER: "node" runs as root
::warning file=big.yaml,title=shiplint::big.yaml: skipped (over 10 MB)
1 finding (1 high) in 1 of 2 files scanned; 1 suppressed
`
	if github != wantGitHub {
		t.Errorf("github:\n%s\nwant:\n%s", github, wantGitHub)
	}
	// The JSON formats are what encoding/json writes, byte for byte.
	for _, format := range []string{"json", "sarif", "gitlab"} {
		out := render(t, format, res, Options{Version: "v1.0.0"})
		var safe bytes.Buffer
		if err := safetext.WriteJSON(&safe, []byte(out)); err != nil || safe.String() != out {
			t.Errorf("%s: normal output was escaped (%v)", format, err)
		}
		var plain bytes.Buffer
		if err := json.Indent(&plain, []byte(out), "", "  "); err != nil || plain.String() != out {
			t.Errorf("%s: output is not plain indented JSON (%v)", format, err)
		}
	}
	junit := render(t, "junit", res, Options{})
	if !strings.Contains(junit, `<failure message="The final stage sets no USER: &#34;node&#34; runs as root" type="high">app/Dockerfile:3 high The final stage sets no USER: &#34;node&#34; runs as root&#xA;FROM node:22 AS app # [base] \</failure>`) {
		t.Errorf("junit:\n%s", junit)
	}
}

// A long line repeats in the snippet of every finding on it: values are cut
// to a budget in every format.
func TestLongValuesAreCut(t *testing.T) {
	line := strings.Repeat("é", 200_000) // 400 KB, two bytes a character
	msg := "image " + strings.Repeat("x", 10_000)
	res := finding.Result{
		Findings: []finding.Finding{{RuleID: "KS001", Severity: finding.High, Message: msg, Path: "a.yaml",
			Range: document.Range{StartLine: 3, EndLine: 3}, Snippet: line, Resource: strings.Repeat("r", 5000),
			Suppressed: &finding.Suppression{Source: "shiplint", Justification: strings.Repeat("j", 5000)}}},
		Notifications: []finding.Notification{{Level: "warning", Message: strings.Repeat("n", 5000)}},
	}
	var got struct {
		Findings      []finding.Finding      `json:"findings"`
		Notifications []finding.Notification `json:"notifications"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", res, Options{})), &got); err != nil {
		t.Fatal(err)
	}
	f := got.Findings[0]
	if want := strings.Repeat("é", 512) + "…"; f.Snippet != want {
		t.Errorf("snippet is %d bytes, want %d", len(f.Snippet), len(want))
	}
	if f.Message != msg[:4096]+"…" || f.Resource != strings.Repeat("r", 4096)+"…" ||
		f.Suppressed.Justification != strings.Repeat("j", 4096)+"…" || got.Notifications[0].Message != strings.Repeat("n", 4096)+"…" {
		t.Errorf("values not cut to 4096 bytes: message %d, resource %d, justification %d, notification %d",
			len(f.Message), len(f.Resource), len(f.Suppressed.Justification), len(got.Notifications[0].Message))
	}
	if res.Findings[0].Snippet != line || res.Findings[0].Suppressed.Justification != strings.Repeat("j", 5000) {
		t.Error("the caller's findings were changed")
	}
	for _, format := range Formats {
		if out := render(t, format, res, Options{ShowSuppressed: true}); len(out) > 40_000 {
			t.Errorf("%s: %d bytes for one finding", format, len(out))
		}
	}
	if got := cut("aé", 2); got != "a…" {
		t.Errorf("cut inside a character: %q", got)
	}
}
