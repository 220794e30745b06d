package discover

import (
	"bytes"
	"regexp"

	"github.com/shiplint/shiplint/internal/document"
)

var (
	apiVersionLine = regexp.MustCompile(`(?m)^(?:- )?apiVersion:[ \t]*["']?[A-Za-z0-9]`)
	kindLine       = regexp.MustCompile(`(?m)^(?:- )?kind:[ \t]*["']?[A-Za-z]`)
)

// KindOfContent decides whether YAML that is not named like a Compose file
// is a Kubernetes manifest: some document carries top-level apiVersion and
// kind. Templates (Helm's {{ }}) are not YAML until rendered, so they are
// not scanned.
func KindOfContent(src []byte) (document.Kind, bool) {
	if bytes.Contains(src, []byte("{{")) {
		return "", false
	}
	if apiVersionLine.Match(src) && kindLine.Match(src) {
		return document.Kubernetes, true
	}
	return "", false
}
