package compose

import (
	"errors"
	"reflect"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

const sample = `x-base: &base
  privileged: true
  environment:
    FROM_BASE: "1"
services:
  web:
    image: nginx
    <<: *base
    ports:
      - "80"
      - 8080:80
      - "127.0.0.1:8080:80"
      - "[::1]:9000:90"
      - 8000-8010:8000-8010
      - "53:53/udp"
      - 81
      - target: 443
        published: 8443
        host_ip: 0.0.0.0
        protocol: tcp
        mode: host
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - dbdata:/data
      - ./src:/src:rw,z
      - /cache
      - type: bind
        source: /etc
        target: /host-etc
        read_only: true
        bind:
          propagation: rprivate
    cap_add: [sys_admin, CAP_NET_ADMIN]
    cap_drop: ALL
    security_opt: [seccomp:unconfined]
    dns: 8.8.8.8
    sysctls: [net.core.somaxconn=1024]
    secrets: [token, {source: cert, target: /c}]
    build: ./app
  db:
    environment:
      - PASSWORD=secret
      - EMPTY
      - "X=a=b"
    build:
      context: .
      args: [VERSION=1]
    environment_file_like: kept
volumes:
  dbdata: {}
`

func parseSample(t *testing.T) *document.Document {
	t.Helper()
	d, err := Parse("docker-compose.yml", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func port(target, published, hostIP, proto any, raw any) map[string]any {
	return map[string]any{"target": target, "published": published, "host_ip": hostIP, "protocol": proto, "raw": raw}
}

func TestPorts(t *testing.T) {
	d := parseSample(t)
	web := d.Input["services"].(map[string]any)["web"].(map[string]any)
	want := []any{
		port("80", nil, nil, "tcp", "80"),
		port("80", "8080", nil, "tcp", "8080:80"),
		port("80", "8080", "127.0.0.1", "tcp", "127.0.0.1:8080:80"),
		port("90", "9000", "::1", "tcp", "[::1]:9000:90"),
		port("8000-8010", "8000-8010", nil, "tcp", "8000-8010:8000-8010"),
		port("53", "53", nil, "udp", "53:53/udp"),
		port("81", nil, nil, "tcp", int64(81)),
		port("443", "8443", "0.0.0.0", "tcp", map[string]any{"target": int64(443), "published": int64(8443), "host_ip": "0.0.0.0", "protocol": "tcp", "mode": "host"}),
	}
	got := web["ports"].([]any)
	for i := range want {
		if i >= len(got) || !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("port %d: got %#v\nwant %#v", i, got[i], want[i])
		}
	}
	lines := map[string]int{
		"/services/web/ports/0/target": 10, "/services/web/ports/2/host_ip": 12, "/services/web/ports/6": 16,
		"/services/web/ports/7/published": 18, "/services/web/ports/7/host_ip": 19, "/services/web/ports/7/raw/mode": 21,
		"/raw/services/web/ports/1": 11,
	}
	for k, l := range lines {
		if r := at(d, k); r.StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, r, l)
		}
	}
}

func vol(typ string, src any, target string, ro bool, raw any) map[string]any {
	return map[string]any{"type": typ, "source": src, "target": target, "read_only": ro, "raw": raw}
}

func TestVolumes(t *testing.T) {
	d := parseSample(t)
	web := d.Input["services"].(map[string]any)["web"].(map[string]any)
	long := map[string]any{"type": "bind", "source": "/etc", "target": "/host-etc", "read_only": true, "bind": map[string]any{"propagation": "rprivate"}}
	longNorm := map[string]any{"type": "bind", "source": "/etc", "target": "/host-etc", "read_only": true, "bind": map[string]any{"propagation": "rprivate"}, "raw": long}
	want := []any{
		vol("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, "/var/run/docker.sock:/var/run/docker.sock:ro"),
		vol("volume", "dbdata", "/data", false, "dbdata:/data"),
		vol("bind", "./src", "/src", false, "./src:/src:rw,z"),
		vol("volume", nil, "/cache", false, "/cache"),
		longNorm,
	}
	if got := web["volumes"]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
	p := d.Positions
	if p["/services/web/volumes/0/source"].StartLine != 23 || p["/services/web/volumes/4/read_only"].StartLine != 30 {
		t.Errorf("volume lines %+v %+v", p["/services/web/volumes/0/source"], p["/services/web/volumes/4/read_only"])
	}
	if r := p["/services/web/volumes/0"]; r != (document.Range{StartLine: 23, StartColumn: 9, EndLine: 23, EndColumn: 53}) {
		t.Errorf("volume 0 at %+v", r)
	}
}

func TestServiceFields(t *testing.T) {
	d := parseSample(t)
	svcs := d.Input["services"].(map[string]any)
	web, db := svcs["web"].(map[string]any), svcs["db"].(map[string]any)
	checks := []struct {
		name      string
		got, want any
	}{
		{"merged privileged", web["privileged"], true},
		{"merged env", web["environment"], map[string]any{"FROM_BASE": "1"}},
		{"cap_add", web["cap_add"], []any{"SYS_ADMIN", "NET_ADMIN"}},
		{"cap_drop", web["cap_drop"], []any{"ALL"}},
		{"security_opt", web["security_opt"], []any{"seccomp:unconfined"}},
		{"dns", web["dns"], []any{"8.8.8.8"}},
		{"sysctls", web["sysctls"], map[string]any{"net.core.somaxconn": "1024"}},
		{"secrets", web["secrets"], []any{
			map[string]any{"source": "token", "target": nil, "raw": "token"},
			map[string]any{"source": "cert", "target": "/c", "raw": map[string]any{"source": "cert", "target": "/c"}},
		}},
		{"build string", web["build"], map[string]any{"context": "./app"}},
		{"env list", db["environment"], map[string]any{"PASSWORD": "secret", "EMPTY": nil, "X": "a=b"}},
		{"build args", db["build"], map[string]any{"context": ".", "args": map[string]any{"VERSION": "1"}}},
		{"other keys kept", db["environment_file_like"], "kept"},
		{"top volumes", d.Input["volumes"], map[string]any{"dbdata": map[string]any{}}},
		{"raw kept", d.Input["raw"].(map[string]any)["services"].(map[string]any)["db"].(map[string]any)["environment"].([]any)[1], "EMPTY"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if _, ok := d.Input["networks"]; ok {
		t.Error("networks present")
	}
	lines := map[string]int{
		"/services/web/privileged": 8, "/services/web/environment/FROM_BASE": 8, "/services/web/image": 7,
		"/services/db/environment/PASSWORD": 42, "/services/db/environment/EMPTY": 43,
		"/services/db/build/args/VERSION": 47, "/services/web/build/context": 39, "/volumes/dbdata": 50,
		"/raw/x-base/privileged": 2,
	}
	for k, l := range lines {
		if r := at(d, k); r.StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, r, l)
		}
	}
	if d.Identity != "" || d.Input["kind"] != "compose" {
		t.Errorf("identity %q", d.Identity)
	}
}

func TestShortForms(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]any
	}{
		{"C:\\data:/data", map[string]any{"type": "bind", "source": "C:\\data", "target": "/data", "read_only": false}},
		{"${PWD}/x:/x:ro,z", map[string]any{"type": "bind", "source": "${PWD}/x", "target": "/x", "read_only": true}},
		{"~/x:/x", map[string]any{"type": "bind", "source": "~/x", "target": "/x", "read_only": false}},
	}
	for _, tt := range tests {
		if got := shortVolume(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %#v", tt.in, got)
		}
	}
	if got := shortPort("127.0.0.1::80"); got["published"] != nil || got["host_ip"] != "127.0.0.1" || got["target"] != "80" {
		t.Errorf("%#v", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src  string
		line int
		msg  string
	}{
		{"- a\n- b\n", 1, "not a Compose file: root is a list"},
		{"services:\n  web:\n    image: a\n    image: b\n", 4, `duplicate key "image" (first at line 3)`},
	}
	for _, tt := range tests {
		_, err := Parse("c.yml", []byte(tt.src))
		var se *document.SyntaxError
		if !errors.As(err, &se) || se.Line != tt.line || se.Msg != tt.msg {
			t.Errorf("%q: %v", tt.src, err)
		}
	}
	d, err := Parse("c.yml", []byte("# nothing\n"))
	if err != nil || len(d.Input["services"].(map[string]any)) != 0 {
		t.Errorf("empty: %v", err)
	}
}

// at is the exact range recorded for key, through mirrors (the file as
// written and the top-level maps are views of the YAML document).
func at(d *document.Document, key string) document.Range {
	r, _ := d.Lookup(key)
	return r
}
