package suppress

import (
	"regexp"
	"strings"
	"testing"
)

// Every directive a comment can hold, and every annotation, contains one of
// the markers MayHold looks for: otherwise a file would be skipped whose
// suppression should apply.
func TestMarkersCoverDirectives(t *testing.T) {
	for _, re := range []*regexp.Regexp{shiplintRe, hadolintRe, trivyRe, checkovRe, kicsRe} {
		unanchored := regexp.MustCompile(strings.TrimPrefix(re.String(), "^"))
		prefix, _ := unanchored.LiteralPrefix()
		if !covered(prefix) {
			t.Errorf("no marker in the literal prefix %q of %s", prefix, re)
		}
	}
	for _, key := range []string{AnnotationKey, kubeLinterPrefix + "privileged-container", checkovAnnotationPrefix + "1"} {
		if !covered(key) {
			t.Errorf("no marker in annotation %q", key)
		}
	}
}

func covered(s string) bool {
	for _, m := range markers {
		if strings.Contains(s, string(m)) {
			return true
		}
	}
	return false
}

func TestMayHold(t *testing.T) {
	for src, want := range map[string]bool{
		"FROM alpine\nRUN apk add curl # shiplint ignore=DF026 -- pinned elsewhere\n": true,
		"FROM alpine\n# hadolint ignore=DL3018\nRUN apk add curl\n":                   true,
		"metadata:\n  annotations:\n    ignore-check.kube-linter.io/privileged: x\n":  true,
		"services:\n  web: # kics-scan ignore-line\n    image: nginx\n":               true,
		"FROM alpine\nRUN apk add curl # ignore this\n":                               false,
		"": false,
	} {
		if got := MayHold([]byte(src)); got != want {
			t.Errorf("MayHold(%q) = %v, want %v", src, got, want)
		}
	}
}
