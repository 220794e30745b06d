# METADATA
# title: Database or admin port published on all interfaces
# description: >-
#   A port published without a host address (`"5432:5432"`, `"6379"`, or `host_ip: 0.0.0.0`)
#   listens on every interface of the host, and Docker's iptables rules bypass host firewalls
#   such as ufw: the database, cache, search engine or message broker is reachable from the
#   network, often with default or no credentials (Redis, memcached, Elasticsearch, MongoDB).
#   Medium, because exposure depends on the host's network, but these services are scanned
#   for constantly.
# related_resources:
# - https://docs.docker.com/reference/compose-file/services/#ports
# - https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw
# - https://docs.docker.com/engine/network/#published-ports
# custom:
#   id: DC021
#   severity: medium
#   remediation: >-
#     Bind the port to the loopback interface (`"127.0.0.1:5432:5432"`), or remove `ports:` and
#     let the other services reach it over the Compose network by service name (`expose:` is
#     enough for that). Teams can change the port list with the `ports` parameter.
#   frameworks: {cis-docker: "5.13"}
#   aliases: [451d79dc-0588-476a-ad03-3c7f0320abb3]
package shiplint.compose.database_port_public

import data.shiplint.lib
import data.shiplint.lib.compose

# Container ports of data stores and admin interfaces that are not meant for the
# public network. The container side is compared: a database listens on its
# standard port inside, whatever host port it is published on.
default_ports := {
	"1433": "SQL Server", "1521": "Oracle", "2181": "ZooKeeper", "2379": "etcd",
	"3306": "MySQL/MariaDB", "5432": "PostgreSQL", "5672": "RabbitMQ AMQP", "5984": "CouchDB",
	"6379": "Redis", "7687": "Neo4j Bolt", "8529": "ArangoDB", "9042": "Cassandra CQL",
	"9200": "Elasticsearch/OpenSearch HTTP", "9300": "Elasticsearch transport",
	"11211": "memcached", "15672": "RabbitMQ management", "26379": "Redis Sentinel",
	"27017": "MongoDB", "27018": "MongoDB shard", "27019": "MongoDB config server",
	"28015": "RethinkDB",
}

# Ports other software uses too (8086 is also Schema Registry's, 8123 Home
# Assistant's, 7000 many web apps'): flagged only when the image is that store.
ambiguous_ports := {
	"2380": ["etcd", "etcd peer"], "7000": ["cassandra", "Cassandra inter-node"],
	"7001": ["cassandra", "Cassandra inter-node (TLS)"], "7474": ["neo4j", "Neo4j HTTP"],
	"8086": ["influxdb", "InfluxDB"], "8091": ["couchbase", "Couchbase"],
	"8123": ["clickhouse", "ClickHouse HTTP"], "8500": ["consul", "Consul HTTP API"],
	"9000": ["clickhouse", "ClickHouse native"],
}

ports := lib.param("DC021", "ports", default_ports)

known(_, port) := ports[port]

known(svc, port) := what if {
	not ports[port]
	[image_word, what] := ambiguous_ports[port]
	contains(lower(svc.image), image_word)
}

candidates := {p | some p, _ in ports} | {p | some p, _ in ambiguous_ports}

deny contains lib.finding(msg, ["services", name, "ports", i]) if {
	some name, svc in input.services
	some i, p in svc.ports
	compose.all_interfaces(p)
	[lo, hi] := compose.port_range(p.target)
	found := sort([sprintf("%s (container port %s)", [what, port]) |
		some port in candidates
		to_number(port) >= lo
		to_number(port) <= hi
		what := known(svc, port)
	])
	count(found) > 0
	msg := sprintf("Service %q publishes %s on all host interfaces", [name, concat(", ", found)])
}
