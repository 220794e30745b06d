package document

import "fmt"

// SyntaxError is a parse failure at a place in the file. The engine turns it
// into a finding of the built-in syntax-error rule, so a broken file is
// reported at its line and the scan goes on.
type SyntaxError struct {
	Path   string
	Line   int // 1-based; 0 when the parser could not tell (then line 1 is reported)
	Column int // 1-based; 0 when unknown
	Msg    string
}

func (e *SyntaxError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
}

// Warning is something a parser could not check that may be fine where the
// file is used (an extends file that is generated, say). The engine reports
// it as a warning notification at its line, not as a finding; the document
// is checked as far as it could be read.
type Warning struct {
	Path string
	Line int
	Msg  string
}

func (w *Warning) Error() string { return fmt.Sprintf("%s:%d: %s", w.Path, w.Line, w.Msg) }

// Refused is a file a parser was not allowed to read (outside the scanned
// directory, not a regular file, too large, over the scan's byte budget),
// or a budget it ran out of, at the line that referred to it. The engine
// reports it as a finding of the built-in file-not-scanned rule: what was
// not read must not pass silently.
type Refused struct {
	Path string
	Line int // 0 means line 1
	Msg  string
}

func (e *Refused) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, max(e.Line, 1), e.Msg) }

// FileID identifies a file on disk (device and inode), however a path
// spells it: a file read through several paths is read once.
type FileID struct{ Dev, Ino uint64 }
