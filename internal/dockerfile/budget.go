package dockerfile

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// Budgets of one Dockerfile (docs/decisions.md). Real Dockerfiles hold a
// few hundred instructions and RUNs of a few KB; an image cannot even have
// more than 127 layers. Past a budget the file is still checked, without
// what lies beyond it, and a syntax error at the line where that starts
// says so: hostile padding must not pass a gate silently.
const (
	// maxShellBytes bounds the text of one RUN, heredocs included, that is
	// read as shell: past it the instruction is kept but its commands are
	// not read (a 7 MB heredoc took 43 s and 2.5 GB in the rules).
	maxShellBytes = 1 << 20
	// maxCommands bounds the commands read from the RUNs of one file: the
	// rules' work grows with them (a 1 MB heredoc of 40,000 commands took
	// 5.5 s and 490 MB).
	maxCommands = 10000
	// maxWords bounds the arguments and flags of the instructions of one
	// file, ENV, LABEL and ARG pairs among them (an ENV of 150,000 pairs
	// took 6.4 s and 350 MB in the rules; an EXPOSE of 1.7 million ports
	// ran the rules past their deadline).
	maxWords = 20000
	// maxInstructions bounds the instructions of one file (≈ 8 KB each
	// between the input and OPA's copy). buildkit is not even given those
	// past it: it held 500 MB of nodes for a file of 1.4 million one-line
	// instructions.
	maxInstructions = 10000
)

var tooManyInstructions = fmt.Sprintf("the file has more than %d instructions; this one and those after it are not checked", maxInstructions)

// overBudget records that the file goes past a budget at line; the first
// such is the error Parse returns with the document.
func (p *fileParser) overBudget(line int, msg string) {
	if p.budget == nil || line < p.budget.Line {
		p.budget = p.syntaxError(line, msg)
	}
}

// runBudget tells why a RUN of size bytes starting at line is not read as
// shell ("" when it is).
func (p *fileParser) runBudget(line, size int) string {
	switch {
	case size > maxShellBytes:
		msg := fmt.Sprintf("this RUN is %d bytes long with its heredocs, more than the %d MiB shiplint reads as shell; its commands are not checked", size, maxShellBytes>>20)
		p.overBudget(line, msg)
		return msg
	case p.commands > maxCommands:
		return fmt.Sprintf("the file has more than %d commands in its RUNs; the commands of this RUN are not checked", maxCommands)
	}
	return ""
}

// countCommands adds n commands read from the RUN at line; false when that
// takes the file past maxCommands (the RUN's commands are then dropped).
func (p *fileParser) countCommands(line, n int) (string, bool) {
	if n == 0 || p.commands+n <= maxCommands {
		p.commands += n
		return "", true
	}
	p.commands = maxCommands + 1 // spent: later RUNs are not read
	msg := fmt.Sprintf("the file has more than %d commands in its RUNs; the commands of this RUN and of those after it are not checked", maxCommands)
	p.overBudget(line, msg)
	return msg, false
}

// countWords adds the arguments and flags of node to the file's; false
// when that takes the file past maxWords: the instruction is then added
// unread, and so are later ones.
func (p *fileParser) countWords(node *parser.Node) bool {
	if n := len(node.Flags) + argCount(node); p.words+n <= maxWords {
		p.words += n
		return true
	}
	if p.words <= maxWords {
		p.overBudget(node.StartLine, fmt.Sprintf("the file has more than %d instruction arguments and flags; those of this instruction and of the instructions after it are not checked", maxWords))
	}
	p.words = maxWords + 1
	return false
}

// argCount is len(nodeArgs(node)), without building them.
func argCount(node *parser.Node) int {
	n, i := 0, 0
	triples := isTriples(node)
	for w := node.Next; w != nil; w = w.Next {
		if len(w.Children) > 0 { // ONBUILD's sub-instruction
			n += 1 + argCount(w.Children[0])
			continue
		}
		if !triples || i%3 != 2 {
			n++
		}
		i++
	}
	return n
}

// instructionCut returns the number of leading physical lines that hold at
// most max instructions, found the way buildkit's parser finds them but
// without building anything: blank and comment lines start none, a line
// continued by the escape character runs on (over blank and comment lines)
// to the line that ends it, and the heredoc bodies of RUN, COPY and ADD
// follow it up to their terminators. len(lines) when the file holds no
// more. It only decides where buildkit stops reading; where it differs
// from buildkit on odd input, buildkitParse copes.
func instructionCut(lines []string, escape byte, max int) int {
	n := 0
	for i := 0; i < len(lines); i++ {
		if blankOrComment(lines[i]) {
			continue
		}
		if n == max {
			return i
		}
		n++
		start := i
		for cont := continues(lines[i], escape); cont && i+1 < len(lines); {
			i++
			if !blankOrComment(lines[i]) {
				cont = continues(lines[i], escape)
			}
		}
		for _, h := range heredocsAt(lines[start:i+1], escape) {
			for i+1 < len(lines) && !terminates(lines[i+1], h) {
				i++
			}
			i++ // the terminator
		}
	}
	return len(lines)
}

func blankOrComment(l string) bool {
	return strings.TrimSpace(l) == "" || isCommentLine(l)
}

// heredocsAt lists the heredocs an instruction written on lines opens, as
// buildkit's parser reads them (heredocsFromLine): the words of RUN, COPY
// and ADD in shell form that parse as heredoc markers.
func heredocsAt(lines []string, escape byte) []parser.Heredoc {
	first := strings.TrimLeft(lines[0], " \t")
	kw, rest, _ := strings.Cut(first, " ")
	if strings.EqualFold(kw, "onbuild") {
		kw, _, _ = strings.Cut(strings.TrimLeft(rest, " \t"), " ")
	}
	if !heredocKeywords[strings.ToLower(kw)] || !strings.Contains(strings.Join(lines, "\n"), "<<") {
		return nil
	}
	var b strings.Builder
	for _, l := range lines {
		if blankOrComment(l) && b.Len() > 0 {
			continue
		}
		if continues(l, escape) {
			t := strings.TrimRight(l, " \t")
			l = t[:len(t)-1]
		}
		b.WriteString(l)
	}
	lex := shell.NewLex('\\')
	lex.RawQuotes, lex.RawEscapes, lex.SkipUnsetEnv = true, true, true
	words, _ := lex.ProcessWords(b.String(), mapEnv{})
	var out []parser.Heredoc
	for _, w := range words {
		if h, err := parser.ParseHeredoc(w); err == nil && h != nil {
			out = append(out, *h)
		}
	}
	return out
}

var heredocKeywords = map[string]bool{"run": true, "copy": true, "add": true}

// terminates tells whether line l ends heredoc h.
func terminates(l string, h parser.Heredoc) bool {
	l = strings.TrimRight(l, "\r")
	if h.Chomp {
		l = strings.TrimLeft(l, "\t")
	}
	return l == h.Name
}

// lineOffset is the byte offset in src where physical line n+1 (1-based)
// starts: the length of the first n lines with their newlines.
func lineOffset(src []byte, n int) int {
	off := 0
	for range n {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}
