package regosandbox

import (
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// User policies are untrusted code (a pull request can add one), and the
// deadline on an evaluation cannot interrupt a built-in in the middle of one
// call: two nested replace() calls build a terabyte before the deadline is
// looked at again. So every OPA built-in is classified below (sandboxTable,
// checked against OPA's list by TestSandboxClassifiesEveryBuiltin):
//
//   - removed: not in the capabilities policies compile against, so a
//     policy that calls one fails to load;
//   - capped: the size of the result is computed from the operands before
//     the call, which is refused over a cap;
//   - charged: the result is about the size of the operands (it cannot
//     outgrow them by repeating), so it is only counted against the
//     evaluation's budget;
//   - bounded: the result is a boolean, a number or a piece of an operand.
//
// Capped and charged built-ins count what they produce against a budget
// per evaluation (see allocBudget, budget.go), which stops a comprehension from calling
// a capped built-in a million times. What the evaluator itself builds (a
// comprehension over a comprehension) is not a built-in's: the heap
// watchdog (watchdog.go) stops that.

// The caps, far above what a rule about a Dockerfile, a Compose file or a
// manifest needs (docs/writing-rules.md lists them).
const (
	// maxResultBytes caps a string one built-in call returns.
	maxResultBytes = 16 << 20
	// maxResultElements caps the elements of an array, set or object one
	// built-in call returns.
	maxResultElements = 1_000_000
	// maxNumberDigits caps the digits of a number one built-in call
	// returns: big-integer arithmetic on longer numbers takes seconds in
	// one call, and a rule has no use for them.
	maxNumberDigits = 100_000
	// evalBudgetBytes is what the built-in calls of one evaluation (one
	// document, or one rule on one document) may produce in all.
	evalBudgetBytes = 128 << 20
	// elementBytes is what one element of a collection costs the budget
	// (a term and its slot, roughly).
	elementBytes = 64
)

type builtinClass int

const (
	bounded builtinClass = iota
	charged
	capped
	removed
)

// sandboxRule is what user policies get of one built-in.
type sandboxRule struct {
	class builtinClass
	// why a built-in is removed, or what its cap is (for the docs).
	why string
	// size, for a capped built-in, says what the call would produce, before
	// it runs.
	size sizeFunc
	// wrap, when set, replaces the implementation (the fixed clock).
	wrap func(arity int, f topdown.BuiltinFunc) topdown.BuiltinFunc
}

// sizeFunc predicts the size of a built-in's result from its operands: a
// cost for the budget in bytes, or an error when a cap is passed. Operands
// of the wrong type cost nothing: the built-in reports them itself.
type sizeFunc func(ops []*ast.Term) (cost int64, err error)

// removedReason are the built-ins user policies do not get, and why.
var removedReason = map[string]string{
	"http.send":                                 "reaches the network",
	"opa.runtime":                               "reads the environment of the process",
	"providers.aws.sign_req":                    "signs requests for http.send, which is removed",
	"time.now_ns":                               "the same scan would give different output at different times (time-reading built-ins see a fixed clock instead)",
	"rand.intn":                                 "random: the same scan would give different output",
	"uuid.rfc4122":                              "random: the same scan would give different output",
	"io.jwt.encode_sign":                        "ECDSA and RSA-PSS signatures are random, so the same scan would give different output; no check on a scanned file needs to create a token",
	"io.jwt.encode_sign_raw":                    "as io.jwt.encode_sign",
	"json.match_schema":                         "a schema's $ref loads file:// and http(s):// URLs, so a policy could read files of the machine running the scan into its messages",
	"json.verify_schema":                        "as json.match_schema",
	"graph.reachable_paths":                     "the number of paths is exponential in the size of the graph (graph.reachable is available)",
	"strings.render_template":                   "a Go template's output (nested range loops) cannot be sized before it is produced; use sprintf",
	"rego.parse_module":                         "no rule on a scanned file needs to parse Rego, and a parsed module is many times the size of its text",
	"crypto.x509.parse_and_verify_certificates": "Go's certificate verification reads the clock here; crypto.x509.parse_and_verify_certificates_with_options verifies at the fixed instant",
	"graphql.is_valid":                          "no file shiplint scans is GraphQL, and the cost of parsing and validating a crafted GraphQL document is not bounded",
	"graphql.parse":                             "as graphql.is_valid",
	"graphql.parse_and_verify":                  "as graphql.is_valid",
	"graphql.parse_query":                       "as graphql.is_valid",
	"graphql.parse_schema":                      "as graphql.is_valid",
	"graphql.schema_is_valid":                   "as graphql.is_valid",
}

// removedPrefix are families of built-ins removed whole.
var removedPrefix = map[string]string{
	"net.": "net.lookup_ip_addr reaches the network, and net.cidr_expand lists up to 2^128 addresses; the family is left out whole",
}

// sandboxTable classifies every built-in OPA has. Built-ins not listed
// here and not removed are bounded; the test lists those too.
var sandboxTable = map[string]sandboxRule{
	// Strings whose result can outgrow the operands.
	"concat":                    {class: capped, why: "16 MiB result", size: concatSize},
	"replace":                   {class: capped, why: "16 MiB result", size: replaceSize},
	"strings.replace_n":         {class: capped, why: "16 MiB result", size: replaceNSize},
	"regex.replace":             {class: capped, why: "16 MiB result", size: regexReplaceSize},
	"sprintf":                   {class: capped, why: "16 MiB result (Go caps each width and precision at 10^6)", size: sprintfSize},
	"internal.template_string":  {class: capped, why: "16 MiB result (template strings, $\"...\")", size: templateStringSize},
	"internal.print":            {class: capped, why: "16 MiB of output (print, in shiplint test)", size: printSize},
	"json.marshal":              {class: capped, why: "16 MiB result", size: jsonMarshalSize},
	"json.marshal_with_options": {class: capped, why: "16 MiB result, indentation included", size: jsonMarshalOptionsSize},
	"yaml.marshal":              {class: capped, why: "16 MiB result, indentation and line folding included", size: yamlMarshalSize},
	"base64.encode":             {class: capped, why: "16 MiB result", size: scaledString(4, 3, 4)},
	"base64url.encode":          {class: capped, why: "16 MiB result", size: scaledString(4, 3, 4)},
	"base64url.encode_no_pad":   {class: capped, why: "16 MiB result", size: scaledString(4, 3, 4)},
	"hex.encode":                {class: capped, why: "16 MiB result", size: scaledString(2, 1, 0)},
	"urlquery.encode":           {class: capped, why: "16 MiB result", size: scaledString(3, 1, 0)},
	"urlquery.encode_object":    {class: capped, why: "16 MiB result", size: urlqueryObjectSize},
	"glob.quote_meta":           {class: capped, why: "16 MiB result", size: scaledString(2, 1, 0)},
	"format_int":                {class: capped, why: "16 MiB result", size: formatIntSize},

	// Numbers: integers are exact, so a product has the digits of both
	// factors, and 1e999999 + 0 writes out a million digits.
	"plus":        {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"minus":       {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"mul":         {class: capped, why: "100,000 digits", size: numberSize(sumPlus(2))},
	"div":         {class: capped, why: "100,000 digits", size: numberSize(sumPlus(40))},
	"rem":         {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"abs":         {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"ceil":        {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"floor":       {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"round":       {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.and":    {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.or":     {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.xor":    {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.negate": {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.rsh":    {class: capped, why: "100,000 digits", size: numberSize(maxPlus(1))},
	"bits.lsh":    {class: capped, why: "100,000 digits", size: lshSize},
	"sum":         {class: capped, why: "100,000 digits", size: aggregateSize(false)},
	"product":     {class: capped, why: "100,000 digits", size: aggregateSize(true)},

	// Collections whose length is not the operands'.
	"numbers.range":                    {class: capped, why: "1,000,000 elements", size: rangeSize},
	"numbers.range_step":               {class: capped, why: "1,000,000 elements", size: rangeSize},
	"array.concat":                     {class: capped, why: "1,000,000 elements", size: arrayConcatSize},
	"array.flatten":                    {class: capped, why: "1,000,000 elements", size: arrayFlattenSize},
	"split":                            {class: capped, why: "1,000,000 elements", size: splitSize},
	"strings.split_n":                  {class: capped, why: "1,000,000 elements", size: splitSize},
	"indexof_n":                        {class: capped, why: "1,000,000 elements", size: indexOfNSize},
	"regex.split":                      {class: capped, why: "1,000,000 elements", size: regexSplitSize},
	"regex.find_n":                     {class: capped, why: "1,000,000 elements", size: regexFindNSize},
	"regex.find_all_string_submatch_n": {class: capped, why: "1,000,000 elements", size: regexFindNSize},
	"json.unmarshal":                   {class: capped, why: "16 MiB of text, charged at 32 bytes a byte", size: parsedSize},
	"yaml.is_valid":                    {class: capped, why: "as yaml.unmarshal (it expands aliases to check)", size: yamlUnmarshalSize},
	"yaml.unmarshal":                   {class: capped, why: "16 MiB of text, 16 MiB and 1,000,000 nodes with aliases expanded", size: yamlUnmarshalSize},

	// About the size of their operands: charged, not capped.
	"lower": {class: charged}, "upper": {class: charged}, "strings.reverse": {class: charged},
	"substring": {class: charged}, "sort": {class: charged}, "array.reverse": {class: charged},
	"array.slice": {class: charged}, "object.keys": {class: charged}, "object.union": {class: charged},
	"object.union_n": {class: charged}, "object.filter": {class: charged}, "object.remove": {class: charged},
	"union": {class: charged}, "or": {class: charged}, "and": {class: charged},
	"intersection": {class: charged}, "set_diff": {class: charged}, "cast_array": {class: charged},
	"cast_set": {class: charged}, "json.filter": {class: charged}, "json.remove": {class: charged},
	"json.patch": {class: charged}, "base64.decode": {class: charged}, "base64url.decode": {class: charged},
	"hex.decode": {class: charged}, "urlquery.decode": {class: charged}, "urlquery.decode_object": {class: charged},
	"io.jwt.decode": {class: charged}, "crypto.x509.parse_certificates": {class: charged},
	"crypto.x509.parse_certificate_request": {class: charged}, "crypto.x509.parse_keypair": {class: charged},
	"crypto.x509.parse_rsa_private_key": {class: charged}, "crypto.parse_private_keys": {class: charged},
	"uri.parse": {class: charged}, "graph.reachable": {class: charged},
	"regex.template_match": {class: charged}, "rego.metadata.chain": {class: charged},
	"rego.metadata.rule": {class: charged},

	// Read the clock: they see the fixed instant (clock.go).
	"io.jwt.decode_verify": {class: charged, why: "fixed clock", wrap: withFixedTime},
	"crypto.x509.parse_and_verify_certificates_with_options": {class: charged, why: "fixed clock", wrap: verifyWithOptionsAtFixedTime},
	"time.date":    {class: bounded, why: "\"Local\" is UTC", wrap: localIsUTC},
	"time.clock":   {class: bounded, why: "\"Local\" is UTC", wrap: localIsUTC},
	"time.weekday": {class: bounded, why: "\"Local\" is UTC", wrap: localIsUTC},
	"time.format":  {class: bounded, why: "\"Local\" is UTC", wrap: localIsUTC},
	"time.diff":    {class: bounded, why: "\"Local\" is UTC", wrap: localIsUTC},
}

// boundedBuiltins are the built-ins left as they are, by why their result
// stays small: TestSandboxClassifiesEveryBuiltin checks that every built-in
// OPA has is removed, in sandboxTable, or here.
var boundedBuiltins = map[string][]string{
	"a boolean, a number from a fixed set, or a hash of fixed size": {
		"all", "any", "base64.is_valid", "cast_boolean", "cast_null", "contains", "count",
		"crypto.hmac.equal", "crypto.hmac.md5", "crypto.hmac.sha1", "crypto.hmac.sha256", "crypto.hmac.sha512",
		"crypto.md5", "crypto.sha1", "crypto.sha256", "endswith", "equal", "glob.match", "gt", "gte",
		"indexof", "internal.member_2", "internal.member_3", "internal.test_case", "io.jwt.verify_eddsa",
		"io.jwt.verify_es256", "io.jwt.verify_es384", "io.jwt.verify_es512", "io.jwt.verify_hs256",
		"io.jwt.verify_hs384", "io.jwt.verify_hs512", "io.jwt.verify_ps256", "io.jwt.verify_ps384",
		"io.jwt.verify_ps512", "io.jwt.verify_rs256", "io.jwt.verify_rs384", "io.jwt.verify_rs512",
		"is_array", "is_boolean", "is_null", "is_number", "is_object", "is_set", "is_string", "json.is_valid",
		"lt", "lte", "neq", "object.subset", "re_match", "regex.globs_match", "regex.is_valid", "regex.match",
		"semver.compare", "semver.is_valid", "startswith", "strings.any_prefix_match",
		"strings.any_suffix_match", "strings.count", "time.add_date", "time.parse_duration_ns",
		"time.parse_ns", "time.parse_rfc3339_ns", "type_name", "units.parse", "units.parse_bytes",
		"uri.is_valid", "uuid.parse",
	},
	"an operand, or a part of one, as it is": {
		"assign", "eq", "cast_object", "cast_string", "max", "min", "object.get", "to_number", "trim",
		"trim_left", "trim_prefix", "trim_right", "trim_space", "trim_suffix",
	},
	"evaluated step by step, under the deadline and the heap watchdog": {"walk", "print", "trace"},
}

// unsafeBuiltin reports whether user policies lose the built-in.
func unsafeBuiltin(name string) bool {
	return removedWhy(name) != ""
}

// removedWhy says why a built-in is removed, or "" when it is not.
func removedWhy(name string) string {
	if why, ok := removedReason[name]; ok {
		return why
	}
	for prefix, why := range removedPrefix {
		if strings.HasPrefix(name, prefix) {
			return why
		}
	}
	return ""
}

// The built-ins are registered process-wide (OPA looks its own table up
// before a query's), so the caps apply to the built-in rules too: their
// inputs are far below them.
func init() {
	for _, name := range slices.Sorted(maps.Keys(sandboxTable)) {
		rule := sandboxTable[name]
		orig := topdown.GetBuiltin(name)
		if orig == nil {
			panic("regosandbox: OPA has no built-in " + name) // TestSandboxClassifiesEveryBuiltin names it
		}
		arity := ast.BuiltinMap[name].Decl.Arity()
		f := orig
		if rule.wrap != nil {
			f = rule.wrap(arity, f)
		}
		switch rule.class {
		case capped:
			f = cappedBuiltin(name, arity, rule.size, f)
		case charged:
			f = chargedBuiltin(name, f)
		}
		topdown.RegisterBuiltinFunc(name, f)
	}
}

// cappedBuiltin refuses a call whose result would pass a cap, and counts
// the result against the evaluation's budget before it is built.
func cappedBuiltin(name string, arity int, size sizeFunc, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if len(ops) < arity {
			return f(bctx, ops, iter)
		}
		// The operands may end with the output; sizes read the inputs.
		cost, err := size(ops[:arity])
		if err != nil {
			return halt(bctx, name+": "+err.Error())
		}
		if err := chargeBudget(bctx, name, cost); err != nil {
			return err
		}
		return f(bctx, ops, iter)
	}
}

// chargedBuiltin counts each result against the evaluation's budget.
func chargedBuiltin(name string, f topdown.BuiltinFunc) topdown.BuiltinFunc {
	return func(bctx topdown.BuiltinContext, ops []*ast.Term, iter func(*ast.Term) error) error {
		if budgetOf(bctx.Context) == nil {
			return f(bctx, ops, iter)
		}
		return f(bctx, ops, func(t *ast.Term) error {
			if err := chargeBudget(bctx, name, shallowSize(t)); err != nil {
				return err
			}
			return iter(t)
		})
	}
}

// shallowSize is what a result costs the budget: its own bytes or
// elements, not those it shares with the operands.
func shallowSize(t *ast.Term) int64 {
	if t == nil {
		return 0
	}
	switch v := t.Value.(type) {
	case ast.String:
		return int64(len(v))
	case ast.Number:
		return int64(len(v))
	case *ast.Array:
		return int64(v.Len()) * elementBytes
	case ast.Set:
		return int64(v.Len()) * elementBytes
	case ast.Object:
		return int64(v.Len()) * 2 * elementBytes
	}
	return 0
}

// halt stops the evaluation: a plain error from a built-in only makes the
// call undefined, which would let a rule pass silently.
func halt(bctx topdown.BuiltinContext, msg string) error {
	return topdown.Halt{Err: &topdown.Error{Code: topdown.BuiltinErr, Message: msg, Location: bctx.Location}}
}

// Capabilities are what untrusted policies compile against: OPA's, less
// the removed built-ins (those that reach the network, the environment or
// the runtime, or cannot be bounded), and no host for the network.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(caps.Builtins, func(b *ast.Builtin) bool {
		return unsafeBuiltin(b.Name)
	})
	// No host at all: a nil list would allow every one to anything that
	// still fetches (OPA reads it for JSON Schema references).
	caps.AllowNet = []string{}
	return caps
}
