package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/checks"
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
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.Formats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "fail-on", Value: "low", Usage: "exit 1 when a finding is at or above this severity: critical, high, medium, low, info"},
			&cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "extra Rego rules from `DIR` (repeatable)"},
			&cli.StringFlag{Name: "kind", Usage: "kind of the file read from stdin (-): dockerfile, compose, kubernetes"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only, no summary"},
		},
		Action: scanAction,
	}
}

type scanFlags struct {
	format, output string
	failOn         finding.Severity
	policies       []string
	stdinKind      document.Kind
	quiet          bool
	paths          []string
}

func readScanFlags(c *cli.Context) (scanFlags, error) {
	f := scanFlags{
		format: c.String("format"), output: c.String("output"),
		policies: c.StringSlice("policy"), quiet: c.Bool("quiet"), paths: c.Args().Slice(),
	}
	if !report.ValidFormat(f.format) {
		return f, fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats, ", "))
	}
	sev, err := finding.ParseSeverity(c.String("fail-on"))
	if err != nil {
		return f, fmt.Errorf("--fail-on: %v", err)
	}
	f.failOn = sev
	if len(f.paths) == 0 {
		f.paths = []string{"."}
	}
	for _, p := range f.paths {
		if p != "-" {
			continue
		}
		k, ok := document.ParseKind(c.String("kind"))
		if !ok {
			return f, fmt.Errorf("scanning stdin (-) needs --kind dockerfile, compose or kubernetes")
		}
		f.stdinKind = k
	}
	if c.String("kind") != "" && f.stdinKind == "" {
		return f, fmt.Errorf("--kind only applies to stdin (-)")
	}
	return f, discover.CheckPaths(f.paths)
}

func scanAction(c *cli.Context) error {
	f, err := readScanFlags(c)
	if err != nil {
		return err
	}
	pack, err := checks.Load(c.Context, checks.Options{Policies: f.policies})
	if err != nil {
		return err
	}
	stdin, err := readStdin(c.App.Reader, f)
	if err != nil {
		return err
	}
	src, summary := sources(f.paths, stdin)
	res := pack.Scan(c.Context, src, checks.ScanOptions{})
	res.Summary.FilesSkipped = summary.skipped
	tally(&res)
	if err := writeReport(c.App.Writer, f, res); err != nil {
		return err
	}
	return exitCode(status(res, f.failOn))
}

func readStdin(r io.Reader, f scanFlags) (*checks.File, error) {
	if f.stdinKind == "" {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, discover.DefaultMaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading stdin: %v", err)
	}
	if len(b) > discover.DefaultMaxFileSize {
		return nil, fmt.Errorf("stdin is over the %d-byte limit", discover.DefaultMaxFileSize)
	}
	return &checks.File{Path: "stdin", Kind: f.stdinKind, Source: b}, nil
}

type walkSummary struct{ skipped int }

// sources turns the paths into the engine's file source. Skipped files are
// counted into summary as the walk goes (the engine drains the source
// before Scan returns).
func sources(paths []string, stdin *checks.File) (checks.Source, *walkSummary) {
	var files []string
	for _, p := range paths {
		if p != "-" {
			files = append(files, p)
		}
	}
	sum := &walkSummary{}
	return func(yield func(checks.File, error) bool) {
		if stdin != nil && !yield(*stdin, nil) {
			return
		}
		discover.Walk(files, discover.Options{}, func(e discover.Event) bool {
			switch {
			case e.Err != nil:
				return yield(checks.File{}, e.Err)
			case e.File != nil:
				return yield(checks.File{Path: e.File.Path, Kind: e.File.Kind, Source: e.File.Source, ReadFile: e.File.ReadFile}, nil)
			}
			sum.skipped++
			return true
		})
	}, sum
}

func tally(res *finding.Result) {
	res.Summary.BySeverity = map[string]int{}
	res.Summary.ByKind = map[string]int{}
	for _, f := range res.Findings {
		res.Summary.BySeverity[f.Severity.String()]++
		res.Summary.ByKind[string(f.Kind)]++
	}
}

func writeReport(stdout io.Writer, f scanFlags, res finding.Result) error {
	opt := report.Options{Version: versionString(), Quiet: f.quiet}
	if f.output == "" {
		w := bufio.NewWriter(stdout)
		if err := report.Write(w, f.format, res, opt); err != nil {
			return err
		}
		return w.Flush()
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, f.format, res, opt); err != nil {
		return err
	}
	if err := os.WriteFile(f.output, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--output: %v", err)
	}
	return nil
}

// status is the exit code: 2 when a file could not be read or evaluated,
// 1 when a finding reaches the threshold, else 0.
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
