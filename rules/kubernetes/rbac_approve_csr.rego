# METADATA
# title: Role can approve certificate signing requests
# description: >-
#   Update on `certificatesigningrequests/approval` (together with `approve` on a signer) lets
#   the subject approve client certificates, for example for a node or for the
#   `system:masters` group with the kube-apiserver-client signer, and so authenticate as
#   anyone. High.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS056
#   severity: high
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Leave CSR approval to the controller manager and cluster administrators; restrict
#     `signers` with `resourceNames` to a specific signer when an operator must approve.
#   frameworks: {cis-k8s: "5.1.11"}
#   aliases: [C-0280]
package shiplint.kubernetes.rbac_approve_csr

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"update", "patch"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {"certificates.k8s.io"}, {"certificatesigningrequests/approval", "*/approval"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on certificatesigningrequests/approval", [k8s.resource, j, granted])
}
