package checks

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

// stopAfter is how many documents a user's rule may run past its deadline
// on before the rest of the scan leaves it out. A policy that loops on one
// document usually loops on all of them, and each costs the deadline twice
// (the combined query, then the rule alone): without a stop, a repository
// of a thousand files would take hours to report the same mistake.
// Built-in rules are never stopped (they are tested on pathological input,
// and leaving one out would lose findings silently on healthy files).
const stopAfter = 2

// breaker counts, for one scan, the documents each user rule ran out of
// time on, and the documents evaluated without the rules it stopped.
type breaker struct {
	mu      sync.Mutex
	strikes map[*finding.Rule]int
	skipped map[*finding.Rule]int
}

func newBreaker() *breaker {
	return &breaker{strikes: map[*finding.Rule]int{}, skipped: map[*finding.Rule]int{}}
}

// timedOut records that r ran past its deadline, or was stopped by the heap
// watchdog, on a document.
func (b *breaker) timedOut(r *finding.Rule) {
	if b == nil || r.BuiltIn {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.strikes[r]++
}

// stopped returns the IDs of the rules of doc's kind that apply to doc and
// are left out from now on, counting doc as evaluated without them; nil
// when there are none.
func (b *breaker) stopped(doc *document.Document) map[string]bool {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out map[string]bool
	for r, n := range b.strikes {
		if n >= stopAfter && r.Kind == doc.Kind && applies(r, doc) {
			if out == nil {
				out = map[string]bool{}
			}
			out[r.ID] = true
			b.skipped[r]++
		}
	}
	return out
}

// notifications say, once per stopped rule that documents were then
// evaluated without, that it was left out and how many documents were not
// checked with it.
func (b *breaker) notifications() []finding.Notification {
	var out []finding.Notification
	rules := slices.SortedFunc(maps.Keys(b.strikes), func(x, y *finding.Rule) int {
		return cmp.Compare(x.ID, y.ID)
	})
	for _, r := range rules {
		if b.strikes[r] < stopAfter || b.skipped[r] == 0 {
			continue // not stopped, or nothing was left to check without it
		}
		out = append(out, finding.Notification{Level: "error", Path: r.File, Message: fmt.Sprintf(
			"rule %s (%s) ran past its deadline or the memory limit on %d documents and was left out of the rest of the scan: %d more documents were not checked with it",
			r.ID, r.File, b.strikes[r], b.skipped[r])})
	}
	return out
}
