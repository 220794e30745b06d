# METADATA
# title: API server does not encrypt Secrets at rest (--encryption-provider-config is not set)
# description: >-
#   Without `--encryption-provider-config` kube-apiserver writes Secrets to etcd as plain
#   base64: etcd backups, snapshots and its data directory hold every credential of the cluster
#   in the clear. kubeadm does not configure encryption. CIS 1.2.27. Medium: it needs access to
#   etcd's storage or backups.
# related_resources:
# - https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/
# - https://www.cisecurity.org/benchmark/kubernetes
# custom:
#   id: KS112
#   severity: medium
#   applies_to: [control-plane, ClusterConfiguration]
#   remediation: >-
#     Write an EncryptionConfiguration (aescbc, secretbox or a KMS v2 provider for secrets) and
#     point `--encryption-provider-config` at it, mounting it into the static pod (kubeadm:
#     apiServer.extraArgs and extraVolumes).
#   frameworks: {cis-k8s: "1.2.27"}
#   aliases: [KCV0030, AVD-KCV-0030]
package shiplint.kubernetes.apiserver_encryption_provider_config

import data.shiplint.lib
import data.shiplint.lib.apiserver as api

deny contains lib.finding(msg, api.where(["encryption-provider-config"])) if {
	api.comp
	not api.given("encryption-provider-config")
	msg := sprintf("%s does not set --encryption-provider-config: Secrets are stored in etcd unencrypted", [api.who])
}
