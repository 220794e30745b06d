package dockerfile

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/shiplint/shiplint/internal/document"
)

// get walks a JSON-pointer-like path ("/stages/0/name") through Input.
func get(t *testing.T, v any, path string) any {
	t.Helper()
	for _, el := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		switch x := v.(type) {
		case map[string]any:
			val, ok := x[el]
			if !ok {
				t.Fatalf("%s: no key %q", path, el)
			}
			v = val
		case []any:
			i, err := strconv.Atoi(el)
			if err != nil || i < 0 || i >= len(x) {
				t.Fatalf("%s: bad index %q (len %d)", path, el, len(x))
			}
			v = x[i]
		default:
			t.Fatalf("%s: cannot descend into %T at %q", path, v, el)
		}
	}
	return v
}

// rng is a shorthand for a document.Range.
func rng(sl, sc, el, ec int) document.Range {
	return document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}
}

// L is a list of plain values, to keep the tables short.
type L = []any

// M is a map of plain values.
type M = map[string]any

type parseCase struct {
	name string
	src  string
	want map[string]any            // path into Input -> value
	pos  map[string]document.Range // position key -> range
}

// run1 is the prefix of the first instruction of stage 0.
const run1 = "/stages/0/instructions/0"

var parseCases = []parseCase{
	{
		name: "continued RUN with comment and empty line",
		src: "FROM alpine\n" +
			"RUN --mount=type=cache,target=/root/.cache \\\n" +
			"    apt-get update && \\\n" +
			"    # a comment the Dockerfile drops\n" +
			"\n" +
			"    DEBIAN_FRONTEND=noninteractive apt-get install -y curl  \n",
		want: map[string]any{
			run1 + "/line":                int64(2),
			run1 + "/endLine":             int64(6),
			run1 + "/flags":               L{"--mount=type=cache,target=/root/.cache"},
			run1 + "/form":                "shell",
			run1 + "/commands/0/name":     "apt-get",
			run1 + "/commands/0/line":     int64(3),
			run1 + "/commands/0/column":   int64(5),
			run1 + "/commands/1/name":     "apt-get",
			run1 + "/commands/1/args":     L{"install", "-y", "curl"},
			run1 + "/commands/1/env":      M{"DEBIAN_FRONTEND": "noninteractive"},
			run1 + "/commands/1/line":     int64(6),
			run1 + "/commands/1/column":   int64(36),
			run1 + "/commands/1/pipeline": int64(1),
			run1 + "/raw":                 "RUN --mount=type=cache,target=/root/.cache \\\n    apt-get update && \\\n    # a comment the Dockerfile drops\n\n    DEBIAN_FRONTEND=noninteractive apt-get install -y curl  ",
			run1 + "/heredocs":            L{},
		},
		pos: map[string]document.Range{
			run1:                        rng(2, 0, 6, 0),
			run1 + "/flags/0":           rng(2, 0, 2, 0),
			run1 + "/commands/0":        rng(3, 5, 3, 19),
			run1 + "/commands/1":        rng(6, 5, 6, 59),
			run1 + "/commands/1/name":   rng(6, 36, 6, 43),
			run1 + "/commands/1/args/2": rng(6, 55, 6, 59),
			"/stages/0":                 rng(1, 0, 6, 0),
			"/stages/0/from":            rng(1, 0, 1, 0),
		},
	},
	{
		name: "CRLF line endings",
		src:  "FROM alpine\r\nRUN apk add \\\r\n      curl && \\\r\n    wget -q x\r\n",
		want: map[string]any{
			run1 + "/raw":               "RUN apk add \\\n      curl && \\\n    wget -q x",
			run1 + "/commands/0/args":   L{"add", "curl"},
			run1 + "/commands/1/name":   "wget",
			run1 + "/commands/1/args":   L{"-q", "x"},
			run1 + "/commands/1/line":   int64(4),
			run1 + "/commands/1/column": int64(5),
		},
		pos: map[string]document.Range{
			run1 + "/commands/1/args/1": rng(4, 13, 4, 14),
			run1 + "/commands/0/args/1": rng(3, 7, 3, 11),
		},
	},
	{
		name: "escape backtick",
		src:  "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a && `\n    curl -o C:\\x https://y\n",
		want: map[string]any{
			"/directives":               M{"escape": "`"},
			"/stages/0/from/image":      "mcr.microsoft.com/windows/servercore",
			"/stages/0/from/tag":        "ltsc2022",
			run1 + "/commands/1/name":   "curl",
			run1 + "/commands/1/line":   int64(4),
			run1 + "/commands/1/column": int64(5),
			run1 + "/commands/1/args":   L{"-o", "C:x", "https://y"},
		},
		pos: map[string]document.Range{
			"/directives":        rng(1, 0, 1, 0),
			"/directives/escape": rng(1, 0, 1, 0),
		},
	},
	{
		name: "heredoc with shell body and dash heredoc",
		src: "FROM debian\n" +
			"RUN <<EOF\n" +
			"set -e\n" +
			"  curl -fsSL https://x | sh\n" +
			"EOF\n" +
			"RUN bash <<-'SCRIPT'\n" +
			"\techo $HOME/x\n" +
			"\tSCRIPT\n" +
			"RUN python3 <<PY\n" +
			"import os\n" +
			"PY\n" +
			"COPY <<EOF /etc/motd\n" +
			"hello\n" +
			"EOF\n",
		want: map[string]any{
			run1 + "/heredocs":                            L{M{"name": "EOF", "content": "set -e\n  curl -fsSL https://x | sh\n", "line": int64(3)}},
			run1 + "/commands/0/name":                     "set",
			run1 + "/commands/0/pipeline":                 int64(0),
			run1 + "/commands/1/name":                     "curl",
			run1 + "/commands/1/line":                     int64(4),
			run1 + "/commands/1/column":                   int64(3),
			run1 + "/commands/1/pipeline":                 int64(1),
			run1 + "/commands/2/name":                     "sh",
			run1 + "/commands/2/position":                 int64(1),
			"/stages/0/instructions/1/heredocs/0/content": "echo $HOME/x\n",
			"/stages/0/instructions/1/commands/1/name":    "echo",
			"/stages/0/instructions/1/commands/1/args":    L{"$HOME/x"},
			"/stages/0/instructions/1/commands/1/parent":  int64(0),
			"/stages/0/instructions/1/commands/1/context": "heredoc",
			"/stages/0/instructions/1/commands/1/line":    int64(7),
			"/stages/0/instructions/1/commands/1/column":  int64(2),
			"/stages/0/instructions/2/commands":           L{M{"name": "python3", "base": "python3", "args": L{}, "env": M{}, "sudo": false, "pipeline": int64(0), "position": int64(0), "pipelineLength": int64(1), "parent": nil, "context": "", "line": int64(9), "column": int64(5)}},
			"/stages/0/instructions/3/heredocs/0/line":    int64(13),
			"/stages/0/instructions/3/args":               L{"<<EOF", "/etc/motd"},
		},
		pos: map[string]document.Range{
			run1 + "/heredocs/0":                         rng(3, 0, 4, 0),
			run1 + "/commands/1/args/1":                  rng(4, 14, 4, 23),
			"/stages/0/instructions/1/commands/1/args/0": rng(7, 7, 7, 14),
		},
	},
	{
		name: "multiple heredocs, one fed to bash",
		src: "FROM alpine\n" +
			"RUN <<A cat > /a && bash <<B\n" +
			"hello $(whoami)\n" +
			"A\n" +
			"echo $(id)\n" +
			"B\n" +
			"HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n" +
			"ONBUILD RUN echo hi\n",
		want: map[string]any{
			run1 + "/line":                   int64(2),
			run1 + "/endLine":                int64(6),
			run1 + "/heredocs/0/line":        int64(3),
			run1 + "/heredocs/1/line":        int64(5),
			run1 + "/commands/0/name":        "cat",
			run1 + "/commands/1/name":        "whoami",
			run1 + "/commands/1/context":     "cmdsubst",
			run1 + "/commands/1/line":        int64(3),
			run1 + "/commands/1/column":      int64(9),
			run1 + "/commands/2/name":        "bash",
			run1 + "/commands/3/name":        "echo",
			run1 + "/commands/3/parent":      int64(2),
			run1 + "/commands/3/context":     "heredoc",
			run1 + "/commands/4/name":        "id",
			run1 + "/commands/4/parent":      int64(3),
			run1 + "/commands/4/line":        int64(5),
			"/stages/0/instructions/1/cmd":   "healthcheck",
			"/stages/0/instructions/1/form":  "shell",
			"/stages/0/instructions/1/flags": L{"--interval=5s"},
			"/stages/0/instructions/1/args":  L{"CMD", "curl -f http://localhost/ || exit 1"},
			"/stages/0/instructions/2/args":  L{"RUN", "echo hi"},
		},
		pos: map[string]document.Range{
			run1 + "/heredocs/1": rng(5, 0, 5, 0),
		},
	},
	{
		name: "sudo sh -c and time",
		src:  "FROM alpine\nRUN sudo -E sh -c 'apt-get update' && time wget x && sudo -v\n",
		want: map[string]any{
			run1 + "/commands/0/name":    "sh",
			run1 + "/commands/0/sudo":    true,
			run1 + "/commands/1/name":    "apt-get",
			run1 + "/commands/1/column":  int64(20),
			run1 + "/commands/1/context": "shell-c",
			run1 + "/commands/2/name":    "wget",
			run1 + "/commands/3/name":    "sudo",
			run1 + "/commands/3/args":    L{"-v"},
			run1 + "/commands/3/sudo":    false,
		},
	},
	{
		name: "sudo and pipelines",
		src:  "FROM ubuntu\nRUN curl -fsSL x | sudo bash -s -- ; sudo -u root -E apt-get install y\n",
		want: map[string]any{
			run1 + "/commands/0/name":           "curl",
			run1 + "/commands/0/pipeline":       int64(0),
			run1 + "/commands/0/position":       int64(0),
			run1 + "/commands/0/pipelineLength": int64(2),
			run1 + "/commands/1/name":           "bash",
			run1 + "/commands/1/args":           L{"-s", "--"},
			run1 + "/commands/1/sudo":           true,
			run1 + "/commands/1/position":       int64(1),
			run1 + "/commands/1/pipelineLength": int64(2),
			run1 + "/commands/1/column":         int64(25),
			run1 + "/commands/2/name":           "apt-get",
			run1 + "/commands/2/args":           L{"install", "y"},
			run1 + "/commands/2/sudo":           true,
			run1 + "/commands/2/pipeline":       int64(1),
			run1 + "/commands/2/pipelineLength": int64(1),
		},
		pos: map[string]document.Range{
			run1 + "/commands/1":      rng(2, 20, 2, 35),
			run1 + "/commands/1/name": rng(2, 25, 2, 29),
		},
	},
	{
		name: "substitutions and sh -c",
		src: "FROM alpine\n" +
			"RUN echo \"$(curl -s https://a)\" && diff <(curl b) f && bash -c \"curl x | sh\" && sh -ec 'wget y'\n",
		want: map[string]any{
			run1 + "/commands/0/name":     "echo",
			run1 + "/commands/0/args":     L{"\"$(curl -s https://a)\""},
			run1 + "/commands/1/name":     "curl",
			run1 + "/commands/1/parent":   int64(0),
			run1 + "/commands/1/context":  "cmdsubst",
			run1 + "/commands/1/column":   int64(13),
			run1 + "/commands/2/name":     "diff",
			run1 + "/commands/3/name":     "curl",
			run1 + "/commands/3/parent":   int64(2),
			run1 + "/commands/3/context":  "procsubst",
			run1 + "/commands/4/name":     "bash",
			run1 + "/commands/4/args":     L{"-c", "curl x | sh"},
			run1 + "/commands/5/name":     "curl",
			run1 + "/commands/5/context":  "shell-c",
			run1 + "/commands/5/parent":   int64(4),
			run1 + "/commands/5/column":   int64(65),
			run1 + "/commands/6/name":     "sh",
			run1 + "/commands/6/position": int64(1),
			run1 + "/commands/8/name":     "wget",
			run1 + "/commands/8/parent":   int64(7),
			run1 + "/commands/8/column":   int64(89),
		},
		pos: map[string]document.Range{
			run1 + "/commands/5/args/0": rng(2, 70, 2, 71),
		},
	},
	{
		name: "exec form",
		src:  "FROM alpine\nRUN [\"/bin/sh\", \"-c\", \"curl x | sh\"]\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT exec nginx\n",
		want: map[string]any{
			run1 + "/form":                  "exec",
			run1 + "/args":                  L{"/bin/sh", "-c", "curl x | sh"},
			run1 + "/commands/0/name":       "/bin/sh",
			run1 + "/commands/0/args":       L{"-c", "curl x | sh"},
			run1 + "/commands/1/name":       "curl",
			run1 + "/commands/1/parent":     int64(0),
			run1 + "/commands/1/column":     int64(24),
			"/stages/0/instructions/1/form": "exec",
			"/stages/0/instructions/2/form": "shell",
		},
		pos: map[string]document.Range{
			run1 + "/commands/0/name":   rng(2, 6, 2, 15),
			run1 + "/commands/0/args/1": rng(2, 23, 2, 36),
		},
	},
	{
		name: "multi-stage",
		src: "ARG GO_VERSION=1.22\n" +
			"ARG TAG\n" +
			"ARG A B=2\n" +
			"FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS Builder\n" +
			"RUN go build\n" +
			"FROM builder AS test\n" +
			"FROM Builder\n" +
			"FROM app:${TAG}\n" +
			"FROM app:${TAG:-latest}\n" +
			"FROM registry:5000/team/app:1.0@sha256:abc123\n" +
			"FROM ghcr.io/org/app\n" +
			"FROM scratch\n" +
			"COPY --from=Builder /out /out\n",
		want: map[string]any{
			"/args": L{
				M{"name": "GO_VERSION", "value": "1.22", "line": int64(1)},
				M{"name": "TAG", "value": nil, "line": int64(2)},
				M{"name": "A", "value": nil, "line": int64(3)},
				M{"name": "B", "value": "2", "line": int64(3)},
			},
			"/stages/0/name":                 "builder",
			"/stages/0/final":                false,
			"/stages/0/from/ref":             "golang:1.22-alpine",
			"/stages/0/from/image":           "golang",
			"/stages/0/from/tag":             "1.22-alpine",
			"/stages/0/from/platform":        "$BUILDPLATFORM",
			"/stages/0/from/resolved":        true,
			"/stages/1/from/stage":           int64(0),
			"/stages/1/from/image":           nil,
			"/stages/1/name":                 "test",
			"/stages/2/from/stage":           int64(0),
			"/stages/2/from/raw":             "Builder",
			"/stages/2/name":                 nil,
			"/stages/3/from/ref":             nil,
			"/stages/3/from/resolved":        false,
			"/stages/3/from/image":           nil,
			"/stages/4/from/ref":             "app:latest",
			"/stages/4/from/resolved":        true,
			"/stages/5/from/image":           "registry:5000/team/app",
			"/stages/5/from/tag":             "1.0",
			"/stages/5/from/digest":          "sha256:abc123",
			"/stages/6/from/image":           "ghcr.io/org/app",
			"/stages/6/from/tag":             nil,
			"/stages/6/from/digest":          nil,
			"/stages/7/from/scratch":         true,
			"/stages/7/from/line":            int64(12),
			"/stages/7/final":                true,
			"/stages/7/instructions/0/flags": L{"--from=Builder"},
		},
		pos: map[string]document.Range{
			"/args/3":              rng(3, 0, 3, 0),
			"/stages/0":            rng(4, 0, 5, 0),
			"/stages/0/name":       rng(4, 0, 4, 0),
			"/stages/0/from/image": rng(4, 0, 4, 0),
			"/stages/7":            rng(12, 0, 13, 0),
		},
	},
	{
		name: "ARG default forms in FROM",
		src:  "ARG V=1.22\nARG E=\nARG U\nFROM busybox${V:+:}${V}\nFROM app:${NOPE-1.0}\nFROM app:${E:-x}\nFROM app:${U:+y}z\nFROM app:${U%.*}\n",
		want: map[string]any{
			"/args/1/value":           "",
			"/stages/0/from/ref":      "busybox:1.22",
			"/stages/1/from/ref":      "app:1.0",
			"/stages/2/from/ref":      "app:x",
			"/stages/3/from/ref":      "app:z",
			"/stages/4/from/ref":      nil,
			"/stages/4/from/resolved": false,
		},
	},
	{
		name: "ENV, LABEL and ARG pairs",
		src:  "FROM alpine\nENV A=1 B=\"two words\"\nENV LEGACY some value\nLABEL \"org.x\"=\"y z\"\nARG V W=\"q\"\n",
		want: map[string]any{
			"/stages/0/instructions/0/args":  L{"A", "1", "B", "\"two words\""},
			"/stages/0/instructions/0/pairs": L{M{"key": "A", "value": "1"}, M{"key": "B", "value": "two words"}},
			"/stages/0/instructions/1/pairs": L{M{"key": "LEGACY", "value": "some value"}},
			"/stages/0/instructions/2/pairs": L{M{"key": "org.x", "value": "y z"}},
			"/stages/0/instructions/3/pairs": L{M{"key": "V", "value": nil}, M{"key": "W", "value": "q"}},
			"/stages/0/instructions/0/form":  nil,
		},
	},
	{
		name: "directives and BOM",
		src:  "\xef\xbb\xbf# syntax=docker/dockerfile:1.7\n# check=skip=JSONArgsRecommended\nFROM alpine\nRUN ls\n",
		want: map[string]any{
			"/directives":             M{"syntax": "docker/dockerfile:1.7", "check": "skip=JSONArgsRecommended"},
			run1 + "/commands/0/line": int64(4),
			"/stages/0/from/line":     int64(3),
		},
		pos: map[string]document.Range{
			"/directives":       rng(1, 0, 2, 0),
			"/directives/check": rng(2, 0, 2, 0),
			"":                  rng(1, 0, 4, 0),
		},
	},
	{
		name: "BOM does not shift columns",
		src:  "\xef\xbb\xbfFROM alpine\nRUN ls",
		pos:  map[string]document.Range{run1 + "/commands/0": rng(2, 5, 2, 7)},
	},
	{
		name: "non-POSIX shell",
		src:  "FROM mcr.microsoft.com/powershell\nSHELL [\"pwsh\", \"-Command\"]\nRUN Invoke-WebRequest x\nFROM alpine\nRUN ls\n",
		want: map[string]any{
			"/stages/0/instructions/0/form":            "exec",
			"/stages/0/instructions/1/commands":        L{},
			"/stages/0/instructions/1/shellError":      "SHELL \"pwsh -Command\" is not a POSIX shell",
			"/stages/1/instructions/0/commands/0/name": "ls",
		},
	},
	{
		name: "shell that does not parse",
		src:  "FROM alpine\nRUN echo $(ls\n",
		want: map[string]any{
			run1 + "/commands":   L{},
			run1 + "/shellError": "2:10: reached EOF without matching `$(` with `)`",
		},
	},
	{
		name: "compound commands and assignments",
		src:  "FROM alpine\nRUN A=1; if true; then curl x; fi; for f in $(ls); do rm $f; done; export P=$(id -u)\n",
		want: map[string]any{
			run1 + "/commands/0/name":    "true",
			run1 + "/commands/1/name":    "curl",
			run1 + "/commands/2/name":    "ls",
			run1 + "/commands/2/context": "cmdsubst",
			run1 + "/commands/2/parent":  nil,
			run1 + "/commands/3/name":    "rm",
			run1 + "/commands/3/args":    L{"$f"},
			run1 + "/commands/4/name":    "export",
			run1 + "/commands/4/args":    L{"P=$(id -u)"},
			run1 + "/commands/5/name":    "id",
			run1 + "/commands/5/parent":  int64(4),
		},
	},
	{
		name: "empty file",
		src:  "",
		want: map[string]any{"/stages": L{}, "/args": L{}, "/directives": M{}, "/kind": "dockerfile", "/path": "Dockerfile", "/commandIndex": M{}, "/instructionIndex": M{}},
		pos:  map[string]document.Range{"": rng(1, 0, 1, 0)},
	},
	{
		name: "ENV pairs on their own lines",
		src:  "FROM alpine\nENV A=1 \\\n    # a comment\n    PASSWORD=x B=2\nARG TOKEN\n",
		want: map[string]any{"/stages/0/instructions/0/pairs/1/key": "PASSWORD", "/stages/0/instructions/1/pairs/0/value": nil},
		pos: map[string]document.Range{
			"/stages/0/instructions/0/pairs/0":     rng(2, 0, 2, 0),
			"/stages/0/instructions/0/pairs/1":     rng(4, 0, 4, 0),
			"/stages/0/instructions/0/pairs/2/key": rng(4, 0, 4, 0),
			"/stages/0/instructions/1/pairs/0":     rng(5, 0, 5, 0),
		},
	},
	{
		name: "command and instruction indexes in source order",
		src:  "FROM alpine AS a\nRUN apk add curl && /usr/bin/curl -o x y\nFROM a\nRUN curl z | sh\n",
		want: map[string]any{
			"/commandIndex": M{
				"apk":  L{L{int64(0), int64(0), int64(0)}},
				"curl": L{L{int64(0), int64(0), int64(1)}, L{int64(1), int64(0), int64(0)}},
				"sh":   L{L{int64(1), int64(0), int64(1)}},
			},
			"/stages/0/instructions/0/commands/1/name": "/usr/bin/curl",
			"/instructionIndex":                        M{"run": L{L{int64(0), int64(0)}, L{int64(1), int64(0)}}},
		},
	},
	{
		name: "comment-only file",
		src:  "# syntax=docker/dockerfile:1\n# just a comment\n\n",
		want: map[string]any{"/stages": L{}, "/directives": M{"syntax": "docker/dockerfile:1"}},
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse("Dockerfile", []byte(tc.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if doc.Kind != document.Dockerfile || doc.Path != "Dockerfile" || doc.Identity != "" {
				t.Errorf("header = %q %q %q", doc.Kind, doc.Path, doc.Identity)
			}
			for path, want := range tc.want {
				if got := get(t, doc.Input, path); !reflect.DeepEqual(got, want) {
					t.Errorf("%s = %#v, want %#v", path, got, want)
				}
			}
			for key, want := range tc.pos {
				got, ok := doc.Lookup(key)
				if !ok {
					t.Errorf("no position for %q", key)
				} else if got != want {
					t.Errorf("position %q = %+v, want %+v", key, got, want)
				}
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown instruction", "FROM alpine\nRUN ls\nFROBNICATE x\nRUN ls\n", 3, "unknown instruction: FROBNICATE"},
		{"unknown instruction in continuation", "FROM alpine\nRUN ls \\\n  -la\nCOPPY \\\n a b\n", 4, "unknown instruction: COPPY"},
		{"bad flag", "FROM alpine\nCOPY --chwon=1 a b\n", 2, "unknown flag: --chwon"},
		{"bad flag on FROM", "FROM --plat=x alpine\n", 1, "unknown flag: --plat"},
		{"instruction before FROM", "ARG X\nRUN ls\nFROM alpine\n", 2, "RUN instruction before the first FROM"},
		{"unterminated heredoc", "FROM alpine\nRUN <<EOF\necho\n", 2, "unterminated heredoc"},
		{"bad escape directive", "# escape=x\nFROM alpine\n", 1, "invalid escape token"},
		{"repeated directive", "# syntax=a\n# syntax=b\nFROM alpine\n", 2, "only one syntax parser directive"},
		// Found by FuzzParse: a check= comment above an instruction made
		// buildkit's nil linter panic.
		{"check comment above a bad instruction", "\n#CheCk=skip=\n00", 3, "unknown instruction: 00"},
		{"FROM with two args", "FROM a b\n", 1, "FROM requires either one or three arguments"},
		{"line too long", "FROM alpine\nRUN true\nRUN echo " + strings.Repeat("x", 70000) + "\n", 3, "line 3 is 70009 bytes long; Docker reads at most 65535 bytes per line"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x/Dockerfile", []byte(tc.src))
			var se *document.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v (%T), want *document.SyntaxError", err, err)
			}
			if se.Line != tc.line || se.Path != "x/Dockerfile" || !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("got line %d path %q msg %q; want line %d msg containing %q", se.Line, se.Path, se.Msg, tc.line, tc.msg)
			}
		})
	}
}

func TestBinaryJunk(t *testing.T) {
	inputs := [][]byte{
		{0x00, 0xff, 0xfe, 0x01, '\n', 0x80},
		[]byte("\x7fELF\x02\x01\x01\x00\x00\x00\n\x00\x00RUN\x00"),
		[]byte("FROM \xff\xfe\nRUN \xc3\x28 $(\n"),
	}
	for i, in := range inputs {
		doc, err := Parse("junk", in)
		var se *document.SyntaxError
		if err != nil && !errors.As(err, &se) {
			t.Errorf("%d: err %T, want *document.SyntaxError", i, err)
		}
		if err == nil && doc == nil {
			t.Errorf("%d: nil document and nil error", i)
		}
	}
}

func TestResolveMissingChild(t *testing.T) {
	doc, err := Parse("Dockerfile", []byte("FROM alpine\nUSER root\nRUN ls \\\n  -la\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path []any
		want document.Range
	}{
		{[]any{"stages", 0, "instructions", 1, "commands", 0, "env", "X"}, rng(3, 5, 4, 6)},
		{[]any{"stages", 0, "instructions", 1, "commands", 0, "args", 9}, rng(3, 5, 4, 6)},
		{[]any{"stages", 0, "instructions", 1, "commands", 0, "args", 0}, rng(4, 3, 4, 6)},
		{[]any{"stages", 0, "instructions", 1, "commands", 7, "args", 0}, rng(3, 0, 4, 0)},
		{[]any{"stages", 0, "instructions", 1, "commands"}, rng(3, 0, 4, 0)},
		{[]any{"stages", 0, "instructions", 1, "raw"}, rng(3, 0, 4, 0)},
		{[]any{"stages", 0, "instructions", 0, "nothing"}, rng(2, 0, 2, 0)},
		{[]any{"stages", 0, "user"}, rng(1, 0, 4, 0)},
		{[]any{"nope"}, rng(1, 0, 4, 0)},
	}
	for _, tc := range cases {
		got, ok := doc.Resolve(tc.path)
		if !ok || got != tc.want {
			t.Errorf("Resolve(%v) = %+v %v, want %+v", tc.path, got, ok, tc.want)
		}
	}
}

// TestTestdata parses every file under testdata/parse/dockerfile: each
// must parse without error (files named *.bad must fail with a line).
func TestTestdata(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/parse/dockerfile/*")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(filepath.Base(f), src)
		if strings.HasSuffix(f, ".bad") != (err != nil) {
			t.Errorf("%s: err = %v", f, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte("FROM a\nRUN <<A <<B\na\nA\nb\nB\n"))
	f.Add([]byte("# escape=`\nFROM a\nRUN x `\n`\n y\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse("fuzz", src)
		if err == nil {
			return
		}
		var se *document.SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("err %T %v, want *document.SyntaxError", err, err)
		}
		if se.Line < 1 {
			t.Fatalf("line %d < 1", se.Line)
		}
		if strings.HasPrefix(se.Msg, "internal parser error") {
			t.Fatalf("panic: %s", se.Msg)
		}
	})
}

// TestOptionFacts pins the per-command option facts the Rego helpers
// cmd_has_flag, cmd_flag_values and cmd_positionals read.
func TestOptionFacts(t *testing.T) {
	cases := []struct {
		args []string
		want M
	}{
		{nil, M{}},
		{[]string{"install", "curl"}, M{}},
		{[]string{"-fsSLo", "/tmp/x", "-k", "https://x"},
			M{"optionNames": L{"-fsSLo", "-k"}, "shortFlags": "fsSLok", "operands": L{"/tmp/x", "https://x"}}},
		{[]string{"install", "--opt=a=b", "-", "--opt", "--", "-k", "--x"},
			M{"optionNames": L{"--opt=a=b", "--opt", "-"}, "shortFlags": "", "operands": L{"install", "-k", "--x"}}},
		{[]string{"a", "--"}, M{"optionNames": L{}, "shortFlags": "", "operands": L{"a"}}},
		{[]string{"-o=v", "-é", "=x", "--"},
			M{"optionNames": L{"-o=v", "-o", "-é"}, "shortFlags": "o=vé", "operands": L{"=x"}}},
	}
	for _, tc := range cases {
		got := M{}
		addOptionFacts(got, tc.args)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %#v\nwant %#v", tc.args, got, tc.want)
		}
	}
}

// TestCommandLists pins envCommands, sudoCommands and runArgText.
func TestCommandLists(t *testing.T) {
	doc, err := Parse("Dockerfile", []byte("FROM a\nRUN A=1 make x && sudo apt-get update\nRUN [\"echo\", \"a\\u0000b\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Input["envCommands"], (L{L{int64(0), int64(0), int64(0)}}); !reflect.DeepEqual(got, want) {
		t.Errorf("envCommands = %#v, want %#v", got, want)
	}
	if got, want := doc.Input["sudoCommands"], (L{L{int64(0), int64(0), int64(1)}}); !reflect.DeepEqual(got, want) {
		t.Errorf("sudoCommands = %#v, want %#v", got, want)
	}
	if _, ok := doc.Input["runArgText"]; ok {
		t.Errorf("runArgText present although an argument holds a NUL")
	}
	doc, _ = Parse("Dockerfile", []byte("FROM a\nRUN make '' x\nRUN echo y\n"))
	if got, want := doc.Input["runArgText"], "\x00x\x00y"; got != want {
		t.Errorf("runArgText = %q, want %q", got, want)
	}
}
