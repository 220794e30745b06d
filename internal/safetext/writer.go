package safetext

import (
	"bytes"
	"io"
)

// Writer passes each line written to it through Lines before writing it
// on: wrapped around stderr, it keeps an error that echoes a policy line or
// a file name from starting a workflow command, whoever wrote the error.
// It holds a line until its newline arrives; Flush writes what is left.
type Writer struct {
	w   io.Writer
	buf []byte
}

// NewWriter returns a Writer that writes safe lines to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes the complete lines in p and keeps the rest for later.
func (sw *Writer) Write(p []byte) (int, error) {
	sw.buf = append(sw.buf, p...)
	end := bytes.LastIndexByte(sw.buf, '\n')
	if end < 0 {
		return len(p), nil
	}
	_, err := io.WriteString(sw.w, Lines(string(sw.buf[:end+1])))
	sw.buf = append(sw.buf[:0], sw.buf[end+1:]...)
	return len(p), err
}

// Flush writes a last line that has no newline.
func (sw *Writer) Flush() error {
	if len(sw.buf) == 0 {
		return nil
	}
	_, err := io.WriteString(sw.w, Lines(string(sw.buf)))
	sw.buf = sw.buf[:0]
	return err
}
