# METADATA
# description: >-
#   Helpers for the kube-apiserver rules (CIS Kubernetes Benchmark 1.2): the API server's flags
#   as lib.controlplane reads them from a static pod or a kubeadm ClusterConfiguration, values
#   that are set and not empty, and the admission plugins and authorization modes in effect.
package shiplint.lib.apiserver

import data.shiplint.lib.controlplane as cp

# comp is the kube-apiserver this document configures (undefined when it configures none).
comp := cp.components["kube-apiserver"]

# who names it for messages: `kube-apiserver in container "x" of Pod "y"`.
who := cp.who("kube-apiserver")

# here is where a missing flag is reported: the container or the kubeadm apiServer section.
here := comp.path

# flag(name) is the flag's value without surrounding blanks and quotes (undefined when unset).
flag(name) := cp.unquote(comp.flags[name].value)

# path(name) is where the flag is written.
path(name) := comp.flags[name].path

# given(name) holds when the flag is set to something other than an empty string.
given(name) if flag(name) != ""

# missing(names) lists the flags of names that are unset or empty, in the order given.
missing(names) := [n | some n in names; not given(n)]

# dashed renders flag names for messages: "--a, --b".
dashed(names) := concat(", ", [concat("", ["--", n]) | some n in names])

# Admission plugins kube-apiserver enables when --enable-admission-plugins does not name them
# (kube-apiserver --help, Kubernetes 1.30).
default_plugins := {
	"NamespaceLifecycle", "LimitRanger", "ServiceAccount", "TaintNodesByCondition", "PodSecurity",
	"Priority", "DefaultTolerationSeconds", "DefaultStorageClass", "StorageObjectInUseProtection",
	"PersistentVolumeClaimResize", "RuntimeClass", "CertificateApproval", "CertificateSigning",
	"ClusterTrustBundleAttest", "CertificateSubjectRestriction", "DefaultIngressClass",
	"MutatingAdmissionWebhook", "ValidatingAdmissionPolicy", "ValidatingAdmissionWebhook", "ResourceQuota",
}

# enabling(plugin) are the flags that turn plugin on: --enable-admission-plugins and the
# deprecated --admission-control (the whole list of plugins to run).
enabling(plugin) := {name |
	some name in ["enable-admission-plugins", "admission-control"]
	plugin in cp.list(flag(name))
}

# plugin_on(plugin) holds when plugin runs: named in an enabling flag, or on by default, not
# in --disable-admission-plugins, and no --admission-control list that leaves it out.
plugin_on(plugin) if count(enabling(plugin)) > 0

plugin_on(plugin) if {
	plugin in default_plugins
	not disabled_by(plugin)
}

# modes are the authorization modes of --authorization-mode. When neither it nor
# --authorization-config (structured authorization) is set, kube-apiserver defaults to
# AlwaysAllow.
modes := cp.list(flag("authorization-mode")) if given("authorization-mode")

structured_authz if given("authorization-config")

# off(name) holds when a boolean flag is set to false.
off(name) if cp.is_false(comp.flags[name].value)

# plugins_path is where a missing admission plugin is reported: the --enable-admission-plugins
# flag when it is written, else a --admission-control list, else the component.
plugins_path := p if {
	p := path("enable-admission-plugins")
} else := p if {
	p := path("admission-control")
} else := here

# disabled_by(plugin) is the flag that turns a default plugin off: --disable-admission-plugins
# naming it, or a --admission-control list (it replaces the defaults) that leaves it out.
disabled_by(plugin) := "disable-admission-plugins" if plugin in cp.list(flag("disable-admission-plugins"))

else := "admission-control" if {
	given("admission-control")
	not plugin in cp.list(flag("admission-control"))
}

# number(name) is a flag's value as a number (undefined when it is not a whole number).
number(name) := to_number(v) if {
	v := flag(name)
	regex.match(`^[0-9]+$`, v)
}

# where(m) is where missing flags m are reported: the first one's own path when it is written
# (empty), else the component.
where(m) := path(m[0]) if comp.flags[m[0]]

else := here
