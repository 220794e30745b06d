package compose

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

func TestExpand(t *testing.T) {
	ip := &interpolator{env: map[string]string{"SET": "v", "EMPTY": "", "PORT": "5432"}}
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"${SET}", "v"},
		{"$SET/x", "v/x"},
		{"${UNSET}", "${UNSET}"},
		{"$UNSET-x", "$UNSET-x"},
		{"${UNSET:-d}", "d"},
		{"${UNSET-d}", "d"},
		{"${EMPTY:-d}", "d"},
		{"${EMPTY-d}", ""},
		{"${SET:-d}", "v"},
		{"${UNSET:?need it}", "${UNSET:?need it}"},
		{"${UNSET?need it}", "${UNSET?need it}"},
		{"${SET:?need it}", "v"},
		{"${SET:+alt}", "alt"},
		{"${EMPTY:+alt}", ""},
		{"${EMPTY+alt}", "alt"},
		{"${UNSET:+alt}", "${UNSET:+alt}"},
		{"$$SET", "$SET"},
		{"$${SET}", "${SET}"},
		{"a$$", "a$"},
		{"${UNSET:-${SET}}", "v"},
		{"${UNSET:-${OTHER:-x}y}", "xy"},
		{"127.0.0.1:${PORT}:5432", "127.0.0.1:5432:5432"},
		{"${1BAD}", "${1BAD}"},
		{"${SET:x}", "${SET:x}"},
		{"${unclosed", "${unclosed"},
		{"cost $5", "cost $5"},
		{"$", "$"},
	}
	for _, tt := range tests {
		if got, _, _ := ip.expand(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDotEnv(t *testing.T) {
	src := "# comment\n\nA=1\nexport B = two \nC='lit ${A} # x'\nD=\"q ${A}\\n\\\"x\\\"\"\nE=val # comment\nF=${A}-${NOPE:-d}\nG=\"multi\nline\"\nBAD LINE\n1X=no\nH=\n"
	ip := &interpolator{}
	ip.loadDotEnv([]byte(src))
	got := ip.env
	want := map[string]string{"A": "1", "B": "two", "C": "lit ${A} # x", "D": "q 1\n\"x\"", "E": "val", "F": "1-d", "G": "multi\nline", "H": ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

const interpSample = `x-env: &env
  API_TOKEN: ${API_TOKEN:-from-default}
services:
  db:
    image: postgres:${PG_VERSION:-16}
    privileged: ${PRIV:-false}
    environment:
      - POSTGRES_PASSWORD=${DB_PASSWORD}
      - POSTGRES_USER=${DB_USER:-app}
      - LITERAL=$$HOME
    ports:
      - "${BIND:-0.0.0.0}:${DB_PORT}:5432"
  api:
    image: example/api
    environment:
      <<: *env
    x-note: ignored
`

// readFrom reads the files a test puts beside the Compose file.
func readFrom(files map[string]string) func(rel string) ([]byte, error) {
	return func(rel string) ([]byte, error) {
		if s, ok := files[rel]; ok {
			return []byte(s), nil
		}
		return nil, os.ErrNotExist
	}
}

func TestInterpolation(t *testing.T) {
	files := map[string]string{".env": "DB_PASSWORD=hunter2\nDB_PORT=15432\n"}
	read := readFrom(files)
	d, err := ParseFile("compose.yaml", []byte(interpSample), Options{ReadFile: read})
	if err != nil {
		t.Fatal(err)
	}
	svcs := d.Input["services"].(map[string]any)
	db, api := svcs["db"].(map[string]any), svcs["api"].(map[string]any)
	checks := []struct {
		name      string
		got, want any
	}{
		{"image", db["image"], "postgres:16"},
		{"bool", db["privileged"], false},
		{"env", db["environment"], map[string]any{"POSTGRES_PASSWORD": "hunter2", "POSTGRES_USER": "app", "LITERAL": "$HOME"}},
		{"port", db["ports"].([]any)[0].(map[string]any)["published"], "15432"},
		{"host_ip", db["ports"].([]any)[0].(map[string]any)["host_ip"], "0.0.0.0"},
		{"merged env", api["environment"], map[string]any{"API_TOKEN": "from-default"}},
		{"x- dropped", api["x-note"], nil},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
	recs := d.Input["interpolations"].([]any)
	byPath := map[string]map[string]any{}
	for _, r := range recs {
		m := r.(map[string]any)
		byPath[document.Key(m["path"].([]any)...)] = m
	}
	pw := byPath["/services/db/environment/POSTGRES_PASSWORD"]
	if pw == nil || pw["written"] != "POSTGRES_PASSWORD=${DB_PASSWORD}" || pw["value"] != "POSTGRES_PASSWORD=hunter2" {
		t.Fatalf("password record %#v (all %#v)", pw, recs)
	}
	if v := pw["variables"].([]any)[0].(map[string]any); v["name"] != "DB_PASSWORD" || v["source"] != FromEnvFile {
		t.Errorf("password variable %#v", v)
	}
	tok := byPath["/services/api/environment/API_TOKEN"]
	if tok == nil || tok["variables"].([]any)[0].(map[string]any)["source"] != FromDefault {
		t.Errorf("token record %#v", tok)
	}
	if r := byPath["/services/db/ports/0"]; r == nil || !reflect.DeepEqual(r["path"], []any{"services", "db", "ports", 0}) {
		t.Errorf("port record %#v", r)
	}
	p := d.Positions
	for k, l := range map[string]int{"/services/db/environment/POSTGRES_PASSWORD": 8, "/services/api/environment/API_TOKEN": 16, "/services/db/ports/0/host_ip": 12} {
		if p[k].StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, p[k], l)
		}
	}
	// Without a directory there is no .env: references stay as written.
	d, _ = Parse("compose.yaml", []byte(interpSample))
	env := d.Input["services"].(map[string]any)["db"].(map[string]any)["environment"].(map[string]any)
	if env["POSTGRES_PASSWORD"] != "${DB_PASSWORD}" {
		t.Errorf("no .env: %#v", env)
	}
}

const extendsSample = `services:
  base:
    image: example/base:1
    cap_add: [SYS_ADMIN]
    environment:
      A: "1"
      B: "2"
    volumes:
      - /data:/data
  web:
    extends: base
    environment:
      B: "3"
    volumes:
      - /srv:/data
      - /logs:/logs
  remote:
    extends:
      file: common.yml
      service: shared
    image: example/remote:2
  loop1:
    extends: loop2
  loop2:
    extends: loop1
  missing:
    extends: {service: nope}
`

func TestExtends(t *testing.T) {
	files := map[string]string{
		"common.yml":     "services:\n  shared:\n    extends: {file: sub/deeper.yml, service: root}\n    privileged: true\n    image: example/shared:1\n",
		"sub/deeper.yml": "services:\n  root:\n    pid: host\n    environment: [\"TOKEN=${T:-abc}\"]\n",
	}
	read := readFrom(files)
	d, err := ParseFile("compose.yaml", []byte(extendsSample), Options{ReadFile: read})
	if want := "compose.yaml:23: extends goes round in a cycle (loop1 → loop2 → loop1), which Compose rejects"; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	svcs := d.Input["services"].(map[string]any)
	web, remote := svcs["web"].(map[string]any), svcs["remote"].(map[string]any)
	checks := []struct {
		name      string
		got, want any
	}{
		{"image inherited", web["image"], "example/base:1"},
		{"caps inherited", web["cap_add"], []any{"SYS_ADMIN"}},
		{"env merged", web["environment"], map[string]any{"A": "1", "B": "3"}},
		{"volumes by target", len(web["volumes"].([]any)), 2},
		{"remote image kept", remote["image"], "example/remote:2"},
		{"remote privileged", remote["privileged"], true},
		{"nested file", remote["pid"], "host"},
		{"nested env", remote["environment"], map[string]any{"TOKEN": "abc"}},
		{"loop survives", svcs["loop1"].(map[string]any)["extends"], "loop2"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
	p := d.Positions
	for k, l := range map[string]int{
		"/services/web/cap_add/0": 11, "/services/web/environment/A": 11, "/services/web/environment/B": 13,
		"/services/web/volumes/1/source": 16, "/services/remote/privileged": 18, "/services/remote/environment/TOKEN": 18,
		"/services/base/cap_add/0": 4,
	} {
		if p[k].StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, p[k], l)
		}
	}
	found := false
	for _, r := range d.Input["interpolations"].([]any) {
		m := r.(map[string]any)
		if reflect.DeepEqual(m["path"], []any{"services", "remote", "environment", "TOKEN"}) {
			found = true
		}
	}
	if !found {
		t.Errorf("inherited interpolation record missing: %#v", d.Input["interpolations"])
	}
}

// An extends Compose would reject is reported at the extends line of the
// scanned file's service whose chain holds it; the document is still
// returned, that service without what it would inherit.
func TestExtendsProblems(t *testing.T) {
	files := map[string]string{
		"common.yml": "services:\n  shared:\n    image: x\n  round:\n    extends: {file: compose.yaml, service: back}\n",
		"bad.yml":    "services: [\n",
		// The scanned file, as common.yml's extends reads it back.
		"compose.yaml": "services:\n  back:\n    extends: {file: common.yml, service: round}\n",
	}
	read := readFrom(files)
	cases := []struct{ src, want string }{
		{"services:\n  a:\n    image: x\n    extends: a\n",
			"compose.yaml:4: extends goes round in a cycle (a → a), which Compose rejects"},
		{"services:\n  a:\n    extends: b\n  b:\n    extends: c\n  c:\n    extends: a\n",
			"compose.yaml:3: extends goes round in a cycle (a → b → c → a), which Compose rejects"},
		{"services:\n  web:\n    extends:\n      service: nope\n",
			`compose.yaml:3: service web extends "nope", which is not a service`},
		{"services:\n  web:\n    extends: {file: common.yml, service: nope}\n",
			`compose.yaml:3: service web extends "nope", which is not a service in common.yml`},
		{"services:\n  web:\n    extends: {file: gone.yml, service: x}\n",
			`compose.yaml:3: service web extends "x" from gone.yml, which cannot be read as a Compose file; the service is checked without what it would inherit`},
		{"services:\n  web:\n    extends: {file: bad.yml, service: x}\n",
			`compose.yaml:3: service web extends "x" from bad.yml, which cannot be read as a Compose file; the service is checked without what it would inherit`},
		// A file that cannot be read is only a warning, and a problem
		// Compose rejects for sure comes first even when it is further down.
		{"services:\n  a:\n    extends: {file: gone.yml, service: x}\n  b:\n    extends: nope\n",
			`compose.yaml:5: service b extends "nope", which is not a service`},
		{"services:\n  web:\n    extends: 3\n",
			"compose.yaml:3: extends of service web is neither a service name nor {service: NAME, file: PATH}"},
		{"services:\n  web:\n    extends: {file: common.yml}\n",
			"compose.yaml:3: extends of service web names no service"},
		// Through another file and back: the scanned file is read again
		// under its name, and the cycle closes in common.yml.
		{"services:\n  back:\n    extends: {file: common.yml, service: round}\n",
			"compose.yaml:3: extends goes round in a cycle (back → round (common.yml) → back (compose.yaml) → round (common.yml)), which Compose rejects"},
		{"services:\n  web:\n    extends: {service: base}\n    privileged: true\n  base:\n    image: x\n", ""},
	}
	for _, c := range cases {
		d, err := ParseFile("compose.yaml", []byte(c.src), Options{ReadFile: read})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
		var w *document.Warning
		var se *document.SyntaxError
		if unreadable := strings.Contains(c.want, "cannot be read"); err != nil && (errors.As(err, &w) != unreadable || errors.As(err, &se) == unreadable) {
			t.Errorf("%q: %T, want a warning only for a file that cannot be read", c.src, err)
		}
		if d == nil {
			t.Errorf("%q: no document", c.src)
		}
	}
	var long strings.Builder
	long.WriteString("services:\n")
	for i := range 300 {
		fmt.Fprintf(&long, "  s%d:\n    extends: s%d\n", i, i+1)
	}
	long.WriteString("  s300:\n    image: x\n")
	if _, err := ParseFile("compose.yaml", []byte(long.String()), Options{}); err == nil || err.Error() != "compose.yaml:3: extends chain is longer than 256 services (s0 → s1 → s2 …)" {
		t.Errorf("long chain: %v", err)
	}
	// Without a directory (stdin) other files are not looked for.
	if _, err := ParseFile("-", []byte("services:\n  web:\n    extends: {file: gone.yml, service: x}\n"), Options{}); err != nil {
		t.Errorf("stdin: %v", err)
	}
}
