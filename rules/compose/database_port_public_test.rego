package shiplint.compose.database_port_public_test

import data.shiplint.compose.database_port_public

p(target, published, host_ip) := {"target": target, "published": published, "host_ip": host_ip, "protocol": "tcp"}

test_public_fires if {
	database_port_public.deny == {
		{"msg": "Service \"db\" publishes PostgreSQL (container port 5432) on all host interfaces", "path": ["services", "db", "ports", 0]},
		{"msg": "Service \"db\" publishes PostgreSQL (container port 5432) on all host interfaces", "path": ["services", "db", "ports", 1]},
		{"msg": "Service \"cache\" publishes Redis (container port 6379) on all host interfaces", "path": ["services", "cache", "ports", 0]},
	} with input as {"services": {
		"db": {"ports": [p("5432", "15432", null), p("5432", null, "0.0.0.0"), p("5432", "5432", "127.0.0.1")]},
		"cache": {"ports": [p("6300-6400", "6300-6400", "::")]},
	}}
}

test_quiet if {
	count(database_port_public.deny) == 0 with input as {"services": {
		"web": {"ports": [p("80", "5432", null), p("${PORT}", "5432", null)], "expose": ["5432"]},
		"db": {"ports": [p("5432", "5432", "127.0.0.1"), p("5432", "5432", "::1")]},
	}}
}

test_ambiguous_port_needs_the_image if {
	database_port_public.deny == {{"msg": "Service \"influx\" publishes InfluxDB (container port 8086) on all host interfaces", "path": ["services", "influx", "ports", 0]}} with input as {"services": {
		"influx": {"image": "influxdb:2.7", "ports": [p("8086", "8086", null)]},
		"registry": {"image": "confluentinc/cp-schema-registry:7.7.0", "ports": [p("8086", "8086", null)]},
	}}
}
