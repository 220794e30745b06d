package integration

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"
)

// actionMeta is the part of action.yml the tests read.
type actionMeta struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
}

func loadAction(t testing.TB) actionMeta {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionMeta
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// exprRE matches a GitHub Actions expression.
var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// actionRun is one simulated run of the composite action, the way the runner
// executes it: every `run:` step in order with `bash --noprofile --norc -eo
// pipefail`, its `env:` and `working-directory:` evaluated, a fresh
// $GITHUB_OUTPUT per step, and the action's outputs evaluated from the steps'.
type actionRun struct {
	code        int    // exit status of the last step that ran
	failedStep  string // the step that failed, if one did
	stdout      string // all steps' standard output
	stderr      string // all steps' standard error
	stepOutputs map[string]map[string]string
	outputs     map[string]string        // the action's outputs
	summary     string                   // what the steps appended to $GITHUB_STEP_SUMMARY
	ran         []string                 // the names of the steps that ran (their if: held)
	took        map[string]time.Duration // each step's wall time, by ID
}

// actionEnv is the runner's side of a simulated run.
type actionEnv struct {
	workspace  string // $GITHUB_WORKSPACE, the default working directory
	runnerTemp string // $RUNNER_TEMP
	actionPath string // $GITHUB_ACTION_PATH (the checkout of this repository)
	actionRef  string // github.action_ref: the ref in `uses: shiplint/shiplint@<ref>`
	toolCache  string // $RUNNER_TOOL_CACHE
	runnerOS   string // $RUNNER_OS; empty: the host's
	runnerArch string // $RUNNER_ARCH; empty: the host's
	// extra is more environment, as a job's env: would set it
	// (SHIPLINT_RELEASE_BASE_URL, SHIPLINT_RELEASE_REPO).
	extra []string
	// tee, when set, also receives every step's standard output as it is
	// written (the benchmark times the first finding line with it).
	tee io.Writer
	// stopAfter, when set, ends the run after the step with this ID.
	stopAfter string
}

// evalExpr evaluates the expressions the action is allowed to use: inputs,
// github.action_path, github.action_ref, step outputs, and `a || b` of those
// (the first that is not empty, as GitHub's || does for strings). Anything
// else fails the test, which keeps action.yml within what this test checks.
func evalExpr(t testing.TB, s string, a actionMeta, inputs map[string]string, env actionEnv, steps map[string]map[string]string) string {
	t.Helper()
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		for _, e := range strings.Split(exprRE.FindStringSubmatch(m)[1], "||") {
			if v := evalRef(t, strings.TrimSpace(e), a, inputs, env, steps); v != "" {
				return v
			}
		}
		return ""
	})
}

func evalRef(t testing.TB, e string, a actionMeta, inputs map[string]string, env actionEnv, steps map[string]map[string]string) string {
	t.Helper()
	switch parts := strings.Split(e, "."); {
	case len(parts) == 2 && parts[0] == "inputs":
		in, ok := a.Inputs[parts[1]]
		if !ok {
			t.Fatalf("action.yml uses undeclared input %q", parts[1])
		}
		if v, ok := inputs[parts[1]]; ok {
			return v
		}
		return in.Default
	case e == "github.action_path":
		return env.actionPath
	case e == "github.action_ref":
		return env.actionRef
	case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
		return steps[parts[1]][parts[3]]
	default:
		t.Fatalf("action.yml uses expression %q, which this test does not evaluate", e)
		return ""
	}
}

// condRE is the one form of `if:` the action uses: an input compared with a
// literal.
var condRE = regexp.MustCompile(`^inputs\.([A-Za-z0-9_-]+) (==|!=) '([^']*)'$`)

// evalCond evaluates a step's `if:`. GitHub compares strings ignoring case.
func evalCond(t testing.TB, cond string, a actionMeta, inputs map[string]string, env actionEnv) bool {
	t.Helper()
	if cond == "" {
		return true
	}
	m := condRE.FindStringSubmatch(strings.TrimSpace(cond))
	if m == nil {
		t.Fatalf("action.yml uses if: %q, which this test does not evaluate", cond)
	}
	eq := strings.EqualFold(evalRef(t, "inputs."+m[1], a, inputs, env, nil), m[3])
	return eq == (m[2] == "==")
}

// parseOutputFile reads a $GITHUB_OUTPUT file: `name=value` lines and
// `name<<DELIMITER` blocks.
func parseOutputFile(t testing.TB, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			closed := false
			for sc.Scan() {
				if sc.Text() == delim {
					closed = true
					break
				}
				val = append(val, sc.Text())
			}
			if !closed {
				t.Fatalf("$GITHUB_OUTPUT: %s<<%s is not closed", name, delim)
			}
			out[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("$GITHUB_OUTPUT: malformed line %q", line)
		}
		out[name] = val
	}
	return out
}

// runAction runs action.yml's steps with inputs, as described on actionRun.
// Steps whose `if:` does not hold are skipped, as the runner skips them.
// `uses:` steps (actions/setup-go) are not run: the Go on PATH stands in.
func runAction(t testing.TB, a actionMeta, inputs map[string]string, env actionEnv) actionRun {
	t.Helper()
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("test passes undeclared input %q", name)
		}
	}
	res := actionRun{stepOutputs: map[string]map[string]string{}, took: map[string]time.Duration{}}
	summaryFile := filepath.Join(env.runnerTemp, "step_summary.md")
	_ = os.Remove(summaryFile)
	var stdout, stderr strings.Builder
	for i, st := range a.Runs.Steps {
		if !evalCond(t, st.If, a, inputs, env) {
			continue
		}
		if st.Uses != "" {
			res.ran = append(res.ran, st.Name)
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %q: shell %q, want bash (the test runs it with bash)", st.Name, st.Shell)
		}
		if exprRE.MatchString(st.Run) {
			t.Fatalf("step %q: ${{ }} inside run: is shell injection; pass values through env:", st.Name)
		}
		script := filepath.Join(env.runnerTemp, fmt.Sprintf("step-%d.sh", i))
		if err := os.WriteFile(script, []byte(st.Run), 0o644); err != nil {
			t.Fatal(err)
		}
		outputFile := filepath.Join(env.runnerTemp, fmt.Sprintf("output-%d", i))
		_ = os.Remove(outputFile)
		vars := []string{
			"CI=true",
			"GITHUB_ACTIONS=true",
			"GITHUB_WORKSPACE=" + env.workspace,
			"GITHUB_ACTION_PATH=" + env.actionPath,
			"GITHUB_OUTPUT=" + outputFile,
			"GITHUB_STEP_SUMMARY=" + summaryFile,
			"GITHUB_ENV=" + filepath.Join(env.runnerTemp, "env"),
			"GITHUB_PATH=" + filepath.Join(env.runnerTemp, "path"),
			"RUNNER_TEMP=" + env.runnerTemp,
			"RUNNER_TOOL_CACHE=" + env.toolCache,
			"RUNNER_OS=" + cmp.Or(env.runnerOS, hostRunnerOS()),
			"RUNNER_ARCH=" + cmp.Or(env.runnerArch, hostRunnerArch()),
		}
		vars = append(vars, env.extra...)
		names := make([]string, 0, len(st.Env))
		for k := range st.Env {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			vars = append(vars, k+"="+evalExpr(t, st.Env[k], a, inputs, env, res.stepOutputs))
		}
		dir := env.workspace
		if st.WorkingDirectory != "" {
			dir = evalExpr(t, st.WorkingDirectory, a, inputs, env, res.stepOutputs)
		}
		// The runner's command line for `shell: bash`.
		res.ran = append(res.ran, st.Name)
		r := runStep(t, dir, vars, env.tee, script)
		if st.ID != "" {
			res.took[st.ID] = r.duration
		}
		stdout.WriteString(r.stdout)
		stderr.WriteString(r.stderr)
		if st.ID != "" {
			res.stepOutputs[st.ID] = parseOutputFile(t, outputFile)
		}
		res.code = r.code
		if r.code != 0 {
			res.failedStep = st.Name
			break
		}
		if env.stopAfter != "" && st.ID == env.stopAfter {
			break
		}
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	res.outputs = map[string]string{}
	for name, o := range a.Outputs {
		res.outputs[name] = evalExpr(t, o.Value, a, inputs, env, res.stepOutputs)
	}
	if data, err := os.ReadFile(summaryFile); err == nil {
		res.summary = string(data)
	}
	return res
}

// jsonReport is the part of shiplint's JSON report the tests read.
type jsonReport struct {
	Findings []struct {
		RuleID     string          `json:"ruleId"`
		Severity   string          `json:"severity"`
		Suppressed json.RawMessage `json:"suppressed"`
	} `json:"findings"`
}

// reported counts the findings that are not suppressed.
func (r jsonReport) reported() int {
	n := 0
	for _, f := range r.Findings {
		if len(f.Suppressed) == 0 {
			n++
		}
	}
	return n
}

// scanJSON runs the shiplint binary directly and returns its JSON report, the
// reference the action's outputs are compared with.
func scanJSON(t testing.TB, bin, dir string, args ...string) jsonReport {
	t.Helper()
	r := run(t, dir, nil, 2*time.Minute, bin, append([]string{"scan", "--format", "json"}, args...)...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("shiplint scan %s: exit %d\n%s", strings.Join(args, " "), r.code, r.combined())
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("shiplint scan --format json: %v\n%s", err, r.stdout)
	}
	return rep
}

// sarifRuns reads a SARIF file and returns each run's automationDetails.id.
func sarifRuns(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("SARIF file: %v", err)
	}
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			AutomationDetails struct {
				ID string `json:"id"`
			} `json:"automationDetails"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("SARIF file %s: %v", path, err)
	}
	if doc.Version != "2.1.0" {
		t.Errorf("SARIF version %q, want 2.1.0", doc.Version)
	}
	var ids []string
	for _, r := range doc.Runs {
		ids = append(ids, r.AutomationDetails.ID)
	}
	return ids
}

// oddConfig is a config file name that is hostile to a shell: spaces, both
// quotes and a command substitution.
const oddConfig = `ci/my "odd" config $(touch pwned) 'x'.yaml`

// workflowCommandRE matches a workflow command at the start of a line.
var workflowCommandRE = regexp.MustCompile(`(?m)^::(error|warning|notice)\b`)

// TestActionScript runs the shell of action.yml exactly as written, with the
// runner's environment faked: $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY,
// $RUNNER_TEMP, $GITHUB_ACTION_PATH, $GITHUB_WORKSPACE and the step's env:
// mapped from the inputs.
func TestActionScript(t *testing.T) {
	a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	root := repoRoot(t)
	runnerTemp := t.TempDir() // shared by all cases, like one job's steps

	// The action installs the release binary from a fake release; the first
	// case downloads it into the job's tool cache, the others find it there.
	// The same binary is the reference the action's outputs are compared with.
	bin := releaseBinaryFile(t)
	rel := newFakeRelease(t)
	rel.add(t, testVersion, hostOS(), hostArch(), releaseBinary(t))
	base := actionEnv{
		runnerTemp: runnerTemp, actionPath: root, actionRef: "v" + testVersion,
		toolCache: t.TempDir(), extra: rel.env(),
	}
	workspace := actionWorkspace
	bad := []string{"precommit/bad-dockerfile", "precommit/bad-compose", "precommit/bad-kubernetes", "action/extra"}
	clean := []string{"precommit/clean", "precommit/other-yaml"}

	cases := []struct {
		name      string
		dirs      []string
		inputs    map[string]string
		wantCode  int
		reference []string // shiplint scan arguments whose JSON report the findings output must match
		setup     func(t *testing.T, bin, ws string)
		check     func(t *testing.T, ws string, r actionRun, ref jsonReport)
	}{{
		name:      "defaults, findings",
		dirs:      bad,
		inputs:    nil,
		wantCode:  1,
		reference: []string{"."},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if len(ref.Findings) == ref.reported() {
				t.Errorf("the workspace has no suppressed finding, so the findings count is not checked against suppressions")
			}
			if ids := sarifRuns(t, filepath.Join(ws, "shiplint.sarif")); len(ids) != 1 || ids[0] != "shiplint/" {
				t.Errorf("SARIF runs' automationDetails ids = %q, want one run with id \"shiplint/\"", ids)
			}
			if r.outputs["sarif-file"] != "shiplint.sarif" {
				t.Errorf("output sarif-file = %q, want shiplint.sarif", r.outputs["sarif-file"])
			}
			for _, want := range []string{"::error file=Dockerfile,line=", "::error file=deploy/app.yaml,line="} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("annotations lack %q:\n%s", want, r.stdout)
				}
			}
			if !strings.Contains(r.summary, "shiplint") || !strings.Contains(r.summary, "DF001") {
				t.Errorf("step summary lacks the findings:\n%s", r.summary)
			}
		},
	}, {
		name:      "clean workspace",
		dirs:      clean,
		wantCode:  0,
		reference: []string{"."},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if r.outputs["findings"] != "0" {
				t.Errorf("output findings = %q, want 0", r.outputs["findings"])
			}
			if ids := sarifRuns(t, filepath.Join(ws, "shiplint.sarif")); len(ids) != 1 {
				t.Errorf("SARIF has %d runs, want 1", len(ids))
			}
			if workflowCommandRE.MatchString(r.stdout) {
				t.Errorf("annotations on a clean workspace:\n%s", r.stdout)
			}
		},
	}, {
		name:      "fail-on above the findings passes with findings",
		dirs:      bad,
		inputs:    map[string]string{"path": "Dockerfile", "fail-on": "critical"},
		wantCode:  0,
		reference: []string{"Dockerfile"},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if r.outputs["findings"] == "0" {
				t.Errorf("output findings = 0, want the Dockerfile's findings")
			}
		},
	}, {
		name: "several paths, custom SARIF file and category, no annotations",
		dirs: bad,
		inputs: map[string]string{
			"path":        "deploy\n\n  compose.yaml  \n",
			"sarif-file":  "reports/k8s/shiplint.sarif",
			"category":    "manifests",
			"annotations": "false",
		},
		wantCode:  1,
		reference: []string{"deploy", "compose.yaml"},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if ids := sarifRuns(t, filepath.Join(ws, "reports", "k8s", "shiplint.sarif")); len(ids) != 1 || ids[0] != "manifests/" {
				t.Errorf("SARIF runs' automationDetails ids = %q, want one run with id \"manifests/\"", ids)
			}
			if r.outputs["sarif-file"] != "reports/k8s/shiplint.sarif" {
				t.Errorf("output sarif-file = %q", r.outputs["sarif-file"])
			}
			if workflowCommandRE.MatchString(r.stdout) {
				t.Errorf("annotations: false still printed workflow commands:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, "deploy/app.yaml:10:9: critical KS001") || !strings.Contains(r.stdout, "compose.yaml:4:5: critical DC001") {
				t.Errorf("text report lacks the findings of both paths:\n%s", r.stdout)
			}
			if strings.Contains(r.stdout, "Dockerfile") {
				t.Errorf("scanned a path that was not given:\n%s", r.stdout)
			}
		},
	}, {
		name:      "config file: its fail-on and disabled rules apply",
		dirs:      bad,
		inputs:    map[string]string{"path": "Dockerfile", "config": "ci/shiplint.yaml"},
		wantCode:  0, // the config says fail-on: critical; the Dockerfile's worst is high
		reference: []string{"--config", "ci/shiplint.yaml", "Dockerfile"},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if strings.Contains(r.stdout, "DF001") {
				t.Errorf("DF001 is disabled in the config but was reported:\n%s", r.stdout)
			}
		},
	}, {
		name: "baseline: only new findings are reported",
		dirs: bad,
		setup: func(t *testing.T, bin, ws string) {
			// Accept today's Dockerfile findings; the manifests' stay new.
			r := run(t, ws, nil, 2*time.Minute, bin, "scan", "--write-baseline", ".shiplint-baseline.json", "Dockerfile")
			if r.code != 0 {
				t.Fatalf("shiplint scan --write-baseline: exit %d\n%s", r.code, r.combined())
			}
		},
		inputs:    map[string]string{"baseline": ".shiplint-baseline.json"},
		wantCode:  1,
		reference: []string{"--baseline", ".shiplint-baseline.json", "."},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if regexp.MustCompile(`(?m)^::\w+ file=Dockerfile,`).MatchString(r.stdout) {
				t.Errorf("a baselined Dockerfile finding was annotated:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, "file=deploy/app.yaml") {
				t.Errorf("the new findings are not annotated:\n%s", r.stdout)
			}
		},
	}, {
		name:     "scan failure: exit 2, no outputs",
		dirs:     clean,
		inputs:   map[string]string{"path": "no/such/dir"},
		wantCode: 2,
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if r.outputs["findings"] != "" || r.outputs["sarif-file"] != "" {
				t.Errorf("outputs after a failed scan: %q", r.outputs)
			}
		},
	}, {
		name:     "bad annotations input",
		dirs:     clean,
		inputs:   map[string]string{"annotations": "yes"},
		wantCode: 2,
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if !strings.Contains(r.stdout, "::error title=shiplint::input annotations must be true or false") {
				t.Errorf("no error annotation for the bad input:\n%s", r.stdout)
			}
		},
	}, {
		// One argument per line: a value with spaces, quotes and a command
		// substitution is passed whole and never run; --flag=value works on
		// one line. The config (DF001 off, fail-on critical) and the later
		// --fail-on=info both take effect, so the Dockerfile fails on its
		// high findings without DF001.
		name: "args: one argument per line, passed as data",
		dirs: bad,
		setup: func(t *testing.T, bin, ws string) {
			data, err := os.ReadFile(filepath.Join(ws, "ci", "shiplint.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, ws, map[string]string{oddConfig: string(data)})
		},
		inputs: map[string]string{
			"path": "Dockerfile",
			"args": "--config\n  " + oddConfig + "  \n\n--fail-on=info\n",
		},
		wantCode:  1,
		reference: []string{"--config", oddConfig, "Dockerfile"},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if _, err := os.Stat(filepath.Join(ws, "pwned")); err == nil {
				t.Errorf("a value in args was run as a command")
			}
			if strings.Contains(r.stdout, "DF001") {
				t.Errorf("the config passed in args disables DF001, but it was reported:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, "::error file=Dockerfile,line=") {
				t.Errorf("no Dockerfile annotations:\n%s", r.stdout)
			}
		},
	}, {
		name:     "args: a flag and its value on one line is one argument, with a hint",
		dirs:     clean,
		inputs:   map[string]string{"args": "--fail-on high"},
		wantCode: 2,
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			want := "::warning title=shiplint::args line '--fail-on high' is one argument; put a flag and its value on separate lines, or write --flag=value"
			if !strings.Contains(r.stdout, want) {
				t.Errorf("no hint %q:\n%s", want, r.stdout)
			}
		},
	}, {
		name:      "format json goes to the log, and wins over annotations",
		dirs:      bad,
		inputs:    map[string]string{"format": "json"},
		wantCode:  1,
		reference: []string{"."},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			// The log holds the version step's and install step's lines, then the report.
			i := strings.Index(r.stdout, "\n{")
			if i < 0 {
				t.Fatalf("no JSON report in the log:\n%s", r.stdout)
			}
			var got jsonReport
			if err := json.Unmarshal([]byte(r.stdout[i:]), &got); err != nil {
				t.Fatalf("the log's report is not JSON: %v\n%s", err, r.stdout)
			}
			if got.reported() != ref.reported() {
				t.Errorf("JSON report in the log has %d findings, want %d", got.reported(), ref.reported())
			}
			if workflowCommandRE.MatchString(r.stdout) || r.summary != "" {
				t.Errorf("format json still printed annotations or a job summary:\n%s\nsummary:\n%s", r.stdout, r.summary)
			}
		},
	}, {
		name:      "format text",
		dirs:      bad,
		inputs:    map[string]string{"format": "text", "path": "compose.yaml"},
		wantCode:  1,
		reference: []string{"compose.yaml"},
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if !strings.Contains(r.stdout, "compose.yaml:4:5: critical DC001") || workflowCommandRE.MatchString(r.stdout) {
				t.Errorf("want the text report and no annotations:\n%s", r.stdout)
			}
		},
	}, {
		name:     "bad format: shiplint refuses it",
		dirs:     clean,
		inputs:   map[string]string{"format": "yaml"},
		wantCode: 2,
		check: func(t *testing.T, ws string, r actionRun, ref jsonReport) {
			if !strings.Contains(r.stderr, `--format "yaml": want one of`) {
				t.Errorf("no error naming the bad format:\n%s", r.stderr)
			}
		},
	}}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws := workspace(t, tc.dirs...)
			if tc.setup != nil {
				tc.setup(t, bin, ws)
			}
			env := base
			env.workspace = ws
			r := runAction(t, a, tc.inputs, env)
			if r.code != tc.wantCode {
				t.Fatalf("action exit %d (step %q), want %d\nstdout:\n%s\nstderr:\n%s", r.code, r.failedStep, tc.wantCode, r.stdout, r.stderr)
			}
			if r.failedStep != "" && r.failedStep != "Scan" {
				t.Fatalf("step %q failed", r.failedStep)
			}
			var ref jsonReport
			if tc.reference != nil {
				ref = scanJSON(t, bin, ws, tc.reference...)
				if got, want := r.outputs["findings"], fmt.Sprint(ref.reported()); got != want {
					t.Errorf("output findings = %q, want %s (the unsuppressed findings of shiplint scan %s)", got, want, strings.Join(tc.reference, " "))
				}
			}
			tc.check(t, ws, r, ref)
		})
	}
}
