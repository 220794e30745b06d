package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/shiplint/shiplint/internal/didyoumean"
)

// flagsFirst lets flags come after paths (`shiplint scan . -f json`), as
// in Trivy, Checkov and kube-linter. urfave/cli v2 parses a command's flags
// with Go's flag package, which stops at the first argument that is not a
// flag: `-f json` after `.` would be two more paths. So before the app
// runs, the command's arguments are reordered: its flags, each with its
// value when it takes one (asked of the command's flag definitions), then
// "--", then the positional arguments in their order. A "--" the user gave
// ends the flags: everything after it stays positional; "-" (stdin) is a
// positional. A flag the command does not define is moved too, without a
// value, so its error is the same wherever it was written.
//
// It also checks the command name: an unknown one is an error with the
// closest names (urfave/cli would print "No help topic").
func flagsFirst(app *cli.App, args []string) ([]string, error) {
	i := 1
	// The app's own flags (--help, --version) take no value.
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		i++
	}
	if i >= len(args) || args[i] == "--" {
		return args, nil
	}
	name := args[i]
	cmd := app.Command(name)
	if cmd == nil {
		if name == "help" || name == "h" {
			return args, nil // urfave/cli's help: shiplint help scan
		}
		return nil, unknownCommand(app, name)
	}
	flags, positionals, ok := splitArgs(cmd, args[i+1:])
	if !ok {
		// A flag that needs a value ends the line: leave it last, so the
		// error is "flag needs an argument", not a path named "--".
		return slices.Concat(args[:i+1], flags), nil
	}
	out := slices.Concat(args[:i+1], flags)
	if len(positionals) > 0 {
		out = append(append(out, "--"), positionals...)
	}
	return out, nil
}

// splitArgs sorts a command's arguments into flags (with their values) and
// positionals; ok is false when the last flag needs a value it lacks.
func splitArgs(cmd *cli.Command, args []string) (flags, positionals []string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positionals, args[i+1:]...), true
		case a == "-" || !strings.HasPrefix(a, "-"):
			positionals = append(positionals, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if strings.Contains(name, "=") || !takesValue(cmd, name) {
			continue
		}
		if i+1 == len(args) {
			return flags, positionals, false
		}
		i++
		flags = append(flags, args[i])
	}
	return flags, positionals, true
}

// takesValue reports whether the command's flag of that name (or alias)
// takes a value. Unknown flags and -h/--help do not.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		if slices.Contains(f.Names(), name) {
			df, ok := f.(cli.DocGenerationFlag)
			return ok && df.TakesValue()
		}
	}
	return false
}

func unknownCommand(app *cli.App, name string) error {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Names()...)
		}
	}
	return fmt.Errorf("%s (shiplint --help lists the commands)", didyoumean.Hint(fmt.Sprintf("unknown command %q", name), name, names, strconv.Quote))
}

// undefinedFlag is the start of the flag package's error for a flag the
// command does not define.
const undefinedFlag = "flag provided but not defined: -"

// flagHint adds "Did you mean "--format"?" to the flag package's error
// about an undefined flag, naming the command's closest flags.
func flagHint(cmd *cli.Command, err error) string {
	msg := err.Error()
	if !strings.HasPrefix(msg, undefinedFlag) {
		return msg
	}
	given := strings.TrimPrefix(strings.TrimPrefix(msg, undefinedFlag), "-")
	names := []string{"help", "h"}
	for _, f := range cmd.Flags {
		names = append(names, f.Names()...)
	}
	return didyoumean.Hint(msg, given, names, func(n string) string {
		if len(n) == 1 {
			return strconv.Quote("-" + n)
		}
		return strconv.Quote("--" + n)
	})
}
