# METADATA
# title: API server audit log retention is below the CIS minimums (maxage, maxbackup, maxsize)
# description: >-
#   kube-apiserver rotates its audit log: `--audit-log-maxage` (days to keep), `--audit-log-
#   maxbackup` (rotated files to keep) and `--audit-log-maxsize` (megabytes before rotation)
#   decide how much history survives. Left unset or set low, the trail of an incident can be
#   gone before it is noticed. CIS 1.2.17, 1.2.18 and 1.2.19 ask for at least 30 days, 10 files
#   and 100 MB (parameters maxage, maxbackup, maxsize). 0 keeps everything (maxage, maxbackup)
#   or uses the 100 MB default (maxsize). Not reported when the audit log is not a file
#   (`--audit-log-path=-`, or an audit webhook alone). Low.
# related_resources:
# - https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/#log-backend
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS105
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Set `--audit-log-maxage=30`, `--audit-log-maxbackup=10` and `--audit-log-maxsize=100` (or
#     more) next to `--audit-log-path`, or ship the audit log to central storage and tune the
#     parameters.
#   frameworks: {cis-k8s: "1.2.17"}
#   aliases: [KCV0020, AVD-KCV-0020, CKV_K8S_92, KCV0021, AVD-KCV-0021, CKV_K8S_93, KCV0022, AVD-KCV-0022, CKV_K8S_94]
package shiplint.kubernetes.apiserver_audit_log_retention

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

minimum := {
	"audit-log-maxage": lib.param("KS105", "maxage", 30),
	"audit-log-maxbackup": lib.param("KS105", "maxbackup", 10),
	"audit-log-maxsize": lib.param("KS105", "maxsize", 100),
}

# Rotation does not apply when the audit log is not a file: --audit-log-path=- (standard
# output), or a webhook backend alone.
not_a_file if api.flag("audit-log-path") == "-"

not_a_file if {
	not api.given("audit-log-path")
	api.given("audit-webhook-config-file")
}

deny contains lib.finding(msg, api.where(m)) if {
	api.comp
	not not_a_file
	m := api.missing(["audit-log-maxage", "audit-log-maxbackup", "audit-log-maxsize"])
	count(m) > 0
	msg := sprintf("%s does not set %s: audit log retention is left to the defaults (no age or file limit is kept deliberately)", [api.who, api.dashed(m)])
}

# short(name, least): a value below least (0 keeps everything), or not a whole number.
short(name, least) if {
	n := api.number(name)
	n != 0
	n < least
}

short(name, _) if not api.number(name)

deny contains lib.finding(msg, api.path(name)) if {
	not not_a_file
	some name, least in minimum
	api.given(name)
	short(name, least)
	msg := sprintf("%s sets --%s=%s, below the minimum of %v", [api.who, name, api.flag(name), least])
}
