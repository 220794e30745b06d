package compose

import (
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// refusedOf lists the *document.Refused in err (joined or not), and the
// other errors.
func refusedOf(err error) (refused []*document.Refused, others []error) {
	var all []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		all = j.Unwrap()
	} else if err != nil {
		all = []error{err}
	}
	for _, e := range all {
		var r *document.Refused
		if errors.As(e, &r) {
			refused = append(refused, r)
		} else {
			others = append(others, e)
		}
	}
	return refused, others
}

// hostile reads like the confined reader: names in refuse are refused with
// their reason, the rest come from files; it counts reads per name.
type hostile struct {
	files  map[string]string
	refuse map[string]string
	reads  map[string]int
}

func (h *hostile) read(rel string) ([]byte, error) {
	if why, ok := h.refuse[rel]; ok {
		return nil, &document.Refused{Msg: why}
	}
	h.reads[rel]++
	if s, ok := h.files[rel]; ok {
		return []byte(s), nil
	}
	return nil, os.ErrNotExist
}

const outsideWhy = "it resolves outside the scanned directory"

func TestRefusedDotEnv(t *testing.T) {
	h := &hostile{refuse: map[string]string{".env": "it is a FIFO (named pipe), not a regular file"}, reads: map[string]int{}}
	src := "services:\n  web:\n    image: nginx:${TAG:-1.27}\n"
	d, err := ParseFile("compose.yaml", []byte(src), Options{ReadFile: h.read})
	refused, others := refusedOf(err)
	if len(others) != 0 || len(refused) != 1 {
		t.Fatalf("err = %v", err)
	}
	want := "compose.yaml:1: the .env file beside this Compose file was not read: it is a FIFO (named pipe), not a regular file; the variables it would set are unset here"
	if refused[0].Error() != want {
		t.Errorf("got  %s\nwant %s", refused[0], want)
	}
	if img := d.Input["services"].(map[string]any)["web"].(map[string]any)["image"]; img != "nginx:1.27" {
		t.Errorf("image %v: the file is still checked, without the .env", img)
	}
}

// An extends file that is refused (outside the tree, a FIFO, /dev/zero) is
// a finding at the extends line, and nothing of it is merged; one that is
// only missing stays a warning.
func TestRefusedExtends(t *testing.T) {
	h := &hostile{
		files: map[string]string{"../outside.yml": "services:\n  base:\n    privileged: true\n"},
		refuse: map[string]string{
			"../outside.yml": outsideWhy, "../../../../dev/zero": outsideWhy,
			"pipe.yml": "it is a FIFO (named pipe), not a regular file",
		},
		reads: map[string]int{},
	}
	src := `services:
  a:
    image: x
    extends: {file: ../outside.yml, service: base}
  b:
    image: x
    extends: {file: ../../../../dev/zero, service: base}
  c:
    image: x
    extends: {file: /etc/compose.yml, service: base}
  d:
    image: x
    extends: {file: pipe.yml, service: base}
  e:
    image: x
    extends: {file: missing.yml, service: base}
`
	d, err := ParseFile("compose.yaml", []byte(src), Options{ReadFile: h.read})
	refused, others := refusedOf(err)
	var got []string
	for _, r := range refused {
		got = append(got, r.Error())
	}
	want := []string{
		`compose.yaml:4: service a extends "base" from ../outside.yml, which was not read: ` + outsideWhy + `; the service is checked without what it would inherit`,
		`compose.yaml:7: service b extends "base" from ../../../../dev/zero, which was not read: ` + outsideWhy + `; the service is checked without what it would inherit`,
		`compose.yaml:10: service c extends "base" from /etc/compose.yml, which was not read: an absolute path leads outside the scanned directory; only files inside it are read; the service is checked without what it would inherit`,
		`compose.yaml:13: service d extends "base" from pipe.yml, which was not read: it is a FIFO (named pipe), not a regular file; the service is checked without what it would inherit`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("refused:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var warning *document.Warning
	if len(others) != 1 || !errors.As(others[0], &warning) || warning.Line != 16 {
		t.Errorf("others %v: the missing extends file stays a warning at line 16", others)
	}
	if _, merged := d.Input["services"].(map[string]any)["a"].(map[string]any)["privileged"]; merged {
		t.Error("a service of a refused file was merged")
	}
	delete(h.reads, ".env")
	if len(h.reads) != 1 || h.reads["missing.yml"] != 1 {
		t.Errorf("reads %v: only missing.yml may be asked for", h.reads)
	}
}

// 60 services extend one file through 60 spellings of its path: with
// Identify it is read and parsed once.
func TestExtendsFileReadOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("services:\n")
	spellings := map[string]bool{}
	for i := range 60 {
		spelled := strings.Repeat("../", i%6) + strings.Repeat("x/", i%6) + strings.Repeat("./", i/6) + "big.yml"
		fmt.Fprintf(&b, "  s%02d:\n    image: x\n    extends: {file: %s, service: base}\n", i, spelled)
		spellings[path.Clean(spelled)] = true
	}
	h := &hostile{files: map[string]string{}, reads: map[string]int{}}
	for s := range spellings {
		h.files[s] = "services:\n  base:\n    privileged: true\n"
	}
	identify := func(rel string) (document.FileID, error) {
		if _, ok := h.files[rel]; !ok {
			return document.FileID{}, os.ErrNotExist
		}
		return document.FileID{Dev: 1, Ino: 42}, nil
	}
	d, err := ParseFile("compose.yaml", []byte(b.String()), Options{ReadFile: h.read, Identify: identify})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	delete(h.reads, ".env")
	for _, n := range h.reads {
		total += n
	}
	if len(spellings) < 6 || total != 1 {
		t.Errorf("%d spellings read %d times, want once", len(spellings), total)
	}
	for name, svc := range d.Input["services"].(map[string]any) {
		if svc.(map[string]any)["privileged"] != true {
			t.Errorf("%s did not inherit privileged", name)
		}
	}
}

// Services that would copy more than maxInherited values through extends
// are checked without what they inherit, each with a finding at its
// extends line.
func TestInheritBudget(t *testing.T) {
	var base strings.Builder
	base.WriteString("services:\n  base:\n    environment:\n")
	for i := range 30_000 {
		fmt.Fprintf(&base, "      V%d: x\n", i)
	}
	var b strings.Builder
	b.WriteString("services:\n")
	for i := range 10 {
		fmt.Fprintf(&b, "  s%d:\n    image: x\n    extends: {file: base.yml, service: base}\n", i)
	}
	h := &hostile{files: map[string]string{"base.yml": base.String()}, reads: map[string]int{}}
	d, err := ParseFile("compose.yaml", []byte(b.String()), Options{ReadFile: h.read})
	refused, others := refusedOf(err)
	if len(others) != 0 || len(refused) != 4 {
		t.Fatalf("err = %v", err)
	}
	want := `compose.yaml:22: service s6 would inherit more than 200000 values through extends in this Compose file (the budget per file); it is checked without what it would inherit`
	if refused[0].Error() != want {
		t.Errorf("got  %s\nwant %s", refused[0], want)
	}
	svcs := d.Input["services"].(map[string]any)
	if _, ok := svcs["s5"].(map[string]any)["environment"]; !ok {
		t.Error("s5 fits the budget and inherits")
	}
	if _, ok := svcs["s6"].(map[string]any)["environment"]; ok {
		t.Error("s6 is over the budget and must not inherit")
	}
}
