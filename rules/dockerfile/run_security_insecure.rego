# METADATA
# title: RUN --security=insecure
# description: >-
#   `RUN --security=insecure` runs the step without the build sandbox, like a privileged
#   container: it can reach host devices and kernel interfaces, so a malicious or compromised
#   script in that step can take over the build host. High.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#run---security
# custom:
#   id: DF013
#   severity: high
#   remediation: >-
#     Remove `--security=insecure`. Do what needs privileges outside the image build, or grant
#     the one capability needed at run time instead.
package shiplint.dockerfile.run_security_insecure

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, ["stages", s, "instructions", i, "flags", df.flag_index(ins, "security")]) if {
	some [s, i, ins] in df.instructions_named({"run"})
	count(ins.flags) > 0
	df.flag(ins, "security") == "insecure"
	msg := "RUN --security=insecure runs this step without the build sandbox"
}
