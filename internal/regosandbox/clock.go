package regosandbox

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Rules see a fixed clock, so the same scan of the same files gives the
// same output whenever it runs: io.jwt.decode_verify checks exp and nbf,
// and certificate verification checks validity, against this instant
// instead of the time of day. time.now_ns stays removed: a rule asking
// for "now" would get an answer that is not now.
//
// The instant is DefaultEvalTime, or the reproducible-builds variable
// SOURCE_DATE_EPOCH (seconds since 1970) when the environment sets it:
// SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) checks tokens and
// certificates against the commit's date and stays deterministic.
// See docs/decisions.md.

// DefaultEvalTime is the instant rules see when SOURCE_DATE_EPOCH is not
// set. It never changes: changing it would change outputs.
var DefaultEvalTime = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// evalTime reads the instant once per process.
var evalTime = sync.OnceValues(func() (time.Time, error) {
	return parseSourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
})

// EvalTime is the instant rules see as the current time, read once per
// process: DefaultEvalTime, or SOURCE_DATE_EPOCH when it is set. A
// malformed SOURCE_DATE_EPOCH is an error (the run fails rather than use
// another instant silently). Pass it to every evaluation (rego.EvalTime).
func EvalTime() (time.Time, error) { return evalTime() }

func parseSourceDateEpoch(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return DefaultEvalTime, nil
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 || secs > 253402300799 { // 9999-12-31
		return DefaultEvalTime, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds since 1970-01-01 (it sets the time rules see; unset it to use %s)", v, DefaultEvalTime.Format(time.RFC3339))
	}
	return time.Unix(secs, 0).UTC(), nil
}

// fixedNowTerm is the instant as OPA holds it: nanoseconds.
func fixedNowTerm() *ast.Term {
	t, _ := evalTime() // a malformed variable fails Load; tests get the default
	return ast.NewTerm(ast.Number(strconv.FormatInt(t.UnixNano(), 10)))
}

// withFixedTime makes a built-in that reads the evaluation's time
// (io.jwt.decode_verify) read the fixed instant, however the query was
// started (`shiplint test` runs OPA's tester, which sets the time of day).
func withFixedTime(_ int, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		bctx.Time = fixedNowTerm()
		return f(bctx, ops, iter)
	}
}

// verifyWithOptionsAtFixedTime gives certificate verification the fixed
// instant when the options do not name a CurrentTime (Go's x509 would
// read the clock).
func verifyWithOptionsAtFixedTime(_ int, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		opts, ok := ops[1].Value.(ast.Object)
		key := ast.InternedTerm("CurrentTime")
		if !ok || opts.Get(key) != nil {
			return f(bctx, ops, iter)
		}
		withTime := opts.Copy()
		withTime.Insert(key, fixedNowTerm())
		return f(bctx, append([]*ast.Term{ops[0], ast.NewTerm(withTime)}, ops[2:]...), iter)
	}
}

// localIsUTC reads the time zone "Local" as UTC in the time built-ins
// that take [ns, zone]: the machine's zone would make the output depend on
// where the scan runs.
func localIsUTC(arity int, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		var out []*ast.Term
		for i, op := range ops[:min(arity, len(ops))] {
			arr, ok := op.Value.(*ast.Array)
			if !ok || arr.Len() < 2 || !arr.Elem(1).Equal(ast.InternedTerm("Local")) {
				continue
			}
			if out == nil {
				out = append([]*ast.Term(nil), ops...)
			}
			elems := make([]*ast.Term, arr.Len())
			for j := range elems {
				elems[j] = arr.Elem(j)
			}
			elems[1] = ast.InternedTerm("UTC")
			out[i] = ast.ArrayTerm(elems...)
		}
		if out == nil {
			return f(bctx, ops, iter)
		}
		return f(bctx, out, iter)
	}
}
