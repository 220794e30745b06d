# METADATA
# title: Workload is placed in a system namespace
# description: >-
#   `kube-system` holds the control plane's and the cluster add-ons' pods and service
#   accounts, several of them bound to near cluster-admin roles; `kube-public` is readable by
#   everyone, unauthenticated users included; `kube-node-lease` holds node heartbeats. An
#   application placed there shares a namespace with those accounts and Secrets (anyone who
#   may create pods there can run them as those accounts), and usually escapes the policies
#   written for application namespaces: Pod Security Admission, Gatekeeper and Kyverno
#   configurations commonly exempt kube-system. Medium. Only workloads (resources with a pod
#   spec) are reported: the RoleBindings, ConfigMaps, Services and Leases that add-ons must
#   create in kube-system (the extension-apiserver-authentication-reader binding, aws-auth)
#   run nothing on their own. What belongs there is left alone: control-plane static pods
#   (label `tier: control-plane`, or `component` naming a control-plane component), cluster
#   add-ons that declare themselves as such (priorityClassName `system-cluster-critical` or
#   `system-node-critical`, the `addonmanager.kubernetes.io/mode` label, or
#   `kubernetes.io/cluster-service: "true"`), and the well-known add-ons whose upstream
#   manifests install into kube-system, matched by the workload's name or its `k8s-app`,
#   `app.kubernetes.io/name` or `app` label (coredns, kube-proxy, metrics-server,
#   cluster-autoscaler, the Calico, Cilium, Flannel, Weave and AWS VPC CNI agents, the AWS
#   EBS and EFS CSI drivers, the GKE and NVIDIA GPU driver installers and device plugins and
#   others: see the rule). Add a team's own to params
#   KS074.allowed. (Trivy's KSV037 reports kube-system only, for any kind.)
# related_resources:
# - https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
# - https://kubernetes.io/docs/concepts/security/multi-tenancy/
# custom:
#   id: KS074
#   severity: medium
#   applies_to: [workload]
#   remediation: >-
#     Deploy the application into a namespace of its own (and remove `namespace: kube-system`
#     or `kube-public`, or point the kustomization or Helm release elsewhere). For a cluster
#     add-on that must live there, give it priorityClassName `system-cluster-critical` or
#     `system-node-critical`, or list its name in params KS074.allowed in .shiplint.yaml,
#     e.g. `params: {KS074: {allowed: [node-problem-detector]}}`.
#   aliases: [KSV037, AVD-KSV-0037]
package shiplint.kubernetes.system_namespace

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

system_namespaces := {"kube-system", "kube-public", "kube-node-lease"}

# Add-ons whose upstream manifests or charts install into kube-system, by the
# name of the workload or its k8s-app / app.kubernetes.io/name / app label.
builtin_allowed := {
	# Kubernetes add-ons
	"coredns", "kube-dns", "kube-dns-autoscaler", "coredns-autoscaler", "dns-autoscaler",
	"node-local-dns", "nodelocaldns", "kube-proxy", "metrics-server", "cluster-autoscaler",
	"cloud-controller-manager", "konnectivity-agent", "konnectivity-server",
	# network (CNI) agents and controllers
	"calico-node", "calico-kube-controllers", "canal", "calico-typha",
	"cilium", "cilium-agent", "cilium-operator", "cilium-envoy", "hubble-relay", "hubble-ui",
	"kube-flannel-ds", "kube-flannel", "flannel", "weave-net", "kube-router",
	"aws-node", "antrea-agent", "antrea-controller", "kindnet", "ip-masq-agent",
	# cloud controllers and storage (CSI) drivers
	"aws-load-balancer-controller", "aws-cloud-controller-manager",
	"ebs-csi-controller", "ebs-csi-node", "efs-csi-controller", "efs-csi-node",
	"csi-azuredisk-controller", "csi-azuredisk-node", "csi-azurefile-controller", "csi-azurefile-node",
	"secrets-store-csi-driver", "csi-secrets-store-provider-aws", "csi-secrets-store-provider-azure",
	"snapshot-controller", "csi-snapshot-controller",
	# GPU node setup documented by GKE and NVIDIA to run in kube-system
	"nvidia-driver-installer", "nvidia-gpu-device-plugin", "nvidia-device-plugin-daemonset",
}

allowed := builtin_allowed | {n | some n in lib.param("KS074", "allowed", [])}

# Pod labels and the resource's own labels (a Deployment's or the Pod's).
labels := object.union(as_map(object.get(input.resource, ["metadata", "labels"], {})), as_map(object.get(input, ["podMetadata", "labels"], {})))

as_map(x) := x if is_object(x)

else := {}

control_plane_components := {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "cloud-controller-manager"}

deny contains lib.finding(msg, ["namespace"]) if {
	is_object(input.podSpec)
	input.namespace in system_namespaces
	not control_plane
	not declared_addon
	not allowed_name
	msg := sprintf("%s is placed in the system namespace %q", [k8s.resource, input.namespace])
}

control_plane if labels.tier == "control-plane"

control_plane if labels.component in control_plane_components

declared_addon if input.podSpec.priorityClassName in {"system-cluster-critical", "system-node-critical"}

declared_addon if labels["addonmanager.kubernetes.io/mode"]

declared_addon if labels["kubernetes.io/cluster-service"] in {"true", true}

allowed_name if input.name in allowed

allowed_name if {
	some key in ["k8s-app", "app.kubernetes.io/name", "app"]
	labels[key] in allowed
}
