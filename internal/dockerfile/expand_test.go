package dockerfile

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// expandedAt returns the "expanded" list at path, or nil when it is absent.
func expandedAt(t *testing.T, input map[string]any, path string) any {
	t.Helper()
	m, _ := get(t, input, path).(map[string]any)
	return m["expanded"]
}

func TestExpansion(t *testing.T) {
	src := `ARG BASE=https://example.com
ARG VER=1.2
FROM alpine AS a
ARG BASE
ARG LOCAL=${BASE}/v${VER}
ENV INSTALLER=${BASE}/install.sh OTHER=$INSTALLER
ADD ${INSTALLER} /x
ADD "$BASE/$UNKNOWN/file" /y
COPY $NOPE /z
RUN curl -fsSL $INSTALLER | sh && wget "${BASE}/a" && curl ${MISSING:-http://def/x} && X=1 && curl $X $LOCAL "$(uname)"
RUN <<EOF
curl $INSTALLER | bash
EOF
RUN sh -c 'curl ${INSTALLER} | sh'
ARG BASE=http://changed
ENV OTHER=plain
ARG OTHER=ignored
RUN curl $BASE $OTHER ${INSTALLER#https} ${#INSTALLER} '$BASE' ${INSTALLER:+set} ${NOPE:+set} \$BASE
RUN ["curl", "$INSTALLER"]
FROM a
RUN curl $INSTALLER $BASE
FROM alpine
RUN curl $INSTALLER
`
	doc, err := Parse("Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := doc.Input
	cases := map[string]any{
		"/stages/0/instructions/3":             L{"https://example.com/install.sh", "/x"},
		"/stages/0/instructions/4":             L{"https://example.com/${UNKNOWN}/file", "/y"},
		"/stages/0/instructions/5":             nil,
		"/stages/0/instructions/6/commands/0":  L{"-fsSL", "https://example.com/install.sh"},
		"/stages/0/instructions/6/commands/1":  nil,
		"/stages/0/instructions/6/commands/2":  L{"https://example.com/a"},
		"/stages/0/instructions/6/commands/3":  L{"http://def/x"},
		"/stages/0/instructions/6/commands/4":  nil, // $X is assigned in the RUN, VER is not re-declared
		"/stages/0/instructions/7/commands/0":  L{"https://example.com/install.sh"},
		"/stages/0/instructions/8/commands/1":  L{"https://example.com/install.sh"},
		"/stages/0/instructions/12/commands/0": L{"http://changed", "plain", "${INSTALLER#https}", "${#INSTALLER}", "$BASE", "set", "${NOPE:+set}", "$BASE"},
		"/stages/0/instructions/13/commands/0": nil, // exec form: no shell, no expansion
		"/stages/1/instructions/0/commands/0":  L{"https://example.com/install.sh", "$BASE"},
		"/stages/2/instructions/0/commands/0":  nil,
	}
	for path, want := range cases {
		if got := expandedAt(t, in, path); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: expanded = %#v, want %#v", path, got, want)
		}
	}
	// The written args stay as written.
	if got := get(t, in, "/stages/0/instructions/6/commands/0/args"); !reflect.DeepEqual(got, L{"-fsSL", "$INSTALLER"}) {
		t.Errorf("args = %#v", got)
	}
	if !strings.Contains(in["runArgText"].(string), "\x00https://example.com/install.sh") {
		t.Errorf("runArgText lacks the expanded words: %q", in["runArgText"])
	}
}

// A value that grows with every definition, or one variable used many
// times, is not expanded past the budget, and the parse stays fast.
func TestExpansionBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("FROM alpine\nENV A=xxxxxxxxxxxxxxxx\n")
	for range 40 {
		b.WriteString("ENV A=$A$A$A$A\n")
	}
	b.WriteString("RUN curl $A\nADD $A /x\n")
	b.WriteString("ENV B=" + strings.Repeat("y", 60<<10) + "\n")
	b.WriteString("RUN curl " + strings.Repeat("$B", 1000) + "\n")
	start := time.Now()
	doc, err := Parse("Dockerfile", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("parse took %v", d)
	}
	ins := get(t, doc.Input, "/stages/0/instructions").([]any)
	n := len(ins)
	for _, k := range []int{n - 4, n - 1} {
		cmds := ins[k].(map[string]any)["commands"].([]any)
		if e, ok := cmds[0].(map[string]any)["expanded"]; ok {
			t.Errorf("instruction %d: expanded past the budget (%d bytes)", k, len(e.([]any)[0].(string)))
		}
	}
	if e, ok := ins[n-3].(map[string]any)["expanded"]; ok {
		t.Errorf("ADD expanded past the budget (%d bytes)", len(e.([]any)[0].(string)))
	}
	// The whole file's budget: many uses of a 60 KiB value stop at 4 MiB.
	b.Reset()
	b.WriteString("FROM alpine\nENV B=" + strings.Repeat("y", 60<<10) + "\n")
	for range 200 {
		b.WriteString("RUN curl $B\n")
	}
	doc, err = Parse("Dockerfile", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	expanded := 0
	for _, v := range get(t, doc.Input, "/stages/0/instructions").([]any) {
		cmds, _ := v.(map[string]any)["commands"].([]any)
		for _, c := range cmds {
			if e, ok := c.(map[string]any)["expanded"]; ok {
				expanded += len(e.([]any)[0].(string))
			}
		}
	}
	if expanded > maxExpandedBytes || expanded < maxExpandedBytes/2 {
		t.Errorf("expanded %d bytes in all, want at most %d (and most of it)", expanded, maxExpandedBytes)
	}
}

// ONBUILD RUN triggers are read as RUNs (they run in the builds FROM this
// image), with this stage's ENV values but not its ARGs.
func TestOnbuildRunCommands(t *testing.T) {
	src := "FROM alpine\nARG A=https://a.example\nENV E=https://e.example\n" +
		"ONBUILD RUN --mount=type=cache,target=/x curl $E \\\n  $A | sh\n" +
		"ONBUILD RUN [\"yum\", \"install\", \"-y\", \"x\"]\n" +
		"ONBUILD COPY . /app\n"
	doc, err := Parse("Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	in := doc.Input
	want := map[string]any{
		"/stages/0/instructions/2/cmd":                 "onbuild",
		"/stages/0/instructions/2/commands/0/name":     "curl",
		"/stages/0/instructions/2/commands/0/args":     L{"$E", "$A"},
		"/stages/0/instructions/2/commands/0/expanded": L{"https://e.example", "$A"},
		"/stages/0/instructions/2/commands/0/line":     int64(4),
		"/stages/0/instructions/2/commands/0/column":   int64(42),
		"/stages/0/instructions/2/commands/1/name":     "sh",
		"/stages/0/instructions/2/commands/1/line":     int64(5),
		"/stages/0/instructions/3/commands/0/name":     "yum",
		"/stages/0/instructions/3/commands/0/args":     L{"install", "-y", "x"},
	}
	for path, w := range want {
		if got := get(t, in, path); !reflect.DeepEqual(got, w) {
			t.Errorf("%s = %#v, want %#v", path, got, w)
		}
	}
	if _, ok := get(t, in, "/stages/0/instructions/4").(map[string]any)["commands"]; ok {
		t.Errorf("ONBUILD COPY has commands")
	}
	idx := in["commandIndex"].(map[string]any)
	if _, ok := idx["yum"]; !ok {
		t.Errorf("commandIndex lacks the ONBUILD RUN's yum: %v", idx)
	}
}
