package yamldoc

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/document"
)

var yamlErrRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parserProblems are yaml.v3 parser (not scanner) errors: for these the line
// in the message is 0-based (scanner errors are 1-based), see parser.fail.
var parserProblems = []string{
	"did not find expected key",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found duplicate %TAG directive",
	"found incompatible YAML document",
}

var unknownAnchorRe = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// yamlError turns a yaml.v3 error into a SyntaxError with the best line we
// can tell.
func (c *converter) yamlError(err error) error {
	var se *document.SyntaxError
	if errors.As(err, &se) {
		return err // from the conversion: located already
	}
	m := yamlErrRe.FindStringSubmatch(err.Error())
	if m == nil {
		return &document.SyntaxError{Path: c.path, Line: 1, Msg: err.Error()}
	}
	line, msg := 0, m[2]
	if m[1] != "" {
		line, _ = strconv.Atoi(m[1])
	}
	for _, p := range parserProblems {
		if msg == p {
			line++
			break
		}
	}
	if a := unknownAnchorRe.FindStringSubmatch(msg); a != nil {
		line = c.src.find("*" + a[1])
	}
	if strings.Contains(msg, "tab character") {
		// yaml.v3 reports the line of the context (often the line above);
		// the tab itself is in the indentation of a line at or after it.
		line = c.src.tabIndented(max(line, 1))
	}
	return &document.SyntaxError{Path: c.path, Line: c.src.clamp(line), Msg: msg}
}

// tabIndented returns the first line at or after from whose indentation
// holds a tab, or from when there is none.
func (s *source) tabIndented(from int) int {
	for i := from - 1; i >= 0 && i < s.count(); i++ {
		l := s.lineBytes(i + 1)
		ws := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if bytes.IndexByte(ws, '\t') >= 0 {
			return i + 1
		}
	}
	return from
}

// find returns the first line containing s, or 0.
func (s *source) find(s2 string) int {
	for i := range s.count() {
		if bytes.Contains(s.lineBytes(i+1), []byte(s2)) {
			return i + 1
		}
	}
	return 0
}

// checkText rejects what YAML does not allow as text (invalid UTF-8, control
// characters, so binary files) at the exact place; yaml.v3 reports these
// without a line.
func checkText(path string, src []byte) error {
	line, col := 1, 1
	for i := 0; i < len(src); {
		if b := src[i]; b >= 0x20 && b <= 0x7e || b == '\t' || b == '\r' {
			// Printable ASCII, most of the text: no decoding needed.
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &document.SyntaxError{Path: path, Line: line, Column: col, Msg: "invalid UTF-8"}
		case !printable(r):
			return &document.SyntaxError{Path: path, Line: line, Column: col, Msg: fmt.Sprintf("control character %U is not allowed in YAML", r)}
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col++
	}
	return nil
}

// printable is YAML's c-printable set.
func printable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x20 && r <= 0x7e, r == 0x85:
		return true
	case r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		return true
	}
	return false
}

// clamp keeps a line inside the text: errors at the end of the stream are
// reported on the last non-blank line, not on the empty one after it.
func (s *source) clamp(line int) int {
	last := s.count()
	for last > 1 && len(bytes.TrimSpace(s.lineBytes(last))) == 0 {
		last--
	}
	return max(1, min(line, last))
}
