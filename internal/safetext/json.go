package safetext

import (
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// WriteJSON writes encoded JSON (as encoding/json writes it) to w, safe to
// print into a terminal or a CI log, without changing any value a JSON
// decoder reads. encoding/json already escapes C0 controls and
// U+2028/U+2029 and turns bytes that are not UTF-8 into U+FFFD; WriteJSON
// also writes DEL, C1 controls and invisible format characters as \u
// escapes, and the first '#' of "##[" and "##vso[" as \u0023. All of them
// can only occur inside strings (JSON's own syntax is ASCII without '#'),
// where the escape decodes to the same character.
//
// The runs between escapes are written straight from b, so a report
// without anything to escape is one Write and no copy: reports can be
// hundreds of megabytes.
func WriteJSON(w io.Writer, b []byte) error {
	start := 0
	var esc []byte
	for i := firstUnsafeJSON(b); i >= 0 && i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		esc = esc[:0]
		switch {
		case r == '#' && commandAt(string(b[i:min(len(b), i+6)])):
			esc = append(esc, `\u0023`...)
		case r != utf8.RuneError && r >= 0x7f && hidden(r):
			esc = appendJSONEscape(esc, r)
		}
		if len(esc) > 0 {
			if _, err := w.Write(b[start:i]); err != nil {
				return err
			}
			if _, err := w.Write(esc); err != nil {
				return err
			}
			start = i + n
		}
		i += n
		if next := firstUnsafeJSON(b[i:]); next < 0 {
			break
		} else {
			i += next
		}
	}
	_, err := w.Write(b[start:])
	return err
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
