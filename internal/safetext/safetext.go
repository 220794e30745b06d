// Package safetext makes text that came from a scanned repository safe to
// print where a terminal or a CI runner reads it. A file name, a snippet or
// a message built from a file's content is untrusted: a newline in it
// starts a line of the attacker's choosing, and a CI runner takes some
// lines as commands (GitHub's "::error ...", "##[add-mask]", Azure's
// "##vso[...]"); an escape sequence rewrites the terminal; a bidi control
// makes the text read differently from what it is (Trojan source).
//
// Escape shows every such character as a visible escape (\n, \x1b, \u202e)
// and breaks the command prefixes a runner looks for anywhere in a line;
// Line also breaks "::" at the start of a line; WriteJSON does the same inside
// encoded JSON without changing any decoded value; Writer applies Line to
// every line written through it (stderr). Normal text passes unchanged.
// The package imports nothing of shiplint's, so every layer can use it.
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s as one line: control characters (C0 including \t, \n
// and \r, DEL, C1), line and paragraph separators, invisible format
// characters (bidi controls, zero-width characters, the byte-order mark,
// variation selectors) and bytes that are not UTF-8 become visible Go-style
// escapes, and "##[" and "##vso[" become "\x23#[" and "\x23#vso[".
// Backslashes are left alone, so "\n" in the output is either an escaped
// newline or the two characters themselves; readability of normal text
// (Dockerfile line continuations) wins over that ambiguity.
func Escape(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			writeHex(&b, `\x`, uint32(s[i]), 2)
		case r == '#' && commandAt(s[i:]):
			b.WriteString(`\x23`)
		case hidden(r):
			writeRune(&b, r)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// Line is Escape for text that starts a printed line: when the line would
// begin, after white space a runner trims, with "::" (a GitHub workflow
// command), its first ':' becomes "\x3a".
func Line(s string) string {
	s = Escape(s)
	rest := strings.TrimLeftFunc(s, unicode.IsSpace)
	if !strings.HasPrefix(rest, "::") {
		return s
	}
	return s[:len(s)-len(rest)] + `\x3a` + rest[1:]
}

// Lines is Line for text of several lines (a compiler's error with the
// offending source line under it): each line is made safe on its own and
// tabs become four spaces, so the layout survives without a raw control
// character.
func Lines(s string) string {
	if plain(s) && !strings.Contains(s, "::") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Line(strings.ReplaceAll(l, "\t", "    "))
	}
	return strings.Join(lines, "\n")
}

// plain reports whether s is printable ASCII with no '#': the common case,
// which needs no work.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '#' {
			return false
		}
	}
	return true
}

// commandAt reports whether s starts with a command prefix a runner finds
// anywhere in a line: "##[" (GitHub's legacy commands such as
// ##[add-mask], Azure's ##[error]) or "##vso[" in any case (Azure).
func commandAt(s string) bool {
	if !strings.HasPrefix(s, "##") {
		return false
	}
	s = s[2:]
	return strings.HasPrefix(s, "[") || len(s) >= 4 && strings.EqualFold(s[:4], "vso[")
}

// hidden reports whether r must not reach output raw: it moves the cursor
// or ends a line, is read as a terminal or runner control, or is invisible
// and changes how the text around it reads or matches (a runner comparing
// with culture rules skips default-ignorable characters, so "#\u00ad#["
// could still read as "##[").
func hidden(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r < 0xa0:
		return r >= 0x80
	case r == '\u2028' || r == '\u2029':
		return true
	}
	return r > 0xa0 && (unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r))
}

// writeRune writes r as Go would quote it: \t, \n, \r by name, other ASCII
// as \xNN, the rest as \uNNNN or \UNNNNNNNN.
func writeRune(b *strings.Builder, r rune) {
	switch {
	case r == '\t':
		b.WriteString(`\t`)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r < 0x80:
		writeHex(b, `\x`, uint32(r), 2)
	case r <= 0xffff:
		writeHex(b, `\u`, uint32(r), 4)
	default:
		writeHex(b, `\U`, uint32(r), 8)
	}
}

func writeHex(b *strings.Builder, prefix string, v uint32, digits int) {
	const hex = "0123456789abcdef"
	b.WriteString(prefix)
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		b.WriteByte(hex[v>>uint(shift)&0xf])
	}
}
