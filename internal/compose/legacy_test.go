package compose

import (
	"reflect"
	"testing"
)

const legacySample = `web:
  build: ./web
  dockerfile: Dockerfile.prod
  net: host
  links:
    - db
  volumes_from:
    - data
  volumes:
    - /var/run/docker.sock:/var/run/docker.sock
  ports:
    - "2222:22"
  log_driver: syslog
  log_opt:
    syslog-address: "tcp://10.0.0.1:514"
  environment:
    - DB_PASSWORD=${PW:-hunter2}
db:
  image: postgres:9.4
  pid: host
  privileged: true
  net: "container:web"
  environment:
    POSTGRES_PASSWORD: s3cret
data:
  image: busybox
  volumes:
    - /data
x-note:
  image: not-a-service
volumes:
  image: a-service-named-volumes
`

func TestLegacy(t *testing.T) {
	d, err := ParseFile("docker-compose.yml", []byte(legacySample), Options{ReadFile: readFrom(nil)})
	if err != nil {
		t.Fatal(err)
	}
	svcs := d.Input["services"].(map[string]any)
	names := []string{}
	for n := range svcs {
		names = append(names, n)
	}
	if len(svcs) != 4 || svcs["x-note"] != nil || svcs["volumes"] == nil {
		t.Fatalf("services %v", names)
	}
	if _, ok := d.Input["volumes"]; ok {
		t.Error("a legacy service named volumes is also the top-level volumes")
	}
	web, db := svcs["web"].(map[string]any), svcs["db"].(map[string]any)
	checks := []struct {
		name      string
		got, want any
	}{
		{"net", web["network_mode"], "host"},
		{"net gone", web["net"], nil},
		{"net container", db["network_mode"], "container:web"},
		{"build with dockerfile", web["build"], map[string]any{"context": "./web", "dockerfile": "Dockerfile.prod"}},
		{"dockerfile gone", web["dockerfile"], nil},
		{"logging", web["logging"], map[string]any{"driver": "syslog", "options": map[string]any{"syslog-address": "tcp://10.0.0.1:514"}}},
		{"links kept", web["links"], []any{"db"}},
		{"volumes_from kept", web["volumes_from"], []any{"data"}},
		{"env list interpolated", web["environment"], map[string]any{"DB_PASSWORD": "hunter2"}},
		{"env map", db["environment"], map[string]any{"POSTGRES_PASSWORD": "s3cret"}},
		{"pid", db["pid"], "host"},
		{"privileged", db["privileged"], true},
		{"socket", web["volumes"].([]any)[0].(map[string]any)["source"], "/var/run/docker.sock"},
		{"port", web["ports"].([]any)[0].(map[string]any)["target"], "22"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
	lines := map[string]int{
		"/services/web":                                1,
		"/services/web/build/context":                  2,
		"/services/web/build/dockerfile":               3,
		"/services/web/network_mode":                   4,
		"/services/web/links/0":                        6,
		"/services/web/volumes_from/0":                 8,
		"/services/web/volumes/0/source":               10,
		"/services/web/ports/0":                        12,
		"/services/web/logging/driver":                 13,
		"/services/web/logging/options/syslog-address": 15,
		"/services/web/environment/DB_PASSWORD":        17,
		"/services/db":                                 18,
		"/services/db/pid":                             20,
		"/services/db/privileged":                      21,
		"/services/db/network_mode":                    22,
		"/services/db/environment/POSTGRES_PASSWORD":   24,
		"/services/volumes/image":                      32,
		"/raw/web/net":                                 4,
	}
	for k, l := range lines {
		if r := at(d, k); r.StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, r, l)
		}
	}
	if r := at(d, "/services/web/net"); r.StartLine != 0 {
		t.Errorf("net still located at %+v", r)
	}
	found := false
	for _, r := range d.Input["interpolations"].([]any) {
		m := r.(map[string]any)
		found = found || reflect.DeepEqual(m["path"], []any{"services", "web", "environment", "DB_PASSWORD"})
	}
	if !found {
		t.Errorf("interpolation record missing: %#v", d.Input["interpolations"])
	}
}

// A legacy file extends a service of another legacy file; a current-format
// file can extend a legacy one's too.
func TestLegacyExtends(t *testing.T) {
	files := map[string]string{"common.yml": "base:\n  image: busybox\n  net: host\n  cap_add: [SYS_ADMIN]\n"}
	src := "app:\n  extends:\n    file: common.yml\n    service: base\n  privileged: true\n"
	d, err := ParseFile("docker-compose.yml", []byte(src), Options{ReadFile: readFrom(files)})
	if err != nil {
		t.Fatal(err)
	}
	app := d.Input["services"].(map[string]any)["app"].(map[string]any)
	if app["network_mode"] != "host" || app["image"] != "busybox" || app["privileged"] != true || !reflect.DeepEqual(app["cap_add"], []any{"SYS_ADMIN"}) {
		t.Errorf("app %#v", app)
	}
	for k, l := range map[string]int{"/services/app/network_mode": 2, "/services/app/privileged": 5} {
		if r := at(d, k); r.StartLine != l {
			t.Errorf("%s at %+v, want line %d", k, r, l)
		}
	}
}

// What is not legacy Compose stays as it was: a current-format file, a
// fragment with only top-level sections, an empty file.
func TestNotLegacy(t *testing.T) {
	for _, src := range []string{
		"version: '2'\nweb:\n  image: a\n",
		"networks:\n  default:\n    external: true\n",
		"services:\n  web:\n    image: a\n",
		"x-base:\n  image: a\n",
	} {
		d, err := Parse("docker-compose.yml", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		svcs := d.Input["services"].(map[string]any)
		if _, ok := svcs["web"]; ok != (src == "services:\n  web:\n    image: a\n") || len(svcs) > 1 {
			t.Errorf("%q: services %#v", src, svcs)
		}
	}
}

func TestLooks(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"web:\n  image: nginx\n  ports: [\"80:80\"]\ndb:\n  build: ./db\n", true},
		{"services:\n  web:\n    image: nginx\n    privileged: true\nvolumes:\n  data: {}\n", true},
		{"version: '3'\nservices:\n  web:\n    build:\n      context: .\n", true},
		{"vpn:\n  build: .\n  net: host\n", true},
		{"# comment\nweb: &web   # anchored\n  image: \"nginx\"\n---\n", true},
		{"x-common: {restart: always}\nweb:\n  image: nginx\n", true},
		// a GitLab CI job: script is no service key
		{"build:\n  image: golang:1.22\n  script: [go build]\n", false},
		// Helm values: a scalar at the top, image as a mapping
		{"replicaCount: 1\nimage:\n  repository: nginx\n", false},
		{"sidecar:\n  image:\n    repository: busybox\n", false},
		// a service that names neither image nor build
		{"web:\n  ports: [\"80\"]\n", false},
		{"services:\n  web:\n    image: a\njobs:\n  x: {}\n", false},
		{"services: [docker]\nscript: [make]\n", false},
		{"version: '1'\nweb:\n  image: a\n", false},
		{"- hosts: all\n  tasks: []\n", false},
		{"web:\n  image: {{ .Values.image }}\n", false},
		{"a:\n  image: x\n---\nb:\n  image: y\n", false},
		{"apiVersion: v1\nkind: Pod\n", false},
		{"", false},
	}
	for _, c := range cases {
		if got := Looks([]byte(c.src)); got != c.want {
			t.Errorf("Looks(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}
