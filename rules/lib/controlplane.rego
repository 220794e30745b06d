# METADATA
# description: >-
#   Helpers shared by the control-plane rules (CIS Kubernetes Benchmark sections 1 and 2): the
#   command-line flags of kube-apiserver, kube-controller-manager, kube-scheduler and etcd, read
#   from a static pod's command and args or from a kubeadm ClusterConfiguration (kubeadm's own
#   generated flags overridden by extraArgs).
package shiplint.lib.controlplane

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# names are the components this library knows.
names := {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"}

# components[name] for each control-plane component this document configures:
#   {"source": "pod" | "kubeadm",
#    "path":  where a missing flag is reported (the container, or the kubeadm section),
#    "flags": {name: {"value": string, "path": [...]}}}   (flag names without leading dashes)
# A static pod (any workload) configures the component its container runs (the first such
# container when several do); a kubeadm ClusterConfiguration configures all four (etcd only
# when etcd.external is absent).
components[name] := {"source": "pod", "path": ["containers", i], "flags": pod_flags(i)} if {
	some name, i in pod_component
}

components[name] := {"source": "kubeadm", "path": kubeadm_path[name], "flags": kubeadm_flags(name)} if {
	kubeadm
	some name in kubeadm_components
}

# flag(name, comp) is the value of flag name (no dashes) of component comp, undefined when unset.
flag(name, comp) := components[comp].flags[name].value

# flag_path(name, comp) is where flag name of comp is written (for a kubeadm default, the
# section of the component).
flag_path(name, comp) := components[comp].flags[name].path

# list(v) splits a comma-separated flag value into its trimmed, non-empty items.
list(v) := [t | some s in split(v, ","); t := trim_space(s); t != ""]

# is_false(v) holds for a boolean flag value Go's strconv.ParseBool reads as false
# (quotes around it tolerated).
is_false(v) if unquote(v) in {"false", "False", "FALSE", "f", "F", "0"}

# is_true(v) holds for a boolean flag value read as true.
is_true(v) if unquote(v) in {"true", "True", "TRUE", "t", "T", "1"}

# unquote(v) trims blanks and one pair of surrounding quotes.
unquote(v) := trim(trim_space(v), "\"'")

# who(comp) names the component for messages: `kube-apiserver in container "x" of Pod "y"`,
# `kube-apiserver in kubeadm ClusterConfiguration "z"` (or without the name when unnamed).
who(comp) := sprintf("%s in %s", [comp, k8s.who(input.containers[i])]) if {
	components[comp].source == "pod"
	i := components[comp].path[1]
} else := sprintf("%s in kubeadm %s %q", [comp, input.resourceKind, input.name]) if {
	is_string(input.name)
} else := sprintf("%s in kubeadm %s", [comp, input.resourceKind])

# --- static pods ---------------------------------------------------------------------------

# pod_component[name] is the index of the first container that runs component name.
pod_component[name] := min(idx) if {
	some name in {n | some n in runs}
	idx := {i | runs[i] == name}
}

# runs[i] is the component container i runs. Only containers whose first word could start
# one are looked at further (this runs on every workload).
runs[i] := program(c).name if {
	some i, c in input.containers
	candidate(c)
}

# candidate(c) is a cheap first test (one regexp) that c may run a component.
candidate(c) if regex.match(`(^|/)(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|hyperkube|sh|bash|ash|dash)$`, first_word(c))

candidate(c) if {
	not has_command(c)
	is_string(c.image)
	contains(c.image, "kube-")
	image_component(c.image)
}

has_command(c) if {
	is_array(c.command)
	count(c.command) > 0
}

# image_component(image) is the component an official image runs when only args are given
# (registry.k8s.io/kube-apiserver:v1.30.0, gcr.io/google_containers/kube-apiserver-amd64:v1.9.0).
# etcd images are left out: their entrypoints differ (bitnami/etcd runs a script).
image_component(image) := n if {
	is_string(image)
	base := lib.basename(lib.image_ref(image).repository)
	n := regex.replace(base, `-(amd64|arm64|arm|ppc64le|s390x)$`, "")
	n in {"kube-apiserver", "kube-controller-manager", "kube-scheduler"}
}

first_word(c) := w if {
	has_command(c)
	w := c.command[0]
	is_string(w)
} else := w if {
	not has_command(c)
	w := c.args[0]
	is_string(w)
}

# words(c) are the items the container runs, each [key, index, text]: command then args, or
# args alone when command is empty.
words(c) := array.concat(
	[["command", j, text(x)] | some j, x in c.command],
	[["args", j, text(x)] | some j, x in args(c)],
) if {
	has_command(c)
} else := [["args", j, text(x)] | some j, x in c.args] if is_array(c.args)

args(c) := c.args if is_array(c.args)

else := []

# text renders a command item: YAML may type an unquoted 6443 or false.
text(x) := x if is_string(x)

else := sprintf("%v", [x]) if {
	not is_object(x)
	not is_array(x)
	x != null
} else := ""

# program(c) is {"name": component, "argv": [[key, index, text], ...] of its arguments}.
# The program is the base name of the first word; hyperkube's sub-command
# (`hyperkube kube-apiserver`, `hyperkube apiserver`) and `sh -c "exec kube-apiserver ..."`
# are read too (in a shell string every flag is located at the string), and so are args alone
# starting with a flag when the image is a control-plane component's (its entrypoint).
program(c) := {"name": n, "argv": array.slice(w, 1, count(w))} if {
	w := words(c)
	not startswith(w[0][2], "-") # --kubelet-service=kube-system/etcd is a flag, not etcd
	n := lib.basename(w[0][2])
	n in names
} else := {"name": n, "argv": array.slice(w, 2, count(w))} if {
	w := words(c)
	lib.basename(w[0][2]) == "hyperkube"
	n := hyperkube_sub(w[1][2])
} else := shell_program(c) if {
	shell_program(c)
} else := {"name": n, "argv": w} if {
	# args only, starting with a flag: the image's entrypoint is the component
	not has_command(c)
	w := words(c)
	startswith(w[0][2], "-")
	n := image_component(c.image)
}

hyperkube_sub(s) := s if s in names

else := concat("", ["kube-", s]) if concat("", ["kube-", s]) in names

shell_program(c) := {"name": n, "argv": argv} if {
	w := words(c)
	lib.basename(w[0][2]) in {"sh", "bash", "ash", "dash"}
	w[1][2] == "-c"
	[key, j, script] := w[2]
	head := regex.find_n(`\S+`, script, 2)
	start := shell_start(head)
	n := lib.basename(head[start])
	n in names
	parts := [p | some p in regex.split(`\s+`, script); p != ""; p != "\\"]
	argv := [[key, j, p] | some k, p in parts; k > start]
}

shell_start(parts) := 1 if parts[0] == "exec"

else := 0

# pod_flags(i) are the flags of container i's component: `--name=value`, `--name value` (the
# next item does not start with "-"), bare `--name` ("true"); the last occurrence wins.
pod_flags(i) := {name: {"value": v, "path": p} |
	some name in {e.name | some e in parsed}
	k := max({k | some k, e in parsed; e.name == name})
	v := parsed[k].value
	p := parsed[k].path
} if {
	argv := program(input.containers[i]).argv
	parsed := [e |
		some k, [key, j, t] in argv
		startswith(t, "--")
		t != "--"
		e := parse_flag(argv, k, ["containers", i, key, j])
	]
}

parse_flag(argv, k, path) := {"name": substring(body, 0, indexof(body, "=")), "value": substring(body, indexof(body, "=") + 1, -1), "path": path} if {
	body := substring(argv[k][2], 2, -1)
	contains(body, "=")
} else := {"name": body, "value": argv[k + 1][2], "path": path} if {
	body := substring(argv[k][2], 2, -1)
	not startswith(argv[k + 1][2], "-")
} else := {"name": substring(argv[k][2], 2, -1), "value": "true", "path": path}

# --- kubeadm ClusterConfiguration ----------------------------------------------------------

kubeadm if {
	input.resourceKind == "ClusterConfiguration"
	startswith(input.apiVersion, "kubeadm.k8s.io/")
}

kubeadm_components contains name if {
	some name in names
	name != "etcd"
}

kubeadm_components contains "etcd" if not external_etcd

# external_etcd holds when the ClusterConfiguration points at an etcd kubeadm does not run.
external_etcd if is_object(input.resource.etcd.external)

section := {
	"kube-apiserver": ["apiServer"],
	"kube-controller-manager": ["controllerManager"],
	"kube-scheduler": ["scheduler"],
	"etcd": ["etcd", "local"],
}

# kubeadm_path[name] is the section of the component, or the deepest part of it written.
kubeadm_path[name] := array.concat(["resource"], section[name]) if some name in names

# extra_args(name) are the extraArgs of the component's section: a map name -> value
# (v1beta3 and older) or a list of {name, value} (v1beta4; the last occurrence wins).
extra_args(name) := {k: {"value": text(v), "path": array.concat(kubeadm_path[name], ["extraArgs", k])} |
	some k, v in ea
} if {
	ea := object.get(input.resource, array.concat(section[name], ["extraArgs"]), {})
	is_object(ea)
} else := {n: {"value": text(object.get(ea[k], "value", "")), "path": array.concat(kubeadm_path[name], ["extraArgs", k, "value"])} |
	some n in {e.name | some e in ea}
	k := max({k | some k, e in ea; e.name == n})
} if {
	ea := object.get(input.resource, array.concat(section[name], ["extraArgs"]), [])
	is_array(ea)
} else := {}

kubeadm_flags(name) := object.union({k: {"value": v, "path": kubeadm_path[name]} | some k, v in kubeadm_defaults(name, extra_args(name))}, extra_args(name))

pki := d if {
	d := trim_right(input.resource.certificatesDir, "/")
	is_string(d)
	d != ""
} else := "/etc/kubernetes/pki"

pki_file(f) := concat("/", [pki, f])

dns_domain := d if {
	d := input.resource.networking.dnsDomain
	is_string(d)
	d != ""
} else := "cluster.local"

service_subnet := s if {
	s := input.resource.networking.serviceSubnet
	is_string(s)
	s != ""
} else := "10.96.0.0/12"

# kubeadm_defaults(name, extra) are the flags kubeadm writes into the component's static pod
# before extraArgs (cmd/kubeadm/app/phases/controlplane/manifests.go and phases/etcd/local.go).
# Values that depend on the node (advertise address, node name) are left out.
kubeadm_defaults("kube-apiserver", extra) := object.union(object.union(object.union(apiserver_base, apiserver_etcd), apiserver_authz(extra)), apiserver_etcd_servers)

apiserver_base := {
	"enable-admission-plugins": "NodeRestriction",
	"service-cluster-ip-range": service_subnet,
	"service-account-key-file": pki_file("sa.pub"),
	"service-account-signing-key-file": pki_file("sa.key"),
	"service-account-issuer": sprintf("https://kubernetes.default.svc.%s", [dns_domain]),
	"client-ca-file": pki_file("ca.crt"),
	"tls-cert-file": pki_file("apiserver.crt"),
	"tls-private-key-file": pki_file("apiserver.key"),
	"kubelet-client-certificate": pki_file("apiserver-kubelet-client.crt"),
	"kubelet-client-key": pki_file("apiserver-kubelet-client.key"),
	"enable-bootstrap-token-auth": "true",
	"secure-port": "6443",
	"allow-privileged": "true",
	"kubelet-preferred-address-types": "InternalIP,ExternalIP,Hostname",
	"requestheader-username-headers": "X-Remote-User",
	"requestheader-group-headers": "X-Remote-Group",
	"requestheader-extra-headers-prefix": "X-Remote-Extra-",
	"requestheader-client-ca-file": pki_file("front-proxy-ca.crt"),
	"requestheader-allowed-names": "front-proxy-client",
	"proxy-client-cert-file": pki_file("front-proxy-client.crt"),
	"proxy-client-key-file": pki_file("front-proxy-client.key"),
}

# A local etcd gets kubeadm's client certificates; an external one what etcd.external names.
apiserver_etcd := {
	"etcd-servers": "https://127.0.0.1:2379",
	"etcd-cafile": pki_file("etcd/ca.crt"),
	"etcd-certfile": pki_file("apiserver-etcd-client.crt"),
	"etcd-keyfile": pki_file("apiserver-etcd-client.key"),
} if {
	not external_etcd
} else := object.union(external_etcd_ca, external_etcd_cert)

apiserver_etcd_servers := {"etcd-servers": concat(",", input.resource.etcd.external.endpoints)} if {
	is_array(input.resource.etcd.external.endpoints)
	every e in input.resource.etcd.external.endpoints {
		is_string(e)
	}
} else := {}

external_etcd_ca := {"etcd-cafile": f} if {
	f := input.resource.etcd.external.caFile
	is_string(f)
	f != ""
} else := {}

external_etcd_cert := {"etcd-certfile": c, "etcd-keyfile": k} if {
	c := input.resource.etcd.external.certFile
	k := input.resource.etcd.external.keyFile
	is_string(c)
	is_string(k)
	c != ""
	k != ""
} else := {}

# kubeadm sets --authorization-mode=Node,RBAC unless extraArgs set authorization-config
# (structured authorization); extraArgs' own authorization-mode overrides it.
apiserver_authz(extra) := {} if extra["authorization-config"]

else := {"authorization-mode": "Node,RBAC"}

kubeadm_defaults("kube-controller-manager", _) := object.union(
	{
		"bind-address": "127.0.0.1",
		"leader-elect": "true",
		"kubeconfig": "/etc/kubernetes/controller-manager.conf",
		"authentication-kubeconfig": "/etc/kubernetes/controller-manager.conf",
		"authorization-kubeconfig": "/etc/kubernetes/controller-manager.conf",
		"client-ca-file": pki_file("ca.crt"),
		"requestheader-client-ca-file": pki_file("front-proxy-ca.crt"),
		"root-ca-file": pki_file("ca.crt"),
		"service-account-private-key-file": pki_file("sa.key"),
		"cluster-signing-cert-file": pki_file("ca.crt"),
		"cluster-signing-key-file": pki_file("ca.key"),
		"use-service-account-credentials": "true",
		"controllers": "*,bootstrapsigner,tokencleaner",
	},
	pod_subnet_args,
)

pod_subnet_args := {"allocate-node-cidrs": "true", "cluster-cidr": s, "service-cluster-ip-range": service_subnet} if {
	s := input.resource.networking.podSubnet
	is_string(s)
	s != ""
} else := {}

kubeadm_defaults("kube-scheduler", _) := {
	"bind-address": "127.0.0.1",
	"leader-elect": "true",
	"kubeconfig": "/etc/kubernetes/scheduler.conf",
	"authentication-kubeconfig": "/etc/kubernetes/scheduler.conf",
	"authorization-kubeconfig": "/etc/kubernetes/scheduler.conf",
}

kubeadm_defaults("etcd", _) := {
	"listen-client-urls": "https://127.0.0.1:2379",
	"data-dir": etcd_data_dir,
	"cert-file": pki_file("etcd/server.crt"),
	"key-file": pki_file("etcd/server.key"),
	"trusted-ca-file": pki_file("etcd/ca.crt"),
	"client-cert-auth": "true",
	"peer-cert-file": pki_file("etcd/peer.crt"),
	"peer-key-file": pki_file("etcd/peer.key"),
	"peer-trusted-ca-file": pki_file("etcd/ca.crt"),
	"peer-client-cert-auth": "true",
	"snapshot-count": "10000",
	"listen-metrics-urls": "http://127.0.0.1:2381",
}

etcd_data_dir := d if {
	d := input.resource.etcd.local.dataDir
	is_string(d)
	d != ""
} else := "/var/lib/etcd"
