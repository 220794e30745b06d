package main

import (
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/shiplint/shiplint/internal/progress"
)

// isTerminal reports whether w is a terminal (a TTY, not a pipe, a file or
// /dev/null). Tests replace it to see the terminal layout and the
// progress line through a buffer.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// rawStderrKey holds, in the app's Metadata, standard error as run was
// given it (ErrWriter escapes what it prints).
const rawStderrKey = "stderr"

// clock is the time for the progress line (tests set it).
var clock = time.Now

// progressLine is the progress line for a scan of total files that began
// at start, on standard error when it is a terminal; nil otherwise.
func progressLine(c *cli.Context, total int, start time.Time) *progress.Line {
	w, _ := c.App.Metadata[rawStderrKey].(io.Writer)
	if w == nil || !isTerminal(w) {
		return nil
	}
	return progress.New(w, total, start, clock)
}
