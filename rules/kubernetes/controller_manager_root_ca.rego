# METADATA
# title: kube-controller-manager publishes no root CA to pods
# description: >-
#   `--root-ca-file` is the CA bundle kube-controller-manager puts in every namespace's
#   `kube-root-ca.crt` ConfigMap and in service-account token Secrets. Without it pods get no
#   CA to verify the API server's certificate, so clients either fail or skip verification
#   and can be served by an impostor on the path. Low. kubeadm sets it (`ca.crt`).
# related_resources:
# - https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
# - https://kubernetes.io/docs/tasks/run-application/access-api-from-pod/
# custom:
#   id: KS131
#   severity: low
#   applies_to: [control-plane, ClusterConfiguration]
#   frameworks: {cis-k8s: "1.3.5"}
#   aliases: [KCV0037, AVD-KCV-0037]
#   remediation: >-
#     Set `--root-ca-file` to the cluster CA bundle (kubeadm: /etc/kubernetes/pki/ca.crt).
package shiplint.kubernetes.controller_manager_root_ca

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

comp := "kube-controller-manager"

deny contains lib.finding(msg, f.path) if {
	f := cp.components[comp].flags["root-ca-file"]
	cp.unquote(f.value) == ""
	msg := sprintf("%s publishes no root CA to pods (--root-ca-file is empty)", [cp.who(comp)])
}

deny contains lib.finding(msg, c.path) if {
	c := cp.components[comp]
	not c.flags["root-ca-file"]
	msg := sprintf("%s publishes no root CA to pods (--root-ca-file is not set)", [cp.who(comp)])
}
