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
