package discover

import (
	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/kubernetes"
)

// KindOfContent decides whether YAML that is not named like a Compose file
// is a Kubernetes manifest: some document carries top-level apiVersion and
// kind. Templates (Helm's {{ }}) are not YAML until rendered, so they are
// not scanned.
func KindOfContent(src []byte) (document.Kind, bool) {
	if kubernetes.Looks(src) {
		return document.Kubernetes, true
	}
	return "", false
}
