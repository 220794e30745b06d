package checks_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/finding"
	"github.com/shiplint/shiplint/internal/regosandbox"
)

// Hostile user policies (issue 12): each is loaded as a user rule and run
// on a Dockerfile that two built-in rules flag. The hostile rule must fail
// alone, with an error naming its file, line and the limit it hit, and the
// built-in findings must still be reported.

const hostileDockerfile = "FROM debian:latest\nUSER root\n"

// hostileRule wraps a rule body (tab-indented lines) as the user rule
// ORG001; its first body line is line 9 of the file. twice is there for
// bodies that build values by calls.
func hostileRule(body string) string {
	return "# METADATA\n# title: hostile\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.hostile\n\ndeny contains msg if {\n" +
		body + "\tmsg := \"fired\"\n}\n\ntwice(x) := [x, x]\n"
}

// hostileRules is hostileRule with more rules after it.
func hostileRules(body, rules string) string { return hostileRule(body) + "\n" + rules }

// scanWithPolicy loads dir's policies and scans the hostile Dockerfile.
func scanWithPolicy(t *testing.T, dir string) checks.FileResult {
	t.Helper()
	pack, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}, Kinds: []document.Kind{document.Dockerfile}})
	if err != nil {
		t.Fatal(err)
	}
	return pack.ScanFile(context.Background(), checks.File{Path: "Dockerfile", Kind: document.Dockerfile, Source: []byte(hostileDockerfile)}, checks.ScanOptions{})
}

// ruleLines lists the findings as "ID:line".
func ruleLines(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s:%d", f.RuleID, f.Range.StartLine))
	}
	return out
}

func notificationTexts(res checks.FileResult) []string {
	var out []string
	for _, n := range res.Notifications {
		out = append(out, n.Level+": "+n.Message)
	}
	return out
}

func TestHostilePolicyFailsAloneNamingItsLimit(t *testing.T) {
	// A 1 MB string: numbers.range's million elements are charged to the
	// budget (64 MB), the string itself is one megabyte.
	megabyte := "\ts0 := concat(\"\", [\"x\" | some i in numbers.range(1, 1000000)])\n"
	cases := []struct {
		name, body string
		line       int    // of the failing call
		err        string // after "pol/x.rego:LINE: eval_builtin_error: "
	}{
		{"nested replace", megabyte + "\ts1 := replace(s0, \"x\", s0)\n\ts2 := replace(s1, \"x\", s1)\n\tcount(s2) > 0\n",
			10, "replace: the result could reach 1,000,000,000,000 bytes, over the cap of 16,777,216 for one call in a policy"},
		{"numbers.range(1, 2e9)", "\tcount(numbers.range(1, 2e9)) > 0\n",
			9, "numbers.range: the result could reach 2,000,000,000 elements, over the cap of 1,000,000 for one call in a policy"},
		{"concat doubling in a comprehension", megabyte +
			"\ts1 := concat(\"\", [s0, s0, s0, s0, s0, s0, s0, s0])\n" +
			"\txs := [concat(\"\", [s1, s1]) | some i in numbers.range(1, 1000)]\n\tcount(xs) > 0\n",
			11, "concat: the built-in calls of this evaluation have produced over 128 MiB, the budget of one evaluation"},
		{"sprintf width", "\tf := concat(\"\", [\"%999999d\" | some i in numbers.range(1, 100)])\n" +
			"\ts := sprintf(f, [1 | some i in numbers.range(1, 100)])\n\tcount(s) > 0\n",
			// format 800 + 100 arguments of 1 byte (+400 each) + 100 verbs of width 999999 (+1+400)
			10, "sprintf: the result could reach 100,080,900 bytes, over the cap of 16,777,216 for one call in a policy"},
		{"array.concat doubling", arrayDoubling(20) + "\tcount(a20) > 0\n",
			29, "array.concat: the result could reach 1,048,576 elements, over the cap of 1,000,000 for one call in a policy"},
		{"value shared 2^30 times, marshalled", sharedDoubling(30) + "\tcount(json.marshal(a30)) > 0\n",
			40, "json.marshal: the result would be more than 16,777,216 bytes, the cap for one call in a policy"},
		{"value shared 2^30 times, printed", sharedDoubling(30) + "\tcount(sprintf(\"%v\", [a30])) > 0\n",
			40, "sprintf: the result would be more than 16,777,216 bytes, the cap for one call in a policy"},
		{"YAML aliases", "\ts := concat(\"\\n\", [\"a: &a [\\\"" + strings.Repeat("x", 100) + "\\\"]\"" + yamlAliasLevels("abcdefg") + "])\n\tyaml.unmarshal(s)\n",
			10, "yaml.unmarshal: the result could reach 115,679,029 bytes, over the cap of 16,777,216 for one call in a policy"},
		{"bits.lsh", "\tx := bits.lsh(1, 100000000)\n\tx > 0\n",
			9, "bits.lsh: the result could reach 33,333,336 digits, over the cap of 100,000 for one call in a policy"},
		{"exact big integers", squaring(9),
			18, "mul: the result could reach 153,604 digits, over the cap of 100,000 for one call in a policy"},
		{"split into single bytes", megabyte + "\ts1 := concat(\"\", [s0, s0])\n\tcount(split(s1, \"\")) > 0\n",
			11, "split: the result could reach 2,000,000 elements, over the cap of 1,000,000 for one call in a policy"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := policyDir(t, map[string]string{"x.rego": hostileRule(c.body)})
			res := scanWithPolicy(t, dir)
			file := filepath.ToSlash(filepath.Join(dir, "x.rego"))
			want := []string{fmt.Sprintf("error: Dockerfile: rule ORG001 (%s) failed: %s:%d: eval_builtin_error: %s", file, file, c.line, c.err)}
			if got := notificationTexts(res); !slices.Equal(got, want) {
				t.Errorf("notifications:\n got %q\nwant %q", got, want)
			}
			if got := ruleLines(res.Findings); !slices.Equal(got, []string{"DF002:1", "DF001:2"}) {
				t.Errorf("findings = %v, want the built-in DF002:1 DF001:2", got)
			}
		})
	}
}

// arrayDoubling builds a1 := array.concat(a0, a0) ... aN.
func arrayDoubling(n int) string {
	var b strings.Builder
	b.WriteString("\ta0 := [1]\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\ta%d := array.concat(a%d, a%d)\n", i, i-1, i-1)
	}
	return b.String()
}

// sharedDoubling builds a value that holds its parts 2^n times over, by
// comprehensions (values, which OPA builds once): small in memory.
func sharedDoubling(n int) string {
	var b strings.Builder
	b.WriteString("\ta0 := [\"xxxxxxxxxxxxxxxx\"]\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\ta%d := [x | some x in [a%d, a%d]]\n", i, i-1, i-1)
	}
	return b.String()
}

// squaring squares 1e300 n times: exact integers, twice the digits each.
func squaring(n int) string {
	var b strings.Builder
	b.WriteString("\tx0 := 1e300\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "\tx%d := x%d * x%d\n", i, i-1, i-1)
	}
	return b.String()
}

// yamlAliasLevels adds levels b: &b [*a x10], c: &c [*b x10], ...
func yamlAliasLevels(names string) string {
	var b strings.Builder
	prev := "a"
	for _, c := range names[1:] {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+",", 10), ",")
		fmt.Fprintf(&b, ", \"%c: &%c [%s]\"", c, c, refs)
		prev = string(c)
	}
	return b.String()
}

// A rule whose deny set or messages are huge, or whose deny elements
// share their parts exponentially, is read within bounds: the set is
// refused over 10,000 elements, a path that is not a list of keys lands on
// the document, a message is cut at 1 KiB.
func TestHostileDenySets(t *testing.T) {
	t.Run("too many findings", func(t *testing.T) {
		dir := policyDir(t, map[string]string{"x.rego": "# METADATA\n# title: t\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.many\n\n" +
			"deny contains sprintf(\"%d\", [i]) if some i in numbers.range(1, 10001)\n"})
		res := scanWithPolicy(t, dir)
		file := filepath.ToSlash(filepath.Join(dir, "x.rego"))
		want := []string{fmt.Sprintf("error: Dockerfile: rule ORG001 (%s): deny has 10001 elements on this document, over the cap of 10,000", file)}
		if got := notificationTexts(res); !slices.Equal(got, want) {
			t.Errorf("notifications:\n got %q\nwant %q", got, want)
		}
		if got := ruleLines(res.Findings); !slices.Equal(got, []string{"DF002:1", "DF001:2"}) {
			t.Errorf("findings = %v", got)
		}
	})
	t.Run("kubernetes rule with applies_to", func(t *testing.T) {
		// Scoped queries (scope.go) read user deny sets the same way.
		dir := policyDir(t, map[string]string{"x.rego": "# METADATA\n# title: t\n# custom:\n#   id: ORG002\n#   severity: high\n#   applies_to: [workload]\npackage shiplint.kubernetes.many\n\n" +
			"deny contains sprintf(\"%d\", [i]) if some i in numbers.range(1, 10001)\n"})
		pack, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		res := pack.ScanFile(context.Background(), checks.File{Path: "pod.yaml", Kind: document.Kubernetes, Source: []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n")}, checks.ScanOptions{})
		want := []string{fmt.Sprintf("error: pod.yaml: rule ORG002 (%s): deny has 10001 elements on this document, over the cap of 10,000", filepath.ToSlash(filepath.Join(dir, "x.rego")))}
		if got := notificationTexts(res); !slices.Equal(got, want) {
			t.Errorf("notifications:\n got %q\nwant %q", got, want)
		}
		if len(res.Findings) == 0 {
			t.Error("the built-in rules' findings on the Pod are missing")
		}
	})
	t.Run("package that is not a rule", func(t *testing.T) {
		// A _test package is not a rule (no metadata needed), but the
		// engine's query still reaches its deny set: read within bounds.
		src := "package shiplint.dockerfile.evil_test\n\ndeny contains {\"msg\": \"x\", \"path\": a40} if {\n" + sharedDoubling(40) + "}\n"
		res := scanWithPolicy(t, policyDir(t, map[string]string{"x.rego": src}))
		if got := ruleLines(res.Findings); len(res.Notifications) > 0 || !slices.Equal(got, []string{"DF002:1", "DF001:2"}) {
			t.Errorf("findings = %v, notifications %q", got, notificationTexts(res))
		}
	})
	t.Run("shared path and long message", func(t *testing.T) {
		body := sharedDoubling(40) + "\tlong := concat(\"\", [\"é\" | some i in numbers.range(1, 600)])\n"
		src := "# METADATA\n# title: t\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.shared\n\n" +
			"deny contains {\"msg\": long, \"path\": a40} if {\n" + body + "}\n"
		res := scanWithPolicy(t, policyDir(t, map[string]string{"x.rego": src}))
		if len(res.Notifications) > 0 {
			t.Errorf("notifications: %q", notificationTexts(res))
		}
		if got := ruleLines(res.Findings); !slices.Equal(got, []string{"DF002:1", "ORG001:1", "DF001:2"}) {
			t.Fatalf("findings = %v", got)
		}
		msg := res.Findings[1].Message
		if want := strings.Repeat("é", 512) + "… (cut at 1 KiB)"; msg != want {
			t.Errorf("message is %d bytes %q..., want 1 KiB of it and the mark", len(msg), msg[:20])
		}
	})
}

// A policy that builds a value by repeating a literal's variables (a :=
// [b, b], thirty deep) is refused at load: OPA would copy it out in one
// step that nothing interrupts.
func TestLiteralExpansionIsRefusedAtLoad(t *testing.T) {
	var body strings.Builder
	body.WriteString("\ta0 := [\"xxxxxxxxxxxxxxxx\"]\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&body, "\ta%d := [a%d, a%d]\n", i, i-1, i-1)
	}
	body.WriteString("\tcount(a30) > 0\n")
	dir := policyDir(t, map[string]string{"x.rego": hostileRule(body.String())})
	// a0 stands for 2 values, a1 for 5, aN for 3*2^N-1: a12 (12,287) is the first past 10,000.
	refusedAt(t, dir, 21)
	// The same through a function applied to its own result (twice(x) :=
	// [x, x] stands for 1 + 2x, so aN is 3*2^N-1 again: a12), and through
	// rules (r12, as above).
	var calls, rules strings.Builder
	calls.WriteString("\ta0 := [\"x\"]\n")
	rules.WriteString("r0 := [\"x\"]\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&calls, "\ta%d := twice(a%d)\n", i, i-1)
		fmt.Fprintf(&rules, "r%d := [r%d, r%d]\n", i, i-1, i-1)
	}
	for _, c := range []struct {
		src  string
		line int
	}{{hostileRule(calls.String()), 21}, {hostileRules("", rules.String()), 26}} {
		refusedAt(t, policyDir(t, map[string]string{"x.rego": c.src}), c.line)
	}
	// Ordinary repetition is fine.
	ok := policyDir(t, map[string]string{"x.rego": hostileRule("\tb := [input.stages, input.stages]\n\tc := {\"x\": b, \"y\": [b, b]}\n\tcount(c) > 5\n")})
	if _, err := checks.Load(context.Background(), checks.Options{Policies: []string{ok}}); err != nil {
		t.Errorf("a literal repeating a variable a few times was refused: %v", err)
	}
}

// refusedAt checks that dir's x.rego fails to load for a value expanding
// at line.
func refusedAt(t *testing.T, dir string, line int) {
	t.Helper()
	_, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}})
	want := fmt.Sprintf("policy: %s:%d: this value repeats the values it is built from more than 10,000 times (each a := [b, b], or f(x) := [x, x] applied to its own result, doubles it), and OPA copies it out in full in one step that no deadline interrupts: build it with a comprehension, or without repeating", filepath.ToSlash(filepath.Join(dir, "x.rego")), line)
	var pe *checks.PolicyError
	if !errors.As(err, &pe) || err.Error() != want {
		t.Errorf("Load error:\n got %v\nwant %s", err, want)
	}
}

// User packages may not be, contain or sit inside a built-in package: a
// user module there would change built-in results (DF001 was switched off
// by `nonroot_base if true` in its package).
func TestUserPackagesStayOutOfTheBuiltinNamespace(t *testing.T) {
	const rename = ": a policy may not add to or change the built-in rules; rename the package (rules: shiplint.<kind>.<your name>, helpers: a package outside shiplint)"
	cases := []struct{ pkg, why string }{
		{"shiplint.dockerfile.root_user", "is the package of the built-in rule DF001 (rules/dockerfile/root_user.rego)"},
		{"shiplint.dockerfile.root_user_test", "is the package of the built-in rule DF001's tests"},
		{"shiplint.dockerfile.root_user.x", "is inside shiplint.dockerfile.root_user, the package of the built-in rule DF001 (rules/dockerfile/root_user.rego)"},
		{"shiplint.dockerfile", "contains shiplint.dockerfile.add_instead_of_copy (the package of the built-in rule DF015 (rules/dockerfile/add_instead_of_copy.rego))"},
		{"shiplint", "contains shiplint.compose.apparmor_unconfined (the package of the built-in rule DC015 (rules/compose/apparmor_unconfined.rego))"},
		{"shiplint.lib", "is the built-in helpers"},
		{"shiplint.lib.x", "is inside shiplint.lib, the built-in helpers"},
		{"shiplint.lib_test", "is the built-in helpers"},
		{"shiplint_engine", "is the engine's query"},
		{"shiplint_config.params", "is inside shiplint_config, the engine's parameters"},
	}
	for _, c := range cases {
		t.Run(c.pkg, func(t *testing.T) {
			dir := policyDir(t, map[string]string{"x.rego": "package " + c.pkg + "\n\nnonroot_base if true\n"})
			_, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}})
			want := "policy: " + filepath.ToSlash(filepath.Join(dir, "x.rego")) + ":1: package " + c.pkg + " " + c.why + rename
			var pe *checks.PolicyError
			if !errors.As(err, &pe) || err.Error() != want {
				t.Errorf("Load error:\n got %v\nwant %s", err, want)
			}
		})
	}
	// Beside the built-in rules, and outside shiplint, is fine.
	for _, pkg := range []string{"shiplint.dockerfile.root_user_extra", "shiplint.kubernetes.mine", "shiplint.lib2", "mycompany.lib"} {
		dir := policyDir(t, map[string]string{"x.rego": "package " + pkg + "\n\nx := 1\n"})
		if _, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}}); err != nil {
			t.Errorf("package %s refused: %v", pkg, err)
		}
	}
}

// A policy directory loaded as "rules" holds files named like the
// built-in ones: refused, or the two modules would replace each other.
func TestPolicyFileNamedLikeABuiltinOne(t *testing.T) {
	root := t.TempDir()
	policyDirAt(t, filepath.Join(root, "rules", "dockerfile"), map[string]string{"root_user.rego": "package shiplint.dockerfile.mine\n\nx := 1\n"})
	t.Chdir(root)
	_, err := checks.Load(context.Background(), checks.Options{Policies: []string{"rules"}})
	want := "policy: rules/dockerfile/root_user.rego: has the path of a built-in rule file; load the policy directory under another path (e.g. its absolute path)"
	if err == nil || err.Error() != want {
		t.Errorf("Load error:\n got %v\nwant %s", err, want)
	}
}

func policyDirAt(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := mkdirFiles(dir, files); err != nil {
		t.Fatal(err)
	}
}

// Built-ins that reach outside the policy or the clock are not there: a
// policy that calls one fails to load at its line.
func TestRemovedBuiltinsFailToLoad(t *testing.T) {
	for _, call := range []string{
		`json.match_schema("{}", {"$ref": "file:///etc/hostname"})`,
		`io.jwt.encode_sign({"alg": "HS256"}, {}, {"kty": "oct", "k": "eA"})`,
		`crypto.x509.parse_and_verify_certificates("")`,
		`strings.render_template("{{.}}", {})`,
		`time.now_ns()`,
	} {
		dir := policyDir(t, map[string]string{"x.rego": hostileRule("\tx := " + call + "\n\tx\n")})
		_, err := checks.Load(context.Background(), checks.Options{Policies: []string{dir}})
		name := call[:strings.IndexByte(call, '(')]
		want := fmt.Sprintf("policy: %s:9: rego_type_error: undefined function %s", filepath.ToSlash(filepath.Join(dir, "x.rego")), name)
		if err == nil || err.Error() != want {
			t.Errorf("Load error:\n got %v\nwant %s", err, want)
		}
	}
}

// Rules see a fixed clock: a token valid from five seconds before
// regosandbox.DefaultEvalTime to five seconds after is valid in every scan,
// whatever the time of day, and one that expired a second before it is not.
func TestTimeReadingBuiltinsSeeTheFixedClock(t *testing.T) {
	at := regosandbox.DefaultEvalTime.Unix()
	valid := hs256Token(t, fmt.Sprintf(`{"nbf": %d, "exp": %d}`, at-5, at+5))
	expired := hs256Token(t, fmt.Sprintf(`{"exp": %d}`, at-1))
	src := "# METADATA\n# title: t\n# custom:\n#   id: ORG001\n#   severity: high\npackage shiplint.dockerfile.clock\n\n" +
		"deny contains name if {\n\tsome name, token in {\"valid\": \"" + valid + "\", \"expired\": \"" + expired + "\"}\n" +
		"\t[valid, _, _] := io.jwt.decode_verify(token, {\"secret\": \"s3cret\"})\n\tvalid\n}\n\n" +
		"deny contains \"certificate\" if {\n\t[valid, _] := crypto.x509.parse_and_verify_certificates_with_options(`" + certChain(t) + "`, {})\n\tvalid\n}\n"
	res := scanWithPolicy(t, policyDir(t, map[string]string{"x.rego": src}))
	var msgs []string
	for _, f := range res.Findings {
		if f.RuleID == "ORG001" {
			msgs = append(msgs, f.Message)
		}
	}
	slices.Sort(msgs)
	if !slices.Equal(msgs, []string{"certificate", "valid"}) || len(res.Notifications) > 0 {
		t.Errorf("ORG001 messages = %q, notifications %q; want the certificate and the token valid at the fixed instant", msgs, notificationTexts(res))
	}
}

// certChain is a root and a server certificate it signed, both valid for
// an hour either side of regosandbox.DefaultEvalTime, in PEM.
func certChain(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	at := regosandbox.DefaultEvalTime
	root := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "root"},
		NotBefore: at.Add(-time.Hour), NotAfter: at.Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "leaf"},
		NotBefore: at.Add(-time.Hour), NotAfter: at.Add(time.Hour), ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	var out []byte
	for _, c := range []*x509.Certificate{root, leaf} {
		der, err := x509.CreateCertificate(rand.Reader, c, root, &key.PublicKey, key)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})...)
	}
	return string(out)
}

// mkdirFiles writes files into dir, creating it.
func mkdirFiles(dir string, files map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hs256Token signs a JWT with the secret "s3cret".
func hs256Token(t *testing.T, claims string) string {
	t.Helper()
	enc := base64.RawURLEncoding
	unsigned := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(claims))
	mac := hmac.New(sha256.New, []byte("s3cret"))
	mac.Write([]byte(unsigned))
	return unsigned + "." + enc.EncodeToString(mac.Sum(nil))
}

// `shiplint test` runs the user's Rego tests in the same sandbox: its
// modules are checked before anything runs, and the tester, which sets the
// time of day itself, still gets the fixed clock.
func TestRegoTestsRunSandboxed(t *testing.T) {
	dir := policyDir(t, map[string]string{"x_test.rego": "package shiplint.lib.x\n\ntest_x if true\n"})
	_, err := checks.RunRegoTests(context.Background(), checks.Options{Policies: []string{dir}, NoBuiltin: true})
	want := "policy: " + filepath.ToSlash(filepath.Join(dir, "x_test.rego")) + ":1: package shiplint.lib.x is inside shiplint.lib, the built-in helpers: a policy may not add to or change the built-in rules; rename the package (rules: shiplint.<kind>.<your name>, helpers: a package outside shiplint)"
	if err == nil || err.Error() != want {
		t.Errorf("RunRegoTests error:\n got %v\nwant %s", err, want)
	}

	at := regosandbox.DefaultEvalTime.Unix()
	token := hs256Token(t, fmt.Sprintf(`{"nbf": %d, "exp": %d}`, at-5, at+5))
	dir = policyDir(t, map[string]string{"clock_test.rego": "package mycompany.clock_test\n\ntest_token_valid_at_the_fixed_instant if {\n" +
		"\t[valid, _, _] := io.jwt.decode_verify(\"" + token + "\", {\"secret\": \"s3cret\"})\n\tvalid\n}\n"})
	results, err := checks.RunRegoTests(context.Background(), checks.Options{Policies: []string{dir}, NoBuiltin: true})
	if err != nil || len(results) != 1 || !results[0].Passed {
		t.Errorf("results = %+v, %v; want test_token_valid_at_the_fixed_instant to pass", results, err)
	}
}
