package discover

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

func TestKindOfName(t *testing.T) {
	cases := map[string]document.Kind{
		"Dockerfile": document.Dockerfile, "dockerfile": document.Dockerfile, "Dockerfile.prod": document.Dockerfile,
		"api.Dockerfile": document.Dockerfile, "web.dockerfile": document.Dockerfile, "Containerfile": document.Dockerfile,
		"Containerfile.dev": document.Dockerfile, "compose.yaml": document.Compose, "compose.yml": document.Compose,
		"docker-compose.yml": document.Compose, "docker-compose.prod.yaml": document.Compose, "compose.override.yaml": document.Compose,
		"fig.yml": document.Compose, "fig.yaml": document.Compose, "config.yml": "",
		"Dockerfile.dockerignore": "", "deployment.yaml": "", "compose.json": "", "README.md": "", "mydockerfile.txt": "",
	}
	for name, want := range cases {
		got, ok := KindOfName(name)
		if got != want || ok != (want != "") {
			t.Errorf("KindOfName(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestKindOfContent(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"apiVersion: v1\nkind: Pod\n", true},
		{"---\nkind: Service\napiVersion: v1\n", true},
		{"- apiVersion: v1\n  kind: Pod\n", false},
		{"on: push\njobs:\n  test: {}\n", false},
		{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n", false},
		{"spec:\n  apiVersion: v1\n  kind: Pod\n", false},
		{"{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}\n", true}, // JSON is YAML too
		{"{\"spec\": {\"apiVersion\": \"v1\", \"kind\": \"Pod\"}}\n", false},
	}
	for _, c := range cases {
		if _, ok := KindOfContent([]byte(c.src)); ok != c.want {
			t.Errorf("KindOfContent(%q) = %v, want %v", c.src, ok, c.want)
		}
	}
}

// YAML not named like Compose is Compose only when its shape leaves no
// doubt (compose.Looks), and a Helm values file never is.
func TestComposeByContent(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"legacy/app.yml":       "web:\n  image: nginx\n  net: host\n",
		"stack/prod.yaml":      "version: '3.8'\nservices:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n",
		"chart/values.yaml":    "web:\n  image: nginx\n",
		"ci/.gitlab-ci.yml":    "build:\n  image: golang\n  script: [make]\n",
		"ansible/site.yml":     "- hosts: all\n  roles: [docker]\n",
		"helm/values-prod.yml": "sidecar:\n  image: busybox:latest\n",
	}
	for rel, content := range files {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	var got, skipped []string
	Walk([]string{root}, Options{Root: root}, func(e Event) bool {
		if e.File != nil {
			got = append(got, string(e.File.Kind)+" "+e.File.Path)
		} else if e.Skipped != "" {
			skipped = append(skipped, e.Skipped)
		}
		return true
	})
	if want := []string{"compose legacy/app.yml", "compose stack/prod.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	if want := []string{"ansible/site.yml", "chart/values.yaml", "ci/.gitlab-ci.yml", "helm/values-prod.yml"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}

func TestWalk(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	write("Dockerfile", "FROM x\n")
	write("app/compose.yaml", "services: {}\n")
	write("k8s/pod.yml", "apiVersion: v1\nkind: Pod\n")
	write("ci/workflow.yaml", "on: push\n")
	write("node_modules/pkg/Dockerfile", "FROM x\n")
	write(".git/Dockerfile", "FROM x\n")
	write("notes.txt", "hello\n")
	os.Symlink(root, filepath.Join(root, "k8s", "loop")) // a directory symlink loop
	os.Symlink("missing", filepath.Join(root, "Dockerfile.broken"))

	var files, skipped, errs []string
	Walk([]string{root}, Options{Root: root}, func(e Event) bool {
		switch {
		case e.NotScanned != nil:
			errs = append(errs, e.NotScanned.Path+": "+e.NotScanned.Why)
		case e.Err != nil:
			errs = append(errs, e.Err.Error())
		case e.File != nil:
			files = append(files, string(e.File.Kind)+" "+e.File.Path)
		default:
			skipped = append(skipped, e.Skipped)
		}
		return true
	})
	wantFiles := []string{"dockerfile Dockerfile", "compose app/compose.yaml", "kubernetes k8s/pod.yml"}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files %q, want %q", files, wantFiles)
	}
	if !reflect.DeepEqual(skipped, []string{"ci/workflow.yaml"}) {
		t.Errorf("skipped %q", skipped)
	}
	if len(errs) != 1 || errs[0] != "Dockerfile.broken: it is a symlink to a missing file" {
		t.Errorf("errors %q", errs)
	}
}

func TestMaxFileSize(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "Dockerfile"), make([]byte, 100), 0o644)
	got := notScanned(t, []string{root}, Options{Root: root, MaxFileSize: 10})
	if want := []string{"dockerfile Dockerfile: its 100 bytes are over the 10-byte limit (--max-file-size)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("not scanned %q, want %q", got, want)
	}
}

// TestWalkJSON: a .json file is a Kubernetes manifest when its top-level
// object (or List) has apiVersion and kind; any other JSON is left out
// without a word (not counted as skipped), and the JSON of other tools is
// not even read.
func TestWalkJSON(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(root, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	write("k8s/pod.json", `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}`)
	write("k8s/list.JSON", "{\n\t\"apiVersion\": \"v1\",\n\t\"items\": [],\n\t\"kind\": \"List\"\n}\n")
	write("k8s/broken.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",,}")
	write("k8s/array.json", `[{"apiVersion": "v1", "kind": "Pod"}]`)
	write("package.json", `{"apiVersion": "v1", "kind": "Pod"}`) // named like npm's: never read
	write("tsconfig.build.json", `{"apiVersion": "v1", "kind": "Pod"}`)
	write("schemas/pod.schema.json", `{"apiVersion": "v1", "kind": "Pod"}`)
	write("schemas/pod.json", `{"properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"}}}`)
	write("composer.json", `{"name": "x/y"}`)
	write("data/big.json", `{"a": [`+strings.Repeat(`1,`, 100)+`1]}`)
	var files, other []string
	Walk([]string{root}, Options{Root: root}, func(e Event) bool {
		if e.File != nil {
			files = append(files, string(e.File.Kind)+" "+e.File.Path)
		} else {
			other = append(other, fmt.Sprintf("%+v", e))
		}
		return true
	})
	want := []string{"kubernetes k8s/broken.json", "kubernetes k8s/list.JSON", "kubernetes k8s/pod.json"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if len(other) != 0 {
		t.Errorf("other events %q", other)
	}
	for name, want := range map[string]bool{"pod.json": true, "x.JSON": true, "package.json": false, "tsconfig.json": false,
		"tsconfig.app.json": false, "a.schema.json": false, "appsettings.Development.json": false, "x.jsonc": false} {
		if got := candidate(name); got != want {
			t.Errorf("candidate(%q) = %v", name, got)
		}
	}
}

// TestJSONOverSizeLimit: a .json file too big to read is reported like a
// YAML one (it may be a manifest): not silently passed.
func TestJSONOverSizeLimit(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "all.json"), make([]byte, 100), 0o644)
	got := notScanned(t, []string{root}, Options{Root: root, MaxFileSize: 10})
	if want := []string{" all.json: its 100 bytes are over the 10-byte limit (--max-file-size)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("not scanned %q, want %q", got, want)
	}
}
