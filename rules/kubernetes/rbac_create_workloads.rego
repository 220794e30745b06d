# METADATA
# title: Role can create or change workload controllers
# description: >-
#   Create, update or patch on Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs,
#   CronJobs or ReplicationControllers lets the subject run pods of its choosing through the
#   controller, with any service account in the namespace, which is as powerful as creating
#   pods. Medium: usually intended for deployers, but it should be a deliberate grant.
# related_resources:
# - https://kubernetes.io/docs/concepts/security/rbac-good-practices/
# - https://kubernetes.io/docs/reference/access-authn-authz/rbac/
# custom:
#   id: KS055
#   severity: medium
#   applies_to: [Role, ClusterRole]
#   remediation: >-
#     Grant workload write access only to the deployer (CI/CD or GitOps controller) in the
#     namespaces it deploys to, with Pod Security Admission enforced there.
package shiplint.kubernetes.rbac_create_workloads

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

verbs := {"create", "update", "patch"}

deny contains lib.finding(msg, ["resource", "rules", j, "resources", k]) if {
	some [j, r] in k8s.rbac_rules
	ks := k8s.named(r, {"apps", "batch", "", "extensions"}, {"deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"})
	count(ks) > 0
	k := min(ks) # one finding per rule, at the first matching resource
	not limited(r)
	granted := k8s.granted_verbs(r, verbs)
	granted != ""
	msg := sprintf("%s rule %d grants %s on workload controllers", [k8s.resource, j, granted])
}

# A rule limited to named objects grants access to those only.
limited(r) if count(object.get(r, "resourceNames", [])) > 0
