package progress

import (
	"bytes"
	"testing"
	"time"
)

// clock returns the times given, one per call, then the last forever.
func clock(ts ...time.Duration) func() time.Time {
	start := time.Unix(0, 0)
	return func() time.Time {
		t := ts[0]
		if len(ts) > 1 {
			ts = ts[1:]
		}
		return start.Add(t)
	}
}

func TestLine(t *testing.T) {
	ms := time.Millisecond
	var b bytes.Buffer
	// Files done at 0.5 s (too early), 1.0 s, 1.05 s (too soon after),
	// 1.2 s, 1.21 s (too soon, but the last file: drawn).
	l := New(&b, 5, time.Unix(0, 0), clock(500*ms, 1000*ms, 1050*ms, 1200*ms, 1210*ms))
	for i, n := range []int{0, 3, 3, 7, 8} {
		l.Update(i+1, n)
	}
	l.Done()
	l.Done() // once erased, nothing more
	want := "\r\x1b[Kshiplint: 2/5 files, 3 findings" +
		"\r\x1b[Kshiplint: 4/5 files, 7 findings" +
		"\r\x1b[Kshiplint: 5/5 files, 8 findings" +
		"\r\x1b[K"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}

func TestQuickRunDrawsNothing(t *testing.T) {
	var b bytes.Buffer
	l := New(&b, 2, time.Unix(0, 0), clock(300*time.Millisecond))
	l.Update(1, 1)
	l.Update(2, 1)
	l.Done()
	if b.Len() != 0 {
		t.Errorf("a run under a second drew %q", b.String())
	}
	var nilLine *Line // not a terminal
	nilLine.Update(1, 1)
	nilLine.Done()
}

func TestSingular(t *testing.T) {
	var b bytes.Buffer
	l := New(&b, 1, time.Unix(0, 0), clock(2*time.Second))
	l.Update(1, 1)
	if want := "\r\x1b[Kshiplint: 1/1 file, 1 finding"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
