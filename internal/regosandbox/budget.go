package regosandbox

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/topdown"
)

// allocBudget is what the built-in calls of one evaluation may still
// produce, carried in the evaluation's context.
type allocBudget struct {
	left atomic.Int64
}

type budgetKey struct{}

// withBudget gives an evaluation a fresh budget.
func withBudget(ctx context.Context) context.Context {
	b := &allocBudget{}
	b.left.Store(evalBudgetBytes)
	return context.WithValue(ctx, budgetKey{}, b)
}

// sandboxed counts the evaluations with a budget in flight: while there
// are none (a scan without user policies), built-ins skip the context
// lookup, a few percent of evaluating a Dockerfile.
var sandboxed atomic.Int64

func budgetOf(ctx context.Context) *allocBudget {
	if ctx == nil || sandboxed.Load() == 0 {
		return nil
	}
	b, _ := ctx.Value(budgetKey{}).(*allocBudget)
	return b
}

// chargeBudget takes cost from the evaluation's budget, if it has one (the
// built-in rules alone run without).
func chargeBudget(bctx topdown.BuiltinContext, name string, cost int64) error {
	b := budgetOf(bctx.Context)
	if b == nil || cost <= 0 {
		return nil
	}
	if b.left.Add(-cost) >= 0 {
		return nil
	}
	return halt(bctx, fmt.Sprintf("%s: the built-in calls of this evaluation have produced over %s, the budget of one evaluation", name, mib(evalBudgetBytes)))
}

// FormatCount writes n with thousands separators (10,000), as every
// limit in a message is written.
func FormatCount(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func mib(n int64) string { return fmt.Sprintf("%d MiB", n>>20) }

// Start prepares ctx for one evaluation of untrusted Rego: a fresh budget
// for what the built-in calls produce, and the heap watchdog. Call done
// when the evaluation is over. Evaluations of trusted Rego alone (the
// built-in rules) need neither: their built-ins see no budget.
func Start(ctx context.Context) (_ context.Context, done func()) {
	sandboxed.Add(1)
	ctx, stop := heapWatch.watch(withBudget(ctx))
	return ctx, func() {
		stop()
		sandboxed.Add(-1)
	}
}
