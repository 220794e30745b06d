package checks

import (
	"context"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/regosandbox"
)

// What a user rule reports is bounded too: the result of an evaluation is
// converted to Go values whole, and a deny element that shares its parts
// (path := [a, a], a := [b, b], ...) is small in memory and exponential
// once converted; a message of 16 MiB repeated on ten thousand findings is
// a report of 160 GB. The engine's query (aggregator) reads each deny
// element as {msg, path} with a path of at most maxPathLength scalars, and
// a deny set of at most maxDenyElements; Go cuts messages and counts
// findings.
const (
	maxDenyElements     = 10_000
	maxPathLength       = 64
	maxUserMessageBytes = 1024
	maxUserFindings     = 100_000
)

// cutMessage cuts a user rule's message at maxUserMessageBytes, on a rune
// boundary.
func cutMessage(msg string) string {
	if len(msg) <= maxUserMessageBytes {
		return msg
	}
	cut := maxUserMessageBytes
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "… (cut at 1 KiB)"
}

// sandbox prepares ctx for an evaluation that runs user policies: a fresh
// budget for what built-ins produce, and the heap watchdog
// (internal/regosandbox). The built-in rules alone run as they are.
func (p *Pack) sandbox(ctx context.Context, untrusted bool) (context.Context, func()) {
	if !untrusted {
		return ctx, func() {}
	}
	return regosandbox.Start(ctx)
}
