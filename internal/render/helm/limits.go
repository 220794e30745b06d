package helm

import (
	"fmt"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// Template functions that build a list or a string of a size the chart
// chooses are capped, so a hostile chart cannot make one call allocate
// gigabytes (`until 1000000000` is an 8 GB slice). Real charts count
// replicas or ports with them. The caps apply to both renders alike.
const (
	maxSeq    = 100_000
	maxRepeat = 8 << 20 // bytes
)

func limitedFuncs() template.FuncMap {
	sp := sprig.TxtFuncMap()
	until := sp["until"].(func(int) []int)
	untilStep := sp["untilStep"].(func(int, int, int) []int)
	seq := sp["seq"].(func(...int) string)
	repeat := sp["repeat"].(func(int, string) string)
	over := func(name string, n int) error {
		return fmt.Errorf("%s: %d elements is over shiplint's limit of %d", name, n, maxSeq)
	}
	return template.FuncMap{
		"until": func(n int) ([]int, error) {
			if n > maxSeq || n < -maxSeq {
				return nil, over("until", n)
			}
			return until(n), nil
		},
		"untilStep": func(start, stop, step int) ([]int, error) {
			if n := span(start, stop, step); n > maxSeq {
				return nil, over("untilStep", n)
			}
			return untilStep(start, stop, step), nil
		},
		"seq": func(p ...int) (string, error) {
			var n int
			switch len(p) {
			case 1:
				n = span(1, p[0], 1)
			case 2:
				n = span(p[0], p[1], 1)
			case 3:
				n = span(p[0], p[2], p[1])
			}
			if n > maxSeq {
				return "", over("seq", n)
			}
			return seq(p...), nil
		},
		"repeat": func(count int, s string) (string, error) {
			if count > 0 && len(s) > 0 && count > maxRepeat/len(s) {
				return "", fmt.Errorf("repeat: %d times %d bytes is over shiplint's limit of %d bytes", count, len(s), maxRepeat)
			}
			return repeat(count, s), nil
		},
	}
}

// span is how many steps lie between start and stop, whatever the sign;
// a step of 0 counts as 1.
func span(start, stop, step int) int {
	d := int64(stop) - int64(start)
	if d < 0 {
		d = -d
	}
	s := int64(step)
	if s < 0 {
		s = -s
	}
	if s == 0 {
		s = 1
	}
	n := d / s
	if n > 1<<31 {
		return 1 << 31
	}
	return int(n)
}
