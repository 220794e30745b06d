# METADATA
# title: Service account shared by several workloads
# description: >-
#   Two or more workloads run as the same named service account, so each holds the union of
#   the permissions the others need, and a compromise of one exposes the API access of all.
#   Least privilege needs one account per workload. Workloads on the `default` account are
#   reported by KS027, not here. Other workloads are looked for in the same namespace of the
#   same directory, chart or overlay. Low.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/service-accounts/
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege
# custom:
#   id: KS082
#   severity: low
#   applies_to: [workload]
#   related: [workload]
#   remediation: >-
#     Create a ServiceAccount per workload and bind each only to the permissions it uses.
package shiplint.kubernetes.service_account_shared

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s
import data.shiplint.lib.related

deny contains lib.finding(msg, ["podSpec", field]) if {
	input.podSpec
	sa := related.service_account
	sa != "default"
	regex.match(`^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$`, sa) # not a placeholder ($SA, {{ .sa }})
	some field in ["serviceAccountName", "serviceAccount"]
	input.podSpec[field] == sa
	not shadowed(field)
	others := related.sharing(sa)
	count(others) > 0
	names := sort({sprintf("%s %q", [w.kind, w.name]) | some w in others})
	shown := array.slice(names, 0, 5)
	more := count(names) - count(shown)
	msg := sprintf("%s runs as service account %q, shared with %s%s", [k8s.resource, sa, concat(", ", shown), and_more(more)])
}

# serviceAccountName wins over the deprecated serviceAccount.
shadowed("serviceAccount") if input.podSpec.serviceAccountName

and_more(0) := ""

and_more(n) := sprintf(" and %d more", [n]) if n > 0
