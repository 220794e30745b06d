package fixapply

import (
	"testing"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
)

func edit(sl, sc, el, ec int, text string) finding.Edit {
	return finding.Edit{Path: "f", Range: document.Range{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}, NewText: text}
}

func fix(edits ...finding.Edit) *finding.Fix { return &finding.Fix{Description: "d", Edits: edits} }

func TestApply(t *testing.T) {
	tests := []struct {
		name, src, want  string
		fixes            []*finding.Fix
		applied, skipped int
	}{
		{"replace", "a: true # keep\n", "a: false # keep\n", []*finding.Fix{fix(edit(1, 4, 1, 8, "false"))}, 1, 0},
		{"crlf insert at line end", "a:\r\n  b: 1\r\n", "a:\r\n  b: 1\r\n  c: 2\r\n", []*finding.Fix{fix(edit(2, 7, 2, 7, "\r\n  c: 2"))}, 1, 0},
		{"bom counts no column", "\ufeffa: 1\n", "\ufeffa: 2\n", []*finding.Fix{fix(edit(1, 4, 1, 5, "2"))}, 1, 0},
		{"characters not bytes", "é: x\n", "é: y\n", []*finding.Fix{fix(edit(1, 4, 1, 5, "y"))}, 1, 0},
		{"same insertion point: first wins", "a:\n", "a:\n  b: 1\n", []*finding.Fix{fix(edit(1, 3, 1, 3, "\n  b: 1")), fix(edit(1, 3, 1, 3, "\n  c: 1"))}, 1, 1},
		{"disjoint edits both apply, any order", "x: 1\ny: 1\n", "x: 2\ny: 3\n", []*finding.Fix{fix(edit(2, 4, 2, 5, "3")), fix(edit(1, 4, 1, 5, "2"))}, 2, 0},
		{"past the line end is refused", "a: 1\n", "a: 1\n", []*finding.Fix{fix(edit(1, 9, 1, 9, "x"))}, 0, 1},
		{"past the last line is refused", "a: 1\n", "a: 1\n", []*finding.Fix{fix(edit(5, 1, 5, 1, "x"))}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Apply([]byte(tt.src), tt.fixes)
			if string(got.Text) != tt.want || got.Applied != tt.applied || got.Skipped != tt.skipped {
				t.Errorf("got %q applied %d skipped %d, want %q %d %d", got.Text, got.Applied, got.Skipped, tt.want, tt.applied, tt.skipped)
			}
		})
	}
}
