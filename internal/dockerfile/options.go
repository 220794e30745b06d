package dockerfile

import "strings"

// Option facts of a RUN command, written once per command by the parser so
// the Rego option helpers (cmd_has_flag, cmd_flag_values, cmd_positionals in
// rules/lib/dockerfile.rego) read them instead of re-scanning the arguments
// in every rule that asks: about 40 rules look at command-line options, and
// an interpreted scan of the arguments costs each of them steps per word.
// They mirror the argument-based helpers there (has_flag, positionals): a
// change here must be made there too.

// addOptionFacts sets on a command value, from its arguments:
//
//	optionNames  the option words (the words before the first lone "--" that
//	             start with "-"), and for each the part before its first "="
//	             when that part is not empty (--opt=value), each once
//	shortFlags   the letters after the dash of the option words that start
//	             with a single "-" (-fsSLk), run together
//	operands     the positional arguments as if no option took a separate
//	             value: the words before "--" that do not start with "-",
//	             then every word after it
//
// A command none of whose arguments starts with "-" gets none of them
// (most commands: the input stays small); its operands are its args.
func addOptionFacts(cmd map[string]any, args []string) {
	end := len(args)
	for k, a := range args {
		if a == "--" {
			end = k
			break
		}
	}
	var names []any
	seen := map[string]bool{}
	addName := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	var letters strings.Builder
	operands := make([]any, 0, len(args))
	for _, a := range args[:end] {
		if !strings.HasPrefix(a, "-") {
			operands = append(operands, a)
			continue
		}
		addName(a)
		if n := strings.IndexByte(a, '='); n > 0 {
			addName(a[:n])
		}
		if !strings.HasPrefix(a, "--") {
			letters.WriteString(a[1:])
		}
	}
	if names == nil && end == len(args) {
		return
	}
	if end < len(args) {
		for _, a := range args[end+1:] {
			operands = append(operands, a)
		}
	}
	if names == nil {
		names = []any{}
	}
	cmd["optionNames"] = names
	cmd["shortFlags"] = letters.String()
	cmd["operands"] = operands
}
