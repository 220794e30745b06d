package shiplint.kubernetes.ingress_no_tls_test

import data.shiplint.kubernetes.ingress_no_tls

test_fires if {
	ingress_no_tls.deny == {{"msg": "Ingress \"i\" has no tls section and serves plain HTTP", "path": ["resource", "spec", "tls"]}} with input as {"resourceKind": "Ingress", "name": "i", "resource": {"spec": {"rules": []}}}
}

test_quiet if {
	count(ingress_no_tls.deny) == 0 with input as {"resourceKind": "Ingress", "name": "i", "resource": {"spec": {"tls": [{"hosts": ["a"]}]}}}
	count(ingress_no_tls.deny) == 0 with input as {"resourceKind": "Ingress", "name": "i", "resource": {"metadata": {"annotations": {"alb.ingress.kubernetes.io/certificate-arn": "arn"}}, "spec": {}}}
}
