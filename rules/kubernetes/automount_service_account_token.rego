# METADATA
# title: Service account token is mounted automatically
# description: >-
#   Unless the pod sets `automountServiceAccountToken: false`, Kubernetes mounts a token for
#   its service account into every container, so anyone who gets code execution can call the
#   API server with the service account's permissions. Most applications never call the API.
#   Low: the token's power depends on the RBAC granted to the account. A pod that leaves the
#   setting out is quiet when its ServiceAccount, defined in the same namespace of the scan,
#   sets `automountServiceAccountToken: false` (the pod's own setting wins over the account's).
# related_resources:
# - https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# custom:
#   id: KS026
#   severity: low
#   applies_to: [workload]
#   related: [ServiceAccount]
#   remediation: >-
#     Set `automountServiceAccountToken: false` in the pod spec, or on its ServiceAccount; for
#     pods that do call the API, mount a projected, audience-bound token only where needed.
#   frameworks: {cis-k8s: "5.1.6"}
#   aliases: [CKV_K8S_38, C-0034]
package shiplint.kubernetes.automount_service_account_token

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s
import data.shiplint.lib.related

deny contains lib.finding_fix(msg, path, lib.fix_set("Set automountServiceAccountToken: false", path, false)) if {
	path := ["podSpec", "automountServiceAccountToken"]
	input.podSpec
	v := object.get(input.podSpec, "automountServiceAccountToken", null)
	v != false
	not quiet_account(v)
	msg := describe(v)
}

# The pod does not say, and its ServiceAccount opts out.
quiet_account(null) if related.account_opts_out

describe(null) := sprintf("%s does not set automountServiceAccountToken: false, so every container gets an API token", [k8s.resource])

describe(v) := sprintf("%s sets automountServiceAccountToken: %v", [k8s.resource, v]) if v != null
