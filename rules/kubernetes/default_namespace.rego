# METADATA
# title: Resource is placed in the default namespace
# description: >-
#   The default namespace is shared by everything deployed without thought; workloads there
#   get no namespace-level policy (Pod Security Admission labels, network policies, quotas,
#   RBAC boundaries) of their own. shiplint flags an explicit `namespace: default`; a manifest
#   without a namespace is left alone, because it goes wherever the deploying tool points
#   (kubectl -n, kustomize, Helm, Argo CD), which is the usual way to write reusable manifests.
#   Low.
# related_resources:
# - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
# custom:
#   id: KS028
#   severity: low
#   applies_to: [namespaced]
#   remediation: >-
#     Create a dedicated namespace for the application and set `metadata.namespace` to it (or
#     remove it and choose the namespace at deploy time).
#   frameworks: {cis-k8s: "5.7.4"}
#   aliases: [CKV_K8S_21, C-0061]
package shiplint.kubernetes.default_namespace

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

deny contains lib.finding(msg, ["namespace"]) if {
	input.namespace == "default"
	not input.clusterScoped
	msg := sprintf("%s is placed in the default namespace", [k8s.resource])
}
