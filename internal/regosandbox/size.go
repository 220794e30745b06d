package regosandbox

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"go.yaml.in/yaml/v3"
)

// The size functions of the capped built-ins (builtins.go). Each computes,
// from the operands and without building the result, an upper bound on
// what the call produces, so that the call is refused before it allocates.
// A bound that is not exact errs on the large side; the caps are far enough
// above real use that it does not matter.

// tooBig is a result over a cap. A size of limit+1 comes from an estimate
// that stopped counting there.
func tooBig(size, limit int64, unit string) error {
	if size == limit+1 {
		return fmt.Errorf("the result would be more than %s %s, the cap for one call in a policy", FormatCount(limit), unit)
	}
	return fmt.Errorf("the result could reach %s %s, over the cap of %s for one call in a policy", FormatCount(size), unit, FormatCount(limit))
}

// bytesResult checks a string result of n bytes against the cap.
func bytesResult(n int64) (int64, error) {
	if n > maxResultBytes || n < 0 {
		return 0, tooBig(clampNeg(n), maxResultBytes, "bytes")
	}
	return n, nil
}

// elementsResult checks a collection of n elements against the cap.
func elementsResult(n int64) (int64, error) {
	if n > maxResultElements || n < 0 {
		return 0, tooBig(clampNeg(n), maxResultElements, "elements")
	}
	return n * elementBytes, nil
}

// clampNeg turns an overflowed count into the largest one.
func clampNeg(n int64) int64 {
	if n < 0 {
		return math.MaxInt64
	}
	return n
}

// add and mul saturate instead of overflowing.
func add(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

func mul(a, b int64) int64 {
	if a != 0 && b > math.MaxInt64/a {
		return math.MaxInt64
	}
	return a * b
}

func str(t *ast.Term) (string, bool) {
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return string(s), ok
}

// concat(delimiter, collection): the strings and a delimiter between each.
func concatSize(ops []*ast.Term) (int64, error) {
	delim, ok := str(ops[0])
	if !ok {
		return 0, nil
	}
	var n, count int64
	each(ops[1].Value, func(t *ast.Term) {
		s, _ := str(t)
		n = add(n, int64(len(s)))
		count++
	})
	if count > 1 {
		n = add(n, mul(count-1, int64(len(delim))))
	}
	return bytesResult(n)
}

// each calls f for the elements of an array or a set.
func each(v ast.Value, f func(*ast.Term)) {
	switch c := v.(type) {
	case *ast.Array:
		c.Foreach(f)
	case ast.Set:
		c.Foreach(f)
	}
}

// replace(s, old, new): exact, from the number of occurrences (an empty
// old matches at every byte: OPA uses a strings.Replacer).
func replaceSize(ops []*ast.Term) (int64, error) {
	s, ok1 := str(ops[0])
	old, ok2 := str(ops[1])
	repl, ok3 := str(ops[2])
	if !ok1 || !ok2 || !ok3 || len(repl) <= len(old) {
		return int64(len(s)), nil
	}
	var count int64
	if old == "" {
		count = int64(len(s)) + 1 // strings.Replacer inserts at every byte
	} else {
		count = int64(strings.Count(s, old))
	}
	return bytesResult(add(int64(len(s)), mul(count, int64(len(repl)-len(old)))))
}

// strings.replace_n(patterns, s): each pattern replaced at most as often
// as it occurs without overlap (strings.Count), however the replacer
// picks among patterns.
func replaceNSize(ops []*ast.Term) (int64, error) {
	obj, ok1 := ops[0].Value.(ast.Object)
	s, ok2 := str(ops[1])
	if !ok1 || !ok2 {
		return 0, nil
	}
	n := int64(len(s))
	// Counting costs a pass over s per pattern: bound the work too.
	if mul(int64(obj.Len()), int64(len(s))) > 1<<32 {
		return 0, errors.New("too many patterns for the length of the string (patterns times length over 2^32)")
	}
	var err error
	obj.Foreach(func(k, v *ast.Term) {
		old, ok1 := str(k)
		repl, ok2 := str(v)
		if !ok1 || !ok2 || len(repl) <= len(old) || err != nil {
			return
		}
		count := int64(len(s)) + 1
		if old != "" {
			count = int64(strings.Count(s, old))
		}
		n = add(n, mul(count, int64(len(repl)-len(old))))
		if n > maxResultBytes {
			err = tooBig(maxResultBytes+1, maxResultBytes, "bytes")
		}
	})
	if err != nil {
		return 0, err
	}
	return bytesResult(n)
}

// regex.replace(s, pattern, value): matches do not overlap, so the text
// the $n references copy adds up to at most s once per reference, and
// there are at most len(s)+1 matches.
func regexReplaceSize(ops []*ast.Term) (int64, error) {
	s, ok1 := str(ops[0])
	repl, ok2 := str(ops[2])
	if !ok1 || !ok2 {
		return 0, nil
	}
	refs := int64(strings.Count(repl, "$"))
	n := add(mul(int64(len(s)), 1+refs), mul(int64(len(s))+1, int64(len(repl))))
	return bytesResult(n)
}

// scaledString is a string result num/den times the operand's length,
// plus extra (base64: 4/3, hex: 2).
func scaledString(num, den, extra int64) sizeFunc {
	return func(ops []*ast.Term) (int64, error) {
		s, ok := str(ops[0])
		if !ok {
			return 0, nil
		}
		return bytesResult(add(mul(int64(len(s)), num)/den, extra))
	}
}

// urlquery.encode_object(object): every key and value escaped (3 bytes
// a byte at most), with = and & between them.
func urlqueryObjectSize(ops []*ast.Term) (int64, error) {
	obj, ok := ops[0].Value.(ast.Object)
	if !ok {
		return 0, nil
	}
	stop := int64(maxResultBytes + 1)
	var n int64
	obj.Foreach(func(k, v *ast.Term) {
		key := textSize(k.Value, opaText, 0, stop)
		if _, ok := v.Value.(ast.String); ok {
			n = add(n, 3*key+3*textSize(v.Value, opaText, 0, stop)+2)
			return
		}
		each(v.Value, func(t *ast.Term) {
			n = add(n, 3*key+3*textSize(t.Value, opaText, 0, stop)+2)
		})
	})
	return bytesResult(stopped(n))
}

// format_int(number, base): the digits of the integer part in the base
// (base 2 takes 3.33 digits a decimal digit).
func formatIntSize(ops []*ast.Term) (int64, error) {
	n, ok := ops[0].Value.(ast.Number)
	if !ok {
		return 0, nil
	}
	factor := int64(2)
	if b, ok := ops[1].Value.(ast.Number); ok && string(b) == "2" {
		factor = 4
	}
	return bytesResult(add(mul(plainDigits(n), factor), 2))
}

// plainDigits is how many characters n takes written out in full, as a
// big integer or an exact decimal (1e6 is 1000000): an upper bound.
func plainDigits(n ast.Number) int64 {
	s := string(n)
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return int64(len(s))
	}
	exp, err := strconv.ParseInt(strings.TrimPrefix(s[i+1:], "+"), 10, 64)
	if err != nil {
		return math.MaxInt64 // an exponent past int64: more than any cap
	}
	if exp < 0 {
		exp = -exp
	}
	return add(int64(i), exp)
}

// digitsRule combines the digits of the operands into the result's.
type digitsRule func(digits []int64) int64

// maxPlus: a sum, a remainder, bitwise operations, rounding.
func maxPlus(k int64) digitsRule {
	return func(ds []int64) int64 {
		var m int64
		for _, d := range ds {
			m = max(m, d)
		}
		return add(m, k)
	}
}

// sumPlus: a product or a quotient has the digits of both operands.
func sumPlus(k int64) digitsRule {
	return func(ds []int64) int64 {
		var s int64
		for _, d := range ds {
			s = add(s, d)
		}
		return add(s, k)
	}
}

// numberSize applies rule to operands that are all numbers (minus, and
// the bitwise operators, also take sets: those are charged elsewhere).
func numberSize(rule digitsRule) sizeFunc {
	return func(ops []*ast.Term) (int64, error) {
		ds := make([]int64, 0, len(ops))
		for _, op := range ops {
			n, ok := op.Value.(ast.Number)
			if !ok {
				return 0, nil
			}
			ds = append(ds, plainDigits(n))
		}
		return digitsResult(rule(ds))
	}
}

func digitsResult(d int64) (int64, error) {
	if d > maxNumberDigits {
		return 0, tooBig(d, maxNumberDigits, "digits")
	}
	return d, nil
}

// bits.lsh(x, s): x's digits and s bits more (0.302 digits a bit).
func lshSize(ops []*ast.Term) (int64, error) {
	x, ok1 := ops[0].Value.(ast.Number)
	s, ok2 := ops[1].Value.(ast.Number)
	if !ok1 || !ok2 {
		return 0, nil
	}
	if plainDigits(s) > 20 {
		return digitsResult(math.MaxInt64)
	}
	shift, err := builtins.NumberToInt(s)
	if err != nil || shift.Sign() < 0 {
		return 0, nil
	}
	if !shift.IsInt64() {
		return digitsResult(math.MaxInt64)
	}
	return digitsResult(add(plainDigits(x), shift.Int64()/3+2))
}

// sum and product of a collection of numbers.
func aggregateSize(product bool) sizeFunc {
	return func(ops []*ast.Term) (int64, error) {
		var ds []int64
		ok := true
		each(ops[0].Value, func(t *ast.Term) {
			n, isNum := t.Value.(ast.Number)
			ok = ok && isNum
			if isNum {
				ds = append(ds, plainDigits(n))
			}
		})
		if !ok {
			return 0, nil
		}
		if product {
			return digitsResult(sumPlus(int64(2 * len(ds)))(ds))
		}
		return digitsResult(maxPlus(20)(ds))
	}
}

// numbers.range(a, b) and numbers.range_step(a, b, step): |b-a|/step+1.
func rangeSize(ops []*ast.Term) (int64, error) {
	ints := make([]*big.Int, len(ops))
	for i, op := range ops {
		n, ok := op.Value.(ast.Number)
		if !ok {
			return 0, nil
		}
		if plainDigits(n) > maxNumberDigits {
			return digitsResult(plainDigits(n))
		}
		v, err := builtins.NumberToInt(n) // as the built-in reads it: 2e9 is an integer
		if err != nil {
			return 0, nil // not an integer: the built-in says so
		}
		ints[i] = v
	}
	count := new(big.Int).Sub(ints[1], ints[0])
	count.Abs(count)
	if len(ints) == 3 {
		if ints[2].Sign() <= 0 {
			return 0, nil
		}
		count.Quo(count, ints[2])
	}
	count.Add(count, big.NewInt(1))
	if !count.IsInt64() {
		return elementsResult(math.MaxInt64)
	}
	return elementsResult(count.Int64())
}

// array.concat(a, b).
func arrayConcatSize(ops []*ast.Term) (int64, error) {
	a, ok1 := ops[0].Value.(*ast.Array)
	b, ok2 := ops[1].Value.(*ast.Array)
	if !ok1 || !ok2 {
		return 0, nil
	}
	return elementsResult(int64(a.Len()) + int64(b.Len()))
}

// array.flatten(a): one level, so each nested array adds its length.
func arrayFlattenSize(ops []*ast.Term) (int64, error) {
	a, ok := ops[0].Value.(*ast.Array)
	if !ok {
		return 0, nil
	}
	var n int64
	a.Foreach(func(t *ast.Term) {
		if inner, ok := t.Value.(*ast.Array); ok {
			n += int64(inner.Len())
		} else {
			n++
		}
	})
	return elementsResult(n)
}

// split(s, d) and strings.split_n(s, d, n): the parts, exactly.
func splitSize(ops []*ast.Term) (int64, error) {
	s, ok1 := str(ops[0])
	d, ok2 := str(ops[1])
	if !ok1 || !ok2 {
		return 0, nil
	}
	var parts int64
	switch {
	case int64(len(s))+1 <= maxResultElements:
		parts = int64(len(s)) + 1 // no need to count
	case d == "":
		parts = int64(utf8.RuneCountInString(s))
	default:
		parts = int64(strings.Count(s, d)) + 1
	}
	if len(ops) == 3 {
		if n, ok := ops[2].Value.(ast.Number); ok {
			if limit, ok := n.Int64(); ok && limit >= 0 {
				parts = min(parts, limit)
			}
		}
	}
	return elementsResult(parts)
}

// indexof_n(s, sub): every position sub starts at, overlaps included.
func indexOfNSize(ops []*ast.Term) (int64, error) {
	s, ok1 := str(ops[0])
	sub, ok2 := str(ops[1])
	if !ok1 || !ok2 || sub == "" {
		return 0, nil
	}
	if int64(len(s)) <= maxResultElements {
		return elementsResult(int64(len(s)))
	}
	var n int64
	for i := 0; ; n++ {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			break
		}
		i += j + 1
	}
	return elementsResult(n)
}

// regex.split(pattern, s): one more part than matches.
func regexSplitSize(ops []*ast.Term) (int64, error) {
	n, err := countMatches(ops[0], ops[1], -1)
	if err != nil || n < 0 {
		return 0, err
	}
	return elementsResult(n + 1)
}

// regex.find_n and regex.find_all_string_submatch_n(pattern, s, n): the
// matches (each with its groups, for the second).
func regexFindNSize(ops []*ast.Term) (int64, error) {
	limit := int64(-1)
	if n, ok := ops[2].Value.(ast.Number); ok {
		if l, ok := n.Int64(); ok && l >= 0 {
			limit = l
		}
	}
	n, err := countMatches(ops[0], ops[1], limit)
	if err != nil || n < 0 {
		return 0, err
	}
	// A group opens with "(": counting them bounds the groups without
	// compiling the pattern, which built-in rules call this with often.
	p, _ := str(ops[0])
	groups := 1 + int64(strings.Count(p, "("))
	if mul(n, groups) > maxResultElements {
		if re, err := regexp.Compile(p); err == nil {
			groups = 1 + int64(re.NumSubexp())
		}
	}
	return elementsResult(mul(n, groups))
}

// countMatches counts the matches of a pattern in s, up to limit (-1: all)
// and one past the cap; -1 when the operands are not a valid pattern and a
// string (the built-in reports that). A string shorter than the cap
// cannot hold more matches than bytes, which saves the counting.
func countMatches(pattern, s *ast.Term, limit int64) (int64, error) {
	p, ok1 := str(pattern)
	text, ok2 := str(s)
	if !ok1 || !ok2 {
		return -1, nil
	}
	most := int64(len(text)) + 1
	if limit >= 0 {
		most = min(most, limit)
	}
	if most <= maxResultElements {
		return most, nil
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return -1, nil
	}
	stop := int64(maxResultElements + 1)
	if limit >= 0 {
		stop = min(stop, limit)
	}
	return int64(len(re.FindAllStringIndex(text, int(stop)))), nil
}

// json.unmarshal(s) and yaml.unmarshal(s): the parsed value takes many
// times the text in terms; YAML aliases can repeat a node any number of
// times, so YAML is measured with its aliases expanded.
func parsedSize(ops []*ast.Term) (int64, error) {
	s, ok := str(ops[0])
	if !ok {
		return 0, nil
	}
	if _, err := bytesResult(int64(len(s))); err != nil {
		return 0, err
	}
	return mul(int64(len(s)), 32), nil
}

// yamlUnmarshalSize adds, to parsedSize, the YAML with its aliases
// expanded: a 1 MB anchor referenced a thousand times is a gigabyte of
// JSON before it is a value.
func yamlUnmarshalSize(ops []*ast.Term) (int64, error) {
	cost, err := parsedSize(ops)
	if err != nil || cost == 0 {
		return cost, err
	}
	s, _ := str(ops[0])
	var doc yaml.Node
	if yaml.Unmarshal([]byte(s), &doc) != nil {
		return cost, nil // the built-in reports the error
	}
	m := &yamlMeasure{memo: map[*yaml.Node][2]int64{}}
	bytes, nodes := m.size(&doc, 0)
	if _, err := bytesResult(bytes); err != nil {
		return 0, err
	}
	if _, err := elementsResult(nodes); err != nil {
		return 0, err
	}
	return max(cost, add(bytes, mul(nodes, elementBytes))), nil
}

// yamlMeasure sizes a YAML node tree with aliases expanded, each anchored
// node measured once.
type yamlMeasure struct {
	memo map[*yaml.Node][2]int64
}

func (m *yamlMeasure) size(n *yaml.Node, depth int) (bytes, nodes int64) {
	if n == nil || depth > 10000 {
		return 0, 0
	}
	if r, ok := m.memo[n]; ok {
		return r[0], r[1]
	}
	switch n.Kind {
	case yaml.AliasNode:
		bytes, nodes = m.size(n.Alias, depth+1)
	case yaml.ScalarNode:
		bytes, nodes = int64(len(n.Value))+2, 1
	default:
		nodes = 1
		for _, c := range n.Content {
			b, k := m.size(c, depth+1)
			bytes, nodes = add(bytes, b+1), add(nodes, k)
		}
	}
	m.memo[n] = [2]int64{bytes, nodes}
	return bytes, nodes
}

// textStyle says how a value is written out: OPA's own notation (what
// sprintf and template strings print for composite values), JSON, or
// YAML. Each is an upper bound on the bytes per element.
type textStyle struct {
	// a string of n bytes takes at most n*strMul+strAdd (escaping)
	strMul, strAdd int64
	// each element costs sep, and each line, when lines are indented,
	// prefix plus depth times indent
	sep            int64
	indent, prefix int64
	lines          bool
	// yamlFold: YAML folds long strings, each fold a new, indented line
	yamlFold bool
}

var (
	// OPA's notation quotes strings as strconv.Quote does: \x00 is 4 bytes.
	opaText = &textStyle{strMul: 4, strAdd: 2, sep: 2}
	// encoding/json escapes <, > and & as \u003c: 6 bytes.
	jsonText = &textStyle{strMul: 6, strAdd: 2, sep: 1}
	// go-yaml indents by 4 and may fold a string at every space once a
	// line is past its width.
	yamlText = &textStyle{strMul: 4, strAdd: 16, sep: 4, indent: 4, lines: true, yamlFold: true}
)

// textSize is how many bytes v takes written in style st, counting no
// further than stop: a value whose parts are shared (a := [b, b], b :=
// [c, c], ...) is small in memory and exponential written out, and the
// walk must not take that long itself.
func textSize(v ast.Value, st *textStyle, depth int, stop int64) int64 {
	var n int64
	walkText(v, st, depth, &n, stop)
	return min(n, stop)
}

func walkText(v ast.Value, st *textStyle, depth int, n *int64, stop int64) {
	if *n >= stop {
		return
	}
	line := int64(0)
	if st.lines {
		line = add(st.prefix, mul(int64(depth), st.indent)) + 1
	}
	switch x := v.(type) {
	case ast.String:
		per := st.strMul
		if st.yamlFold {
			per = add(per, line+2)
		}
		*n = add(*n, add(mul(int64(len(x)), per), st.strAdd+line))
	case ast.Number:
		*n = add(*n, int64(len(x))+line)
	case *ast.Array:
		*n = add(*n, 2+line)
		x.Until(func(t *ast.Term) bool {
			*n = add(*n, st.sep+line)
			walkText(t.Value, st, depth+1, n, stop)
			return *n >= stop
		})
	case ast.Set:
		*n = add(*n, 2+line)
		x.Until(func(t *ast.Term) bool {
			*n = add(*n, st.sep+line)
			walkText(t.Value, st, depth+1, n, stop)
			return *n >= stop
		})
	case ast.Object:
		*n = add(*n, 2+line)
		x.Until(func(k, t *ast.Term) bool {
			*n = add(*n, 2*st.sep+line)
			walkText(k.Value, st, depth+1, n, stop)
			walkText(t.Value, st, depth+1, n, stop)
			return *n >= stop
		})
	default:
		*n = add(*n, int64(len(v.String()))+line)
	}
}

// json.marshal(x).
func jsonMarshalSize(ops []*ast.Term) (int64, error) {
	return bytesResult(textSize(ops[0].Value, jsonText, 0, maxResultBytes+1))
}

// json.marshal_with_options(x, opts): with pretty printing, every element
// is a line of prefix and indentation.
func jsonMarshalOptionsSize(ops []*ast.Term) (int64, error) {
	st := *jsonText
	if opts, ok := ops[1].Value.(ast.Object); ok {
		st.lines = true
		st.indent = 1 // "\t" by default
		if s, ok := str(opts.Get(ast.InternedTerm("indent"))); ok {
			st.indent = int64(len(s))
		}
		if s, ok := str(opts.Get(ast.InternedTerm("prefix"))); ok {
			st.prefix = int64(len(s))
		}
	}
	return bytesResult(textSize(ops[0].Value, &st, 0, maxResultBytes+1))
}

// yaml.marshal(x).
func yamlMarshalSize(ops []*ast.Term) (int64, error) {
	return bytesResult(textSize(ops[0].Value, yamlText, 0, maxResultBytes+1))
}

// internal.template_string(parts): each part is a value or the set of
// values an expression took (a template string has one result, so the
// longest of them).
func templateStringSize(ops []*ast.Term) (int64, error) {
	parts, ok := ops[0].Value.(*ast.Array)
	if !ok {
		return 0, nil
	}
	var n int64
	parts.Foreach(func(t *ast.Term) {
		n = add(n, longestPrinted(t.Value))
	})
	return bytesResult(stopped(n))
}

// internal.print(parts) prints one line per combination of the values its
// parts took.
func printSize(ops []*ast.Term) (int64, error) {
	parts, ok := ops[0].Value.(*ast.Array)
	if !ok {
		return 0, nil
	}
	lines, width := int64(1), int64(0)
	parts.Foreach(func(t *ast.Term) {
		if s, ok := t.Value.(ast.Set); ok && s.Len() > 0 {
			lines = mul(lines, int64(s.Len()))
		}
		width = add(width, longestPrinted(t.Value)+1)
	})
	return bytesResult(stopped(mul(lines, width)))
}

// stopped turns a sum that a walk cut short (at the cap plus one) into
// "more than the cap", rather than a made-up size.
func stopped(n int64) int64 {
	if n > maxResultBytes {
		return maxResultBytes + 1
	}
	return n
}

// longestPrinted is the longest text a template or print part prints:
// strings as they are, other values in OPA's notation.
func longestPrinted(v ast.Value) int64 {
	stop := int64(maxResultBytes + 1)
	printed := func(v ast.Value) int64 {
		if s, ok := v.(ast.String); ok {
			return int64(len(s))
		}
		return textSize(v, opaText, 0, stop)
	}
	s, ok := v.(ast.Set)
	if !ok {
		return printed(v)
	}
	var most int64
	s.Until(func(t *ast.Term) bool {
		most = max(most, printed(t.Value))
		return most >= stop
	})
	return most
}

// sprintf(format, args) writes the format's text, each verb's argument
// padded to its width and precision (fmt refuses either over 10^6), and
// the arguments no verb used. OPA turns a composite argument into text
// before fmt sees it, so every argument is written out at least once.
func sprintfSize(ops []*ast.Term) (int64, error) {
	format, ok1 := str(ops[0])
	args, ok2 := ops[1].Value.(*ast.Array)
	if !ok1 || !ok2 {
		return 0, nil
	}
	sizes := make([]int64, args.Len())
	n := int64(len(format))
	for i := range sizes {
		sizes[i] = printedArg(args.Elem(i).Value)
		if sizes[i] > maxResultBytes {
			return bytesResult(maxResultBytes + 1) // the walk stopped there
		}
		n = add(n, sizes[i]+fmtOverhead)
	}
	argNum := 0
	for i := 0; i < len(format); {
		if format[i] != '%' {
			i++
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("#0+- ", format[i]) >= 0 {
			i++
		}
		var width, prec int64
		argNum, i = fmtArgIndex(format, i, argNum)
		if i < len(format) && format[i] == '*' {
			width, argNum, i = fmtIntArg(args, argNum), argNum+1, i+1
		} else {
			width, i = fmtNum(format, i)
		}
		if i < len(format) && format[i] == '.' {
			argNum, i = fmtArgIndex(format, i+1, argNum)
			if i < len(format) && format[i] == '*' {
				prec, argNum, i = fmtIntArg(args, argNum), argNum+1, i+1
			} else {
				prec, i = fmtNum(format, i)
			}
		}
		argNum, i = fmtArgIndex(format, i, argNum)
		if i >= len(format) {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		i += size
		if verb == '%' {
			n = add(n, 1) // %% absorbs no argument and ignores width
			continue
		}
		var arg int64
		if argNum >= 0 && argNum < len(sizes) {
			arg = sizes[argNum]
		}
		n = add(n, add(width+prec, add(mul(verbFactor(verb), arg), fmtOverhead)))
		argNum++
	}
	return bytesResult(n)
}

// fmtOverhead covers what fmt adds around one argument: "%!d(string=...)"
// for a verb that does not fit, and the 330 digits %f writes for a
// float64 near its maximum.
const fmtOverhead = 400

// fmtMaxNum is past what fmt accepts as a width or precision (10^6).
const fmtMaxNum = 10_000_000

// printedArg is how long an argument is as text: OPA passes strings and
// numbers to fmt, and other values written in its notation.
func printedArg(v ast.Value) int64 {
	switch x := v.(type) {
	case ast.String:
		return int64(len(x))
	case ast.Number:
		return int64(len(x))
	}
	return textSize(v, opaText, 0, maxResultBytes+1)
}

// verbFactor is how many bytes a verb writes per byte of its argument at
// most: %x with "# " flags writes "0x41 " for a byte, %q escapes a control
// byte as \x01, %b writes 3.3 binary digits per decimal digit.
func verbFactor(verb rune) int64 {
	switch verb {
	case 'x', 'X':
		return 5
	case 'q', 'b':
		return 4
	case 'o', 'O':
		return 2
	}
	return 1
}

// fmtArgIndex reads an explicit argument index "[n]", as fmt does.
func fmtArgIndex(format string, i, argNum int) (int, int) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i
	}
	end := strings.IndexByte(format[i:], ']')
	if end < 0 {
		return argNum, i + 1
	}
	n, err := strconv.Atoi(format[i+1 : i+end])
	if err != nil || n < 1 {
		return argNum, i + end + 1
	}
	return n - 1, i + end + 1
}

// fmtNum reads a width or precision; fmt gives up past 10^6, which the
// estimate caps a little higher.
func fmtNum(format string, i int) (int64, int) {
	var n int64
	for i < len(format) && '0' <= format[i] && format[i] <= '9' {
		n = min(n*10+int64(format[i]-'0'), fmtMaxNum)
		i++
	}
	return n, i
}

// fmtIntArg is a width or precision taken from an argument (*).
func fmtIntArg(args *ast.Array, argNum int) int64 {
	if argNum < 0 || argNum >= args.Len() {
		return 0
	}
	n, ok := args.Elem(argNum).Value.(ast.Number)
	if !ok {
		return 0
	}
	v, ok := n.Int64()
	if !ok || v > fmtMaxNum || v < -fmtMaxNum {
		return 0 // fmt: BADWIDTH
	}
	return max(v, -v)
}
