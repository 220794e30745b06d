# METADATA
# title: CMD or ENTRYPOINT in shell form
# description: >-
#   In shell form (`CMD node server.js`) the container's PID 1 is `/bin/sh -c`, which does not
#   forward SIGTERM to the application: `docker stop` and Kubernetes wait out the grace period
#   and then SIGKILL it, so it never shuts down cleanly (lost requests, unflushed data). A
#   shell-form ENTRYPOINT also ignores CMD and `docker run` arguments. Low. Only the CMD and
#   ENTRYPOINT that take effect in the final image are checked; `exec app` in shell form is fine.
# related_resources:
# - https://docs.docker.com/reference/dockerfile/#shell-and-exec-form
# - https://docs.docker.com/reference/build-checks/json-args-recommended/
# custom:
#   id: DF041
#   severity: low
#   remediation: >-
#     Use the JSON (exec) form: `CMD ["node", "server.js"]`; if a shell is needed, end it with
#     `exec`: `CMD ["sh", "-c", "exec node server.js --port $PORT"]`.
#   aliases: [JSONArgsRecommended, DL3025]
package shiplint.dockerfile.shell_form_entrypoint

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

execs(ins) if regex.match(`^\s*exec\s`, concat(" ", ins.args))

deny contains lib.finding(msg, df.instruction_path(s, i)) if {
	some kind in {"cmd", "entrypoint"}
	[s, i] := df.last_in_chain(kind)
	ins := input.stages[s].instructions[i]
	ins.form == "shell"
	not execs(ins)
	msg := sprintf("%s in shell form runs under /bin/sh -c, which does not pass stop signals on: use the JSON form", [upper(kind)])
}
