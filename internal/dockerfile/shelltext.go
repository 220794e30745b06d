package dockerfile

import "strings"

// continues reports whether line l continues on the next one, as buildkit
// decides it (parser.directives.setEscapeToken): the escape character is the
// last non-blank character and is not itself escaped. Written out rather
// than with buildkit's regexp, which was a quarter of parsing a Dockerfile
// (TestContinuesMatchesBuildkit compares the two).
func continues(l string, escape byte) bool {
	t := strings.TrimRight(l, " \t")
	n := len(t)
	return n > 0 && t[n-1] == escape && (n == 1 || t[n-2] != escape)
}

// shellLines returns the lines of the instruction's command part (from
// start to the line that ends it, before any heredoc body), rewritten so a
// POSIX shell reads them as the Dockerfile does while every column stays
// where it is in the file:
//   - a continuation escape (backslash or backtick) becomes a backslash
//     directly before the newline (trailing blanks dropped, which a shell
//     would otherwise read as an escaped space);
//   - comment and empty lines inside a continuation, which the Dockerfile
//     drops, become a lone backslash so the continuation holds and the line
//     numbers do not move.
func (p *fileParser) shellLines(start, limit int) []string {
	var out []string
	for n := start; n <= limit; n++ {
		l := p.line(n)
		if n > start && isCommentLine(l) {
			out = append(out, `\`)
			continue
		}
		if n > start && strings.TrimSpace(l) == "" {
			out = append(out, `\`)
			continue
		}
		if !continues(l, p.escape) {
			out = append(out, l)
			break
		}
		cut := strings.LastIndexByte(strings.TrimRight(l, " \t"), p.escape)
		out = append(out, l[:cut]+`\`)
	}
	return out
}

// isCommentLine mirrors buildkit: a line whose first non-blank is '#'.
func isCommentLine(l string) bool {
	t := strings.TrimLeft(l, " \t\v\f\r")
	return strings.HasPrefix(t, "#")
}

// blankHead replaces the instruction keyword and its n flags with spaces,
// so the rest keeps its file columns. Newlines and continuations stay.
func blankHead(text string, nflags int) string {
	b := []byte(text)
	i := skipBlank(b, 0)
	i = blankWord(b, i)
	for k := 0; k < nflags; k++ {
		i = skipBlank(b, i)
		if !strings.HasPrefix(string(b[i:]), "--") {
			break
		}
		i = blankWord(b, i)
	}
	return string(b)
}

// skipBlank skips spaces, tabs and backslash-newline continuations.
func skipBlank(b []byte, i int) int {
	for i < len(b) {
		switch {
		case b[i] == ' ' || b[i] == '\t' || b[i] == '\n':
			i++
		case b[i] == '\\' && i+1 < len(b) && b[i+1] == '\n':
			i += 2
		default:
			return i
		}
	}
	return i
}

// blankWord blanks one word (quotes may hold blanks, as in flag values).
func blankWord(b []byte, i int) int {
	var quote byte
	for ; i < len(b); i++ {
		c := b[i]
		if quote == 0 && (c == ' ' || c == '\t' || c == '\n' || (c == '\\' && i+1 < len(b) && b[i+1] == '\n')) {
			return i
		}
		switch {
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case c == quote:
			quote = 0
		}
		if c != '\n' {
			b[i] = ' '
		}
	}
	return i
}
