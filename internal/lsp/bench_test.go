package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

// binaryGC sets the collector as the shiplint binary runs the server
// (cmd/shiplint/main.go, tuneGC) for the length of a benchmark: a test
// binary's default collects four times as often.
func binaryGC(b *testing.B) {
	old := debug.SetGCPercent(400)
	b.Cleanup(func() { debug.SetGCPercent(old) })
}

// manifest is a ~300-line Kubernetes file: ten Deployments of 30 lines.
func manifest(image string) string {
	var b strings.Builder
	for i := range 10 {
		fmt.Fprintf(&b, `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-%d
  namespace: shop
  labels:
    app: app-%d
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-%d
  template:
    metadata:
      labels:
        app: app-%d
    spec:
      containers:
        - name: web
          image: %s
          ports:
            - containerPort: 8080
          resources:
            limits:
              memory: 256Mi
          securityContext:
            privileged: true
            allowPrivilegeEscalation: true
            readOnlyRootFilesystem: false
          env: []
`, i, i, i, i, image)
	}
	return b.String()
}

// BenchmarkDiagnosticsAfterChange measures a didChange to a 300-line
// manifest until its diagnostics arrive (debounce excluded), and reports
// the median.
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	binaryGC(b)
	dir := workspace(b)
	c := start(b, Options{Debounce: time.Nanosecond})
	uri := fileURI(filepath.Join(dir, "deploy.yaml"))
	if n := strings.Count(manifest("nginx:1.27"), "\n"); n < 290 || n > 310 {
		b.Fatalf("manifest has %d lines", n)
	}
	c.open(uri, manifest("nginx:1.27"))
	if p := c.waitDiagnostics(uri, 1); len(p.Diagnostics) == 0 {
		b.Fatal("no findings in the manifest")
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		c.change(uri, i+2, manifest(fmt.Sprintf("nginx:1.%d", i%50)))
		c.waitDiagnostics(uri, i+2)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

// BenchmarkMemoryAcrossEdits makes 10,000 edits to one document (each
// waits for its diagnostics) and reports the live heap after 1,000 and
// after 10,000 edits, and the goroutines left: the server must keep no
// per-edit state. Run it alone: go test ./internal/lsp -run '^$' -bench
// MemoryAcrossEdits -benchtime 1x.
func BenchmarkMemoryAcrossEdits(b *testing.B) {
	binaryGC(b)
	const edits = 10000
	for range b.N {
		dir := workspace(b)
		c := start(b, Options{Debounce: time.Nanosecond})
		uri := fileURI(filepath.Join(dir, "deploy.yaml"))
		one := func(i int) string { return strings.SplitAfterN(manifest(fmt.Sprintf("nginx:1.%d", i)), "---\n", 3)[1] }
		c.open(uri, one(0))
		c.waitDiagnostics(uri, 1)
		var at1k uint64
		for i := 1; i <= edits; i++ {
			c.change(uri, i+1, one(i))
			c.waitDiagnostics(uri, i+1)
			if i == 1000 {
				at1k = liveHeap()
			}
		}
		at10k := liveHeap()
		b.ReportMetric(float64(at1k)/(1<<20), "MB-live-1k")
		b.ReportMetric(float64(at10k)/(1<<20), "MB-live-10k")
		b.ReportMetric(float64(runtime.NumGoroutine()), "goroutines")
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestClassify(t *testing.T) {
	svc := []byte("services:\n  web:\n    image: nginx\n")
	for _, c := range []struct {
		name string
		src  []byte
		want string
	}{
		{"/w/Dockerfile", nil, "dockerfile"},
		{"/w/api.Dockerfile", nil, "dockerfile"},
		{"/w/compose.yaml", svc, "compose"},
		{"/w/stack.yml", svc, "compose"}, // by content, as scan decides
		{"/w/values.yaml", svc, ""},      // a chart's values are never Compose
		{"/w/deploy.yaml", []byte(manifest("nginx")), "kubernetes"},
		{"/w/notes.yaml", []byte("a: 1\n"), ""},
		{"/w/README.md", []byte("# x\n"), ""},
	} {
		k, ok := classify(c.name, c.src)
		if string(k) != c.want || ok != (c.want != "") {
			t.Errorf("classify(%s) = %q %v, want %q", c.name, k, ok, c.want)
		}
	}
}

// BenchmarkChartDiagnosticsAfterValuesChange measures a didChange to a
// chart's values.yaml until its diagnostics arrive (debounce excluded):
// the chart is rendered with the unsaved values and every rule run over
// it. "fixture" is testdata/render/helm-values (one Deployment);
// "microservices-demo" is the 14-template chart of the render corpus,
// run when SHIPLINT_RENDER_CORPUS names it (../shared/render-corpus).
// The median is reported.
func BenchmarkChartDiagnosticsAfterValuesChange(b *testing.B) {
	binaryGC(b)
	for _, c := range []struct {
		name, src, values string
		edit              func(values string, i int) string
	}{
		{"fixture", "../../testdata/render/helm-values", "app/values.yaml", func(v string, i int) string {
			return strings.Replace(v, "replicaCount: 1", fmt.Sprintf("replicaCount: %d", i%9+2), 1)
		}},
		{"microservices-demo", "GoogleCloudPlatform__microservices-demo/helm-chart", "values.yaml", func(v string, i int) string {
			return strings.Replace(v, `tag: ""`, fmt.Sprintf(`tag: "v0.10.%d"`, i%50), 1)
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			src := c.src
			if !strings.HasPrefix(src, "../") {
				corpus := os.Getenv("SHIPLINT_RENDER_CORPUS")
				if corpus == "" {
					b.Skip("SHIPLINT_RENDER_CORPUS not set")
				}
				src = filepath.Join(corpus, src)
			}
			dir := workspace(b)
			copyTree(b, src, filepath.Join(dir, "chart"))
			valuesPath := filepath.Join(dir, "chart", filepath.FromSlash(c.values))
			values := readText(b, valuesPath)
			if c.edit(values, 0) == values {
				b.Fatal("the edit changes nothing")
			}
			cl := start(b, Options{Debounce: time.Nanosecond})
			uri := fileURI(valuesPath)
			cl.openVersion(uri, 1, values)
			if p, _ := cl.next(uri, 1); len(p.Diagnostics) == 0 {
				b.Fatal("no findings in values.yaml")
			}
			var times []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				cl.change(uri, i+2, c.edit(values, i))
				cl.next(uri, i+2)
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
		})
	}
}
