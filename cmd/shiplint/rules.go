package main

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/finding"
)

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:  "rules",
		Usage: "list the rules (built-in and from --policy)",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "extra Rego rules from `DIR` (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			pack, err := checks.Load(c.Context, checks.Options{Policies: c.StringSlice("policy")})
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSEVERITY\tKIND\tTITLE\tALIASES")
			for _, r := range pack.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, kindName(r), r.Title, strings.Join(r.Aliases, ","))
			}
			return tw.Flush()
		},
	}
}

func kindName(r finding.Rule) string {
	if r.Kind == "" {
		return "all"
	}
	return string(r.Kind)
}

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain a rule: why it matters and how to fix it",
		ArgsUsage: "ID",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "policy", Aliases: []string{"p"}, Usage: "extra Rego rules from `DIR` (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("explain needs one rule ID, e.g. shiplint explain DF001")
			}
			pack, err := checks.Load(c.Context, checks.Options{Policies: c.StringSlice("policy")})
			if err != nil {
				return err
			}
			id := c.Args().First()
			r, ok := pack.Rule(id)
			if !ok && strings.EqualFold(id, checks.SyntaxErrorRule.ID) {
				r, ok = checks.SyntaxErrorRule, true
			}
			if !ok {
				return fmt.Errorf("no rule %q (shiplint rules lists them)", id)
			}
			fmt.Fprint(c.App.Writer, explain(r))
			return nil
		},
	}
}

func explain(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\nSeverity: %s\nKind: %s\n", r.ID, r.Title, r.Severity, kindName(r))
	if len(r.Frameworks) > 0 {
		var fw []string
		for _, k := range sortedKeys(r.Frameworks) {
			fw = append(fw, k+" "+r.Frameworks[k])
		}
		fmt.Fprintf(&b, "Frameworks: %s\n", strings.Join(fw, ", "))
	}
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "Same as: %s\n", strings.Join(r.Aliases, ", "))
	}
	fmt.Fprintf(&b, "\n%s\n", r.Description)
	if r.Remediation != "" {
		fmt.Fprintf(&b, "\nFix:\n%s\n", r.Remediation)
	}
	if len(r.References) > 0 {
		b.WriteString("\nReferences:\n")
		for _, u := range r.References {
			fmt.Fprintf(&b, "  %s\n", u)
		}
	}
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
