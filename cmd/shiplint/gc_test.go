package main

import "testing"

func TestNextLimit(t *testing.T) {
	const mib = 1 << 20
	cases := []struct{ live, limit, want int64 }{
		{30 * mib, softLimit, softLimit},           // a normal scan: untouched
		{110 * mib, softLimit, softLimit},          // below two thirds of the limit
		{150 * mib, softLimit, 150 * mib / 2 * 3},  // past it: 1.5 × live
		{800 * mib, 300 * mib, 800 * mib / 2 * 3},  // a huge document
		{700 * mib, 1200 * mib, 1200 * mib},        // still large: keep
		{100 * mib, 1200 * mib, softLimit},         // shrank: back down, not below the default
		{300 * mib, 1200 * mib, 300 * mib / 2 * 3}, // shrank to 300 MiB
	}
	for _, c := range cases {
		if got := nextLimit(c.live, c.limit); got != c.want {
			t.Errorf("nextLimit(%d MiB, %d MiB) = %d MiB, want %d MiB", c.live/mib, c.limit/mib, got/mib, c.want/mib)
		}
	}
}
