package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/internal/lsp"
)

// lspCommand is `shiplint lsp`: the language server on stdio (see
// internal/lsp and docs/editors.md).
func lspCommand() *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "run the language server (LSP over stdin/stdout) for editors",
		Flags: []cli.Flag{
			&cli.DurationFlag{Name: "deadline", Value: lsp.DefaultDeadline, Usage: "skip (and log) a document whose scan runs longer than `DURATION`"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return cli.Exit("lsp takes no arguments (it reads LSP messages on stdin)", exitError)
			}
			s := lsp.New(lsp.Options{Explain: explain, Deadline: c.Duration("deadline"), Log: c.App.ErrWriter})
			return s.Serve(c.Context, stdio{c.App.Reader, c.App.Writer})
		},
	}
}

// stdio joins the app's input and output into the stream the server reads
// and writes. Closing it closes neither: the process ends when Serve does.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
