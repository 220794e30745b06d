# METADATA
# title: sudo used in RUN
# description: >-
#   Build steps already run as the current USER, so `sudo` in a RUN either does nothing useful
#   (as root) or means the image ships a sudo binary and a sudoers rule that let the runtime
#   user become root again. Low: by itself it is confusion rather than an exploit, but it often
#   leaves a privilege-escalation path installed in the image.
# related_resources:
# - https://docs.docker.com/build/building/best-practices/#user
# - https://github.com/hadolint/hadolint/wiki/DL3004
# custom:
#   id: DF004
#   severity: low
#   remediation: >-
#     Drop `sudo`: switch with `USER root` before the steps that need root and back to the
#     unprivileged user (`USER app`) after them, and do not install sudo in the image.
#   aliases: [DL3004, DS010, AVD-DS-0010, CKV2_DOCKER_1]
package shiplint.dockerfile.sudo_in_run

import data.shiplint.lib
import data.shiplint.lib.dockerfile as df

deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.sudo_commands
	msg := sprintf("RUN uses sudo to run %q: switch with USER instead of sudo", [c.name])
}

# sudo with no command to unwrap (sudo -i, sudo -s)
deny contains lib.finding(msg, df.command_path(s, i, k)) if {
	some [s, i, k, c] in df.commands_named({"sudo"})
	msg := "RUN uses sudo: switch with USER instead of sudo"
}
