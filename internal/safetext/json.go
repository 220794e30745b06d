package safetext

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// JSON makes encoded JSON (as encoding/json writes it) safe to print into
// a terminal or a CI log, without changing any value a JSON decoder reads.
// encoding/json already escapes C0 controls and U+2028/U+2029 and turns
// bytes that are not UTF-8 into U+FFFD; JSON also writes DEL, C1 controls
// and invisible format characters as \u escapes, and the first '#' of
// "##[" and "##vso[" as \u0023. All of them can only occur inside strings
// (JSON's own syntax is ASCII without '#'), where the escape decodes to
// the same character.
func JSON(b []byte) []byte {
	i := firstUnsafeJSON(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, w := utf8.DecodeRune(b[i:])
		switch {
		case r == '#' && commandAt(string(b[i:min(len(b), i+6)])):
			out = append(out, `\u0023`...)
		case r != utf8.RuneError && r >= 0x7f && hidden(r):
			out = appendJSONEscape(out, r)
		default:
			out = append(out, b[i:i+w]...)
		}
		i += w
	}
	return out
}

// firstUnsafeJSON is where the first byte that may need work is: '#' or
// a byte at or above DEL. Most reports are ASCII without '#'.
func firstUnsafeJSON(b []byte) int {
	for i, c := range b {
		if c == '#' || c >= 0x7f {
			return i
		}
	}
	return -1
}

// appendJSONEscape writes r as \uXXXX, or as a UTF-16 surrogate pair of
// them above U+FFFF, as JSON requires.
func appendJSONEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		hi, lo := utf16.EncodeRune(r)
		return fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
	}
	return fmt.Appendf(out, `\u%04x`, r)
}
