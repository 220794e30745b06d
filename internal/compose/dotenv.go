package compose

import (
	"strings"
)

// parseDotEnv reads a .env file the way Compose does: KEY=VALUE lines, an
// optional "export " prefix, # comments, single quotes taken literally,
// double quotes with escapes and ${VAR} expansion, unquoted values with an
// inline " #" comment stripped and ${VAR} expansion. Expansion uses only the
// variables defined earlier in the file. Malformed lines are skipped.
func parseDotEnv(src []byte) map[string]string {
	env := map[string]string{}
	ip := &interpolator{env: env}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		name, val, ok := strings.Cut(line, "=")
		name = strings.TrimSpace(name)
		if !ok || !validName(name) {
			continue
		}
		val = strings.TrimLeft(val, " \t")
		switch {
		case strings.HasPrefix(val, "'"):
			body := val[1:]
			for !strings.Contains(body, "'") && i+1 < len(lines) {
				i++
				body += "\n" + lines[i]
			}
			body, _, _ = strings.Cut(body, "'")
			env[name] = body
		case strings.HasPrefix(val, `"`):
			body := val[1:]
			for closingQuote(body) < 0 && i+1 < len(lines) {
				i++
				body += "\n" + lines[i]
			}
			if end := closingQuote(body); end >= 0 {
				body = body[:end]
			}
			out, _, _ := ip.expand(unescape(body))
			env[name] = out
		default:
			if j := strings.Index(val, " #"); j >= 0 {
				val = val[:j]
			}
			if j := strings.Index(val, "\t#"); j >= 0 {
				val = val[:j]
			}
			out, _, _ := ip.expand(strings.TrimSpace(val))
			env[name] = out
		}
	}
	return env
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
