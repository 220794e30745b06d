// Package regosandbox bounds what untrusted Rego can do inside shiplint.
//
// Policies loaded with --policy or policies: may come from the pull
// request being scanned, so they are run as hostile code in-process. The
// deadline on an evaluation does not cover everything: OPA looks at it
// between steps, and one built-in call (two nested replace() calls build a
// terabyte) or one copy of a literal (a := [b, b], thirty deep) is a
// single step. This package holds what bounds those steps:
//
//   - Capabilities: what user policies compile against. Every OPA built-in
//     is classified (builtins.go): removed (the network, the environment,
//     the clock, randomness, costs with no bound), capped (the size of the
//     result is computed from the operands before the call, which is
//     refused over a cap; size.go), charged (the result is about the size
//     of its operands) or bounded. The capped and charged wrappers are
//     registered process-wide when the package is loaded, so they apply to
//     the built-in rules too, whose inputs are far below the caps.
//   - Start: a budget, per evaluation, for what built-in calls produce
//     (budget.go), and the heap watchdog (watchdog.go), which cancels
//     evaluations of user policies when the live heap passes a limit
//     (what the evaluator builds by itself, no built-in's). WatchHeap is
//     the watchdog alone; StoppedForMemory says why a context was stopped.
//   - CheckExpansion: refuses, at load, user modules whose values stand for
//     too many copies of what they are built from (expansion.go).
//   - EvalTime: the fixed instant rules see, so the same files give the
//     same output whenever they are scanned (clock.go).
//
// The rule pack, the engine's query and what a rule reports stay in
// package checks, which calls this one. docs/decisions.md (User Rego)
// gives the reasons, docs/writing-rules.md what users see.
package regosandbox
