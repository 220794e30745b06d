package shiplint.compose.remote_login_port_public_test

import data.shiplint.compose.remote_login_port_public

p(target, published, host_ip) := {"target": target, "published": published, "host_ip": host_ip, "protocol": "tcp"}

test_public_fires if {
	remote_login_port_public.deny == {
		{"msg": "Service \"box\" publishes SSH (container port 22) on all host interfaces", "path": ["services", "box", "ports", 0]},
		{"msg": "Service \"box\" publishes SSH (container port 22) on all host interfaces", "path": ["services", "box", "ports", 1]},
		{"msg": "Service \"chrome\" publishes VNC (container port 5900) on all host interfaces", "path": ["services", "chrome", "ports", 0]},
		{"msg": "Service \"win\" publishes RDP (container port 3389) on all host interfaces", "path": ["services", "win", "ports", 0]},
		{"msg": "Service \"win\" publishes WinRM (HTTP) (container port 5985), WinRM (HTTPS) (container port 5986) on all host interfaces", "path": ["services", "win", "ports", 1]},
		{"msg": "Service \"sshd\" publishes SSH (container port 2222) on all host interfaces", "path": ["services", "sshd", "ports", 0]},
	} with input as {"services": {
		"box": {"image": "rastasheep/ubuntu-sshd", "ports": [p("22", "2222", null), p("22", null, "0.0.0.0"), p("22", "22", "127.0.0.1")]},
		"chrome": {"image": "selenium/standalone-chrome", "ports": [p("5900", "5900", "::"), p("4444", "4444", null)]},
		"win": {"image": "dockurr/windows", "ports": [p("3389", "3389", null), p("5985-5986", "5985-5986", null)]},
		"sshd": {"image": "lscr.io/linuxserver/openssh-server", "ports": [p("2222", "2222", null)]},
	}}
}

test_quiet if {
	count(remote_login_port_public.deny) == 0 with input as {"services": {
		"web": {"image": "nginx", "ports": [p("80", "22", null), p("${PORT}", "22", null), p("2222", "2222", null)], "expose": ["22"]},
		"box": {"image": "rastasheep/ubuntu-sshd", "ports": [p("22", "2222", "127.0.0.1"), p("22", "2222", "::1")]},
		"git": {"image": "gitea/gitea:1.22", "ports": [p("22", "2222", null)]},
		"gitlab": {"image": "gitlab/gitlab-ce:17.3.0-ce.0", "ports": [p("22", "22", null)]},
	}}
}
