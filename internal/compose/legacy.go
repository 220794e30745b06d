package compose

import (
	"bytes"
	"strings"

	"github.com/shiplint/shiplint/internal/document"
	"github.com/shiplint/shiplint/internal/yamldoc"
)

// The legacy (version 1) Compose format has no services: key: every
// top-level key is a service. It is read into the same model as the
// current format, so every rule applies to it.

// topLevelKeys are the top-level keys of the current format.
var topLevelKeys = map[string]bool{
	"version": true, "services": true, "volumes": true, "networks": true, "secrets": true,
	"configs": true, "name": true, "include": true, "models": true,
}

// serviceKeys are the keys a service may hold, in the current format or the
// legacy one (net, dockerfile, log_driver, log_opt, volume_driver).
var serviceKeys = map[string]bool{
	"annotations": true, "attach": true, "blkio_config": true, "build": true, "cap_add": true,
	"cap_drop": true, "cgroup": true, "cgroup_parent": true, "command": true, "configs": true,
	"container_name": true, "cpu_count": true, "cpu_percent": true, "cpu_period": true,
	"cpu_quota": true, "cpu_rt_period": true, "cpu_rt_runtime": true, "cpu_shares": true,
	"cpus": true, "cpuset": true, "credential_spec": true, "depends_on": true, "deploy": true,
	"develop": true, "device_cgroup_rules": true, "devices": true, "dns": true, "dns_opt": true,
	"dns_search": true, "domainname": true, "driver_opts": true, "entrypoint": true,
	"env_file": true, "environment": true, "expose": true, "extends": true,
	"external_links": true, "extra_hosts": true, "gpus": true, "group_add": true,
	"healthcheck": true, "hostname": true, "image": true, "init": true, "ipc": true,
	"isolation": true, "label_file": true, "labels": true, "links": true, "logging": true,
	"mac_address": true, "mem_limit": true, "mem_reservation": true, "mem_swappiness": true,
	"memswap_limit": true, "models": true, "network_mode": true, "networks": true,
	"oom_kill_disable": true, "oom_score_adj": true, "pid": true, "pids_limit": true,
	"platform": true, "ports": true, "post_start": true, "pre_stop": true, "privileged": true,
	"profiles": true, "provider": true, "pull_policy": true, "read_only": true, "restart": true,
	"runtime": true, "scale": true, "secrets": true, "security_opt": true, "shm_size": true,
	"stdin_open": true, "stop_grace_period": true, "stop_signal": true, "storage_opt": true,
	"sysctls": true, "tmpfs": true, "tty": true, "ulimits": true, "use_api_socket": true,
	"user": true, "userns_mode": true, "uts": true, "volumes": true, "volumes_from": true,
	"working_dir": true,
	// legacy only
	"net": true, "dockerfile": true, "log_driver": true, "log_opt": true, "volume_driver": true,
}

// defines reports whether a service mapping says what to run: an image, a
// build or a service it extends.
func defines(svc map[string]any) bool {
	return svc["image"] != nil || svc["build"] != nil || svc["extends"] != nil
}

// isLegacy reports whether a file's root mapping is in the legacy format:
// no services: and no version: key, and some top-level key is a mapping
// that names an image, a build or an extends.
func isLegacy(root map[string]any) bool {
	if _, ok := root["services"]; ok {
		return false
	}
	if _, ok := root["version"]; ok {
		return false
	}
	for k, v := range root {
		if m, ok := v.(map[string]any); ok && !strings.HasPrefix(k, "x-") && defines(m) {
			return true
		}
	}
	return false
}

// servicesOf returns the services of a root mapping and whether they are
// written in the legacy format (at the top level). In a legacy file every
// top-level mapping is a service, except x-* keys and a key of the current
// format's top level that names neither image, build nor extends.
func servicesOf(root map[string]any) (map[string]any, bool) {
	if !isLegacy(root) {
		svcs, _ := root["services"].(map[string]any)
		return svcs, false
	}
	svcs := map[string]any{}
	for k, v := range root {
		m, ok := v.(map[string]any)
		if !ok || strings.HasPrefix(k, "x-") || topLevelKeys[k] && !defines(m) {
			continue
		}
		svcs[k] = m
	}
	return svcs, true
}

// legacyService rewrites the keys of a legacy service that the current
// format spells otherwise, moving their positions (pos is keyed relative to
// the service): net → network_mode ("container:x" kept as written),
// dockerfile → build.dockerfile, log_driver and log_opt → logging.driver and
// logging.options. A key the current format already sets wins.
func legacyService(svc map[string]any, pos document.Positions) map[string]any {
	out := make(map[string]any, len(svc))
	for k, v := range svc {
		out[k] = v
	}
	move := func(from, to string) {
		yamldoc.MirrorFrom(pos, pos, from, to)
		for k := range pos {
			if k == from || strings.HasPrefix(k, from+"/") {
				delete(pos, k)
			}
		}
	}
	if v, ok := out["net"]; ok {
		delete(out, "net")
		if _, set := out["network_mode"]; !set {
			out["network_mode"] = v
			move("/net", "/network_mode")
		}
	}
	if v, ok := out["dockerfile"]; ok {
		if ctx, isText := out["build"].(string); isText {
			delete(out, "dockerfile")
			out["build"] = map[string]any{"context": ctx, "dockerfile": v}
			pos["/build/context"] = pos["/build"]
			move("/dockerfile", "/build/dockerfile")
		}
	}
	driver, hasDriver := out["log_driver"]
	opts, hasOpts := out["log_opt"]
	if _, set := out["logging"]; !set && (hasDriver || hasOpts) {
		logging := map[string]any{}
		if r, ok := pos["/log_driver"]; ok {
			pos["/logging"] = r
		} else if r, ok := pos["/log_opt"]; ok {
			pos["/logging"] = r
		}
		if hasDriver {
			logging["driver"] = driver
			move("/log_driver", "/logging/driver")
		}
		if hasOpts {
			logging["options"] = opts
			move("/log_opt", "/logging/options")
		}
		delete(out, "log_driver")
		delete(out, "log_opt")
		out["logging"] = logging
	}
	return out
}

// Looks reports whether YAML that is not named like a Compose file has the
// shape of one strongly enough to be read as Compose: a single document
// whose root is a mapping, either with a services: mapping (current
// format; every other top-level key one of that format's) or, in the legacy
// format, with only mappings at the top level. Either way every service is
// a mapping holding only keys a Compose service may hold, names its image
// (a string) or build, and there is at least one service. A CI pipeline
// (script:, stage:), Helm values (image: {repository, tag}, replicaCount: 1)
// or an Ansible playbook (a list) fails one of these.
func Looks(src []byte) bool {
	if bytes.Contains(src, []byte("{{")) || !mayLook(src) {
		return false
	}
	docs, err := yamldoc.Decode("", src, yamldoc.Options{})
	if err != nil || len(docs) != 1 {
		return false
	}
	root, ok := docs[0].Value.(map[string]any)
	if !ok {
		return false
	}
	svcs := root
	if _, ok := root["services"]; ok {
		for k := range root {
			if !topLevelKeys[k] && !strings.HasPrefix(k, "x-") {
				return false
			}
		}
		if svcs, ok = root["services"].(map[string]any); !ok {
			return false
		}
	} else if _, ok := root["version"]; ok {
		return false
	}
	n := 0
	for k, v := range svcs {
		if strings.HasPrefix(k, "x-") {
			continue
		}
		svc, ok := v.(map[string]any)
		if !ok || !serviceShaped(svc) {
			return false
		}
		n++
	}
	return n > 0
}

// serviceShaped holds for a mapping that can only be a Compose service.
func serviceShaped(svc map[string]any) bool {
	for k := range svc {
		if !serviceKeys[k] && !strings.HasPrefix(k, "x-") {
			return false
		}
	}
	if _, ok := svc["image"].(string); ok {
		return true
	}
	switch svc["build"].(type) {
	case string, map[string]any:
		return true
	}
	return false
}

// mayLook is a line scan that rules out most YAML before it is decoded: an
// indented image: or build: key, and at the top level a services: key or
// else only keys that open a block (a value on the line other than a flow
// mapping, an anchor or a comment is not a legacy service).
func mayLook(src []byte) bool {
	var service, services, scalar bool
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			key := bytes.TrimLeft(line, " \t")
			for _, k := range [][]byte{[]byte("image"), []byte("build")} {
				if rest, ok := bytes.CutPrefix(key, k); ok && len(bytes.TrimLeft(rest, " \t")) > 0 && bytes.TrimLeft(rest, " \t")[0] == ':' {
					service = true
				}
			}
			continue
		}
		if bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")) || line[0] == '%' {
			continue
		}
		if bytes.HasPrefix(line, []byte("services")) && bytes.HasPrefix(bytes.TrimLeft(line[len("services"):], " \t"), []byte(":")) {
			services = true
			continue
		}
		i := bytes.Index(line, []byte(": "))
		switch {
		case bytes.HasSuffix(line, []byte(":")) && i < 0:
		case i < 0:
			scalar = true // a list item, or text that is no key
		default:
			if v := bytes.TrimLeft(line[i+2:], " \t"); len(v) > 0 && v[0] != '{' && v[0] != '&' && v[0] != '#' {
				scalar = true
			}
		}
	}
	return service && (services || !scalar)
}
