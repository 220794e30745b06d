package compose

import (
	"fmt"
	"strings"
)

// loadDotEnv reads a .env file into ip.env the way Compose does: KEY=VALUE
// lines, an optional "export " prefix, # comments, single quotes taken
// literally, double quotes with escapes and ${VAR} expansion, unquoted
// values with an inline " #" comment stripped and ${VAR} expansion.
// Expansion uses only the variables defined earlier in the file, within
// ip's budgets: a variable that goes over one is left unset (kept as
// written, it could double again line after line), and the first such is
// named in ip.dotenv. Malformed lines are skipped.
func (ip *interpolator) loadDotEnv(src []byte) {
	env := map[string]string{}
	ip.env = env
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	set := func(name, v string, pos int) {
		switch {
		case !validName(name):
		case ip.refused == "":
			env[name] = v
		case ip.dotenv == "":
			line := strings.Count(text[:pos], "\n") + 1
			ip.dotenv = fmt.Sprintf(".env line %d: %s is left unset: %s", line, name, ip.refused)
		}
	}
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		line := text[pos:end]
		next := end + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			pos = next
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			pos = next
			continue
		}
		name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line[:eq]), "export "))
		valStart := pos + eq + 1
		for valStart < end && (text[valStart] == ' ' || text[valStart] == '\t') {
			valStart++
		}
		val := text[valStart:end]
		switch {
		case strings.HasPrefix(val, "'"):
			// A quoted value may span lines: find its closing quote in the
			// rest of the file, once.
			body := text[valStart+1:]
			close := strings.IndexByte(body, '\'')
			if close < 0 {
				close = len(body)
			}
			ip.refused = ""
			set(name, body[:close], pos)
			next = lineAfter(text, valStart+1+close)
		case strings.HasPrefix(val, `"`):
			body := text[valStart+1:]
			close := closingQuote(body)
			if close < 0 {
				close = len(body)
			}
			ip.refused = ""
			if validName(name) {
				v, _, _ := ip.expand(unescape(body[:close]))
				set(name, v, pos)
			}
			next = lineAfter(text, valStart+1+close)
		default:
			if j := strings.Index(val, " #"); j >= 0 {
				val = val[:j]
			}
			if j := strings.Index(val, "\t#"); j >= 0 {
				val = val[:j]
			}
			if validName(name) {
				v, _, _ := ip.expand(strings.TrimSpace(val))
				set(name, v, pos)
			}
		}
		pos = next
	}
}

// lineAfter returns where the line holding text[at] ends, past its newline.
func lineAfter(text string, at int) int {
	if nl := strings.IndexByte(text[min(at, len(text)):], '\n'); nl >= 0 {
		return at + nl + 1
	}
	return len(text)
}

func validName(s string) bool {
	if s == "" || !isNameStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isNameChar(s[i]) && s[i] != '.' && s[i] != '-' {
			return false
		}
	}
	return true
}

// closingQuote returns the index of the first unescaped " in s, or -1.
func closingQuote(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '$':
			b.WriteString("$$") // stays a literal $ through expand
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
