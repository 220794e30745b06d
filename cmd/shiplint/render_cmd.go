package main

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/discover"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/render"
	"github.com/shiplint/shiplint/internal/safetext"
)

// renderCommand is `shiplint render`: what the rules see of each chart and
// overlay, every line with the place it came from (docs/rendering.md).
func renderCommand() *cli.Command {
	return &cli.Command{
		Name:      "render",
		Usage:     "print the Helm charts and Kustomize overlays under PATH as rendered for the rules, each line with its source",
		ArgsUsage: "[PATH...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config `FILE` (default: .shiplint.yaml in the scanned directory or a parent, up to the repository root)"},
			&cli.Int64Flag{Name: "max-file-size", Usage: "do not read files larger than `BYTES` (as scan)"},
			&cli.StringSliceFlag{Name: "helm-values", Usage: "values `FILE` for every Helm chart, after the chart's values.yaml (repeatable, applied in order)"},
			&cli.StringSliceFlag{Name: "helm-set", Usage: "set a value `KEY=VALUE` in every Helm chart, as helm --set (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			f, err := readRenderFlags(c)
			if err != nil {
				return err
			}
			return exitCode(renderPrint(c.App.Writer, c.App.ErrWriter, f, renderWait))
		},
	}
}

// renderWait bounds one render, as scan does with its default
// --eval-timeout.
var renderWait = 3 * checks.DefaultEvalTimeout

// readRenderFlags reads the flags render shares with scan, with scan's
// code, so a chart renders the same in both.
func readRenderFlags(c *cli.Context) (scanFlags, error) {
	f := scanFlags{paths: c.Args().Slice(), helmSet: c.StringSlice("helm-set"), maxFileSize: c.Int64("max-file-size")}
	if len(f.paths) == 0 {
		f.paths = []string{"."}
	}
	if slices.Contains(f.paths, "-") {
		return f, fmt.Errorf("render reads charts and overlays from directories, not stdin (-)")
	}
	var err error
	if f.helmValues, err = readHelmValues(c.StringSlice("helm-values")); err != nil {
		return f, err
	}
	if err := discover.CheckPaths(f.paths); err != nil {
		return f, err
	}
	if f.cfg, err = loadConfig(c.String("config"), f.paths); err != nil {
		return f, err
	}
	if f.maxFileSize == 0 {
		f.maxFileSize = f.cfg.MaxFileSize
	}
	return f, nil
}

// renderPrint renders every chart and overlay scan would render under
// f.paths and prints them to w; it returns the exit status: 0 when all
// rendered, 1 when a problem was reported, 2 when a path could not be
// read or nothing was found to render.
func renderPrint(w, errOut io.Writer, f scanFlags, wait time.Duration) int {
	in := collect(f, nil, func(document.Kind) {})
	status := exitOK
	for _, e := range in.errs {
		fmt.Fprintf(errOut, "shiplint: %v\n", e)
		status = exitError
	}
	var units []*checks.Unit
	for _, cf := range in.files {
		if cf.Unit != nil {
			units = append(units, cf.Unit)
		}
	}
	if len(units) == 0 {
		fmt.Fprintf(errOut, "shiplint: no Helm chart or Kustomize overlay to render under %s\n", strings.Join(f.paths, ", "))
		return exitError
	}
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	for _, u := range units {
		res, done := u.RenderWithin(wait)
		if !done {
			res.Problems = []render.Problem{{Location: render.Location{Path: u.File}, Rule: checks.RenderErrorRule.ID,
				Msg: fmt.Sprintf("%s not rendered: it did not finish within %v", u.Name, wait)}}
		}
		if len(res.Problems) > 0 && status == exitOK {
			status = exitFindings
		}
		printUnit(bw, u, res)
	}
	return status
}

// printUnit writes one chart's or overlay's problems, then its resources.
// Every line from the tree passes through safetext.
func printUnit(w io.Writer, u *checks.Unit, res render.Result) {
	probs := slices.Clone(res.Problems)
	slices.SortStableFunc(probs, func(a, b render.Problem) int {
		if c := strings.Compare(a.Location.Path, b.Location.Path); c != 0 {
			return c
		}
		return a.Location.Range.StartLine - b.Location.Range.StartLine
	})
	for _, p := range probs {
		fmt.Fprintf(w, "%s\n", safetext.Line(fmt.Sprintf("# problem: %s:%d: %s: %s", u.Display(p.Location.Path), max(p.Location.Range.StartLine, 1), p.Rule, p.Msg)))
	}
	unitPath := u.Name
	if _, rest, ok := strings.Cut(u.Name, " "); ok {
		unitPath = rest
	}
	for i := range res.Resources {
		rs := &res.Resources[i]
		fmt.Fprintln(w, "---")
		fmt.Fprintf(w, "%s\n", safetext.Line(fmt.Sprintf("# Source: %s (%s)", unitPath, rs.From)))
		byLine := nodesByLine(rs.Text)
		lines := strings.Split(strings.TrimSuffix(string(rs.Text), "\n"), "\n")
		for n, l := range lines {
			l = strings.TrimSuffix(l, "\r")
			if l == "---" && n == 0 {
				continue
			}
			var at render.Chain
			if k, ok := byLine[n+1]; ok {
				at = rs.Paths[k]
			}
			if len(at) == 0 && n < len(rs.Lines) {
				at = rs.Lines[n]
			}
			if len(at) > 0 {
				l += fmt.Sprintf("  # %s:%d (%s)", u.Display(at[0].Path), max(at[0].Range.StartLine, 1), at[0].Role)
			}
			fmt.Fprintf(w, "%s\n", safetext.Line(l))
		}
	}
}

// nodesByLine maps a line of a rendered resource to the key
// (document.Key, as Resource.Paths uses) of the node written on it: the
// deepest one that starts there (on "- name: web", the name).
func nodesByLine(text []byte) map[int]string {
	var doc yaml.Node
	if yaml.Unmarshal(text, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	out := map[int]string{}
	var walk func(n *yaml.Node, path []any)
	walk = func(n *yaml.Node, path []any) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := append(path[:len(path):len(path)], k.Value)
				out[k.Line] = document.Key(p...)
				walk(v, p)
			}
		case yaml.SequenceNode:
			for i, it := range n.Content {
				p := append(path[:len(path):len(path)], i)
				out[it.Line] = document.Key(p...)
				walk(it, p)
			}
		}
	}
	walk(doc.Content[0], nil)
	return out
}
