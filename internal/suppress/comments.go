package suppress

import (
	"strings"

	"github.com/shiplint/shiplint/internal/document"
)

// comments lists the comments of a file. In a Dockerfile only whole-line
// comments exist ("#" later on a line is an argument); in YAML a comment
// may also end a line, after whitespace and outside quotes.
func comments(kind document.Kind, lines []string) []comment {
	var out []comment
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		if strings.HasPrefix(trimmed, "#") {
			out = append(out, comment{text: strings.TrimPrefix(trimmed, "#"), line: i + 1, wholeLine: true})
			continue
		}
		if kind == document.Dockerfile {
			continue
		}
		if at := trailingComment(l); at >= 0 {
			out = append(out, comment{text: l[at+1:], line: i + 1})
		}
	}
	return out
}

// trailingComment returns the index of the '#' that starts a YAML comment
// after content, or -1.
func trailingComment(l string) int {
	var quote byte
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || l[i-1] == ' ' || l[i-1] == ':' || l[i-1] == '[' || l[i-1] == '{' || l[i-1] == ',' || l[i-1] == '-' {
				quote = c
			}
		case c == '#' && i > 0 && (l[i-1] == ' ' || l[i-1] == '\t'):
			return i
		}
	}
	return -1
}

// target sets the lines a Line or Block directive applies to. A trailing
// comment applies to its own line; a comment line to the next line that is
// neither blank nor a comment — and, in a Dockerfile, to the whole
// instruction that starts there.
func target(d *Directive, c comment, kind document.Kind, lines []string, docs []*document.Document) {
	if d.Scope != Line && d.Scope != Block {
		return
	}
	if !c.wholeLine {
		d.Target, d.TargetEnd = c.line, c.line
		if d.Scope == Block {
			d.TargetEnd = blockEnd(lines, c.line)
		}
		return
	}
	t := c.line + 1
	for t <= len(lines) {
		s := strings.TrimSpace(lines[t-1])
		if s != "" && !strings.HasPrefix(s, "#") {
			break
		}
		t++
	}
	d.Target, d.TargetEnd = t, t
	switch {
	case d.Scope == Block:
		d.TargetEnd = blockEnd(lines, t)
	case kind == document.Dockerfile:
		d.TargetEnd = instructionEnd(docs, t)
	}
}

// blockEnd is the last line indented deeper than line t (its YAML block).
func blockEnd(lines []string, t int) int {
	if t > len(lines) {
		return t
	}
	base := indent(lines[t-1])
	end := t
	for i := t + 1; i <= len(lines); i++ {
		s := lines[i-1]
		if strings.TrimSpace(s) == "" {
			continue
		}
		if indent(s) <= base && !strings.HasPrefix(strings.TrimSpace(s), "#") {
			break
		}
		end = i
	}
	return end
}

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " \t-")) }

// instructionEnd is the last line of the Dockerfile instruction starting
// at line t, from the document's positions.
func instructionEnd(docs []*document.Document, t int) int {
	end := t
	for _, d := range docs {
		for key, r := range d.Positions {
			if r.StartLine == t && r.EndLine > end && isInstructionKey(key) {
				end = r.EndLine
			}
		}
	}
	return end
}

// isInstructionKey matches "/stages/N/instructions/M" and "/stages/N/from".
func isInstructionKey(key string) bool {
	parts := strings.Split(key, "/")
	return (len(parts) == 5 && parts[1] == "stages" && parts[3] == "instructions") ||
		(len(parts) == 4 && parts[1] == "stages" && parts[3] == "from")
}
