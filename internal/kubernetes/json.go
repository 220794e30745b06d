package kubernetes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// IsJSON reports whether a manifest is JSON by its name (.json, any case):
// such a file is held to JSON's grammar, and has no comments to read
// suppressions from.
func IsJSON(name string) bool {
	return strings.EqualFold(path.Ext(name), ".json")
}

// Kubernetes spells kinds in CamelCase and API versions as [group/]vN...:
// a JSON document with other values under these keys (a Google API
// response's "kind": "youtube#video", "apiVersion": "2.0") is not a
// manifest.
var (
	kindRE       = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	apiVersionRE = regexp.MustCompile(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+[a-z0-9]*$`)
)

// LooksJSON reports whether src is a JSON object whose own (top-level)
// apiVersion and kind are strings shaped like Kubernetes': a resource, or a
// List of them (a List carries both too). Like Looks it does not parse: it
// runs on every .json file of a repository (package.json, tsconfig, JSON
// schemas, lock files...), so it is one pass over the bytes that only
// follows strings and nesting, tolerant of errors elsewhere (a manifest
// with a stray comma is still a manifest, reported as a syntax error). A
// top-level array is not a manifest (kubectl rejects it), nor is a
// template ({{ outside strings).
func LooksJSON(src []byte) bool {
	src = bytes.TrimLeft(bytes.TrimPrefix(src, bom), " \t\r\n")
	if len(src) == 0 || src[0] != '{' {
		return false
	}
	var api, kind bool
	var key []byte // the last top-level key
	value := false // a top-level ':' was read: the next string is a value
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i+1)
			if end < 0 {
				return false
			}
			if depth == 1 {
				s := src[i+1 : end]
				if value {
					switch string(key) {
					case "apiVersion":
						api = apiVersionRE.Match(s)
					case "kind":
						kind = kindRE.Match(s)
					}
					if api && kind {
						return true
					}
					value = false
				} else {
					key = s
				}
			}
			i = end
		case '{', '[':
			if c == '{' && i+1 < len(src) && src[i+1] == '{' {
				return false // a template, not JSON until rendered
			}
			depth++
			value = false
		case '}', ']':
			depth--
			if depth <= 0 {
				return false // the top-level object ended without both
			}
		case ':':
			value = depth == 1
		case ',':
			value = false
		}
	}
	return false
}

var bom = []byte("\ufeff")

// stringEnd returns the index of the quote closing the JSON string that
// starts at i (after its opening quote), or -1.
func stringEnd(src []byte, i int) int {
	for i < len(src) {
		j := bytes.IndexAny(src[i:], `"\`)
		if j < 0 {
			return -1
		}
		i += j
		if src[i] == '"' {
			return i
		}
		i += 2 // an escape and the byte it escapes
	}
	return -1
}

// decodeJSON decodes a .json manifest: one JSON value, or a stream of them
// as kubectl reads (`kubectl get -o json` output written one after
// another), each value a document. JSON's grammar, stricter than YAML's (no
// comments, trailing commas, single quotes or bare words), decides what is
// an error: kubectl reads a file that starts with '{' as JSON and rejects
// these. The error is at the line and column where encoding/json stops;
// what the YAML decoder reads of a broken single value is still returned.
func decodeJSON(name string, src []byte) ([]yamldoc.Doc, error) {
	src = bytes.TrimPrefix(src, bom)
	values, jerr := jsonValues(name, src)
	var docs []yamldoc.Doc
	var err error
	if len(values) > 1 || len(values) == 1 && len(bytes.TrimSpace(src[values[0][1]:])) > 0 {
		parts := make([]yamldoc.Part, len(values))
		for i, v := range values {
			line, col := lineCol(src, v[0])
			parts[i] = yamldoc.Part{Text: forYAML(src[v[0]:v[1]]), Line: line, Column: col}
		}
		docs, err = yamldoc.DecodeParts(name, forYAML(src), parts, yamldoc.Options{})
	} else {
		docs, err = yamldoc.Decode(name, forYAML(src), yamldoc.Options{Resume: true})
	}
	if jerr != nil {
		err = jerr
	}
	return docs, err
}

// jsonValues returns the byte ranges of the top-level values of src, up to
// the first error.
func jsonValues(name string, src []byte) ([][2]int, *document.SyntaxError) {
	dec := json.NewDecoder(bytes.NewReader(src))
	var values [][2]int
	for {
		var raw json.RawMessage // the value's bytes, validated, not built
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return values, nil
		}
		if err != nil {
			off := len(bytes.TrimRight(src, " \t\r\n")) // cut short: after the last byte
			msg := "unexpected end of JSON input"
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = int(min(max(se.Offset-1, 0), int64(len(src))))
				msg = se.Error()
			} else if !errors.Is(err, io.ErrUnexpectedEOF) {
				msg = strings.TrimPrefix(err.Error(), "json: ")
			}
			line, col := lineCol(src, off)
			return values, &document.SyntaxError{Path: name, Line: line, Column: col, Msg: "invalid JSON: " + msg}
		}
		end := int(dec.InputOffset())
		values = append(values, [2]int{end - len(raw), end})
	}
}

// lineCol is the 1-based line and byte column of offset off in src.
func lineCol(src []byte, off int) (int, int) {
	return 1 + bytes.Count(src[:off], []byte("\n")), off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
}

// forYAML rewrites the two JSON escapes the YAML decoder does not read:
// `\/` becomes `\u002F`, and a UTF-16 surrogate pair (`\ud83d\ude00`) one
// `\U` escape (a lone surrogate U+FFFD, as encoding/json reads it). No
// line break is added or removed, so every line stays exact; a column
// after such an escape on its line moves by a few bytes. src is returned
// as is when it holds neither (almost always).
func forYAML(src []byte) []byte {
	if !bytes.Contains(src, []byte(`\/`)) && !bytes.Contains(src, []byte(`\ud`)) && !bytes.Contains(src, []byte(`\uD`)) {
		return src
	}
	out := make([]byte, 0, len(src)+64)
	in := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case !in:
			in = c == '"'
		case c == '"':
			in = false
		case c == '\\' && i+1 < len(src):
			switch r, n := surrogates(src[i:]); {
			case src[i+1] == '/':
				out = append(out, `\u002F`...)
				i++
				continue
			case n > 0:
				out = append(out, fmt.Sprintf(`\U%08X`, r)...)
				i += n - 1
				continue
			}
			out = append(out, c, src[i+1]) // any other escape, as written
			i++
			continue
		}
		out = append(out, c)
	}
	return out
}

// surrogates reads a \uXXXX escape at the start of b that holds a UTF-16
// surrogate: the rune of the pair (or U+FFFD for a lone one) and the bytes
// read; n is 0 for any other escape.
func surrogates(b []byte) (rune, int) {
	hi, ok := hex4(b)
	if !ok || !utf16.IsSurrogate(hi) {
		return 0, 0
	}
	if lo, ok := hex4(b[6:]); ok && hi < 0xdc00 && lo >= 0xdc00 && lo < 0xe000 {
		return utf16.DecodeRune(hi, lo), 12
	}
	return utf8.RuneError, 6
}

// hex4 reads `\uXXXX` at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	v, err := strconv.ParseUint(string(b[2:6]), 16, 32)
	return rune(v), err == nil
}
