# METADATA
# title: Service maps host devices
# description: >-
#   `devices` gives the container direct access to a host device node. A disk (/dev/sda,
#   /dev/nvme0n1), /dev/mem or /dev/kmsg lets it read or change the host below the
#   filesystem; even a GPU or USB device exposes driver code to the container. Medium, because
#   the impact depends on the device (raw disks and memory are critical).
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#devices
# - https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
# custom:
#   id: DC013
#   severity: medium
#   remediation: >-
#     Map only the device the service needs, with the narrowest permissions (`/dev/ttyUSB0:/dev/ttyUSB0:r`),
#     and never a disk or memory device. For GPUs prefer `deploy.resources.reservations.devices`.
#   frameworks: {cis-docker: "5.17"}
package shiplint.compose.devices

import data.shiplint.lib

deny contains lib.finding(msg, ["services", name, "devices", i]) if {
	some name, svc in input.services
	some i, d in svc.devices
	src := object.get(d, "source", null)
	msg := sprintf("Service %q maps the host device %v", [name, src])
}
