package compose

import (
	"strings"
	"testing"
	"time"
)

func FuzzInterpolation(f *testing.F) {
	for _, s := range []string{"${A:-${B:-x}}", "$$", "${", "A=\"x\ny\"\nB='z", "${A:?e} $B ${C:+d}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ip := &interpolator{}
		ip.loadDotEnv([]byte(s))
		ip.expand(s)
	})
}

func TestHostileInterpolation(t *testing.T) {
	deep := strings.Repeat("${A:-", 200000) + "x" + strings.Repeat("}", 200000)
	start := time.Now()
	ip := &interpolator{env: map[string]string{}}
	if got, _, _ := ip.expand(deep); !strings.HasSuffix(got, "}") {
		t.Errorf("deep nesting not kept as written: %.40q", got)
	}
	ip.loadDotEnv([]byte(strings.Repeat("A=\"", 1) + strings.Repeat("x\n", 500000)))
	ip.loadDotEnv([]byte(strings.Repeat("A=\"x\"\n", 200000)))
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
