package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/baseline"
	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/confine"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/report"
)

func scanCommand() *cli.Command {
	return &cli.Command{
		Name:      "scan",
		Usage:     "scan files and directories (or - for stdin) and report findings",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT[=FILE]`, repeatable (e.g. -f github -f sarif=out.sarif): " + strings.Join(report.Formats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "fail-on", Value: "low", Usage: "exit 1 when a finding is at or above this severity: critical, high, medium, low, info"},
			policyFlag(),
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .shiplint.yaml in the scanned directory or a parent, up to the repository root)"},
			&cli.StringSliceFlag{Name: "framework", Usage: "run only the rules of `NAME` (e.g. pss-baseline, pss-restricted, cis-k8s; repeatable)"},
			&cli.StringSliceFlag{Name: "severity", Usage: "report only findings of these `SEVERITIES` (comma list or repeated, any case, e.g. HIGH,CRITICAL)"},
			&cli.StringSliceFlag{Name: "rule", Usage: "run only the rule `ID` (or another tool's ID for it, e.g. DL3006, CKV_K8S_20; any case; comma list or repeated); replaces the config's only:"},
			&cli.StringSliceFlag{Name: "skip-rule", Usage: "do not run the rule `ID` (or another tool's ID for it; comma list or repeated); adds to the config's disable:"},
			&cli.StringSliceFlag{Name: "skip-path", Usage: "leave out paths matching `GLOB`, relative to the scan root or as shown in findings (** for any depth; repeatable); adds to the config's exclude:"},
			&cli.StringFlag{Name: "baseline", Usage: "report only findings that are not in the baseline `FILE`"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the findings of this scan in `FILE` (then exit 0)"},
			&cli.StringFlag{Name: "kind", Usage: "kind of the file read from stdin (-): dockerfile, compose, kubernetes"},
			&cli.StringFlag{Name: "stdin-filename", Usage: "report findings in stdin (-) against `PATH` (editors); also decides the kind"},
			&cli.BoolFlag{Name: "show-suppressed", Usage: "list suppressed findings in text output"},
			&cli.StringFlag{Name: "sarif-category", Value: "shiplint", Usage: "SARIF runAutomationDetails id, so code scanning keeps repeated uploads apart"},
			&cli.DurationFlag{Name: "eval-timeout", Value: checks.DefaultEvalTimeout, Usage: "give up on one document's evaluation after `DURATION` (a rule that loops is named in an error)"},
			&cli.Int64Flag{Name: "max-file-size", Usage: fmt.Sprintf("do not read files larger than `BYTES`; each is a file-not-scanned finding (default %d; a .shiplint.yaml found in the tree can lower it, not raise it)", discover.DefaultMaxFileSize)},
			&cli.StringSliceFlag{Name: "helm-values", Usage: "values `FILE` for every Helm chart scanned, after the chart's values.yaml (repeatable, applied in order)"},
			&cli.StringSliceFlag{Name: "helm-set", Usage: "set a value `KEY=VALUE` in every Helm chart scanned, as helm --set (repeatable)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only, no summary"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour and group the text report: auto (on a terminal, unless NO_COLOR is set), always, never"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the fixes of the findings that have one to the files, in place (only files inside the scan roots); the report lists what remains"},
			&cli.BoolFlag{Name: "diff", Usage: "with --fix: print the fixes as a unified diff and change nothing"},
		},
		Action: scanAction,
	}
}

// output is one report to write: a format and where (stdout when file is "").
type output struct{ format, file string }

type scanFlags struct {
	outputs        []output
	failOn         finding.Severity
	policies       []string
	frameworks     []string
	stdinKind      document.Kind
	stdinName      string
	quiet          bool
	showSuppressed bool
	paths          []string
	baseline       string
	writeBaseline  string
	sarifCategory  string
	maxFileSize    int64
	cfg            *config.Config
	helmValues     []helmValues
	helmSet        []string
	fix            fixMode
	// severities, rules and skipRules are --severity, --rule and
	// --skip-rule, for checks.Selection.
	severities       []finding.Severity
	rules, skipRules []string
	color            report.ColorMode
}

func readScanFlags(c *cli.Context) (scanFlags, error) {
	f := scanFlags{
		policies: c.StringSlice("policy"), frameworks: c.StringSlice("framework"),
		quiet: c.Bool("quiet"), showSuppressed: c.Bool("show-suppressed"), paths: c.Args().Slice(),
		baseline: c.String("baseline"), writeBaseline: c.String("write-baseline"),
		sarifCategory: c.String("sarif-category"), maxFileSize: c.Int64("max-file-size"),
	}
	if len(f.paths) == 0 {
		f.paths = []string{"."}
	}
	f.helmSet = c.StringSlice("helm-set")
	switch {
	case c.Bool("diff") && !c.Bool("fix"):
		return f, fmt.Errorf("--diff needs --fix")
	case c.Bool("fix") && c.Bool("diff"):
		f.fix = fixDiff
	case c.Bool("fix"):
		f.fix = fixWrite
	}
	if f.fix != fixNone && slices.Contains(f.paths, "-") {
		return f, fmt.Errorf("--fix cannot change stdin (-); give file or directory paths")
	}
	if f.fix != fixNone && c.String("write-baseline") != "" {
		return f, fmt.Errorf("--fix and --write-baseline do not go together")
	}
	var err error
	if f.color, err = report.ParseColorMode(c.String("color")); err != nil {
		return f, err
	}
	if f.helmValues, err = readHelmValues(c.StringSlice("helm-values")); err != nil {
		return f, err
	}
	if f.outputs, err = parseOutputs(c.StringSlice("format"), c.String("output")); err != nil {
		return f, err
	}
	if err := readStdinFlags(c, &f); err != nil {
		return f, err
	}
	if err := discover.CheckPaths(f.paths); err != nil {
		return f, err
	}
	if f.cfg, err = loadConfig(c.String("config"), f.paths); err != nil {
		return f, err
	}
	return f, mergeConfig(c, &f)
}

// parseOutputs reads the --format values. At most one report goes to
// standard output (or --output).
func parseOutputs(formats []string, outFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	toStdout := 0
	for _, v := range formats {
		name, file, _ := strings.Cut(v, "=")
		if !report.ValidFormat(name) {
			return nil, fmt.Errorf("--format %q: want one of %s", name, strings.Join(report.Formats, ", "))
		}
		if file == "" {
			toStdout++
			file = outFile
		}
		outs = append(outs, output{name, file})
	}
	if toStdout > 1 {
		return nil, fmt.Errorf("--format: only one format can go to standard output; give the others a file (FORMAT=FILE)")
	}
	return outs, nil
}

func readStdinFlags(c *cli.Context, f *scanFlags) error {
	kindFlag, name := c.String("kind"), c.String("stdin-filename")
	reading := false
	for _, p := range f.paths {
		reading = reading || p == "-"
	}
	if !reading {
		if kindFlag != "" || name != "" {
			return fmt.Errorf("--kind and --stdin-filename only apply to stdin (-)")
		}
		return nil
	}
	f.stdinName = "stdin"
	if name != "" {
		f.stdinName = strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "./")
	}
	if kindFlag != "" {
		k, ok := document.ParseKind(kindFlag)
		if !ok {
			return fmt.Errorf("--kind %q: want dockerfile, compose or kubernetes", kindFlag)
		}
		f.stdinKind = k
		return nil
	}
	if k, ok := discover.KindOfName(pathBase(f.stdinName)); ok {
		f.stdinKind = k
		return nil
	}
	return fmt.Errorf("scanning stdin (-) needs --kind dockerfile, compose or kubernetes (or a --stdin-filename that names the kind)")
}

func pathBase(p string) string { return p[strings.LastIndex(p, "/")+1:] }

// loadConfig reads --config, trusted as given, or else the .shiplint.yaml
// found from the first path up to its repository root (or the path itself
// without one), which is part of the untrusted tree and read confined.
func loadConfig(explicit string, paths []string) (*config.Config, error) {
	if explicit != "" {
		return config.Load(explicit)
	}
	start := "."
	if paths[0] != "-" {
		start = paths[0]
	}
	found, boundary, err := config.Find(start)
	if err != nil || found == "" {
		return &config.Config{}, err
	}
	return config.LoadFound(found, boundary)
}

// mergeConfig lets flags win over the config file.
func mergeConfig(c *cli.Context, f *scanFlags) error {
	sev := c.String("fail-on")
	if !c.IsSet("fail-on") && f.cfg.FailOn != nil {
		sev = f.cfg.FailOn.String()
	}
	s, err := finding.ParseSeverity(sev)
	if err != nil {
		return fmt.Errorf("--fail-on: %v", err)
	}
	f.failOn = s
	f.policies = append(f.policies, f.cfg.Policies...)
	if len(f.frameworks) == 0 {
		f.frameworks = f.cfg.Frameworks
	}
	if f.maxFileSize == 0 {
		f.maxFileSize = f.cfg.MaxFileSize
	}
	return readFilters(c, f)
}

// readFilters reads --severity, --rule, --skip-rule and --skip-path. The
// rule names are resolved by checks.Load (they may be aliases, in any
// case); --skip-path globs join the config's exclude.
func readFilters(c *cli.Context, f *scanFlags) error {
	for _, v := range listFlag(c, "severity") {
		s, err := finding.ParseSeverity(v)
		if err != nil {
			return fmt.Errorf("--severity: %v", err)
		}
		f.severities = append(f.severities, s)
	}
	f.rules, f.skipRules = listFlag(c, "rule"), listFlag(c, "skip-rule")
	f.cfg.Roots = f.paths
	return f.cfg.AddExclude("--skip-path", listFlag(c, "skip-path"))
}

// listFlag is a repeatable flag's values, comma lists split (urfave/cli
// splits them) and blanks around and between commas dropped.
func listFlag(c *cli.Context, name string) []string {
	var out []string
	for _, v := range c.StringSlice(name) {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func scanAction(c *cli.Context) error {
	started := clock()
	f, err := readScanFlags(c)
	if err != nil {
		return err
	}
	stdin, err := readStdin(c.App.Reader, f)
	if err != nil {
		return err
	}
	// Load first, compiling no kind yet: discovery tells the pack each kind
	// it meets, and that kind's rules compile while the files are read.
	pack, err := checks.Load(c.Context, checks.Options{
		Kinds:    []document.Kind{},
		Policies: f.policies,
		Select: checks.Selection{
			Disable: f.cfg.Disable, Only: f.cfg.Only, Frameworks: f.frameworks, Severity: f.cfg.Severity, Params: f.cfg.Params,
			Rules: f.rules, SkipRules: f.skipRules, Severities: f.severities,
		},
		CheckIDs: f.cfg.CheckRuleIDs,
	})
	if err != nil {
		return err
	}
	if stdin != nil {
		pack.Prepare(c.Context, stdin.Kind)
	}
	files := collect(f, stdin, func(k document.Kind) { pack.Prepare(c.Context, k) })
	var hashes readHashes
	var rescan rescanner
	if f.fix != fixNone {
		// Before the scan, which lets go of each file it has read.
		hashes = readHashes{}
		rescan = rescanner{ctx: c.Context, pack: pack, files: map[string]checks.File{}}
		for _, in := range files.files {
			if in.NotScanned == "" && in.Unit == nil {
				hashes[in.Path] = sha256.Sum256(in.Source)
				in.Source = nil // a re-scan reads the fixed text, not this
				rescan.files[in.Path] = in
			}
		}
	}
	opt := checks.ScanOptions{EvalTimeout: c.Duration("eval-timeout")}
	prog := progressLine(c, len(files.files), started)
	if prog != nil {
		opt.Progress = prog.Update
	}
	res := pack.Scan(c.Context, files.source, opt)
	prog.Done()
	res.Summary.FilesSkipped = files.skipped
	known, err := applyBaseline(f, &res)
	if err != nil {
		return err
	}
	if f.fix != fixNone {
		rescan.keep = func(fs []finding.Finding) []finding.Finding {
			fs, _ = baseline.Filter(fs, known)
			return fs
		}
		res.Findings = applyFixes(c.App.Writer, c.App.ErrWriter, f, res, hashes, rescan)
		if f.fix == fixDiff {
			return exitCode(status(res, f.failOn))
		}
	}
	tally(&res)
	if f.writeBaseline != "" {
		return writeBaselineFile(f.writeBaseline, res)
	}
	if err := writeReports(c.App.Writer, f, res); err != nil {
		return err
	}
	return exitCode(status(res, f.failOn))
}

// applyBaseline leaves out the findings of the --baseline file, and
// returns their fingerprints (nil without one).
func applyBaseline(f scanFlags, res *finding.Result) (map[string]bool, error) {
	if f.baseline == "" {
		return nil, nil
	}
	known, err := baseline.Read(f.baseline)
	if err != nil {
		return nil, err
	}
	res.Findings, res.Summary.Baselined = baseline.Filter(res.Findings, known)
	return known, nil
}

func writeBaselineFile(path string, res finding.Result) error {
	var buf bytes.Buffer
	if err := baseline.Write(&buf, res.Findings); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--write-baseline: %v", err)
	}
	return nil
}

func readStdin(r io.Reader, f scanFlags) (*checks.File, error) {
	if f.stdinKind == "" {
		return nil, nil
	}
	limit := int64(discover.DefaultMaxFileSize)
	if f.maxFileSize > 0 {
		limit = f.maxFileSize
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading stdin: %v", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("stdin is over the %d-byte limit (--max-file-size)", limit)
	}
	return &checks.File{Path: f.stdinName, Kind: f.stdinKind, Source: b}, nil
}

// inputs are the files a scan will read, found before the rule pack is
// compiled so only the kinds present are compiled.
type inputs struct {
	files   []checks.File
	errs    []error
	skipped int
	// skippedPaths are the skipped files (a chart's templates and values
	// are not skipped: its render reads them).
	skippedPaths []string
}

// source yields the collected files and read errors to the engine.
func (in *inputs) source(yield func(checks.File, error) bool) {
	for _, e := range in.errs {
		if !yield(checks.File{}, e) {
			return
		}
	}
	for i, f := range in.files {
		// Hand the file over: once its worker is done with it, its text
		// can be collected, so the heap the garbage collector walks does
		// not hold the whole repository until the scan ends.
		in.files[i] = checks.File{}
		if !yield(f, nil) {
			return
		}
	}
}

// onRead, when set (by tests), is told the identity of every file a scan
// reads: proof that one extends file reached by several paths is read once.
var onRead func(confine.ID)

// collect walks the paths, leaving out excluded ones. A file that was not
// read (refused, too large, over the byte budget) is handed on too: the
// engine reports it as a file-not-scanned finding.
func collect(f scanFlags, stdin *checks.File, found func(document.Kind)) *inputs {
	in := &inputs{}
	if stdin != nil {
		in.files = append(in.files, *stdin)
	}
	var paths []string
	for _, p := range f.paths {
		if p != "-" {
			paths = append(paths, p)
		}
	}
	reader := confine.NewReader(confine.Limits{MaxFileSize: f.maxFileSize})
	reader.OnRead = onRead
	var units []*discover.Unit
	discover.Walk(paths, discover.Options{Reader: reader, Found: found}, func(e discover.Event) bool {
		switch {
		case e.Unit != nil:
			if !f.cfg.Excluded(e.Unit.Display(e.Unit.File)) {
				units = append(units, e.Unit)
			}
		case e.Err != nil:
			in.errs = append(in.errs, e.Err)
		case e.NotScanned != nil:
			if n := e.NotScanned; !f.cfg.Excluded(n.Path) {
				in.files = append(in.files, checks.File{Path: n.Path, Kind: n.Kind, NotScanned: n.Why})
			}
		case e.File != nil:
			if !f.cfg.Excluded(e.File.Path) {
				in.files = append(in.files, checks.File{Path: e.File.Path, Kind: e.File.Kind, Source: e.File.Source, ReadFile: e.File.ReadFile, Identify: e.File.Identify})
			}
		case !f.cfg.Excluded(e.Skipped):
			in.skipped++
			in.skippedPaths = append(in.skippedPaths, e.Skipped)
		}
		return true
	})
	// Largest first: the workers finish together instead of one of them
	// ending the scan alone on a big file it picked up last. Output order
	// does not depend on this (findings are sorted).
	slices.SortStableFunc(in.files, func(a, b checks.File) int { return len(b.Source) - len(a.Source) })
	if len(units) > 0 {
		found(document.Kubernetes)
		in.renderUnits(f, units)
	}
	return in
}

func tally(res *finding.Result) {
	res.Summary.BySeverity = map[string]int{}
	res.Summary.ByKind = map[string]int{}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			res.Summary.Suppressed++
			continue
		}
		res.Summary.Findings++
		res.Summary.BySeverity[f.Severity.String()]++
		kind := string(f.Kind)
		if kind == "" {
			// A YAML file that was not read has no kind: its content decides.
			kind = "unknown"
		}
		res.Summary.ByKind[kind]++
	}
}

// writeReports renders every requested format from the one scan result.
func writeReports(stdout io.Writer, f scanFlags, res finding.Result) error {
	opt := report.Options{
		Version: versionString(), Quiet: f.quiet, ShowSuppressed: f.showSuppressed,
		SARIFCategory: f.sarifCategory, StepSummary: os.Getenv("GITHUB_STEP_SUMMARY"),
	}
	opt.WorkDir, opt.SourceRoot = roots()
	for _, o := range f.outputs {
		opt := opt
		if o.format == "text" {
			opt.Grouped, opt.Color = report.Layout(f.color, o.file == "" && isTerminal(stdout), os.Getenv)
		}
		if err := writeReport(stdout, o, res, opt); err != nil {
			return err
		}
	}
	return nil
}

func writeReport(stdout io.Writer, o output, res finding.Result, opt report.Options) error {
	if o.file == "" {
		w := bufio.NewWriter(stdout)
		if err := report.Write(w, o.format, res, opt); err != nil {
			return err
		}
		return w.Flush()
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, o.format, res, opt); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.file), 0o755); err != nil {
		return fmt.Errorf("writing %s report: %v", o.format, err)
	}
	if err := os.WriteFile(o.file, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s report: %v", o.format, err)
	}
	return nil
}

// status is the exit code: 2 when a file could not be read or evaluated,
// 1 when an unsuppressed finding reaches the threshold, else 0.
func status(res finding.Result, failOn finding.Severity) int {
	for _, n := range res.Notifications {
		if n.Level == "error" {
			return exitError
		}
	}
	for _, f := range finding.Active(res.Findings) {
		if f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitOK
}
