// Command opafloor links OPA's rego package and exits: the time it takes
// from start to exit is the floor of any process that evaluates Rego with
// OPA in-process, before a single rule is parsed. See docs/performance.md.
//
//	go build -o /tmp/opafloor ./bench/opafloor && time /tmp/opafloor
package main

import _ "github.com/open-policy-agent/opa/v1/rego"

func main() {}
