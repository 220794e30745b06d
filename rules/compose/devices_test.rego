package shiplint.compose.devices_test

import data.shiplint.compose.devices

test_device_fires if {
	devices.deny == {{"msg": "Service \"a\" maps the host device /dev/sda", "path": ["services", "a", "devices", 0]}} with input as {"services": {"a": {"devices": [{"source": "/dev/sda", "target": "/dev/sda", "permissions": null}]}}}
}

test_gpu_reservation_is_quiet if {
	count(devices.deny) == 0 with input as {"services": {"a": {"deploy": {"resources": {"reservations": {"devices": [{"driver": "nvidia", "count": 1}]}}}, "devices": []}}}
}
