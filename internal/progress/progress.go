// Package progress draws a one-line progress report on a terminal: files
// scanned of the total and findings so far, redrawn in place and erased at
// the end. The scan command shows it on standard error, only when that is a
// terminal and only once the run has taken a second, so a quick scan, a
// pipe, a CI log or a test never sees it.
package progress

import (
	"fmt"
	"io"
	"time"
)

// Delay is how long a run goes before the line appears.
const Delay = time.Second

// interval is how often at most the line is redrawn: a terminal that
// redraws on every one of thousands of small files slows the scan.
const interval = 100 * time.Millisecond

// Line is the progress line. Its methods are called from one goroutine (the
// scan's collector); a nil *Line does nothing.
type Line struct {
	w     io.Writer
	total int
	start time.Time
	now   func() time.Time
	shown bool
	last  time.Time
}

// New returns a progress line on w for a run that started at start and
// will scan total files; now reads the clock.
func New(w io.Writer, total int, start time.Time, now func() time.Time) *Line {
	return &Line{w: w, total: total, start: start, now: now}
}

// Update reports that files files are done with findings findings so far.
// It draws only after Delay, at most every interval, and always the last
// file.
func (l *Line) Update(files, findings int) {
	if l == nil {
		return
	}
	t := l.now()
	if t.Sub(l.start) < Delay || l.shown && t.Sub(l.last) < interval && files < l.total {
		return
	}
	// "\r" back to the line's start, "\x1b[K" clears what a longer
	// previous line left.
	fmt.Fprintf(l.w, "\r\x1b[Kshiplint: %d/%d %s, %d %s", files, l.total, plural(l.total, "file"), findings, plural(findings, "finding"))
	l.shown, l.last = true, t
}

// Done erases the line, if it was drawn, so the report starts on a clean
// line.
func (l *Line) Done() {
	if l == nil || !l.shown {
		return
	}
	io.WriteString(l.w, "\r\x1b[K")
	l.shown = false
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
