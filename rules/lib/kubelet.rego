# METADATA
# description: >-
#   Helpers shared by the kubelet rules (CIS Kubernetes Benchmark section 4.2): the settings of
#   a kubelet read from a KubeletConfiguration document or from the flags of a container that
#   runs the kubelet, with the defaults that apply to each. A configuration file's defaults are
#   the secure ones of kubelet.config.k8s.io/v1beta1 (anonymous auth off, Webhook
#   authorization, read-only port 0); the command-line flags keep the legacy insecure defaults
#   (anonymous auth on, AlwaysAllow, read-only port 10255) unless --config names a file, whose
#   contents a scan of the pod cannot see.
package shiplint.lib.kubelet

import data.shiplint.lib
import data.shiplint.lib.kubernetes as k8s

# config holds for a KubeletConfiguration document (kubelet.config.k8s.io/*).
config if {
	input.resourceKind == "KubeletConfiguration"
	startswith(input.apiVersion, "kubelet.config.k8s.io/")
}

# kubelets is the set of kubelets this document configures:
#   {"source": "config" | "flags",
#    "path":   where a missing setting is reported (the document, or the container),
#    "who":    names the kubelet in messages,
#    "flags":  for "flags", {name: {"value", "path"}} (names without dashes),
#    "file":   for "flags", whether a configuration file the scan does not see supplies what
#              the flags leave out (--config; always for kubeadm's kubeletExtraArgs)}
kubelets contains {"source": "config", "path": ["resource"], "who": config_who, "flags": {}, "file": false} if config

kubelets contains {"source": "flags", "path": ["containers", i], "who": sprintf("kubelet in %s", [k8s.who(c)]), "flags": f, "file": has_key(f, "config")} if {
	some i, c in input.containers
	argv := kubelet_argv(c, i)
	f := container_flags(argv)
}

# kubeadm's InitConfiguration and JoinConfiguration pass nodeRegistration.kubeletExtraArgs to
# the node's kubelet as flags (/var/lib/kubelet/kubeadm-flags.env), which override the
# KubeletConfiguration file kubeadm writes: only what they set is known.
kubelets contains {"source": "flags", "path": ["resource", "nodeRegistration", "kubeletExtraArgs"], "who": kubeadm_who, "flags": f, "file": true} if {
	input.resourceKind in {"InitConfiguration", "JoinConfiguration"}
	startswith(input.apiVersion, "kubeadm.k8s.io/")
	f := kubeadm_extra_args
}

kubeadm_who := sprintf("kubelet of kubeadm %s %q", [input.resourceKind, input.name]) if is_string(input.name)

else := sprintf("kubelet of kubeadm %s", [input.resourceKind])

# kubeadm_extra_args: a map name -> value (v1beta3 and older) or a list of {name, value}
# (v1beta4; the last occurrence wins), as {name: {"value", "path"}}.
kubeadm_extra_args := {k: {"value": text(v), "path": ["resource", "nodeRegistration", "kubeletExtraArgs", k]} |
	some k, v in ea
} if {
	ea := input.resource.nodeRegistration.kubeletExtraArgs
	is_object(ea)
} else := {n: {"value": text(object.get(ea[k], "value", "")), "path": ["resource", "nodeRegistration", "kubeletExtraArgs", k, "value"]} |
	some n in {e.name | some e in ea}
	k := max({k | some k, e in ea; e.name == n})
} if {
	ea := input.resource.nodeRegistration.kubeletExtraArgs
	is_array(ea)
}

has_key(o, k) if o[k]

has_key(o, k) := false if not o[k]

config_who := sprintf("KubeletConfiguration %q", [input.name]) if is_string(input.name)

else := "KubeletConfiguration"

# Setting names are the KubeletConfiguration field names; config_path says where each is
# written in the file, flag_name which command-line flag sets it.
config_path := {
	"anonymous": ["authentication", "anonymous", "enabled"],
	"authorizationMode": ["authorization", "mode"],
	"clientCAFile": ["authentication", "x509", "clientCAFile"],
	"readOnlyPort": ["readOnlyPort"],
	"streamingConnectionIdleTimeout": ["streamingConnectionIdleTimeout"],
	"makeIPTablesUtilChains": ["makeIPTablesUtilChains"],
	"tlsCertFile": ["tlsCertFile"],
	"tlsPrivateKeyFile": ["tlsPrivateKeyFile"],
	"serverTLSBootstrap": ["serverTLSBootstrap"],
	"rotateCertificates": ["rotateCertificates"],
	"tlsCipherSuites": ["tlsCipherSuites"],
}

flag_name := {
	"anonymous": "anonymous-auth",
	"authorizationMode": "authorization-mode",
	"clientCAFile": "client-ca-file",
	"readOnlyPort": "read-only-port",
	"streamingConnectionIdleTimeout": "streaming-connection-idle-timeout",
	"makeIPTablesUtilChains": "make-iptables-util-chains",
	"tlsCertFile": "tls-cert-file",
	"tlsPrivateKeyFile": "tls-private-key-file",
	"serverTLSBootstrap": "rotate-server-certificates",
	"rotateCertificates": "rotate-certificates",
	"tlsCipherSuites": "tls-cipher-suites",
}

# file_default: what the kubelet uses when a KubeletConfiguration leaves a field out
# (SetDefaults_KubeletConfiguration, kubelet.config.k8s.io/v1beta1).
file_default := {
	"anonymous": false,
	"authorizationMode": "Webhook",
	"clientCAFile": "",
	"readOnlyPort": 0,
	"makeIPTablesUtilChains": true,
	"tlsCertFile": "",
	"tlsPrivateKeyFile": "",
	"serverTLSBootstrap": false,
	"rotateCertificates": false,
}

# flag_default: what the kubelet uses when it runs without --config and a flag is left out
# (applyLegacyDefaults in cmd/kubelet/app/options/options.go).
flag_default := {
	"anonymous": true,
	"authorizationMode": "AlwaysAllow",
	"clientCAFile": "",
	"readOnlyPort": 10255,
	"makeIPTablesUtilChains": true,
	"tlsCertFile": "",
	"tlsPrivateKeyFile": "",
	"serverTLSBootstrap": false,
	"rotateCertificates": false,
}

# kubeadm_stream holds for a KubeletConfiguration that is not the first document of its file.
# The kubelet reads its --config file as one document, so such a KubeletConfiguration is part
# of a multi-document stream, which in practice is a kubeadm configuration (`kubeadm init
# --config`). kubeadm completes it before writing the kubelet's file
# (cmd/kubeadm/app/componentconfigs/kubelet.go): an empty clientCAFile becomes the cluster CA,
# and rotateCertificates is always set to true.
kubeadm_stream if {
	config
	input.documentIndex > 0
}

kubeadm_default := {"clientCAFile": "/etc/kubernetes/pki/ca.crt"}

kubeadm_forced := {"rotateCertificates": true}

bool_settings := {"anonymous", "makeIPTablesUtilChains", "serverTLSBootstrap", "rotateCertificates"}

# setting(kb, name) is {"value", "path", "set"} for setting name of kubelet kb: the value
# written (normalized: booleans, port numbers, cipher lists) and where, or the default that
# applies with set false and the path where the setting belongs. Undefined when the value
# cannot be known: a kubelet run with --config whose flags leave the setting out.
setting(kb, name) := {"value": kubeadm_forced[name], "path": array.concat(["resource"], config_path[name]), "set": false} if {
	kb.source == "config"
	kubeadm_stream
	kubeadm_forced[name] != null
} else := {"value": kubeadm_default[name], "path": array.concat(["resource"], config_path[name]), "set": false} if {
	kb.source == "config"
	kubeadm_stream
	trim_space(sprintf("%v", [object.get(input.resource, config_path[name], "")])) == ""
} else := {"value": normalize(name, v), "path": p, "set": true} if {
	kb.source == "config"
	p := array.concat(["resource"], config_path[name])
	v := object.get(input.resource, config_path[name], null)
	v != null
} else := {"value": file_default[name], "path": array.concat(["resource"], config_path[name]), "set": false} if {
	kb.source == "config"
} else := {"value": normalize(name, f.value), "path": f.path, "set": true} if {
	kb.source == "flags"
	f := kb.flags[flag_name[name]]
} else := {"value": flag_default[name], "path": kb.path, "set": false} if {
	kb.source == "flags"
	not kb.file
}

# gate(kb, name) is {"value": bool, "path"} for a feature gate the kubelet sets explicitly
# (featureGates in the file, --feature-gates=A=true,B=false on the command line; the last
# --feature-gates item for a gate wins).
gate(kb, name) := {"value": normalize_bool(v), "path": ["resource", "featureGates", name]} if {
	kb.source == "config"
	v := input.resource.featureGates[name]
} else := {"value": normalize_bool(g[name]), "path": kb.flags["feature-gates"].path} if {
	kb.source == "flags"
	g := gates(kb.flags["feature-gates"].value)
}

gates(s) := {k: pairs[n][1] |
	pairs := gate_pairs(s)
	some k in {p[0] | some p in pairs}
	n := max({n | some n, p in pairs; p[0] == k})
}

gate_pairs(s) := [[trim_space(substring(item, 0, i)), trim_space(substring(item, i + 1, -1))] |
	some item in split(s, ",")
	i := indexof(item, "=")
	i > 0
]

# written(kb, name) renders a setting as the user wrote it, for messages.
written(kb, name, s) := sprintf("%s: %v", [concat(".", config_path[name]), s.value]) if {
	kb.source == "config"
	s.set
} else := sprintf("%s is not set and defaults to %v", [concat(".", config_path[name]), s.value]) if {
	kb.source == "config"
} else := sprintf("--%s=%s", [flag_name[name], kb.flags[flag_name[name]].value]) if {
	s.set
} else := sprintf("--%s is not set and defaults to %v", [flag_name[name], s.value])

normalize(name, v) := normalize_bool(v) if name in bool_settings

else := to_number(trim_space(v)) if {
	name == "readOnlyPort"
	is_string(v)
	regex.match(`^\s*[0-9]+\s*$`, v)
} else := [trim_space(x) | some x in split(v, ","); trim_space(x) != ""] if {
	name == "tlsCipherSuites"
	is_string(v)
} else := v

# normalize_bool reads a boolean the way Go's strconv.ParseBool does (a YAML string too).
normalize_bool(v) := v if is_boolean(v)

else := true if {
	is_string(v)
	trim(trim_space(v), "\"'") in {"true", "True", "TRUE", "t", "T", "1"}
} else := false if {
	is_string(v)
	trim(trim_space(v), "\"'") in {"false", "False", "FALSE", "f", "F", "0"}
} else := v

# --- containers that run the kubelet --------------------------------------------------------

# kubelet_argv(c, i) are the arguments of container i when it runs the kubelet (the base name
# of command[0], or of args[0] when command is empty, is kubelet, and it is not a flag such as
# `--kubelet-service=kube-system/kubelet`; `hyperkube kubelet` too):
# [[path, text], ...] in order.
kubelet_argv(c, i) := array.slice(w, 1, count(w)) if {
	w := words(c, i)
	not startswith(w[0][1], "-")
	lib.basename(w[0][1]) == "kubelet"
} else := array.slice(w, 2, count(w)) if {
	w := words(c, i)
	lib.basename(w[0][1]) == "hyperkube"
	w[1][1] == "kubelet"
}

words(c, i) := array.concat(
	[[["containers", i, "command", j], text(x)] | some j, x in c.command],
	[[["containers", i, "args", j], text(x)] | some j, x in object.get(c, "args", [])],
) if {
	is_array(c.command)
	count(c.command) > 0
} else := [[["containers", i, "args", j], text(x)] | some j, x in c.args] if {
	is_array(c.args)
	count(c.args) > 0
}

text(x) := x if is_string(x)

else := sprintf("%v", [x]) if {
	not is_object(x)
	not is_array(x)
	x != null
} else := ""

# Boolean flags never take the next item as their value (pflag): `--anonymous-auth false`
# sets true and leaves "false" as an operand.
bool_flags := {"anonymous-auth", "make-iptables-util-chains", "rotate-certificates", "rotate-server-certificates"}

# container_flags(argv): {name: {"value", "path"}}; `--name=value`, `--name value`, bare
# `--name` ("true"); the last occurrence wins, except --feature-gates, whose items add up.
container_flags(argv) := object.union(
	{name: parsed[k] |
		some name in {e.name | some e in parsed}
		name != "feature-gates"
		k := max({k | some k, e in parsed; e.name == name})
	},
	feature_gates(parsed),
) if {
	parsed := [e |
		some k, [_, t] in argv
		startswith(t, "--")
		t != "--"
		e := parse_flag(argv, k)
	]
}

feature_gates(parsed) := {"feature-gates": {"value": concat(",", [e.value | some e in parsed; e.name == "feature-gates"]), "path": last.path}} if {
	fg := [e | some e in parsed; e.name == "feature-gates"]
	count(fg) > 0
	last := fg[count(fg) - 1]
} else := {}

parse_flag(argv, k) := {"name": substring(body, 0, indexof(body, "=")), "value": substring(body, indexof(body, "=") + 1, -1), "path": argv[k][0]} if {
	body := substring(argv[k][1], 2, -1)
	contains(body, "=")
} else := {"name": body, "value": argv[k + 1][1], "path": argv[k][0]} if {
	body := substring(argv[k][1], 2, -1)
	not body in bool_flags
	not startswith(argv[k + 1][1], "-")
} else := {"name": substring(argv[k][1], 2, -1), "value": "true", "path": argv[k][0]}

# fix(kb, s, description, v) is a fix (lib.fix_set) that sets setting s of kubelet kb to v
# where it belongs: in a KubeletConfiguration, or in kubeadm's kubeletExtraArgs (as a string,
# which they take); null for a command-line flag (the engine does not rewrite arguments).
fix(kb, s, description, v) := lib.fix_set(description, s.path, v) if {
	kb.source == "config"
} else := lib.fix_set(description, s.path, sprintf("%v", [v])) if {
	s.set
	s.path[1] == "nodeRegistration"
} else := null
