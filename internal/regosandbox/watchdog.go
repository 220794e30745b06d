package regosandbox

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// The budget of an evaluation (budget.go) counts what built-ins produce.
// What the evaluator builds by itself is not counted: a comprehension over
// two ranges of 100,000 numbers makes ten billion pairs, a gigabyte a
// second, and the deadline comes after ten. The heap watchdog stops that:
// while evaluations of user policies run, it samples the heap, and when
// what is live passes heapLimit it cancels them. The caller then runs the
// rules one by one (the engine's evaluateEachRule), so the rule at fault
// fails alone, with an error that names it; the built-in rules are not
// watched and keep their findings.

// heapLimit is the live heap past which evaluations of user policies are
// stopped: the largest scans measured (docs/performance.md) peak at half of
// it in memory, live and garbage together, and two evaluations racing to
// it on two cores peaked at 600-720 MB (at 512 MiB: 790-890 MB).
const heapLimit = 384 << 20

// watchInterval is how often the heap is sampled (reading the metric takes
// a microsecond; at a gigabyte a second, 10 ms is 10 MB past the limit).
const watchInterval = 10 * time.Millisecond

// heapLimitError is the cause of an evaluation the watchdog stopped.
type heapLimitError struct{ limit uint64 }

func (e *heapLimitError) Error() string {
	return fmt.Sprintf("shiplint's live memory passed %s while the rule ran (it builds values without bound)", mib(int64(e.limit)))
}

// watchdog cancels the evaluations in flight when the heap passes the
// limit. One per process: the heap is.
type watchdog struct {
	mu      sync.Mutex
	running map[*context.CancelCauseFunc]struct{}
	active  bool
	limit   atomic.Uint64
}

var heapWatch = newWatchdog(heapLimit)

func newWatchdog(limit uint64) *watchdog {
	w := &watchdog{running: map[*context.CancelCauseFunc]struct{}{}}
	w.limit.Store(limit)
	return w
}

// softMemoryLimit is the Go runtime's memory limit while user policies run
// (unless GOMEMLIMIT set one): the watchdog stops what stays live, and this
// makes the collector return the garbage of two evaluations racing to the
// limit instead of letting the process grow (without it, with a 512 MiB
// watchdog: 1,024 MB).
const softMemoryLimit = 640 << 20

var setSoftLimit sync.Once

// WatchHeap returns ctx, cancelled if the heap passes the limit before done
// is called (StoppedForMemory then says so), without a budget for the
// built-ins: `shiplint test` runs OPA's tester this way.
func WatchHeap(ctx context.Context) (_ context.Context, done func()) {
	return heapWatch.watch(ctx)
}

// watch returns ctx, cancelled with a heapLimitError as its cause if the heap
// passes the limit before done is called.
func (w *watchdog) watch(ctx context.Context) (context.Context, func()) {
	setSoftLimit.Do(func() {
		if debug.SetMemoryLimit(-1) == math.MaxInt64 { // not set by GOMEMLIMIT
			debug.SetMemoryLimit(softMemoryLimit)
		}
	})
	ctx, cancel := context.WithCancelCause(ctx)
	key := &cancel
	w.mu.Lock()
	w.running[key] = struct{}{}
	if !w.active {
		w.active = true
		go w.loop()
	}
	w.mu.Unlock()
	return ctx, func() {
		w.mu.Lock()
		delete(w.running, key)
		w.mu.Unlock()
		cancel(nil)
	}
}

// loop samples the heap while evaluations are watched, and ends when none
// is.
func (w *watchdog) loop() {
	objects := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tick := time.NewTicker(watchInterval)
	defer tick.Stop()
	var quietUntil time.Time
	for now := range tick.C {
		w.mu.Lock()
		if len(w.running) == 0 {
			w.active = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		limit := w.limit.Load()
		metrics.Read(objects)
		if objects[0].Value.Uint64() < limit || now.Before(quietUntil) {
			continue
		}
		// The objects include garbage not yet collected: collect it, so
		// that only what is still reachable counts. When it was garbage,
		// wait a little before forcing another collection: a scan with
		// much garbage must not collect every 10 ms.
		runtime.GC()
		metrics.Read(live)
		if live[0].Value.Uint64() < limit {
			quietUntil = now.Add(10 * watchInterval)
			continue
		}
		w.mu.Lock()
		for cancel := range w.running {
			(*cancel)(&heapLimitError{limit})
		}
		w.mu.Unlock()
	}
}

// StoppedForMemory returns why the watchdog cancelled ctx (a context from
// Start or WatchHeap), or nil: an error that says the live heap passed the
// limit while the rule ran.
func StoppedForMemory(ctx context.Context) error {
	var e *heapLimitError
	if errors.As(context.Cause(ctx), &e) {
		return e
	}
	return nil
}

// SetHeapLimit changes the live-heap limit of the watchdog and returns a
// function that restores the previous one. It exists for tests of callers
// (the engine's handling of a rule stopped for memory), which cannot grow
// a test process to the real limit.
func SetHeapLimit(bytes uint64) (restore func()) {
	prev := heapWatch.limit.Swap(bytes)
	return func() { heapWatch.limit.Store(prev) }
}
