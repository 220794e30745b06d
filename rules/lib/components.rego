# METADATA
# description: >-
#   The control-plane components of shiplint.lib.controlplane as the CP2 rules (controller
#   manager, scheduler, etcd) read them: a container whose first word is a flag whose value
#   merely ends in a component's name (`--kubelet-service=kube-system/etcd`) does not run it.
package shiplint.lib.components

import data.shiplint.lib
import data.shiplint.lib.controlplane as cp

# component(name) is cp.components[name] unless that match is such a flag.
component(name) := c if {
	c := cp.components[name]
	not flag_named(c, name)
}

flag_named(c, name) if {
	c.source == "pod"
	w := first_word(input.containers[c.path[1]])
	is_string(w)
	startswith(w, "-")
	lib.basename(w) == name
}

first_word(c) := c.command[0] if {
	is_array(c.command)
	count(c.command) > 0
} else := c.args[0]
