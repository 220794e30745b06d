// Command shiplint is a security linter for Dockerfiles, Docker Compose files
// and Kubernetes manifests. This file only wires flags to the packages that
// do the work; see checks (engine), internal/discover, internal/report.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/internal/safetext"
)

// version, commit and date are stamped at build time, as the release
// configuration (.goreleaser.yaml) and `make build` do:
//
//	-ldflags "-X main.version=1.2.3 -X main.commit=<sha> -X main.date=<commit time, RFC 3339>"
//
// Whatever is left empty comes from the binary's build info (version.go).
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	tuneGC()
	stop := startProfiles()
	code := run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC trades the garbage collector's default (collect whenever the heap
// doubles) for a soft memory limit: a scan allocates a lot of short-lived
// evaluation state, and collecting less often saves CPU while the limit
// keeps a whole-repository scan under 200 MiB. GOGC and GOMEMLIMIT in the
// environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softLimit)
		afterEachGC(raiseLimitForLargeHeaps)
	}
}

const softLimit = 170 << 20

// raiseLimitForLargeHeaps keeps the soft limit from turning into a busy
// loop. A pathological file (a 100,000-line Dockerfile) can need more live
// memory than the limit; the collector would then run back to back, using
// half the CPU while freeing almost nothing (21 s instead of 12 s); and a
// live heap just under the limit makes it collect every few megabytes.
// Once the live heap passes two thirds of the limit, the limit moves to 1.5
// times the live heap, so each collection frees at least a third; it comes
// back down when the live heap shrinks. A whole-repository scan stays far
// below (its live heap peaks at 78 MB).
func raiseLimitForLargeHeaps() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	limit := debug.SetMemoryLimit(-1)
	if next := nextLimit(int64(sample[0].Value.Uint64()), limit); next != limit {
		debug.SetMemoryLimit(next)
	}
}

// nextLimit is the soft limit to use after a collection that left live
// bytes in use under limit.
func nextLimit(live, limit int64) int64 {
	if live > limit/3*2 || (limit > softLimit && live < limit/3) {
		return max(softLimit, live/2*3)
	}
	return limit
}

// afterEachGC calls f after every garbage collection, from the finalizer
// of an object that is garbage as soon as it is made.
func afterEachGC(f func()) {
	type sentinel struct{ _ [16]byte }
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		f()
		afterEachGC(f)
	})
}

// startProfiles writes pprof CPU and heap profiles of the whole process
// when SHIPLINT_CPUPROFILE / SHIPLINT_MEMPROFILE name files (see
// docs/performance.md).
func startProfiles() (stop func()) {
	var cpu *os.File
	if path := os.Getenv("SHIPLINT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if path := os.Getenv("SHIPLINT_MEMPROFILE"); path != "" {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
	}
}

// Exit statuses, as DESIGN.md defines them.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitCode carries a status out of an action without printing anything.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// run is the whole program, callable from tests: it never calls os.Exit.
//
// Everything written to stderr passes through safetext: errors echo file
// names, config keys and policy source lines from the scanned tree, and on
// a CI runner a line of them could otherwise be a workflow command.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	errOut := safetext.NewWriter(stderr)
	defer errOut.Flush()
	app := newApp(stdin, stdout, errOut)
	// The progress line writes to the terminal itself: the writer above
	// would show its "\r" as an escape.
	app.Metadata = map[string]any{rawStderrKey: stderr}
	args, err := flagsFirst(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	var code exitCode
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &code):
		return int(code)
	}
	fmt.Fprintf(errOut, "shiplint: %v\n", err)
	return exitError
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:            "shiplint",
		Usage:           "security linter for Dockerfiles, Docker Compose files and Kubernetes manifests",
		Version:         versionString(),
		Reader:          stdin,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		// Map errors to exit codes in run, so deferred cleanup runs and
		// tests can call the app (see DEPENDENCIES.md).
		ExitErrHandler: func(*cli.Context, error) {},
		Commands:       []*cli.Command{scanCommand(), renderCommand(), rulesCommand(), explainCommand(), testCommand(), lspCommand(), versionCommand()},
	}
	for _, c := range app.Commands {
		name := c.Name
		// No "help" subcommand under a command: urfave/cli would take
		// `shiplint scan h` (a directory named h) for `scan help`, print
		// the help and exit 0 without scanning. --help and -h still work.
		c.HideHelpCommand = true
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return fmt.Errorf("%s (see shiplint %s --help)", flagHint(c, err), name)
		}
	}
	return app
}

func versionString() string {
	return currentBuild().version
}

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version, the commit and its time",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "shiplint %s\n", currentBuild())
			return nil
		},
	}
}

// policyFlag is --policy, shared by every command that loads rules.
func policyFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "extra Rego rules from `DIR` (repeatable)"}
}
